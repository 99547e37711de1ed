// Small judgments several check families share.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check_context.hpp"

namespace wmimock::conformance {

/// "5 (\"Service Cannot Accept Control\")" when the method's ValueMap labels the code.
inline std::string codeText(CheckContext& ctx, std::string_view methodName, std::uint64_t code) {
    const ValueMap* vm =
        methodName == "RequestStateChange" ? &ctx.probe().rscValueMap() : ctx.probe().methodValueMap(methodName);
    const std::string label = vm != nullptr ? vm->labelOf(code) : std::string();
    return label.empty() ? std::to_string(code) : std::to_string(code) + " (\"" + label + "\")";
}

/// The not-supported verdict when the call declined as catalog §0.3 allows:
/// `if (auto no = declined(a.call)) return *no;`
inline std::optional<Verdict> declined(const CallOutcome& call) {
    if (!call.notSupported()) return std::nullopt;
    return verdict::notSupported(call.method + " is not supported by this implementation: " + call.describe());
}

/// The failing (or skipped) cases of a check as one evidence line: "a; b; c".
inline std::string joinCases(const std::vector<std::string>& cases) {
    std::string all;
    for (const std::string& c : cases) {
        if (!all.empty()) all += "; ";
        all += c;
    }
    return all;
}

/// Catalog CON-002 on a settled snapshot: empty when consistent, else what is wrong.
inline std::string startedMismatch(const Snapshot& s) {
    if (!s.started || !s.enabledState || !s.settled()) return {};
    const auto es = *s.enabledState;
    if ((es == 2 || es == 6 || es == 9) && !*s.started) return "Started FALSE with EnabledState " + std::to_string(es);
    if (es == 3 && *s.started) return "Started TRUE with EnabledState 3";
    return {};
}

}  // namespace wmimock::conformance
