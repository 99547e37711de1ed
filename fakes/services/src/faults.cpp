#include "faults.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>

#include "wmimock/cim/names.hpp"

namespace wmimock::services::detail {
namespace {

// ---- Return codes ----------------------------------------------------------------------

/// A real stop is reported as "not supported".
class StopReturnsOne final : public FaultPolicy {
public:
    std::optional<Answer> override(Situation s, const CallView&) override {
        return s == Situation::StopAccepted ? std::optional(Answer::returns(1)) : std::nullopt;
    }
};

/// A fixed answer to stopping a stopped service.
class StopWhenStoppedReturns final : public FaultPolicy {
public:
    explicit StopWhenStoppedReturns(std::uint32_t code) : code_(code) {}
    std::optional<Answer> override(Situation s, const CallView&) override {
        return s == Situation::StopWhenStopped ? std::optional(Answer::returns(code_)) : std::nullopt;
    }

private:
    std::uint32_t code_;
};

/// An explicit zero TimeoutPeriod is refused as if timeouts were unsupported.
class ZeroTimeoutRefused final : public FaultPolicy {
public:
    std::optional<Answer> override(Situation s, const CallView&) override {
        return s == Situation::RscZeroTimeout ? std::optional(Answer::returns(4098)) : std::nullopt;
    }
};

/// A state outside RequestedStatesSupported is "accepted" (0) and nothing happens.
class AcceptsUnsupportedState final : public FaultPolicy {
public:
    std::optional<Answer> override(Situation s, const CallView&) override {
        return s == Situation::RscStateNotSupported ? std::optional(Answer::returns(0)) : std::nullopt;
    }
};

/// One state outside RequestedStatesSupported, 11 (Reset), is "accepted" (0) and nothing
/// happens; every other unlisted state is refused as the flavour does.
class AcceptsReset final : public FaultPolicy {
public:
    std::optional<Answer> override(Situation s, const CallView& call) override {
        if (s != Situation::RscStateNotSupported || call.requestedState != 11U) return std::nullopt;
        return Answer::returns(0);
    }
};

/// An explicit zero TimeoutPeriod is refused (4098) on a stop only; a start accepts it.
class ZeroTimeoutRefusedOnStop final : public FaultPolicy {
public:
    std::optional<Answer> override(Situation s, const CallView& call) override {
        if (s != Situation::RscZeroTimeout || call.requestedState != 3U) return std::nullopt;
        return Answer::returns(4098);
    }
};

/// A state outside RequestedStatesSupported is refused with status 42, which DSP0200 does
/// not define.
class UndefinedStatusForUnsupportedState final : public FaultPolicy {
public:
    std::optional<Answer> override(Situation s, const CallView&) override {
        if (s != Situation::RscStateNotSupported) return std::nullopt;
        return Answer::fails(static_cast<CimStatus>(42), "state not supported");
    }
};

/// StopService and StartService, which the class declares, answer CIM_ERR_METHOD_NOT_FOUND:
/// a decline signalled with the wrong code (as OpenPegasus 2.14's CIM_IndicationService).
class DeclaredMethodsNotFound final : public FaultPolicy {
public:
    std::optional<Answer> override(Situation s, const CallView& call) override {
        if (s != Situation::MethodEntry || call.method == ServiceMethod::RequestStateChange) return std::nullopt;
        return Answer::fails(CimStatus::MethodNotFound, "method not found");
    }
};

/// A well-formed path naming no instance fails with CIM_ERR_FAILED, not CIM_ERR_NOT_FOUND.
class WrongErrorForMissingInstance final : public FaultPolicy {
public:
    std::optional<Answer> override(Situation s, const CallView&) override {
        if (s != Situation::MissingInstance) return std::nullopt;
        return Answer::fails(CimStatus::Failed, "service lookup failed");
    }
};

// ---- State -----------------------------------------------------------------------------

/// Every stop leaves Started TRUE.
class StaysStarted final : public FaultPolicy {
public:
    void afterTransition(Instance& service, const SettledTransition& t) override {
        if (!t.failed && t.target == state::kDisabled) service.set("Started", Value::boolean(true));
    }
};

/// StopService does not record RequestedState.
class NoRequestedState final : public FaultPolicy {
public:
    bool recordsRequestedState(ServiceMethod m) override { return m != ServiceMethod::StopService; }
};

/// A stop through RequestStateChange also rewrites EnabledDefault, so its end state differs
/// from StopService's.
class RscStopChangesDefault final : public FaultPolicy {
public:
    void afterTransition(Instance& service, const SettledTransition& t) override {
        if (!t.failed && t.origin == ServiceMethod::RequestStateChange && t.target == state::kDisabled) {
            service.set("EnabledDefault", Value::uint16(state::kDisabled));
        }
    }
};

/// A stop through StopService also rewrites EnabledDefault (RequestStateChange's does not).
class StopServiceChangesDefault final : public FaultPolicy {
public:
    void afterTransition(Instance& service, const SettledTransition& t) override {
        if (!t.failed && t.origin == ServiceMethod::StopService && t.target == state::kDisabled) {
            service.set("EnabledDefault", Value::uint16(state::kDisabled));
        }
    }
};

/// StartService on a running service records a state change that did not happen.
class NoOpStartStampsTime final : public FaultPolicy {
public:
    bool stampsNoOp(ServiceMethod m) override { return m == ServiceMethod::StartService; }
};

/// AvailableRequestedStates also lists 4 (Shut Down), which the capabilities do not.
class AvailableStatesBeyondCapabilities final : public FaultPolicy {
public:
    void adjustAvailableStates(std::vector<Value>& states) override { states.push_back(Value::uint16(4)); }
};

// ---- Jobs ------------------------------------------------------------------------------

class NoJobReference final : public FaultPolicy {
public:
    bool returnsJobReference() override { return false; }
};

/// A job is deleted the moment it finishes, with no retention period.
class JobRemovedOnCompletion final : public FaultPolicy {
public:
    bool keepsFinishedJobs() override { return false; }
};

class JobNeverEnds final : public FaultPolicy {
public:
    bool jobReachesTerminalState() override { return false; }
};

/// The job of a RequestStateChange(3) completes but the service is enabled again.
class JobCompletedServiceStillEnabled final : public FaultPolicy {
public:
    void afterTransition(Instance& service, const SettledTransition& t) override {
        if (!t.failed && t.origin == ServiceMethod::RequestStateChange && t.target == state::kDisabled) {
            service.set("EnabledState", Value::uint16(state::kEnabled));
            service.set("Started", Value::boolean(true));
        }
    }
};

// ---- Process ---------------------------------------------------------------------------

/// An invalid RequestedState escapes as a C++ exception (the CIMOM maps it to CIM_ERR_FAILED).
class ThrowsOnInvalidRequestedState final : public FaultPolicy {
public:
    void beforeCall(const CallView& call) override {
        if (call.method == ServiceMethod::RequestStateChange && call.requestedState &&
            !isValidRequestedState(*call.requestedState)) {
            throw std::runtime_error("unexpected RequestedState " + std::to_string(*call.requestedState));
        }
    }
};

/// A non-zero TimeoutPeriod blocks the caller in real time, well past that period. The
/// block is bounded (hang_cap_ms) so that a process running it always ends.
class HangsPastTimeout final : public FaultPolicy {
public:
    ~HangsPastTimeout() override { release(); }
    void beforeCall(const CallView& call) override {
        if (call.method != ServiceMethod::RequestStateChange || !call.timeoutPeriod ||
            !call.timeoutPeriod->isInterval() || call.timeoutPeriod->toDuration().count() == 0) {
            return;
        }
        std::unique_lock lock(mutex_);
        ++blocked_;
        const bool released = wake_.wait_for(lock, call.hangCap, [&] { return released_; });
        --blocked_;
        // A call that hung until the cap fails without effect: one that changed the state
        // long after its client gave up would disturb whatever check runs next on a server,
        // so the fault would fail more rules than RSC-008.
        if (!released) throw CimError(CimStatus::Failed, "RequestStateChange gave up after hanging");
    }
    std::size_t blockedCalls() const override {
        std::lock_guard lock(mutex_);
        return blocked_;
    }
    void release() override {
        std::lock_guard lock(mutex_);
        released_ = true;
        wake_.notify_all();
    }

private:
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool released_ = false;
    std::size_t blocked_ = 0;
};

/// Asking for a state outside RequestedStatesSupported kills the process.
class CrashesOnUnsupportedState final : public FaultPolicy {
public:
    void beforeCall(const CallView& call) override {
        if (call.method != ServiceMethod::RequestStateChange || !call.requestedState ||
            !isValidRequestedState(*call.requestedState) || call.supportedStates == nullptr) {
            return;
        }
        if (!call.supportedStates->contains(static_cast<std::uint16_t>(*call.requestedState))) std::abort();
    }
};

// ---- Concurrency -----------------------------------------------------------------------

/// A StopService that overlaps a StartService (or the reverse) writes half of each:
/// EnabledState 3 with Started TRUE. The overlap is detected by a short real-time
/// rendezvous, so sequential calls behave as the reference does (each waits the window once
/// for a partner that never comes). Calls that did overlap stay in flight for a longer
/// while after the last overlap, so a straggler of the same burst (a thread a loaded
/// machine started late) still meets them and the burst ends torn, whatever order its
/// calls finish in. Only bursts pay for the linger; sequential calls never overlap.
class TornStopStart final : public FaultPolicy {
public:
    static constexpr std::chrono::milliseconds kWindow{25};
    static constexpr std::chrono::milliseconds kLinger{250};

    bool rendezvous(ServiceMethod method) override {
        const std::size_t self = index(method), other = 1 - self;
        std::unique_lock lock(mutex_);
        const std::uint64_t otherArrivalsBefore = arrivals_[other];
        ++arrivals_[self];
        ++inFlight_[self];
        arrived_.notify_all();
        const bool overlapped = arrived_.wait_for(
            lock, kWindow, [&] { return inFlight_[other] > 0 || arrivals_[other] > otherArrivalsBefore; });
        if (overlapped) lastOverlap_ = std::chrono::steady_clock::now();
        return overlapped;
    }
    void leave(ServiceMethod method) override {
        std::unique_lock lock(mutex_);
        // Linger while the burst may still have stragglers; a later overlap extends it.
        while (lastOverlap_ && std::chrono::steady_clock::now() < *lastOverlap_ + kLinger) {
            arrived_.wait_until(lock, *lastOverlap_ + kLinger);
        }
        --inFlight_[index(method)];
        if (inFlight_[0] == 0 && inFlight_[1] == 0) lastOverlap_.reset();  // the burst is over
    }
    void afterOverlap(Instance& service, bool transitionPending) override {
        if (!transitionPending) return tear(service);
        // With transitions (transition_ms), the burst's last transition settles later and
        // would write a clean state over the tear: it is torn when it settles instead.
        std::lock_guard lock(mutex_);
        tornWhenSettled_.insert(service.path().toString());
    }
    void afterTransition(Instance& service, const SettledTransition&) override {
        {
            std::lock_guard lock(mutex_);
            if (tornWhenSettled_.erase(service.path().toString()) == 0) return;
        }
        tear(service);
    }

private:
    static std::size_t index(ServiceMethod m) { return m == ServiceMethod::StopService ? 0 : 1; }
    static void tear(Instance& service) {
        service.set("EnabledState", Value::uint16(state::kDisabled));
        service.set("Started", Value::boolean(true));
    }
    std::mutex mutex_;
    std::condition_variable arrived_;
    std::uint64_t arrivals_[2] = {0, 0};
    int inFlight_[2] = {0, 0};
    std::optional<std::chrono::steady_clock::time_point> lastOverlap_;
    std::set<std::string> tornWhenSettled_;  ///< instance paths
};

template <typename Policy, typename... Args>
std::function<std::shared_ptr<FaultPolicy>()> make(Args... args) {
    return [=] { return std::make_shared<Policy>(args...); };
}

/// A server fault: every InvokeMethod that fails with `was` fails with `now` instead.
FaultRule replacing(CimStatus was, CimStatus now, std::string message) {
    FaultRule rule;
    rule.operation = Operation::InvokeMethod;
    rule.replaces = was;
    rule.error = now;
    rule.message = std::move(message);
    return rule;
}

std::vector<FaultSpec> buildSpecs() {
    std::vector<FaultSpec> specs{
        {"faulty-4096-no-job",
         &hypervProfile,
         "RequestStateChange returns 4096 without the Job reference",
         {"JOB-001"},
         {},
         make<NoJobReference>()},
        {"faulty-accepts-reset",
         &referenceProfile,
         "RequestStateChange answers 0 for RequestedState 11 (Reset), outside RequestedStatesSupported, and does "
         "nothing",
         {"RSC-005"},
         {},
         make<AcceptsReset>()},
        {"faulty-available-states-wrong",
         &referenceProfile,
         "AvailableRequestedStates lists 4, which RequestedStatesSupported does not",
         {"RSC-006"},
         {},
         make<AvailableStatesBeyondCapabilities>()},
        {"faulty-accepts-unsupported-state",
         &referenceProfile,
         "RequestStateChange answers 0 for a state outside RequestedStatesSupported and does nothing",
         {"RSC-005"},
         {},
         make<AcceptsUnsupportedState>()},
        {"faulty-code-outside-valuemap",
         &win32Profile,
         "Win32_Service.StopService on a stopped service returns 25, outside the method's ValueMap",
         {"SS-005"},
         {},
         make<StopWhenStoppedReturns>(25u)},
        {"faulty-crashes",
         &referenceProfile,
         "RequestStateChange aborts the process for a state outside RequestedStatesSupported",
         {"RSC-005"},
         {},
         make<CrashesOnUnsupportedState>()},
        {"faulty-hangs",
         &referenceProfile,
         "RequestStateChange with a non-zero TimeoutPeriod blocks far past it (bounded by hang_cap_ms)",
         {"RSC-008"},
         {},
         make<HangsPastTimeout>()},
        {"faulty-idempotent-stop-errors",
         &referenceProfile,
         "StopService on a stopped service returns 4 although nothing failed",
         {"SS-008"},
         {},
         make<StopWhenStoppedReturns>(4u)},
        {"faulty-job-completed-still-enabled",
         &hypervProfile,
         "the job of RequestStateChange(3) completes but the service stays enabled",
         {"JOB-004"},
         {},
         make<JobCompletedServiceStillEnabled>()},
        {"faulty-job-removed-on-completion",
         &hypervProfile,
         "the job of RequestStateChange is deleted the moment it finishes (no TimeBeforeRemoval)",
         {"JOB-006"},
         {},
         make<JobRemovedOnCompletion>()},
        {"faulty-job-never-ends",
         &hypervProfile,
         "the job of RequestStateChange never leaves Running",
         {"JOB-004"},
         {},
         make<JobNeverEnds>()},
        {"faulty-noop-start-stamps-time",
         &referenceProfile,
         "StartService on a running service changes nothing but sets a new TimeOfLastStateChange",
         {"RSC-014"},
         {},
         make<NoOpStartStampsTime>()},
        {"faulty-method-not-found",
         &referenceProfile,
         "StopService and StartService, which the class declares, answer CIM_ERR_METHOD_NOT_FOUND (a decline with "
         "the wrong code, as OpenPegasus 2.14's CIM_IndicationService)",
         {"ERR-006"},
         {},
         make<DeclaredMethodsNotFound>()},
        {"faulty-missing-namespace-not-found",
         &referenceProfile,
         "the server answers CIM_ERR_NOT_FOUND, not CIM_ERR_INVALID_NAMESPACE, for a namespace that does not exist",
         {"ERR-005"},
         {},
         make<FaultPolicy>(),
         {replacing(CimStatus::InvalidNamespace, CimStatus::NotFound, "no such object")}},
        {"faulty-no-requestedstate",
         &referenceProfile,
         "StopService stops the service but leaves RequestedState at 2",
         {"SS-007"},
         {},
         make<NoRequestedState>()},
        {"faulty-rsc-differs",
         &referenceProfile,
         "RequestStateChange(3) also sets EnabledDefault to 3, so its end state differs from StopService's",
         {"CON-005"},
         {},
         make<RscStopChangesDefault>()},
        {"faulty-stays-started",
         &referenceProfile,
         "stopping returns 0 and EnabledState becomes 3 but Started stays TRUE",
         {"SS-002"},
         {},
         make<StaysStarted>()},
        {"faulty-stop-changes-default",
         &referenceProfile,
         "StopService also sets EnabledDefault to 3, so its end state differs from RequestStateChange(3)'s",
         {"CON-005"},
         {},
         make<StopServiceChangesDefault>()},
        {"faulty-stop-returns-1",
         &referenceProfile,
         "StopService stops the service but returns 1 (not supported)",
         {"SS-001", "SS-003"},
         {},
         make<StopReturnsOne>()},
        {"faulty-throws",
         &referenceProfile,
         "RequestStateChange throws a C++ exception (CIM_ERR_FAILED) for a RequestedState outside its ValueMap",
         {"RSC-009"},
         {},
         make<ThrowsOnInvalidRequestedState>()},
        {"faulty-timeout-4098",
         &referenceProfile,
         "RequestStateChange answers 4098 for an explicit zero TimeoutPeriod",
         {"RSC-008"},
         {},
         make<ZeroTimeoutRefused>()},
        {"faulty-timeout-4098-on-stop",
         &referenceProfile,
         "RequestStateChange(3) answers 4098 for an explicit zero TimeoutPeriod; RequestStateChange(2) accepts it",
         {"RSC-008"},
         {},
         make<ZeroTimeoutRefusedOnStop>()},
        {"faulty-torn-state",
         &referenceProfile,
         "a StopService racing a StartService leaves EnabledState 3 with Started TRUE",
         {"CONC-004"},
         {},
         make<TornStopStart>()},
        {"faulty-unknown-method-failed",
         &referenceProfile,
         "the server answers CIM_ERR_FAILED, not CIM_ERR_METHOD_NOT_FOUND, for a method the class does not declare",
         {"ERR-003"},
         {},
         make<FaultPolicy>(),
         {replacing(CimStatus::MethodNotFound, CimStatus::Failed, "method dispatch failed")}},
        {"faulty-undefined-status",
         &referenceProfile,
         "a state outside RequestedStatesSupported is refused with CIM status 42, which DSP0200 does not define",
         {"ERR-011"},
         {},
         make<UndefinedStatusForUnsupportedState>()},
        {"faulty-wrong-error-missing-instance",
         &referenceProfile,
         "a method on a missing instance fails with CIM_ERR_FAILED instead of CIM_ERR_NOT_FOUND",
         {"ERR-001"},
         {},
         make<WrongErrorForMissingInstance>()},
    };
    std::sort(specs.begin(), specs.end(), [](const FaultSpec& a, const FaultSpec& b) { return a.name < b.name; });
    return specs;
}

}  // namespace

std::span<const FaultSpec> faultSpecs() {
    static const std::vector<FaultSpec> specs = buildSpecs();
    return specs;
}

const FaultSpec* findFault(std::string_view name) noexcept {
    for (const auto& spec : faultSpecs()) {
        if (iequals(spec.name, name)) return &spec;
    }
    return nullptr;
}

}  // namespace wmimock::services::detail
