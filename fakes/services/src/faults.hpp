// The faulty built-ins: each is the reference (or a flavour) with one FaultPolicy, and
// names the rule IDs (docs/rules.md) that its fault breaks.
#pragma once

#include <functional>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "fault_policy.hpp"
#include "flavour_profile.hpp"
#include "wmimock/cimom/fault_injector.hpp"

namespace wmimock::services::detail {

struct FaultSpec {
    std::string_view name;  ///< "faulty-..."
    const FlavourProfile& (*profile)();
    std::string_view description;
    std::vector<std::string> brokenRules;
    /// Rules the fault may also break in concurrency checks, depending on which of the
    /// racing calls performs the state change.
    std::vector<std::string> raceDependentRules;
    std::function<std::shared_ptr<FaultPolicy>()> make;
    /// Faults of the server rather than of the service: rules for the CIMOM's fault
    /// injector (e.g. one DSP0200 answer replaced by another), added when it is assembled.
    std::vector<FaultRule> serverFaults = {};
};

/// Every fault, sorted by name.
std::span<const FaultSpec> faultSpecs();
const FaultSpec* findFault(std::string_view name) noexcept;

}  // namespace wmimock::services::detail
