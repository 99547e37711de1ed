#include "raw_http.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <stdexcept>

namespace wmimock::cimxml::testing {
namespace {

sockaddr_in loopback(int port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

int listenOnEphemeralPort(int& port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address = loopback(0);
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(fd, 16) != 0) {
        throw std::runtime_error("cannot listen on 127.0.0.1");
    }
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    port = ntohs(address.sin_port);
    return fd;
}

bool readable(int fd, std::chrono::steady_clock::time_point deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd descriptor{fd, POLLIN, 0};
    return ::poll(&descriptor, 1, static_cast<int>(left.count())) > 0;
}

}  // namespace

RawConnection::RawConnection(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    const sockaddr_in address = loopback(port);
    if (fd_ < 0 || ::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        throw std::runtime_error("cannot connect to 127.0.0.1:" + std::to_string(port));
    }
}

RawConnection::~RawConnection() {
    if (fd_ >= 0) ::close(fd_);
}

void RawConnection::send(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) throw std::runtime_error("send failed");
        sent += static_cast<std::size_t>(n);
    }
}

bool RawConnection::fill(std::chrono::steady_clock::time_point deadline) {
    if (!readable(fd_, deadline)) return false;
    std::array<char, 65536> chunk{};
    const ssize_t n = ::recv(fd_, chunk.data(), chunk.size(), 0);
    if (n <= 0) return false;
    buffer_.append(chunk.data(), static_cast<std::size_t>(n));
    return true;
}

std::optional<RawResponse> RawConnection::receive(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::size_t headerEnd;
    while ((headerEnd = buffer_.find("\r\n\r\n")) == std::string::npos) {
        if (!fill(deadline)) return std::nullopt;
    }
    RawResponse response;
    const std::string head = buffer_.substr(0, headerEnd);
    response.status = std::stoi(head.substr(9, 3));
    for (std::size_t line = head.find("\r\n"); line != std::string::npos;) {
        const std::size_t next = head.find("\r\n", line + 2);
        const std::string text = head.substr(line + 2, next == std::string::npos ? std::string::npos : next - line - 2);
        const auto colon = text.find(':');
        if (colon != std::string::npos) {
            std::string value = text.substr(colon + 1);
            value.erase(0, value.find_first_not_of(' '));
            response.headers[text.substr(0, colon)] = value;
        }
        line = next;
    }
    buffer_.erase(0, headerEnd + 4);
    const std::string length = response.header("Content-Length");
    response.hasContentLength = !length.empty();
    const std::size_t bodySize = response.hasContentLength ? std::stoul(length) : 0;
    while (buffer_.size() < bodySize) {
        if (!fill(deadline)) return std::nullopt;
    }
    response.body = buffer_.substr(0, bodySize);
    buffer_.erase(0, bodySize);
    return response;
}

bool RawConnection::closedByPeer(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (readable(fd_, deadline)) {
        std::array<char, 4096> chunk{};
        const ssize_t n = ::recv(fd_, chunk.data(), chunk.size(), 0);
        if (n <= 0) return true;
    }
    return false;
}

std::string cimRequest(const std::string& body, const std::string& method, const std::string& object,
                       const std::string& extraHeaders, const std::string& verb) {
    const bool extended = verb == "M-POST";
    const std::string prefix = extended ? "73-" : "";
    std::string request = verb + " /cimom HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    request += "Content-Type: application/xml; charset=\"utf-8\"\r\n";
    if (extended) request += "Man: http://www.dmtf.org/cim/mapping.http/v1.0 ; ns=73\r\n";
    request += prefix + "CIMOperation: MethodCall\r\n";
    request += prefix + "CIMMethod: " + method + "\r\n";
    request += prefix + "CIMObject: " + object + "\r\n";
    request += extraHeaders;
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    return request + body;
}

ScriptedServer::ScriptedServer(std::string reply)
    : ScriptedServer([reply = std::move(reply)](const std::string&) { return reply; }) {}

std::vector<std::string> ScriptedServer::requests() const {
    std::lock_guard lock(requestsMutex_);
    return requests_;
}

ScriptedServer::ScriptedServer(Responder respond) : respond_(std::move(respond)) {
    listener_ = listenOnEphemeralPort(port_);
    acceptor_ = std::thread([this] {
        for (;;) {
            const int fd = ::accept(listener_, nullptr, nullptr);
            if (fd < 0) return;
            std::lock_guard lock(mutex_);
            connections_.push_back(fd);
            threads_.emplace_back([this, fd] { serve(fd); });
        }
    });
}

void ScriptedServer::serve(int fd) {
    std::string received;
    std::array<char, 4096> chunk{};
    for (;;) {
        const ssize_t n = ::recv(fd, chunk.data(), chunk.size(), 0);
        if (n <= 0) return;
        received.append(chunk.data(), static_cast<std::size_t>(n));
        const auto headerEnd = received.find("\r\n\r\n");
        if (headerEnd == std::string::npos) continue;
        const auto lengthAt = received.find("Content-Length: ");
        const std::size_t length = lengthAt < headerEnd ? std::stoul(received.substr(lengthAt + 16)) : 0;
        if (received.size() < headerEnd + 4 + length) continue;
        const std::string request = received.substr(0, headerEnd + 4 + length);
        received.erase(0, headerEnd + 4 + length);
        {
            std::lock_guard lock(requestsMutex_);
            requests_.push_back(request);
        }
        const std::string reply = respond_(request);
        if (!reply.empty()) ::send(fd, reply.data(), reply.size(), MSG_NOSIGNAL);
    }
}

ScriptedServer::~ScriptedServer() {
    ::shutdown(listener_, SHUT_RDWR);
    ::close(listener_);
    acceptor_.join();
    std::lock_guard lock(mutex_);
    for (const int fd : connections_) ::shutdown(fd, SHUT_RDWR);
    for (auto& thread : threads_) thread.join();
    for (const int fd : connections_) ::close(fd);
}

int unusedPort() {
    int port = 0;
    const int fd = listenOnEphemeralPort(port);
    ::close(fd);
    return port;
}

}  // namespace wmimock::cimxml::testing
