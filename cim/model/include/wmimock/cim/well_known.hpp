// The numbers that CIM_Service implementations, their clients and the conformance checks all
// speak, named as CIM Schema 2.49 names them: EnabledState, RequestedState (the property,
// RequestStateChange's parameter and TransitioningToState), RequestStateChange's and
// StopService's return values, and CIM_ConcreteJob's JobState.
#pragma once

#include <cstdint>

namespace wmimock {

/// CIM_EnabledLogicalElement.EnabledState.
namespace enabled_state {
inline constexpr std::uint16_t kUnknown = 0;
inline constexpr std::uint16_t kOther = 1;  ///< OtherEnabledState says which
inline constexpr std::uint16_t kEnabled = 2;
inline constexpr std::uint16_t kDisabled = 3;
inline constexpr std::uint16_t kShuttingDown = 4;   ///< transient, while disabling
inline constexpr std::uint16_t kNotApplicable = 5;  ///< the element does not model enablement
inline constexpr std::uint16_t kEnabledButOffline = 6;
inline constexpr std::uint16_t kInTest = 7;
inline constexpr std::uint16_t kDeferred = 8;
inline constexpr std::uint16_t kQuiesce = 9;
inline constexpr std::uint16_t kStarting = 10;  ///< transient, while enabling
}  // namespace enabled_state

/// RequestedState, RequestStateChange's RequestedState parameter and TransitioningToState.
namespace requested_state {
inline constexpr std::uint16_t kUnknown = 0;
inline constexpr std::uint16_t kEnabled = 2;
inline constexpr std::uint16_t kDisabled = 3;
inline constexpr std::uint16_t kShutDown = 4;
inline constexpr std::uint16_t kNoChange = 5;  ///< TransitioningToState: no transition is running
inline constexpr std::uint16_t kOffline = 6;
inline constexpr std::uint16_t kTest = 7;
inline constexpr std::uint16_t kDeferred = 8;
inline constexpr std::uint16_t kQuiesce = 9;
inline constexpr std::uint16_t kReboot = 10;
inline constexpr std::uint16_t kReset = 11;
inline constexpr std::uint16_t kNotApplicable = 12;  ///< requests (or transitions) are not tracked
inline constexpr std::uint16_t kVendorFirst = 32768;
}  // namespace requested_state

/// RequestStateChange's return values.
namespace rsc_result {
inline constexpr std::uint32_t kCompleted = 0;  ///< completed with no error (or initiated)
inline constexpr std::uint32_t kNotSupported = 1;
inline constexpr std::uint32_t kUnknownError = 2;
inline constexpr std::uint32_t kTimeout = 3;  ///< cannot complete within TimeoutPeriod
inline constexpr std::uint32_t kFailed = 4;
inline constexpr std::uint32_t kInvalidParameter = 5;
inline constexpr std::uint32_t kInUse = 6;
inline constexpr std::uint32_t kJobStarted = 4096;  ///< parameters checked, a CIM_ConcreteJob runs it
inline constexpr std::uint32_t kInvalidStateTransition = 4097;
inline constexpr std::uint32_t kTimeoutParameterNotSupported = 4098;
inline constexpr std::uint32_t kBusy = 4099;
inline constexpr std::uint32_t kVendorFirst = 32768;
}  // namespace rsc_result

/// CIM_Service.StopService / StartService: the two codes the base class defines.
namespace service_result {
inline constexpr std::uint32_t kSuccess = 0;
inline constexpr std::uint32_t kNotSupported = 1;
}  // namespace service_result

/// CIM_ConcreteJob.JobState.
namespace job_state {
inline constexpr std::uint16_t kNew = 2;
inline constexpr std::uint16_t kStarting = 3;
inline constexpr std::uint16_t kRunning = 4;
inline constexpr std::uint16_t kSuspended = 5;
inline constexpr std::uint16_t kShuttingDown = 6;
inline constexpr std::uint16_t kCompleted = 7;   ///< terminal
inline constexpr std::uint16_t kTerminated = 8;  ///< terminal
inline constexpr std::uint16_t kKilled = 9;      ///< terminal
inline constexpr std::uint16_t kException = 10;  ///< terminal
inline constexpr std::uint16_t kService = 11;
inline constexpr std::uint16_t kQueryPending = 12;
}  // namespace job_state

}  // namespace wmimock
