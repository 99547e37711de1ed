#include "like_pattern.hpp"

#include <cctype>

namespace wmimock::detail {

namespace {

char fold(char c) noexcept {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

/// Matches one pattern element at p against c; advances *next past the element.
bool elementMatches(std::string_view pattern, std::size_t p, char c, std::size_t* next) noexcept {
    if (pattern[p] == '_') {
        *next = p + 1;
        return true;
    }
    if (pattern[p] == '[') {
        const std::size_t close = pattern.find(']', p + 2);  // "[]" is not a set: ']' right after '[' is literal
        if (close != std::string_view::npos) {
            std::size_t i = p + 1;
            const bool negated = pattern[i] == '^';
            if (negated) ++i;
            bool found = false;
            for (; i < close; ++i) {
                if (i + 2 < close && pattern[i + 1] == '-') {
                    if (fold(c) >= fold(pattern[i]) && fold(c) <= fold(pattern[i + 2])) found = true;
                    i += 2;
                } else if (fold(pattern[i]) == fold(c)) {
                    found = true;
                }
            }
            *next = close + 1;
            return found != negated;
        }
    }
    *next = p + 1;
    return fold(pattern[p]) == fold(c);
}

}  // namespace

bool likeMatches(std::string_view text, std::string_view pattern) noexcept {
    // Greedy matching with one backtrack point at the last '%': linear in practice.
    std::size_t t = 0, p = 0;
    std::size_t starPattern = std::string_view::npos, starText = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == '%') {
            starPattern = ++p;
            starText = t;
            continue;
        }
        std::size_t next = 0;
        if (p < pattern.size() && elementMatches(pattern, p, text[t], &next)) {
            p = next;
            ++t;
            continue;
        }
        if (starPattern == std::string_view::npos) return false;
        p = starPattern;
        t = ++starText;
    }
    while (p < pattern.size() && pattern[p] == '%') ++p;
    return p == pattern.size();
}

std::optional<std::size_t> likePatternError(std::string_view pattern) noexcept {
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '[') continue;
        const std::size_t close = pattern.find(']', i + 2);
        if (close == std::string_view::npos) return i;
        i = close;
    }
    return std::nullopt;
}

}  // namespace wmimock::detail
