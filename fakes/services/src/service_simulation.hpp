// The state machine behind every built-in simulation: one record per service instance,
// state changes that take `transition` on the simulation's clock, and jobs for
// asynchronous requests. Time moves only through the clock: every read or call first
// settles a transition whose deadline has passed, so no background thread exists and a
// ManualClock makes every test deterministic.
//
// It is both the instance provider and the method provider of the flavour's service
// class. Calls on one instance serialize on that instance's mutex (CONC-006).
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "fault_policy.hpp"
#include "flavour_profile.hpp"
#include "job_store.hpp"
#include "service_method.hpp"
#include "simulation_settings.hpp"
#include "wmimock/cim/clock.hpp"
#include "wmimock/cimom/cimom.hpp"
#include "wmimock/cimom/provider.hpp"

namespace wmimock::services::detail {

class ServiceSimulation final : public InstanceProvider,
                                public MethodProvider,
                                public std::enable_shared_from_this<ServiceSimulation> {
public:
    /// `settingTargets`: WMIMock_SimulationSetting.Target values to read knobs from, most
    /// specific first (e.g. {"faulty-throws", "reference"}); `options` override them.
    ServiceSimulation(const FlavourProfile& profile, std::shared_ptr<Clock> clock, std::shared_ptr<FaultPolicy> policy,
                      std::vector<std::string> settingTargets, SimulationOptions options);

    /// Takes over the flavour's service instances from the CIMOM's static store and
    /// registers the service, job and job-association providers. Throws CimError
    /// (NotFound if the flavour's class is missing, InvalidParameter for bad knobs).
    void attach(Cimom& cimom);

    // InstanceProvider
    Instance getInstance(const ProviderContext& ctx, const ObjectPath& path) override;
    std::vector<Instance> enumerateInstances(const ProviderContext& ctx, std::string_view className) override;
    void modifyInstance(const ProviderContext& ctx, const Instance& instance,
                        const PropertyList& propertyList) override;

    // MethodProvider
    MethodResult invokeMethod(const ProviderContext& ctx, const ObjectPath& target, const MethodDecl& method,
                              const std::vector<ParamValue>& in) override;
    bool checksInParameters() const noexcept override { return !profile_.rawParameters; }

    const FlavourProfile& profile() const noexcept { return profile_; }
    /// The knobs in force (as of the last call).
    SimulationSettings settings() const;
    std::shared_ptr<JobStore> jobs() const noexcept { return jobs_; }
    std::vector<ObjectPath> servicePaths() const;
    /// Puts a service back exactly as `snapshot` shows it, dropping a running transition
    /// (for harnesses that compare runs from one starting state). Throws NotFound.
    void restore(const Instance& snapshot);

private:
    struct Pending {
        std::uint16_t target = 0;
        ServiceMethod origin = ServiceMethod::StopService;
        Clock::time_point deadline;
        bool fails = false;
        std::uint16_t fromEnabled = 0;
        bool fromStarted = false;
        Value fromRequested;
        std::optional<ObjectPath> job;
    };
    struct Record {
        std::mutex mutex;
        Instance instance;
        std::string key;
        std::vector<std::string> classChain;  ///< own class first, then superclasses
        std::set<std::uint16_t> supportedStates;
        std::optional<Pending> pending;
        std::optional<std::chrono::system_clock::time_point> lastStamp;
        std::atomic<bool> started{false};  ///< read without the lock by dependency checks
        std::vector<Record*> dependants;   ///< services that need this one running
        std::uint32_t processId = 0;       ///< win32: restored on start
    };
    using Lock = std::unique_lock<std::mutex>;

    Record* find(const ObjectPath& path) const;
    std::optional<Answer> missingInstanceAnswer(const ProviderContext& ctx, const ObjectPath& path,
                                                const CallView& view) const;
    [[noreturn]] void throwMissing(const ProviderContext& ctx, const ObjectPath& path) const;
    void applyLatency(Clock& clock) const;
    void refreshSettings(CimClient& cimom);
    SimulationSettings computeSettings(CimClient& cimom) const;
    bool drawFailure();

    Answer stop(Record& rec, const CallView& view);
    Answer start(Record& rec, const CallView& view);
    Answer requestStateChange(Record& rec, const std::vector<ParamValue>& in, const CallView& view,
                              std::optional<ObjectPath>& job);

    /// The state the record is at or heading to: 2 (running) or 3 (stopped).
    std::uint16_t heading(const Record& rec) const;
    void settle(Record& rec);
    /// Starts (or, with no transition time, performs) a change; returns the job if any.
    std::optional<ObjectPath> begin(Record& rec, std::uint16_t target, ServiceMethod origin, bool fails, bool withJob);
    void complete(Record& rec, const Pending& p, Clock::time_point at);
    void setStarted(Record& rec, bool started);
    void setEnabledState(Record& rec, std::uint16_t value, std::chrono::system_clock::time_point when);
    /// A new TimeOfLastStateChange (what a real change of EnabledState records).
    void stampStateChange(Record& rec, std::chrono::system_clock::time_point when);
    void refreshAvailableStates(Record& rec);
    std::chrono::system_clock::time_point wallAt(Clock::time_point t) const;
    bool anyDependantRunning(const Record& rec) const;

    const FlavourProfile& profile_;
    std::shared_ptr<Clock> clock_;
    std::shared_ptr<FaultPolicy> policy_;
    std::vector<std::string> settingTargets_;
    SimulationOptions options_;
    std::string nameSpace_;

    mutable std::mutex settingsMutex_;
    SimulationSettings settings_;
    std::mt19937_64 random_;
    std::uint64_t seededWith_ = 0;

    std::vector<std::unique_ptr<Record>> records_;
    std::unordered_map<std::string, Record*> byKey_;
    std::shared_ptr<JobStore> jobs_;
};

}  // namespace wmimock::services::detail
