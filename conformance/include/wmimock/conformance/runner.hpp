// Running the suite: choose targets, instances and checks; run each check with a timeout
// (and, for plugins, in a child process); stream results; restore the instances.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "wmimock/conformance/result.hpp"

namespace wmimock::conformance {

struct RunOptions {
    std::vector<std::string> targets{"builtin:reference"};  ///< builtin:NAME, plugin:PATH, http(s)://...
    std::vector<std::string> mofFiles;                      ///< extra MOF loaded into built-in targets
    std::vector<std::string> includeDirs;
    std::string nameSpace;                              ///< empty: the target's default
    std::string className;                              ///< empty: the target's default
    std::string instancePath;                           ///< empty: every instance of the class
    std::string filter;                                 ///< glob on "RULE-ID title", e.g. "SS-*"
    std::chrono::duration<double> checkTimeout{10.0};   ///< per check
    std::chrono::duration<double> settleTimeout{30.0};  ///< Settle() bound (target clock)
    std::chrono::duration<double> pollInterval{0.25};
    std::chrono::duration<double> jobTimeout{120.0};  ///< JOB-004 bound (target clock)
    std::optional<std::pair<int, int>> shard;         ///< (index, count), 0-based index
    std::map<std::string, std::string> simOptions;    ///< --sim-option key=value for built-ins
    std::string user, password;                       ///< for http targets
    bool strictStarted = false;                       ///< CON-002 violations fail instead of warn
    bool lenientIdempotency = false;                  ///< SS-008 non-zero without ValueMap -> warn
    /// Process: each target runs in a child process (a crash or hang costs one check, not
    /// the run; timeouts are enforced). InProcess: faster, but a crash ends the run and
    /// checkTimeout is not enforced. Auto: Process where fork() exists.
    enum class Isolation { Auto, InProcess, Process };
    Isolation isolation = Isolation::Auto;
    /// Called as each result is known (from the calling thread).
    std::function<void(const CheckResult&)> onResult;
    /// Polled between checks; returning true stops the run (interrupted = true).
    std::function<bool()> stopRequested;
};

/// A check as the run would execute it (for --list and sharding).
struct PlannedCheck {
    std::string target;
    std::string ruleId;
    std::string title;
    std::string instancePath;
};

/// Runs the suite. Bad options (unknown target, MOF error, no such class) throw
/// CimError(InvalidParameter/NotFound/...) before any check runs.
RunResult run(const RunOptions& options);
std::vector<PlannedCheck> plan(const RunOptions& options);

}  // namespace wmimock::conformance
