// A run as JSON for machines: {"tool", "version", "started", "duration", "interrupted",
// "passed", "summary": {...}, "results": [{...}], "notes": [...]}. Field names follow
// CheckResult; durations are seconds (numbers), outcomes and levels the toString() words.
#pragma once

#include <filesystem>
#include <string>

#include "wmimock/conformance/result.hpp"

namespace wmimock::reports {

/// Pretty-printed with `indent` spaces (negative: one line). Invalid UTF-8 is replaced.
std::string writeJson(const conformance::RunResult& run, int indent = 2);
void writeJsonFile(const std::filesystem::path& file, const conformance::RunResult& run);

}  // namespace wmimock::reports
