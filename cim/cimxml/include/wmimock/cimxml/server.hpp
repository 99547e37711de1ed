// A CIM-XML server (DSP0200 over HTTP/1.1): POST or M-POST to /cimom (or /) with the CIM
// operation headers, answered by any CimClient — usually the fake CIMOM.
//
//   auto server = cimxml::CimXmlServer(cimom, {.port = 0});
//   server.start();                 // binds 127.0.0.1 on an ephemeral port
//   cimxml::CimXmlClient client({.url = "http://127.0.0.1:" + std::to_string(server.port())});
//
// Connections are served by a fixed pool of `threads` worker threads, each connection kept
// alive on one worker until the peer closes it or stays idle; the backend is called from
// several threads at once and must be thread-safe (the Cimom is).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "wmimock/client/cim_client.hpp"

namespace wmimock::cimxml {

/// A POST another protocol answers on the same listener (WS-Management's /wsman): the server
/// authenticates it, hands over the body and logs the answer's summary.
struct PostRoute {
    struct Answer {
        int status = 200;
        std::string contentType;
        std::string body;
        std::string summary;  ///< one line for the request log
    };
    std::string path;                                      ///< "/wsman"
    std::string protocol;                                  ///< for the log: "wsman"
    std::function<Answer(std::string_view body)> handler;  ///< called from several threads
};

struct ServerOptions {
    std::string host = "127.0.0.1";  ///< loopback unless deliberately opened
    int port = 5988;                 ///< 0 = ephemeral (see CimXmlServer::port())
    std::string user, password;      ///< HTTP Basic authentication when `user` is set
    /// NTLM ("Negotiate", WinRM's default) for the users of this file, lines of
    /// DOMAIN:USER:PASSWORD (the client's domain must match). A WS-Management route then also
    /// takes and answers WinRM's sealed bodies. With `user` too, either scheme is accepted.
    std::string ntlmUserFile;
    /// Over plain HTTP, WS-Management routes refuse unsealed messages on an NTLM session, as
    /// WinRM does by default; true accepts them (WinRM's AllowUnencrypted=true).
    bool allowUnencrypted = false;
    /// HTTPS: a PEM certificate (chain) and its key. Both or neither.
    std::string tlsCertFile, tlsKeyFile;
    std::size_t maxBodyBytes = std::size_t{16} << 20;
    std::size_t maxXmlDepth = 64;
    int threads = 64;                              ///< worker threads = connections served at once
    std::chrono::milliseconds idleTimeout{5000};   ///< keep-alive connection idle limit
    std::chrono::milliseconds readTimeout{30000};  ///< while a request is being received
    /// Pull operations (DSP0200 1.3): open enumerations kept at once, and the idle time an
    /// enumeration survives when the client gives no OperationTimeout / at most.
    std::size_t maxOpenEnumerations = 256;
    std::chrono::seconds enumerationTimeout{60};
    std::chrono::seconds maxEnumerationTimeout{600};
    /// Further protocols on this listener; CIM-XML keeps /cimom and /.
    std::vector<PostRoute> routes;
};

class CimXmlServer {
public:
    CimXmlServer(std::shared_ptr<CimClient> backend, ServerOptions options);
    ~CimXmlServer();  ///< stops if still running
    CimXmlServer(const CimXmlServer&) = delete;
    CimXmlServer& operator=(const CimXmlServer&) = delete;

    /// Binds and starts serving on background threads. Throws CimError(Failed) naming the
    /// address when it cannot bind, CimError(InvalidParameter) for bad options, and
    /// CimError(Failed) when already started.
    void start();
    /// The bound port (the ephemeral one when options.port was 0); 0 before start().
    int port() const noexcept;
    bool running() const noexcept;
    /// Graceful: stops accepting, lets requests in progress finish, closes idle connections
    /// and joins the workers. Idempotent.
    void stop();

    const ServerOptions& options() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Blocks SIGINT and SIGTERM in the calling thread, waits for one of them, then stops the
/// server gracefully and returns the signal number. Call it from the main thread after
/// start() (threads the server started earlier are unaffected: they block no signals and
/// the signal is consumed by sigwait here).
int serveUntilSignalled(CimXmlServer& server);

}  // namespace wmimock::cimxml
