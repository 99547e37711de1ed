// A conformance rule: one named requirement of ../shared/spec/stopservice-conformance.md.
#pragma once

#include <span>
#include <string_view>

namespace wmimock::conformance {

enum class Level { Must, Should, May };
std::string_view toString(Level level) noexcept;  // "MUST", "SHOULD", "MAY"

struct Rule {
    std::string_view id;         ///< "SS-001"
    Level level;                 ///< the strongest level the rule states
    std::string_view levelText;  ///< as written in the catalog, e.g. "MUST/SHOULD"
    std::string_view title;      ///< one line: "successful StopService returns 0"
    std::string_view source;     ///< "SVC; HV-SS"
    bool checked;                ///< false: deliberately not checked (see `whyNotChecked`)
    std::string_view whyNotChecked;
};

/// The whole catalog, in catalog order.
std::span<const Rule> rules() noexcept;
/// The rule with this ID (case-insensitive) or nullptr.
const Rule* findRule(std::string_view id) noexcept;

}  // namespace wmimock::conformance
