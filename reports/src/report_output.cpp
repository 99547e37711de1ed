#include "wmimock/reports/report_output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "wmimock/cim/error.hpp"
#include "wmimock/reports/atomic_file.hpp"

namespace wmimock::reports {
namespace {

[[noreturn]] void fail(const std::filesystem::path& file, std::string_view what, int error) {
    throw CimError(CimStatus::Failed,
                   "cannot write '" + file.string() + "': " + std::string(what) + ": " + std::strerror(error));
}

void writeAll(int fd, const std::filesystem::path& file, std::string_view content) {
    for (std::size_t written = 0; written < content.size();) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(file, "write failed", errno);
        }
        written += static_cast<std::size_t>(n);
    }
}

}  // namespace

OutputKind outputKind(const std::filesystem::path& file) {
    if (file == "-") return OutputKind::StandardOutput;
    struct stat st {};
    // stat follows symlinks: a link to /dev/stderr is written through like the device.
    if (::stat(file.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        return OutputKind::WriteThrough;
    }
    return OutputKind::RegularFile;
}

void writeReport(const std::filesystem::path& file, std::string_view content) {
    switch (outputKind(file)) {
        case OutputKind::StandardOutput:
            writeAll(STDOUT_FILENO, "standard output", content);
            return;
        case OutputKind::WriteThrough: {
            const int fd = ::open(file.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
            if (fd < 0) fail(file, "cannot open", errno);
            try {
                writeAll(fd, file, content);
            } catch (...) {
                ::close(fd);
                throw;
            }
            if (::close(fd) != 0) fail(file, "close failed", errno);
            return;
        }
        case OutputKind::RegularFile:
            writeFileAtomically(file, content);
            return;
    }
}

}  // namespace wmimock::reports
