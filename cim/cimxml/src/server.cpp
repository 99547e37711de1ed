#include "wmimock/cimxml/server.hpp"

#include <signal.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <atomic>
#include <charconv>
#include <mutex>
#include <optional>
#include <thread>

#include "enumeration_contexts.hpp"
#include "http_listener.hpp"
#include "operation_executor.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/cimxml/request.hpp"
#include "wmimock/http/basic_auth.hpp"
#include "wmimock/http/session_encryption.hpp"

namespace wmimock::cimxml {
namespace {

constexpr const char* kXmlContentType = "application/xml; charset=\"utf-8\"";
// DSP0200 names the mapping "http://www.dmtf.org/cim/mapping.http/v1.0"; OpenPegasus'
// wbemexec and others send ".../mapping/http/v1.0", which servers accept alike.
constexpr std::string_view kCimMapping = "http://www.dmtf.org/cim/mapping.http/v1.0";
constexpr std::string_view kCimMappingSlash = "http://www.dmtf.org/cim/mapping/http/v1.0";

/// The CIM headers of one request: plain for POST, "NN-" prefixed for M-POST (DSP0200 §5.2:
/// the prefix comes from the ns= of the Man header naming the CIM mapping).
class CimHeaders {
public:
    CimHeaders(const httplib::Request& request, bool extensionPost) : request_(request) {
        if (!extensionPost) return;
        const std::string man = request.get_header_value("Man");
        auto mapping = man.find(kCimMapping);
        if (mapping == std::string::npos) mapping = man.find(kCimMappingSlash);
        const auto ns = man.find("ns=", mapping == std::string::npos ? 0 : mapping);
        if (mapping == std::string::npos || ns == std::string::npos) {
            throw RequestError(400, "header-mismatch",
                               "M-POST needs a Man header naming " + std::string(kCimMapping) + " with ns=");
        }
        const auto digitsStart = man.begin() + static_cast<std::ptrdiff_t>(ns + 3);
        auto digitsEnd = digitsStart;
        while (digitsEnd != man.end() && std::isdigit(static_cast<unsigned char>(*digitsEnd))) ++digitsEnd;
        if (digitsStart == digitsEnd) throw RequestError(400, "header-mismatch", "the Man header's ns= has no number");
        prefix_ = std::string(digitsStart, digitsEnd) + "-";
    }

    std::string get(std::string_view name) const { return request_.get_header_value(prefix_ + std::string(name)); }
    bool has(std::string_view name) const { return request_.has_header((prefix_ + std::string(name)).c_str()); }
    /// The name to answer `name` under (prefixed the same way as the request's).
    std::string responseName(std::string_view name) const { return prefix_ + std::string(name); }
    bool extended() const noexcept { return !prefix_.empty(); }

private:
    const httplib::Request& request_;
    std::string prefix_;
};

std::string percentDecode(std::string_view text) {
    std::string decoded;
    decoded.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned value = 0;
        if (text[i] == '%' && i + 2 < text.size() &&
            std::from_chars(text.data() + i + 1, text.data() + i + 3, value, 16).ptr == text.data() + i + 3) {
            decoded += static_cast<char>(value);
            i += 2;
        } else {
            decoded += text[i];
        }
    }
    return decoded;
}

/// DSP0200: CIMMethod must name the method in the body and CIMObject the namespace
/// (intrinsic) or object (extrinsic). Clients differ in how much of CIMObject they
/// percent-encode, so only its namespace part is compared, after decoding.
void checkHeadersMatchBody(const CimHeaders& headers, const CimXmlRequest& request) {
    if (headers.has("CIMMethod") && !iequals(headers.get("CIMMethod"), request.methodName)) {
        throw RequestError(400, "header-mismatch",
                           "CIMMethod '" + headers.get("CIMMethod") + "' does not match " + request.methodName);
    }
    if (!headers.has("CIMObject")) return;
    const std::string object = percentDecode(headers.get("CIMObject"));
    const std::string objectNamespace =
        normalizeNamespace(request.intrinsic ? object : object.substr(0, object.find(':')));
    if (!iequals(objectNamespace, request.nameSpace)) {
        throw RequestError(400, "header-mismatch",
                           "CIMObject '" + object + "' does not match namespace " + request.nameSpace);
    }
}

/// What a request is about, for the request log: the instance or class it names, else its
/// namespace.
std::string objectOf(const CimXmlRequest& request) {
    if (!request.intrinsic) return request.target.toString();
    for (const WireParam& param : request.params) {
        const bool path = param.kind == WireParam::Kind::InstanceName || param.kind == WireParam::Kind::Reference;
        if (path && !param.paths.empty()) return param.paths.front().toString();
        if (param.kind == WireParam::Kind::ClassName) return request.nameSpace + ":" + param.className;
    }
    return request.nameSpace;
}

}  // namespace

struct CimXmlServer::Impl {
    Impl(std::shared_ptr<CimClient> backendIn, ServerOptions optionsIn)
        : backend(std::move(backendIn)),
          options(std::move(optionsIn)),
          enumerations({options.maxOpenEnumerations, options.enumerationTimeout, options.maxEnumerationTimeout}) {}

    std::shared_ptr<CimClient> backend;
    ServerOptions options;
    mutable detail::EnumerationContexts enumerations;  // thread-safe; pull operations change it
    std::unique_ptr<detail::HttpListener> http;
    std::thread acceptor;
    std::atomic<int> boundPort{0};
    std::mutex lifecycle;

    void handle(const httplib::Request& request, httplib::Response& response) const;
    void handleRoute(const PostRoute& route, const httplib::Request& request, httplib::Response& response) const;
    enum class Access {
        Granted,   ///< go on with the request
        Answered,  ///< the response is set: a 401 (challenge or refusal) or NTLM's completion
    };
    /// Basic and/or NTLM, as configured. `outcome` says why when access is not granted.
    Access authenticate(const httplib::Request& request, httplib::Response& response, std::string& outcome) const;
};

namespace {

/// "Negotiate <base64>" or "NTLM <base64>": the token, else nullopt.
std::optional<std::string> ntlmToken(std::string_view authorization) {
    for (const std::string_view scheme : {"Negotiate ", "NTLM "}) {
        if (authorization.size() > scheme.size() && iequals(authorization.substr(0, scheme.size()), scheme)) {
            std::string token;
            if (!http::base64Decode(authorization.substr(scheme.size()), token)) return std::string();
            return token;
        }
    }
    return std::nullopt;
}

}  // namespace

CimXmlServer::Impl::Access CimXmlServer::Impl::authenticate(const httplib::Request& request,
                                                            httplib::Response& response, std::string& outcome) const {
    const bool basic = !options.user.empty();
    const bool ntlm = !options.ntlmUserFile.empty();
    if (!basic && !ntlm) return Access::Granted;
    detail::Connection& connection = detail::HttpListener::currentConnection();
    const std::string authorization = request.get_header_value("Authorization");
    auto refuse = [&](std::string why) {
        response.status = 401;
        if (ntlm) response.set_header("WWW-Authenticate", "Negotiate");
        if (basic) response.set_header("WWW-Authenticate", "Basic realm=\"wmimock\"");
        outcome = "401 " + std::move(why);
        return Access::Answered;
    };
    if (const auto token = ntlm ? ntlmToken(authorization) : std::nullopt) {
        // A new exchange after a finished one re-authenticates the connection.
        if (!connection.ntlm || connection.ntlm->established()) {
            connection.ntlm = std::make_unique<http::NtlmAcceptor>(options.ntlmUserFile);
        }
        std::string answer;
        try {
            answer = connection.ntlm->step(*token);
        } catch (const http::NtlmError& e) {
            connection.ntlm.reset();
            return refuse(std::string("NTLM refused: ") + e.what());
        }
        if (!connection.ntlm->established()) {
            response.status = 401;
            response.set_header("WWW-Authenticate", "Negotiate " + http::base64Encode(answer));
            outcome = "401 NTLM challenge";
            return Access::Answered;
        }
        if (request.body.empty()) {  // WinRM clients complete NTLM on an empty POST before sealing
            response.status = 200;
            outcome = "200 NTLM authenticated " + connection.ntlm->userName();
            return Access::Answered;
        }
        return Access::Granted;
    }
    if (ntlm && connection.ntlm && connection.ntlm->established()) return Access::Granted;
    if (basic && http::basicCredentialsMatch(authorization, options.user, options.password)) return Access::Granted;
    return refuse(authorization.empty() ? "unauthenticated" : "bad credentials");
}

void CimXmlServer::Impl::handleRoute(const PostRoute& route, const httplib::Request& httpRequest,
                                     httplib::Response& response) const {
    const auto started = std::chrono::steady_clock::now();
    std::string outcome;
    if (authenticate(httpRequest, response, outcome) == Access::Granted) {
        // WinRM's sealed bodies: opened with the connection's NTLM session, answered sealed.
        http::NtlmContext* sealing = nullptr;
        std::string opened;
        bool refused = false;
        if (http::isSealedContentType(httpRequest.get_header_value("Content-Type"))) {
            sealing = detail::HttpListener::currentConnection().ntlm.get();
            try {
                if (!sealing || !sealing->established()) throw std::invalid_argument("no NTLM session to open it with");
                opened = http::openBody(*sealing, httpRequest.body);
            } catch (const std::exception& e) {
                response.status = 400;
                response.set_content(std::string("cannot open the sealed body: ") + e.what() + "\n", "text/plain");
                outcome = std::string("400 sealed body refused: ") + e.what();
                refused = true;
                detail::HttpListener::answeredInFull();
            }
        }
        const http::NtlmAcceptor* session = detail::HttpListener::currentConnection().ntlm.get();
        if (!sealing && !refused && session && session->established() && options.tlsCertFile.empty() &&
            !options.allowUnencrypted) {
            response.status = 400;
            response.set_content(
                "an NTLM session over plain HTTP must seal its messages (multipart/encrypted); "
                "the server does not allow unencrypted ones\n",
                "text/plain");
            outcome = "400 unsealed message on an NTLM session";
            refused = true;
            detail::HttpListener::answeredInFull();  // the body was read: the stream is in order
        }
        if (!refused) {
            PostRoute::Answer answer = route.handler(sealing ? opened : httpRequest.body);
            response.status = answer.status;
            if (sealing && !answer.body.empty()) {
                response.set_content(http::sealBody(*sealing, answer.body, answer.contentType),
                                     std::string(http::kSealedContentType));
            } else {
                response.set_content(std::move(answer.body), answer.contentType);
            }
            detail::HttpListener::answeredInFull();
            outcome = std::to_string(answer.status) + " " + answer.summary + (sealing ? " (sealed)" : "");
        }
    }
    const auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started);
    spdlog::info("{} {}:{} {} -> {} ({:.3f} ms)", route.protocol, httpRequest.remote_addr, httpRequest.remote_port,
                 httpRequest.path, outcome, elapsed.count());
}

void CimXmlServer::Impl::handle(const httplib::Request& httpRequest, httplib::Response& response) const {
    const auto started = std::chrono::steady_clock::now();
    std::string operation = "-";
    std::string object = "-";
    std::string outcome;
    try {
        if (authenticate(httpRequest, response, outcome) == Access::Granted) {
            const CimHeaders headers(httpRequest, detail::HttpListener::currentRequestIsExtensionPost());
            if (headers.get("CIMOperation") != "MethodCall") {
                throw RequestError(
                    400, "unsupported-operation",
                    "the CIMOperation header must be MethodCall, not '" + headers.get("CIMOperation") + "'");
            }
            const CimXmlRequest request =
                decodeRequest(httpRequest.body, DecodeLimits{options.maxBodyBytes, options.maxXmlDepth});
            operation = request.methodName;
            if (spdlog::should_log(spdlog::level::info)) object = objectOf(request);  // only for the log
            checkHeadersMatchBody(headers, request);
            auto result = detail::executeRequest(*backend, enumerations, request,
                                                 DecodeLimits{options.maxBodyBytes, options.maxXmlDepth});
            response.status = 200;
            if (headers.extended()) response.set_header("Ext", "");
            response.set_header(headers.responseName("CIMOperation"), "MethodResponse");
            response.set_content(std::move(result.body), kXmlContentType);
            outcome = result.status == CimStatus::Success ? "200" : "200 " + std::string(statusName(result.status));
        }
    } catch (const RequestError& e) {
        response.status = e.httpStatus();
        if (!e.cimError().empty()) response.set_header("CIMError", e.cimError());
        response.set_content(std::string(e.what()) + "\n", "text/plain");
        outcome = std::to_string(e.httpStatus()) + " " + e.cimError() + ": " + e.what();
    }
    const auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started);
    spdlog::info("cimxml {}:{} {} {} {} -> {} ({:.3f} ms)", httpRequest.remote_addr, httpRequest.remote_port,
                 httpRequest.path, operation, object, outcome, elapsed.count());
}

CimXmlServer::CimXmlServer(std::shared_ptr<CimClient> backend, ServerOptions options)
    : impl_(std::make_unique<Impl>(std::move(backend), std::move(options))) {
    if (!impl_->backend) throw CimError(CimStatus::InvalidParameter, "CimXmlServer needs a backend");
}

CimXmlServer::~CimXmlServer() {
    stop();
}

void CimXmlServer::start() {
    std::lock_guard lock(impl_->lifecycle);
    const ServerOptions& options = impl_->options;
    if (impl_->http) throw CimError(CimStatus::Failed, "CimXmlServer is already started");
    if (options.threads < 1 || options.port < 0 || options.port > 65535) {
        throw CimError(CimStatus::InvalidParameter, "CimXmlServer: threads must be >= 1 and port 0..65535");
    }
    if (options.tlsCertFile.empty() != options.tlsKeyFile.empty()) {
        throw CimError(CimStatus::InvalidParameter,
                       "CimXmlServer: a TLS certificate needs its key, and a key its certificate");
    }
    if (!options.ntlmUserFile.empty()) {
        try {
            http::NtlmAcceptor probe(options.ntlmUserFile);  // a missing file or mechanism fails here, not per request
        } catch (const http::NtlmError& e) {
            throw CimError(CimStatus::InvalidParameter, e.what());
        }
    }
    auto http = std::make_unique<detail::HttpListener>(options.idleTimeout, options.readTimeout, options.maxBodyBytes);
    if (!options.tlsCertFile.empty()) {
        try {
            http->enableTls(options.tlsCertFile, options.tlsKeyFile);
        } catch (const std::runtime_error& e) {
            throw CimError(CimStatus::InvalidParameter, e.what());
        }
    }
    const int threads = options.threads;
    // httplib takes ownership of the queue it is handed.
    http->new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
    http->set_payload_max_length(options.maxBodyBytes);
    // Headers and body go out in separate writes: without TCP_NODELAY, Nagle's algorithm and
    // the peer's delayed ACK would hold every response back for ~40 ms.
    http->set_tcp_nodelay(true);
    // httplib's default also sets SO_REUSEPORT, which would let a second server bind the same
    // port and silently share its connections; a busy port must be an error instead.
    http->set_socket_options([](socket_t socket) {
        const int yes = 1;
        ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    http->set_keep_alive_max_count(std::numeric_limits<std::size_t>::max() / 2);
    http->set_keep_alive_timeout(std::max<time_t>(1, options.idleTimeout.count() / 1000));
    auto handler = [impl = impl_.get()](const httplib::Request& request, httplib::Response& response) {
        impl->handle(request, response);
    };
    http->Post("/cimom", handler);
    http->Post("/", handler);
    auto notAllowed = [](const httplib::Request&, httplib::Response& response) {
        response.status = 405;
        response.set_header("Allow", "POST, M-POST");
    };
    http->Get("/cimom", notAllowed);
    http->Get("/", notAllowed);
    for (const PostRoute& route : options.routes) {
        if (route.path.empty() || route.path.front() != '/' || route.path == "/" || route.path == "/cimom" ||
            !route.handler) {
            throw CimError(CimStatus::InvalidParameter, "CimXmlServer: a route needs its own /path and a handler");
        }
        http->Post(route.path,
                   [impl = impl_.get(), &route](const httplib::Request& request, httplib::Response& response) {
                       impl->handleRoute(route, request, response);
                   });
        http->Get(route.path, notAllowed);
    }

    const bool bound = options.port == 0 ? (impl_->boundPort = http->bind_to_any_port(options.host)) > 0
                                         : http->bind_to_port(options.host, options.port);
    if (!bound) {
        throw CimError(CimStatus::Failed, "cannot listen on " + options.host + ":" + std::to_string(options.port) +
                                              " (address in use, not local, or not permitted)");
    }
    if (options.port != 0) impl_->boundPort = options.port;
    http->widenAcceptQueue();
    impl_->http = std::move(http);
    // httplib's stop() does nothing until the accept loop runs, so start() returns only once
    // it does: a stop() right after start() would otherwise leave the loop running forever.
    auto listening = std::make_shared<std::atomic<bool>>(false);
    impl_->acceptor = std::thread([listener = impl_->http.get(), listening] {
        listener->listen_after_bind();
        *listening = true;  // also when the loop ended at once
    });
    while (!impl_->http->is_running() && !*listening) std::this_thread::sleep_for(std::chrono::microseconds(200));
    std::string authentication;
    if (!options.user.empty()) authentication = "Basic";
    if (!options.ntlmUserFile.empty()) authentication += authentication.empty() ? "NTLM" : " or NTLM";
    spdlog::info("cimxml: serving CIM-XML on {}://{}:{}/cimom{}", options.tlsCertFile.empty() ? "http" : "https",
                 options.host, impl_->boundPort.load(),
                 authentication.empty() ? "" : " (" + authentication + " authentication)");
}

int CimXmlServer::port() const noexcept {
    return impl_->boundPort;
}

bool CimXmlServer::running() const noexcept {
    return impl_->http != nullptr;
}

void CimXmlServer::stop() {
    std::lock_guard lock(impl_->lifecycle);
    if (!impl_->http) return;
    impl_->http->stop();
    if (impl_->acceptor.joinable()) impl_->acceptor.join();
    impl_->http.reset();
    impl_->boundPort = 0;
    spdlog::info("cimxml: server stopped");
}

const ServerOptions& CimXmlServer::options() const noexcept {
    return impl_->options;
}

int serveUntilSignalled(CimXmlServer& server) {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    int received = 0;
    sigwait(&signals, &received);
    spdlog::info("cimxml: signal {} received, stopping", received);
    server.stop();
    return received;
}

}  // namespace wmimock::cimxml
