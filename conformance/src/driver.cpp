#include "driver.hpp"

#include <cstdio>
#include <utility>

#include "wmimock/cim/names.hpp"
#include "wmimock/cim/property_as.hpp"
#include "wmimock/cim/well_known.hpp"

namespace wmimock::conformance {
namespace {

std::string paramText(const std::vector<ParamValue>& in) {
    std::string out;
    for (const auto& p : in) {
        if (!out.empty()) out += ", ";
        out += p.name + "=" + (p.value.isNull() ? std::string("NULL") : p.value.toText());
    }
    return out;
}

constexpr int kMaxDependencyDepth = 8;

/// "30", "0.25": seconds as a person writes them.
std::string secondsText(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", seconds);
    return text;
}

std::chrono::microseconds onClock(std::chrono::duration<double> d) {
    return std::chrono::duration_cast<std::chrono::microseconds>(d);
}

}  // namespace

bool isTerminalJobState(std::uint16_t state) noexcept {
    return state >= 7 && state <= 10;
}

bool CallOutcome::notSupported() const noexcept {
    if (wronglySignalledDecline) return true;
    if (error) return *error == CimStatus::NotSupported || *error == CimStatus::MethodNotAvailable;
    return code == service_result::kNotSupported;
}

void CallOutcome::read(MethodResult answer, std::string_view jobNameSpace) {
    result = std::move(answer);
    const Value& returned = result.returnValue;
    if (!returned.isNull() && !returned.isArray() && isInteger(returned.type())) {
        try {
            code = returned.asUint64();
        } catch (const CimError&) {  // a negative sint: kept as its bits, never a documented code
            code = static_cast<std::uint64_t>(returned.asInt64());
        }
    }
    if (const Value* out = result.out("Job"); out != nullptr && !out->isNull()) {
        jobPresent = true;
        if (out->type() == CimType::Reference && !out->isArray()) {
            ObjectPath ref = out->asReference();
            if (ref.nameSpace().empty()) ref.setNameSpace(jobNameSpace);
            job = std::move(ref);
        }
    }
}

std::string CallOutcome::describe() const {
    if (notSent) return "not sent (" + errorMessage + ")";
    if (error) {
        std::string out(statusName(*error));
        if (!errorMessage.empty()) out += " (" + errorMessage + ")";
        return out;
    }
    if (!code) return "NULL";
    std::string out = std::to_string(*code);
    if (job) {
        out += " Job=" + job->toString();
    } else if (jobPresent) {
        out += " Job=<not a reference>";
    }
    return out;
}

Driver::Driver(CimClient& client, Clock& clock, const CheckSettings& settings, Probe& probe, EvidenceLog& evidence,
               std::function<void(std::string_view)> onActivity)
    : client_(client),
      clock_(clock),
      settings_(settings),
      probe_(probe),
      evidence_(evidence),
      onActivity_(std::move(onActivity)) {}

template <typename Describe>
void Driver::announce(Describe&& describe) {
    if (onActivity_) onActivity_(describe());  // no string built when nobody listens
}

CallOutcome Driver::invoke(const ObjectPath& target, std::string_view methodName, const std::vector<ParamValue>& in) {
    CallOutcome out;
    out.method = std::string(methodName);
    try {
        out.read(client_.invokeMethod(target, methodName, in),
                 target.nameSpace().empty() ? probe_.nameSpace() : target.nameSpace());
    } catch (const InexpressibleRequest& e) {
        out.notSent = true;
        out.error = e.status();
        out.errorMessage = e.message();
    } catch (const CimError& e) {
        out.error = e.status();
        out.errorMessage = e.message();
    }
    classifyDecline(out, target);
    evidence_.add(
        "InvokeMethod(" + target.toString() + ") " + out.method + "(" + paramText(in) + ") -> " + out.describe() +
        (out.wronglySignalledDecline ? " (a wrongly signalled decline: the class declares " + out.method + ")" : ""));
    return out;
}

void Driver::classifyDecline(CallOutcome& call, const ObjectPath& on) {
    call.wronglySignalledDecline =
        call.error == CimStatus::MethodNotFound && on == probe_.path() && probe_.method(call.method) != nullptr;
}

CallOutcome Driver::requestStateChange(const ObjectPath& on, std::uint16_t state, std::optional<Value> timeout) {
    std::vector<ParamValue> in{{"RequestedState", Value::uint16(state)}};
    if (timeout) in.push_back({"TimeoutPeriod", *timeout});
    return invoke(on, "RequestStateChange", in);
}

Attempt Driver::stop(const ObjectPath& on) {
    const Snapshot before = probe_.snapshotOf(on, "before");
    return complete(invoke(on, "StopService"), before, Want::Stopped, Via::StateMethod, on);
}

Attempt Driver::start(const ObjectPath& on) {
    const Snapshot before = probe_.snapshotOf(on, "before");
    return complete(invoke(on, "StartService"), before, Want::Running, Via::StateMethod, on);
}

Attempt Driver::rsc(const ObjectPath& on, std::uint16_t state, std::optional<Value> timeout) {
    const Snapshot before = probe_.snapshotOf(on, "before");
    const Want want = state == requested_state::kEnabled ? Want::Running : Want::Stopped;
    return complete(requestStateChange(on, state, std::move(timeout)), before, want, Via::RequestStateChange, on);
}

Attempt Driver::complete(CallOutcome call, const Snapshot& before, Want want, Via via, const ObjectPath& on) {
    Attempt a;
    a.call = std::move(call);
    a.before = before;
    a.immediately = probe_.snapshotOf(on, "after call");
    a.trace.push_back(a.immediately);
    a.after = a.immediately;
    const std::string methodName = via == Via::RequestStateChange ? "RequestStateChange" : a.call.method;
    a.accepted = a.call.returned(0) || (a.call.code && probe_.isAsyncStart(methodName, *a.call.code));
    if (!a.accepted) return a;
    if (a.call.code == rsc_result::kJobStarted && a.call.job) {
        a.job = waitJob(*a.call.job);
        for (const auto& poll : a.job->polls) a.trace.push_back(poll.element);
        if (!a.job->terminal || a.job->finalState != job_state::kCompleted) {
            a.after = probe_.snapshotOf(on, "after job");
            return a;
        }
    }
    SettleResult s = settle(want, on);
    a.trace.insert(a.trace.end(), s.trace.begin(), s.trace.end());
    a.after = s.last;
    a.reached = s.reached;
    return a;
}

SettleResult Driver::settle(Want want, const ObjectPath& p) {
    announce([&] {
        return std::string("Settle toward ") + (want == Want::Running ? "running" : "stopped") + ", up to " +
               secondsText(settings_.settleTimeout.count()) + " s";
    });
    const RunState goal = want == Want::Running ? RunState::Running : RunState::Stopped;
    const auto deadline = clock_.now() + onClock(settings_.settleTimeout);
    SettleResult r;
    int polls = 0;
    for (;;) {
        r.last = probe_.snapshotOf(p);
        r.trace.push_back(r.last);
        ++polls;
        if (runState(r.last) == goal) {
            r.reached = true;
            break;
        }
        if (clock_.now() >= deadline) break;
        clock_.sleepFor(onClock(settings_.pollInterval));
    }
    const std::string who = p == probe_.path() ? "T" : p.toString();
    evidence_.add("Settle(" + who + ", " + std::string(toString(goal)) + "): " +
                  (r.reached ? "reached after " + std::to_string(polls) + " poll(s)"
                             : "not reached within " + std::to_string(settings_.settleTimeout.count()) + " s") +
                  ": " + r.last.toString());
    return r;
}

JobTrace Driver::waitJob(const ObjectPath& job) {
    announce([&] {
        return "waiting for job " + job.toString() + " to end, up to " + secondsText(settings_.jobTimeout.count()) +
               " s";
    });
    JobTrace t;
    t.job = job;
    const auto deadline = clock_.now() + onClock(settings_.jobTimeout);
    int afterTerminal = 0;
    for (;;) {
        JobPoll poll;
        try {
            t.lastJob = client_.getInstance(job);
            poll.jobState = propertyAs<std::uint16_t>(t.lastJob, "JobState");
            poll.percentComplete = propertyAs<std::uint16_t>(t.lastJob, "PercentComplete");
            poll.errorCode = propertyAs<std::uint16_t>(t.lastJob, "ErrorCode");
            if (const Value* d = t.lastJob.find("ErrorDescription");
                d != nullptr && !d->isNull() && !d->isArray() && d->type() == CimType::String) {
                poll.errorDescription = d->asString();
            }
            if (const Value* o = t.lastJob.find("JobOutParameters"); o != nullptr) poll.jobOutParameters = *o;
        } catch (const CimError& e) {
            poll.found = false;
            t.readError = e.status();
            t.readErrorMessage = e.message();
        }
        poll.element = probe_.snapshot();
        t.polls.push_back(poll);
        if (!poll.found) break;
        if (poll.jobState && isTerminalJobState(*poll.jobState)) {
            if (!t.terminal) {
                t.terminal = true;
                t.finalState = poll.jobState;
            }
        }
        // Two polls past the terminal state let JOB-003 see a terminal state that changes.
        if (t.terminal && ++afterTerminal > 2) break;
        if (!t.terminal && clock_.now() >= deadline) {
            t.timedOut = true;
            break;
        }
        clock_.sleepFor(onClock(settings_.pollInterval));
    }
    std::string states;
    for (const auto& p : t.polls) states += (states.empty() ? "" : ",") + optionalText(p.jobState);
    evidence_.add(
        "Job " + job.toString() + ": JobState " + states +
        (t.readError ? " then GetInstance -> " + std::string(statusName(*t.readError)) : "") +
        (t.timedOut ? " (no terminal state within " + std::to_string(settings_.jobTimeout.count()) + " s)" : ""));
    return t;
}

std::vector<Snapshot> Driver::observe(std::chrono::duration<double> window) {
    announce([&] { return "watching the element for " + secondsText(window.count()) + " s"; });
    std::vector<Snapshot> out;
    const auto deadline = clock_.now() + onClock(window);
    for (;;) {
        out.push_back(probe_.snapshot());
        if (out.back().transitioningToState == requested_state::kNoChange) break;  // element says nothing is pending
        if (clock_.now() >= deadline) break;
        clock_.sleepFor(onClock(settings_.pollInterval));
    }
    return out;
}

void Driver::pause(std::chrono::duration<double> d) {
    announce([&] { return "pausing " + secondsText(d.count()) + " s"; });
    clock_.sleepFor(onClock(d));
}

Snapshot Driver::afterCall(std::string_view label) {
    if (const Snapshot now = probe_.snapshot(); now.transitioningToState == requested_state::kNoChange) {
        evidence_.add("S(T) " + std::string(label) + ": " + now.toString());
        return now;
    }
    pause(settings_.pollInterval);
    return probe_.snapshot(label);
}

namespace {

struct SetupScope {
    explicit SetupScope(std::vector<std::string>& evidence) : evidence_(evidence), first_(evidence.size()) {}
    ~SetupScope() {
        for (std::size_t i = first_; i < evidence_.size(); ++i) {
            if (evidence_[i].rfind("setup: ", 0) != 0) evidence_[i] = "setup: " + evidence_[i];
        }
    }
    SetupScope(const SetupScope&) = delete;
    SetupScope& operator=(const SetupScope&) = delete;

private:
    std::vector<std::string>& evidence_;
    std::size_t first_;
};

}  // namespace

bool Driver::makeRunning(const ObjectPath& on) {
    SetupScope scope(evidence_.lines());
    const ObjectPath p = on;  // a copy: `on` may be an element of the dependants read below
    // Whatever depends on the service is stopped first, so that the stop under test is not
    // refused because of it (catalog SS-001: "a service with no dependants").
    for (const ObjectPath& d : probe_.dependants(p)) {
        if (!bringDown(d, 1)) return false;
    }
    return bringUp(p, 0);
}

bool Driver::makeStopped(const ObjectPath& on) {
    SetupScope scope(evidence_.lines());
    return bringDown(on, 0);
}

bool Driver::letTransitionEnd(const Snapshot& s, Want wanted, const ObjectPath& p) {
    // Catalog §0.3 Rev. 2: wait in the element's own direction, never for the goal while it
    // heads the other way; then say whether it arrived where the caller wants it.
    const std::optional<RunState> toward = heading(s);
    const Want direction = !toward ? wanted : *toward == RunState::Running ? Want::Running : Want::Stopped;
    const bool reached = settle(direction, p).reached;
    return reached && direction == wanted;
}

bool Driver::bringUp(const ObjectPath& p, int depth) {
    if (depth > kMaxDependencyDepth) return false;
    Snapshot s = probe_.snapshotOf(p);
    if (runState(s) == RunState::Running) return true;
    if (runState(s) == RunState::Transitioning && letTransitionEnd(s, Want::Running, p)) return true;
    for (const ObjectPath& a : probe_.prerequisites(p)) {  // what the service depends on runs first
        if (!bringUp(a, depth + 1)) return false;
    }
    if (start(p).reached) return true;
    return s.modelsEnablement() && rsc(p, 2).reached;
}

bool Driver::bringDown(const ObjectPath& p, int depth) {
    if (depth > kMaxDependencyDepth) return false;
    for (const ObjectPath& d : probe_.dependants(p)) {
        if (!bringDown(d, depth + 1)) return false;
    }
    Snapshot s = probe_.snapshotOf(p);
    if (runState(s) == RunState::Stopped) return true;
    if (runState(s) == RunState::Transitioning && letTransitionEnd(s, Want::Stopped, p)) return true;
    if (stop(p).reached) return true;
    return s.modelsEnablement() && rsc(p, 3).reached;
}

}  // namespace wmimock::conformance
