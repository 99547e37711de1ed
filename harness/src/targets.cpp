// Target specs: builtin:NAME, plugin:PATH, http(s)://...
#include "wmimock/harness/targets.hpp"

#include <filesystem>

#include "wmimock/cim/error.hpp"
#include "wmimock/cimxml/client.hpp"
#include "wmimock/conformance/cimom_target.hpp"
#include "wmimock/services/builtin.hpp"
#include "wmimock/wsman/client.hpp"

namespace wmimock::harness {

using conformance::CimomTarget;
using conformance::Target;

namespace {

constexpr std::string_view kBuiltin = "builtin:";
constexpr std::string_view kPlugin = "plugin:";

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

std::unique_ptr<Target> openBuiltin(std::string_view name, const TargetOptions& options) {
    services::BuiltinEnvironment env = services::makeBuiltin(name, options.simOptions);
    loadExtraMof(*env.cimom, env.info->nameSpace, options);
    return std::make_unique<CimomTarget>(std::string(kBuiltin) + std::string(name), env.cimom, env.clock,
                                         env.info->nameSpace, env.info->className);
}

/// A remote WBEM server on the real clock: one connection (CIM-XML or WS-Management
/// client) per client handed out.
template <class Client, class Options>
class RemoteTarget final : public Target {
public:
    RemoteTarget(std::string spec, Options options, std::string defaultNamespace)
        : spec_(std::move(spec)),
          options_(std::move(options)),
          main_(std::make_shared<Client>(options_)),
          defaultNamespace_(std::move(defaultNamespace)) {}
    std::string name() const override { return spec_; }
    CimClient& client() override { return *main_; }
    std::shared_ptr<CimClient> connect() override { return std::make_shared<Client>(options_); }
    Clock& clock() override { return clock_; }
    std::string defaultNamespace() const override { return defaultNamespace_; }
    std::string defaultClass() const override { return "CIM_Service"; }

private:
    std::string spec_;
    Options options_;
    std::shared_ptr<Client> main_;
    std::string defaultNamespace_;
    SystemClock clock_;
};

/// WS-Management when the scheme says so (wsman+http://, wsman+https://) or the path is
/// /wsman; CIM-XML otherwise.
bool isWsman(std::string_view spec) {
    if (startsWith(spec, "wsman+")) return true;
    const std::size_t authority = spec.find("://");
    const std::size_t path = authority == std::string_view::npos ? authority : spec.find('/', authority + 3);
    if (path == std::string_view::npos) return false;
    const std::string_view rest = spec.substr(path);
    return rest == "/wsman" || rest == "/wsman/" || startsWith(rest, "/wsman?");
}

bool isHttps(std::string_view spec) {
    return startsWith(spec, "https://") || startsWith(spec, "wsman+https://");
}

std::unique_ptr<Target> openHttp(std::string_view spec, const TargetOptions& options) {
    if (isWsman(spec)) {
        wsman::ClientOptions client;
        client.url = std::string(spec);
        client.transport = options.transport;
        if (!options.nameSpace.empty()) client.nameSpace = options.nameSpace;
        const std::string nameSpace = client.nameSpace;
        return std::make_unique<RemoteTarget<wsman::WsmanClient, wsman::ClientOptions>>(std::string(spec),
                                                                                        std::move(client), nameSpace);
    }
    cimxml::ClientOptions client;
    client.url = std::string(spec);
    client.transport = options.transport;
    const std::string nameSpace = cimxml::CimXmlClient(client).defaultNamespace();
    return std::make_unique<RemoteTarget<cimxml::CimXmlClient, cimxml::ClientOptions>>(std::string(spec),
                                                                                       std::move(client), nameSpace);
}

}  // namespace

void checkTarget(std::string_view spec, const TargetOptions& options) {
    const TargetKind kind = targetKind(spec);
    if (kind == TargetKind::Plugin) requirePluginFile(std::string(spec.substr(kPlugin.size())));
    if (!options.simOptions.empty() && kind != TargetKind::Builtin) {
        throw CimError(CimStatus::InvalidParameter,
                       "--sim-option applies to builtin: targets only, not to " + std::string(spec) +
                           " (a plugin's or a server's provider has no simulation settings)");
    }
    if ((!options.mofFiles.empty() || !options.baselines.empty()) && kind == TargetKind::Http) {
        throw CimError(CimStatus::InvalidParameter,
                       "--mof and --baseline apply to builtin: and plugin: targets, not to " + std::string(spec) +
                           " (the schema of a remote server cannot be changed from here)");
    }
    const http::TransportOptions& transport = options.transport;
    const http::TlsOptions& tls = transport.tls;
    const bool tlsOptions =
        !tls.caCertFile.empty() || !tls.verifyPeer || !tls.clientCertFile.empty() || !tls.clientKeyFile.empty();
    if ((tlsOptions || !transport.user.empty() || transport.auth != http::AuthScheme::Basic) &&
        kind != TargetKind::Http) {
        throw CimError(CimStatus::InvalidParameter,
                       "--user, --auth and the TLS options apply to http(s) targets, not to " + std::string(spec));
    }
    if (tlsOptions && kind == TargetKind::Http && !isHttps(spec)) {
        throw CimError(
            CimStatus::InvalidParameter,
            "--ca-cert, --no-verify, --cert and --key apply to https:// targets, not to " + std::string(spec));
    }
    if (tls.clientCertFile.empty() != tls.clientKeyFile.empty()) {
        throw CimError(CimStatus::InvalidParameter, "--cert needs --key, and --key needs --cert");
    }
    for (const std::string* file : {&tls.caCertFile, &tls.clientCertFile, &tls.clientKeyFile}) {
        std::error_code ec;
        if (!file->empty() && !std::filesystem::is_regular_file(*file, ec)) {
            throw CimError(CimStatus::NotFound, "'" + *file + "' does not exist or is not a file");
        }
    }
    if (!transport.sealOverHttp && transport.auth != http::AuthScheme::Ntlm) {
        throw CimError(CimStatus::InvalidParameter, "--no-seal applies to --auth ntlm only");
    }
    if (transport.auth == http::AuthScheme::Ntlm && transport.user.empty()) {
        throw CimError(CimStatus::InvalidParameter, "--auth ntlm needs --user (DOMAIN\\name or name) and --password");
    }
}

TargetKind targetKind(std::string_view spec) {
    if (startsWith(spec, kBuiltin) && spec.size() > kBuiltin.size()) return TargetKind::Builtin;
    if (startsWith(spec, kPlugin) && spec.size() > kPlugin.size()) return TargetKind::Plugin;
    if (startsWith(spec, "http://") || startsWith(spec, "https://") || startsWith(spec, "wsman+http://") ||
        startsWith(spec, "wsman+https://")) {
        return TargetKind::Http;
    }
    throw CimError(CimStatus::InvalidParameter,
                   "unknown target '" + std::string(spec) +
                       "': expected builtin:NAME, plugin:PATH, http(s)://HOST[:PORT][/NAMESPACE] (CIM-XML) or "
                       "http(s)://HOST[:PORT]/wsman (WS-Management)");
}

std::unique_ptr<Target> openTarget(std::string_view spec, const TargetOptions& options) {
    switch (targetKind(spec)) {
        case TargetKind::Builtin:
            return openBuiltin(spec.substr(kBuiltin.size()), options);
        case TargetKind::Plugin:
            return openPluginTarget(std::string(spec.substr(kPlugin.size())), options);
        case TargetKind::Http:
            return openHttp(spec, options);
    }
    throw CimError(CimStatus::InvalidParameter, "unknown target '" + std::string(spec) + "'");
}

}  // namespace wmimock::harness
