// What a person sees while a run goes on: one line per check with its outcome (coloured on
// a terminal, with a [done/total] counter when the total is known), then a totals line.
// Quiet mode, for CI logs, prints only the checks that did not pass and the totals.
#pragma once

#include <cstddef>
#include <cstdio>
#include <mutex>
#include <ostream>
#include <string>

#include "wmimock/conformance/result.hpp"

namespace wmimock::reports {

struct ConsoleOptions {
    bool color = false;
    bool quiet = false;
    std::size_t expectedChecks = 0;  ///< 0: unknown, no progress counter
};

/// True if `stream` is a terminal and the environment does not ask for no colour
/// (NO_COLOR set, TERM=dumb).
bool wantsColor(std::FILE* stream) noexcept;

class ConsoleReporter {
public:
    ConsoleReporter(std::ostream& out, ConsoleOptions options);

    void onResult(const conformance::CheckResult& result);
    void onFinish(const conformance::RunResult& run);

private:
    std::mutex mutex_;
    std::ostream& out_;
    ConsoleOptions options_;
    std::size_t done_ = 0;
};

/// The checks that failed, errored, timed out or crashed, one line each (rule, target and
/// instance, reason), and a --filter ready to paste to re-run just those; empty when none.
std::string failureRecap(const conformance::RunResult& run);

/// "12 of 12 planned checks: 9 passed, 1 warning, 1 not supported, 1 failed in 0.042 s"
/// (zero counts of the rarer outcomes left out).
std::string totalsLine(const conformance::RunResult& run);

}  // namespace wmimock::reports
