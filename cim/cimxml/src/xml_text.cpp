#include "xml_text.hpp"

#include <array>

namespace wmimock::cimxml::detail {

void appendEscaped(std::string& out, std::string_view text) {
    std::size_t plainStart = 0;
    auto flushPlain = [&](std::size_t end) { out.append(text.substr(plainStart, end - plainStart)); };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::string_view replacement;
        std::array<char, 8> numeric{};
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
            default:
                if (c < 0x20 && c != '\n' && c != '\t') {
                    static constexpr char kHex[] = "0123456789ABCDEF";
                    numeric = {'&', '#', 'x', kHex[c >> 4], kHex[c & 0xF], ';'};
                    replacement = std::string_view(numeric.data(), 6);
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
