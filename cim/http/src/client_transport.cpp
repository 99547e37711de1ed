#include "wmimock/http/client_transport.hpp"

#include <httplib.h>
#include <openssl/x509.h>

#include <mutex>
#include <optional>

#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/http/basic_auth.hpp"
#include "wmimock/http/ntlm.hpp"
#include "wmimock/http/session_encryption.hpp"

namespace wmimock::http {
namespace {

/// The token of a "Negotiate <base64>" (or "NTLM <base64>") challenge among the server's
/// WWW-Authenticate headers; nullopt when it offers neither.
std::optional<std::string> negotiateToken(const httplib::Response& response) {
    const std::size_t count = response.get_header_value_count("WWW-Authenticate");
    for (std::size_t i = 0; i < count; ++i) {
        const std::string value = response.get_header_value("WWW-Authenticate", i);
        for (const std::string_view scheme : {"Negotiate", "NTLM"}) {
            if (value.size() < scheme.size() || !iequals(std::string_view(value).substr(0, scheme.size()), scheme)) {
                continue;
            }
            if (value.size() > scheme.size() && value[scheme.size()] != ' ') continue;
            std::string token;
            const std::string_view encoded = value.size() > scheme.size() + 1
                                                 ? std::string_view(value).substr(scheme.size() + 1)
                                                 : std::string_view{};
            if (!base64Decode(encoded, token)) return std::nullopt;
            return token;
        }
    }
    return std::nullopt;
}

std::string offeredSchemes(const httplib::Response& response) {
    std::string offered;
    const std::size_t count = response.get_header_value_count("WWW-Authenticate");
    for (std::size_t i = 0; i < count; ++i) {
        std::string value = response.get_header_value("WWW-Authenticate", i);
        value = value.substr(0, value.find(' '));
        offered += (offered.empty() ? "" : ", ") + value;
    }
    return offered.empty() ? "none" : offered;
}

Reply replyOf(httplib::Response&& response) {
    return Reply{response.status, std::move(response.body),
                 HeaderList(response.headers.begin(), response.headers.end())};
}

}  // namespace

std::string Reply::header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (iequals(key, name)) return value;
    }
    return {};
}

struct ClientTransport::Impl {
    Endpoint endpoint;
    TransportOptions options;
    std::mutex mutex;
    std::unique_ptr<httplib::Client> client;
    std::unique_ptr<NtlmInitiator> ntlm;  ///< the current connection's NTLM session

    bool sealing() const { return options.auth == AuthScheme::Ntlm && options.sealOverHttp && !endpoint.secure(); }

    httplib::Client& connection() {
        if (client) return *client;
        const TlsOptions& tls = options.tls;
        client = tls.clientCertFile.empty()
                     ? std::make_unique<httplib::Client>(endpoint.origin())
                     : std::make_unique<httplib::Client>(endpoint.origin(), tls.clientCertFile, tls.clientKeyFile);
        client->set_keep_alive(true);
        client->set_tcp_nodelay(true);
        client->set_connection_timeout(options.connectTimeout);
        client->set_read_timeout(options.readTimeout);
        client->set_write_timeout(options.readTimeout);
        if (endpoint.secure()) {
            if (!tls.caCertFile.empty()) client->set_ca_cert_path(tls.caCertFile);
            client->enable_server_certificate_verification(tls.verifyPeer);
        }
        if (options.auth == AuthScheme::Basic && !options.user.empty()) {
            client->set_basic_auth(options.user, options.password);
        }
        return *client;
    }

    [[noreturn]] void transportFailure(httplib::Error error, std::string_view path) {
        const std::string where = endpoint.hostPort() + std::string(path);
        switch (error) {
            case httplib::Error::Connection:
                throw CimError(CimStatus::Failed, "cannot connect to " + endpoint.hostPort() +
                                                      " (refused, unreachable or no answer within " +
                                                      std::to_string(options.connectTimeout.count()) + " ms)");
            case httplib::Error::Read:
                throw CimError(CimStatus::Failed, "no complete answer from " + where + " within " +
                                                      std::to_string(options.readTimeout.count()) +
                                                      " ms (or the server closed the connection)");
            case httplib::Error::Write:
                throw CimError(CimStatus::Failed, "could not send the request to " + where);
            case httplib::Error::SSLServerVerification: {
                const long result = client ? client->get_openssl_verify_result() : 0;
                const std::string reason = result != X509_V_OK ? X509_verify_cert_error_string(result)
                                                               : "its certificate does not name " + endpoint.host;
                throw CimError(CimStatus::Failed, "TLS: the certificate of " + endpoint.hostPort() +
                                                      " is not trusted (" + reason +
                                                      "): give its CA with --ca-cert FILE, or --no-verify");
            }
            case httplib::Error::SSLConnection:
                throw CimError(CimStatus::Failed, "TLS handshake with " + endpoint.hostPort() +
                                                      " failed (is it an https server? does it want a client "
                                                      "certificate?)");
            case httplib::Error::SSLLoadingCerts:
                throw CimError(CimStatus::Failed, "TLS: cannot load the certificates given (--ca-cert '" +
                                                      options.tls.caCertFile + "', --cert '" +
                                                      options.tls.clientCertFile + "')");
            default:
                throw CimError(CimStatus::Failed, "HTTP request to " + where + " failed: " + httplib::to_string(error));
        }
    }

    /// One exchange; the body of an error answer without a length is not waited for.
    httplib::Response send(std::string_view path, std::string_view contentType, std::string body,
                           const HeaderList& headers, const std::string& authorization) {
        httplib::Request request;
        request.method = "POST";
        request.path = std::string(path);
        if (!contentType.empty()) request.set_header("Content-Type", std::string(contentType));
        for (const auto& [name, value] : headers) request.set_header(name, value);
        if (!authorization.empty()) request.set_header("Authorization", authorization);
        request.body = std::move(body);
        bool abandonedBody = false;
        request.response_handler = [&abandonedBody](const httplib::Response& response) {
            if (response.status == 200 || response.status == 401 || response.has_header("Content-Length") ||
                response.has_header("Transfer-Encoding")) {
                return true;
            }
            abandonedBody = true;
            return false;
        };
        httplib::Response response;
        httplib::Error error = httplib::Error::Success;
        if (!connection().send(request, response, error) && !abandonedBody) transportFailure(error, path);
        return response;
    }

    [[noreturn]] void denied(const httplib::Response& response, std::string_view path, std::string_view why) {
        std::string message = "HTTP 401 from " + endpoint.hostPort() + std::string(path);
        const std::string cimError = response.get_header_value("CIMError");
        if (!cimError.empty()) message += " (CIMError: " + cimError + ")";
        throw CimError(CimStatus::AccessDenied, message + " - " + std::string(why));
    }

    /// NTLM authenticates the connection: NEGOTIATE, CHALLENGE, AUTHENTICATE on empty POSTs
    /// (as WinRM clients do before sealing), then the connection is the user's.
    void authenticate(std::string_view path) {
        try {
            ntlm = std::make_unique<NtlmInitiator>(options.user, options.password, endpoint.host);
            const httplib::Response challenge = send(path, {}, {}, {}, "Negotiate " + base64Encode(ntlm->step({})));
            const std::optional<std::string> token = negotiateToken(challenge);
            if (challenge.status != 401 || !token || token->empty()) {
                ntlm.reset();
                if (challenge.status == 401) {
                    denied(challenge, path,
                           "the server does not offer NTLM (Negotiate); it offers: " + offeredSchemes(challenge));
                }
                throw CimError(CimStatus::Failed, "HTTP " + std::to_string(challenge.status) + " from " +
                                                      endpoint.hostPort() + std::string(path) +
                                                      " to an NTLM NEGOTIATE message (expected 401 with a challenge)");
            }
            const httplib::Response answer = send(path, {}, {}, {}, "Negotiate " + base64Encode(ntlm->step(*token)));
            if (answer.status == 401) {
                ntlm.reset();
                denied(answer, path, "the server refused the NTLM credentials of '" + options.user + "'");
            }
        } catch (const NtlmError& e) {
            ntlm.reset();
            throw CimError(CimStatus::AccessDenied, e.what());
        }
    }

    /// `body` sealed with the connection's session (an empty body has nothing to seal).
    std::string sealed(const std::string& body) {
        if (body.empty()) return body;
        try {
            return sealBody(*ntlm, body);
        } catch (const NtlmError& e) {
            ntlm.reset();
            throw CimError(CimStatus::Failed, e.what());
        }
    }

    Reply exchange(std::string_view path, std::string_view contentType, std::string body, const HeaderList& headers) {
        if (options.auth == AuthScheme::Basic) {
            httplib::Response response = send(path, contentType, std::move(body), headers, {});
            if (response.status == 401) {
                denied(response, path, options.user.empty() ? "the server wants credentials" : "bad credentials");
            }
            return replyOf(std::move(response));
        }
        // NTLM: a connection the server closed (idle, restarted) comes back unauthenticated,
        // which the server says with 401: authenticate again, once.
        for (int attempt = 0;; ++attempt) {
            if (!ntlm || !ntlm->established()) authenticate(path);
            httplib::Response response = sealing() ? send(path, kSealedContentType, sealed(body), headers, {})
                                                   : send(path, contentType, body, headers, {});
            if (response.status == 401) {
                ntlm.reset();
                if (attempt == 0) continue;
                denied(response, path, "the server no longer accepts the NTLM session");
            }
            Reply reply = replyOf(std::move(response));
            if (isSealedContentType(reply.header("Content-Type"))) {
                try {
                    reply.body = openBody(*ntlm, reply.body);
                } catch (const std::exception& e) {
                    ntlm.reset();
                    throw CimError(CimStatus::Failed, "the answer from " + endpoint.hostPort() + std::string(path) +
                                                          " cannot be opened: " + e.what());
                }
            } else if (sealing() && !reply.body.empty()) {
                throw CimError(CimStatus::Failed,
                               "HTTP " + std::to_string(reply.status) + " from " + endpoint.hostPort() +
                                   std::string(path) +
                                   " came unsealed on an NTLM-sealed session: " + reply.body.substr(0, 300));
            }
            return reply;
        }
    }
};

ClientTransport::ClientTransport(Endpoint endpoint, TransportOptions options) : impl_(std::make_unique<Impl>()) {
    if (options.auth == AuthScheme::Ntlm && options.user.empty()) {
        throw CimError(CimStatus::InvalidParameter, "NTLM authentication needs a user (--user DOMAIN\\name)");
    }
    if (options.tls.clientCertFile.empty() != options.tls.clientKeyFile.empty()) {
        throw CimError(CimStatus::InvalidParameter, "a client certificate needs its key, and a key its certificate");
    }
    impl_->endpoint = std::move(endpoint);
    impl_->options = std::move(options);
}

ClientTransport::~ClientTransport() = default;

Reply ClientTransport::post(std::string_view path, std::string_view contentType, std::string body,
                            const HeaderList& headers) {
    std::lock_guard lock(impl_->mutex);
    return impl_->exchange(path, contentType, std::move(body), headers);
}

const Endpoint& ClientTransport::endpoint() const noexcept {
    return impl_->endpoint;
}

const TransportOptions& ClientTransport::options() const noexcept {
    return impl_->options;
}

}  // namespace wmimock::http
