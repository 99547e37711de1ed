#include "text_cleanup.hpp"

#include <cstdint>

namespace wmimock::reports::detail {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Decodes one UTF-8 sequence at `text[pos]`; returns its length and code point, or length 0
// for an invalid sequence (overlong forms, surrogates and values past U+10FFFF included).
struct Decoded {
    std::size_t length;
    std::uint32_t codePoint;
};

Decoded decodeUtf8(std::string_view text, std::size_t pos) noexcept {
    const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[pos + i]); };
    const std::uint8_t lead = byte(0);
    if (lead < 0x80) return {1, lead};
    std::size_t length = 0;
    std::uint32_t codePoint = 0;
    std::uint32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, codePoint = lead & 0x1F, minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, codePoint = lead & 0x0F, minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, codePoint = lead & 0x07, minimum = 0x10000;
    } else {
        return {0, 0};
    }
    if (pos + length > text.size()) return {0, 0};
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xC0) != 0x80) return {0, 0};
        codePoint = (codePoint << 6) | (byte(i) & 0x3F);
    }
    if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) return {0, 0};
    return {length, codePoint};
}

bool allowedInXml(std::uint32_t codePoint) noexcept {
    if (codePoint < 0x20) return codePoint == '\t' || codePoint == '\n' || codePoint == '\r';
    if (codePoint == 0x7F) return false;  // DEL is legal XML but never meant in a message
    return codePoint != 0xFFFE && codePoint != 0xFFFF;
}

bool isSpace(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

std::string xmlSafe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const Decoded decoded = decodeUtf8(text, pos);
        if (decoded.length == 0) {
            out += kReplacement;
            ++pos;
            continue;
        }
        if (allowedInXml(decoded.codePoint)) out.append(text.substr(pos, decoded.length));
        pos += decoded.length;
    }
    return out;
}

std::string oneLine(std::string_view text) {
    const std::string safe = xmlSafe(text);
    std::string out;
    out.reserve(safe.size());
    bool pendingSpace = false;
    for (const char c : safe) {
        if (isSpace(c)) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) out += ' ';
        pendingSpace = false;
        out += c;
    }
    return out;
}

std::string truncated(std::string_view text, std::size_t maxChars) {
    std::size_t chars = 0;
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
        const bool startsCodePoint = (static_cast<std::uint8_t>(text[pos]) & 0xC0) != 0x80;
        if (startsCodePoint && chars++ == maxChars) return std::string(text.substr(0, pos)) + "\xE2\x80\xA6";
    }
    return std::string(text);
}

std::string shortInstance(std::string_view path) {
    const std::size_t colon = path.find(':');
    const std::size_t dot = path.find('.', colon == std::string_view::npos ? 0 : colon);
    if (dot == std::string_view::npos) return std::string(path);
    const std::string_view keys = path.substr(dot + 1);
    bool quoted = false;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= keys.size(); ++i) {
        if (i < keys.size() && keys[i] == '"' && (i == 0 || keys[i - 1] != '\\')) quoted = !quoted;
        if (i == keys.size() || (keys[i] == ',' && !quoted)) {
            const std::string_view key = keys.substr(start, i - start);
            if (key.starts_with("Name=")) return std::string(key);
            start = i + 1;
        }
    }
    return std::string(keys);
}

}  // namespace wmimock::reports::detail
