// The gallery's provider kit: a CIM_Service provider on the real clock, correct by default,
// that each gallery plugin specialises with one bug a provider developer really makes (or
// with one unusual but correct behaviour). It is written apart from the built-in simulations
// on purpose: the gallery judges the suite on code the checks were not tailored to.
//
// A service has a settled state (running or stopped) and, while it moves, a transition with
// an end time: EnabledState reads 4 (stopping) or 10 (starting) until then. With
// `Settings::jobs`, RequestStateChange answers 4096 with a CIM_ConcreteJob that completes
// when the transition ends. Everything is computed from the clock when read, so no thread
// runs behind the suite's back.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <wmimock/cimom/provider.hpp>
#include <wmimock/conformance/plugin.hpp>

namespace gallery {

using TimePoint = std::chrono::system_clock::time_point;
using std::chrono::milliseconds;

/// How instances read: a DMTF element (EnabledState and friends) or a Windows-like
/// Win32_Service (State, StartMode "Auto", no EnabledState).
enum class Style { Dmtf, Win32 };

struct Settings {
    std::string nameSpace = "root/gallery";
    std::string className = "Gallery_Service";
    /// MOF declaring `className` (empty: `class <className> : CIM_Service {};`).
    std::string classMof;
    /// The services and whether each runs at load.
    std::vector<std::pair<std::string, bool>> services{{"alpha", true}};
    /// RequestedStatesSupported of each service's capabilities; nullopt: no capabilities.
    std::optional<std::vector<std::uint16_t>> requestedStatesSupported = std::vector<std::uint16_t>{2, 3};
    Style style = Style::Dmtf;
    /// How long a change takes (EnabledState 4/10 meanwhile); 0: synchronous.
    milliseconds transition{0};
    /// RequestStateChange answers 4096 with a job instead of 0 (Hyper-V's way).
    bool jobs = false;
    /// RequestedState is reported (12 "Not Applicable" otherwise, as when it is not tracked).
    bool tracksRequestedState = true;
    /// Dependencies, dependent -> antecedent, published as CIM_ServiceServiceDependency. A
    /// service does not stop while one that needs it runs (StopService 3, RequestStateChange
    /// 4097), nor start while one it needs is stopped (StartService 4, RequestStateChange 4097).
    std::map<std::string, std::string> needs;
    /// false: the CIMOM hands parameters over as sent, unchecked against the declaration
    /// (OpenPegasus's dispatcher does so for typed values); the kit's default hooks then check
    /// them themselves, as such a provider must.
    bool checksInParameters = true;
};

/// Hyper-V style: one management service whose RequestStateChange answers 4096 with a job
/// that completes after 150 ms.
Settings hyperVStyle();
/// Two services, "web" needing "db" (both running).
Settings webNeedsDatabase();
/// Default settings, but parameters reach the provider unchecked (Settings::checksInParameters).
Settings uncheckedParameters();

struct ServiceState {
    std::string name;
    bool running = false;                 ///< settled state
    std::optional<bool> heading;          ///< a transition toward running (true) or stopped
    TimePoint transitionEnds;             ///< when `heading` becomes the settled state
    bool started = false;                 ///< the Started property as stored
    std::uint16_t requestedState = 12;    ///< the RequestedState property as stored
    std::uint16_t enabledDefault = 2;     ///< EnabledDefault
    std::string startMode = "Automatic";  ///< StartMode (Win32 style: "Auto")
    TimePoint lastChange;                 ///< TimeOfLastStateChange
};

struct Job {
    std::string id;
    std::string service;
    bool toRunning = false;
    std::uint16_t requested = 0;
    TimePoint started;
    TimePoint ends;
    std::uint16_t state = 4;  ///< 4 Running, 7 Completed, 10 Exception
    std::optional<std::uint16_t> errorCode;
    std::string errorDescription;
    /// Ends in Exception (10): the service goes back to where it was, RequestedState too.
    bool fails = false;
    std::uint16_t previousRequested = 12;
};

/// One call of a service method, as the hooks see it.
struct Call {
    const wmimock::ProviderContext& ctx;
    const wmimock::ObjectPath& target;
    ServiceState& service;
    const std::vector<wmimock::ParamValue>& in;
    TimePoint now;
    wmimock::MethodResult result;                  ///< out-parameters the hook adds (return value set by the kit)
    std::unique_lock<std::recursive_mutex>& lock;  ///< the provider's lock, held during the hook

    /// The IN parameter or nullptr (names compare without case, as CIM names do).
    const wmimock::Value* param(std::string_view name) const;
    /// Waits with the provider's lock released, as a provider does while it waits for the
    /// system it manages (other calls may change the state meanwhile).
    void waitUnlocked(milliseconds length);
};

class GalleryProvider : public wmimock::InstanceProvider, public wmimock::MethodProvider {
public:
    explicit GalleryProvider(Settings settings);

    const Settings& settings() const { return settings_; }
    /// The MOF the plugin loads: classes, capabilities and their associations.
    std::string mof() const;
    std::string jobClass() const { return "Gallery_ConcreteJob"; }

    wmimock::Instance getInstance(const wmimock::ProviderContext& ctx, const wmimock::ObjectPath& path) final;
    std::vector<wmimock::Instance> enumerateInstances(const wmimock::ProviderContext& ctx,
                                                      std::string_view className) final;
    wmimock::MethodResult invokeMethod(const wmimock::ProviderContext& ctx, const wmimock::ObjectPath& target,
                                       const wmimock::MethodDecl& method,
                                       const std::vector<wmimock::ParamValue>& in) final;
    bool checksInParameters() const noexcept final { return settings_.checksInParameters; }

protected:
    // Hooks, called with the provider's lock held, after pending transitions were settled.
    // Each returns the method's return value; the defaults are correct.
    virtual std::uint32_t stopService(Call& call);
    virtual std::uint32_t startService(Call& call);
    virtual std::uint32_t requestStateChange(Call& call);
    /// Fills the properties of a service instance (keys are set by the kit).
    virtual void describe(wmimock::Instance& out, const ServiceState& s, TimePoint now) const;
    virtual void describeJob(wmimock::Instance& out, const Job& job, TimePoint now) const;
    /// The service a path names; CIM_ERR_NOT_FOUND (thrown) when none.
    virtual ServiceState& find(const wmimock::ObjectPath& path);
    /// Jobs the provider still shows; the default keeps them for TimeBeforeRemoval (5 min).
    virtual bool jobVisible(const Job& job, TimePoint now) const;
    /// Called when a transition ends (the service takes its new state).
    virtual void settle(ServiceState& s, TimePoint when);

    // Helpers for hooks.
    /// Moves the service toward `running`, recording `requested`: at once, through a
    /// transition, or (withJob) as a job whose reference goes to the Job out-parameter.
    /// Returns 0, or 4096 when a job was made.
    std::uint32_t change(Call& call, bool running, std::uint16_t requested, bool withJob);
    /// The RequestStateChange validation every correct provider does; nullopt when the
    /// request may go ahead, else the code to return (a CIM error is thrown for a missing,
    /// repeated or ill-typed RequestedState).
    std::optional<std::uint32_t> refuse(const Call& call) const;
    /// With unchecked parameters: StopService and StartService take none
    /// (CIM_ERR_INVALID_PARAMETER otherwise).
    void refuseParameters(const Call& call) const;
    bool supported(std::uint64_t state) const;
    /// The goal state of the service: where it is heading, or where it is.
    static bool goal(const ServiceState& s) { return s.heading.value_or(s.running); }
    wmimock::ObjectPath pathOf(const ServiceState& s) const;
    wmimock::ObjectPath jobPath(const Job& job) const;
    void advance(TimePoint now);
    /// Whether a service that needs `name` runs or is starting (Settings::needs).
    bool dependentRuns(const std::string& name) const;
    /// Whether a service `name` needs is stopped or stopping (Settings::needs).
    bool antecedentStopped(const std::string& name) const;

    Settings settings_;
    std::map<std::string, ServiceState> services_;
    std::vector<Job> jobs_;
    int nextJob_ = 1;
    mutable std::recursive_mutex mutex_;  // the suite calls from several threads
};

/// `text` as a MOF string literal's contents (quotes and backslashes escaped).
std::string mofQuoted(std::string_view text);

/// Loads the provider's MOF and registers it for its class and its job class.
void registerGallery(wmimock::plugin::Registrar& registrar, std::shared_ptr<GalleryProvider> provider);

}  // namespace gallery

/// The plugin entry points for a gallery provider type (default-constructible).
#define GALLERY_PLUGIN(Type)                                             \
    static void galleryRegister(wmimock::plugin::Registrar& registrar) { \
        gallery::registerGallery(registrar, std::make_shared<Type>());   \
    }                                                                    \
    WMIMOCK_PLUGIN(galleryRegister)
