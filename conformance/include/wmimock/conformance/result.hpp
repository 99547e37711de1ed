// What a conformance run produces; every report writer reads this model only.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "wmimock/conformance/rule.hpp"

namespace wmimock::conformance {

/// Outcomes as conformance suites distinguish them (see docs and the JUnit mapping).
enum class Outcome {
    Pass,
    Warning,       ///< a SHOULD is not met (or a tolerated deviation)
    NotSupported,  ///< the implementation declines as the rules allow -> JUnit <skipped>
    Fail,          ///< the rule is broken
    Error,         ///< the harness could not run the check
    Timeout,       ///< the implementation hung past the check's timeout
    Crash,         ///< the implementation killed the process running the check
};
std::string_view toString(Outcome outcome) noexcept;  // "pass", "warning", "not-supported", ...
/// Fail, Error, Timeout and Crash make a run fail (exit code 1).
bool isFailure(Outcome outcome) noexcept;

/// A CIM status code outside DSP0200's list, as the target answered it (catalog ERR-011).
struct UndefinedStatus {
    std::uint32_t code = 0;
    std::string call;  ///< "InvokeMethod StopService on root/cimv2:X.Name=\"a\""
};

struct CheckResult {
    std::string ruleId;  ///< "SS-001"
    std::string title;   ///< short title of the check (a rule may have several checks)
    Level level = Level::Must;
    std::string ruleSource;
    Outcome outcome = Outcome::Pass;
    std::string message;                ///< one line: why this outcome
    std::string expected;               ///< for failures: what the rule wanted
    std::string actual;                 ///< for failures: what happened
    std::vector<std::string> evidence;  ///< calls made, return values, snapshots before/after
    std::vector<std::string> log;       ///< log lines of the check
    std::chrono::duration<double> duration{0};

    std::string target;        ///< "builtin:reference", "plugin:/path/x.so", "http://..."
    std::string nameSpace;     ///< "root/cimv2"
    std::string className;     ///< "WMIMock_Service"
    std::string instancePath;  ///< the instance tested
    std::string sourceFile;    ///< check source, for file/line annotations
    int sourceLine = 0;
    /// Undefined status codes the target answered during this check; ERR-011 reports them.
    std::vector<UndefinedStatus> undefinedStatuses;
};

struct RunSummary {
    std::size_t planned = 0;  ///< results the run planned to report (>= total when complete)
    std::size_t total = 0, passed = 0, warnings = 0, notSupported = 0, failed = 0, errors = 0, timeouts = 0,
                crashes = 0;
};

struct RunResult {
    std::vector<CheckResult> results;
    std::chrono::system_clock::time_point started;
    std::chrono::duration<double> duration{0};
    bool interrupted = false;        ///< stopped by SIGINT/SIGTERM before the end
    std::vector<std::string> notes;  ///< e.g. "target X: a new worker carried on after ..."
    /// The (check, instance) pairs the run planned, plus one per target that could not be
    /// opened or had nothing to test. Catalog §0.3 Rev. 2: each yields exactly one result.
    std::size_t planned = 0;

    RunSummary summary() const;
    /// No result with isFailure(outcome), and no planned result missing.
    bool passed() const;
};

}  // namespace wmimock::conformance
