// Internal: the textual forms of literals shared by values, object paths and MOF output.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wmimock::detail {

/// An integer literal: sign and magnitude, so that every int64 and uint64 fits.
struct IntegerLiteral {
    bool negative = false;
    std::uint64_t magnitude = 0;
    bool overflow = false;  ///< magnitude does not fit 64 bits
};

/// Decimal ("42", "-7", "+3"), hexadecimal ("0x1F") or binary with MOF's suffix ("101b").
/// Leading zeros are decimal, as in CIM-XML (MOF's octal form is not accepted).
std::optional<IntegerLiteral> parseIntegerLiteral(std::string_view text) noexcept;

/// A real literal as CIM-XML and MOF write it ("1.5", "-2e10", ".5", "INF", "-INF", "NaN").
std::optional<double> parseRealLiteral(std::string_view text) noexcept;

/// True for "INF", "-INF", "+Infinity"...: an infinity written on purpose, not an overflow.
bool isInfinityLiteral(std::string_view text) noexcept;

/// Shortest text that reads back to the same double / float.
std::string formatReal64(double v);
std::string formatReal32(float v);

/// Strips ASCII whitespace at both ends.
std::string_view trimSpaces(std::string_view text) noexcept;

/// MOF string literal body escapes (\" \\ \n \t ...), without the surrounding quotes.
std::string escapeMof(std::string_view text, char quote);

/// Appends the UTF-8 encoding of a UCS-2 code unit.
void appendUtf8(std::string& out, char16_t c);
/// Decodes exactly one BMP character from UTF-8; nullopt if text is not exactly one.
std::optional<char16_t> decodeSingleUtf8(std::string_view text) noexcept;

}  // namespace wmimock::detail
