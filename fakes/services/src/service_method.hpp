// The state-changing methods every simulation implements.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace wmimock::services::detail {

enum class ServiceMethod : std::uint8_t { StartService, StopService, RequestStateChange };

std::string_view toString(ServiceMethod method) noexcept;
std::optional<ServiceMethod> parseServiceMethod(std::string_view name) noexcept;

// EnabledState / RequestedState values used by the simulations (CIM_EnabledLogicalElement).
namespace state {
inline constexpr std::uint16_t kEnabled = 2;
inline constexpr std::uint16_t kDisabled = 3;
inline constexpr std::uint16_t kShuttingDown = 4;
inline constexpr std::uint16_t kNoChange = 5;  // TransitioningToState: no transition; EnabledState: not applicable
inline constexpr std::uint16_t kStarting = 10;
inline constexpr std::uint16_t kNotApplicable = 12;
}  // namespace state

/// True for the DMTF states the RequestStateChange RequestedState parameter's ValueMap lists
/// (2, 3, 4, 6..11). The vendor range is not: no simulated class declares a vendor state.
bool isValidRequestedState(std::uint64_t value) noexcept;

}  // namespace wmimock::services::detail
