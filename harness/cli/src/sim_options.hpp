// `--sim-option KEY=VALUE` as `wmimock conform`, `wmimock serve` and `wmimock wbem` take it:
// the only place where the simulations' knobs are text.
#pragma once

#include <string>
#include <vector>

#include "wmimock/services/simulation_options.hpp"

namespace wmimock::cli {

/// The knobs' names, in the order the help text lists them.
const std::vector<std::string>& simOptionKeys();

/// The pairs as typed options (a later key wins). Keys: latency_ms, transition_ms,
/// failure_rate, seed, refuse_state (a comma-separated list, "4,6"), not_supported (method
/// names, "StopService,StartService"), decline_with (1, 7, 16 or 17), async,
/// timeout_supported, hang_cap_ms. A pair without '=', an unknown key or a bad value ->
/// CimError(InvalidParameter) naming the key and the value.
services::SimulationOptions parseSimOptions(const std::vector<std::string>& pairs);

}  // namespace wmimock::cli
