#include "gallery_provider.hpp"

#include <algorithm>
#include <thread>

#include <wmimock/cim/clock.hpp>
#include <wmimock/cim/datetime.hpp>
#include <wmimock/cim/error.hpp>
#include <wmimock/cim/names.hpp>

namespace gallery {

using wmimock::CimError;
using wmimock::CimStatus;
using wmimock::CimType;
using wmimock::Value;

namespace {

constexpr const char* kSystemClass = "Gallery_System";
constexpr const char* kSystemName = "host-1";
constexpr milliseconds kDefaultJobLength{300};

/// RequestStateChange's RequestedState ValueMap in CIM_EnabledLogicalElement: 2..11 without
/// 5 (which is "No Change" for the element, reserved in requests), and the vendor range.
bool isDefinedRequest(std::uint64_t state) {
    return state == 2 || state == 3 || state == 4 || (state >= 6 && state <= 11) || (state >= 32768 && state <= 65535);
}

}  // namespace

std::string mofQuoted(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

Settings hyperVStyle() {
    Settings s;
    s.className = "Gallery_VirtualSystemManagementService";
    s.transition = milliseconds(150);
    s.jobs = true;
    return s;
}

Settings webNeedsDatabase() {
    Settings s;
    s.services = {{"db", true}, {"web", true}};
    s.needs = {{"web", "db"}};
    return s;
}

Settings uncheckedParameters() {
    Settings s;
    s.checksInParameters = false;
    return s;
}

const Value* Call::param(std::string_view name) const {
    for (const auto& p : in) {
        if (wmimock::iequals(p.name, name)) return &p.value;
    }
    return nullptr;
}

void Call::waitUnlocked(milliseconds length) {
    lock.unlock();
    std::this_thread::sleep_for(length);
    lock.lock();
}

GalleryProvider::GalleryProvider(Settings settings) : settings_(std::move(settings)) {
    const TimePoint boot{std::chrono::seconds(1735689600)};  // 2025-01-01
    for (const auto& [name, running] : settings_.services) {
        ServiceState s;
        s.name = name;
        s.running = running;
        s.started = running;
        s.requestedState = running ? 2 : 3;
        s.enabledDefault = running ? 2 : 3;
        s.startMode = settings_.style == Style::Win32 ? (running ? "Auto" : "Manual") : "Automatic";
        s.lastChange = boot;
        services_.emplace(name, s);
    }
}

std::string GalleryProvider::mof() const {
    std::string text =
        settings_.classMof.empty() ? "class " + settings_.className + " : CIM_Service {\n};\n" : settings_.classMof;
    text += "class " + jobClass() + " : CIM_ConcreteJob {\n};\n";
    for (const auto& [dependent, antecedent] : settings_.needs) {
        text += "instance of CIM_ServiceServiceDependency {\n  Antecedent = \"" +
                mofQuoted(pathOf(services_.at(antecedent)).toString()) + "\";\n  Dependent = \"" +
                mofQuoted(pathOf(services_.at(dependent)).toString()) + "\";\n};\n";
    }
    if (!settings_.requestedStatesSupported) return text;
    std::string states;
    for (const auto s : *settings_.requestedStatesSupported) states += (states.empty() ? "" : ", ") + std::to_string(s);
    for (const auto& [name, running] : settings_.services) {
        (void)running;
        const std::string quoted = mofQuoted(pathOf(services_.at(name)).toString());
        text += "instance of CIM_EnabledLogicalElementCapabilities as $Caps_" + name +
                " {\n  InstanceID = \"Gallery:Caps:" + name + "\";\n  ElementName = \"" + name +
                " capabilities\";\n  RequestedStatesSupported = {" + states +
                "};\n  ElementNameEditSupported = FALSE;\n};\n";
        text += "instance of CIM_ElementCapabilities {\n  ManagedElement = \"" + quoted +
                "\";\n  Capabilities = $Caps_" + name + ";\n};\n";
    }
    return text;
}

wmimock::ObjectPath GalleryProvider::pathOf(const ServiceState& s) const {
    return wmimock::ObjectPath(settings_.nameSpace, settings_.className,
                               {{"CreationClassName", Value::string(settings_.className)},
                                {"Name", Value::string(s.name)},
                                {"SystemCreationClassName", Value::string(kSystemClass)},
                                {"SystemName", Value::string(kSystemName)}});
}

wmimock::ObjectPath GalleryProvider::jobPath(const Job& job) const {
    return wmimock::ObjectPath(settings_.nameSpace, jobClass(), {{"InstanceID", Value::string(job.id)}});
}

ServiceState& GalleryProvider::find(const wmimock::ObjectPath& path) {
    const auto is = [&](std::string_view key, std::string_view expected) {
        const Value* v = path.key(key);
        return v != nullptr && !v->isNull() && v->type() == CimType::String &&
               (expected.empty() || wmimock::iequals(v->asString(), expected));
    };
    if (path.keys().size() == 4 && is("SystemCreationClassName", kSystemClass) && is("SystemName", kSystemName) &&
        is("CreationClassName", settings_.className) && is("Name", {})) {
        if (const auto it = services_.find(path.key("Name")->asString()); it != services_.end()) return it->second;
    }
    throw CimError(CimStatus::NotFound, "no such service: " + path.toString());
}

void GalleryProvider::settle(ServiceState& s, TimePoint when) {
    s.running = *s.heading;
    s.started = s.running;
    s.heading.reset();
    s.lastChange = when;
}

void GalleryProvider::advance(TimePoint now) {
    // A failing job rolls its transition back before transitions settle.
    for (auto& job : jobs_) {
        if (job.state != 4 || !job.fails || job.ends > now) continue;
        job.state = 10;
        ServiceState& s = services_.at(job.service);
        if (s.heading == job.toRunning) s.heading.reset();
        s.requestedState = job.previousRequested;
    }
    for (auto& [name, s] : services_) {
        if (s.heading && s.transitionEnds <= now) settle(s, s.transitionEnds);
    }
    for (auto& job : jobs_) {
        if (job.state == 4 && job.ends <= now) job.state = 7;
    }
}

bool GalleryProvider::jobVisible(const Job& job, TimePoint now) const {
    return job.state == 4 || now < job.ends + std::chrono::minutes(5);
}

void GalleryProvider::describe(wmimock::Instance& out, const ServiceState& s, TimePoint) const {
    out.set("ElementName", Value::string(s.name));
    out.set("Started", Value::boolean(s.started));
    out.set("StartMode", Value::string(s.startMode));
    if (settings_.style == Style::Win32) {
        out.set("State", Value::string(s.heading ? (*s.heading ? "Start Pending" : "Stop Pending")
                                                 : (s.running ? "Running" : "Stopped")));
        return;
    }
    out.set("EnabledState", Value::uint16(s.heading ? (*s.heading ? 10 : 4) : (s.running ? 2 : 3)));
    out.set("RequestedState", Value::uint16(settings_.tracksRequestedState ? s.requestedState : 12));
    out.set("TransitioningToState", Value::uint16(s.heading ? (*s.heading ? 2 : 3) : 5));
    out.set("EnabledDefault", Value::uint16(s.enabledDefault));
    out.set("TimeOfLastStateChange", Value::dateTime(wmimock::CimDateTime::timestamp(s.lastChange)));
    std::vector<Value> available;
    if (settings_.requestedStatesSupported) {
        for (const auto state : *settings_.requestedStatesSupported) {
            if (state != (goal(s) ? 2 : 3)) available.push_back(Value::uint16(state));
        }
    }
    out.set("AvailableRequestedStates", Value::array(CimType::Uint16, std::move(available)));
}

void GalleryProvider::describeJob(wmimock::Instance& out, const Job& job, TimePoint now) const {
    out.set("InstanceID", Value::string(job.id));
    out.set("Name", Value::string("RequestStateChange(" + std::to_string(job.requested) + ") of " + job.service));
    out.set("JobState", Value::uint16(job.state));
    out.set("StartTime", Value::dateTime(wmimock::CimDateTime::timestamp(job.started)));
    out.set("TimeOfLastStateChange",
            Value::dateTime(wmimock::CimDateTime::timestamp(job.state == 4 ? job.started : job.ends)));
    out.set("TimeBeforeRemoval", Value::dateTime(wmimock::CimDateTime::interval(std::chrono::minutes(5))));
    const auto total = std::max<std::int64_t>(1, (job.ends - job.started).count());
    const auto done = std::clamp<std::int64_t>((now - job.started).count() * 100 / total, 0, 100);
    out.set("PercentComplete",
            Value::uint16(static_cast<std::uint16_t>(job.state == 4 ? std::min<std::int64_t>(done, 99) : 100)));
    if (job.errorCode) {
        out.set("ErrorCode", Value::uint16(*job.errorCode));
        out.set("ErrorDescription", Value::string(job.errorDescription));
    }
}

std::uint32_t GalleryProvider::change(Call& call, bool running, std::uint16_t requested, bool withJob) {
    ServiceState& s = call.service;
    const std::uint16_t previousRequested = s.requestedState;
    s.requestedState = requested;
    if (goal(s) == running) return 0;  // already there, or already heading there: nothing to do
    const milliseconds length =
        settings_.transition.count() > 0 ? settings_.transition : (withJob ? kDefaultJobLength : milliseconds(0));
    if (length.count() == 0) {
        s.heading.reset();
        s.running = running;
        s.started = running;
        s.lastChange = call.now;
        return 0;
    }
    s.heading = running;
    s.transitionEnds = call.now + length;
    if (!withJob) return 0;
    Job job;
    job.id = "Gallery:Job:" + std::to_string(nextJob_++);
    job.service = s.name;
    job.toRunning = running;
    job.requested = requested;
    job.started = call.now;
    job.ends = s.transitionEnds;
    job.previousRequested = previousRequested;
    call.result.outParameters.push_back({"Job", Value::reference(jobPath(job))});
    jobs_.push_back(std::move(job));
    return 4096;
}

bool GalleryProvider::supported(std::uint64_t state) const {
    if (!settings_.requestedStatesSupported) return state == 2 || state == 3;
    const auto& list = *settings_.requestedStatesSupported;
    return std::find(list.begin(), list.end(), state) != list.end();
}

void GalleryProvider::refuseParameters(const Call& call) const {
    if (!settings_.checksInParameters && !call.in.empty()) {
        throw CimError(CimStatus::InvalidParameter, "this method takes no parameter: " + call.in.front().name);
    }
}

std::optional<std::uint32_t> GalleryProvider::refuse(const Call& call) const {
    if (!settings_.checksInParameters) {
        // What the CIMOM would otherwise have checked: names, repeats and types.
        for (std::size_t i = 0; i < call.in.size(); ++i) {
            const auto& name = call.in[i].name;
            if (!wmimock::iequals(name, "RequestedState") && !wmimock::iequals(name, "TimeoutPeriod")) return 5;
            for (std::size_t j = i + 1; j < call.in.size(); ++j) {
                if (wmimock::iequals(name, call.in[j].name)) {
                    throw CimError(CimStatus::InvalidParameter, "parameter " + name + " given twice");
                }
            }
        }
        if (const Value* r = call.param("RequestedState"); r != nullptr && !r->isNull()) {
            if (r->isArray()) throw CimError(CimStatus::TypeMismatch, "RequestedState is a uint16, not an array");
            if (!wmimock::isInteger(r->type())) throw CimError(CimStatus::InvalidParameter, "RequestedState: uint16");
        }
        if (const Value* t = call.param("TimeoutPeriod");
            t != nullptr && !t->isNull() && (t->isArray() || t->type() != CimType::DateTime)) {
            return 5;
        }
    }
    const Value* requested = call.param("RequestedState");
    if (requested == nullptr || requested->isNull()) {
        throw CimError(CimStatus::InvalidParameter, "RequestStateChange needs RequestedState");
    }
    const auto state = requested->asUint64();
    if (!isDefinedRequest(state)) return 5;  // Invalid Parameter
    if (const Value* timeout = call.param("TimeoutPeriod"); timeout != nullptr && !timeout->isNull()) {
        if (!timeout->asDateTime().isInterval()) return 5;
        if (timeout->asDateTime().toDuration().count() != 0) return 4098;  // no timeout support
    }
    if (!supported(state)) return 1;  // defined, but not a state this service can take
    return std::nullopt;
}

bool GalleryProvider::dependentRuns(const std::string& name) const {
    return std::any_of(settings_.needs.begin(), settings_.needs.end(),
                       [&](const auto& need) { return need.second == name && goal(services_.at(need.first)); });
}

bool GalleryProvider::antecedentStopped(const std::string& name) const {
    const auto it = settings_.needs.find(name);
    return it != settings_.needs.end() && !goal(services_.at(it->second));
}

std::uint32_t GalleryProvider::stopService(Call& call) {
    refuseParameters(call);
    if (goal(call.service) && dependentRuns(call.service.name)) return 3;  // Dependent Services Running
    return change(call, false, 3, false);
}

std::uint32_t GalleryProvider::startService(Call& call) {
    refuseParameters(call);
    if (!goal(call.service) && antecedentStopped(call.service.name)) return 4;  // Dependency Not Running
    return change(call, true, 2, false);
}

std::uint32_t GalleryProvider::requestStateChange(Call& call) {
    if (const auto code = refuse(call)) return *code;
    const auto state = static_cast<std::uint16_t>(call.param("RequestedState")->asUint64());
    const bool running = state == 2;
    if (running != goal(call.service) &&
        (running ? antecedentStopped(call.service.name) : dependentRuns(call.service.name))) {
        return 4097;  // Invalid State Transition
    }
    return change(call, running, state, settings_.jobs);
}

wmimock::Instance GalleryProvider::getInstance(const wmimock::ProviderContext& ctx, const wmimock::ObjectPath& path) {
    std::lock_guard lock(mutex_);
    const TimePoint now = ctx.clock.wallNow();
    advance(now);
    if (wmimock::iequals(path.className(), jobClass())) {
        const Value* id = path.key("InstanceID");
        for (const auto& job : jobs_) {
            if (id != nullptr && id->type() == CimType::String && id->asString() == job.id && jobVisible(job, now)) {
                wmimock::Instance out(jobClass());
                describeJob(out, job, now);
                out.setPath(jobPath(job));
                return out;
            }
        }
        throw CimError(CimStatus::NotFound, "no such job: " + path.toString());
    }
    const ServiceState& s = find(path);
    wmimock::Instance out(settings_.className);
    const wmimock::ObjectPath canonical = pathOf(s);
    for (const auto& key : canonical.keys()) out.set(key.name, key.value);
    describe(out, s, now);
    out.setPath(canonical);
    return out;
}

std::vector<wmimock::Instance> GalleryProvider::enumerateInstances(const wmimock::ProviderContext& ctx,
                                                                   std::string_view className) {
    std::vector<wmimock::Instance> out;
    if (wmimock::iequals(className, jobClass())) {
        std::lock_guard lock(mutex_);
        const TimePoint now = ctx.clock.wallNow();
        advance(now);
        for (const auto& job : jobs_) {
            if (jobVisible(job, now)) out.push_back(getInstance(ctx, jobPath(job)));
        }
        return out;
    }
    std::lock_guard lock(mutex_);
    for (const auto& [name, s] : services_) out.push_back(getInstance(ctx, pathOf(s)));
    return out;
}

wmimock::MethodResult GalleryProvider::invokeMethod(const wmimock::ProviderContext& ctx,
                                                    const wmimock::ObjectPath& target,
                                                    const wmimock::MethodDecl& method,
                                                    const std::vector<wmimock::ParamValue>& in) {
    std::unique_lock lock(mutex_);
    const TimePoint now = ctx.clock.wallNow();
    advance(now);
    ServiceState& s = find(target);
    Call call{ctx, target, s, in, now, {}, lock};
    std::uint32_t code = 0;
    if (wmimock::iequals(method.name, "StopService")) {
        code = stopService(call);
    } else if (wmimock::iequals(method.name, "StartService")) {
        code = startService(call);
    } else if (wmimock::iequals(method.name, "RequestStateChange")) {
        code = requestStateChange(call);
        const bool hasJob = std::any_of(call.result.outParameters.begin(), call.result.outParameters.end(),
                                        [](const auto& p) { return wmimock::iequals(p.name, "Job"); });
        if (!hasJob) call.result.outParameters.push_back({"Job", Value::null(CimType::Reference)});
    } else {
        throw CimError(CimStatus::MethodNotAvailable, settings_.className + " does not implement " + method.name);
    }
    call.result.returnValue = Value::uint32(code);
    return std::move(call.result);
}

void registerGallery(wmimock::plugin::Registrar& registrar, std::shared_ptr<GalleryProvider> provider) {
    const Settings& s = provider->settings();
    registrar.loadMof(provider->mof(), "gallery.mof", s.nameSpace);
    registrar.registerProvider(s.nameSpace, s.className, provider, provider);
    registrar.registerProvider(s.nameSpace, provider->jobClass(), provider, nullptr);
    registrar.setDefaultTarget(s.nameSpace, s.className);
}

}  // namespace gallery
