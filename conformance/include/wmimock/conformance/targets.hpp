// Opening targets by name, and a Target over an in-process fake CIMOM.
//
//   builtin:NAME      a simulation from fakes/services (builtin:reference, builtin:win32, ...)
//   plugin:PATH.so    a provider shared library (see plugin.hpp)
//   http://HOST:PORT[/NAMESPACE]   a remote WBEM server over CIM-XML (when built with it)
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "wmimock/cimom/cimom.hpp"
#include "wmimock/conformance/target.hpp"

namespace wmimock::conformance {

struct TargetOptions {
    std::map<std::string, std::string> simOptions;  ///< built-ins: services::SimulationOptions
    std::vector<std::string> mofFiles;              ///< built-ins: extra MOF compiled after the fixtures
    std::vector<std::string> includeDirs;           ///< #pragma include search path for mofFiles
    std::string user, password;                     ///< http targets
};

enum class TargetKind { Builtin, Plugin, Http };

/// The kind a spec names. Throws CimError(InvalidParameter) for anything else:
/// "unknown target 'foo': expected builtin:NAME, plugin:PATH or http://HOST[:PORT]".
TargetKind targetKind(std::string_view spec);

/// Opens a target. Throws CimError: InvalidParameter (bad spec, MOF errors, ABI mismatch),
/// NotFound (unknown built-in, missing plugin file), NotSupported (http without CIM-XML).
std::unique_ptr<Target> openTarget(std::string_view spec, const TargetOptions& options = {});

/// A Target over an in-process Cimom. The CIMOM is thread-safe, so connect() shares it.
class CimomTarget : public Target {
public:
    CimomTarget(std::string name, std::shared_ptr<Cimom> cimom, std::shared_ptr<Clock> clock,
                std::string defaultNamespace, std::string defaultClass);

    std::string name() const override { return name_; }
    CimClient& client() override { return *cimom_; }
    std::shared_ptr<CimClient> connect() override { return cimom_; }
    Clock& clock() override { return *clock_; }
    std::string defaultNamespace() const override { return defaultNamespace_; }
    std::string defaultClass() const override { return defaultClass_; }

    Cimom& cimom() noexcept { return *cimom_; }

private:
    std::string name_;
    std::shared_ptr<Cimom> cimom_;
    std::shared_ptr<Clock> clock_;
    std::string defaultNamespace_;
    std::string defaultClass_;
};

}  // namespace wmimock::conformance
