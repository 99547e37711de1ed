// run() and plan(): targets in order, each target's instances, each selected check; in this
// process, or in worker processes watched by the parent (isolated_target.hpp).
#include "wmimock/harness/runner.hpp"

#include <algorithm>

#include "isolated_target.hpp"
#include "run_context.hpp"
#include "target_opening.hpp"
#include "wmimock/cim/error.hpp"

namespace wmimock::harness {
namespace {

using conformance::Outcome;
using conformance::RunResult;
using SteadyDuration = std::chrono::steady_clock::duration;

class Runner {
public:
    explicit Runner(const RunOptions& options) : options_(options), run_(options) {
        // The user's mistakes fail before anything runs (exit 2); a target that exists but
        // cannot be opened is a result of its own.
        for (const auto& spec : options.targets) checkTarget(spec, options.target);
        process_ = options.isolation != RunOptions::Isolation::InProcess;
    }

    RunResult run() {
        const auto t0 = std::chrono::steady_clock::now();
        const auto started = std::chrono::system_clock::now();
        for (const auto& spec : options_.targets) {
            if (run_.stopRequested()) run_.interrupted();
            if (run_.wasInterrupted()) break;
            if (process_) {
                IsolatedTarget(run_, spec, checkTimeout(spec), prebuilt(spec)).run();
            } else {
                runInProcess(spec);
            }
        }
        RunResult result = run_.takeResult();
        result.started = started;
        result.duration = std::chrono::steady_clock::now() - t0;
        return result;
    }

    std::vector<PlannedCheck> plan() {
        for (const auto& spec : options_.targets) {
            if (process_ && targetKind(spec) == TargetKind::Plugin) {
                IsolatedTarget(run_, spec, checkTimeout(spec)).plan();
                continue;
            }
            auto opened = openWithSession(spec, options_);
            if (auto* failure = std::get_if<OpenFailure>(&opened)) {
                if (failure->badUsage) throw CimError(failure->status, "target " + spec + ": " + failure->message);
                continue;  // run() reports the target's failure as its result
            }
            const TargetPlan p = run_.planOf(*std::get<OpenedTarget>(opened).session);
            run_.planned(spec, p);
            run_.nextTarget(&p);
        }
        return run_.takePlanned();
    }

private:
    /// Catalog §0.3 Rev. 2: the per-check limit is never shorter than the longest wait a
    /// check may legitimately make. Built-ins wait on a simulated clock, which costs no wall
    /// time, so only real-clock targets (plugins, remote servers) need the bound.
    SteadyDuration checkTimeout(const std::string& spec) const {
        auto limit = options_.checkTimeout;
        if (targetKind(spec) != TargetKind::Builtin) {
            const auto& s = options_.session.settings;
            const auto longestWait = std::max({s.settleTimeout, s.jobTimeout, s.retentionWait}) + 4 * s.pollInterval +
                                     std::chrono::duration<double>(5.0);
            limit = std::max(limit, longestWait);
        }
        return std::chrono::duration_cast<SteadyDuration>(limit);
    }

    /// Built-ins are opened once here (bad options throw before any check runs); every
    /// worker forks a pristine copy, so a restart after a crash costs nothing.
    std::unique_ptr<conformance::Target> prebuilt(const std::string& spec) const {
        if (targetKind(spec) != TargetKind::Builtin) return nullptr;
        return openTarget(spec, options_.target);
    }

    void runInProcess(const std::string& spec) {
        auto opened = openWithSession(spec, options_);
        if (auto* failure = std::get_if<OpenFailure>(&opened)) {
            if (failure->badUsage || targetKind(spec) == TargetKind::Builtin) {
                throw CimError(failure->status, "target " + spec + ": " + failure->message);
            }
            run_.targetFailed(spec, Outcome::Error, failure->message);
            return;
        }
        auto& [target, session] = std::get<OpenedTarget>(opened);
        const TargetPlan p = run_.planOf(*session);
        run_.planned(spec, p);
        if (p.instances.empty()) {
            run_.targetFailed(spec, Outcome::Error,
                              "nothing to test: no instance of " + p.className + " in " + p.nameSpace, &p);
        }
        RunContext::ItemCallbacks callbacks;
        callbacks.begin = [&](std::size_t item) { run_.begun(spec, p, item); };
        callbacks.result = [&](std::size_t, conformance::CheckResult r) { run_.emit(std::move(r)); };
        callbacks.stop = [&] { return run_.stopRequested(); };
        if (!run_.runItems(*session, p, 0, callbacks)) run_.interrupted();
        run_.nextTarget(&p);
    }

    const RunOptions& options_;
    RunContext run_;
    bool process_ = true;
};

}  // namespace

RunResult run(const RunOptions& options) {
    return Runner(options).run();
}

std::vector<PlannedCheck> plan(const RunOptions& options) {
    return Runner(options).plan();
}

}  // namespace wmimock::harness
