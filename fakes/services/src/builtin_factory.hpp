// How a built-in environment is assembled; exposed inside the library and to its tests,
// which need the simulation and policy objects behind a BuiltinEnvironment.
#pragma once

#include <memory>

#include "fault_policy.hpp"
#include "flavour_profile.hpp"
#include "service_simulation.hpp"
#include "wmimock/services/builtin.hpp"

namespace wmimock::services::detail {

struct AssembledBuiltin {
    BuiltinEnvironment environment;
    std::shared_ptr<ServiceSimulation> simulation;
    std::shared_ptr<FaultPolicy> policy;
};

/// Loads the flavour's embedded fixtures into a fresh CIMOM on a fresh ManualClock and
/// attaches a simulation with `policy` (null: the flavour as is).
AssembledBuiltin assemble(const FlavourProfile& profile, std::shared_ptr<FaultPolicy> policy,
                          std::vector<std::string> settingTargets, const SimulationOptions& options,
                          const BuiltinInfo* info);

/// The named built-in, assembled.
AssembledBuiltin assembleBuiltin(std::string_view name, const SimulationOptions& options);

}  // namespace wmimock::services::detail
