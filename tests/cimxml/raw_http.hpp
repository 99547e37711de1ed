// Plain-socket HTTP helpers for the CIM-XML tests: a client that sends exact bytes (to test
// what real, loose peers send) and a scripted server (to test how the client copes with
// servers that hang or answer badly). 127.0.0.1 only; every wait is bounded.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "wmimock/cim/names.hpp"

namespace wmimock::cimxml::testing {

struct RawResponse {
    int status = 0;
    std::map<std::string, std::string, NameLess> headers;
    std::string body;
    bool hasContentLength = false;

    std::string header(const std::string& name) const {
        const auto found = headers.find(name);
        return found == headers.end() ? std::string() : found->second;
    }
};

/// One TCP connection to 127.0.0.1:port.
class RawConnection {
public:
    explicit RawConnection(int port);
    ~RawConnection();
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    void send(const std::string& bytes);
    /// Reads one response (headers, then Content-Length bytes); nullopt if the server closed
    /// the connection or sent nothing complete within `timeout`.
    std::optional<RawResponse> receive(std::chrono::milliseconds timeout = std::chrono::seconds(5));
    /// True if the server closed the connection (EOF) within `timeout`.
    bool closedByPeer(std::chrono::milliseconds timeout = std::chrono::seconds(5));

private:
    bool fill(std::chrono::steady_clock::time_point deadline);
    int fd_ = -1;
    std::string buffer_;
};

/// A full CIM-XML request: POST /cimom with the DSP0200 headers and Content-Length.
std::string cimRequest(const std::string& body, const std::string& method, const std::string& object,
                       const std::string& extraHeaders = {}, const std::string& verb = "POST");

/// A server on an ephemeral loopback port that, for every request it receives, writes
/// `reply` verbatim (nothing at all when empty) and keeps the connection open.
class ScriptedServer {
public:
    /// The reply to one request (its head and body as received).
    using Responder = std::function<std::string(const std::string& request)>;

    explicit ScriptedServer(std::string reply);
    explicit ScriptedServer(Responder respond);
    ~ScriptedServer();
    ScriptedServer(const ScriptedServer&) = delete;
    ScriptedServer& operator=(const ScriptedServer&) = delete;

    int port() const noexcept { return port_; }
    /// Every request received so far, in order.
    std::vector<std::string> requests() const;

private:
    void serve(int fd);
    Responder respond_;
    mutable std::mutex requestsMutex_;
    std::vector<std::string> requests_;
    int listener_ = -1;
    int port_ = 0;
    std::mutex mutex_;
    std::vector<int> connections_;
    std::vector<std::thread> threads_;
    std::thread acceptor_;
};

/// A loopback port that nothing listens on (bound, then released).
int unusedPort();

}  // namespace wmimock::cimxml::testing
