// Replacing a report file so that readers only ever see a complete old or new version:
// the bytes go to a temporary file in the same directory, which is flushed to disk and then
// renamed over the target (rename is atomic within a file system on POSIX).
#pragma once

#include <filesystem>
#include <string_view>

namespace wmimock::reports {

/// Writes `content` to `file` atomically, creating missing parent directories.
/// Throws CimError(Failed) naming the file and the system error.
void writeFileAtomically(const std::filesystem::path& file, std::string_view content);

}  // namespace wmimock::reports
