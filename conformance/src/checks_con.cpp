// CON: StopService and RequestStateChange agree. Catalog §3.
#include <array>

#include "check_helpers.hpp"
#include "check_registry.hpp"

namespace wmimock::conformance {
namespace {

/// The five properties CON-001 compares, by name, as read from a snapshot.
struct ComparedProperty {
    std::string_view name;
    std::optional<std::uint64_t> (*read)(const Snapshot&);
};

template <typename T>
std::optional<std::uint64_t> widen(const std::optional<T>& v) {
    return v ? std::optional<std::uint64_t>(static_cast<std::uint64_t>(*v)) : std::nullopt;
}

constexpr std::array<ComparedProperty, 5> kCompared{{
    {"Started", [](const Snapshot& s) { return widen(s.started); }},
    {"EnabledState", [](const Snapshot& s) { return widen(s.enabledState); }},
    {"RequestedState", [](const Snapshot& s) { return widen(s.requestedState); }},
    {"TransitioningToState", [](const Snapshot& s) { return widen(s.transitioningToState); }},
    {"EnabledDefault", [](const Snapshot& s) { return widen(s.enabledDefault); }},
}};

/// Names of the compared properties on which `a` and `b` differ.
std::vector<std::string_view> differingProperties(const Snapshot& a, const Snapshot& b) {
    std::vector<std::string_view> out;
    for (const auto& p : kCompared) {
        if (p.read(a) != p.read(b)) out.push_back(p.name);
    }
    return out;
}

/// Run A (StopService) and run B (RequestStateChange(3)) of CON-001/CON-003, each from
/// running and, catalog CON-001 Rev. 2, from the same pre-state where it can be made so.
/// Empty when a precondition or a method is missing (the verdict is recorded).
struct Twin {
    Attempt viaStop, viaRsc;
    /// The pre-states differ on these properties even after trying to put them back: the
    /// runs are then compared by what each changed.
    std::vector<std::string_view> unequalPreState;
};

/// Puts back through ModifyInstance the configuration run A changed (EnabledDefault), so
/// that run B starts where run A did. What the implementation refuses stays as it is.
void alignPreState(CheckContext& ctx, const Snapshot& preA) {
    const Snapshot now = ctx.probe().snapshot("before run B");
    if (!preA.enabledDefault || now.enabledDefault == preA.enabledDefault) return;
    try {
        Instance back(ctx.path().className());
        back.setPath(ctx.path());
        back.set("EnabledDefault", Value::uint16(*preA.enabledDefault));
        ctx.client().modifyInstance(back, std::vector<std::string>{"EnabledDefault"});
        ctx.log("EnabledDefault put back to " + std::to_string(*preA.enabledDefault) + " before run B");
    } catch (const CimError& e) {
        ctx.log(std::string("EnabledDefault could not be put back before run B: ") + e.what());
    }
}

std::optional<Twin> stopBothWays(CheckContext& ctx, Verdict& found) {
    if (auto unmet = ctx.require(Want::Running)) {
        found.add(*unmet);
        return std::nullopt;
    }
    Twin t;
    t.viaStop = ctx.driver().stop();
    if (auto no = declined(t.viaStop.call)) {
        found.add(*no);
        return std::nullopt;
    }
    if (!t.viaStop.accepted) {
        found.notSupported("StopService did not succeed (" + t.viaStop.call.describe() + "; see SS-001)");
        return std::nullopt;
    }
    if (!ctx.driver().makeRunning()) {
        found.unreachable("the service could not be brought back to running");
        return std::nullopt;
    }
    alignPreState(ctx, t.viaStop.before);
    t.viaRsc = ctx.driver().rsc(3);
    if (auto no = declined(t.viaRsc.call)) {
        found.add(*no);
        return std::nullopt;
    }
    if (!t.viaRsc.accepted || (t.viaRsc.job && t.viaRsc.job->finalState != job_state::kCompleted)) {
        found.notSupported("RequestStateChange(3) did not succeed (" + t.viaRsc.call.describe() + "; see RSC-002)");
        return std::nullopt;
    }
    // A method that does not reach stopped alone is its own rules' fault (SS-002, RSC-002,
    // JOB-004): there is no end state to compare.
    for (const Attempt* a : {&t.viaStop, &t.viaRsc}) {
        if (!a->reached) {
            found.notSupported(a->call.method + " did not bring the service to stopped (" + a->after.toString() +
                               "): judged by that method's rules");
            return std::nullopt;
        }
    }
    t.unequalPreState = differingProperties(t.viaStop.before, t.viaRsc.before);
    return t;
}

/// What a run did to one property: "unchanged", or the value it ended with.
std::string changeOf(const ComparedProperty& p, const Snapshot& pre, const Snapshot& end) {
    const auto before = p.read(pre);
    const auto after = p.read(end);
    if (before == after) return "unchanged";
    return "-> " + (after ? std::to_string(*after) : std::string("NULL"));
}

constexpr Rule kRuleCON001{
    .id = "CON-001",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy =
        "Our reading: the class keeps StopService as the simple form of "
        "RequestStateChange(3).",
    .title = "StopService and RequestStateChange(3) reach the same end state",
    .statement =
        "A successful StopService and a successful RequestStateChange(3) (0, or 4096 "
        "and a completed job) leave the service in the same state: the same Started, "
        "EnabledState and TransitioningToState.",
    .source = "SVC; ELE",
    .procedure =
        "Stops the running service once with each method and compares the end states, "
        "or the changes each made when the starting states differed. FAIL on a "
        "difference. NOT SUPPORTED when either method does not stop the service on its "
        "own.",
};

WMIMOCK_CHECK(con001, kRuleCON001.id, "StopServiceEquivalentToRsc3", Needs::Enablement) {
    Verdict found;
    // One fault, one rule: RequestedState is CON-003's (and SS-007's, RSC-003's), EnabledDefault
    // and StartMode are CON-005's. This rule compares the run state both methods leave:
    // Started, EnabledState and TransitioningToState.
    const auto twin = stopBothWays(ctx, found);
    if (!twin) return found;
    const Snapshot& a = twin->viaStop.after;
    const Snapshot& b = twin->viaRsc.after;
    const auto owned = [](std::string_view name) { return name != "RequestedState" && name != "EnabledDefault"; };
    if (!twin->unequalPreState.empty()) {
        // The runs could not start alike: judge what each run changed on each property.
        std::vector<std::string> differences;
        for (const auto& p : kCompared) {
            // The same end value is the same end state, whatever each run started from.
            if (p.read(a) == p.read(b)) continue;
            const std::string ca = changeOf(p, twin->viaStop.before, a);
            const std::string cb = changeOf(p, twin->viaRsc.before, b);
            if (ca == cb) continue;
            const std::string text = std::string(p.name) + ": StopService " + ca + ", RequestStateChange(3) " + cb;
            if (owned(p.name)) {
                differences.push_back(text);
            } else {
                ctx.log(text + " (judged by " + (p.name == std::string_view("RequestedState") ? "CON-003" : "CON-005") +
                        ")");
            }
        }
        std::string unequal;
        for (const auto name : twin->unequalPreState) unequal += (unequal.empty() ? "" : ", ") + std::string(name);
        ctx.log("the runs started from different " + unequal + ": the changes are compared");
        if (differences.empty())
            return found.pass("both methods made the same changes to the run state (from pre-states differing in " +
                              unequal + ")");
        return found.fail("the same changes to Started, EnabledState, TransitioningToState", joinCases(differences));
    }
    if (a.requestedState != b.requestedState || a.enabledDefault != b.enabledDefault || a.startMode != b.startMode) {
        ctx.log("RequestedState, EnabledDefault or StartMode differ (judged by CON-003 and CON-005): " +
                difference(a, b));
    }
    if (a.started == b.started && a.enabledState == b.enabledState &&
        a.transitioningToState == b.transitioningToState) {
        return found.pass("both methods end in the same run state: " + a.toString());
    }
    found.fail("the same Started, EnabledState, TransitioningToState",
               "StopService vs RequestStateChange(3): " + difference(a, b));
    return found;
}

constexpr Rule kRuleCON002{
    .id = "CON-002",
    .level = Level::Should,
    .levelText = "SHOULD",
    .levelWhy =
        "Our reading; SHOULD because real servers (OpenPegasus's indication service) "
        "keep Started TRUE while disabled.",
    .title = "Started agrees with EnabledState",
    .statement =
        "Outside transitions, Started is TRUE exactly when EnabledState is an enabled "
        "value (2, 6, 9) and FALSE when it is 3; 4 and 10 allow either, and 0, 1 and 5 "
        "say nothing.",
    .source = "SVC; ELE",
    .procedure =
        "Checks every settled snapshot of the run. WARN on a disagreement (FAIL with "
        "--strict-started). NOT SUPPORTED when Started or EnabledState is not "
        "populated.",
};

WMIMOCK_CHECK(con002, kRuleCON002.id, "StartedAgreesWithEnabledState") {
    std::vector<Snapshot> settled{ctx.initial()};
    if (ctx.driver().makeRunning()) settled.push_back(ctx.probe().snapshot("running"));
    if (ctx.driver().makeStopped()) settled.push_back(ctx.probe().snapshot("stopped"));
    if (ctx.driver().makeRunning()) settled.push_back(ctx.driver().stop().after);
    if (ctx.driver().makeStopped()) settled.push_back(ctx.driver().start().after);
    // Both methods, both ways: Started must agree whichever path changed the state.
    if (ctx.initial().modelsEnablement()) {
        if (ctx.driver().makeRunning()) settled.push_back(ctx.driver().rsc(3).after);
        if (ctx.driver().makeStopped()) settled.push_back(ctx.driver().rsc(2).after);
    }
    bool compared = false;
    for (const Snapshot& s : settled) {
        if (!s.started || !s.enabledState) continue;
        compared = true;
        if (const auto mismatch = startedMismatch(s); !mismatch.empty()) {
            if (ctx.settings().strictStarted) {
                return verdict::fail("Started consistent with EnabledState (--strict-started)", mismatch);
            }
            return verdict::warn("Started disagrees with EnabledState: " + mismatch);
        }
    }
    if (!compared) return verdict::notSupported("Started or EnabledState is not populated");
    return verdict::pass("Started agreed with EnabledState in every settled snapshot");
}

constexpr Rule kRuleCON003{
    .id = "CON-003",
    .level = Level::Should,
    .levelText = "SHOULD",
    .levelWhy =
        "Our reading: a client should not be able to tell which method stopped the "
        "service.",
    .title = "StopService records the same RequestedState as RequestStateChange(3)",
    .statement = "StopService records the RequestedState RequestStateChange(3) records.",
    .source = "SVC; ELE",
    .procedure =
        "Compares RequestedState after a stop through each method. FAIL on a "
        "difference. NOT SUPPORTED when one side's value is already another rule's "
        "fault (SS-007, RSC-003).",
};

WMIMOCK_CHECK(con003, kRuleCON003.id, "SameRequestedStateFromBothMethods", Needs::Enablement) {
    Verdict found;
    const auto twin = stopBothWays(ctx, found);
    if (!twin) return found;
    const auto a = twin->viaStop.after.requestedState;
    const auto b = twin->viaRsc.after.requestedState;
    if (a == b) return found.pass("both methods record RequestedState " + optionalText(a));
    // A value neither 3 nor untracked is the recording method's own fault: SS-007's for
    // StopService, RSC-003's for RequestStateChange. This rule judges the rest: one method
    // tracking the request while the other does not.
    const auto wrong = [](const std::optional<std::uint16_t>& v) { return v && *v != 3 && *v != 12; };
    if (wrong(a) || wrong(b)) {
        return found.notSupported("RequestedState " + optionalText(a) + " after StopService, " + optionalText(b) +
                                  " after RequestStateChange(3): " + (wrong(a) ? "SS-007's" : "RSC-003's") +
                                  " to judge");
    }
    found.fail("StopService to record the RequestedState RequestStateChange(3) records (" + optionalText(b) + ")",
               "RequestedState " + optionalText(a) + " after StopService");
    return found;
}

constexpr Rule kRuleCON004{
    .id = "CON-004",
    .level = Level::Should,
    .levelText = "SHOULD",
    .levelWhy = "Our reading of the overlap between the two sets of methods.",
    .title = "round trips mixing both methods work",
    .statement =
        "The methods can be mixed: StopService then RequestStateChange(2) restarts the "
        "service, RequestStateChange(3) then StartService restarts it, and "
        "RequestStateChange(3) then StopService is a harmless repeated stop.",
    .source = "SVC; ELE",
    .procedure =
        "Runs each mixed sequence and a control that runs the same steps through one "
        "method. FAIL naming each mixed sequence that does not end as its second step "
        "asks while its control does. NOT SUPPORTED when no sequence could be judged.",
};

WMIMOCK_CHECK(con004, kRuleCON004.id, "CrossMethodRoundTrips", Needs::Enablement) {
    struct Sequence {
        std::string_view name;
        bool firstViaRsc, secondViaRsc;
        Want second;
    };
    constexpr std::array sequences{
        Sequence{"StopService then RequestStateChange(2)", false, true, Want::Running},
        Sequence{"RequestStateChange(3) then StartService", true, false, Want::Running},
        Sequence{"RequestStateChange(3) then StopService", true, false, Want::Stopped},
    };
    // Catalog Rev. 2 principle: every sequence runs and every failing one is named. A failing
    // sequence is compared with its control, the same two steps through the second step's
    // own method only: when that fails too, the fault is the single method's (RSC-002,
    // SS-008, SS-020...) and not the mixing this rule is about.
    const auto secondStep = [&](const Sequence& seq) {
        return seq.secondViaRsc ? ctx.driver().rsc(seq.second == Want::Running ? 2 : 3)
                                : (seq.second == Want::Running ? ctx.driver().start() : ctx.driver().stop());
    };
    int run = 0;
    std::vector<std::string> failures;
    for (const auto& seq : sequences) {
        if (auto unmet = ctx.require(Want::Running)) return *unmet;
        // Only the end state is this rule's: a first step that misbehaves is judged by the
        // rules of its own method, and a job that does not complete by the JOB rules.
        const auto unjudged = [&](const Attempt& a) {
            if (a.call.notSupported()) return std::string(a.call.describe());
            if (a.job && a.job->finalState != job_state::kCompleted) return std::string("its job did not complete");
            return std::string();
        };
        const Attempt first = seq.firstViaRsc ? ctx.driver().rsc(3) : ctx.driver().stop();
        if (const auto why = unjudged(first); !why.empty()) {
            ctx.log(std::string(seq.name) + ": not judged, " + why);
            continue;
        }
        const Attempt second = secondStep(seq);
        if (const auto why = unjudged(second); !why.empty()) {
            ctx.log(std::string(seq.name) + ": not judged, " + why);
            continue;
        }
        ++run;
        const RunState want = seq.second == Want::Running ? RunState::Running : RunState::Stopped;
        if (runState(second.after) == want) continue;
        if (auto unmet = ctx.require(Want::Running)) return *unmet;
        const Attempt controlFirst = seq.secondViaRsc ? ctx.driver().rsc(3) : ctx.driver().stop();
        const Attempt control = secondStep(seq);
        if (unjudged(controlFirst).empty() && unjudged(control).empty() && runState(control.after) != want) {
            ctx.log(std::string(seq.name) + ": the second method fails alone too (" + control.after.toString() +
                    "): its own rules' fault");
            continue;
        }
        failures.push_back(std::string(seq.name) + ": " + second.call.describe() + ", " + second.after.toString());
    }
    if (!failures.empty())
        return verdict::fail("each mixed sequence ends in the state its second step asks", joinCases(failures));
    if (run == 0)
        return verdict::notSupported("no sequence could be judged (methods not supported or jobs incomplete)");
    return verdict::pass(std::to_string(run) + " mixed sequence(s) ended as expected");
}

constexpr Rule kRuleCON005{
    .id = "CON-005",
    .level = Level::Should,
    .levelText = "SHOULD NOT",
    .levelWhy =
        "Our reading: EnabledDefault is the administrator's start-up setting, not the "
        "running state.",
    .title = "stop/start do not change EnabledDefault or StartMode",
    .statement =
        "Stopping and starting the service changes neither EnabledDefault nor the "
        "deprecated StartMode.",
    .source = "ELE; SVC",
    .procedure =
        "Compares both properties across the run's stops and starts. FAIL on a change. "
        "NOT SUPPORTED when neither is populated.",
};

WMIMOCK_CHECK(con005, kRuleCON005.id, "EnabledDefaultAndStartModeUnchanged") {
    Verdict found;
    // Compared with the configuration found before the run touched the instance: the suite
    // itself only ever stops and starts it, so any change is the implementation's.
    const Snapshot first = ctx.baseline();
    std::vector<Snapshot> all{ctx.initial()};
    const auto collect = [&](const Attempt& a) {
        all.push_back(a.immediately);
        all.push_back(a.after);
    };
    if (ctx.driver().makeRunning()) collect(ctx.driver().stop());
    if (ctx.driver().makeStopped()) collect(ctx.driver().start());
    if (first.modelsEnablement()) {
        if (ctx.driver().makeRunning()) collect(ctx.driver().rsc(3));
        if (ctx.driver().makeStopped()) collect(ctx.driver().rsc(2));
    }
    if (!first.enabledDefault && !first.startMode &&
        std::all_of(all.begin(), all.end(), [](const Snapshot& s) { return !s.enabledDefault && !s.startMode; })) {
        return found.notSupported("neither EnabledDefault nor StartMode is populated");
    }
    for (const Snapshot& s : all) {
        if (s.enabledDefault != first.enabledDefault || s.startMode != first.startMode) {
            return found.fail("EnabledDefault " + optionalText(first.enabledDefault) + " and StartMode " +
                                  first.startMode.value_or("NULL") + " untouched by stop/start",
                              "EnabledDefault " + optionalText(s.enabledDefault) + ", StartMode " +
                                  s.startMode.value_or("NULL") + " after " + s.toString());
        }
    }
    found.pass("EnabledDefault " + optionalText(first.enabledDefault) + " and StartMode " +
               first.startMode.value_or("NULL") + " stayed as configured");
    return found;
}

constexpr Rule kRuleCON006{
    .id = "CON-006",
    .level = Level::May,
    .levelText = "MAY",
    .levelWhy = "Stated: RequestedState has no meaning when EnabledState is 5.",
    .title = "an element with EnabledState 5 skips the RequestStateChange rules",
    .statement =
        "An element that does not model enablement (EnabledState 5) may still stop "
        "through Started alone; the rules about RequestedState do not apply to it.",
    .source = "ELE",
    .checked = false,
    .whyNotChecked =
        "harness behaviour: when the tested instance reports EnabledState 5 or "
        "NULL, every RSC, JOB and RequestStateChange-based CON/CONC check reports "
        "not-supported and the SS checks judge Started only",
};

constexpr Rule kRuleCON007{
    .id = "CON-007",
    .level = Level::Should,
    .levelText = "SHOULD",
    .levelWhy = "Our reading of the capabilities class and its association.",
    .title = "capabilities are reachable and well formed",
    .statement =
        "Capabilities offered for the service are reachable through "
        "CIM_ElementCapabilities, list only states from {2, 3, 4, 6, 7, 8, 9, 10, 11} "
        "in RequestedStatesSupported, and only 2 or 3 in StateAwareness.",
    .source = "CAP",
    .procedure =
        "Follows CIM_ElementCapabilities from the service. FAIL on an out-of-range "
        "value. NOT SUPPORTED when no capabilities are associated.",
};

WMIMOCK_CHECK(con007, kRuleCON007.id, "CapabilitiesWellFormed") {
    const auto& all = ctx.probe().capabilities();
    if (all.empty())
        return verdict::notSupported("no CIM_EnabledLogicalElementCapabilities is associated to the element");
    for (const Capabilities& c : all) {
        if (c.requestedStatesSupported) {
            for (const auto s : *c.requestedStatesSupported) {
                if (s < 2 || s > 11 || s == 5) {
                    return verdict::fail("RequestedStatesSupported within {2,3,4,6,7,8,9,10,11}",
                                         std::to_string(s) + " in " + c.path.toString());
                }
            }
        }
        if (c.stateAwareness) {
            for (const auto s : *c.stateAwareness) {
                if (s != 2 && s != 3) {
                    return verdict::fail("StateAwareness within {2,3}", std::to_string(s) + " in " + c.path.toString());
                }
            }
        }
    }
    return verdict::pass(std::to_string(all.size()) + " capabilities instance(s), well formed");
}

constexpr std::array kRules{&kRuleCON001, &kRuleCON002, &kRuleCON003, &kRuleCON004,
                            &kRuleCON005, &kRuleCON006, &kRuleCON007};

constexpr std::array kChecks{con001Def, con002Def, con003Def, con004Def, con005Def, con007Def};

}  // namespace

std::span<const CheckDef> conChecks() noexcept {
    return kChecks;
}

std::span<const Rule* const> conRules() noexcept {
    return kRules;
}

}  // namespace wmimock::conformance
