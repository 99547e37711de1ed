// run() and plan(): targets in order, each target's instances, each selected check; in this
// process or in a child process per target with a watchdog (see child_process.hpp).
#include "wmimock/harness/runner.hpp"

#include <filesystem>
#include <set>

#include "child_process.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/conformance/checks.hpp"
#include "wmimock/conformance/result_json.hpp"
#include "wmimock/conformance/rule.hpp"
#include "wmimock/conformance/session.hpp"

namespace wmimock::harness {

using namespace conformance;

namespace {

using Json = nlohmann::ordered_json;
using SteadyClock = std::chrono::steady_clock;

/// What a target's run consists of: every (instance, selected check), in that order.
struct TargetPlan {
    std::string nameSpace, className;
    std::vector<std::string> instances;
    std::size_t checkCount = 0;

    /// With no instance, each check still has one (erroring) item, so nothing goes unreported.
    std::size_t size() const noexcept { return std::max<std::size_t>(instances.size(), 1) * checkCount; }
    std::size_t instanceOf(std::size_t item) const noexcept { return item / checkCount; }
    std::size_t checkOf(std::size_t item) const noexcept { return item % checkCount; }
};

TargetPlan planOf(const Session& session, std::size_t checkCount) {
    TargetPlan p;
    p.nameSpace = session.nameSpace();
    p.className = session.className();
    for (const auto& i : session.instances()) p.instances.push_back(i.toString());
    p.checkCount = checkCount;
    return p;
}

Json toJson(const TargetPlan& p, const std::vector<Session::InitialState>& initial) {
    Json states = Json::array();
    for (const auto& s : initial) states.push_back({{"path", s.path}, {"running", s.running}, {"known", s.known}});
    return {{"type", "plan"},           {"namespace", p.nameSpace},   {"class", p.className},
            {"instances", p.instances}, {"checkCount", p.checkCount}, {"initial", states}};
}

class Runner {
public:
    explicit Runner(const RunOptions& options) : options_(options) {
        const auto all = checks();
        for (const auto& c : all) {
            if (matchesFilter(c, options.filter)) selected_.push_back(&c);
        }
        if (options.shard) {
            const auto [index, count] = *options.shard;
            if (count <= 0 || index < 0 || index >= count) {
                throw CimError(CimStatus::InvalidParameter, "invalid shard " + std::to_string(index) + "/" +
                                                                std::to_string(count) +
                                                                ": expected 0 <= index < count");
            }
        }
        for (const auto& spec : options.targets) targetKind(spec);  // bad spellings fail before anything runs
        const bool process = options.isolation != RunOptions::Isolation::InProcess;
        process_ = process;
    }

    RunResult run() {
        result_.started = std::chrono::system_clock::now();
        const auto t0 = SteadyClock::now();
        for (const auto& spec : options_.targets) {
            if (stopRequested()) {
                result_.interrupted = true;
                break;
            }
            if (process_) {
                runIsolated(spec, false);
            } else {
                runInProcess(spec);
            }
            if (result_.interrupted) break;
        }
        result_.duration = SteadyClock::now() - t0;
        return std::move(result_);
    }

    std::vector<PlannedCheck> plan() {
        for (const auto& spec : options_.targets) {
            if (process_ && targetKind(spec) == TargetKind::Plugin) {
                runIsolated(spec, true);
            } else {
                auto target = openTarget(spec, options_.target);
                Session session(*target, options_.session);
                addToPlan(spec, planOf(session, selected_.size()));
            }
        }
        return std::move(planned_);
    }

private:
    bool stopRequested() const { return options_.stopRequested && options_.stopRequested(); }
    bool inShard(std::size_t globalIndex) const {
        return !options_.shard || globalIndex % static_cast<std::size_t>(options_.shard->second) ==
                                      static_cast<std::size_t>(options_.shard->first);
    }

    void emit(CheckResult r) {
        if (options_.onResult) options_.onResult(r);
        result_.results.push_back(std::move(r));
    }

    void addToPlan(const std::string& spec, const TargetPlan& p) {
        for (std::size_t i = 0; i < p.size(); ++i) {
            if (!inShard(offset_ + i)) continue;
            const CheckInfo& c = *selected_[p.checkOf(i)];
            planned_.push_back({spec, std::string(c.ruleId), std::string(c.title),
                                p.instances.empty() ? std::string() : p.instances[p.instanceOf(i)]});
        }
        offset_ += p.size();
    }

    /// A result the runner writes itself (no instance, timeout, crash).
    CheckResult synthesized(const std::string& target, const TargetPlan& p, std::size_t item, Outcome outcome,
                            std::string message) const {
        const CheckInfo& c = *selected_[p.checkOf(item)];
        CheckResult r;
        r.ruleId = std::string(c.ruleId);
        r.title = std::string(c.title);
        if (const Rule* rule = findRule(c.ruleId)) {
            r.level = rule->level;
            r.ruleSource = std::string(rule->source);
        }
        r.outcome = outcome;
        r.message = std::move(message);
        r.target = target;
        r.nameSpace = p.nameSpace;
        r.className = p.className;
        r.instancePath = p.instances.empty() ? std::string() : p.instances[p.instanceOf(item)];
        r.sourceFile = std::string(c.sourceFile);
        r.sourceLine = c.sourceLine;
        return r;
    }

    /// A target that produced no plan (its setup crashed, hung or failed) still fails the run.
    void setupFailed(const std::string& spec, Outcome outcome, std::string message) {
        CheckResult r;
        r.title = "TargetSetup";
        r.outcome = outcome;
        r.message = message;
        r.target = spec;
        result_.notes.push_back("target " + spec + ": " + message);
        emit(std::move(r));
    }

    struct ItemCallbacks {
        std::function<void(std::size_t)> begin;
        std::function<void(std::size_t, CheckResult)> result;
        std::function<void(std::string)> note;
        std::function<bool()> stop;
    };

    /// Runs the plan's items from `from` on, those of this shard, putting the instances back
    /// as found after every check, so that each check starts from the same state whatever
    /// ran before it (filters and shards give the same verdicts). Returns false when stopped.
    bool runItems(Session& session, const TargetPlan& p, std::size_t from, const ItemCallbacks& cb) const {
        std::vector<std::string> lastNotes;
        for (std::size_t item = from; item < p.size(); ++item) {
            if (!inShard(offset_ + item)) continue;
            if (cb.stop()) {
                for (auto& n : lastNotes) cb.note(std::move(n));
                return false;
            }
            if (p.instances.empty()) {
                cb.result(item, synthesized(session.target().name(), p, item, Outcome::Error,
                                            "no instance of " + p.className + " in " + p.nameSpace + " to test"));
                continue;
            }
            cb.begin(item);
            cb.result(item, session.run(*selected_[p.checkOf(item)], session.instances()[p.instanceOf(item)]));
            lastNotes = session.restore();
        }
        // Only the final word matters: an instance restored after a later check is back.
        for (auto& n : lastNotes) cb.note(std::move(n));
        return true;
    }

    void runInProcess(const std::string& spec) {
        auto target = openTarget(spec, options_.target);
        Session session(*target, options_.session);
        const TargetPlan p = planOf(session, selected_.size());
        ItemCallbacks cb;
        cb.begin = [](std::size_t) {};
        cb.result = [&](std::size_t, CheckResult r) { emit(std::move(r)); };
        cb.note = [&](std::string n) { result_.notes.push_back(std::move(n)); };
        cb.stop = [&] { return stopRequested(); };
        if (!runItems(session, p, 0, cb)) result_.interrupted = true;
        offset_ += p.size();
    }

    /// One target in child processes: a child runs the checks in order and streams results;
    /// when it hangs past checkTimeout or dies, the check in progress gets Timeout/Crash and a
    /// new child carries on with the next check.
    void runIsolated(const std::string& spec, bool planOnly) {
        const TargetKind kind = targetKind(spec);
        std::unique_ptr<Target> prebuilt;
        std::unique_ptr<Session> preSession;
        if (kind == TargetKind::Builtin) {
            // Built once here (bad options throw before any check runs); every child forks a
            // pristine copy, so a restart after a crash costs nothing.
            prebuilt = openTarget(spec, options_.target);
            preSession = std::make_unique<Session>(*prebuilt, options_.session);
        } else if (kind == TargetKind::Plugin) {
            const std::string path = spec.substr(std::string_view("plugin:").size());
            std::error_code ec;
            if (!std::filesystem::is_regular_file(path, ec)) {
                throw CimError(CimStatus::NotFound, "plugin '" + path + "' does not exist or is not a file");
            }
        }
        std::optional<TargetPlan> plan;
        std::optional<std::vector<Session::InitialState>> initial;
        if (preSession) initial = preSession->initialStates();
        const auto checkTimeout = std::chrono::duration_cast<SteadyClock::duration>(options_.checkTimeout);
        const auto setupTimeout = std::max<SteadyClock::duration>(3 * checkTimeout, std::chrono::seconds(5));
        std::set<std::size_t> reported;
        std::size_t from = 0;
        for (;;) {
            const auto body = [&](ChildChannel& channel) {
                std::unique_ptr<Target> own;
                std::unique_ptr<Session> ownSession;
                Session* session = preSession.get();
                if (session == nullptr) {
                    try {
                        own = openTarget(spec, options_.target);
                        ownSession = std::make_unique<Session>(*own, options_.session);
                    } catch (const CimError& e) {
                        channel.send(
                            Json{{"type", "fatal"}, {"status", static_cast<int>(e.status())}, {"message", e.message()}}
                                .dump());
                        return;
                    }
                    session = ownSession.get();
                }
                if (initial) session->setInitialStates(*initial);
                const TargetPlan p = planOf(*session, selected_.size());
                channel.send(toJson(p, session->initialStates()).dump());
                if (planOnly) return channel.send(R"({"type":"done"})");
                ItemCallbacks cb;
                cb.begin = [&](std::size_t item) { channel.send(Json{{"type", "begin"}, {"item", item}}.dump()); };
                cb.result = [&](std::size_t item, CheckResult r) {
                    channel.send(Json{{"type", "result"}, {"item", item}, {"result", toJson(r)}}.dump());
                };
                cb.note = [&](std::string n) { channel.send(Json{{"type", "note"}, {"text", n}}.dump()); };
                cb.stop = [&] { return channel.stopRequested(); };
                const bool finished = runItems(*session, p, from, cb);
                channel.send(Json{{"type", "done"}, {"stopped", !finished}}.dump());
            };
            ChildProcess child(body);
            std::optional<std::size_t> inProgress;
            auto itemStarted = SteadyClock::now();
            auto phaseDeadline = SteadyClock::now() + setupTimeout;
            bool done = false, stopSent = false, relaunch = false;
            std::string line;
            for (;;) {
                if (!stopSent && stopRequested()) {
                    child.requestStop();
                    stopSent = true;
                    result_.interrupted = true;
                }
                const auto deadline = inProgress ? itemStarted + checkTimeout : phaseDeadline;
                const auto wake = std::min(deadline, SteadyClock::now() + std::chrono::milliseconds(50));
                const auto read = child.readLine(line, wake);
                if (read == ChildProcess::Read::Line) {
                    Json m;
                    try {
                        m = Json::parse(line);
                    } catch (const Json::exception&) {
                        continue;  // not ours (a provider writing to the pipe is impossible; be lenient)
                    }
                    const std::string type = m.value("type", "");
                    if (type == "plan") {
                        TargetPlan p;
                        p.nameSpace = m.value("namespace", "");
                        p.className = m.value("class", "");
                        p.instances = m.value("instances", std::vector<std::string>{});
                        p.checkCount = m.value("checkCount", std::size_t{0});
                        if (!plan) {
                            plan = p;
                            if (!initial) {
                                std::vector<Session::InitialState> states;
                                for (const auto& s : m["initial"]) {
                                    states.push_back(
                                        {s.value("path", ""), s.value("running", false), s.value("known", false)});
                                }
                                initial = std::move(states);
                            }
                        }
                        phaseDeadline = SteadyClock::now() + setupTimeout;
                    } else if (type == "begin") {
                        inProgress = m.value("item", std::size_t{0});
                        itemStarted = SteadyClock::now();
                    } else if (type == "result") {
                        if (reported.insert(m.value("item", std::size_t{0})).second)
                            emit(checkResultFromJson(m["result"]));
                        inProgress.reset();
                        phaseDeadline = SteadyClock::now() + setupTimeout;
                    } else if (type == "note") {
                        result_.notes.push_back(m.value("text", ""));
                        phaseDeadline = SteadyClock::now() + setupTimeout;
                    } else if (type == "fatal") {
                        child.wait();
                        const auto status = static_cast<CimStatus>(m.value("status", 1));
                        const std::string message = "target " + spec + ": " + m.value("message", "");
                        if (result_.results.empty()) throw CimError(status, message);
                        setupFailed(spec, Outcome::Error, m.value("message", ""));
                        done = true;
                        break;
                    } else if (type == "done") {
                        if (m.value("stopped", false)) result_.interrupted = true;
                        done = true;
                    }
                    continue;
                }
                if (read == ChildProcess::Read::Timeout) {
                    if (SteadyClock::now() < deadline) continue;
                    child.kill();
                    if (inProgress && plan && reported.insert(*inProgress).second) {
                        emit(synthesized(spec, *plan, *inProgress, Outcome::Timeout,
                                         "no answer within " + std::to_string(options_.checkTimeout.count()) +
                                             " s: the check was stopped"));
                        from = *inProgress + 1;
                        relaunch = true;
                    } else if (!plan) {
                        setupFailed(spec, Outcome::Timeout,
                                    "opening the target gave no answer within " +
                                        std::to_string(std::chrono::duration<double>(setupTimeout).count()) + " s");
                    } else {
                        result_.notes.push_back("target " + spec + ": the harness got no answer within " +
                                                std::to_string(std::chrono::duration<double>(setupTimeout).count()) +
                                                " s outside a check; its remaining checks did not run");
                    }
                    break;
                }
                // Closed: the child ended.
                const std::string how = child.wait();
                if (done) break;
                if (inProgress && plan && reported.insert(*inProgress).second) {
                    emit(synthesized(spec, *plan, *inProgress, Outcome::Crash, "the process running the check " + how));
                    from = *inProgress + 1;
                    relaunch = true;
                } else if (!plan) {
                    setupFailed(spec, Outcome::Crash, "the process opening the target " + how);
                } else {
                    result_.notes.push_back("target " + spec + ": the process running its checks " + how +
                                            " outside a check; its remaining checks did not run");
                }
                break;
            }
            if (planOnly && plan) {
                addToPlan(spec, *plan);
                return;
            }
            if (!relaunch || result_.interrupted || !plan || from >= plan->size()) break;
        }
        if (plan) offset_ += plan->size();
    }

    const RunOptions& options_;
    std::vector<const CheckInfo*> selected_;
    bool process_ = true;
    std::size_t offset_ = 0;  ///< global plan index of the current target's first item (sharding)
    RunResult result_;
    std::vector<PlannedCheck> planned_;
};

}  // namespace

RunResult run(const RunOptions& options) {
    return Runner(options).run();
}

std::vector<PlannedCheck> plan(const RunOptions& options) {
    return Runner(options).plan();
}

}  // namespace wmimock::harness
