// The registry of checks: each family file (checks_ss.cpp, checks_rsc.cpp, ...) defines its
// checks with WMIMOCK_CHECK and lists them; allChecks() puts them in catalog order.
#pragma once

#include <span>
#include <string_view>

#include "check_context.hpp"
#include "wmimock/conformance/checks.hpp"
#include "wmimock/conformance/rule.hpp"

namespace wmimock::conformance {

using CheckFunction = Verdict (*)(CheckContext&);

struct CheckDef {
    CheckInfo info;
    CheckFunction run;
    Needs needs = Needs::Nothing;  ///< looked at by the engine before `run`
};

/// "conformance/src/checks_ss.cpp" from the compiler's __FILE__.
constexpr std::string_view sourceRelative(std::string_view file) noexcept {
    const auto at = file.rfind("conformance/src/");
    return at == std::string_view::npos ? file : file.substr(at);
}

// One function per check, returning its Verdict; the definition's line is the check's source line. What the check
// needs of T, if anything, follows the title: WMIMOCK_CHECK(rsc001, ..., "Title", Needs::Enablement).
#define WMIMOCK_CHECK(function, ruleId, title, ...)                                                 \
    Verdict function(CheckContext& ctx);                                                            \
    constexpr CheckDef function##Def{                                                               \
        {ruleId, title, sourceRelative(__FILE__), __LINE__, false}, &function, Needs{__VA_ARGS__}}; \
    Verdict function(CheckContext& ctx)

// A check that judges what the target answered during the whole run (CheckInfo::afterOthers).
#define WMIMOCK_CHECK_AFTER_OTHERS(function, ruleId, title, ...)                                   \
    Verdict function(CheckContext& ctx);                                                           \
    constexpr CheckDef function##Def{                                                              \
        {ruleId, title, sourceRelative(__FILE__), __LINE__, true}, &function, Needs{__VA_ARGS__}}; \
    Verdict function(CheckContext& ctx)

/// Each family's rules, in catalog order (defined beside their checks).
std::span<const Rule* const> ssRules() noexcept;
std::span<const Rule* const> rscRules() noexcept;
std::span<const Rule* const> conRules() noexcept;
std::span<const Rule* const> errRules() noexcept;
std::span<const Rule* const> jobRules() noexcept;
std::span<const Rule* const> concRules() noexcept;

std::span<const CheckDef> ssChecks() noexcept;
std::span<const CheckDef> rscChecks() noexcept;
std::span<const CheckDef> conChecks() noexcept;
std::span<const CheckDef> errChecks() noexcept;
std::span<const CheckDef> jobChecks() noexcept;
std::span<const CheckDef> concChecks() noexcept;

/// Every check in catalog order (same order and size as checks()).
std::span<const CheckDef> allChecks() noexcept;
/// The definition behind a CheckInfo from checks() (matched by rule ID and title).
const CheckDef* findCheck(const CheckInfo& info) noexcept;

}  // namespace wmimock::conformance
