// Internal: making arbitrary text (messages from implementations under test, evidence
// dumps) safe for XML, JSON and one-line table cells.
#pragma once

#include <string>
#include <string_view>

namespace wmimock::reports::detail {

/// Valid UTF-8 with only the characters XML 1.0 allows: invalid sequences become U+FFFD,
/// control characters other than tab, newline and carriage return are dropped, as are
/// U+FFFE and U+FFFF.
std::string xmlSafe(std::string_view text);

/// xmlSafe() and then every run of whitespace (newlines included) collapsed to one space,
/// trimmed: for attributes and table cells that must stay on one line.
std::string oneLine(std::string_view text);

/// At most `maxChars` code points of `text`, with "…" appended when cut.
std::string truncated(std::string_view text, std::size_t maxChars);

/// What tells instances apart in a report line: the Name key of a CIM_Service path
/// ('Name="Alpha"'; the other keys name the class and the host, the same for every
/// instance), else all the keys.
std::string shortInstance(std::string_view path);

}  // namespace wmimock::reports::detail
