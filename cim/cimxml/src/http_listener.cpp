#include "http_listener.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <string>

namespace wmimock::cimxml::detail {
namespace {

thread_local bool tlsExtensionPost = false;

constexpr std::string_view kExtensionPost = "M-POST ";

/// Waits for `events` on `fd`; false on timeout or error.
bool waitFor(int fd, short events, std::chrono::milliseconds timeout) noexcept {
    pollfd descriptor{fd, events, 0};
    int result;
    do {
        result = ::poll(&descriptor, 1, static_cast<int>(timeout.count()));
    } while (result < 0 && errno == EINTR);
    return result > 0;
}

void addressOf(const sockaddr_storage& address, std::string& ip, int& port) {
    std::array<char, INET6_ADDRSTRLEN> text{};
    if (address.ss_family == AF_INET) {
        const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
        ::inet_ntop(AF_INET, &v4.sin_addr, text.data(), text.size());
        port = ntohs(v4.sin_port);
    } else if (address.ss_family == AF_INET6) {
        const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
        ::inet_ntop(AF_INET6, &v6.sin6_addr, text.data(), text.size());
        port = ntohs(v6.sin6_port);
    }
    ip = text.data();
}

/// A socket stream with a read buffer and per-operation timeouts.
class BufferedSocketStream final : public httplib::Stream {
public:
    BufferedSocketStream(int fd, std::chrono::milliseconds timeout) : fd_(fd), timeout_(timeout) {}

    bool is_readable() const override { return begin_ < end_ || waitFor(fd_, POLLIN, timeout_); }
    bool is_writable() const override { return waitFor(fd_, POLLOUT, timeout_); }

    ssize_t read(char* ptr, size_t size) override {
        if (begin_ == end_ && !fill(timeout_)) return -1;
        const std::size_t n = std::min(size, end_ - begin_);
        std::memcpy(ptr, buffer_.data() + begin_, n);
        begin_ += n;
        return static_cast<ssize_t>(n);
    }

    ssize_t write(const char* ptr, size_t size) override {
        std::size_t written = 0;
        while (written < size) {
            if (!waitFor(fd_, POLLOUT, timeout_)) return -1;
            const ssize_t n = ::send(fd_, ptr + written, size - written, MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return -1;
            written += static_cast<std::size_t>(n);
        }
        if (!statusSeen_ && size >= 12 && std::memcmp(ptr, "HTTP/1.", 7) == 0) {
            statusSeen_ = true;
            status_ = std::atoi(std::string(ptr + 9, 3).c_str());
        }
        return static_cast<ssize_t>(size);
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        sockaddr_storage address{};
        socklen_t length = sizeof address;
        if (::getpeername(fd_, reinterpret_cast<sockaddr*>(&address), &length) == 0) addressOf(address, ip, port);
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        sockaddr_storage address{};
        socklen_t length = sizeof address;
        if (::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) == 0) addressOf(address, ip, port);
    }
    socket_t socket() const override { return fd_; }

    /// Waits until a request starts arriving (true) or the peer closes, the idle timeout
    /// passes or `stopping()` turns true (false). Polls in short slices for a prompt stop.
    template <typename Stopping>
    bool awaitRequest(std::chrono::milliseconds idleTimeout, Stopping stopping) {
        constexpr std::chrono::milliseconds kSlice{50};
        for (auto waited = std::chrono::milliseconds{0}; begin_ == end_; waited += kSlice) {
            if (stopping() || waited >= idleTimeout) return false;
            if (waitFor(fd_, POLLIN, kSlice) && !fill(std::chrono::milliseconds{0})) return false;
        }
        return !stopping();
    }

    /// Turns "M-POST " at the start of the next request into "POST "; true if it did.
    bool consumeExtensionPrefix() {
        while (end_ - begin_ < kExtensionPost.size()) {
            const std::string_view seen(buffer_.data() + begin_, end_ - begin_);
            if (!kExtensionPost.starts_with(seen) || !fill(timeout_)) return false;
        }
        if (std::string_view(buffer_.data() + begin_, kExtensionPost.size()) != kExtensionPost) return false;
        begin_ += 2;
        return true;
    }

    /// The status of the last response written (0 if none), then forgets it.
    int takeResponseStatus() noexcept {
        const int status = status_;
        status_ = 0;
        statusSeen_ = false;
        return status;
    }

private:
    /// Appends what the socket has (waiting up to `timeout`); false on EOF, error or timeout.
    bool fill(std::chrono::milliseconds timeout) {
        if (begin_ == end_) begin_ = end_ = 0;
        if (end_ == buffer_.size()) {
            std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
            end_ -= begin_;
            begin_ = 0;
        }
        if (timeout.count() > 0 && !waitFor(fd_, POLLIN, timeout)) return false;
        ssize_t n;
        do {
            n = ::recv(fd_, buffer_.data() + end_, buffer_.size() - end_, 0);
        } while (n < 0 && errno == EINTR);
        if (n <= 0) return false;
        end_ += static_cast<std::size_t>(n);
        return true;
    }

    int fd_;
    std::chrono::milliseconds timeout_;
    std::array<char, 16384> buffer_{};
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
    int status_ = 0;
    bool statusSeen_ = false;
};

}  // namespace

HttpListener::HttpListener(std::chrono::milliseconds idleTimeout, std::chrono::milliseconds readTimeout)
    : idleTimeout_(idleTimeout), readTimeout_(readTimeout) {}

bool HttpListener::currentRequestIsExtensionPost() noexcept {
    return tlsExtensionPost;
}

bool HttpListener::process_and_close_socket(socket_t sock) {
    BufferedSocketStream stream(sock, readTimeout_);
    auto stopping = [this] { return svr_sock_ == INVALID_SOCKET; };
    while (stream.awaitRequest(idleTimeout_, stopping)) {
        tlsExtensionPost = stream.consumeExtensionPrefix();
        bool connectionClosed = false;
        const bool served = process_request(stream, false, connectionClosed, nullptr);
        tlsExtensionPost = false;
        const int status = stream.takeResponseStatus();
        // After a failure httplib reported itself (malformed request, body too large, no
        // such path) the rest of the stream cannot be trusted: close rather than resync.
        // 401 is part of the normal authentication dance and keeps the connection.
        if (!served || connectionClosed || (status >= 400 && status != 401)) break;
    }
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return true;
}

}  // namespace wmimock::cimxml::detail
