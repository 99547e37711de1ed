// A conformance rule: one named requirement on a CIM_Service implementation, with what it
// says, where it comes from, why it has its level and how its check judges it. Each rule is
// defined next to the check that judges it (conformance/src/checks_*.cpp); docs/rules.md
// and `wmimock rules ID` are made from these definitions.
#pragma once

#include <span>
#include <string_view>

namespace wmimock::conformance {

enum class Level { Must, Should, May };
std::string_view toString(Level level) noexcept;  // "MUST", "SHOULD", "MAY"

struct Rule {
    std::string_view id = {};         ///< "SS-001"
    Level level = Level::Must;        ///< the strongest level the rule states
    std::string_view levelText = {};  ///< the level of each clause, e.g. "MUST/SHOULD"
    std::string_view levelWhy = {};   ///< whether a source states the level or it is our reading, and why
    std::string_view title = {};      ///< one line: "successful StopService returns 0"
    std::string_view statement = {};  ///< the requirement in full
    std::string_view source = {};     ///< abbreviations of the sources, "SVC; HV-SS" (see sourceGlossary())
    std::string_view procedure = {};  ///< what the check does and which outcome each finding gives
    bool checked = true;              ///< false: deliberately not checked (see `whyNotChecked`)
    std::string_view whyNotChecked = {};
};

/// The whole catalog, in catalog order (SS, RSC, CON, ERR, JOB, CONC; by number).
std::span<const Rule> rules() noexcept;
/// The rule with this ID (case-insensitive) or nullptr.
const Rule* findRule(std::string_view id) noexcept;

/// One abbreviation a rule's `source` uses.
struct SourceTerm {
    std::string_view abbreviation = {};  ///< "SVC"
    std::string_view meaning;
};
std::span<const SourceTerm> sourceGlossary() noexcept;
/// The glossary entry for one abbreviation (case-sensitive) or nullptr.
const SourceTerm* findSourceTerm(std::string_view abbreviation) noexcept;

}  // namespace wmimock::conformance
