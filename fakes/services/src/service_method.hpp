// The state-changing methods every simulation implements.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "wmimock/cim/well_known.hpp"

namespace wmimock::services::detail {

enum class ServiceMethod : std::uint8_t { StartService, StopService, RequestStateChange };

std::string_view toString(ServiceMethod method) noexcept;
std::optional<ServiceMethod> parseServiceMethod(std::string_view name) noexcept;

// The EnabledState / RequestedState values the simulations use, by their schema names.
namespace state {
inline constexpr std::uint16_t kEnabled = enabled_state::kEnabled;
inline constexpr std::uint16_t kDisabled = enabled_state::kDisabled;
inline constexpr std::uint16_t kShuttingDown = enabled_state::kShuttingDown;
inline constexpr std::uint16_t kNoChange = requested_state::kNoChange;  // TransitioningToState: no transition
inline constexpr std::uint16_t kStarting = enabled_state::kStarting;
inline constexpr std::uint16_t kNotApplicable = requested_state::kNotApplicable;
}  // namespace state

/// True for the DMTF states the RequestStateChange RequestedState parameter's ValueMap lists
/// (2, 3, 4, 6..11). The vendor range is not: no simulated class declares a vendor state.
bool isValidRequestedState(std::uint64_t value) noexcept;

}  // namespace wmimock::services::detail
