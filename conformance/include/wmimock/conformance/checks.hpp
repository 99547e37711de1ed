// The checks of the suite: one or a few per rule, each written once and run against every
// target and instance. Listed in catalog order; the order is part of plan() determinism.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace wmimock::conformance {

struct CheckInfo {
    std::string_view ruleId;      ///< "SS-001"
    std::string_view title;       ///< CamelCase, unique: "StopServiceReturns0"
    std::string_view sourceFile;  ///< path relative to the source tree: "conformance/src/checks_ss.cpp"
    int sourceLine = 0;           ///< where the check's code starts
    /// Judges what the target answered during the whole run (ERR-011): planned after every
    /// other check of an instance, so that the runner can hand it what they saw.
    bool afterOthers = false;
};

/// Every check, in catalog order (rule order of the catalog, then declaration order), the
/// checks that judge the whole run last.
std::span<const CheckInfo> checks() noexcept;

/// "SS-001 StopServiceReturns0": what harness::RunOptions::filter globs are matched against.
std::string filterKey(const CheckInfo& check);

/// True if `filter` selects the check: CheckFilter(filter).selects(check) (check_filter.hpp,
/// GoogleTest-style patterns); empty selects everything.
bool matchesFilter(const CheckInfo& check, std::string_view filter);

/// "SS_001_StopServiceReturns0": the check's name where only [A-Za-z0-9_] is allowed
/// (GoogleTest names, JUnit-friendly identifiers).
std::string identifier(const CheckInfo& check);

}  // namespace wmimock::conformance
