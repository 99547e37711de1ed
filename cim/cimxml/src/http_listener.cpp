#include "http_listener.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "wmimock/cim/names.hpp"

namespace wmimock::cimxml::detail {
namespace {

thread_local bool tlsExtensionPost = false;
thread_local Connection* tlsConnection = nullptr;

std::string openSslError() {
    std::string text;
    while (const unsigned long code = ERR_get_error()) {
        std::array<char, 256> buffer{};
        ERR_error_string_n(code, buffer.data(), buffer.size());
        if (!text.empty()) text += "; ";
        text += buffer.data();
    }
    return text.empty() ? "unknown OpenSSL error" : text;
}
thread_local bool tlsAnsweredByHandler = false;

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
    BufferedSocketStream(int fd, std::chrono::milliseconds timeout, SSL* ssl = nullptr)
        : fd_(fd), timeout_(timeout), ssl_(ssl) {}

    bool is_readable() const override {
        return head_.size() > headRead_ || begin_ < end_ || (ssl_ && SSL_pending(ssl_) > 0) ||
               waitFor(fd_, POLLIN, timeout_);
    }
    bool is_writable() const override { return waitFor(fd_, POLLOUT, timeout_); }

    ssize_t read(char* ptr, size_t size) override {
        if (headRead_ < head_.size()) {  // the checked request head goes first
            const std::size_t n = std::min(size, head_.size() - headRead_);
            std::memcpy(ptr, head_.data() + headRead_, n);
            headRead_ += n;
            return static_cast<ssize_t>(n);
        }
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
            const ssize_t n = ssl_ ? SSL_write(ssl_, ptr + written, static_cast<int>(size - written))
                                   : ::send(fd_, ptr + written, size - written, MSG_NOSIGNAL);
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
            const bool pending = ssl_ && SSL_pending(ssl_) > 0;
            if ((pending || waitFor(fd_, POLLIN, kSlice)) && !fill(std::chrono::milliseconds{0})) return false;
        }
        return !stopping();
    }

    /// Reads the next request's head (request line and headers) and checks what httplib
    /// would read loosely or late; on success the head, with every line ending CRLF, is what
    /// read() yields next. Otherwise the response to send, and the connection closes.
    std::optional<std::string> takeHead(std::size_t maxBodyBytes) {
        std::size_t endOfHead = std::string_view::npos;
        std::size_t separator = 0;
        while (true) {
            // RFC 9112 2.2: empty lines before a request line are ignored.
            while (begin_ < end_ && (buffer_[begin_] == '\r' || buffer_[begin_] == '\n')) ++begin_;
            const std::string_view seen(buffer_.data() + begin_, end_ - begin_);
            if (const auto crlf = seen.find("\n\r\n"); crlf != std::string_view::npos) {
                endOfHead = crlf, separator = 3;
            }
            if (const auto lf = seen.find("\n\n"); lf != std::string_view::npos && lf < endOfHead) {
                endOfHead = lf, separator = 2;
            }
            if (endOfHead != std::string_view::npos) break;
            if (begin_ == 0 && end_ == buffer_.size()) {
                return plainResponse(431, "Request Header Fields Too Large", "the request head exceeds 16 KiB");
            }
            if (!fill(timeout_)) return std::string();  // closed or silent: nothing to answer
        }
        const std::string_view head(buffer_.data() + begin_, endOfHead + 1);
        begin_ += endOfHead + separator;
        return checkHead(head, maxBodyBytes);
    }

    /// True if the head read by takeHead() was an M-POST (presented to httplib as POST).
    bool extensionPost() const noexcept { return extensionPost_; }

    /// The status of the last response written (0 if none), then forgets it.
    int takeResponseStatus() noexcept {
        const int status = status_;
        status_ = 0;
        statusSeen_ = false;
        return status;
    }

private:
    /// Normalizes line ends, rewrites M-POST as POST, and refuses other methods and
    /// untrustworthy Content-Length headers; nullopt when the head may be served.
    std::optional<std::string> checkHead(std::string_view head, std::size_t maxBodyBytes) {
        head_.clear();
        headRead_ = 0;
        extensionPost_ = false;
        std::vector<std::string_view> lines;
        for (std::size_t start = 0; start < head.size();) {
            const std::size_t end = head.find('\n', start);
            std::string_view line = head.substr(start, end - start);
            if (line.ends_with('\r')) line.remove_suffix(1);
            lines.push_back(line);
            start = end + 1;
        }
        std::string_view requestLine = lines.front();
        const std::size_t firstSpace = requestLine.find(' ');
        const std::size_t lastSpace = requestLine.rfind(' ');
        if (firstSpace == std::string_view::npos || firstSpace == lastSpace ||
            !requestLine.substr(lastSpace + 1).starts_with("HTTP/1.")) {
            return plainResponse(400, "Bad Request", "not an HTTP/1.x request line");
        }
        const std::string_view method = requestLine.substr(0, firstSpace);
        if (method == "M-POST") {
            extensionPost_ = true;
            requestLine.remove_prefix(2);
        } else if (method != "POST") {
            static constexpr std::string_view kKnown[] = {"GET",     "HEAD",  "PUT",   "DELETE",
                                                          "OPTIONS", "PATCH", "TRACE", "CONNECT"};
            if (std::find(std::begin(kKnown), std::end(kKnown), method) != std::end(kKnown)) {
                return plainResponse(405, "Method Not Allowed", "CIM operations use POST or M-POST",
                                     "Allow: POST, M-POST\r\n");
            }
            return plainResponse(501, "Not Implemented", "unknown method '" + std::string(method) + "'");
        }
        std::optional<std::string_view> length;
        for (std::size_t i = 1; i < lines.size(); ++i) {
            const std::string_view line = lines[i];
            const std::size_t colon = line.find(':');
            if (colon == std::string_view::npos || !iequals(line.substr(0, colon), "Content-Length")) continue;
            std::string_view value = line.substr(colon + 1);
            while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
            while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
            if (value.empty() || value.find_first_not_of("0123456789") != std::string_view::npos) {
                return plainResponse(400, "Bad Request", "Content-Length '" + std::string(value) + "' is not a number");
            }
            if (length && *length != value) {
                return plainResponse(400, "Bad Request", "two different Content-Length headers");
            }
            length = value;
        }
        if (length && (length->size() > 19 || std::stoull(std::string(*length)) > maxBodyBytes)) {
            return plainResponse(413, "Payload Too Large",
                                 "Content-Length " + std::string(*length) + " exceeds the limit of " +
                                     std::to_string(maxBodyBytes) + " bytes");
        }
        head_.reserve(head.size() + lines.size() + 2);
        head_.append(requestLine);
        head_ += "\r\n";
        for (std::size_t i = 1; i < lines.size(); ++i) {
            head_.append(lines[i]);
            head_ += "\r\n";
        }
        head_ += "\r\n";
        return std::nullopt;
    }

    static std::string plainResponse(int status, std::string_view reason, const std::string& text,
                                     std::string_view extraHeaders = {}) {
        const std::string body = text + "\n";
        return "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason) + "\r\n" + std::string(extraHeaders) +
               "Content-Type: text/plain\r\nContent-Length: " + std::to_string(body.size()) +
               "\r\nConnection: close\r\n\r\n" + body;
    }

    /// Appends what the socket has (waiting up to `timeout`); false on EOF, error or timeout.
    bool fill(std::chrono::milliseconds timeout) {
        if (begin_ == end_) begin_ = end_ = 0;
        if (end_ == buffer_.size()) {
            std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
            end_ -= begin_;
            begin_ = 0;
        }
        const bool pending = ssl_ && SSL_pending(ssl_) > 0;
        if (!pending && timeout.count() > 0 && !waitFor(fd_, POLLIN, timeout)) return false;
        ssize_t n;
        do {
            // TLS: a record that arrives in pieces is waited for up to the socket's receive
            // timeout (set for TLS connections), never forever.
            n = ssl_ ? SSL_read(ssl_, buffer_.data() + end_, static_cast<int>(buffer_.size() - end_))
                     : ::recv(fd_, buffer_.data() + end_, buffer_.size() - end_, 0);
        } while (n < 0 && errno == EINTR && !ssl_);
        if (n <= 0) return false;
        end_ += static_cast<std::size_t>(n);
        return true;
    }

    int fd_;
    std::chrono::milliseconds timeout_;
    SSL* ssl_;
    std::array<char, 16384> buffer_{};
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
    int status_ = 0;
    bool statusSeen_ = false;
    std::string head_;  // the checked head of the current request, CRLF line ends
    std::size_t headRead_ = 0;
    bool extensionPost_ = false;
};

}  // namespace

HttpListener::HttpListener(std::chrono::milliseconds idleTimeout, std::chrono::milliseconds readTimeout,
                           std::size_t maxBodyBytes)
    : idleTimeout_(idleTimeout), readTimeout_(readTimeout), maxBodyBytes_(maxBodyBytes) {}

HttpListener::~HttpListener() {
    if (tls_) SSL_CTX_free(tls_);
}

void HttpListener::enableTls(const std::string& certificateFile, const std::string& keyFile) {
    SSL_CTX* context = SSL_CTX_new(TLS_server_method());
    if (!context) throw std::runtime_error("TLS: " + openSslError());
    SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION);
    if (SSL_CTX_use_certificate_chain_file(context, certificateFile.c_str()) != 1 ||
        SSL_CTX_use_PrivateKey_file(context, keyFile.c_str(), SSL_FILETYPE_PEM) != 1 ||
        SSL_CTX_check_private_key(context) != 1) {
        const std::string reason = openSslError();
        SSL_CTX_free(context);
        throw std::runtime_error("TLS: cannot use the certificate " + certificateFile + " with the key " + keyFile +
                                 ": " + reason);
    }
    if (tls_) SSL_CTX_free(tls_);
    tls_ = context;
}

Connection& HttpListener::currentConnection() noexcept {
    static thread_local Connection outsideAConnection;
    return tlsConnection ? *tlsConnection : outsideAConnection;
}

void HttpListener::widenAcceptQueue() {
    if (svr_sock_ != INVALID_SOCKET) ::listen(svr_sock_, SOMAXCONN);
}

void HttpListener::answeredInFull() noexcept {
    tlsAnsweredByHandler = true;
}

bool HttpListener::currentRequestIsExtensionPost() noexcept {
    return tlsExtensionPost;
}

bool HttpListener::process_and_close_socket(socket_t sock) {
    Connection connection;
    tlsConnection = &connection;
    SSL* ssl = nullptr;
    if (tls_) {
        // OpenSSL writes with write(), not send(MSG_NOSIGNAL): a peer that went away would
        // raise SIGPIPE. Blocked in this worker thread, it stays pending and harmless, and the
        // write fails with EPIPE instead.
        static thread_local const bool sigpipeBlocked = [] {
            sigset_t pipe;
            sigemptyset(&pipe);
            sigaddset(&pipe, SIGPIPE);
            return pthread_sigmask(SIG_BLOCK, &pipe, nullptr) == 0;
        }();
        (void)sigpipeBlocked;
        // Blocking TLS reads and writes are bounded by the socket's own timeouts.
        timeval timeout{static_cast<time_t>(readTimeout_.count() / 1000),
                        static_cast<suseconds_t>(readTimeout_.count() % 1000 * 1000)};
        ::setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        ::setsockopt(sock, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
        ssl = SSL_new(tls_);
        if (!ssl || SSL_set_fd(ssl, sock) != 1 || SSL_accept(ssl) != 1) {
            spdlog::info("cimxml: TLS handshake failed: {}", openSslError());
            if (ssl) SSL_free(ssl);
            tlsConnection = nullptr;
            ::shutdown(sock, SHUT_RDWR);
            ::close(sock);
            return true;
        }
    }
    BufferedSocketStream stream(sock, readTimeout_, ssl);
    auto stopping = [this] { return svr_sock_ == INVALID_SOCKET; };
    while (stream.awaitRequest(idleTimeout_, stopping)) {
        if (const auto refusal = stream.takeHead(maxBodyBytes_)) {
            if (!refusal->empty()) {
                stream.write(refusal->data(), refusal->size());
                spdlog::info("cimxml: refused a request: {}", refusal->substr(9, refusal->find('\r') - 9));
            }
            break;
        }
        tlsExtensionPost = stream.extensionPost();
        tlsAnsweredByHandler = false;
        bool connectionClosed = false;
        const bool served = process_request(stream, false, connectionClosed, nullptr);
        tlsExtensionPost = false;
        const int status = stream.takeResponseStatus();
        // After a failure httplib reported itself (malformed request, body too large, no
        // such path) the rest of the stream cannot be trusted: close rather than resync.
        // 401 is part of the normal authentication dance and keeps the connection, as does
        // an error a handler answered in full (a SOAP fault is an HTTP 500).
        if (!served || connectionClosed || (status >= 400 && status != 401 && !tlsAnsweredByHandler)) break;
    }
    tlsConnection = nullptr;
    if (ssl) {
        SSL_shutdown(ssl);
        SSL_free(ssl);
    }
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return true;
}

}  // namespace wmimock::cimxml::detail
