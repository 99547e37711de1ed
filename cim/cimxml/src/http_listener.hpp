// The HTTP/1.1 side of the server: cpp-httplib does the parsing, routing and response
// writing; this subclass owns the per-connection loop so that it can
//  - accept DSP0200's M-POST (httplib's request-line parser knows only the RFC 7231
//    methods), by presenting it to httplib as POST and remembering that it was M-POST;
//  - check the request head before httplib reads it: request lines and headers ending in
//    LF alone are accepted (as OpenPegasus does), methods other than POST/M-POST get 405 or
//    501, and a Content-Length that is not a number, is given twice differently or exceeds
//    the body limit is refused at once, before any body is read;
//  - buffer socket reads (httplib reads request lines byte by byte from its Stream);
//  - close idle keep-alive connections promptly when the server stops;
//  - accept a burst of connections: httplib listens with a backlog of 5, and the kernel drops
//    the handshakes past it, which clients see as a connection that never answers;
//  - speak TLS (OpenSSL) when given a certificate, on the same loop;
//  - keep what belongs to a connection rather than a request: its NTLM session.
#pragma once

#include <httplib.h>

#include <chrono>
#include <memory>
#include <string>

#include "wmimock/http/ntlm.hpp"

typedef struct ssl_ctx_st SSL_CTX;

namespace wmimock::cimxml::detail {

/// What lives as long as one connection.
struct Connection {
    std::unique_ptr<http::NtlmAcceptor> ntlm;  ///< NTLM authenticates connections, not requests
};

class HttpListener final : public httplib::Server {
public:
    HttpListener(std::chrono::milliseconds idleTimeout, std::chrono::milliseconds readTimeout,
                 std::size_t maxBodyBytes);
    ~HttpListener() override;

    /// Serves TLS with this PEM certificate (chain) and key. Throws std::runtime_error with
    /// OpenSSL's reason when they cannot be loaded or do not match.
    void enableTls(const std::string& certificateFile, const std::string& keyFile);
    bool tls() const noexcept { return tls_ != nullptr; }

    /// The connection the calling thread is serving (valid inside a handler).
    static Connection& currentConnection() noexcept;

    /// True while the calling thread is handling a request that arrived as M-POST (valid
    /// inside a handler: a connection's requests run on one thread, one after another).
    static bool currentRequestIsExtensionPost() noexcept;
    /// Called by a handler whose error answer (a SOAP fault's 500) is complete and leaves
    /// the stream in order: the connection then stays open.
    static void answeredInFull() noexcept;

    /// After bind_to_port: lets the kernel queue up to SOMAXCONN connections that are not
    /// accepted yet (a second listen() on a listening socket only changes the backlog).
    void widenAcceptQueue();

private:
    bool process_and_close_socket(socket_t sock) override;

    std::chrono::milliseconds idleTimeout_;
    std::chrono::milliseconds readTimeout_;
    std::size_t maxBodyBytes_;
    SSL_CTX* tls_ = nullptr;
};

}  // namespace wmimock::cimxml::detail
