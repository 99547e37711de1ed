#include "wmimock/conformance/check_filter.hpp"

#include <cctype>

#include "wmimock/cim/error.hpp"

namespace wmimock::conformance {
namespace {

char lower(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

/// The end of the class that starts at pattern[open] == '[', or npos when unclosed.
std::size_t classEnd(std::string_view pattern, std::size_t open) {
    std::size_t i = open + 1;
    if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) ++i;
    if (i < pattern.size() && pattern[i] == ']') ++i;  // a leading ']' is a member
    while (i < pattern.size() && pattern[i] != ']') ++i;
    return i < pattern.size() ? i : std::string_view::npos;
}

bool classMatches(std::string_view body, char c) {
    bool negated = false;
    if (!body.empty() && (body.front() == '!' || body.front() == '^')) {
        negated = true;
        body.remove_prefix(1);
    }
    bool found = false;
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (i + 2 < body.size() && body[i + 1] == '-') {
            found = found || (lower(c) >= lower(body[i]) && lower(c) <= lower(body[i + 2]));
            i += 2;
        } else {
            found = found || lower(c) == lower(body[i]);
        }
    }
    return found != negated;
}

/// Whether the pattern element at p (one character, '?' or a '[...]' class) matches c;
/// `next` receives the position after the element.
bool elementMatches(std::string_view p, std::size_t at, char c, std::size_t& next) {
    if (p[at] == '[') {
        const std::size_t end = classEnd(p, at);
        next = end + 1;
        return classMatches(p.substr(at + 1, end - at - 1), c);
    }
    next = at + 1;
    return p[at] == '?' || lower(p[at]) == lower(c);
}

// Linear in practice: on a mismatch only the last '*' is retried one character further (the
// classic wildcard algorithm), so a pattern with many stars cannot make a filter hang.
bool matchFrom(std::string_view p, std::string_view t) {
    std::size_t pi = 0, ti = 0;
    std::size_t star = std::string_view::npos, starText = 0;
    while (ti < t.size()) {
        std::size_t next = 0;
        if (pi < p.size() && p[pi] == '*') {
            star = ++pi;
            starText = ti;
        } else if (pi < p.size() && elementMatches(p, pi, t[ti], next)) {
            pi = next;
            ++ti;
        } else if (star != std::string_view::npos) {
            pi = star;
            ti = ++starText;
        } else {
            return false;
        }
    }
    while (pi < p.size() && p[pi] == '*') ++pi;
    return pi == p.size();
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> splitPatterns(std::string_view text) {
    std::vector<std::string_view> out;
    while (!text.empty()) {
        const std::size_t sep = text.find_first_of(",:");
        out.push_back(trim(text.substr(0, sep)));
        if (sep == std::string_view::npos) break;
        text.remove_prefix(sep + 1);
    }
    return out;
}

void validate(std::string_view pattern) {
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '[') continue;
        const std::size_t end = classEnd(pattern, i);
        if (end == std::string_view::npos) {
            throw CimError(CimStatus::InvalidParameter,
                           "filter pattern '" + std::string(pattern) + "' has a '[' without its ']'");
        }
        i = end;
    }
}

bool any(const std::vector<std::string>& patterns, const CheckInfo& check) {
    const std::string key = filterKey(check);
    for (const auto& p : patterns) {
        if (globMatches(p, key) || globMatches(p, check.ruleId) || globMatches(p, check.title)) return true;
    }
    return false;
}

}  // namespace

bool globMatches(std::string_view pattern, std::string_view text) {
    return matchFrom(pattern, text);
}

CheckFilter::CheckFilter(std::string_view filter, std::string_view exclude) {
    filter = trim(filter);
    exclude = trim(exclude);
    text_ = std::string(filter.empty() ? "*" : filter);
    if (!exclude.empty()) text_ += " (excluding " + std::string(exclude) + ")";
    bool negative = false;
    for (std::string_view p : splitPatterns(filter)) {
        if (!p.empty() && p.front() == '-') {
            negative = true;
            p = trim(p.substr(1));
        }
        if (p.empty()) continue;
        validate(p);
        (negative ? negative_ : positive_).emplace_back(p);
    }
    for (std::string_view p : splitPatterns(exclude)) {
        if (!p.empty() && p.front() == '-') p = trim(p.substr(1));
        if (p.empty()) continue;
        validate(p);
        negative_.emplace_back(p);
    }
}

bool CheckFilter::selects(const CheckInfo& check) const {
    return (positive_.empty() || any(positive_, check)) && !any(negative_, check);
}

}  // namespace wmimock::conformance
