// The knobs every simulation has, and the ways to set them: the flavour's defaults, a
// WMIMock_SimulationSetting instance, and SimulationOptions (which the CLI's
// `--sim-option key=value` pairs become). Precedence in that order.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "wmimock/cim/instance.hpp"
#include "wmimock/services/builtin.hpp"

namespace wmimock::services::detail {

struct SimulationSettings {
    std::chrono::milliseconds latency{0};     ///< spent on the clock before every answer
    std::chrono::milliseconds transition{0};  ///< how long a state change takes
    double failureRate = 0.0;                 ///< chance that a state change fails
    std::uint64_t seed = 1;
    std::set<std::uint16_t> refusedStates;  ///< valid states the simulation refuses
    std::vector<std::string> notSupportedMethods;
    /// How a not-supported method declines: return 1, or CIM_ERR_NOT_SUPPORTED (7),
    /// CIM_ERR_METHOD_NOT_AVAILABLE (16, the default) or CIM_ERR_METHOD_NOT_FOUND (17: the
    /// wrongly signalled decline of catalog §0.3 Rev. 2, as OpenPegasus 2.14 answers).
    std::uint16_t declineSignal = 16;
    std::optional<bool> async;                 ///< nullopt: the flavour's default
    bool timeoutSupported = true;              ///< false: 4098 for a non-zero TimeoutPeriod
    std::chrono::milliseconds hangCap{60000};  ///< real-time bound of the faulty-hangs block

    bool methodNotSupported(std::string_view method) const noexcept;
    friend bool operator==(const SimulationSettings&, const SimulationSettings&) = default;
};

/// Applies the options that are set on top of `settings`. A value out of its range throws
/// CimError(InvalidParameter) naming the option and the value.
void applyOptions(SimulationSettings& settings, const SimulationOptions& options);

/// Applies the non-NULL properties of a WMIMock_SimulationSetting instance.
/// Out-of-range values throw CimError(InvalidParameter) naming the property.
void applySettingInstance(SimulationSettings& settings, const Instance& setting);

}  // namespace wmimock::services::detail
