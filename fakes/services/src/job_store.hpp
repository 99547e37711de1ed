// Jobs of asynchronous state changes (RequestStateChange -> 4096). A job's progress is a
// pure function of the clock: New at submission, Running while the transition runs,
// Completed (or Exception) at its deadline, so simulated time alone moves it and a reader
// never sees it go backwards. Jobs are kept for TimeBeforeRemoval after they finish.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "fault_policy.hpp"
#include "wmimock/cim/clock.hpp"
#include "wmimock/cim/object_path.hpp"
#include "wmimock/cimom/provider.hpp"

namespace wmimock::services::detail {

struct JobSpec {
    ObjectPath affected;  ///< the service the job works on
    std::uint16_t requestedState = 0;
    Clock::time_point submitted;
    Clock::time_point deadline;   ///< when it reaches its terminal state
    bool fails = false;           ///< ends in Exception instead of Completed
    std::uint16_t errorCode = 0;  ///< for a failing job
    std::string errorDescription;
};

class JobStore {
public:
    JobStore(std::string nameSpace, std::string jobClass, std::string idPrefix, std::shared_ptr<Clock> clock,
             std::shared_ptr<FaultPolicy> policy, ClassPtr jobClassDecl);

    /// Registers a job; returns its path (InstanceID "<prefix><n>", unique per store).
    ObjectPath submit(const JobSpec& spec);
    /// Ends a job that a later request superseded: Terminated, with a description.
    void terminate(const ObjectPath& job, std::string_view why);

    std::optional<Instance> find(const ObjectPath& path) const;
    /// What GetErrors answers for a job: one CIM_Error for a job that ended in Exception or
    /// was Terminated, none otherwise. Throws CimError(NotFound) for an unknown job.
    std::vector<Instance> errors(const ObjectPath& path) const;
    std::vector<Instance> all() const;
    /// (service, job) pairs for the association providers.
    std::vector<std::pair<ObjectPath, ObjectPath>> links() const;

    const std::string& jobClass() const noexcept { return jobClass_; }
    const std::string& nameSpace() const noexcept { return nameSpace_; }

    static constexpr std::chrono::minutes kTimeBeforeRemoval{5};

private:
    struct Record {
        std::string instanceId;
        ObjectPath path;
        JobSpec spec;
        std::chrono::system_clock::time_point submittedWall;
        std::optional<Clock::time_point> terminatedAt;
        std::string terminatedWhy;
    };
    /// Where a job stands at `now`: a pure function of its record and the clock.
    struct Status {
        std::uint16_t jobState = 2;  ///< New
        std::uint16_t percent = 0;
        std::uint16_t errorCode = 0;
        std::string errorDescription;
        Clock::time_point lastChange;
    };
    Status statusAt(const Record& record, Clock::time_point now) const;
    Instance render(const Record& record, Clock::time_point now) const;
    void purge(Clock::time_point now) const;  // drops jobs past TimeBeforeRemoval

    std::string nameSpace_, jobClass_, idPrefix_;
    std::shared_ptr<Clock> clock_;
    std::shared_ptr<FaultPolicy> policy_;
    ClassPtr jobClassDecl_;
    mutable std::mutex mutex_;
    mutable std::vector<Record> records_;
    std::uint64_t nextId_ = 1;
};

/// Serves the job class from a JobStore, and its GetErrors / GetError methods.
class JobProvider final : public InstanceProvider, public MethodProvider {
public:
    explicit JobProvider(std::shared_ptr<JobStore> store) : store_(std::move(store)) {}
    Instance getInstance(const ProviderContext& ctx, const ObjectPath& path) override;
    std::vector<Instance> enumerateInstances(const ProviderContext& ctx, std::string_view className) override;
    MethodResult invokeMethod(const ProviderContext& ctx, const ObjectPath& target, const MethodDecl& method,
                              const std::vector<ParamValue>& in) override;

private:
    std::shared_ptr<JobStore> store_;
};

/// Serves CIM_AffectedJobElement- or CIM_OwningJobElement-like associations between each
/// job and its service, computed from the store.
class JobAssociationProvider final : public InstanceProvider {
public:
    /// `elementRole`/`jobRole`: the reference property names, e.g. "AffectedElement" and
    /// "AffectingElement".
    JobAssociationProvider(std::shared_ptr<JobStore> store, std::string className, std::string elementRole,
                           std::string jobRole);
    Instance getInstance(const ProviderContext& ctx, const ObjectPath& path) override;
    std::vector<Instance> enumerateInstances(const ProviderContext& ctx, std::string_view className) override;

private:
    std::vector<Instance> build() const;
    std::shared_ptr<JobStore> store_;
    std::string className_, elementRole_, jobRole_;
};

/// The path a REF value holds (a Reference, or a string spelling a path).
ObjectPath referenceValue(const Value& value);

/// A canonical text of a path's keys (names lower-cased and sorted), for lookups.
std::string pathKey(const ObjectPath& path);

/// Keys of two paths equal, ignoring host, namespace and class name spelling.
bool sameKeys(const ObjectPath& a, const ObjectPath& b);

}  // namespace wmimock::services::detail
