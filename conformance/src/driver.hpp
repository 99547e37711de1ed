// What a check does to the instance under test T: calls that record their answer, state
// changes carried to their end (a job's polls, Settle), bounded waits on the target's
// clock, and the catalog's setup helpers make_running / make_stopped (§0.3).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "evidence_log.hpp"
#include "probe.hpp"
#include "snapshot.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/client/cim_client.hpp"
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

    /// Takes the answer of the call: its return code and Job out-parameter (a reference
    /// without a namespace is in `jobNameSpace`).
    void read(MethodResult answer, std::string_view jobNameSpace);
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

class Driver {
public:
    /// Calls through `client` and waits on `clock`, reading T through `probe`.
    /// `onActivity` (may be empty) hears each wait before it starts.
    Driver(CimClient& client, Clock& clock, const CheckSettings& settings, Probe& probe, EvidenceLog& evidence,
           std::function<void(std::string_view)> onActivity);

    // ---- calls -------------------------------------------------------------------------
    CallOutcome invoke(const ObjectPath& target, std::string_view method, const std::vector<ParamValue>& in = {});
    CallOutcome invoke(std::string_view method, const std::vector<ParamValue>& in = {}) {
        return invoke(probe_.path(), method, in);
    }
    /// Marks a CIM_ERR_METHOD_NOT_FOUND from T for a method T's class declares (§0.3 Rev. 2).
    void classifyDecline(CallOutcome& call, const ObjectPath& on);
    CallOutcome stopService() { return invoke("StopService"); }
    CallOutcome startService() { return invoke("StartService"); }
    /// RequestStateChange(RequestedState=state[, TimeoutPeriod=timeout]).
    CallOutcome requestStateChange(std::uint16_t state, std::optional<Value> timeout = std::nullopt) {
        return requestStateChange(probe_.path(), state, std::move(timeout));
    }
    CallOutcome requestStateChange(const ObjectPath& on, std::uint16_t state, std::optional<Value> timeout);

    // ---- state changes carried to their end ---------------------------------------------
    /// StopService / StartService / RequestStateChange(2|3) carried to its end on T (or on
    /// the element `on`).
    Attempt stop() { return stop(probe_.path()); }
    Attempt stop(const ObjectPath& on);
    Attempt start() { return start(probe_.path()); }
    Attempt start(const ObjectPath& on);
    Attempt rsc(std::uint16_t state, std::optional<Value> timeout = std::nullopt) {
        return rsc(probe_.path(), state, std::move(timeout));
    }
    Attempt rsc(const ObjectPath& on, std::uint16_t state, std::optional<Value> timeout = std::nullopt);
    /// Completes an already made call: waits for its job / Settle as `Attempt` does.
    Attempt complete(CallOutcome call, const Snapshot& before, Want want, Via via, const ObjectPath& on);

    // ---- waits on the target's clock ------------------------------------------------------
    /// Catalog Settle(T, target): polls every pollInterval until the run state is reached
    /// or settleTimeout (target clock) expires.
    SettleResult settle(Want want) { return settle(want, probe_.path()); }
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

    // ---- setup (catalog make_running / make_stopped) ------------------------------------
    /// T (or `on`) brought to running, stopping the services that depend on it first (a
    /// stop of T must not be refused because of them); false when no method worked.
    bool makeRunning() { return makeRunning(probe_.path()); }
    bool makeRunning(const ObjectPath& on);
    bool makeStopped() { return makeStopped(probe_.path()); }
    bool makeStopped(const ObjectPath& on);
    /// Starts `path` after what it depends on (restore uses this; it leaves dependants alone).
    bool bringUp(const ObjectPath& path, int depth = 0);
    /// Stops `path` after what depends on it.
    bool bringDown(const ObjectPath& path, int depth = 0);

private:
    /// Lets the transition `s` shows finish in its own direction; true when that leaves the
    /// element where `wanted` says.
    bool letTransitionEnd(const Snapshot& s, Want wanted, const ObjectPath& p);
    /// Tells the listener a wait begins ("Settle toward running, up to 30 s"); describe()
    /// is called only when there is a listener.
    template <typename Describe>
    void announce(Describe&& describe);

    CimClient& client_;
    Clock& clock_;
    const CheckSettings& settings_;
    Probe& probe_;
    EvidenceLog& evidence_;
    std::function<void(std::string_view)> onActivity_;
};

}  // namespace wmimock::conformance
