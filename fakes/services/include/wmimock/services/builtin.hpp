// The built-in simulated CIM_Service implementations: a reference, real-world flavours and
// faulty ones. Each is a fake CIMOM loaded with the project's fixtures and with the
// simulation's providers registered, running on a ManualClock.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "wmimock/cim/clock.hpp"
#include "wmimock/cimom/cimom.hpp"
#include "wmimock/cimom/fixtures.hpp"
#include "wmimock/services/simulation_options.hpp"

namespace wmimock::services {

enum class BuiltinKind { Reference, Flavour, Faulty };
std::string_view toString(BuiltinKind kind) noexcept;  // "reference", "flavour", "faulty"

struct BuiltinInfo {
    std::string name;  ///< "reference", "win32", "hyperv", "faulty-stays-started", ...
    BuiltinKind kind;
    std::string description;  ///< one line
    /// For faulty implementations: the rule IDs the fault violates (and nothing else).
    std::vector<std::string> brokenRules;
    std::string nameSpace;  ///< where its service class lives, e.g. "root/cimv2"
    std::string className;  ///< the concrete service class, e.g. "WMIMock_Service"
    /// For faulty implementations: rules a concurrency check may also fail, depending on
    /// which of the racing calls performs the state change (never part of brokenRules).
    std::vector<std::string> raceDependentRules;
    /// The simulation it is built on: "reference", "win32" or "hyperv".
    std::string flavour;
};

/// Every built-in, reference first, then flavours, then faulty ones (stable order).
std::span<const BuiltinInfo> builtins();
const BuiltinInfo* findBuiltin(std::string_view name) noexcept;

struct BuiltinEnvironment {
    std::shared_ptr<ManualClock> clock;
    std::shared_ptr<Cimom> cimom;
    const BuiltinInfo* info = nullptr;
};

/// Builds a fresh, independent environment for the named built-in, its knobs overridden
/// by `options`. Unknown name -> CimError(NotFound); an option out of its range ->
/// CimError(InvalidParameter) naming it, before anything is built.
BuiltinEnvironment makeBuiltin(std::string_view name, const SimulationOptions& options = {});

/// The embedded fixture MOF (see wmimock/cimom/fixtures.hpp).
using wmimock::embeddedFixture;
using wmimock::embeddedFixtureLoader;

}  // namespace wmimock::services
