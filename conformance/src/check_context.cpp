#include "check_context.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "wmimock/cim/names.hpp"
#include "wmimock/cim/property_as.hpp"

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

}  // namespace

bool isTerminalJobState(std::uint16_t state) noexcept {
    return state >= 7 && state <= 10;
}

bool CallOutcome::notSupported() const noexcept {
    if (wronglySignalledDecline) return true;
    if (error) return *error == CimStatus::NotSupported || *error == CimStatus::MethodNotAvailable;
    return code == service_result::kNotSupported;
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

CheckContext::CheckContext(Target& target, std::string nameSpace, ObjectPath instance, const CheckSettings& settings,
                           CheckResult& result, std::optional<Snapshot> baseline,
                           std::function<void(std::string_view)> onActivity)
    : target_(target),
      onActivity_(std::move(onActivity)),
      client_(target.client(), onActivity_),
      nameSpace_(std::move(nameSpace)),
      path_(std::move(instance)),
      settings_(settings),
      result_(result),
      baseline_(std::move(baseline)) {
    initial_ = snapshot("initial");
}

void CheckContext::evidence(std::string line) {
    if (recording_) result_.evidence.push_back(std::move(line));
}

void CheckContext::log(std::string line) {
    result_.log.push_back(std::move(line));
}

namespace {

/// "30", "0.25": seconds as a person writes them.
std::string secondsText(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", seconds);
    return text;
}

}  // namespace

template <typename Describe>
void CheckContext::announce(Describe&& describe) {
    if (onActivity_) onActivity_(describe());  // no string built when nobody listens
}

std::chrono::microseconds CheckContext::toClock(std::chrono::duration<double> d) const {
    return std::chrono::duration_cast<std::chrono::microseconds>(d);
}

// ---- observing ---------------------------------------------------------------------------

Snapshot CheckContext::snapshot(std::string_view label) {
    return snapshotOf(path_, label);
}

Snapshot CheckContext::snapshotOf(const ObjectPath& path, std::string_view label) {
    Snapshot s = Snapshot::of(client().getInstance(path));
    if (!label.empty()) {
        const bool isT = path == path_;
        evidence("S(" + (isT ? std::string("T") : path.toString()) + ") " + std::string(label) + ": " + s.toString());
    }
    return s;
}

const std::vector<Capabilities>& CheckContext::capabilities() {
    if (!caps_) {
        caps_.emplace();
        try {
            AssociatorFilter filter;
            filter.assocClass = "CIM_ElementCapabilities";
            filter.resultClass = "CIM_EnabledLogicalElementCapabilities";
            for (const Instance& c : client().associators(path_, filter)) {
                Capabilities caps;
                caps.path = c.path();
                caps.requestedStatesSupported = propertyAs<std::vector<std::uint16_t>>(c, "RequestedStatesSupported");
                caps.stateAwareness = propertyAs<std::vector<std::uint16_t>>(c, "StateAwareness");
                caps_->push_back(std::move(caps));
            }
            evidence("Associators(T, CIM_ElementCapabilities, CIM_EnabledLogicalElementCapabilities) -> " +
                     std::to_string(caps_->size()) + " instance(s)");
        } catch (const CimError& e) {
            evidence("Associators(T, CIM_ElementCapabilities) -> " + std::string(statusName(e.status())) + " (" +
                     e.message() + ")");
        }
    }
    return *caps_;
}

const Capabilities* CheckContext::caps() {
    const auto& all = capabilities();
    return all.empty() ? nullptr : &all.front();
}

const CimClass* CheckContext::targetClass() {
    if (!classLoaded_) {
        classLoaded_ = true;
        try {
            GetClassOptions options;
            options.localOnly = false;
            options.includeQualifiers = true;
            class_ = client().getClass(path_.nameSpace().empty() ? nameSpace_ : path_.nameSpace(), path_.className(),
                                       options);
        } catch (const CimError& e) {
            log("GetClass(" + path_.className() + ") failed: " + e.what());
        }
    }
    return class_ ? &*class_ : nullptr;
}

const MethodDecl* CheckContext::method(std::string_view name) {
    const CimClass* cls = targetClass();
    return cls != nullptr ? cls->findMethod(name) : nullptr;
}

const ValueMap* CheckContext::methodValueMap(std::string_view name) {
    auto it = std::find_if(valueMaps_.begin(), valueMaps_.end(), [&](const auto& e) { return iequals(e.first, name); });
    if (it == valueMaps_.end()) {
        const MethodDecl* m = method(name);
        valueMaps_.emplace_back(std::string(name), m != nullptr ? ValueMap::of(m->qualifiers) : std::nullopt);
        it = std::prev(valueMaps_.end());
    }
    return it->second ? &*it->second : nullptr;
}

const ValueMap& CheckContext::rscValueMap() {
    if (!rscValueMap_) {
        const ValueMap* declared = methodValueMap("RequestStateChange");
        rscValueMap_ = declared != nullptr ? *declared : ValueMap::requestStateChangeDefault();
    }
    return *rscValueMap_;
}

std::vector<ObjectPath> CheckContext::dependants(const ObjectPath& path) {
    try {
        AssociatorFilter filter;
        filter.assocClass = "CIM_ServiceServiceDependency";
        filter.role = "Antecedent";
        filter.resultRole = "Dependent";
        return client().associatorNames(path, filter);
    } catch (const CimError&) {
        return {};  // no dependency association in this schema: nothing depends on it
    }
}

// ---- acting ------------------------------------------------------------------------------

CallOutcome CheckContext::invoke(const ObjectPath& target, std::string_view methodName,
                                 const std::vector<ParamValue>& in) {
    CallOutcome out;
    out.method = std::string(methodName);
    try {
        out.result = client().invokeMethod(target, methodName, in);
        if (!out.result.returnValue.isNull() && !out.result.returnValue.isArray() &&
            isInteger(out.result.returnValue.type())) {
            try {
                out.code = out.result.returnValue.asUint64();
            } catch (const CimError&) {
                out.code = static_cast<std::uint64_t>(out.result.returnValue.asInt64());
            }
        }
        if (const Value* job = out.result.out("Job"); job != nullptr && !job->isNull()) {
            out.jobPresent = true;
            if (job->type() == CimType::Reference && !job->isArray()) {
                ObjectPath ref = job->asReference();
                if (ref.nameSpace().empty())
                    ref.setNameSpace(target.nameSpace().empty() ? nameSpace_ : target.nameSpace());
                out.job = std::move(ref);
            }
        }
    } catch (const InexpressibleRequest& e) {
        out.notSent = true;
        out.error = e.status();
        out.errorMessage = e.message();
    } catch (const CimError& e) {
        out.error = e.status();
        out.errorMessage = e.message();
    }
    classifyDecline(out, target);
    evidence(
        "InvokeMethod(" + target.toString() + ") " + out.method + "(" + paramText(in) + ") -> " + out.describe() +
        (out.wronglySignalledDecline ? " (a wrongly signalled decline: the class declares " + out.method + ")" : ""));
    return out;
}

void CheckContext::classifyDecline(CallOutcome& call, const ObjectPath& on) {
    call.wronglySignalledDecline =
        call.error == CimStatus::MethodNotFound && on == path_ && method(call.method) != nullptr;
}

CallOutcome CheckContext::requestStateChange(std::uint16_t state, std::optional<Value> timeout) {
    std::vector<ParamValue> in{{"RequestedState", Value::uint16(state)}};
    if (timeout) in.push_back({"TimeoutPeriod", *timeout});
    return invoke("RequestStateChange", in);
}

Attempt CheckContext::stop(const ObjectPath& on) {
    const Snapshot before = snapshotOf(on, "before");
    return complete(invoke(on, "StopService"), before, Want::Stopped, Via::StateMethod, on);
}

Attempt CheckContext::start(const ObjectPath& on) {
    const Snapshot before = snapshotOf(on, "before");
    return complete(invoke(on, "StartService"), before, Want::Running, Via::StateMethod, on);
}

Attempt CheckContext::rsc(std::uint16_t state, std::optional<Value> timeout) {
    const Snapshot before = snapshot("before");
    const Want want = state == requested_state::kEnabled ? Want::Running : Want::Stopped;
    return complete(requestStateChange(state, std::move(timeout)), before, want, Via::RequestStateChange, path_);
}

bool CheckContext::isAsyncStart(std::string_view methodName, std::uint64_t code) {
    if (code != rsc_result::kJobStarted) return false;
    if (iequals(methodName, "RequestStateChange")) return true;
    const ValueMap* vm = methodValueMap(methodName);
    return vm != nullptr && vm->lookup(code).documented();
}

bool CheckContext::isDocumentedRefusal(std::string_view methodName, std::uint64_t code) {
    if (code == rsc_result::kNotSupported || code == rsc_result::kInvalidParameter ||
        code == rsc_result::kInvalidStateTransition) {
        return true;
    }
    if (code == rsc_result::kCompleted || code == rsc_result::kJobStarted) return false;
    const ValueMap* vm = iequals(methodName, "RequestStateChange") ? &rscValueMap() : methodValueMap(methodName);
    if (vm == nullptr) return false;
    const std::string label = vm->labelOf(code);
    return labelContains(label, "not supported") || labelContains(label, "invalid param") ||
           labelContains(label, "invalid state") || labelContains(label, "incorrect data type");
}

bool CheckContext::isInvalidParameterCode(std::string_view methodName, std::uint64_t code) {
    const bool rsc = iequals(methodName, "RequestStateChange");
    if (rsc && code == rsc_result::kInvalidParameter) return true;
    const ValueMap* vm = rsc ? &rscValueMap() : methodValueMap(methodName);
    if (vm == nullptr || code == 0) return false;
    const std::string label = vm->labelOf(code);
    return labelContains(label, "invalid param") || labelContains(label, "incorrect data type");
}

Attempt CheckContext::complete(CallOutcome call, const Snapshot& before, Want want, Via via, const ObjectPath& on) {
    Attempt a;
    a.call = std::move(call);
    a.before = before;
    a.immediately = snapshotOf(on, "after call");
    a.trace.push_back(a.immediately);
    a.after = a.immediately;
    const std::string methodName = via == Via::RequestStateChange ? "RequestStateChange" : a.call.method;
    a.accepted = a.call.returned(0) || (a.call.code && isAsyncStart(methodName, *a.call.code));
    if (!a.accepted) return a;
    if (a.call.code == rsc_result::kJobStarted && a.call.job) {
        a.job = waitJob(*a.call.job);
        for (const auto& poll : a.job->polls) a.trace.push_back(poll.element);
        if (!a.job->terminal || a.job->finalState != job_state::kCompleted) {
            a.after = snapshotOf(on, "after job");
            return a;
        }
    }
    SettleResult s = settle(want, on);
    a.trace.insert(a.trace.end(), s.trace.begin(), s.trace.end());
    a.after = s.last;
    a.reached = s.reached;
    return a;
}

SettleResult CheckContext::settle(Want want, const ObjectPath& p) {
    announce([&] {
        return std::string("Settle toward ") + (want == Want::Running ? "running" : "stopped") + ", up to " +
               secondsText(settings_.settleTimeout.count()) + " s";
    });
    const RunState goal = want == Want::Running ? RunState::Running : RunState::Stopped;
    const auto deadline = clock().now() + toClock(settings_.settleTimeout);
    SettleResult r;
    int polls = 0;
    for (;;) {
        r.last = snapshotOf(p);
        r.trace.push_back(r.last);
        ++polls;
        if (runState(r.last) == goal) {
            r.reached = true;
            break;
        }
        if (clock().now() >= deadline) break;
        clock().sleepFor(toClock(settings_.pollInterval));
    }
    const std::string who = p == path_ ? "T" : p.toString();
    evidence("Settle(" + who + ", " + std::string(toString(goal)) + "): " +
             (r.reached ? "reached after " + std::to_string(polls) + " poll(s)"
                        : "not reached within " + std::to_string(settings_.settleTimeout.count()) + " s") +
             ": " + r.last.toString());
    return r;
}

JobTrace CheckContext::waitJob(const ObjectPath& job) {
    announce([&] {
        return "waiting for job " + job.toString() + " to end, up to " + secondsText(settings_.jobTimeout.count()) +
               " s";
    });
    JobTrace t;
    t.job = job;
    const auto deadline = clock().now() + toClock(settings_.jobTimeout);
    int afterTerminal = 0;
    for (;;) {
        JobPoll poll;
        try {
            t.lastJob = client().getInstance(job);
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
        poll.element = snapshot();
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
        if (!t.terminal && clock().now() >= deadline) {
            t.timedOut = true;
            break;
        }
        clock().sleepFor(toClock(settings_.pollInterval));
    }
    std::string states;
    for (const auto& p : t.polls) states += (states.empty() ? "" : ",") + optionalText(p.jobState);
    evidence("Job " + job.toString() + ": JobState " + states +
             (t.readError ? " then GetInstance -> " + std::string(statusName(*t.readError)) : "") +
             (t.timedOut ? " (no terminal state within " + std::to_string(settings_.jobTimeout.count()) + " s)" : ""));
    return t;
}

std::vector<Snapshot> CheckContext::observe(std::chrono::duration<double> window) {
    announce([&] { return "watching the element for " + secondsText(window.count()) + " s"; });
    std::vector<Snapshot> out;
    const auto deadline = clock().now() + toClock(window);
    for (;;) {
        out.push_back(snapshot());
        if (out.back().transitioningToState == requested_state::kNoChange) break;  // element says nothing is pending
        if (clock().now() >= deadline) break;
        clock().sleepFor(toClock(settings_.pollInterval));
    }
    return out;
}

void CheckContext::pause(std::chrono::duration<double> d) {
    announce([&] { return "pausing " + secondsText(d.count()) + " s"; });
    clock().sleepFor(toClock(d));
}

Snapshot CheckContext::afterCall(std::string_view label) {
    if (const Snapshot now = snapshot(); now.transitioningToState == requested_state::kNoChange) {
        evidence("S(T) " + std::string(label) + ": " + now.toString());
        return now;
    }
    pause(settings_.pollInterval);
    return snapshot(label);
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

bool CheckContext::makeRunning(const ObjectPath& on) {
    SetupScope scope(result_.evidence);
    const ObjectPath p = on;  // a copy: `on` may be an element of the dependants read below
    // Whatever depends on the service is stopped first, so that the stop under test is not
    // refused because of it (catalog SS-001: "a service with no dependants").
    for (const ObjectPath& d : dependants(p)) {
        if (!bringDown(d, 1)) return false;
    }
    return bringUp(p, 0);
}

bool CheckContext::makeStopped(const ObjectPath& on) {
    SetupScope scope(result_.evidence);
    return bringDown(on, 0);
}

bool CheckContext::letTransitionEnd(const Snapshot& s, Want wanted, const ObjectPath& p) {
    // Catalog §0.3 Rev. 2: wait in the element's own direction, never for the goal while it
    // heads the other way; then say whether it arrived where the caller wants it.
    const std::optional<RunState> toward = heading(s);
    const Want direction = !toward ? wanted : *toward == RunState::Running ? Want::Running : Want::Stopped;
    const bool reached = settle(direction, p).reached;
    return reached && direction == wanted;
}

bool CheckContext::bringUp(const ObjectPath& p, int depth) {
    if (depth > kMaxDependencyDepth) return false;
    Snapshot s = snapshotOf(p);
    if (runState(s) == RunState::Running) return true;
    if (runState(s) == RunState::Transitioning && letTransitionEnd(s, Want::Running, p)) return true;
    try {  // what the service depends on must run first
        AssociatorFilter filter;
        filter.assocClass = "CIM_ServiceServiceDependency";
        filter.role = "Dependent";
        filter.resultRole = "Antecedent";
        for (const ObjectPath& a : client().associatorNames(p, filter)) {
            if (!bringUp(a, depth + 1)) return false;
        }
    } catch (const CimError&) {
    }
    if (start(p).reached) return true;
    if (s.modelsEnablement()) {
        const Snapshot before = snapshotOf(p, "before");
        return complete(invoke(p, "RequestStateChange", {{"RequestedState", Value::uint16(2)}}), before, Want::Running,
                        Via::RequestStateChange, p)
            .reached;
    }
    return false;
}

bool CheckContext::bringDown(const ObjectPath& p, int depth) {
    if (depth > kMaxDependencyDepth) return false;
    for (const ObjectPath& d : dependants(p)) {
        if (!bringDown(d, depth + 1)) return false;
    }
    Snapshot s = snapshotOf(p);
    if (runState(s) == RunState::Stopped) return true;
    if (runState(s) == RunState::Transitioning && letTransitionEnd(s, Want::Stopped, p)) return true;
    if (stop(p).reached) return true;
    if (s.modelsEnablement()) {
        const Snapshot before = snapshotOf(p, "before");
        return complete(invoke(p, "RequestStateChange", {{"RequestedState", Value::uint16(3)}}), before, Want::Stopped,
                        Via::RequestStateChange, p)
            .reached;
    }
    return false;
}

std::optional<std::string> CheckContext::unmet(Needs needs) const {
    if (has(needs, Needs::Enablement) && !initial_.modelsEnablement()) {
        return "the instance does not model enablement (EnabledState " + optionalText(initial_.enabledState) +
               "): the RequestStateChange rules do not apply (CON-006)";
    }
    return std::nullopt;
}

bool CheckContext::require(Want want) {
    if (want == Want::Running ? makeRunning() : makeStopped()) return true;
    unreachable(want == Want::Running ? "the service could not be brought to running"
                                      : "the service could not be brought to stopped");
    return false;
}

void CheckContext::finish() {
    result_.undefinedStatuses = client_.undefinedStatuses();
    verdicts_.decide(result_);
}

}  // namespace wmimock::conformance
