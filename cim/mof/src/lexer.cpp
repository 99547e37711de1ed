#include "wmimock/mof/lexer.hpp"

#include <array>

#include "wmimock/cim/names.hpp"

namespace wmimock::mof {

namespace {

// One table lookup per byte in the hot loops instead of a chain of comparisons.
enum CharClass : std::uint8_t { kOther = 0, kSpace = 1, kIdentStart = 2, kDigit = 4 };

constexpr std::array<std::uint8_t, 256> makeClassTable() {
    std::array<std::uint8_t, 256> t{};
    for (int c = 0; c < 256; ++c) {
        std::uint8_t v = kOther;
        if (c == ' ' || c == '\t' || c == '\f' || c == '\v') v = kSpace;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80) v = kIdentStart;
        if (c >= '0' && c <= '9') v = kDigit;
        t[static_cast<std::size_t>(c)] = v;
    }
    return t;
}
constexpr auto kClass = makeClassTable();

constexpr bool isIdentStart(char c) noexcept {
    return kClass[static_cast<unsigned char>(c)] == kIdentStart;
}
constexpr bool isDigit(char c) noexcept {
    return kClass[static_cast<unsigned char>(c)] == kDigit;
}
constexpr bool isIdentChar(char c) noexcept {
    return (kClass[static_cast<unsigned char>(c)] & (kIdentStart | kDigit)) != 0;
}
constexpr bool isHexDigit(char c) noexcept {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
int hexValue(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return c - 'A' + 10;
}

void appendUtf8(std::uint32_t cp, std::string& out) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

}  // namespace

std::string describeToken(const Token& token) {
    switch (token.kind) {
        case TokenKind::End:
            return "end of file";
        case TokenKind::String: {
            constexpr std::size_t kMax = 24;
            if (token.text.size() <= kMax) return std::string(token.text);
            return std::string(token.text.substr(0, kMax - 4)) + "...\"";
        }
        case TokenKind::Alias: {
            std::string quoted = "'$";
            quoted += token.text;
            quoted += '\'';
            return quoted;
        }
        default: {
            constexpr std::size_t kMax = 32;
            std::string quoted = "'";  // built with += : GCC 12 misreports "'" + string (-Wrestrict)
            quoted += token.text.substr(0, kMax);
            quoted += token.text.size() > kMax ? "...'" : "'";
            return quoted;
        }
    }
}

void Lexer::newline(std::size_t afterPos) noexcept {
    ++line_;
    lineStart_ = afterPos;
}

Token Lexer::make(TokenKind kind, std::size_t begin, std::size_t end) const noexcept {
    Token t;
    t.kind = kind;
    t.text = text_.substr(begin, end - begin);
    t.line = line_;
    t.column = columnOf(begin);
    return t;
}

// Skips whitespace and comments. An unterminated block comment is reported through
// errorOut (kind Invalid) and ends the input.
void Lexer::skipTrivia(Token& errorOut) noexcept {
    const std::size_t n = text_.size();
    while (pos_ < n) {
        const char c = text_[pos_];
        if (kClass[static_cast<unsigned char>(c)] == kSpace) {
            ++pos_;
        } else if (c == '\n') {
            newline(++pos_);
        } else if (c == '\r') {
            ++pos_;
            if (pos_ < n && text_[pos_] == '\n') ++pos_;  // CRLF is one line break; lone CR is one too
            newline(pos_);
        } else if (c == '/' && pos_ + 1 < n && text_[pos_ + 1] == '/') {
            pos_ += 2;
            while (pos_ < n && text_[pos_] != '\n' && text_[pos_] != '\r') ++pos_;
        } else if (c == '/' && pos_ + 1 < n && text_[pos_ + 1] == '*') {
            const std::size_t begin = pos_;
            const std::uint32_t line = line_;
            const std::uint32_t column = columnOf(begin);
            pos_ += 2;
            bool closed = false;
            while (pos_ < n) {
                const char d = text_[pos_];
                if (d == '*' && pos_ + 1 < n && text_[pos_ + 1] == '/') {
                    pos_ += 2;
                    closed = true;
                    break;
                }
                ++pos_;
                if (d == '\n') {
                    newline(pos_);
                } else if (d == '\r') {
                    if (pos_ < n && text_[pos_] == '\n') ++pos_;
                    newline(pos_);
                }
            }
            if (!closed) {
                errorOut.kind = TokenKind::Invalid;
                errorOut.text = text_.substr(begin, 2);
                errorOut.line = line;
                errorOut.column = column;
                errorOut.error = "unterminated comment";
                return;
            }
        } else {
            return;
        }
    }
}

Token Lexer::lexNumber(std::size_t begin) noexcept {
    const std::size_t n = text_.size();
    std::size_t p = begin;
    auto invalid = [&](const char* why) {
        while (p < n && (isIdentChar(text_[p]) || text_[p] == '.')) ++p;
        pos_ = p;
        Token t = make(TokenKind::Invalid, begin, p);
        t.error = why;
        return t;
    };
    if (text_[p] == '0' && p + 1 < n && (text_[p + 1] == 'x' || text_[p + 1] == 'X')) {
        p += 2;
        const std::size_t digits = p;
        while (p < n && isHexDigit(text_[p])) ++p;
        if (p == digits || (p < n && isIdentChar(text_[p]))) return invalid("invalid hexadecimal literal");
        pos_ = p;
        return make(TokenKind::Integer, begin, p);
    }
    bool binaryDigitsOnly = true;
    while (p < n && isDigit(text_[p])) {
        if (text_[p] != '0' && text_[p] != '1') binaryDigitsOnly = false;
        ++p;
    }
    bool real = false;
    if (p < n && text_[p] == '.') {
        ++p;
        if (p >= n || !isDigit(text_[p])) return invalid("invalid real literal: expected a digit after '.'");
        while (p < n && isDigit(text_[p])) ++p;
        real = true;
    }
    if (p < n && (text_[p] == 'e' || text_[p] == 'E') && (real || p > begin)) {
        std::size_t q = p + 1;
        if (q < n && (text_[q] == '+' || text_[q] == '-')) ++q;
        if (q < n && isDigit(text_[q])) {
            while (q < n && isDigit(text_[q])) ++q;
            p = q;
            real = true;
        } else if (real) {
            p = q;
            return invalid("invalid real literal: expected a digit in the exponent");
        }
    }
    if (!real && p > begin && p < n && (text_[p] == 'b' || text_[p] == 'B') &&
        (p + 1 >= n || !isIdentChar(text_[p + 1]))) {
        if (!binaryDigitsOnly) return invalid("invalid binary literal");
        pos_ = p + 1;
        return make(TokenKind::Integer, begin, p + 1);
    }
    if (p < n && (isIdentChar(text_[p]) || text_[p] == '.')) return invalid("invalid numeric literal");
    if (!real && p - begin > 1 && text_[begin] == '0') {
        for (std::size_t i = begin + 1; i < p; ++i) {
            if (text_[i] > '7') return invalid("invalid octal literal");
        }
    }
    pos_ = p;
    return make(real ? TokenKind::Real : TokenKind::Integer, begin, p);
}

Token Lexer::lexQuoted(std::size_t begin, char quote) noexcept {
    const std::size_t n = text_.size();
    std::size_t p = begin + 1;
    const char* error = nullptr;
    std::size_t errorPos = begin;
    while (true) {
        if (p >= n || text_[p] == '\n' || text_[p] == '\r') {
            pos_ = p;
            Token t = make(TokenKind::Invalid, begin, p);
            t.error = quote == '"' ? "unterminated string literal" : "unterminated char16 literal";
            return t;
        }
        const char c = text_[p];
        if (c == quote) break;
        if (c == '\\' && literalBackslashes_) {
            p += p + 1 < n && (text_[p + 1] == quote || text_[p + 1] == '\\') ? 2 : 1;
            continue;
        }
        if (c == '\\') {
            const char e = p + 1 < n ? text_[p + 1] : '\n';
            if (e == '\n' || e == '\r') {  // reported as unterminated on the next iteration
                ++p;
                continue;
            }
            if (e == 'x' || e == 'X') {
                std::size_t q = p + 2;
                while (q < n && q < p + 6 && isHexDigit(text_[q])) ++q;
                if (q == p + 2 && !error) {
                    error = "invalid escape sequence: expected hexadecimal digits after '\\x'";
                    errorPos = p;
                }
                p = q;
                continue;
            }
            switch (e) {
                case 'b':
                case 't':
                case 'n':
                case 'f':
                case 'r':
                case '"':
                case '\'':
                case '\\':
                    break;
                default:
                    if (!error) {
                        error = "invalid escape sequence";
                        errorPos = p;
                    }
            }
            p += 2;
            continue;
        }
        ++p;
    }
    pos_ = p + 1;
    if (error) {
        Token t = make(TokenKind::Invalid, errorPos, p + 1);
        t.error = error;
        t.text = text_.substr(errorPos, 2);
        return t;
    }
    Token t = make(quote == '"' ? TokenKind::String : TokenKind::Char, begin, p + 1);
    if (t.kind == TokenKind::Char) {
        // Exactly one character (or one escape) between the quotes.
        std::string decoded;
        appendUnescaped(t.text, decoded);
        std::size_t codePoints = 0;
        for (char d : decoded) codePoints += (static_cast<unsigned char>(d) & 0xC0) != 0x80;
        if (codePoints != 1) {
            t.kind = TokenKind::Invalid;
            t.error = "a char16 literal holds exactly one character";
        }
    }
    return t;
}

Token Lexer::next() noexcept {
    Token error;
    skipTrivia(error);
    if (error.kind == TokenKind::Invalid) {
        pos_ = text_.size();
        return error;
    }
    const std::size_t n = text_.size();
    if (pos_ >= n) return make(TokenKind::End, n, n);
    const std::size_t begin = pos_;
    const char c = text_[pos_];
    if (isIdentStart(c)) {
        std::size_t p = pos_ + 1;
        while (p < n && isIdentChar(text_[p])) ++p;
        pos_ = p;
        return make(TokenKind::Identifier, begin, p);
    }
    if (isDigit(c) || (c == '.' && pos_ + 1 < n && isDigit(text_[pos_ + 1]))) return lexNumber(begin);
    auto single = [&](TokenKind kind) {
        ++pos_;
        return make(kind, begin, pos_);
    };
    switch (c) {
        case '"':
            return lexQuoted(begin, '"');
        case '\'':
            return lexQuoted(begin, '\'');
        case '{':
            return single(TokenKind::LBrace);
        case '}':
            return single(TokenKind::RBrace);
        case '[':
            return single(TokenKind::LBracket);
        case ']':
            return single(TokenKind::RBracket);
        case '(':
            return single(TokenKind::LParen);
        case ')':
            return single(TokenKind::RParen);
        case ';':
            return single(TokenKind::Semicolon);
        case ',':
            return single(TokenKind::Comma);
        case ':':
            return single(TokenKind::Colon);
        case '=':
            return single(TokenKind::Equals);
        case '+':
            return single(TokenKind::Plus);
        case '-':
            return single(TokenKind::Minus);
        case '$': {
            std::size_t p = pos_ + 1;
            if (p < n && isIdentStart(text_[p])) {
                while (p < n && isIdentChar(text_[p])) ++p;
                pos_ = p;
                Token t = make(TokenKind::Alias, begin, p);
                t.text.remove_prefix(1);
                return t;
            }
            pos_ = p;
            Token t = make(TokenKind::Invalid, begin, p);
            t.error = "expected an alias name after '$'";
            return t;
        }
        case '#': {
            constexpr std::string_view kPragma = "pragma";
            std::size_t p = pos_ + 1;
            if (p + kPragma.size() <= n && iequals(text_.substr(p, kPragma.size()), kPragma) &&
                (p + kPragma.size() == n || !isIdentChar(text_[p + kPragma.size()]))) {
                pos_ = p + kPragma.size();
                return make(TokenKind::Pragma, begin, pos_);
            }
            pos_ = p;
            Token t = make(TokenKind::Invalid, begin, p);
            t.error = "expected 'pragma' after '#'";
            return t;
        }
        default: {
            pos_ = begin + 1;
            Token t = make(TokenKind::Invalid, begin, pos_);
            t.error = "unexpected character";
            return t;
        }
    }
}

void appendUnescaped(std::string_view raw, std::string& out) {
    if (raw.size() < 2) return;
    const std::string_view body = raw.substr(1, raw.size() - 2);
    out.reserve(out.size() + body.size());
    for (std::size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (c != '\\' || i + 1 >= body.size()) {
            out.push_back(c);
            continue;
        }
        const char e = body[++i];
        switch (e) {
            case 'b':
                out.push_back('\b');
                break;
            case 't':
                out.push_back('\t');
                break;
            case 'n':
                out.push_back('\n');
                break;
            case 'f':
                out.push_back('\f');
                break;
            case 'r':
                out.push_back('\r');
                break;
            case 'x':
            case 'X': {
                std::uint32_t cp = 0;
                std::size_t digits = 0;
                while (digits < 4 && i + 1 < body.size() && isHexDigit(body[i + 1])) {
                    cp = cp * 16 + static_cast<std::uint32_t>(hexValue(body[++i]));
                    ++digits;
                }
                if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;  // a lone surrogate is not a character
                appendUtf8(cp, out);
                break;
            }
            default:
                out.push_back(e);  // \" \' \\ (others were rejected by the lexer)
        }
    }
}

bool isUtf16Source(std::string_view bytes) noexcept {
    auto byteAt = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
    if (bytes.size() >= 2 && ((byteAt(0) == 0xFF && byteAt(1) == 0xFE) || (byteAt(0) == 0xFE && byteAt(1) == 0xFF))) {
        return true;
    }
    return bytes.size() >= 4 && byteAt(1) == 0 && byteAt(3) == 0 && byteAt(0) != 0;
}

std::string decodeMofSource(std::string_view bytes) {
    auto byteAt = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
    if (bytes.size() >= 3 && byteAt(0) == 0xEF && byteAt(1) == 0xBB && byteAt(2) == 0xBF) {
        return std::string(bytes.substr(3));
    }
    bool littleEndian = true;
    std::size_t start = 0;
    if (bytes.size() >= 2 && byteAt(0) == 0xFF && byteAt(1) == 0xFE) {
        start = 2;
    } else if (bytes.size() >= 2 && byteAt(0) == 0xFE && byteAt(1) == 0xFF) {
        start = 2;
        littleEndian = false;
    } else if (bytes.size() >= 4 && byteAt(1) == 0 && byteAt(3) == 0 && byteAt(0) != 0) {
        start = 0;  // BOM-less UTF-16LE: ASCII text with NUL high bytes
    } else {
        return std::string(bytes);
    }
    std::string out;
    out.reserve((bytes.size() - start) / 2);
    auto unit = [&](std::size_t i) -> std::uint32_t {
        return littleEndian ? (byteAt(i) | (byteAt(i + 1) << 8)) : ((byteAt(i) << 8) | byteAt(i + 1));
    };
    for (std::size_t i = start; i + 1 < bytes.size(); i += 2) {
        std::uint32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < bytes.size()) {
            const std::uint32_t low = unit(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            } else {
                cp = 0xFFFD;
            }
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;
        }
        appendUtf8(cp, out);
    }
    return out;
}

}  // namespace wmimock::mof
