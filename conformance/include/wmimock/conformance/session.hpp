// One target, one class, its instances: the in-process engine under run(), the isolated
// runner's child and the GoogleTest adapter. Records each instance's state when it starts
// and puts every instance back on restore().
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "wmimock/cim/object_path.hpp"
#include "wmimock/conformance/checks.hpp"
#include "wmimock/conformance/result.hpp"
#include "wmimock/conformance/target.hpp"

namespace wmimock::conformance {

/// The knobs a check reads (bounded waits on the target's clock, verdict switches, sizes).
struct CheckSettings {
    std::chrono::duration<double> settleTimeout{30.0};
    std::chrono::duration<double> pollInterval{0.25};
    std::chrono::duration<double> jobTimeout{120.0};
    /// JOB-006: how long after its end a finished job is read again (catalog: min(10 s,
    /// TimeBeforeRemoval / 2)).
    std::chrono::duration<double> retentionWait{10.0};
    bool strictStarted = false;
    bool lenientIdempotency = false;
    int parallelCalls = 8;    ///< CONC-001/003: concurrent calls
    int racePairs = 4;        ///< CONC-004: (stop, start) pairs
    int raceRounds = 3;       ///< CONC-004: races run, each from running (a race may not show at once)
    int repeatedStops = 100;  ///< CONC-005: sequential stops
};

struct SessionOptions {
    std::string nameSpace;     ///< empty: target.defaultNamespace()
    std::string className;     ///< empty: target.defaultClass()
    std::string instancePath;  ///< empty: every instance of the class
    CheckSettings settings;
};

class Session {
public:
    /// Resolves the class and instances and records their state. Throws CimError
    /// (NotFound: no such class / instance; InvalidParameter: bad instance path).
    Session(Target& target, SessionOptions options);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    Target& target() noexcept;
    const std::string& nameSpace() const noexcept;
    const std::string& className() const noexcept;
    /// The instances under test, sorted by path so that plans are deterministic.
    const std::vector<ObjectPath>& instances() const noexcept;

    /// `listener` hears each call and wait of the checks and restores before it starts
    /// ("InvokeMethod StopService on ...", "Settle toward running, up to 30 s"): the isolated
    /// runner's watchdog measures silence from it and names it when a check times out.
    void onActivity(std::function<void(std::string_view)> listener);

    /// Runs one check on one instance. Never throws: harness problems become Outcome::Error.
    CheckResult run(const CheckInfo& check, const ObjectPath& instance);

    /// Brings every instance back to the state recorded at construction (stopping before
    /// starting, so dependencies resolve). Returns one note per instance it could not
    /// restore; empty when all are back.
    std::vector<std::string> restore();

    /// The recorded initial states, and a way to use ones recorded by an earlier session on
    /// the same implementation (the isolated runner restarts children after a crash).
    struct InitialState {
        std::string path;
        bool running = false;
        bool known = false;
    };
    std::vector<InitialState> initialStates() const;
    void setInitialStates(const std::vector<InitialState>& states);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace wmimock::conformance
