// The MOF lexer: turns UTF-8 MOF text into tokens that point into the text (no copies).
// Keywords are not reserved here: MOF keywords (class, instance, qualifier, ...) are
// contextual, so they come out as identifiers and the parser compares them
// case-insensitively.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace wmimock::mof {

enum class TokenKind : std::uint8_t {
    End,         ///< end of input
    Identifier,  ///< names and keywords
    Integer,     ///< decimal, 0x hex, 1010b binary or 0-prefixed octal, without sign
    Real,        ///< 1.5, .5, 1.5e-3, without sign
    String,      ///< "..." including the quotes, escapes not yet decoded
    Char,        ///< '...' including the quotes
    Alias,       ///< $Name; text is the name without '$'
    Pragma,      ///< #pragma (any case)
    LBrace,
    RBrace,
    LBracket,
    RBracket,
    LParen,
    RParen,
    Semicolon,
    Comma,
    Colon,
    Equals,
    Plus,
    Minus,
    Invalid,  ///< a lexical error; Token::error says what
};

struct Token {
    TokenKind kind = TokenKind::End;
    std::string_view text;
    std::uint32_t line = 1;
    std::uint32_t column = 1;
    const char* error = nullptr;  ///< for Invalid: a static description
};

/// How a token reads in a message: 'class', "\"abc...\"", end of file.
std::string describeToken(const Token& token);

class Lexer {
public:
    /// `text` must outlive the lexer and every token it returns.
    explicit Lexer(std::string_view text) noexcept : text_(text) {}

    Token next() noexcept;
    /// In a string a backslash stays a backslash, except before a quote or another
    /// backslash (Windows paths in `#pragma include`, which mofcomp reads literally).
    void setLiteralBackslashes(bool on) noexcept { literalBackslashes_ = on; }

private:
    void skipTrivia(Token& errorOut) noexcept;
    void newline(std::size_t afterPos) noexcept;
    Token make(TokenKind kind, std::size_t begin, std::size_t end) const noexcept;
    Token lexNumber(std::size_t begin) noexcept;
    Token lexQuoted(std::size_t begin, char quote) noexcept;
    std::uint32_t columnOf(std::size_t pos) const noexcept { return static_cast<std::uint32_t>(pos - lineStart_ + 1); }

    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t lineStart_ = 0;
    std::uint32_t line_ = 1;
    bool literalBackslashes_ = false;
};

/// Decodes the escapes of a String or Char token's raw text (quotes included) and appends
/// the UTF-8 result to `out`. The lexer has validated the escapes already.
void appendUnescaped(std::string_view raw, std::string& out);

/// Converts MOF source bytes to UTF-8: strips a UTF-8 BOM, decodes UTF-16LE/BE with BOM
/// (and BOM-less UTF-16LE, recognised by NUL high bytes). Invalid surrogates become U+FFFD.
std::string decodeMofSource(std::string_view bytes);
/// True if decodeMofSource() reads `bytes` as UTF-16 (the encoding mofcomp writes).
bool isUtf16Source(std::string_view bytes) noexcept;

}  // namespace wmimock::mof
