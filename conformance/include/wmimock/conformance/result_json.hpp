// CheckResult as JSON: one object per result, the same in the `--json` report and on the
// pipe between an isolated child and the runner, so a report can be read back.
#pragma once

#include <nlohmann/json.hpp>

#include "wmimock/conformance/result.hpp"

namespace wmimock::conformance {

/// Keys in a fixed order: ruleId, title, level, ruleSource, outcome, message, expected,
/// actual, evidence, log, duration (seconds), target, namespace, class, instancePath,
/// sourceFile, sourceLine.
nlohmann::ordered_json toJson(const CheckResult& result);
/// Tolerates missing or null fields (defaults; an unknown outcome reads as error); throws
/// nlohmann::json::exception on wrong types.
CheckResult checkResultFromJson(const nlohmann::ordered_json& j);

}  // namespace wmimock::conformance
