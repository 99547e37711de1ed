// Tokens of the WQL subset WMI clients use. Keywords are not distinguished here: the parser
// matches identifiers case-insensitively, so property names that look like keywords work.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace wmimock::detail {

enum class WqlTokenKind {
    Identifier,   ///< names and keywords: Name, __CLASS, SELECT
    String,       ///< 'text' or "text" (text holds the unescaped value)
    Integer,      ///< 42, 0x1F (text as written, without sign)
    Real,         ///< 1.5, 2e3
    PathLiteral,  ///< {Win32_Service.Name="x"} (text holds what is between the braces)
    Star,
    Comma,
    LeftParen,
    RightParen,
    Minus,
    Equal,
    NotEqual,  ///< <> or !=
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Invalid,  ///< a character that starts no token; reported by the parser where it matters
    End,
};

struct WqlToken {
    WqlTokenKind kind;
    std::string text;
    std::size_t position;  ///< 1-based column in the query
};

/// Splits a query into tokens, ending with an End token. Throws CimError(InvalidQuery)
/// "WQL syntax error at position N: ..." for an unterminated string or path. A character
/// that starts no token becomes an Invalid token, so that errors are reported in order.
std::vector<WqlToken> tokenizeWql(std::string_view query);

/// "WQL syntax error at position N: <what>" as a CimError(InvalidQuery).
[[noreturn]] void throwWqlSyntaxError(std::size_t position, std::string_view what);

}  // namespace wmimock::detail
