#include "transport_flags.hpp"

#include "wmimock/cim/names.hpp"

namespace wmimock::cli {

void TransportFlags::addTo(CLI::App& app) {
    app.add_option("--user", user, "user for http(s) targets (DOMAIN\\\\name for NTLM)");
    app.add_option("--password", password, "password for http(s) targets");
    app.add_option("--auth", auth,
                   "basic, or ntlm: Negotiate with NTLM as WinRM expects by default (messages sealed over "
                   "http://)")
        ->capture_default_str()
        ->check(CLI::IsMember({"basic", "ntlm", "negotiate"}, CLI::ignore_case));
    app.add_flag("--no-seal", noSeal,
                 "with --auth ntlm over http://: send WS-Management messages unsealed (WinRM with "
                 "AllowUnencrypted=true)");
    app.add_option("--ca-cert", caCert, "https targets: trust the CA certificates in this PEM file");
    app.add_flag("--no-verify", noVerify,
                 "https targets: accept any server certificate (self-signed test servers; not for production)");
    app.add_option("--cert", clientCert, "https targets: a client certificate (PEM), with --key");
    app.add_option("--key", clientKey, "https targets: the client certificate's private key (PEM)");
}

void TransportFlags::applyTo(harness::TargetOptions& options) const {
    http::TransportOptions& transport = options.transport;
    transport.user = user;
    transport.password = password;
    transport.auth = toLower(auth) == "basic" ? http::AuthScheme::Basic : http::AuthScheme::Ntlm;
    transport.sealOverHttp = !noSeal;
    transport.tls.caCertFile = caCert;
    transport.tls.verifyPeer = !noVerify;
    transport.tls.clientCertFile = clientCert;
    transport.tls.clientKeyFile = clientKey;
}

}  // namespace wmimock::cli
