// Choosing checks the way GoogleTest's --gtest_filter chooses tests, so that CI users need
// to learn nothing new:
//
//   SS-*                    every check of an SS rule
//   RSC-00[78],ERR-001      a character class; ',' or ':' separate patterns
//   SS-*:-SS-002            SS rules but SS-002 (a pattern that starts with '-' begins the
//                           negative patterns; every pattern after it is negative too)
//   -CONC-*                 everything but the concurrency rules
//
// Patterns use '*', '?' and '[...]' ('[!...]' or '[^...]' negates, 'a-z' ranges), match
// case-insensitively, and are tried against "RULE-ID Title", the rule ID alone and the title
// alone, so "SS-001" selects every check of SS-001 and "*Idempotent*" selects by title.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "wmimock/conformance/checks.hpp"

namespace wmimock::conformance {

class CheckFilter {
public:
    /// `filter` as above (empty: every check); `exclude` adds negative patterns. Throws
    /// CimError(InvalidParameter) for a pattern with an unclosed '['.
    explicit CheckFilter(std::string_view filter = {}, std::string_view exclude = {});

    bool selects(const CheckInfo& check) const;
    /// The filter as given, for messages: "SS-*:-SS-002 (excluding CONC-*)".
    const std::string& text() const noexcept { return text_; }

private:
    std::vector<std::string> positive_, negative_;
    std::string text_;
};

/// Case-insensitive match of one pattern ('*', '?', '[...]') against `text`.
bool globMatches(std::string_view pattern, std::string_view text);

}  // namespace wmimock::conformance
