// Where a report goes. "-" is standard output; a path that exists and is not a regular file
// (a device such as /dev/stdout, a fifo, a socket, or a symlink to one) is written through,
// never replaced; only regular files are replaced atomically (atomic_file.hpp), so that
// readers see a complete old or new version.
#pragma once

#include <filesystem>
#include <string_view>

namespace wmimock::reports {

enum class OutputKind {
    StandardOutput,  ///< "-"
    WriteThrough,    ///< an existing device, fifo or socket: opened and written, once
    RegularFile,     ///< replaced atomically, and may be rewritten while the run lasts
};

OutputKind outputKind(const std::filesystem::path& file);

/// Whether the output can be rewritten during a run (only a regular file can: a stream
/// would get the report several times over).
inline bool rewritable(const std::filesystem::path& file) {
    return outputKind(file) == OutputKind::RegularFile;
}

/// Writes a whole report to `file` as its kind says. Throws CimError(Failed) naming the
/// file and the system error (ENOSPC, EPIPE, EACCES, ...).
void writeReport(const std::filesystem::path& file, std::string_view content);

}  // namespace wmimock::reports
