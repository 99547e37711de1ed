#include "serve_command.hpp"

#include <charconv>
#include <chrono>
#include <csignal>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "exit_codes.hpp"
#include "option_kinds.hpp"
#include "sim_options.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cimom/fixtures.hpp"
#include "wmimock/cimom/interop.hpp"
#include "wmimock/services/builtin.hpp"
#include "wmimock/version.hpp"

#include <pthread.h>

#include "wmimock/cimxml/server.hpp"
#include "wmimock/wsman/service.hpp"

namespace wmimock::cli {

ServeCommand::ServeCommand(CLI::App& parent)
    : Subcommand(
          parent.add_subcommand("serve",
                                "Serve built-in targets over CIM-XML (POST /cimom) and WS-Management (POST /wsman) "
                                "until SIGINT or SIGTERM")) {
    app_->add_option("--listen", listen_, "HOST:PORT of the first target; further targets take the next ports")
        ->capture_default_str();
    app_->add_option("--wsman-listen", wsmanListen_,
                     "HOST:PORT for WS-Management on a port of its own (e.g. WinRM's 5985); further targets take "
                     "the next ports. Without it /wsman shares --listen's port");
    addRepeatable(*app_, "-t,--target", targets_, "builtin:NAME to serve (repeatable; default builtin:reference)");
    addRepeatable(*app_, "--mof", mofFiles_, "extra MOF loaded into every served target (repeatable)");
    addRepeatable(*app_, "-I,--include", includeDirs_, "directory searched by #pragma include (repeatable)");
    addMofDialect(*app_, dialect_);
    addBaseline(*app_, baselines_);
    addRepeatable(*app_, "--sim-option", simOptions_, "KEY=VALUE for the simulations (see `wmimock conform --help`)");
    app_->add_option("--user", user_, "require HTTP Basic authentication with this user");
    app_->add_option("--password", password_, "the password for --user");
    app_->add_option("--ntlm-users", ntlmUsers_,
                     "accept NTLM (Negotiate, WinRM's default) for the users of this file, lines of "
                     "DOMAIN:USER:PASSWORD; WS-Management then also takes WinRM's sealed messages")
        ->check(CLI::ExistingFile);
    app_->add_flag("--allow-unencrypted", allowUnencrypted_,
                   "with --ntlm-users over http: accept unsealed WS-Management messages (WinRM's "
                   "AllowUnencrypted=true)");
    app_->add_option("--tls-cert", tlsCert_, "serve HTTPS with this PEM certificate (chain); needs --tls-key")
        ->check(CLI::ExistingFile);
    app_->add_option("--tls-key", tlsKey_, "the PEM private key of --tls-cert")->check(CLI::ExistingFile);
    app_->add_option("--threads", threads_,
                     "connections served at once per target (a keep-alive connection holds one while it is open)")
        ->capture_default_str()
        ->check(CLI::Range(1, 1024));
    addSeconds(*app_, "--idle-timeout", idleSeconds_, "close a keep-alive connection idle this long");
    app_->footer(std::string("Examples:\n  wmimock serve\n"
                             "  wmimock serve --listen 127.0.0.1:15988 --target builtin:faulty-stays-started\n"
                             "  wbemcli ei 'http://127.0.0.1:5988/root/cimv2:WMIMock_Service'\n"
                             "  wmimock conform --target http://127.0.0.1:5988/root/cimv2\n"
                             "  wmimock conform --target http://127.0.0.1:5988/wsman\n"
                             "  wmimock serve --ntlm-users users.txt   (users.txt: WMIMOCK:alice:secret)\n"
                             "  wmimock serve --tls-cert cert.pem --tls-key key.pem --listen 127.0.0.1:5989\n\n"
                             "Protocols, on the same port:\n"
                             "  CIM-XML (DSP0200/DSP0201)       POST /cimom or /\n"
                             "  WS-Management (DSP0226/DSP0227) POST /wsman, DMTF and WMI resource URIs\n\n") +
                 exit_code::kHelpText);
}

namespace {

struct ListenAddress {
    std::string host;
    int port = 0;
};

// "127.0.0.1:5988", ":5988" (loopback), "5988", "[::1]:5988".
ListenAddress parseListen(const std::string& text) {
    ListenAddress address{"127.0.0.1", 0};
    std::string portText = text;
    if (const std::size_t colon = text.rfind(':'); colon != std::string::npos) {
        std::string host = text.substr(0, colon);
        if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
        if (!host.empty()) address.host = host;
        portText = text.substr(colon + 1);
    }
    const auto [end, error] = std::from_chars(portText.data(), portText.data() + portText.size(), address.port);
    if (error != std::errc{} || end != portText.data() + portText.size() || address.port < 0 || address.port > 65535) {
        throw CimError(CimStatus::InvalidParameter, "bad --listen '" + text + "': want HOST:PORT, e.g. 127.0.0.1:5988");
    }
    return address;
}

std::string builtinName(const std::string& target) {
    constexpr std::string_view prefix = "builtin:";
    if (target.rfind(prefix, 0) != 0) {
        throw CimError(CimStatus::InvalidParameter,
                       "wmimock serve serves built-in targets only (builtin:NAME), not '" + target + "'");
    }
    return target.substr(prefix.size());
}

/// What root/interop advertises for a served simulation: the server's brand and version,
/// and the DMTF profiles its flavour models (Hyper-V's virtualization namespace implements
/// System Virtualization, DSP1042, and Virtual System, DSP1057).
InteropInfo interopInfo(const services::BuiltinInfo* info) {
    InteropInfo interop;
    interop.brand = "wmimock";
    interop.version = std::string(kVersion);
    if (info != nullptr && info->flavour == "hyperv") {
        interop.profiles.push_back({2, "System Virtualization", "1.0.0"});
        interop.profiles.push_back({2, "Virtual System", "1.0.0"});
    }
    return interop;
}

}  // namespace

int ServeCommand::run() const {
    const ListenAddress address = parseListen(listen_);
    const std::optional<ListenAddress> wsmanAddress =
        wsmanListen_.empty() ? std::nullopt : std::optional<ListenAddress>(parseListen(wsmanListen_));
    if (!user_.empty() && password_.empty()) {
        throw CimError(CimStatus::InvalidParameter, "--user needs --password");
    }
    if (tlsCert_.empty() != tlsKey_.empty()) {
        throw CimError(CimStatus::InvalidParameter, "--tls-cert needs --tls-key, and --tls-key needs --tls-cert");
    }
    const std::string scheme = tlsCert_.empty() ? "http" : "https";
    const services::SimulationOptions simulation = parseSimOptions(simOptions_);
    MofCompileOptions mofOptions;
    mofOptions.includePaths.assign(includeDirs_.begin(), includeDirs_.end());
    mofOptions.dialect = dialect_;

    // Block the stop signals before any server thread exists, so that every thread inherits
    // the mask and only the sigwait in serveUntilSignalled() receives them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    const std::vector<std::string> targets =
        targets_.empty() ? std::vector<std::string>{"builtin:reference"} : targets_;
    std::vector<services::BuiltinEnvironment> environments;
    std::vector<std::unique_ptr<cimxml::CimXmlServer>> servers;
    std::vector<std::unique_ptr<wsman::WsmanService>> wsmanServices;
    for (std::size_t i = 0; i < targets.size(); ++i) {
        services::BuiltinEnvironment environment = services::makeBuiltin(builtinName(targets[i]), simulation);
        for (const std::string& name : baselines_) loadBaseline(*environment.cimom, name);
        if (!mofFiles_.empty()) environment.cimom->loadMofFiles({mofFiles_.begin(), mofFiles_.end()}, mofOptions);
        publishInterop(*environment.cimom, interopInfo(environment.info));
        cimxml::ServerOptions options;
        options.host = address.host;
        options.port = address.port == 0 ? 0 : address.port + static_cast<int>(i);
        options.user = user_;
        options.password = password_;
        options.ntlmUserFile = ntlmUsers_;
        options.allowUnencrypted = allowUnencrypted_;
        options.tlsCertFile = tlsCert_;
        options.tlsKeyFile = tlsKey_;
        options.threads = threads_;
        options.idleTimeout = std::chrono::milliseconds(static_cast<long long>(idleSeconds_ * 1000.0));
        wsman::ServiceOptions wsmanOptions;
        wsmanOptions.productVersion = std::string(kVersion);
        wsmanOptions.maxEnvelopeBytes = options.maxBodyBytes;
        const std::string nameSpace = environment.info != nullptr ? environment.info->nameSpace : "root/cimv2";
        wsmanOptions.defaultNamespace = nameSpace;
        const auto& service =
            wsmanServices.emplace_back(std::make_unique<wsman::WsmanService>(environment.cimom, wsmanOptions));
        cimxml::PostRoute wsmanRoute{"/wsman", "wsman", [service = service.get()](std::string_view body) {
                                         wsman::Reply reply = service->handle(body);
                                         return cimxml::PostRoute::Answer{
                                             reply.httpStatus, std::string(wsman::kSoapContentType),
                                             std::move(reply.body), std::move(reply.summary)};
                                     }};
        if (!wsmanAddress) options.routes.push_back(wsmanRoute);
        auto server = std::make_unique<cimxml::CimXmlServer>(environment.cimom, options);
        server->start();
        std::string wsmanUrl = fmt::format("{}://{}:{}/wsman", scheme, address.host, server->port());
        if (wsmanAddress) {
            // Its own listener: the same server options, /wsman routed (and /cimom answered too).
            cimxml::ServerOptions listenerOptions = options;
            listenerOptions.host = wsmanAddress->host;
            listenerOptions.port = wsmanAddress->port == 0 ? 0 : wsmanAddress->port + static_cast<int>(i);
            listenerOptions.routes = {wsmanRoute};
            auto wsmanServer = std::make_unique<cimxml::CimXmlServer>(environment.cimom, listenerOptions);
            wsmanServer->start();
            wsmanUrl = fmt::format("{}://{}:{}/wsman", scheme, wsmanAddress->host, wsmanServer->port());
            servers.push_back(std::move(wsmanServer));
        }
        std::cout << fmt::format("serving {} at {}://{}:{}/{} (CIM-XML) and {} (WS-Management)\n", targets[i], scheme,
                                 address.host, server->port(), nameSpace, wsmanUrl)
                  << std::flush;
        environments.push_back(std::move(environment));
        servers.push_back(std::move(server));
    }
    // Simulations run on a ManualClock; a served one must see real time pass, or a transition
    // or a job a remote client waits for would never finish.
    std::jthread pacer([&environments](std::stop_token stop) {
        auto last = std::chrono::steady_clock::now();
        while (!stop.stop_requested()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            const auto now = std::chrono::steady_clock::now();
            const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(now - last);
            last = now;
            for (const auto& environment : environments) environment.clock->advance(elapsed);
        }
    });
    std::cout << "press Ctrl-C to stop\n" << std::flush;
    const int signal = cimxml::serveUntilSignalled(*servers.front());
    for (auto& server : servers) server->stop();
    pacer.request_stop();
    spdlog::info("stopped by signal {}", signal);
    return exit_code::kSuccess;
}

}  // namespace wmimock::cli
