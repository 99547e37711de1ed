// What a check works with: the target instance T, calls that record evidence, snapshots,
// capabilities, bounded waits on the target's clock (Settle, job polling), the setup
// helpers make_running/make_stopped of catalog §0.3, and the verdicts it reaches.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "observed_client.hpp"
#include "snapshot.hpp"
#include "value_map.hpp"
#include "verdicts.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/client/cim_client.hpp"
#include "wmimock/conformance/result.hpp"
#include "wmimock/conformance/session.hpp"
#include "wmimock/conformance/target.hpp"

namespace wmimock::conformance {

/// Outcome of one InvokeMethod: a CIM error, or a return value plus out-parameters.
struct CallOutcome {
    std::string method;
    std::optional<CimStatus> error;
    std::string errorMessage;
    std::optional<std::uint64_t> code;  ///< the return value (empty on error or NULL)
    MethodResult result;
    std::optional<ObjectPath> job;  ///< the Job out-parameter when it holds a reference
    bool jobPresent = false;        ///< a non-NULL Job out-parameter of any kind came back
    /// Catalog §0.3 Rev. 2: CIM_ERR_METHOD_NOT_FOUND for a method the class declares, on the
    /// instance under test. ERR-006 alone fails it; for every other rule it is a decline.
    bool wronglySignalledDecline = false;
    /// The client could not express the request on its protocol and sent nothing
    /// (InexpressibleRequest): there is no answer to judge.
    bool notSent = false;

    bool returned(std::uint64_t value) const noexcept { return !error && code == value; }
    /// Catalog §0.3: return 1, CIM_ERR_NOT_SUPPORTED or CIM_ERR_METHOD_NOT_AVAILABLE, or a
    /// wrongly signalled decline.
    bool notSupported() const noexcept;
    /// A decline with one of the signals §0.3 lists (not a wrongly signalled one).
    bool declinedProperly() const noexcept { return notSupported() && !wronglySignalledDecline; }
    /// "0", "4096 Job=...", "CIM_ERR_NOT_FOUND (message)", "NULL".
    std::string describe() const;
};

struct SettleResult {
    bool reached = false;
    Snapshot last;
    std::vector<Snapshot> trace;  ///< every snapshot taken while waiting, in order
};

struct JobPoll {
    bool found = true;  ///< GetInstance(Job) succeeded
    std::optional<std::uint16_t> jobState;
    std::optional<std::uint16_t> percentComplete;
    std::optional<std::uint16_t> errorCode;
    std::optional<std::string> errorDescription;
    Value jobOutParameters;
    Snapshot element;  ///< S(T) taken right after the job was read
};

struct JobTrace {
    ObjectPath job;
    std::vector<JobPoll> polls;  ///< until terminal, plus two more polls after it
    bool terminal = false;
    bool timedOut = false;
    std::optional<std::uint16_t> finalState;
    std::optional<CimStatus> readError;  ///< first GetInstance failure
    std::string readErrorMessage;
    Instance lastJob;
};

bool isTerminalJobState(std::uint16_t state) noexcept;  // 7, 8, 9, 10

/// A state-change request carried out to its end: the call, then a job wait (4096) and/or
/// a Settle towards the requested state when the call says the change is under way.
struct Attempt {
    CallOutcome call;
    Snapshot before;
    Snapshot immediately;  ///< right after the call returned
    Snapshot after;        ///< after the job / Settle (== immediately when nothing to wait for)
    std::optional<JobTrace> job;
    std::vector<Snapshot> trace;  ///< immediately, the job polls' element snapshots, the settle trace
    bool accepted = false;        ///< 0, or 4096 (RSC / documented), i.e. the change is under way
    bool reached = false;         ///< accepted and the element got to the requested state
};

enum class Want { Running, Stopped };

/// How a state change was asked for, which says whose ValueMap documents its codes.
enum class Via { StateMethod, RequestStateChange };

/// What a check needs of T before it can judge anything. The engine looks before the check
/// runs and reports NOT SUPPORTED with the reason when T lacks it, so no check repeats it.
enum class Needs : unsigned {
    Nothing = 0,
    /// T models enablement: EnabledState is present and not 5 (Not Applicable). Without it
    /// the RequestStateChange rules do not apply (catalog CON-006).
    Enablement = 1U << 0,
};
constexpr Needs operator|(Needs a, Needs b) noexcept {
    return static_cast<Needs>(static_cast<unsigned>(a) | static_cast<unsigned>(b));
}
constexpr bool has(Needs set, Needs one) noexcept {
    return (static_cast<unsigned>(set) & static_cast<unsigned>(one)) != 0;
}

struct Capabilities {
    ObjectPath path;
    std::optional<std::vector<std::uint16_t>> requestedStatesSupported;
    std::optional<std::vector<std::uint16_t>> stateAwareness;
};

class CheckContext {
public:
    /// `baseline`: S(T) when the session began (before any check touched T); none: the
    /// snapshot taken now.
    /// `onActivity` (may be empty) hears each call and each wait before it starts.
    CheckContext(Target& target, std::string nameSpace, ObjectPath instance, const CheckSettings& settings,
                 CheckResult& result, std::optional<Snapshot> baseline = std::nullopt,
                 std::function<void(std::string_view)> onActivity = {});

    // ---- what is under test ---------------------------------------------------------
    /// The target's client, observed: every call is announced and undefined status codes
    /// are kept for ERR-011.
    CimClient& client() { return client_; }
    Target& target() { return target_; }
    Clock& clock() { return target_.clock(); }
    const ObjectPath& path() const noexcept { return path_; }
    const std::string& nameSpace() const noexcept { return nameSpace_; }
    const CheckSettings& settings() const noexcept { return settings_; }
    /// The snapshot taken when the check began.
    const Snapshot& initial() const noexcept { return initial_; }
    /// The snapshot taken when the session began, before any check of the run touched T.
    const Snapshot& baseline() const noexcept { return baseline_ ? *baseline_ : initial_; }
    /// Why T lacks what `needs` names (the engine's NOT SUPPORTED message), or nothing.
    std::optional<std::string> unmet(Needs needs) const;

    // ---- evidence --------------------------------------------------------------------
    void evidence(std::string line);
    void log(std::string line);
    /// While false, calls and snapshots are not recorded (long loops record a summary).
    void setRecording(bool on) noexcept { recording_ = on; }

    // ---- observing -------------------------------------------------------------------
    /// GetInstance(T) as a Snapshot; `label` goes into the evidence ("before", "after").
    Snapshot snapshot(std::string_view label = {});
    Snapshot snapshotOf(const ObjectPath& path, std::string_view label = {});
    /// The capabilities associated to T (catalog C(T)); empty when there are none.
    const std::vector<Capabilities>& capabilities();
    /// The first capabilities instance, if any.
    const Capabilities* caps();
    /// The class of T, resolved (LocalOnly=false, with qualifiers); null if GetClass fails.
    const CimClass* targetClass();
    const MethodDecl* method(std::string_view name);
    /// ValueMap of a method of T's class (null if none).
    const ValueMap* methodValueMap(std::string_view name);
    /// RequestStateChange's ValueMap: the class's, or the CIM_EnabledLogicalElement one.
    const ValueMap& rscValueMap();
    /// Services that depend on `path` (CIM_ServiceServiceDependency, T as Antecedent).
    std::vector<ObjectPath> dependants(const ObjectPath& path);

    // ---- acting ----------------------------------------------------------------------
    CallOutcome invoke(const ObjectPath& target, std::string_view method, const std::vector<ParamValue>& in = {});
    CallOutcome invoke(std::string_view method, const std::vector<ParamValue>& in = {}) {
        return invoke(path_, method, in);
    }
    /// Marks a CIM_ERR_METHOD_NOT_FOUND from T for a method T's class declares (§0.3 Rev. 2).
    void classifyDecline(CallOutcome& call, const ObjectPath& on);
    CallOutcome stopService() { return invoke("StopService"); }
    CallOutcome startService() { return invoke("StartService"); }
    /// RequestStateChange(RequestedState=state[, TimeoutPeriod=timeout]).
    CallOutcome requestStateChange(std::uint16_t state, std::optional<Value> timeout = std::nullopt);

    /// StopService / StartService / RequestStateChange(2|3) carried to its end on T (or on
    /// the element `on`).
    Attempt stop() { return stop(path_); }
    Attempt stop(const ObjectPath& on);
    Attempt start() { return start(path_); }
    Attempt start(const ObjectPath& on);
    Attempt rsc(std::uint16_t state, std::optional<Value> timeout = std::nullopt);
    /// Completes an already made call: waits for its job / Settle as `Attempt` does.
    Attempt complete(CallOutcome call, const Snapshot& before, Want want, Via via, const ObjectPath& on);

    /// Catalog Settle(T, target): polls every pollInterval until the run state is reached
    /// or settleTimeout (target clock) expires.
    SettleResult settle(Want want) { return settle(want, path_); }
    SettleResult settle(Want want, const ObjectPath& on);
    /// Polls the job until a terminal JobState (or jobTimeout), recording T alongside.
    JobTrace waitJob(const ObjectPath& job);
    /// Watches T for `window` (target clock), stopping early once T reports no transition in
    /// progress (TransitioningToState 5); returns the snapshots taken.
    std::vector<Snapshot> observe(std::chrono::duration<double> window);
    void pause(std::chrono::duration<double> d);
    /// S(T) once the effects of the call just made can show: right away when T reports no
    /// transition in progress (TransitioningToState 5), else after one poll interval.
    Snapshot afterCall(std::string_view label = "after");

    /// Catalog make_running / make_stopped, also stopping services that depend on T first
    /// (a stop of T must not be refused because of them). False when no method worked.
    bool makeRunning() { return makeRunning(path_); }
    bool makeRunning(const ObjectPath& on);
    bool makeStopped() { return makeStopped(path_); }
    bool makeStopped(const ObjectPath& on);
    /// A check's setup precondition: T brought to `want`, or PRECONDITION NOT REACHABLE
    /// recorded (reported as not-supported) and false, after which the check returns.
    bool require(Want want);

    // ---- judgments shared by several checks ------------------------------------------
    /// A return the class documents as a refusal of the request: 1, 5, 4097, or a non-zero
    /// code whose Values string says not supported / invalid parameter / invalid state.
    bool isDocumentedRefusal(std::string_view methodName, std::uint64_t code);
    /// 4096 where the method's ValueMap (or, for RequestStateChange, the schema) documents it.
    bool isAsyncStart(std::string_view methodName, std::uint64_t code);

    // ---- verdicts (the most severe wins: verdicts.hpp) -----------------------------------
    void pass(std::string message) { verdicts_.pass(std::move(message)); }
    void warn(std::string message) { verdicts_.warn(std::move(message)); }
    void fail(std::string expected, std::string actual, std::string message = {}) {
        verdicts_.fail(std::move(expected), std::move(actual), std::move(message));
    }
    void notSupported(std::string message) { verdicts_.notSupported(std::move(message)); }
    void unreachable(const std::string& what) { verdicts_.unreachable(what); }

    /// Turns the verdicts into the result's outcome, message, expected and actual.
    void finish();

    /// A code the class documents as "invalid parameter" (RequestStateChange: 5; otherwise
    /// a Values string saying invalid parameter / incorrect data type).
    bool isInvalidParameterCode(std::string_view methodName, std::uint64_t code);

    /// Starts `path` after what it depends on (restore uses this; it leaves dependants alone).
    bool bringUp(const ObjectPath& path, int depth = 0);
    /// Stops `path` after what depends on it.
    bool bringDown(const ObjectPath& path, int depth = 0);

private:
    /// Lets the transition `s` shows finish in its own direction; true when that leaves the
    /// element where `wanted` says.
    bool letTransitionEnd(const Snapshot& s, Want wanted, const ObjectPath& p);
    std::chrono::microseconds toClock(std::chrono::duration<double> d) const;
    /// Tells the listener a wait begins ("Settle toward running, up to 30 s"); describe()
    /// is called only when there is a listener.
    template <typename Describe>
    void announce(Describe&& describe);

    Target& target_;
    std::function<void(std::string_view)> onActivity_;
    ObservedClient client_;
    std::string nameSpace_;
    ObjectPath path_;
    const CheckSettings& settings_;
    CheckResult& result_;
    Snapshot initial_;
    std::optional<Snapshot> baseline_;
    bool recording_ = true;

    std::optional<std::vector<Capabilities>> caps_;
    bool classLoaded_ = false;
    std::optional<CimClass> class_;
    std::vector<std::pair<std::string, std::optional<ValueMap>>> valueMaps_;
    std::optional<ValueMap> rscValueMap_;

    Verdicts verdicts_;
};

}  // namespace wmimock::conformance
