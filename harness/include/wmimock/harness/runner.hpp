// Running the suite: choose targets, instances and checks; run each check with a timeout
// (and, for built-ins and plugins, in a child process); stream results; restore the instances.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "wmimock/conformance/result.hpp"
#include "wmimock/conformance/session.hpp"
#include "wmimock/harness/targets.hpp"

namespace wmimock::harness {

/// A check as the run would execute it (for --list and sharding).
struct PlannedCheck {
    std::string target;
    std::string ruleId;
    std::string title;
    std::string instancePath;
};

struct RunOptions {
    std::vector<std::string> targets{"builtin:reference"};  ///< builtin:NAME, plugin:PATH, http(s)://...
    TargetOptions target;                                   ///< how each target is opened
    /// Namespace, class and instance under test (empty: the target's defaults) and the
    /// settings the checks read (waits, verdict switches).
    conformance::SessionOptions session;
    std::string filter;   ///< GoogleTest-style patterns (conformance/check_filter.hpp), e.g. "SS-*:-SS-002"
    std::string exclude;  ///< more negative patterns, e.g. "CONC-*"
    std::chrono::duration<double> checkTimeout{10.0};  ///< per check
    std::optional<std::pair<int, int>> shard;          ///< (index, count), 0-based index
    /// Process: each target runs in a child process (a crash or hang costs one check, not
    /// the run; timeouts are enforced). InProcess: faster, but a crash ends the run and
    /// checkTimeout is not enforced. Auto: Process where fork() exists.
    enum class Isolation { Auto, InProcess, Process };
    Isolation isolation = Isolation::Auto;
    /// Called as each result is known (from the calling thread).
    std::function<void(const conformance::CheckResult&)> onResult;
    /// Called as each check begins (target, rule, title, instance), from the calling thread,
    /// for progress displays.
    std::function<void(const PlannedCheck&)> onCheckStarted;
    /// Polled between checks; returning true stops the run (interrupted = true).
    std::function<bool()> stopRequested;
};

/// Runs the suite. Bad options (unknown target, MOF error, a filter that selects no check,
/// the user's --class missing) throw CimError(InvalidParameter/NotFound/...) before any
/// check runs; a target that cannot be opened is an ERROR result of its own.
conformance::RunResult run(const RunOptions& options);
std::vector<PlannedCheck> plan(const RunOptions& options);

}  // namespace wmimock::harness
