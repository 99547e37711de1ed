// The options that say how to reach an http(s) target — authentication and TLS — shared by
// `conform` and the WBEM client commands, so that both take and check them alike.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "wmimock/harness/targets.hpp"

namespace wmimock::cli {

struct TransportFlags {
    std::string user, password, auth = "basic";
    std::string caCert, clientCert, clientKey;
    bool noVerify = false, noSeal = false;

    /// Registers --user, --password, --auth, --no-seal, --ca-cert, --no-verify, --cert, --key.
    void addTo(CLI::App& app);
    /// Copies them into the target options (harness::checkTarget refuses what cannot apply).
    void applyTo(harness::TargetOptions& options) const;
};

}  // namespace wmimock::cli
