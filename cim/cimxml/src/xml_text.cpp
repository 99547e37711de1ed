#include "xml_text.hpp"

#include <array>
#include <cstdint>

namespace wmimock::cimxml::detail {
namespace {

// U+FFFD REPLACEMENT CHARACTER in UTF-8.
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

/// Length of the well-formed UTF-8 sequence at text[i] that XML 1.0 may carry (its Char
/// production excludes surrogates, U+FFFE and U+FFFF), or 0.
std::size_t xmlCharLength(std::string_view text, std::size_t i) noexcept {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    std::uint32_t cp = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2, cp = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3, cp = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4, cp = lead & 0x07u;
    } else {
        return 0;
    }
    if (i + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (next & 0x3Fu);
    }
    const bool overlong = (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
    const bool outside = cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF;
    return overlong || outside ? 0 : length;
}

}  // namespace

void appendEscaped(std::string& out, std::string_view text) {
    std::size_t plainStart = 0;
    auto flushPlain = [&](std::size_t end) { out.append(text.substr(plainStart, end - plainStart)); };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::string_view replacement;
        switch (c) {
            case '&':
                replacement = "&amp;";
                break;
            case '<':
                replacement = "&lt;";
                break;
            case '>':
                replacement = "&gt;";
                break;
            case '"':
                replacement = "&quot;";
                break;
            case '\'':
                replacement = "&apos;";
                break;
            // TAB, LF and CR as references: a parser keeps them as written (a literal CR
            // becomes LF, and in an attribute all three become spaces).
            case '\t':
                replacement = "&#x9;";
                break;
            case '\n':
                replacement = "&#xA;";
                break;
            case '\r':
                replacement = "&#xD;";
                break;
            default:
                if (c < 0x20) {
                    // XML 1.0 cannot carry the other C0 controls at all, not even as a
                    // character reference (its "Legal Character" constraint): they travel
                    // as U+FFFD so that the rest of the response still reaches the client.
                    replacement = kReplacement;
                } else if (c >= 0x80) {
                    const std::size_t length = xmlCharLength(text, i);
                    if (length != 0) {
                        i += length - 1;
                        continue;
                    }
                    replacement = kReplacement;  // not UTF-8, or not an XML character
                }
                break;
        }
        if (replacement.empty()) continue;
        flushPlain(i);
        out += replacement;
        plainStart = i + 1;
    }
    flushPlain(text.size());
}

}  // namespace wmimock::cimxml::detail
