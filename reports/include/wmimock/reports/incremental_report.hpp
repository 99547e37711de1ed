// Keeps report files valid while a run is in progress: the writers are called again with the
// results so far as checks finish, so a run that is killed leaves complete reports of the
// checks that finished (an interrupted run writes everything at the end anyway). Writers are
// expected to replace their file atomically (writeReport does for regular files, with an
// fsync). Rewriting after every check makes a run quadratic in report bytes and costs a few
// milliseconds of fsync per check, so a policy can spread the rewrites out in time; a
// background flush then writes results still pending once the interval has passed, so the
// files hold every finished check within one interval of its end, also while a later check
// hangs.
// Thread-safe: results may arrive from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "wmimock/conformance/result.hpp"

namespace wmimock::reports {

/// When the reports are rewritten during a run.
struct RewritePolicy {
    /// Rewrite once this long has passed since the last write; zero: after every check.
    std::chrono::milliseconds interval{0};
    /// Also rewrite at once after a check that crashed or timed out, whatever the interval:
    /// those are the results a killed CI job must not lose.
    bool atOnceAfterCrashOrTimeout = true;
};

class IncrementalReport {
public:
    using Writer = std::function<void(const conformance::RunResult&)>;

    explicit IncrementalReport(std::chrono::system_clock::time_point started, RewritePolicy policy = {});
    ~IncrementalReport();
    IncrementalReport(const IncrementalReport&) = delete;
    IncrementalReport& operator=(const IncrementalReport&) = delete;

    /// Registers a writer that is rewritten during the run; it is called at once with the
    /// (empty) run so far, so that even a run that dies before its first check leaves a
    /// valid file.
    void addWriter(Writer writer);
    /// Registers a writer called once, by finish(): standard output, a pipe or a device,
    /// which cannot take the report several times over.
    void addFinalWriter(Writer writer);

    /// Records a finished check; rewrites as the policy says.
    void add(const conformance::CheckResult& result);

    /// Rewrites with the final result (its notes, duration, interrupted flag), then calls
    /// the final writers. Every writer is tried; the first error is rethrown afterwards.
    void finish(const conformance::RunResult& run);

    /// The results so far, with the duration measured until now.
    conformance::RunResult snapshot() const;

private:
    void writeAllLocked(const conformance::RunResult& run);
    void flushLoop(std::stop_token stop);
    /// fork() handlers (pthread_atfork): the flushing thread does all its work, allocations
    /// included, under mutex_, so holding every live report's mutex across fork() keeps the
    /// child (the runner's isolated worker) from inheriting an allocator lock that thread held.
    static void lockAllForFork() noexcept;
    static void unlockAllAfterFork() noexcept;

    mutable std::mutex mutex_;
    std::condition_variable_any pending_;
    conformance::RunResult partial_;
    std::chrono::steady_clock::time_point startedSteady_;
    RewritePolicy policy_;
    std::chrono::steady_clock::time_point lastWrite_;
    bool dirty_ = false;  ///< results added since the last write
    std::atomic<bool> flusherStarted_{false};
    std::vector<Writer> writers_;
    std::vector<Writer> finalWriters_;
    std::jthread flusher_;  ///< last: stopped and joined before the members it uses go
};

}  // namespace wmimock::reports
