#include "wql_lexer.hpp"

#include <cctype>

#include "wmimock/cim/error.hpp"

namespace wmimock::detail {

namespace {

bool isIdentifierStart(char c) noexcept {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool isIdentifierChar(char c) noexcept {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}
bool isDigit(char c) noexcept {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

class Lexer {
public:
    explicit Lexer(std::string_view query) : q_(query) {}

    std::vector<WqlToken> run() {
        std::vector<WqlToken> tokens;
        while (true) {
            while (i_ < q_.size() && std::isspace(static_cast<unsigned char>(q_[i_]))) ++i_;
            if (i_ >= q_.size()) break;
            tokens.push_back(next());
        }
        tokens.push_back(WqlToken{WqlTokenKind::End, {}, q_.size() + 1});
        return tokens;
    }

private:
    WqlToken make(WqlTokenKind kind, std::size_t start, std::string text = {}) const {
        return WqlToken{kind, std::move(text), start + 1};
    }

    WqlToken next() {
        const std::size_t start = i_;
        const char c = q_[i_];
        if (isIdentifierStart(c)) {
            while (i_ < q_.size() && isIdentifierChar(q_[i_])) ++i_;
            return make(WqlTokenKind::Identifier, start, std::string(q_.substr(start, i_ - start)));
        }
        if (isDigit(c) || (c == '.' && i_ + 1 < q_.size() && isDigit(q_[i_ + 1]))) return number(start);
        if (c == '\'' || c == '"') return string(start, c);
        if (c == '{') return path(start);
        ++i_;
        switch (c) {
            case '*':
                return make(WqlTokenKind::Star, start);
            case ',':
                return make(WqlTokenKind::Comma, start);
            case '(':
                return make(WqlTokenKind::LeftParen, start);
            case ')':
                return make(WqlTokenKind::RightParen, start);
            case '-':
                return make(WqlTokenKind::Minus, start);
            case '=':
                return make(WqlTokenKind::Equal, start);
            case '!':
                if (i_ < q_.size() && q_[i_] == '=') {
                    ++i_;
                    return make(WqlTokenKind::NotEqual, start);
                }
                break;
            case '<':
                if (i_ < q_.size() && q_[i_] == '>') {
                    ++i_;
                    return make(WqlTokenKind::NotEqual, start);
                }
                if (i_ < q_.size() && q_[i_] == '=') {
                    ++i_;
                    return make(WqlTokenKind::LessEqual, start);
                }
                return make(WqlTokenKind::Less, start);
            case '>':
                if (i_ < q_.size() && q_[i_] == '=') {
                    ++i_;
                    return make(WqlTokenKind::GreaterEqual, start);
                }
                return make(WqlTokenKind::Greater, start);
            default:
                break;
        }
        return make(WqlTokenKind::Invalid, start, std::string(1, c));
    }

    WqlToken number(std::size_t start) {
        if (q_[i_] == '0' && i_ + 1 < q_.size() && (q_[i_ + 1] == 'x' || q_[i_ + 1] == 'X')) {
            i_ += 2;
            const std::size_t digits = i_;
            while (i_ < q_.size() && std::isxdigit(static_cast<unsigned char>(q_[i_]))) ++i_;
            if (i_ == digits) throwWqlSyntaxError(start + 1, "hexadecimal number without digits");
            return make(WqlTokenKind::Integer, start, std::string(q_.substr(start, i_ - start)));
        }
        bool real = false;
        while (i_ < q_.size() && isDigit(q_[i_])) ++i_;
        if (i_ < q_.size() && q_[i_] == '.') {
            real = true;
            ++i_;
            while (i_ < q_.size() && isDigit(q_[i_])) ++i_;
        }
        if (i_ < q_.size() && (q_[i_] == 'e' || q_[i_] == 'E')) {
            std::size_t j = i_ + 1;
            if (j < q_.size() && (q_[j] == '+' || q_[j] == '-')) ++j;
            if (j < q_.size() && isDigit(q_[j])) {
                real = true;
                i_ = j;
                while (i_ < q_.size() && isDigit(q_[i_])) ++i_;
            }
        }
        if (i_ < q_.size() && isIdentifierStart(q_[i_])) {
            throwWqlSyntaxError(i_ + 1, "unexpected character '" + std::string(1, q_[i_]) + "' in number");
        }
        return make(real ? WqlTokenKind::Real : WqlTokenKind::Integer, start,
                    std::string(q_.substr(start, i_ - start)));
    }

    // 'it''s' and "say ""hi""" (doubled quotes), and the backslash escapes WMI accepts
    // (\\ \' \"); any other backslash is kept as written.
    WqlToken string(std::size_t start, char quote) {
        std::string text;
        ++i_;
        while (true) {
            if (i_ >= q_.size()) throwWqlSyntaxError(start + 1, "unterminated string");
            const char c = q_[i_];
            if (c == quote) {
                if (i_ + 1 < q_.size() && q_[i_ + 1] == quote) {
                    text += quote;
                    i_ += 2;
                    continue;
                }
                ++i_;
                return make(WqlTokenKind::String, start, std::move(text));
            }
            if (c == '\\' && i_ + 1 < q_.size() && (q_[i_ + 1] == '\\' || q_[i_ + 1] == '\'' || q_[i_ + 1] == '"')) {
                text += q_[i_ + 1];
                i_ += 2;
                continue;
            }
            text += c;
            ++i_;
        }
    }

    // {path}: braces inside quoted key values do not end the path.
    WqlToken path(std::size_t start) {
        ++i_;
        char quote = 0;
        const std::size_t begin = i_;
        while (i_ < q_.size()) {
            const char c = q_[i_];
            if (quote != 0) {
                if (c == '\\' && i_ + 1 < q_.size()) {
                    i_ += 2;
                    continue;
                }
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '}') {
                std::string text(q_.substr(begin, i_ - begin));
                ++i_;
                return make(WqlTokenKind::PathLiteral, start, std::move(text));
            }
            ++i_;
        }
        throwWqlSyntaxError(start + 1, "unterminated object path (missing '}')");
    }

    std::string_view q_;
    std::size_t i_ = 0;
};

}  // namespace

void throwWqlSyntaxError(std::size_t position, std::string_view what) {
    throw CimError(CimStatus::InvalidQuery,
                   "WQL syntax error at position " + std::to_string(position) + ": " + std::string(what));
}

std::vector<WqlToken> tokenizeWql(std::string_view query) {
    return Lexer(query).run();
}

}  // namespace wmimock::detail
