// One target run in worker processes: a worker opens the target, sends its plan and runs
// the items, streaming results (child_protocol.hpp). The parent watches each check: a call
// or wait that stays silent for the check timeout, or a check that runs past ten times it,
// is stopped. When a worker hangs or dies, the check in flight gets TIMEOUT (naming the call
// in flight) or CRASH and a new worker carries on with the next item, so every planned item
// gets exactly one result.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "activity_board.hpp"
#include "child_process.hpp"
#include "child_protocol.hpp"
#include "run_context.hpp"
#include "wmimock/conformance/session.hpp"
#include "wmimock/conformance/target.hpp"

namespace wmimock::harness {

class IsolatedTarget {
public:
    using Duration = std::chrono::steady_clock::duration;

    /// `prebuilt`: a target and session opened here already (built-ins: every worker forks
    /// a pristine copy); null: each worker opens `spec` itself (plugins, remote servers).
    IsolatedTarget(RunContext& run, std::string spec, Duration checkTimeout,
                   std::unique_ptr<conformance::Target> prebuilt = nullptr);

    /// Runs the target's items of this shard. Throws CimError for bad usage found while
    /// opening it (no such class or namespace).
    void run();
    /// Only learns the plan (for `conform --list`).
    std::optional<TargetPlan> plan();

private:
    enum class WorkerEnd { Finished, Relaunch, GiveUp };

    WorkerEnd runWorker(bool planOnly);
    void workerBody(ChildChannel& channel, bool planOnly, std::size_t from);

    // Parent-side handlers, one per message, and for the two ways a worker fails.
    void on(const child::Plan& m);
    void on(const child::Begin& m);
    void on(const child::Result& m);
    void on(const child::Note& m);
    void on(const child::Fatal& m);
    void on(const child::Done& m);
    /// When the watchdog stops the current worker, given the activity seen so far.
    std::chrono::steady_clock::time_point deadline();
    WorkerEnd onSilence();
    WorkerEnd onExit(const std::string& how);
    /// After a worker ended early: where the next worker starts, or GiveUp.
    WorkerEnd carryOn(std::string why);
    void reportRemaining(conformance::Outcome outcome, const std::string& why);
    void report(std::size_t item, conformance::CheckResult result);
    std::optional<std::size_t> firstUnreported() const;

    RunContext& run_;
    std::string spec_;
    Duration checkTimeout_;
    Duration setupTimeout_;
    std::unique_ptr<conformance::Target> prebuiltTarget_;
    std::unique_ptr<conformance::Session> prebuiltSession_;

    std::optional<TargetPlan> plan_;
    std::optional<std::vector<conformance::Session::InitialState>> initial_;
    std::set<std::size_t> reported_;
    std::size_t from_ = 0;

    // The current worker. `lastActivity_`: when the posts on the board last moved.
    ActivityBoard board_;
    std::optional<std::size_t> inProgress_;
    std::chrono::steady_clock::time_point itemStarted_, phaseDeadline_, lastActivity_;
    std::uint64_t postsSeen_ = 0, postsAtBegin_ = 0;
    std::size_t reportedByWorker_ = 0;
    bool done_ = false;
    bool fatal_ = false;
};

}  // namespace wmimock::harness
