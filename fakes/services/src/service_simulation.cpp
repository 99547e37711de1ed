#include "service_simulation.hpp"

#include <algorithm>

#include "wmimock/cim/cim_class.hpp"
#include "wmimock/cim/datetime.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/cim/property_as.hpp"

namespace wmimock::services::detail {
namespace {

constexpr std::string_view kSettingClass = "WMIMock_SimulationSetting";
constexpr std::string_view kSettingNamespace = "root/cimv2";

const Value* findParam(const std::vector<ParamValue>& in, std::string_view name) {
    for (const auto& p : in) {
        if (iequals(p.name, name)) return &p.value;
    }
    return nullptr;
}

/// An integer parameter as sent: an integer, or (unchecked parameters) the decimal text an
/// untyped CIM-XML value carries; nullopt for anything else.
std::optional<std::uint64_t> integerParameter(const Value& v) {
    if (v.isNull() || v.isArray()) return std::nullopt;
    if (isInteger(v.type())) {
        if (v.asInt64() < 0 && v.type() != CimType::Uint64) return std::nullopt;
        return v.asUint64();
    }
    if (v.type() != CimType::String) return std::nullopt;
    const std::string& text = v.asString();
    if (text.empty() || text.size() > 19 || text.find_first_not_of("0123456789") != std::string::npos) {
        return std::nullopt;
    }
    return std::stoull(text);
}

/// Started as the instance holds it; absent or NULL reads as FALSE.
bool startedOf(const Instance& instance) {
    return propertyAs<bool>(instance, "Started").value_or(false);
}

std::chrono::microseconds micros(std::chrono::milliseconds ms) {
    return std::chrono::duration_cast<std::chrono::microseconds>(ms);
}

}  // namespace

ServiceSimulation::ServiceSimulation(const FlavourProfile& profile, std::shared_ptr<Clock> clock,
                                     std::shared_ptr<FaultPolicy> policy, std::vector<std::string> settingTargets,
                                     SimulationOptions options)
    : profile_(profile),
      clock_(std::move(clock)),
      policy_(policy ? std::move(policy) : std::make_shared<FaultPolicy>()),
      settingTargets_(std::move(settingTargets)),
      options_(std::move(options)),
      nameSpace_(normalizeNamespace(profile.nameSpace)) {}

// ---- Set-up ----------------------------------------------------------------------------

void ServiceSimulation::attach(Cimom& cimom) {
    ClassPtr serviceClass = cimom.findClass(nameSpace_, profile_.serviceClass);
    if (!serviceClass) {
        throw CimError(CimStatus::NotFound, "simulation '" + profile_.name + "': class " + profile_.serviceClass +
                                                " is not defined in " + nameSpace_);
    }
    {
        std::lock_guard lock(settingsMutex_);
        settings_ = computeSettings(cimom);
    }

    // Capabilities: CIM_ElementCapabilities -> CIM_EnabledLogicalElementCapabilities.
    std::vector<std::pair<ObjectPath, std::set<std::uint16_t>>> capabilities;
    if (cimom.findClass(nameSpace_, "CIM_ElementCapabilities")) {
        for (const auto& link : cimom.enumerateInstances(nameSpace_, "CIM_ElementCapabilities")) {
            const Value* element = link.find("ManagedElement");
            const Value* caps = link.find("Capabilities");
            if (element == nullptr || caps == nullptr || element->isNull() || caps->isNull()) continue;
            Instance capsInstance = cimom.getInstance(referenceValue(*caps));
            std::set<std::uint16_t> states;
            if (const Value* rs = capsInstance.find("RequestedStatesSupported"); rs != nullptr && !rs->isNull()) {
                for (const auto& e : rs->asArray()) states.insert(static_cast<std::uint16_t>(e.asUint64()));
            }
            capabilities.emplace_back(referenceValue(*element), std::move(states));
        }
    }

    for (Instance& instance : cimom.enumerateInstances(nameSpace_, profile_.serviceClass)) {
        auto rec = std::make_unique<Record>();
        ObjectPath path = instance.path();
        if (path.nameSpace().empty()) path.setNameSpace(nameSpace_);
        instance.setPath(path);
        rec->key = pathKey(path);
        if (ClassPtr cls = cimom.findClass(nameSpace_, instance.className())) {
            rec->classChain.push_back(cls->name);
            rec->classChain.insert(rec->classChain.end(), cls->derivation.begin(), cls->derivation.end());
        } else {
            rec->classChain.push_back(instance.className());
        }
        for (const auto& [element, states] : capabilities) {
            if (sameKeys(element, path)) rec->supportedStates = states;
        }
        if (const Value* stamp = instance.find("TimeOfLastStateChange"); stamp != nullptr && !stamp->isNull()) {
            rec->lastStamp = stamp->asDateTime().toTimePoint();
        }
        if (const Value* pid = instance.find("ProcessId"); pid != nullptr && !pid->isNull()) {
            rec->processId = static_cast<std::uint32_t>(pid->asUint64());
        }
        rec->instance = instance;
        if (!profile_.modelsEnabledState) {
            // Win32_Service does not model enablement: CON-006 treats EnabledState 5 as
            // "SS rules on Started only".
            rec->instance.set("EnabledState", Value::uint16(state::kNoChange));
            rec->instance.set("RequestedState", Value::uint16(state::kNotApplicable));
            rec->instance.set("TransitioningToState", Value::uint16(state::kNotApplicable));
        }
        rec->started = startedOf(rec->instance);
        if (profile_.win32StateString) rec->instance.set("State", Value::string(rec->started ? "Running" : "Stopped"));
        refreshAvailableStates(*rec);
        byKey_[rec->key] = rec.get();
        records_.push_back(std::move(rec));
    }

    if (profile_.refusesStopWithRunningDependants && cimom.findClass(nameSpace_, "CIM_ServiceServiceDependency")) {
        for (const auto& dep : cimom.enumerateInstances(nameSpace_, "CIM_ServiceServiceDependency")) {
            const Value* antecedent = dep.find("Antecedent");
            const Value* dependent = dep.find("Dependent");
            if (antecedent == nullptr || dependent == nullptr || antecedent->isNull() || dependent->isNull()) continue;
            Record* a = find(referenceValue(*antecedent));
            Record* d = find(referenceValue(*dependent));
            if (a != nullptr && d != nullptr) a->dependants.push_back(d);
        }
    }

    // The simulation becomes the only source of these instances.
    for (const auto& rec : records_) {
        try {
            cimom.removeInstance(rec->instance.path());
        } catch (const CimError&) {
            // Kept in the static store: the registered provider still answers for them.
        }
    }
    auto self = shared_from_this();
    cimom.registerProvider(nameSpace_, profile_.serviceClass, self, self);

    jobs_ = std::make_shared<JobStore>(nameSpace_, profile_.jobClass, profile_.jobIdPrefix, clock_, policy_,
                                       cimom.findClass(nameSpace_, profile_.jobClass));
    if (cimom.findClass(nameSpace_, profile_.jobClass)) {
        auto jobProvider = std::make_shared<JobProvider>(jobs_);
        cimom.registerProvider(nameSpace_, profile_.jobClass, jobProvider, jobProvider);
    }
    if (cimom.findClass(nameSpace_, profile_.affectedJobClass)) {
        cimom.registerProvider(nameSpace_, profile_.affectedJobClass,
                               std::make_shared<JobAssociationProvider>(jobs_, profile_.affectedJobClass,
                                                                        "AffectedElement", "AffectingElement"),
                               nullptr);
    }
    if (cimom.findClass(nameSpace_, profile_.owningJobClass)) {
        cimom.registerProvider(
            nameSpace_, profile_.owningJobClass,
            std::make_shared<JobAssociationProvider>(jobs_, profile_.owningJobClass, "OwningElement", "OwnedElement"),
            nullptr);
    }
}

// ---- Settings --------------------------------------------------------------------------

SimulationSettings ServiceSimulation::computeSettings(CimClient& cimom) const {
    SimulationSettings s;
    for (const auto& target : settingTargets_) {
        ObjectPath path(std::string(kSettingNamespace), std::string(kSettingClass),
                        {KeyBinding{"InstanceID", Value::string("WMIMock:SimulationSetting:" + target)}});
        std::optional<Instance> setting;
        try {
            setting = cimom.getInstance(path);
        } catch (const CimError&) {
            continue;  // no setting for this target (or no configuration class at all)
        }
        applySettingInstance(s, *setting);
        break;
    }
    applyOptions(s, options_);
    return s;
}

void ServiceSimulation::refreshSettings(CimClient& cimom) {
    SimulationSettings fresh = computeSettings(cimom);
    std::lock_guard lock(settingsMutex_);
    settings_ = std::move(fresh);
}

SimulationSettings ServiceSimulation::settings() const {
    std::lock_guard lock(settingsMutex_);
    return settings_;
}

bool ServiceSimulation::drawFailure() {
    std::lock_guard lock(settingsMutex_);
    if (settings_.failureRate <= 0.0) return false;
    if (seededWith_ != settings_.seed || seededWith_ == 0) {
        random_.seed(settings_.seed);
        seededWith_ = settings_.seed;
    }
    return std::uniform_real_distribution<double>(0.0, 1.0)(random_) < settings_.failureRate;
}

void ServiceSimulation::applyLatency(Clock& clock) const {
    auto latency = settings().latency;
    if (latency.count() > 0) clock.sleepFor(micros(latency));
}

// ---- Lookup ----------------------------------------------------------------------------

ServiceSimulation::Record* ServiceSimulation::find(const ObjectPath& path) const {
    if (profile_.ignoresKeys && records_.size() == 1) return records_.front().get();
    auto it = byKey_.find(pathKey(path));
    return it == byKey_.end() ? nullptr : it->second;
}

std::vector<ObjectPath> ServiceSimulation::servicePaths() const {
    std::vector<ObjectPath> paths;
    for (const auto& rec : records_) paths.push_back(rec->instance.path());
    return paths;
}

std::optional<Answer> ServiceSimulation::missingInstanceAnswer(const ProviderContext& ctx, const ObjectPath& path,
                                                               const CallView& view) const {
    auto keyNames = ctx.targetClass.keyNames();
    bool wellFormed =
        keyNames.size() == path.keys().size() &&
        std::all_of(keyNames.begin(), keyNames.end(), [&](const std::string& k) { return path.key(k) != nullptr; });
    if (!wellFormed) return std::nullopt;
    return policy_->override(Situation::MissingInstance, view);
}

void ServiceSimulation::throwMissing(const ProviderContext& ctx, const ObjectPath& path) const {
    // The CIMOM looks the instance up before it invokes a method, so a policy's answer for
    // a missing instance has to be given here too (as an error; a lookup has no return value).
    CallView view{ServiceMethod::StopService, std::nullopt, std::nullopt, nullptr, {}};
    if (auto answer = missingInstanceAnswer(ctx, path, view); answer && answer->isError()) {
        throw CimError(*answer->error, answer->message);
    }
    throw CimError(CimStatus::NotFound, "no instance " + path.toString());
}

void ServiceSimulation::restore(const Instance& snapshot) {
    Record* rec = find(snapshot.path());
    if (rec == nullptr) throw CimError(CimStatus::NotFound, "no instance " + snapshot.path().toString());
    Lock lock(rec->mutex);
    rec->pending.reset();
    rec->instance = snapshot;
    rec->instance.setPath(snapshot.path());
    rec->lastStamp.reset();
    if (const Value* stamp = snapshot.find("TimeOfLastStateChange"); stamp != nullptr && !stamp->isNull()) {
        rec->lastStamp = stamp->asDateTime().toTimePoint();
    }
    rec->started = startedOf(rec->instance);
}

// ---- InstanceProvider ------------------------------------------------------------------

Instance ServiceSimulation::getInstance(const ProviderContext& ctx, const ObjectPath& path) {
    Record* rec = find(path);
    if (rec == nullptr) throwMissing(ctx, path);
    Lock lock(rec->mutex);
    settle(*rec);
    return rec->instance;
}

std::vector<Instance> ServiceSimulation::enumerateInstances(const ProviderContext&, std::string_view className) {
    std::vector<Instance> result;
    for (const auto& rec : records_) {
        bool matches = className.empty() || std::any_of(rec->classChain.begin(), rec->classChain.end(),
                                                        [&](const std::string& c) { return iequals(c, className); });
        if (!matches) continue;
        Lock lock(rec->mutex);
        settle(*rec);
        result.push_back(rec->instance);
    }
    return result;
}

void ServiceSimulation::modifyInstance(const ProviderContext& ctx, const Instance& instance,
                                       const PropertyList& propertyList) {
    // Lets a harness put an instance back the way it found it (values are not checked
    // against the state machine beyond keeping the derived properties consistent).
    Record* rec = find(instance.path());
    if (rec == nullptr) throw CimError(CimStatus::NotFound, "no instance " + instance.path().toString());
    Lock lock(rec->mutex);
    settle(*rec);
    for (const auto& property : instance.properties()) {
        const PropertyDecl* decl = ctx.targetClass.findProperty(property.name);
        if (decl == nullptr) {
            throw CimError(CimStatus::NoSuchProperty,
                           "ModifyInstance: " + ctx.targetClass.name + " has no property " + property.name);
        }
        if (decl->isKey()) continue;
        if (propertyList && std::none_of(propertyList->begin(), propertyList->end(),
                                         [&](const std::string& n) { return iequals(n, property.name); })) {
            continue;
        }
        rec->instance.set(property.name, property.value);
    }
    rec->started = startedOf(rec->instance);
}

// ---- MethodProvider --------------------------------------------------------------------

MethodResult ServiceSimulation::invokeMethod(const ProviderContext& ctx, const ObjectPath& target,
                                             const MethodDecl& method, const std::vector<ParamValue>& in) {
    refreshSettings(ctx.cimom);
    applyLatency(ctx.clock);
    SimulationSettings knobs = settings();

    if (knobs.methodNotSupported(method.name)) {
        if (knobs.declineSignal == 1) {
            MethodResult declined;
            declined.returnValue = Value::uint32(1);
            return declined;
        }
        throw CimError(static_cast<CimStatus>(knobs.declineSignal),
                       method.name + " is configured as not supported in the " + profile_.name + " simulation");
    }
    auto which = parseServiceMethod(method.name);
    if (!which) {
        throw CimError(CimStatus::MethodNotAvailable,
                       method.name + " is not implemented by the " + profile_.name + " simulation");
    }
    if (profile_.serviceMethodsUnimplemented && *which != ServiceMethod::RequestStateChange) {
        throw CimError(*profile_.serviceMethodsUnimplemented->error, profile_.serviceMethodsUnimplemented->message);
    }
    for (const auto& p : in) {
        if (method.findParameter(p.name) != nullptr) continue;
        const std::string what = method.name + " has no parameter " + p.name;
        if (!profile_.rawParameters || *which != ServiceMethod::RequestStateChange) {
            throw CimError(CimStatus::InvalidParameter, what);
        }
        const Answer& unknown = profile_.rscUnknownParameter;
        if (unknown.isError()) throw CimError(*unknown.error, what);
        return MethodResult{Value::uint32(unknown.code), {}};
    }

    CallView view{*which, std::nullopt, std::nullopt, nullptr, knobs.hangCap};
    if (*which == ServiceMethod::RequestStateChange) {
        if (const Value* v = findParam(in, "RequestedState"); v != nullptr) {
            view.requestedState = integerParameter(*v);
        }
        if (const Value* v = findParam(in, "TimeoutPeriod");
            v != nullptr && !v->isNull() && v->type() == CimType::DateTime && !v->isArray()) {
            view.timeoutPeriod = v->asDateTime();
        }
    }

    Record* rec = find(target);
    if (rec == nullptr) {
        if (auto answer = missingInstanceAnswer(ctx, target, view); answer && !answer->isError()) {
            return MethodResult{Value::uint32(answer->code), {}};
        }
        throwMissing(ctx, target);
    }
    view.supportedStates = &rec->supportedStates;
    policy_->beforeCall(view);
    if (auto entry = policy_->override(Situation::MethodEntry, view)) {
        if (entry->isError()) throw CimError(*entry->error, entry->message);
        return MethodResult{Value::uint32(entry->code), {}};
    }

    bool changesState = *which != ServiceMethod::RequestStateChange;
    bool overlapped = changesState && policy_->rendezvous(*which);
    // A plain flag rather than std::optional<ServiceMethod>: GCC 12 -O2 reports a false
    // -Wmaybe-uninitialized on the optional's engaged byte here.
    struct LeaveGuard {
        FaultPolicy* policy;
        bool active;
        ServiceMethod method;
        ~LeaveGuard() {
            if (active) policy->leave(method);
        }
    } leaveGuard{policy_.get(), changesState && which.has_value(), which.value_or(ServiceMethod::StopService)};
    std::optional<ObjectPath> job;
    Answer answer;
    {
        Lock lock(rec->mutex);
        settle(*rec);
        switch (*which) {
            case ServiceMethod::StopService:
                answer = stop(*rec, view);
                break;
            case ServiceMethod::StartService:
                answer = start(*rec, view);
                break;
            case ServiceMethod::RequestStateChange:
                answer = requestStateChange(*rec, in, view, job);
                break;
        }
        if (overlapped) policy_->afterOverlap(rec->instance, rec->pending.has_value());
        rec->started = startedOf(rec->instance);
    }
    if (answer.isError()) throw CimError(*answer.error, answer.message);
    MethodResult result{Value::uint32(answer.code), {}};
    if (job && policy_->returnsJobReference())
        result.outParameters.push_back(ParamValue{"Job", Value::reference(*job)});
    return result;
}

// ---- The state machine -----------------------------------------------------------------

std::uint16_t ServiceSimulation::heading(const Record& rec) const {
    if (rec.pending) return rec.pending->target;
    if (profile_.modelsEnabledState) {
        auto enabled = propertyAs<std::uint16_t>(rec.instance, "EnabledState");
        if (enabled == state::kEnabled || enabled == state::kDisabled) return *enabled;
    }
    return startedOf(rec.instance) ? state::kEnabled : state::kDisabled;
}

Answer ServiceSimulation::stop(Record& rec, const CallView& view) {
    if (heading(rec) == state::kDisabled) {
        return policy_->override(Situation::StopWhenStopped, view).value_or(profile_.stopWhenStopped);
    }
    if (settings().refusedStates.contains(state::kDisabled)) return profile_.methodRefused;
    if (profile_.refusesStopWithRunningDependants && anyDependantRunning(rec)) return profile_.dependantsRunning;
    if (drawFailure()) return profile_.methodFailed;
    begin(rec, state::kDisabled, ServiceMethod::StopService, false, false);
    return policy_->override(Situation::StopAccepted, view).value_or(Answer::returns(0));
}

Answer ServiceSimulation::start(Record& rec, const CallView&) {
    if (heading(rec) == state::kEnabled) {
        if (policy_->stampsNoOp(ServiceMethod::StartService)) stampStateChange(rec, clock_->wallNow());
        return profile_.startWhenStarted;
    }
    if (settings().refusedStates.contains(state::kEnabled)) return profile_.methodRefused;
    if (drawFailure()) return profile_.methodFailed;
    begin(rec, state::kEnabled, ServiceMethod::StartService, false, false);
    return Answer::returns(0);
}

Answer ServiceSimulation::requestStateChange(Record& rec, const std::vector<ParamValue>& in, const CallView& view,
                                             std::optional<ObjectPath>& job) {
    if (!profile_.supportsRequestStateChange) return profile_.rscUnsupported;
    const Value* requested = findParam(in, "RequestedState");
    if (requested == nullptr || requested->isNull()) {
        return Answer::fails(CimStatus::InvalidParameter, "RequestStateChange: RequestedState is required");
    }
    const auto value = integerParameter(*requested);
    if (!value && (requested->isArray() || !isInteger(requested->type()))) {
        return profile_.rawParameters
                   ? profile_.rscIllTypedState
                   : Answer::fails(CimStatus::InvalidParameter, "RequestStateChange: RequestedState must be a uint16");
    }
    if (!value || !isValidRequestedState(*value)) {
        return policy_->override(Situation::RscInvalidValue, view).value_or(profile_.rscInvalidValue);
    }
    auto target = static_cast<std::uint16_t>(*value);
    SimulationSettings knobs = settings();
    // Only Enabled and Disabled are reachable, whatever else the capabilities list.
    bool reachable = target == state::kEnabled || target == state::kDisabled;
    if (!reachable || !rec.supportedStates.contains(target) || knobs.refusedStates.contains(target)) {
        return policy_->override(Situation::RscStateNotSupported, view).value_or(profile_.rscStateNotSupported);
    }

    if (const Value* tp = findParam(in, "TimeoutPeriod"); tp != nullptr && !tp->isNull()) {
        if (tp->isArray() || tp->type() != CimType::DateTime || tp->asDateTime().isTimestamp()) {
            return profile_.rscTimestampTimeout;
        }
        if (profile_.honoursTimeoutPeriod) {
            auto limit = tp->asDateTime().toDuration();
            if (limit.count() == 0) {
                if (auto answer = policy_->override(Situation::RscZeroTimeout, view)) return *answer;
            } else if (!knobs.timeoutSupported) {
                return profile_.rscTimeoutUnsupported;
            } else if (micros(knobs.transition) > limit) {
                return profile_.rscTimeoutTooShort;
            }
        }
    }

    if (heading(rec) == target) return profile_.rscCurrentState;
    bool async = knobs.async.value_or(profile_.asyncByDefault);
    bool fails = drawFailure();
    if (fails && !async) return profile_.rscFailed;
    job = begin(rec, target, ServiceMethod::RequestStateChange, fails, async);
    return Answer::returns(async ? 4096 : 0);
}

std::optional<ObjectPath> ServiceSimulation::begin(Record& rec, std::uint16_t target, ServiceMethod origin, bool fails,
                                                   bool withJob) {
    auto now = clock_->now();
    Pending p;
    p.target = target;
    p.origin = origin;
    p.fails = fails;
    p.deadline = now + micros(settings().transition);
    if (rec.pending) {
        // A later request overrides an earlier one still running (ELE: earlier requests
        // may be overwritten); the element goes back to where it started from.
        if (rec.pending->job) jobs_->terminate(*rec.pending->job, "Superseded by a later state change request");
        p.fromEnabled = rec.pending->fromEnabled;
        p.fromStarted = rec.pending->fromStarted;
        p.fromRequested = rec.pending->fromRequested;
        rec.pending.reset();
    } else {
        p.fromEnabled = propertyAs<std::uint16_t>(rec.instance, "EnabledState").value_or(state::kNoChange);
        p.fromStarted = startedOf(rec.instance);
        const Value* requested = rec.instance.find("RequestedState");
        p.fromRequested = requested != nullptr ? *requested : Value::null(CimType::Uint16);
    }
    // The request is recorded at once, before the transition ends (RSC-003, JOB-009).
    if (profile_.modelsEnabledState && profile_.tracksRequestedState && policy_->recordsRequestedState(origin)) {
        rec.instance.set("RequestedState", Value::uint16(target));
    }
    if (withJob) {
        JobSpec spec;
        spec.affected = rec.instance.path();
        spec.requestedState = target;
        spec.submitted = now;
        spec.deadline = p.deadline;
        spec.fails = fails;
        spec.errorCode = static_cast<std::uint16_t>(profile_.rscFailed.code);
        spec.errorDescription = "Simulated failure (failure_rate)";
        p.job = jobs_->submit(spec);
    }
    std::optional<ObjectPath> job = p.job;
    if (p.deadline <= now) {
        complete(rec, p, now);
        return job;
    }
    if (profile_.modelsEnabledState) {
        setEnabledState(rec, target == state::kEnabled ? state::kStarting : state::kShuttingDown, clock_->wallNow());
        rec.instance.set("TransitioningToState", Value::uint16(target));
    }
    if (profile_.win32StateString) {
        rec.instance.set("State", Value::string(target == state::kEnabled ? "Start Pending" : "Stop Pending"));
    }
    rec.pending = std::move(p);
    refreshAvailableStates(rec);
    return job;
}

void ServiceSimulation::settle(Record& rec) {
    if (!rec.pending || clock_->now() < rec.pending->deadline) return;
    Pending p = std::move(*rec.pending);
    rec.pending.reset();
    complete(rec, p, p.deadline);
}

void ServiceSimulation::complete(Record& rec, const Pending& p, Clock::time_point at) {
    bool running = p.fails ? p.fromStarted : p.target == state::kEnabled;
    if (profile_.modelsEnabledState) {
        std::uint16_t enabled = p.fails ? p.fromEnabled : p.target;
        rec.instance.set("TransitioningToState", Value::uint16(state::kNoChange));
        if (p.fails) rec.instance.set("RequestedState", p.fromRequested);
        const Value* current = rec.instance.find("EnabledState");
        Value previous = current != nullptr ? *current : Value::null(CimType::Uint16);
        rec.instance.set("EnabledState", Value::uint16(enabled));
        setStarted(rec, running);
        policy_->afterTransition(rec.instance, SettledTransition{p.origin, p.target, p.fails});
        // Stamp only a real change of EnabledState (RSC-014), whatever the policy left.
        auto settled = propertyAs<std::uint16_t>(rec.instance, "EnabledState");
        rec.instance.set("EnabledState", previous);
        if (settled) setEnabledState(rec, *settled, wallAt(at));
    } else {
        setStarted(rec, running);
        policy_->afterTransition(rec.instance, SettledTransition{p.origin, p.target, p.fails});
    }
    refreshAvailableStates(rec);
    rec.started = startedOf(rec.instance);
}

void ServiceSimulation::setStarted(Record& rec, bool started) {
    rec.instance.set("Started", Value::boolean(started || profile_.startedAlwaysTrue));
    if (!profile_.win32StateString) return;
    rec.instance.set("State", Value::string(started ? "Running" : "Stopped"));
    rec.instance.set("AcceptStop", Value::boolean(started));
    if (rec.instance.has("ProcessId")) rec.instance.set("ProcessId", Value::uint32(started ? rec.processId : 0));
}

void ServiceSimulation::setEnabledState(Record& rec, std::uint16_t value, std::chrono::system_clock::time_point when) {
    auto current = propertyAs<std::uint16_t>(rec.instance, "EnabledState");
    if (current == value) return;
    rec.instance.set("EnabledState", Value::uint16(value));
    stampStateChange(rec, when);
}

void ServiceSimulation::stampStateChange(Record& rec, std::chrono::system_clock::time_point when) {
    // Strictly increasing, so that two changes within one simulated instant still order.
    if (rec.lastStamp && when <= *rec.lastStamp) when = *rec.lastStamp + std::chrono::microseconds(1);
    rec.lastStamp = when;
    rec.instance.set("TimeOfLastStateChange", Value::dateTime(CimDateTime::timestamp(when)));
}

void ServiceSimulation::refreshAvailableStates(Record& rec) {
    if (!profile_.modelsEnabledState) return;
    std::uint16_t now = heading(rec);
    std::vector<Value> available;
    for (std::uint16_t s : {state::kEnabled, state::kDisabled}) {
        if (s != now && rec.supportedStates.contains(s)) available.push_back(Value::uint16(s));
    }
    policy_->adjustAvailableStates(available);
    rec.instance.set("AvailableRequestedStates", Value::array(CimType::Uint16, std::move(available)));
}

std::chrono::system_clock::time_point ServiceSimulation::wallAt(Clock::time_point t) const {
    return clock_->wallNow() - (clock_->now() - t);
}

bool ServiceSimulation::anyDependantRunning(const Record& rec) const {
    return std::any_of(rec.dependants.begin(), rec.dependants.end(), [](const Record* d) { return d->started.load(); });
}

}  // namespace wmimock::services::detail
