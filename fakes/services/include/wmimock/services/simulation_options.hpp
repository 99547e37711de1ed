// Overrides of a simulation's knobs, typed. The built-ins start from their flavour's
// defaults, then a WMIMock_SimulationSetting instance if the schema holds one, then these:
// a field left empty changes nothing.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace wmimock::services {

/// How a method the simulation does not support declines (catalog §0.3).
enum class DeclineSignal : std::uint16_t {
    ReturnOne = 1,            ///< return value 1, "Not Supported"
    NotSupported = 7,         ///< CIM_ERR_NOT_SUPPORTED
    MethodNotAvailable = 16,  ///< CIM_ERR_METHOD_NOT_AVAILABLE (the default)
    /// CIM_ERR_METHOD_NOT_FOUND for a method the class declares: the wrongly signalled
    /// decline of catalog §0.3 Rev. 2, as OpenPegasus 2.14 answers.
    MethodNotFound = 17,
};

// Every member has an initializer so that designated initializers may name any subset.
struct SimulationOptions {
    std::optional<std::chrono::milliseconds> latency = {};      ///< spent on the clock before every answer
    std::optional<std::chrono::milliseconds> transition = {};   ///< how long a state change takes
    std::optional<double> failureRate = {};                     ///< chance that a state change fails, 0.0..1.0
    std::optional<std::uint64_t> seed = {};                     ///< of the failure draws
    std::optional<std::set<std::uint16_t>> refusedStates = {};  ///< valid states the simulation refuses
    std::optional<std::vector<std::string>> notSupportedMethods = {};
    std::optional<DeclineSignal> declineWith = {};
    std::optional<bool> async = {};                         ///< state changes as CIM_ConcreteJob (4096)
    std::optional<bool> timeoutSupported = {};              ///< false: 4098 for a non-zero TimeoutPeriod
    std::optional<std::chrono::milliseconds> hangCap = {};  ///< real-time bound of faulty-hangs' block

    /// Durations up to this bound keep every deadline within the clock's range.
    static constexpr std::chrono::milliseconds kMaxDuration{100LL * 24 * 3600 * 1000};  // 100 days

    bool empty() const { return *this == SimulationOptions{}; }
    friend bool operator==(const SimulationOptions&, const SimulationOptions&) = default;
};

}  // namespace wmimock::services
