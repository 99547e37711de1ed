// Opening targets by name.
//
//   builtin:NAME      a simulation from fakes/services (builtin:reference, builtin:win32, ...)
//   plugin:PATH.so    a provider shared library (see wmimock/conformance/plugin.hpp)
//   http://HOST:PORT[/NAMESPACE]   a remote WBEM server over CIM-XML
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "wmimock/cimom/cimom.hpp"
#include "wmimock/conformance/target.hpp"
#include "wmimock/http/client_transport.hpp"
#include "wmimock/services/simulation_options.hpp"

namespace wmimock::harness {

struct TargetOptions {
    services::SimulationOptions simOptions;  ///< built-ins only: their knobs
    /// Built-ins and plugins: extra MOF compiled into the target's default namespace after
    /// its own (a remote server's schema cannot be changed from here).
    std::vector<std::string> mofFiles;
    std::vector<std::string> includeDirs;      ///< #pragma include search path for mofFiles
    MofDialect mofDialect = MofDialect::Auto;  ///< how mofFiles are read
    std::vector<std::string> baselines;        ///< loaded before mofFiles (wmimock/cimom/fixtures.hpp)
    http::TransportOptions transport;          ///< http(s) targets: credentials, TLS
    /// WS-Management targets: the namespace operations use (their URL names none).
    std::string nameSpace;
};

/// What can be known wrong about a target before anything runs, as the user's mistake:
/// a misspelt spec or options that do not apply to its kind (InvalidParameter, naming
/// both), a plugin file that does not exist (NotFound). A target that exists but cannot be
/// opened is not checked here: that is the target's failure, reported as a result.
void checkTarget(std::string_view spec, const TargetOptions& options);

/// Throws CimError(NotFound) unless `path` is a regular file (a plugin to load).
void requirePluginFile(const std::string& path);

/// Loads options.baselines, then compiles options.mofFiles into `nameSpace` of `cimom`.
/// Throws CimError on MOF errors.
void loadExtraMof(Cimom& cimom, std::string_view nameSpace, const TargetOptions& options);

enum class TargetKind { Builtin, Plugin, Http };

/// The kind a spec names. Throws CimError(InvalidParameter) for anything else:
/// "unknown target 'foo': expected builtin:NAME, plugin:PATH or http://HOST[:PORT]".
TargetKind targetKind(std::string_view spec);

/// Opens a target. Throws CimError: InvalidParameter (bad spec, MOF errors, ABI mismatch),
/// NotFound (unknown built-in, missing plugin file).
std::unique_ptr<conformance::Target> openTarget(std::string_view spec, const TargetOptions& options = {});

/// Loads `path` with dlopen, checks its ABI and registers it into a fresh CIMOM on the
/// system clock. Throws CimError(NotFound) if the file is missing, InvalidParameter if it
/// is not a wmimock plugin or was built for another ABI (the message says which fact differs).
std::unique_ptr<conformance::Target> openPluginTarget(const std::string& path, const TargetOptions& options = {});

}  // namespace wmimock::harness
