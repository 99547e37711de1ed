// Hooks through which a faulty built-in departs from its flavour. The state machine calls
// each hook at one well-defined point; the default of every hook is "behave as the
// flavour does", so a policy that overrides one hook differs in exactly that behaviour.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <set>
#include <vector>

#include "answer.hpp"
#include "service_method.hpp"
#include "wmimock/cim/datetime.hpp"
#include "wmimock/cim/instance.hpp"

namespace wmimock::services::detail {

/// Points where the flavour chooses an answer that a policy may replace.
enum class Situation : std::uint8_t {
    MissingInstance,       ///< well-formed path, no such instance (flavour: CIM_ERR_NOT_FOUND)
    StopAccepted,          ///< StopService started a real stop (flavour: 0)
    StopWhenStopped,       ///< StopService on a stopped service
    RscInvalidValue,       ///< RequestedState outside the parameter ValueMap
    RscStateNotSupported,  ///< valid value, not in RequestedStatesSupported
    RscZeroTimeout,        ///< TimeoutPeriod given explicitly as the zero interval (flavour: accepted)
    MethodEntry,           ///< any method on an existing instance, before the state machine runs
};

/// What a policy may look at when it chooses.
struct CallView {
    ServiceMethod method;
    std::optional<std::uint64_t> requestedState;  ///< RequestStateChange only
    std::optional<CimDateTime> timeoutPeriod;     ///< RequestStateChange only, when non-NULL
    const std::set<std::uint16_t>* supportedStates = nullptr;
    std::chrono::milliseconds hangCap{0};  ///< real-time bound for a policy that blocks
};

/// A state change that has just settled.
struct SettledTransition {
    ServiceMethod origin;
    std::uint16_t target;  ///< 2 or 3
    bool failed;           ///< ended in failure and was rolled back
};

class FaultPolicy {
public:
    virtual ~FaultPolicy() = default;

    /// Before the call is interpreted (after latency and the instance lookup).
    virtual void beforeCall(const CallView& /*call*/) {}
    /// Replaces the flavour's answer in `situation`; nullopt keeps it.
    virtual std::optional<Answer> override(Situation /*situation*/, const CallView& /*call*/) { return std::nullopt; }
    /// Whether an accepted request records RequestedState.
    virtual bool recordsRequestedState(ServiceMethod /*method*/) { return true; }
    /// Last edit of the service instance when a transition settles (before timestamps).
    virtual void afterTransition(Instance& /*service*/, const SettledTransition& /*t*/) {}
    /// Whether a request that changes nothing (StartService on a running service) records a
    /// state change all the same (a new TimeOfLastStateChange).
    virtual bool stampsNoOp(ServiceMethod /*method*/) { return false; }
    /// Edits AvailableRequestedStates whenever it is recomputed.
    virtual void adjustAvailableStates(std::vector<Value>& /*states*/) {}

    // Jobs.
    virtual bool returnsJobReference() { return true; }
    virtual bool jobReachesTerminalState() { return true; }
    /// Whether a finished job stays readable for TimeBeforeRemoval (false: gone at once).
    virtual bool keepsFinishedJobs() { return true; }

    // Concurrency: called outside the instance lock for StopService/StartService; returns
    // true if the call overlapped an opposite one. afterOverlap runs under the lock, after
    // the call's own change; `transitionPending` says that change settles later (through
    // afterTransition), so an edit made now would be overwritten then.
    virtual bool rendezvous(ServiceMethod /*method*/) { return false; }
    virtual void afterOverlap(Instance& /*service*/, bool /*transitionPending*/) {}
    /// Called after every rendezvous() once the call is done, exceptions included.
    virtual void leave(ServiceMethod /*method*/) {}

    // Blocking policies: how many calls are blocked now, and a way to let them go.
    virtual std::size_t blockedCalls() const { return 0; }
    virtual void release() {}
};

}  // namespace wmimock::services::detail
