#include "isolated_target.hpp"

#include <cstdio>

#include "target_opening.hpp"

namespace wmimock::harness {

using conformance::CheckResult;
using conformance::Outcome;
using SteadyClock = std::chrono::steady_clock;

/// A check may make many calls, each within the check timeout; it may not run past this
/// many check timeouts in all.
constexpr int kCheckLimitFactor = 10;

namespace {

std::string seconds(SteadyClock::duration d) {
    const double s = std::chrono::duration<double>(d).count();
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", s);
    return text;
}

/// The calls and waits a stopped or crashed check had started, as its evidence.
std::vector<std::string> callsAsEvidence(const ActivityBoard::Reading& calls, std::uint64_t postsAtBegin) {
    std::vector<std::string> out;
    const std::uint64_t made = calls.posts - postsAtBegin;
    if (made > calls.latest.size()) {
        out.push_back("(" + std::to_string(made - calls.latest.size()) + " earlier call(s) and wait(s) not kept)");
    }
    for (std::size_t i = 0; i < calls.latest.size(); ++i) {
        out.push_back((i + 1 == calls.latest.size() ? "in flight: " : "started: ") + calls.latest[i]);
    }
    return out;
}

}  // namespace

IsolatedTarget::IsolatedTarget(RunContext& run, std::string spec, Duration checkTimeout,
                               std::unique_ptr<conformance::Target> prebuilt)
    : run_(run),
      spec_(std::move(spec)),
      checkTimeout_(checkTimeout),
      setupTimeout_(std::max<Duration>(3 * checkTimeout, std::chrono::seconds(5))) {
    if (prebuilt) {
        auto opened = openWithSession(spec_, run_.options(), std::move(prebuilt));
        if (auto* failure = std::get_if<OpenFailure>(&opened)) throw CimError(failure->status, failure->message);
        auto& ok = std::get<OpenedTarget>(opened);
        prebuiltTarget_ = std::move(ok.target);
        prebuiltSession_ = std::move(ok.session);
        initial_ = prebuiltSession_->initialStates();
    }
}

void IsolatedTarget::run() {
    while (runWorker(false) == WorkerEnd::Relaunch && !run_.wasInterrupted()) {
    }
    if (!plan_) return;
    // A safety net: whatever happened, a planned item never goes unreported.
    if (!run_.wasInterrupted()) reportRemaining(Outcome::Error, "not run: the worker ended before reaching it");
    run_.nextTarget(&*plan_);
}

std::optional<TargetPlan> IsolatedTarget::plan() {
    runWorker(true);
    if (plan_) run_.nextTarget(&*plan_);
    return plan_;
}

IsolatedTarget::WorkerEnd IsolatedTarget::runWorker(bool planOnly) {
    inProgress_.reset();
    reportedByWorker_ = 0;
    done_ = false;
    fatal_ = false;
    phaseDeadline_ = SteadyClock::now() + setupTimeout_;
    const std::size_t from = from_;
    ChildProcess child([&](ChildChannel& channel) { workerBody(channel, planOnly, from); });
    bool stopSent = false;
    std::string line;
    for (;;) {
        if (!stopSent && run_.stopRequested()) {
            child.requestStop();
            stopSent = true;
            run_.interrupted();
        }
        const auto deadline = this->deadline();
        const auto wake = std::min(deadline, SteadyClock::now() + std::chrono::milliseconds(50));
        const auto read = child.readLine(line, wake);
        if (read == ChildProcess::Read::Line) {
            const auto message = child::decode(line);
            if (!message) continue;  // not a protocol line
            std::visit([this](const auto& m) { on(m); }, *message);
            if (fatal_) {
                child.wait();
                return WorkerEnd::GiveUp;
            }
            if (planOnly && plan_) return WorkerEnd::Finished;  // the child is killed on scope exit
            continue;
        }
        if (read == ChildProcess::Read::Timeout) {
            if (SteadyClock::now() < this->deadline()) continue;
            child.kill();
            return onSilence();
        }
        const std::string how = child.wait();
        return done_ ? WorkerEnd::Finished : onExit(how);
    }
}

void IsolatedTarget::workerBody(ChildChannel& channel, bool planOnly, std::size_t from) {
    conformance::Session* session = prebuiltSession_.get();
    OpenedTarget own;
    if (session == nullptr) {
        auto opened = openWithSession(spec_, run_.options());
        if (auto* failure = std::get_if<OpenFailure>(&opened)) {
            channel.send(child::encode(child::Fatal{failure->status, failure->message, failure->badUsage}));
            return;
        }
        own = std::move(std::get<OpenedTarget>(opened));
        session = own.session.get();
    }
    if (initial_) session->setInitialStates(*initial_);
    session->onActivity([this](std::string_view what) { board_.post(what); });
    const TargetPlan plan = run_.planOf(*session);
    channel.send(child::encode(child::Plan{plan, session->initialStates()}));
    if (planOnly || plan.instances.empty()) return channel.send(child::encode(child::Done{}));
    RunContext::ItemCallbacks callbacks;
    callbacks.begin = [&](std::size_t item) { channel.send(child::encode(child::Begin{item, board_.posts()})); };
    callbacks.result = [&](std::size_t item, CheckResult r) {
        channel.send(child::encode(child::Result{item, std::move(r)}));
    };
    callbacks.stop = [&] { return channel.stopRequested(); };
    const bool finished = run_.runItems(*session, plan, from, callbacks);
    channel.send(child::encode(child::Done{!finished}));
}

void IsolatedTarget::on(const child::Plan& m) {
    phaseDeadline_ = SteadyClock::now() + setupTimeout_;
    if (plan_) return;  // a relaunched worker: the first plan stands
    plan_ = m.plan;
    if (!initial_) initial_ = m.initial;
    run_.planned(spec_, *plan_);
    if (plan_->instances.empty()) {
        run_.targetFailed(spec_, Outcome::Error,
                          "nothing to test: no instance of " + plan_->className + " in " + plan_->nameSpace, &*plan_);
    }
}

void IsolatedTarget::on(const child::Begin& m) {
    if (plan_ && m.item < plan_->size()) run_.begun(spec_, *plan_, m.item);
    inProgress_ = m.item;
    itemStarted_ = lastActivity_ = SteadyClock::now();
    postsAtBegin_ = m.posts;
    postsSeen_ = board_.posts();
}

SteadyClock::time_point IsolatedTarget::deadline() {
    const auto now = SteadyClock::now();
    if (const auto posts = board_.posts(); posts != postsSeen_) {
        postsSeen_ = posts;
        lastActivity_ = now;
        if (!inProgress_) phaseDeadline_ = std::max(phaseDeadline_, now + setupTimeout_);
    }
    if (!inProgress_) return phaseDeadline_;
    // Catalog §0.3 Rev. 2: a check may wait as long as its bounds allow, once per call; what
    // is stopped is a call (or wait) that stays silent, or a check that never ends.
    return std::min(lastActivity_ + checkTimeout_, itemStarted_ + kCheckLimitFactor * checkTimeout_);
}

void IsolatedTarget::on(const child::Result& m) {
    report(m.item, m.result);
    inProgress_.reset();
    phaseDeadline_ = SteadyClock::now() + setupTimeout_;
}

void IsolatedTarget::on(const child::Note& m) {
    run_.note(m.text);
    phaseDeadline_ = SteadyClock::now() + setupTimeout_;
}

void IsolatedTarget::on(const child::Fatal& m) {
    fatal_ = true;
    if (!plan_) {
        if (m.badUsage) throw CimError(m.status, "target " + spec_ + ": " + m.message);
        run_.targetFailed(spec_, Outcome::Error, m.message);
        return;
    }
    reportRemaining(Outcome::Error,
                    "not run: the target could not be opened again after a worker ended (" + m.message + ")");
}

void IsolatedTarget::on(const child::Done& m) {
    done_ = true;
    if (m.stopped) run_.interrupted();
}

IsolatedTarget::WorkerEnd IsolatedTarget::onSilence() {
    if (inProgress_ && plan_) {
        const std::size_t item = *inProgress_;
        const auto now = SteadyClock::now();
        const auto ran = now - itemStarted_;
        const auto calls = board_.read(postsAtBegin_);
        const bool silent = now >= lastActivity_ + checkTimeout_;
        const std::string call = calls.latest.empty() ? "the check's first call" : calls.latest.back();
        CheckResult r =
            run_.synthesized(spec_, *plan_, item, Outcome::Timeout,
                             silent ? "no answer within " + seconds(checkTimeout_) + " s to " + call +
                                          " (in flight for " + seconds(now - lastActivity_) + " s; the check ran " +
                                          seconds(ran) + " s): the check was stopped"
                                    : "the check ran past its limit of " + seconds(kCheckLimitFactor * checkTimeout_) +
                                          " s (last call: " + call + "): the check was stopped");
        r.duration = ran;
        r.evidence = callsAsEvidence(calls, postsAtBegin_);
        report(item, std::move(r));
        from_ = item + 1;
        return firstUnreported() ? WorkerEnd::Relaunch : WorkerEnd::Finished;
    }
    if (!plan_) {
        run_.targetFailed(spec_, Outcome::Timeout,
                          "opening the target gave no answer within " + seconds(setupTimeout_) + " s");
        return WorkerEnd::GiveUp;
    }
    return carryOn("the worker gave no answer within " + seconds(setupTimeout_) +
                   " s outside a check (putting the instances back after the previous check)");
}

IsolatedTarget::WorkerEnd IsolatedTarget::onExit(const std::string& how) {
    if (inProgress_ && plan_) {
        const std::size_t item = *inProgress_;
        const auto calls = board_.read(postsAtBegin_);
        CheckResult r = run_.synthesized(
            spec_, *plan_, item, Outcome::Crash,
            "the process running the check " + how + (calls.latest.empty() ? "" : " during " + calls.latest.back()));
        r.duration = SteadyClock::now() - itemStarted_;
        r.evidence = callsAsEvidence(calls, postsAtBegin_);
        report(item, std::move(r));
        from_ = item + 1;
        return firstUnreported() ? WorkerEnd::Relaunch : WorkerEnd::Finished;
    }
    if (!plan_) {
        run_.targetFailed(spec_, Outcome::Crash, "the process opening the target " + how);
        return WorkerEnd::GiveUp;
    }
    return carryOn("the worker process " + how + " outside a check");
}

IsolatedTarget::WorkerEnd IsolatedTarget::carryOn(std::string why) {
    const auto next = firstUnreported();
    if (!next) return WorkerEnd::Finished;
    if (reportedByWorker_ == 0) {
        // No progress at all: the next item is reported as not run, so that the run always
        // moves on and ends.
        report(*next, run_.synthesized(spec_, *plan_, *next, Outcome::Error, "not run: " + why));
        from_ = *next + 1;
    } else {
        run_.note("target " + spec_ + ": " + why + "; a new worker carried on");
        from_ = *next;
    }
    return firstUnreported() ? WorkerEnd::Relaunch : WorkerEnd::Finished;
}

void IsolatedTarget::reportRemaining(Outcome outcome, const std::string& why) {
    if (!plan_) return;
    for (const std::size_t item : run_.itemsOf(*plan_)) {
        if (!reported_.count(item)) report(item, run_.synthesized(spec_, *plan_, item, outcome, why));
    }
}

void IsolatedTarget::report(std::size_t item, CheckResult result) {
    if (!reported_.insert(item).second) return;
    ++reportedByWorker_;
    run_.emit(std::move(result));
}

std::optional<std::size_t> IsolatedTarget::firstUnreported() const {
    if (!plan_) return std::nullopt;
    for (const std::size_t item : run_.itemsOf(*plan_, from_)) {
        if (!reported_.count(item)) return item;
    }
    return std::nullopt;
}

}  // namespace wmimock::harness
