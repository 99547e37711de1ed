#include "job_store.hpp"

#include <algorithm>

#include "wmimock/cim/cim_class.hpp"
#include "wmimock/cim/datetime.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"

namespace wmimock::services::detail {
namespace {

constexpr std::uint16_t kJobNew = 2;
constexpr std::uint16_t kJobRunning = 4;
constexpr std::uint16_t kJobCompleted = 7;
constexpr std::uint16_t kJobTerminated = 8;
constexpr std::uint16_t kJobException = 10;

std::string keyText(const ObjectPath& path) {
    std::vector<std::pair<std::string, std::string>> keys;
    for (const auto& k : path.keys()) {
        // References compare by their own keys, so a REF written with or without its
        // namespace still names the same instance.
        std::string value = k.value.type() == CimType::Reference && !k.value.isNull() && !k.value.isArray()
                                ? "{" + keyText(k.value.asReference()) + "}"
                                : k.value.toText();
        keys.emplace_back(toLower(k.name), std::move(value));
    }
    std::sort(keys.begin(), keys.end());
    std::string text;
    for (const auto& [name, value] : keys) text += name + '=' + value + ';';
    return text;
}

/// The CIM_Error a failed or terminated job reports (DSP0004 CIM_Error; CIMStatusCode 1,
/// CIM_ERR_FAILED, as the job's method did not do what was asked).
Instance errorOf(const ObjectPath& job, bool terminated, std::uint16_t errorCode, const std::string& description) {
    Instance error("CIM_Error");
    error.set("ErrorType", Value::uint16(terminated ? 1 : 4));  // Other / Software Error
    if (terminated) error.set("OtherErrorType", Value::string("Job terminated"));
    error.set("OwningEntity", Value::string("WMIMock"));
    error.set("MessageID", Value::string(terminated ? "WMIMOCK2" : "WMIMOCK1"));
    error.set("Message",
              Value::string(description.empty() ? "The job failed with error code " + std::to_string(errorCode)
                                                : description));
    error.set("PerceivedSeverity", Value::uint16(terminated ? 2 : 5));  // Information / Major
    error.set("ErrorSource", Value::string(job.toString()));
    error.set("ErrorSourceFormat", Value::uint16(2));  // CIMObjectPath
    error.set("CIMStatusCode", Value::uint32(1));
    return error;
}

}  // namespace

ObjectPath referenceValue(const Value& value) {
    if (value.type() == CimType::Reference) return value.asReference();
    return ObjectPath::parse(value.asString());
}

std::string pathKey(const ObjectPath& path) {
    return keyText(path);
}

bool sameKeys(const ObjectPath& a, const ObjectPath& b) {
    return keyText(a) == keyText(b);
}

JobStore::JobStore(std::string nameSpace, std::string jobClass, std::string idPrefix, std::shared_ptr<Clock> clock,
                   std::shared_ptr<FaultPolicy> policy, ClassPtr jobClassDecl)
    : nameSpace_(std::move(nameSpace)),
      jobClass_(std::move(jobClass)),
      idPrefix_(std::move(idPrefix)),
      clock_(std::move(clock)),
      policy_(std::move(policy)),
      jobClassDecl_(std::move(jobClassDecl)) {}

ObjectPath JobStore::submit(const JobSpec& spec) {
    std::lock_guard lock(mutex_);
    Record record;
    record.instanceId = idPrefix_ + std::to_string(nextId_++);
    record.path = ObjectPath(nameSpace_, jobClass_, {KeyBinding{"InstanceID", Value::string(record.instanceId)}});
    record.spec = spec;
    record.submittedWall = clock_->wallNow() - (clock_->now() - spec.submitted);
    records_.push_back(record);
    return record.path;
}

void JobStore::terminate(const ObjectPath& job, std::string_view why) {
    std::lock_guard lock(mutex_);
    auto now = clock_->now();
    for (auto& r : records_) {
        if (sameKeys(r.path, job) && !r.terminatedAt && now < r.spec.deadline) {
            r.terminatedAt = now;
            r.terminatedWhy = std::string(why);
        }
    }
}

void JobStore::purge(Clock::time_point now) const {
    std::erase_if(records_, [&](const Record& r) {
        if (!r.terminatedAt && !policy_->jobReachesTerminalState()) return false;
        auto finished = r.terminatedAt ? *r.terminatedAt : r.spec.deadline;
        if (!policy_->keepsFinishedJobs()) return now >= finished;
        return now > finished + kTimeBeforeRemoval;
    });
}

JobStore::Status JobStore::statusAt(const Record& r, Clock::time_point now) const {
    const auto& spec = r.spec;
    auto total = spec.deadline - spec.submitted;
    auto percentAt = [&](Clock::time_point t) -> std::uint16_t {
        if (total.count() <= 0) return 0;
        auto done = std::clamp<std::int64_t>((t - spec.submitted).count() * 100 / total.count(), 0, 99);
        return static_cast<std::uint16_t>(done);
    };
    Status st;
    st.lastChange = spec.submitted;
    bool terminalReached = now >= spec.deadline && policy_->jobReachesTerminalState();
    if (r.terminatedAt && now >= *r.terminatedAt) {
        st.jobState = kJobTerminated;
        st.percent = percentAt(*r.terminatedAt);
        st.errorDescription = r.terminatedWhy;
        st.lastChange = *r.terminatedAt;
    } else if (terminalReached) {
        st.jobState = spec.fails ? kJobException : kJobCompleted;
        st.percent = 100;
        st.errorCode = spec.fails ? spec.errorCode : 0;
        st.errorDescription = spec.fails ? spec.errorDescription : std::string();
        st.lastChange = spec.deadline;
    } else if (now > spec.submitted) {
        st.jobState = kJobRunning;
        st.percent = percentAt(now);
    }
    return st;
}

Instance JobStore::render(const Record& r, Clock::time_point now) const {
    const auto& spec = r.spec;
    auto wallAt = [&](Clock::time_point t) { return r.submittedWall + (t - spec.submitted); };
    const Status st = statusAt(r, now);
    auto ended = st.jobState == kJobNew || st.jobState == kJobRunning ? now : st.lastChange;

    Instance job(jobClass_);
    auto put = [&](std::string_view name, Value value) {
        if (!jobClassDecl_ || jobClassDecl_->findProperty(name) != nullptr) job.set(name, std::move(value));
    };
    put("InstanceID", Value::string(r.instanceId));
    put("Name", Value::string("RequestStateChange"));
    put("Caption", Value::string("Change the state of " + spec.affected.toRelativeString() + " to " +
                                 std::to_string(spec.requestedState)));
    put("JobState", Value::uint16(st.jobState));
    put("PercentComplete", Value::uint16(st.percent));
    put("ErrorCode", Value::uint16(st.errorCode));
    if (!st.errorDescription.empty()) put("ErrorDescription", Value::string(st.errorDescription));
    put("TimeSubmitted", Value::dateTime(CimDateTime::timestamp(r.submittedWall)));
    put("StartTime", Value::dateTime(CimDateTime::timestamp(r.submittedWall)));
    put("ElapsedTime", Value::dateTime(CimDateTime::interval(
                           std::chrono::duration_cast<std::chrono::microseconds>(ended - spec.submitted))));
    put("TimeOfLastStateChange", Value::dateTime(CimDateTime::timestamp(wallAt(st.lastChange))));
    // CIM_ConcreteJob: the method's OUT parameters and return value, NULL until Completed.
    if (st.jobState == kJobCompleted) {
        Instance out("__JobOutParameters");
        out.set("__ReturnValue", Value::uint32(0));
        put("JobOutParameters", Value::embedded(std::move(out), CimType::Object));
    } else {
        put("JobOutParameters", Value::null(CimType::String));
    }
    put("TimeBeforeRemoval", Value::dateTime(CimDateTime::interval(kTimeBeforeRemoval)));
    put("DeleteOnCompletion", Value::boolean(false));
    put("Cancellable", Value::boolean(false));
    job.setPath(r.path);
    return job;
}

std::optional<Instance> JobStore::find(const ObjectPath& path) const {
    std::lock_guard lock(mutex_);
    auto now = clock_->now();
    purge(now);
    for (const auto& r : records_) {
        if (sameKeys(r.path, path)) return render(r, now);
    }
    return std::nullopt;
}

std::vector<Instance> JobStore::errors(const ObjectPath& path) const {
    std::lock_guard lock(mutex_);
    auto now = clock_->now();
    purge(now);
    for (const auto& r : records_) {
        if (!sameKeys(r.path, path)) continue;
        const Status st = statusAt(r, now);
        if (st.jobState != kJobException && st.jobState != kJobTerminated) return {};
        return {errorOf(r.path, st.jobState == kJobTerminated, st.errorCode, st.errorDescription)};
    }
    throw CimError(CimStatus::NotFound, "no job " + path.toString());
}

std::vector<Instance> JobStore::all() const {
    std::lock_guard lock(mutex_);
    auto now = clock_->now();
    purge(now);
    std::vector<Instance> jobs;
    jobs.reserve(records_.size());
    for (const auto& r : records_) jobs.push_back(render(r, now));
    return jobs;
}

std::vector<std::pair<ObjectPath, ObjectPath>> JobStore::links() const {
    std::lock_guard lock(mutex_);
    purge(clock_->now());
    std::vector<std::pair<ObjectPath, ObjectPath>> result;
    for (const auto& r : records_) result.emplace_back(r.spec.affected, r.path);
    return result;
}

// ---- JobProvider ---------------------------------------------------------------------

Instance JobProvider::getInstance(const ProviderContext&, const ObjectPath& path) {
    if (auto job = store_->find(path)) return *job;
    throw CimError(CimStatus::NotFound, "no job " + path.toString());
}

std::vector<Instance> JobProvider::enumerateInstances(const ProviderContext&, std::string_view) {
    return store_->all();
}

MethodResult JobProvider::invokeMethod(const ProviderContext& ctx, const ObjectPath& target, const MethodDecl& method,
                                       const std::vector<ParamValue>&) {
    const bool all = iequals(method.name, "GetErrors");
    if (!all && !iequals(method.name, "GetError")) {
        throw CimError(CimStatus::MethodNotAvailable,
                       "method " + ctx.targetClass.name + "." + method.name + " is not implemented by the simulation");
    }
    std::vector<Value> errors;
    for (Instance& e : store_->errors(target)) errors.push_back(Value::embedded(std::move(e), CimType::Instance));
    MethodResult result{Value::uint32(0), {}};
    if (all) {
        result.outParameters.push_back(ParamValue{"Errors", Value::array(CimType::Instance, std::move(errors))});
    } else {
        result.outParameters.push_back(
            ParamValue{"Error", errors.empty() ? Value::null(CimType::Instance) : std::move(errors.front())});
    }
    return result;
}

// ---- JobAssociationProvider ----------------------------------------------------------

JobAssociationProvider::JobAssociationProvider(std::shared_ptr<JobStore> store, std::string className,
                                               std::string elementRole, std::string jobRole)
    : store_(std::move(store)),
      className_(std::move(className)),
      elementRole_(std::move(elementRole)),
      jobRole_(std::move(jobRole)) {}

std::vector<Instance> JobAssociationProvider::build() const {
    std::vector<Instance> result;
    for (const auto& [service, job] : store_->links()) {
        Instance link(className_);
        link.set(elementRole_, Value::reference(service));
        link.set(jobRole_, Value::reference(job));
        link.setPath(ObjectPath(
            store_->nameSpace(), className_,
            {KeyBinding{elementRole_, Value::reference(service)}, KeyBinding{jobRole_, Value::reference(job)}}));
        result.push_back(std::move(link));
    }
    return result;
}

Instance JobAssociationProvider::getInstance(const ProviderContext&, const ObjectPath& path) {
    const Value* element = path.key(elementRole_);
    const Value* job = path.key(jobRole_);
    if (element != nullptr && job != nullptr) {
        for (auto& link : build()) {
            if (sameKeys(link.get(elementRole_).asReference(), referenceValue(*element)) &&
                sameKeys(link.get(jobRole_).asReference(), referenceValue(*job))) {
                return link;
            }
        }
    }
    throw CimError(CimStatus::NotFound, "no association " + path.toString());
}

std::vector<Instance> JobAssociationProvider::enumerateInstances(const ProviderContext&, std::string_view) {
    return build();
}

}  // namespace wmimock::services::detail
