// Appending well-formed XML to a std::string: escaping and attributes. The encoders write
// straight into one reserved buffer instead of building a DOM, which keeps a response a
// single allocation in the common case.
#pragma once

#include <string>
#include <string_view>

namespace wmimock::cimxml::detail {

/// Escapes &, <, >, " and ' and writes TAB, LF and CR as character references (so a string
/// survives the parser's end-of-line and attribute normalization). Only characters XML 1.0
/// allows are written: the other C0 controls, invalid UTF-8, surrogates, U+FFFE and U+FFFF
/// become U+FFFD, since no reference can carry them in a well-formed document.
void appendEscaped(std::string& out, std::string_view text);

/// Appends ` name="escaped value"`.
inline void appendAttribute(std::string& out, std::string_view name, std::string_view value) {
    out += ' ';
    out += name;
    out += "=\"";
    appendEscaped(out, value);
    out += '"';
}

/// Appends `<tag>escaped text</tag>`.
inline void appendTextElement(std::string& out, std::string_view tag, std::string_view text) {
    out += '<';
    out += tag;
    out += '>';
    appendEscaped(out, text);
    out += "</";
    out += tag;
    out += '>';
}

}  // namespace wmimock::cimxml::detail
