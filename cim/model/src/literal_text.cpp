#include "literal_text.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <system_error>

#include "wmimock/cim/names.hpp"

namespace wmimock::detail {

namespace {
int digitValue(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 99;
}
}  // namespace

std::optional<IntegerLiteral> parseIntegerLiteral(std::string_view text) noexcept {
    IntegerLiteral lit;
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
        lit.negative = text.front() == '-';
        text.remove_prefix(1);
    }
    unsigned base = 10;
    if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        base = 16;
        text.remove_prefix(2);
    } else if (text.size() > 1 && (text.back() == 'b' || text.back() == 'B')) {
        base = 2;
        text.remove_suffix(1);
    }
    if (text.empty()) return std::nullopt;
    for (char c : text) {
        const int d = digitValue(c);
        if (d >= static_cast<int>(base)) return std::nullopt;
        const auto digit = static_cast<std::uint64_t>(d);
        if (lit.magnitude > (std::numeric_limits<std::uint64_t>::max() - digit) / base) {
            lit.overflow = true;  // keep validating the remaining digits
        } else if (!lit.overflow) {
            lit.magnitude = lit.magnitude * base + digit;
        }
    }
    return lit;
}

bool isInfinityLiteral(std::string_view text) noexcept {
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) text.remove_prefix(1);
    return iequals(text, "INF") || iequals(text, "infinity");
}

std::optional<double> parseRealLiteral(std::string_view text) noexcept {
    bool negative = false;
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    if (iequals(text, "INF") || iequals(text, "infinity")) {
        return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    }
    if (iequals(text, "NaN")) return std::numeric_limits<double>::quiet_NaN();
    // from_chars would also take "inf"/"nan" spellings and hex floats; require a plain decimal form.
    bool digits = false;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            digits = true;
        } else if (c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
            return std::nullopt;
        }
    }
    if (!digits || text.front() == '+' || text.front() == '-') return std::nullopt;
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (end != text.data() + text.size()) return std::nullopt;
    if (ec == std::errc::result_out_of_range) {
        // from_chars leaves the value untouched; strtod says which way it fell (HUGE_VAL or 0).
        value = std::strtod(std::string(text).c_str(), nullptr);
    } else if (ec != std::errc{}) {
        return std::nullopt;
    }
    return negative ? -value : value;
}

namespace {
template <typename T>
std::string formatFloat(T v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v < 0 ? "-INF" : "INF";
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    if (ec != std::errc{}) return "NaN";
    return std::string(buf, end);
}
}  // namespace

std::string formatReal64(double v) {
    return formatFloat(v);
}
std::string formatReal32(float v) {
    return formatFloat(v);
}

std::string_view trimSpaces(std::string_view text) noexcept {
    auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
    while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
    return text;
}

std::string escapeMof(std::string_view text, char quote) {
    std::string out;
    out.reserve(text.size() + 2);
    for (char c : text) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            default:
                if (c == quote) {
                    out += '\\';
                    out += c;
                } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\x%04X", static_cast<unsigned>(static_cast<unsigned char>(c)));
                    out += buf;
                } else {
                    out += c;
                }
        }
    }
    return out;
}

void appendUtf8(std::string& out, char16_t c) {
    const auto u = static_cast<std::uint32_t>(c);
    if (u < 0x80) {
        out += static_cast<char>(u);
    } else if (u < 0x800) {
        out += static_cast<char>(0xC0 | (u >> 6));
        out += static_cast<char>(0x80 | (u & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (u >> 12));
        out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (u & 0x3F));
    }
}

std::optional<char16_t> decodeSingleUtf8(std::string_view text) noexcept {
    if (text.empty()) return std::nullopt;
    const auto b0 = static_cast<unsigned char>(text[0]);
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (b0 < 0x80) {
        len = 1;
        cp = b0;
    } else if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
    } else {
        return std::nullopt;  // 4-byte sequences lie outside UCS-2
    }
    if (text.size() != len) return std::nullopt;
    for (std::size_t i = 1; i < len; ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if ((b & 0xC0) != 0x80) return std::nullopt;
        cp = (cp << 6) | (b & 0x3F);
    }
    const std::uint32_t minimum = len == 1 ? 0 : (len == 2 ? 0x80 : 0x800);
    if (cp < minimum || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;  // overlong or surrogate
    return static_cast<char16_t>(cp);
}

}  // namespace wmimock::detail
