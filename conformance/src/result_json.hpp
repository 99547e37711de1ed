// CheckResult <-> JSON, the wire format between an isolated child and the runner.
#pragma once

#include <nlohmann/json.hpp>

#include "wmimock/conformance/result.hpp"

namespace wmimock::conformance {

nlohmann::json toJson(const CheckResult& result);
/// Tolerates missing fields (defaults); throws nlohmann::json::exception on wrong types.
CheckResult checkResultFromJson(const nlohmann::json& j);

}  // namespace wmimock::conformance
