// CONC: concurrency and idempotency. Catalog §6. Each thread uses its own connection
// (Target::connect); a hang is caught by the runner's per-check timeout.
#include <algorithm>
#include <array>
#include <latch>
#include <map>
#include <thread>

#include "check_helpers.hpp"
#include "check_registry.hpp"

namespace wmimock::conformance {
namespace {

struct Call {
    std::string method;
    std::vector<ParamValue> in;
};

/// Fires the calls together (released by one latch), one thread and connection each.
std::vector<CallOutcome> fireTogether(CheckContext& ctx, const std::vector<Call>& calls) {
    std::vector<CallOutcome> out(calls.size());
    std::latch ready(static_cast<std::ptrdiff_t>(calls.size()));
    std::vector<std::shared_ptr<CimClient>> connections;
    connections.reserve(calls.size());
    for (std::size_t i = 0; i < calls.size(); ++i) connections.push_back(ctx.target().connect());
    const ObjectPath target = ctx.path();
    {
        std::vector<std::jthread> threads;
        threads.reserve(calls.size());
        for (std::size_t i = 0; i < calls.size(); ++i) {
            threads.emplace_back([&, i] {
                CallOutcome& o = out[i];
                o.method = calls[i].method;
                ready.arrive_and_wait();
                try {
                    o.read(connections[i]->invokeMethod(target, calls[i].method, calls[i].in), target.nameSpace());
                } catch (const CimError& e) {
                    o.error = e.status();
                    o.errorMessage = e.message();
                } catch (const std::exception& e) {
                    o.error = CimStatus::Failed;
                    o.errorMessage = e.what();
                }
                // Hang up at once: a server with few workers should not wait for idle
                // keep-alive connections before serving the other threads.
                connections[i].reset();
            });
        }
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        ctx.driver().classifyDecline(out[i], target);
        ctx.evidence("thread " + std::to_string(i) + ": " + out[i].method + " -> " + out[i].describe());
    }
    return out;
}

std::vector<Call> stops(int n) {
    return std::vector<Call>(static_cast<std::size_t>(n), Call{"StopService", {}});
}

/// Whether one request, alone from running, stops T: the control of a race. Catalog §6
/// Rev. 2: the concurrency rules judge convergence, not the element's other rules, so a
/// method that declines, or that does not stop T even without a race (SS-002's or JOB-004's
/// fault), takes no part in the race. Running the control first keeps the verdict
/// independent of which racing call wins.
struct Control {
    std::string method;
    bool usable = false;
    std::string why;  ///< when not usable
    /// Started FALSE once stopped alone. When a lone stop already leaves Started TRUE, that
    /// is SS-002's fault, and the race is judged on EnabledState and RequestedState only.
    bool startedFollows = true;
    /// What the lone request answered when it stopped T.
    std::optional<std::uint64_t> code;
};

Control controlStop(CheckContext& ctx, const std::string& method) {
    Control c;
    c.method = method;
    if (!ctx.driver().makeRunning()) {
        c.why = "the service could not be brought to running";
        return c;
    }
    const Attempt a = method == "StopService" ? ctx.driver().stop() : ctx.driver().rsc(3);
    if (a.call.notSupported()) {
        c.why = method + " is declined: " + a.call.describe();
    } else if (a.job && !a.job->terminal) {
        c.why = method + " alone leaves its job unfinished (JOB-004)";
    } else if (!a.reached) {
        c.why = method + " alone does not stop the service (" + a.after.toString() + ")";
    } else {
        c.usable = true;
        c.code = a.call.code;
        c.startedFollows = a.after.started != true;
        if (method == "StopService") {
            // A second stop, alone, must keep T stopped; when it does not, that is SS-008's
            // fault and a race of stops cannot be judged.
            const Attempt again = ctx.driver().stop();
            if (runState(again.after) != RunState::Stopped) {
                c.usable = false;
                c.why = "StopService on a stopped service does not keep it stopped, even alone (SS-008's fault): " +
                        again.after.toString();
            }
        }
    }
    ctx.evidence("control, " + method + " alone: " +
                 (!c.usable          ? c.why
                  : c.startedFollows ? std::string("stops the service")
                                     : "stops the service but leaves Started TRUE (SS-002's fault: the race's "
                                       "Started is not judged)"));
    return c;
}

/// Shared judgment of CONC-001/003, added to `found`: codes allowed, no CIM_ERR_FAILED, the
/// service ends stopped. False when that failed.
bool convergedStopped(CheckContext& ctx, const std::vector<CallOutcome>& calls, bool judgeStarted, Verdict& found) {
    const ValueMap* vm = ctx.probe().methodValueMap("StopService");
    for (const auto& c : calls) {
        if (c.error == CimStatus::Failed) {
            found.fail("no CIM_ERR_FAILED under concurrency", c.method + " -> " + c.describe());
            return false;
        }
        if (c.method == "StopService" && c.code && vm != nullptr && !vm->lookup(*c.code).documented()) {
            ctx.log("StopService answered " + std::to_string(*c.code) + ", outside its ValueMap: SS-005's to judge");
        }
    }
    for (const auto& c : calls) {
        if (c.code == rsc_result::kJobStarted && c.job) {
            const JobTrace t = ctx.driver().waitJob(*c.job);
            if (!t.terminal) {
                found.fail("every job of the concurrent requests reaches a terminal state",
                           "job " + c.job->toString() + " still JobState " + optionalText(t.polls.back().jobState));
                return false;
            }
        }
    }
    const SettleResult s = ctx.driver().settle(Want::Stopped);
    if (!s.reached) {
        found.fail("the service stopped after concurrent stops", s.last.toString());
        return false;
    }
    // Catalog §6 Rev. 2: Started is CON-002's SHOULD, unless a StopService of the race
    // returned 0, where SS-002's MUST applies.
    const bool stopSucceeded = std::any_of(
        calls.begin(), calls.end(), [](const CallOutcome& c) { return c.method == "StopService" && c.returned(0); });
    if (judgeStarted && stopSucceeded && s.last.started == true) {
        found.fail("Started FALSE after the concurrent stops (SS-002: a StopService returned 0)", s.last.toString());
        return false;
    }
    if (const auto mismatch = startedMismatch(s.last); judgeStarted && !mismatch.empty()) {
        found.warn("after the concurrent stops: " + mismatch + " (CON-002)");
    }
    return true;
}

bool allDeclined(const std::vector<CallOutcome>& calls) {
    return std::all_of(calls.begin(), calls.end(), [](const CallOutcome& c) { return c.notSupported(); });
}

constexpr Rule kRuleCONC001{
    .id = "CONC-001",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy = "Our reading: concurrent requests must neither hang nor break the service.",
    .title = "parallel StopService calls converge without hanging",
    .statement =
        "Parallel StopService calls on a running service all finish within the settle "
        "timeout, none fails with CIM_ERR_FAILED or returns an undocumented code, and "
        "the service ends stopped and coherent.",
    .source = "ELE; PEG-IS",
    .procedure =
        "After a control stop alone, fires 8 StopService calls at once on a running "
        "service. FAIL on CIM_ERR_FAILED, an unfinished job or a service not stopped; "
        "WARN when the end state is incoherent. NOT SUPPORTED when StopService does not"
        " work alone or declines.",
};

WMIMOCK_CHECK(conc001, kRuleCONC001.id, "ParallelStopsConverge") {
    Verdict found;
    const Control control = controlStop(ctx, "StopService");
    if (!control.usable) return found.notSupported("no race to judge: " + control.why);
    if (auto unmet = ctx.require(Want::Running)) return found.add(*unmet);
    const auto calls = fireTogether(ctx, stops(ctx.settings().parallelCalls));
    if (allDeclined(calls)) return found.notSupported("StopService is not supported: " + calls.front().describe());
    if (!convergedStopped(ctx, calls, control.startedFollows, found)) return found;
    found.pass(std::to_string(calls.size()) + " concurrent StopService calls converged to stopped");
    return found;
}

constexpr Rule kRuleCONC002{
    .id = "CONC-002",
    .level = Level::Should,
    .levelText = "SHOULD",
    .levelWhy = "Our reading: one stop happened, the rest repeated it.",
    .title = "one effective stop; the extra calls are idempotent",
    .statement =
        "Of the parallel stops at least one returns 0, and the others return 0 or the "
        "class's documented 'already stopped' or 'busy' code.",
    .source = "ELE",
    .procedure =
        "Uses the race of CONC-001. FAIL when no call returned 0 although the service "
        "stopped; WARN when the extra calls returned other codes. NOT SUPPORTED when "
        "the service did not stop (CONC-001's) or StopService alone reports a stop with"
        " another code.",
};

WMIMOCK_CHECK(conc002, kRuleCONC002.id, "OneEffectiveStopIdempotentExtras") {
    const Control control = controlStop(ctx, "StopService");
    if (!control.usable) return verdict::notSupported("no race to judge: " + control.why);
    if (control.code && *control.code != 0 && !ctx.probe().isAsyncStart("StopService", *control.code)) {
        // SS-001 owns a stop reported with another code than 0; the tally would only repeat it.
        return verdict::notSupported("StopService alone reports its stop with " + std::to_string(*control.code) +
                                     " (SS-001's to judge): no exactly-once effect to tell apart");
    }
    if (auto unmet = ctx.require(Want::Running)) return *unmet;
    const auto calls = fireTogether(ctx, stops(ctx.settings().parallelCalls));
    if (allDeclined(calls)) return verdict::notSupported("StopService is not supported: " + calls.front().describe());
    const SettleResult s = ctx.driver().settle(Want::Stopped);
    std::map<std::string, int> tally;
    int successes = 0;
    bool undocumented = false;
    const ValueMap* vm = ctx.probe().methodValueMap("StopService");
    for (const auto& c : calls) {
        ++tally[c.describe()];
        if (c.code && (*c.code == 0 || ctx.probe().isAsyncStart("StopService", *c.code))) ++successes;
        // A "not supported" answer is SS-003's to judge (and SS-009's when all decline).
        if (c.notSupported()) continue;
        if (c.error || (c.code && *c.code != 0 && (vm == nullptr || !vm->lookup(*c.code).documented()))) {
            undocumented = true;
        }
    }
    std::string summary;
    for (const auto& [what, n] : tally) summary += (summary.empty() ? "" : ", ") + std::to_string(n) + "x " + what;
    if (successes == 0) {
        if (s.reached && undocumented) {
            return verdict::fail("at least one 0 for the stop that took place", summary);
        }
        if (!s.reached) return verdict::notSupported("the service did not stop (judged under CONC-001): " + summary);
    }
    if (undocumented) {
        // The codes themselves are SS-005's (and CIM errors ERR-011's or SS-004's): here they
        // are only not the preferred 0.
        return verdict::warn("the extra calls answered codes no ValueMap documents (SS-005's to judge), not 0: " +
                             summary);
    }
    if (successes < static_cast<int>(calls.size())) {
        return verdict::warn("the extra calls returned documented codes other than 0: " + summary);
    }
    return verdict::pass("every concurrent StopService returned 0: " + summary);
}

constexpr Rule kRuleCONC003{
    .id = "CONC-003",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy = "Our reading: the two ways to stop must not trip over each other.",
    .title = "mixed StopService and RequestStateChange(3) converge",
    .statement =
        "Parallel StopService and RequestStateChange(3) calls converge like CONC-001; "
        "every job they start ends; the service ends stopped.",
    .source = "ELE",
    .procedure =
        "After controls of each method alone, mixes both methods in one race. FAIL on "
        "errors, unfinished jobs or a service not stopped. NOT SUPPORTED when no method"
        " stops the service alone.",
};

WMIMOCK_CHECK(conc003, kRuleCONC003.id, "MixedStopAndRscConverge", Needs::Enablement) {
    Verdict found;
    std::vector<Control> controls = {controlStop(ctx, "StopService"), controlStop(ctx, "RequestStateChange")};
    std::vector<std::string> methods, excluded;
    bool judgeStarted = true;
    for (const auto& c : controls) {
        (c.usable ? methods : excluded).push_back(c.usable ? c.method : c.why);
        judgeStarted = judgeStarted && c.startedFollows;
    }
    if (methods.empty()) {
        const std::string why = joinCases(excluded);
        return found.notSupported("no method stops the service on its own, so no race can be judged: " + why);
    }
    if (auto unmet = ctx.require(Want::Running)) return found.add(*unmet);
    std::vector<Call> calls;
    for (int i = 0; i < ctx.settings().parallelCalls; ++i) {
        const std::string& m = methods[static_cast<std::size_t>(i) % methods.size()];
        calls.push_back(m == "StopService" ? Call{m, {}} : Call{m, {{"RequestedState", Value::uint16(3)}}});
    }
    const auto out = fireTogether(ctx, calls);
    if (!convergedStopped(ctx, out, judgeStarted, found)) return found;
    if (methods.size() == 1) {
        return found.pass(std::to_string(calls.size()) + " concurrent " + methods.front() +
                          " calls converged to stopped; judged on that method alone: " + excluded.front());
    }
    found.pass("concurrent StopService and RequestStateChange(3) converged to stopped");
    return found;
}

/// One CONC-004 race from running: the verdict's expectation and the evidence when the
/// settled state is mixed, nothing when it is clean.
struct RaceEnd {
    bool declined = false;
    RunState state = RunState::Unknown;
    std::string expected, got;
};

/// Which Started values a race may be judged on (catalog §6 Rev. 2): Started is SS-002's
/// MUST after a StopService that returned 0, and SS-020's after a StartService that returned
/// 0, unless that method leaves Started wrong even alone (then it is that rule's fault, and
/// the race is not judged on Started); otherwise Started is CON-002's SHOULD.
struct StartedJudgement {
    bool afterStop = true;
    bool afterStart = true;
};

RaceEnd raceOnce(CheckContext& ctx, const StartedJudgement& judge) {
    std::vector<Call> calls;
    for (int i = 0; i < ctx.settings().racePairs; ++i) {
        calls.push_back({"StopService", {}});
        calls.push_back({"StartService", {}});
    }
    const auto out = fireTogether(ctx, calls);
    RaceEnd r;
    if (allDeclined(out)) {
        r.declined = true;
        return r;
    }
    // Settle to either state.
    const auto deadline = ctx.clock().now() + std::chrono::duration_cast<Clock::duration>(ctx.settings().settleTimeout);
    Snapshot s = ctx.probe().snapshot();
    while (runState(s) != RunState::Running && runState(s) != RunState::Stopped && ctx.clock().now() < deadline) {
        ctx.driver().pause(ctx.settings().pollInterval);
        s = ctx.probe().snapshot();
    }
    ctx.evidence("S(T) settled: " + s.toString());
    r.state = runState(s);
    if (r.state != RunState::Running && r.state != RunState::Stopped) {
        r.expected = "a settled running or stopped state after the race";
        r.got = s.toString();
    } else if (const auto mismatch = startedMismatch(s); !mismatch.empty()) {
        const auto returned0 = [&](const char* method) {
            return std::any_of(out.begin(), out.end(),
                               [&](const CallOutcome& c) { return c.method == method && c.returned(0); });
        };
        const bool owned = r.state == RunState::Stopped ? judge.afterStop && returned0("StopService")
                                                        : judge.afterStart && returned0("StartService");
        if (owned) {
            r.expected = "Started consistent with EnabledState after the race";
            r.got = mismatch;
        } else {
            ctx.log("after the race: " + mismatch + " (CON-002's to judge)");
        }
    } else if (s.enabledState && s.modelsEnablement() && *s.enabledState != enabled_state::kEnabled &&
               *s.enabledState != enabled_state::kDisabled) {
        r.expected = "EnabledState 2 or 3 after the race";
        r.got = s.toString();
    } else if (s.requestedState && !s.requestedStateUntracked() && *s.requestedState != requested_state::kEnabled &&
               *s.requestedState != requested_state::kDisabled) {
        r.expected = "RequestedState equal to a requested value (2 or 3)";
        r.got = s.toString();
    }
    return r;
}

constexpr Rule kRuleCONC004{
    .id = "CONC-004",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy =
        "Our reading of the element's description: a later request may overwrite an "
        "earlier one.",
    .title = "racing stop and start end in one clean state",
    .statement =
        "A stop racing a start ends in one of the two states, never a mixture: the "
        "settled instance is coherent, EnabledState is 2 or 3, and RequestedState (when"
        " tracked) is the final state or one of the requested ones.",
    .source = "ELE",
    .procedure =
        "Races stops and starts for several rounds. FAIL naming each round that ends "
        "torn. NOT SUPPORTED when neither method is supported.",
};

// Races are won by timing, so one clean end proves little: the race is run raceRounds
// times, each from running, and the first mixed end fails.
WMIMOCK_CHECK(conc004, kRuleCONC004.id, "StopStartRaceEndsClean") {
    const int rounds = std::max(1, ctx.settings().raceRounds);
    // A stop that leaves Started TRUE even alone is SS-002's fault, not the race's; a start
    // that leaves it FALSE alone is SS-020's.
    StartedJudgement judge;
    judge.afterStop = controlStop(ctx, "StopService").startedFollows;
    if (ctx.driver().makeStopped()) {
        const Attempt start = ctx.driver().start();
        judge.afterStart = !start.accepted || start.after.started != false;
        ctx.evidence(std::string("control, StartService alone: ") +
                     (judge.afterStart ? "Started follows" : "leaves Started FALSE (SS-020's fault)"));
    }
    std::map<std::string, int> ends;
    for (int round = 1; round <= rounds; ++round) {
        if (auto unmet = ctx.require(Want::Running)) return *unmet;
        ctx.evidence("round " + std::to_string(round) + " of " + std::to_string(rounds));
        const RaceEnd r = raceOnce(ctx, judge);
        if (r.declined) return verdict::notSupported("neither StopService nor StartService is supported");
        if (!r.expected.empty()) {
            return verdict::fail(r.expected,
                                 r.got + " (round " + std::to_string(round) + " of " + std::to_string(rounds) + ")");
        }
        ++ends[std::string(toString(r.state))];
    }
    std::string summary;
    for (const auto& [state, n] : ends) summary += (summary.empty() ? "" : ", ") + std::to_string(n) + "x " + state;
    return verdict::pass(std::to_string(rounds) + " stop/start races each ended clean: " + summary);
}

std::size_t countOrZero(CheckContext& ctx, std::string_view className) {
    try {
        return ctx.client().enumerateInstanceNames(ctx.nameSpace(), className).size();
    } catch (const CimError&) {
        return 0;
    }
}

constexpr Rule kRuleCONC005{
    .id = "CONC-005",
    .level = Level::Should,
    .levelText = "SHOULD",
    .levelWhy = "Our reading: a repeated no-op must not accumulate anything.",
    .title = "repeated stops keep the state and leak nothing",
    .statement =
        "Many StopService calls on a stopped service keep it stopped, always get the "
        "same answer, and create neither jobs nor instances.",
    .source = "JOB",
    .procedure =
        "Calls StopService 100 times on a stopped service. FAIL when the state changes,"
        " the answers differ, or services or jobs accumulate beyond the stops that "
        "started one. NOT SUPPORTED when StopService declines.",
};

WMIMOCK_CHECK(conc005, kRuleCONC005.id, "RepeatedStopsNoLeaks") {
    if (auto unmet = ctx.require(Want::Stopped)) return *unmet;
    const std::size_t jobsBefore = countOrZero(ctx, "CIM_ConcreteJob");
    const std::size_t servicesBefore = countOrZero(ctx, ctx.path().className());
    const Snapshot before = ctx.probe().snapshot("before");
    std::map<std::string, int> tally;
    int jobStarts = 0, declinedCalls = 0;
    const int n = ctx.settings().repeatedStops;
    ctx.setRecording(false);
    for (int i = 0; i < n; ++i) {
        const CallOutcome c = ctx.driver().stopService();
        ++tally[c.describe()];
        if (c.returned(rsc_result::kJobStarted)) ++jobStarts;
        if (c.notSupported()) ++declinedCalls;
    }
    ctx.setRecording(true);
    std::string summary;
    for (const auto& [what, count] : tally)
        summary += (summary.empty() ? "" : ", ") + std::to_string(count) + "x " + what;
    ctx.evidence(std::to_string(n) + " x StopService on the stopped service: " + summary);
    const Snapshot after = ctx.driver().afterCall();
    if (declinedCalls == n) return verdict::notSupported("StopService is not supported: " + summary);
    if (!sameRunState(before, after)) return verdict::fail("the stopped state kept", difference(before, after));
    // CIM errors carry varying messages: compare return codes and error codes only.
    std::map<std::string, int> codes;
    for (const auto& [what, count] : tally) codes[what.substr(0, what.find(' '))] += count;
    if (codes.size() != 1) return verdict::fail("the same answer to every repeated stop", summary);
    const std::size_t jobsAfter = countOrZero(ctx, "CIM_ConcreteJob");
    const std::size_t servicesAfter = countOrZero(ctx, ctx.path().className());
    if (servicesAfter != servicesBefore) {
        return verdict::fail(std::to_string(servicesBefore) + " service instances",
                             std::to_string(servicesAfter) + " after " + std::to_string(n) + " stops");
    }
    if (jobsAfter > jobsBefore + static_cast<std::size_t>(jobStarts)) {
        return verdict::fail("no more jobs than the stops that started one (" + std::to_string(jobStarts) + ")",
                             std::to_string(jobsAfter - jobsBefore) + " new job instances");
    }
    return verdict::pass(std::to_string(n) + " repeated stops: same answer (" + summary + "), nothing leaked");
}

constexpr Rule kRuleCONC006{
    .id = "CONC-006",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy = "A requirement on wmimock's own fake CIMOM.",
    .title = "the mock is reproducible under concurrency with a fixed seed",
    .statement =
        "The fake CIMOM serializes state changes per instance and applies its injected "
        "faults and latencies per call, so that the concurrency checks give the same "
        "verdicts with a fixed seed.",
    .source = "mock requirement",
    .checked = false,
    .whyNotChecked =
        "a requirement on the fake CIMOM itself (per-instance serialization, seeded"
        " faults), covered by the cimom and services tests; one run against a "
        "target cannot observe reproducibility across runs",
};

constexpr std::array kRules{&kRuleCONC001, &kRuleCONC002, &kRuleCONC003, &kRuleCONC004, &kRuleCONC005, &kRuleCONC006};

constexpr std::array kChecks{conc001Def, conc002Def, conc003Def, conc004Def, conc005Def};

}  // namespace

std::span<const CheckDef> concChecks() noexcept {
    return kChecks;
}

std::span<const Rule* const> concRules() noexcept {
    return kRules;
}

}  // namespace wmimock::conformance
