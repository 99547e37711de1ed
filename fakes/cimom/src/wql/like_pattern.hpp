// WQL LIKE patterns: % any run of characters, _ one character, [abc] / [a-f] one character
// of a set, [^abc] one character outside it; matched case-insensitively as WMI does.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace wmimock::detail {

/// True if `text` matches `pattern`. An unterminated '[' matches itself literally.
bool likeMatches(std::string_view text, std::string_view pattern) noexcept;

/// Offset (0-based) of the first malformed part of `pattern`, or nullopt if well formed.
std::optional<std::size_t> likePatternError(std::string_view pattern) noexcept;

}  // namespace wmimock::detail
