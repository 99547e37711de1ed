// What every target of a run shares: the selected checks, the shard, the results so far,
// and the loop that runs a plan's items on a session (in this process or in a worker).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "target_plan.hpp"
#include "wmimock/conformance/checks.hpp"
#include "wmimock/conformance/result.hpp"
#include "wmimock/conformance/session.hpp"
#include "wmimock/harness/runner.hpp"

namespace wmimock::harness {

class RunContext {
public:
    explicit RunContext(const RunOptions& options);

    const RunOptions& options() const noexcept { return options_; }
    std::size_t checkCount() const noexcept { return selected_.size(); }
    const conformance::CheckInfo& check(std::size_t index) const { return *selected_[index]; }
    bool stopRequested() const { return options_.stopRequested && options_.stopRequested(); }

    /// The plan the session of a target gives: its instances times the selected checks.
    TargetPlan planOf(const conformance::Session& session) const;
    /// Whether item `item` of the current target belongs to this run's shard.
    bool inShard(std::size_t item) const noexcept;
    /// The current target's items in this shard, in order, from `from`.
    std::vector<std::size_t> itemsOf(const TargetPlan& plan, std::size_t from = 0) const;

    /// A target's plan is known: counts its items as planned (and lists them for plan()).
    void planned(const std::string& spec, const TargetPlan& plan);
    /// The next target starts; its items follow the previous target's in the global order.
    void nextTarget(const TargetPlan* plan);

    /// Item `item` of `plan` begins: tells options.onCheckStarted.
    void begun(const std::string& spec, const TargetPlan& plan, std::size_t item) const;
    void emit(conformance::CheckResult result);
    void note(std::string text) { result_.notes.push_back(std::move(text)); }
    void interrupted() noexcept { result_.interrupted = true; }
    bool wasInterrupted() const noexcept { return result_.interrupted; }
    /// A result the runner writes itself for a planned item (timeout, crash, not run).
    conformance::CheckResult synthesized(const std::string& spec, const TargetPlan& plan, std::size_t item,
                                         conformance::Outcome outcome, std::string message) const;
    /// A target that gave no plan (it could not be opened, or had nothing to test): one
    /// result for the whole target, counted as one planned item.
    void targetFailed(const std::string& spec, conformance::Outcome outcome, std::string message,
                      const TargetPlan* plan = nullptr);

    struct ItemCallbacks {
        std::function<void(std::size_t)> begin;
        std::function<void(std::size_t, conformance::CheckResult)> result;
        std::function<bool()> stop;
    };
    /// Runs the plan's items of this shard from `from` on. After each check the instances
    /// are put back as found (catalog §0.3 Rev. 2); what could not be put back is said in
    /// that check's result. Returns false when stopped.
    bool runItems(conformance::Session& session, const TargetPlan& plan, std::size_t from,
                  const ItemCallbacks& callbacks) const;

    conformance::RunResult takeResult() { return std::move(result_); }
    std::vector<PlannedCheck> takePlanned() { return std::move(plannedChecks_); }

private:
    /// Catalog ERR-011 Rev. 2: keeps the undefined status codes each result met, and hands
    /// those of an instance to its checks that judge the whole run (planned last).
    void addWhatTheRunSaw(conformance::CheckResult& result);

    const RunOptions& options_;
    std::vector<const conformance::CheckInfo*> selected_;
    std::size_t offset_ = 0;  ///< global plan index of the current target's first item
    conformance::RunResult result_;
    std::vector<PlannedCheck> plannedChecks_;
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> undefinedSeen_;  ///< (target, instance)
};

}  // namespace wmimock::harness
