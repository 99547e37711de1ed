// The client side of HTTP for both wire protocols: one keep-alive connection to one server,
// timeouts, TLS, and Basic or NTLM ("Negotiate") authentication, with every failure said the
// same way for CIM-XML and WS-Management:
//   - cannot connect, no answer in time, a TLS failure: CimError(Failed) naming the endpoint
//     and what to do ("... is not trusted: give its CA with --ca-cert, or --no-verify");
//   - HTTP 401, or an NTLM exchange the server refuses: CimError(AccessDenied).
// Any other status is the caller's to read: each protocol says its errors in its own way.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "wmimock/http/endpoint.hpp"

namespace wmimock::http {

struct TlsOptions {
    std::string caCertFile;      ///< PEM certificates to trust instead of the system's store
    bool verifyPeer = true;      ///< false accepts any certificate and host name (test servers)
    std::string clientCertFile;  ///< PEM client certificate, for servers that ask for one
    std::string clientKeyFile;   ///< its private key (PEM)
};

enum class AuthScheme {
    Basic,  ///< RFC 7617; sent with every request when a user is set
    Ntlm,   ///< "Negotiate" with NTLM tokens, as WinRM expects by default
};

struct TransportOptions {
    std::string user, password;  ///< no user: no authentication
    AuthScheme auth = AuthScheme::Basic;
    /// With NTLM over plain HTTP, seal every message as WinRM expects (it refuses unsealed
    /// ones unless AllowUnencrypted is set). A WS-Management convention: the CIM-XML client,
    /// which has none, never seals. Over HTTPS, TLS protects the messages instead.
    bool sealOverHttp = true;
    TlsOptions tls;
    std::chrono::milliseconds connectTimeout{5000};
    /// Bound on every wait for the server (also for servers that answer an error without
    /// Content-Length and keep the socket open: such a body is not waited for).
    std::chrono::milliseconds readTimeout{30000};
};

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct Reply {
    int status = 0;
    std::string body;  ///< opened when it came sealed
    HeaderList headers;
    /// The first value of a header (case-insensitive name); empty when absent.
    std::string header(std::string_view name) const;
};

class ClientTransport {
public:
    /// Connects lazily. Throws CimError(InvalidParameter) for options that cannot work (NTLM
    /// without a user, a client certificate without its key).
    ClientTransport(Endpoint endpoint, TransportOptions options);
    ~ClientTransport();
    ClientTransport(const ClientTransport&) = delete;
    ClientTransport& operator=(const ClientTransport&) = delete;

    /// Sends one POST to `path` and returns the answer (any status but 401). Serialized: one
    /// request at a time on the one connection.
    Reply post(std::string_view path, std::string_view contentType, std::string body, const HeaderList& headers = {});

    const Endpoint& endpoint() const noexcept;
    const TransportOptions& options() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace wmimock::http
