#include "wmimock/reports/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "wmimock/cim/error.hpp"

namespace wmimock::reports {

namespace {

[[noreturn]] void fail(const std::filesystem::path& file, std::string_view what, int error) {
    throw CimError(CimStatus::Failed,
                   "cannot write '" + file.string() + "': " + std::string(what) + ": " + std::strerror(error));
}

// Closes the descriptor and removes the temporary file unless the rename happened.
class TemporaryFile {
public:
    explicit TemporaryFile(std::filesystem::path path) : path_(std::move(path)) {
        fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    }
    ~TemporaryFile() {
        if (fd_ >= 0) ::close(fd_);
        if (!committed_) ::unlink(path_.c_str());
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;

    int fd() const noexcept { return fd_; }
    const std::filesystem::path& path() const noexcept { return path_; }
    int close() noexcept {
        const int rc = ::close(fd_);
        fd_ = -1;
        return rc;
    }
    void commit() noexcept { committed_ = true; }

private:
    std::filesystem::path path_;
    int fd_ = -1;
    bool committed_ = false;
};

}  // namespace

void writeFileAtomically(const std::filesystem::path& file, std::string_view content) {
    if (file.has_parent_path()) {
        std::error_code ec;
        std::filesystem::create_directories(file.parent_path(), ec);
        if (ec) fail(file, "cannot create its directory", ec.value());
    }
    // The pid keeps two processes writing the same report from sharing a temporary file.
    TemporaryFile temporary(file.string() + ".tmp." + std::to_string(::getpid()));
    if (temporary.fd() < 0) fail(file, "cannot create " + temporary.path().string(), errno);
    for (std::size_t written = 0; written < content.size();) {
        const ssize_t n = ::write(temporary.fd(), content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(file, "write failed", errno);
        }
        written += static_cast<std::size_t>(n);
    }
    // Without fsync a crash of the machine could leave the renamed file empty.
    if (::fsync(temporary.fd()) != 0) fail(file, "fsync failed", errno);
    if (temporary.close() != 0) fail(file, "close failed", errno);
    if (::rename(temporary.path().c_str(), file.c_str()) != 0) fail(file, "rename failed", errno);
    temporary.commit();
}

}  // namespace wmimock::reports
