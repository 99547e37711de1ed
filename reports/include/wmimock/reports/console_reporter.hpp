// What a person sees while a run goes on: one line per check with its outcome (coloured on
// a terminal, with a [done/total] counter when the total is known), then a totals line.
// Quiet mode, for CI logs, prints only the checks that did not pass and the totals. On a
// terminal, a check that runs longer than two seconds gets a live line saying so
// ("running SS-002 on Name=Alpha (12 s)"), replaced by the next result.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdio>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>

#include "wmimock/conformance/result.hpp"

namespace wmimock::reports {

struct ConsoleOptions {
    bool color = false;
    bool quiet = false;
    std::size_t expectedChecks = 0;  ///< 0: unknown, no progress counter
    /// The live "running ..." line (a terminal only: it rewrites itself with \r).
    bool liveIndicator = false;
    std::chrono::milliseconds indicatorAfter{2000};  ///< how long a check runs before it shows
};

/// True if `stream` is a terminal and the environment does not ask for no colour
/// (NO_COLOR set, TERM=dumb).
bool wantsColor(std::FILE* stream) noexcept;

class ConsoleReporter {
public:
    ConsoleReporter(std::ostream& out, ConsoleOptions options);
    ~ConsoleReporter();
    ConsoleReporter(const ConsoleReporter&) = delete;
    ConsoleReporter& operator=(const ConsoleReporter&) = delete;

    /// A check begins: the live line shows it once it has run for indicatorAfter.
    void onCheckStarted(const std::string& ruleId, const std::string& instancePath);
    void onResult(const conformance::CheckResult& result);
    void onFinish(const conformance::RunResult& run);

private:
    void tick(std::stop_token stop);
    void clearLiveLineLocked();

    std::mutex mutex_;
    std::condition_variable_any wake_;
    std::ostream& out_;
    ConsoleOptions options_;
    std::size_t done_ = 0;
    std::string running_;  ///< "SS-002 on Name=Alpha"; empty between checks
    std::chrono::steady_clock::time_point runningSince_;
    bool liveLineShown_ = false;
    std::jthread ticker_;  ///< last: stopped and joined before the members it reads go
};

/// The checks that failed, errored, timed out or crashed, one line each (rule, target and
/// instance, reason), and a --filter ready to paste to re-run just those; empty when none.
std::string failureRecap(const conformance::RunResult& run);

/// "12 of 12 planned checks: 9 passed, 1 warning, 1 not supported, 1 failed in 0.042 s"
/// (zero counts of the rarer outcomes left out).
std::string totalsLine(const conformance::RunResult& run);

}  // namespace wmimock::reports
