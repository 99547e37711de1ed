// SS: CIM_Service.StopService (and StartService, which it must mirror). Catalog §1.
#include <array>
#include <set>

#include "check_helpers.hpp"
#include "check_registry.hpp"

namespace wmimock::conformance {
namespace {

constexpr Rule kRuleSS001{
    .id = "SS-001",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy = "Stated: the class defines 0 as the code of a completed stop.",
    .title = "successful StopService returns 0",
    .statement =
        "When StopService stops the service it returns 0; a successful stop never comes"
        " with a CIM error.",
    .source = "SVC; HV-SS",
    .procedure =
        "Brings the service to running and calls StopService without parameters. PASS "
        "on 0. WARN on 4096 (the stop runs as a job) or on another code after which the"
        " service kept running (the success path was not exercised). FAIL on a NULL "
        "return value, or when a decline or a non-zero code is answered although the "
        "service stopped. NOT SUPPORTED when StopService declines without effect "
        "(SS-009) or raises a CIM error (ERR-009 judges errors).",
};

WMIMOCK_CHECK(ss001, kRuleSS001.id, "StopServiceReturns0") {
    if (auto unmet = ctx.require(Want::Running)) return *unmet;
    const Attempt a = ctx.driver().stop();
    const CallOutcome& c = a.call;
    if (c.notSupported()) {
        // "Not supported" is only honest if nothing happened (a stop reported as 1 is a
        // success reported as failure).
        Snapshot end = a.immediately;
        if (runState(end) == RunState::Transitioning) end = ctx.driver().settle(Want::Stopped).last;
        if (runState(end) == RunState::Stopped) {
            return verdict::fail("0 for a stop that took place", c.describe(),
                                 "StopService answered " + c.describe() + " but the service stopped");
        }
        return verdict::notSupported("StopService is not implemented: " + c.describe() + " (SS-009)");
    }
    if (c.error) {
        // An error is not a return value: whether it had side effects is ERR-009's to judge.
        return verdict::notSupported("StopService on a running service raised " + c.describe() +
                                     ": no return value to judge (side effects of an error are ERR-009's)");
    }
    if (!c.code) return verdict::fail("return value 0", "a NULL return value");
    if (*c.code == 0) return verdict::pass("StopService on a running service returned 0");
    if (a.accepted) {  // documented 4096: the stop runs as a job
        return verdict::warn("StopService returned " + codeText(ctx, "StopService", *c.code) +
                             " (asynchronous) instead of 0" + (a.reached ? "; the service stopped" : ""));
    }
    // A non-zero code: the service must not have stopped nevertheless.
    Snapshot end = a.immediately;
    if (runState(end) == RunState::Transitioning) end = ctx.driver().settle(Want::Stopped).last;
    if (runState(end) == RunState::Stopped) {
        return verdict::fail("0 for a stop that took place", codeText(ctx, "StopService", *c.code),
                             "StopService reported " + codeText(ctx, "StopService", *c.code) +
                                 " but the service stopped (success reported as failure)");
    }
    return verdict::warn("StopService returned " + codeText(ctx, "StopService", *c.code) +
                         " and the service kept running: the success path could not be exercised");
}

constexpr Rule kRuleSS002{
    .id = "SS-002",
    .level = Level::Must,
    .levelText = "MUST/SHOULD",
    .levelWhy =
        "Our reading: Started FALSE is what 'stopped' means (MUST); EnabledState 3 is "
        "the natural mapping of a stopped service (SHOULD).",
    .title = "after a 0 return: Started FALSE, EnabledState 3",
    .statement =
        "After StopService returned 0 the service reads as stopped: Started is FALSE "
        "and EnabledState is 3 (Disabled). EnabledState 4 (Shutting Down) is fine while"
        " the transition runs.",
    .source = "SVC; ELE",
    .procedure =
        "Stops a running service and polls until the state settles or --settle-timeout "
        "passes. PASS on Started FALSE with EnabledState 3, or Started FALSE when the "
        "element does not model enablement. WARN when EnabledState stays 5, or is 0/1 "
        "with OtherEnabledState set. FAIL when Started stays TRUE or turns NULL, or "
        "EnabledState is NULL or another value. NOT SUPPORTED when the stop did not "
        "return 0 (SS-001's case).",
};

WMIMOCK_CHECK(ss002, kRuleSS002.id, "StoppedAfterSuccessfulStop") {
    if (auto unmet = ctx.require(Want::Running)) return *unmet;
    const Attempt a = ctx.driver().stop();
    if (auto no = declined(a.call)) return *no;
    if (!a.accepted) {
        return verdict::notSupported("StopService returned " + a.call.describe() +
                                     ", not 0: the post-state rule needs a successful stop (see SS-001)");
    }
    const Snapshot& s = a.after;
    if (s.started == true) {
        return verdict::fail("Started FALSE", "Started TRUE " + std::to_string(ctx.settings().settleTimeout.count()) +
                                                  " s after StopService returned " + a.call.describe());
    }
    if (!s.started && a.before.started) return verdict::fail("Started FALSE", "Started NULL after the stop");
    if (!a.before.modelsEnablement()) {
        return verdict::pass("Started FALSE after the stop (EnabledState not modelled: judged on Started)");
    }
    if (!s.enabledState) return verdict::fail("EnabledState 3", "EnabledState NULL after the stop");
    switch (*s.enabledState) {
        case enabled_state::kDisabled:
            return verdict::pass("Started FALSE and EnabledState 3 after the stop");
        case enabled_state::kNotApplicable:
            return verdict::warn("Started FALSE but EnabledState 5 (Not Applicable) after the stop");
        case enabled_state::kUnknown:
        case enabled_state::kOther:
            if (s.otherEnabledState) {
                return verdict::warn("Started FALSE with EnabledState " + std::to_string(*s.enabledState) +
                                     " and OtherEnabledState \"" + *s.otherEnabledState + "\"");
            }
            break;
        default:
            break;
    }
    return verdict::fail("EnabledState 3", "EnabledState " + std::to_string(*s.enabledState) + " after " +
                                               std::to_string(ctx.settings().settleTimeout.count()) + " s");
}

constexpr Rule kRuleSS003{
    .id = "SS-003",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy =
        "The meaning of 1 is stated by the class; that it changes nothing is our reading"
        " of 'not supported'.",
    .title = "return 1 means not supported and nothing changes",
    .statement =
        "A return of 1 says the request is not supported, so the service's state and "
        "RequestedState are exactly what they were before the call.",
    .source = "SVC",
    .procedure =
        "Every StopService call the check makes that returns 1 is bracketed by "
        "snapshots. PASS when no property changed; FAIL naming each property that did. "
        "NOT SUPPORTED when StopService never answers 1.",
};

WMIMOCK_CHECK(ss003, kRuleSS003.id, "Return1ChangesNothing") {
    int ones = 0;
    for (const Want from : {Want::Running, Want::Stopped}) {
        const bool ready = from == Want::Running ? ctx.driver().makeRunning() : ctx.driver().makeStopped();
        if (!ready) continue;
        const Snapshot before = ctx.probe().snapshot("before");
        const CallOutcome c = ctx.driver().stopService();
        if (!c.returned(1)) continue;
        ++ones;
        const Snapshot after = ctx.driver().afterCall();
        if (!identical(before, after)) {
            return verdict::fail("no property of S(T) changed after a return of 1", difference(before, after));
        }
    }
    if (ones == 0) return verdict::notSupported("not applicable: StopService never returned 1");
    return verdict::pass("StopService returned 1 and S(T) stayed identical");
}

constexpr Rule kRuleSS004{
    .id = "SS-004",
    .level = Level::Should,
    .levelText = "SHOULD",
    .levelWhy = "Our reading: the class only says that every other code is an error.",
    .title = "other non-zero codes leave a coherent state",
    .statement =
        "A return other than 0 and 1 reports an error, after which the instance is "
        "still coherent: Started agrees with EnabledState, the state did not change, "
        "RequestedState does not record a stop, and TimeOfLastStateChange moved only if"
        " EnabledState did.",
    .source = "SVC; ELE",
    .procedure =
        "Provokes an error by stopping a service another running service depends on. "
        "FAIL when the instance is incoherent, changed, or its timestamp moved without "
        "a state change; WARN when RequestedState records 3 after the failure. NOT "
        "SUPPORTED when no dependant exists or the stop was not refused.",
};

WMIMOCK_CHECK(ss004, kRuleSS004.id, "ErrorLeavesCoherentState") {
    // The error the catalog suggests provoking: stopping a service others depend on.
    const auto deps = ctx.probe().dependants(ctx.path());
    if (deps.empty()) return verdict::notSupported("no error can be provoked: no service depends on this one");
    // Starting the dependant starts this service first (make_running brings antecedents up).
    if (!ctx.driver().makeRunning(deps.front()) || runState(ctx.probe().snapshot()) != RunState::Running) {
        return verdict::unreachable("the service and its dependant could not both be brought to running");
    }
    const Snapshot before = ctx.probe().snapshot("before");
    const CallOutcome c = ctx.driver().stopService();
    if (auto no = declined(c)) return *no;
    if (c.returned(0) || (c.code && ctx.probe().isAsyncStart("StopService", *c.code))) {
        ctx.driver().settle(Want::Stopped);
        return verdict::notSupported("no error provoked: StopService with a running dependant returned " +
                                     c.describe());
    }
    const Snapshot after = ctx.driver().afterCall();
    const std::string what = c.describe();
    if (const auto mismatch = startedMismatch(after); !mismatch.empty()) {
        return verdict::fail("a self-consistent instance (CON-002) after " + what, mismatch);
    }
    if (!sameRunState(before, after)) {
        return verdict::fail("the state unchanged after the error " + what, difference(before, after));
    }
    if (before.timeOfLastStateChange != after.timeOfLastStateChange && before.enabledState == after.enabledState) {
        return verdict::fail("TimeOfLastStateChange unchanged while EnabledState did not change",
                             difference(before, after));
    }
    if (after.requestedState == requested_state::kDisabled && before.requestedState != requested_state::kDisabled) {
        return verdict::warn("RequestedState was set to 3 although StopService failed with " + what);
    }
    return verdict::pass("StopService failed with " + what + " and left a coherent, unchanged instance");
}

constexpr Rule kRuleSS005{
    .id = "SS-005",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy =
        "Our reading of the ValueMap qualifier: a subclass that declares return codes "
        "promises to use only those.",
    .title = "returned codes belong to the method ValueMap; Values aligned",
    .statement =
        "When a class between CIM_Service and the tested class puts a ValueMap on "
        "StopService, every value StopService returns matches an entry of it (not a "
        "DMTF or method reserved range; a vendor range counts). Values, when present, "
        "has one string per ValueMap entry, and the strings for 0 and 1 say success and"
        " not supported.",
    .source = "SVC",
    .procedure =
        "Reads the most derived ValueMap of StopService and every StopService return "
        "seen in the run. FAIL on malformed entries, misaligned Values, a 0 or 1 string"
        " with another meaning, or a returned code outside the map; WARN when the "
        "string for 1 does not read as 'not supported'. NOT SUPPORTED without a "
        "ValueMap or when StopService never returned a value.",
};

WMIMOCK_CHECK(ss005, kRuleSS005.id, "ReturnCodesInValueMap") {
    Verdict found;
    const ValueMap* vm = ctx.probe().methodValueMap("StopService");
    const std::string cls = ctx.path().className();
    if (vm == nullptr) {
        return found.notSupported("the class declares no ValueMap on StopService: only the 0/1 meanings apply");
    }
    if (!vm->malformed().empty()) {
        found.fail("ValueMap entries that are numbers or ranges", "\"" + vm->malformed().front() + "\" in " + cls);
    }
    if (vm->hasValues() && vm->valuesSize() != vm->valueMapSize()) {
        found.fail("as many Values as ValueMap entries (" + std::to_string(vm->valueMapSize()) + ")",
                   std::to_string(vm->valuesSize()) + " Values strings on " + cls + ".StopService");
    }
    if (vm->hasValues()) {
        const std::string zero = vm->labelOf(0);
        if (!zero.empty() &&
            (labelContains(zero, "fail") || (labelContains(zero, "error") && !labelContains(zero, "no error")))) {
            found.fail("a Values string for 0 meaning success", "0 = \"" + zero + "\"");
        }
        const std::string one = vm->labelOf(1);
        if (!one.empty() && !labelContains(one, "not supported") && !labelContains(one, "unsupported")) {
            if (labelContains(one, "success") || labelContains(one, "completed")) {
                found.fail("a Values string for 1 meaning not supported", "1 = \"" + one + "\"");
            } else {
                found.warn("the Values string for 1 does not say \"not supported\": \"" + one + "\"");
            }
        }
    }
    // The return values of the situations the run provokes.
    std::vector<std::uint64_t> seen;
    const auto observe = [&](const CallOutcome& c) {
        if (c.code) seen.push_back(*c.code);
    };
    if (ctx.driver().makeRunning()) observe(ctx.driver().stop().call);
    if (ctx.driver().makeStopped()) observe(ctx.driver().stopService());
    if (const auto deps = ctx.probe().dependants(ctx.path()); !deps.empty() && ctx.driver().makeRunning(deps.front())) {
        const Snapshot before = ctx.probe().snapshot();
        observe(ctx.driver()
                    .complete(ctx.driver().stopService(), before, Want::Stopped, Via::StateMethod, ctx.path())
                    .call);
    }
    std::string codes;
    for (const auto code : std::set<std::uint64_t>(seen.begin(), seen.end())) {
        const auto match = vm->lookup(code);
        if (!match.documented()) {
            return found.fail("a value of " + cls + ".StopService's ValueMap outside reserved ranges",
                              std::to_string(code) + (match.entry ? " (only matches \"" + match.entry->text + "\" " +
                                                                        match.entry->label + ")"
                                                                  : " (not in the ValueMap)"));
        }
        codes += (codes.empty() ? "" : ", ") + codeText(ctx, "StopService", code);
    }
    if (seen.empty()) return found.notSupported("StopService returned no value (only CIM errors)");
    found.pass("every StopService return is documented: " + codes);
    return found;
}

constexpr Rule kRuleSS006{
    .id = "SS-006",
    .level = Level::Must,
    .levelText = "MUST/SHOULD",
    .levelWhy =
        "Stated: the signature has no parameters (MUST accept none); rejecting an "
        "unknown one is our reading of DSP0200 (SHOULD).",
    .title = "no-parameter call works; an extra parameter is rejected",
    .statement =
        "StopService() takes no parameters: a call without any is valid, and a call "
        "with an unknown input parameter is refused with CIM_ERR_INVALID_PARAMETER and "
        "changes nothing.",
    .source = "SVC; DSP0200-list",
    .procedure =
        "Calls StopService(Bogus=1) on a running service. PASS on "
        "CIM_ERR_INVALID_PARAMETER with no state change. FAIL on another error, or an "
        "error that changed the state. WARN when the parameter is ignored and the call "
        "succeeds. NOT SUPPORTED when StopService declines.",
};

WMIMOCK_CHECK(ss006, kRuleSS006.id, "ExtraParameterRejected") {
    if (auto unmet = ctx.require(Want::Running)) return *unmet;
    const Snapshot before = ctx.probe().snapshot("before");
    const CallOutcome c = ctx.driver().invoke("StopService", {{"Bogus", Value::uint32(1)}});
    if (c.notSupported()) return verdict::notSupported("StopService is not supported: " + c.describe());
    const Snapshot after = ctx.driver().afterCall();
    if (c.error) {
        if (!sameRunState(before, after)) {
            return verdict::fail("no state change with an error", c.describe() + " but " + difference(before, after));
        }
        if (*c.error != CimStatus::InvalidParameter) {
            return verdict::fail("CIM_ERR_INVALID_PARAMETER", c.describe());
        }
        return verdict::pass("StopService(Bogus=1) was rejected with CIM_ERR_INVALID_PARAMETER and changed nothing");
    }
    if (!sameRunState(before, after)) ctx.driver().settle(Want::Stopped);
    return verdict::warn("the unknown parameter was ignored: StopService(Bogus=1) returned " + c.describe());
}

constexpr Rule kRuleSS007{
    .id = "SS-007",
    .level = Level::Should,
    .levelText = "SHOULD",
    .levelWhy = "Stated as a should by the class; the value 3 is our reading.",
    .title = "StopService sets RequestedState to 3",
    .statement =
        "A successful StopService records the request: RequestedState becomes 3 "
        "(Disabled). An implementation that does not track requests keeps "
        "RequestedState NULL or 12 (Not Applicable) throughout.",
    .source = "SVC; ELE; CAP",
    .procedure =
        "Stops a running service and reads RequestedState. PASS on 3. NOT SUPPORTED "
        "when requests are not tracked (NULL or 12 before and after) or the stop did "
        "not succeed. WARN or FAIL on any other value, FAIL when the element promises "
        "tracking.",
};

WMIMOCK_CHECK(ss007, kRuleSS007.id, "StopSetsRequestedState") {
    if (auto unmet = ctx.require(Want::Running)) return *unmet;
    const Attempt a = ctx.driver().stop();
    if (auto no = declined(a.call)) return *no;
    if (!a.accepted) {
        return verdict::notSupported("StopService returned " + a.call.describe() +
                                     ": needs a successful stop (SS-001)");
    }
    const auto rs = a.after.requestedState;
    if (rs == requested_state::kDisabled) return verdict::pass("RequestedState is 3 after the stop");
    if (a.before.requestedStateUntracked() && a.after.requestedStateUntracked()) {
        return verdict::notSupported("RequestedState is not tracked (" + optionalText(a.before.requestedState) +
                                     " before, " + optionalText(rs) + " after)");
    }
    if (rs == requested_state::kShutDown || rs == requested_state::kUnknown || rs == requested_state::kNotApplicable ||
        !rs) {
        return verdict::warn("RequestedState is " + optionalText(rs) + " after the stop; 3 is the appropriate value");
    }
    return verdict::fail("RequestedState 3", "RequestedState " + optionalText(rs) + " after a successful stop");
}

constexpr Rule kRuleSS008{
    .id = "SS-008",
    .level = Level::Must,
    .levelText = "MUST/SHOULD",
    .levelWhy =
        "Our reading, the sources being silent: the state must not change (MUST); 0 is "
        "preferred (SHOULD); a documented code is allowed (MAY).",
    .title = "stop on a stopped service: state unchanged, 0 preferred",
    .statement =
        "StopService on a service that is already stopped does not start it or change "
        "its state. It should return 0, since the goal already holds; a non-zero code "
        "the class documents for this case is accepted.",
    .source = "SVC; ELE; PEG-IS; W32-SS",
    .procedure =
        "Brings the service to stopped and calls StopService. PASS on 0 with nothing "
        "changed. WARN on a non-zero code, documented or not. FAIL when the state "
        "changed, on a CIM error, or on a NULL return value.",
};

WMIMOCK_CHECK(ss008, kRuleSS008.id, "StopOnStoppedIsIdempotent") {
    if (auto unmet = ctx.require(Want::Stopped)) return *unmet;
    const Snapshot before = ctx.probe().snapshot("before");
    const CallOutcome c = ctx.driver().stopService();
    const Snapshot after = ctx.driver().afterCall();
    const bool startedNow = after.started == true && before.started != true;
    if (startedNow || (after.enabledState && *after.enabledState != enabled_state::kDisabled &&
                       *after.enabledState != enabled_state::kNotApplicable)) {
        return verdict::fail("a stopped service stays stopped", difference(before, after));
    }
    if (auto no = declined(c)) return *no;
    if (c.error) return verdict::fail("return value 0", c.describe());
    if (!c.code) return verdict::fail("return value 0", "a NULL return value");
    if (*c.code == 0) return verdict::pass("StopService on a stopped service returned 0 and changed nothing");
    if (const ValueMap* vm = ctx.probe().methodValueMap("StopService");
        vm != nullptr && vm->lookup(*c.code).documented()) {
        return verdict::warn("StopService on a stopped service returned " + codeText(ctx, "StopService", *c.code) +
                             "; 0 is preferred (the goal state already holds)");
    }
    if (ctx.probe().methodValueMap("StopService") != nullptr) {
        // A code outside the class's ValueMap is SS-005's fault. The state held, so here it
        // is only not the preferred 0.
        return verdict::warn("StopService on a stopped service returned " + std::to_string(*c.code) +
                             ", which the ValueMap does not document (SS-005's to judge); 0 is preferred");
    }
    if (ctx.settings().lenientIdempotency) {
        return verdict::warn("StopService on a stopped service returned " + std::to_string(*c.code) +
                             " (no ValueMap; tolerated by --lenient-idempotency)");
    }
    // Without a ValueMap the method's description is the contract: 0 success, 1 not
    // supported, anything else an error; an error for a stop that had nothing to do is wrong.
    return verdict::fail("0 (the goal state already holds)", std::to_string(*c.code),
                         "StopService on a stopped service returned " + std::to_string(*c.code) +
                             ", an error by the method's description (no ValueMap) although nothing failed");
}

/// SS-020's judgment of a started service; empty when it holds.
std::string startedProblem(const Attempt& a) {
    if (!a.reached) return "not running after the settle timeout: " + a.after.toString();
    if (a.after.started == false) return "Started FALSE";
    if (a.before.modelsEnablement() && a.after.enabledState != enabled_state::kEnabled) {
        return "EnabledState " + optionalText(a.after.enabledState);
    }
    const auto rs = a.after.requestedState;
    if (rs && *rs != 2 && *rs != 12) return "RequestedState " + std::to_string(*rs);
    return {};
}

constexpr Rule kRuleSS009{
    .id = "SS-009",
    .level = Level::May,
    .levelText = "MAY",
    .levelWhy =
        "Stated: schema 2.49 marks StopService Deprecated in favour of "
        "RequestStateChange.",
    .title = "the deprecated method may be unimplemented: skip, not fail",
    .statement =
        "Because StopService is deprecated, an implementation may decline it. The "
        "RequestStateChange rules are then the ones that judge the service, and the "
        "StopService rules are skipped, not failed.",
    .source = "SVC",
    .checked = false,
    .whyNotChecked =
        "harness behaviour: every SS check reports not-supported when StopService "
        "answers 1, CIM_ERR_NOT_SUPPORTED or CIM_ERR_METHOD_NOT_AVAILABLE; nothing "
        "to verify in the implementation",
};

constexpr Rule kRuleSS010{
    .id = "SS-010",
    .level = Level::May,
    .levelText = "MAY",
    .levelWhy = "Stated for Win32_Service, whose 0 means 'accepted'.",
    .title = "a 0 return may precede the end of the transition",
    .statement =
        "Some implementations answer 0 as soon as a stop is accepted and finish it "
        "later without a job. A 0 therefore does not mean the service has already "
        "stopped.",
    .source = "W32-SS",
    .checked = false,
    .whyNotChecked =
        "harness behaviour: every post-state check polls with Settle() up to "
        "--settle-timeout before judging; nothing to verify in the implementation",
};

constexpr Rule kRuleSS020{
    .id = "SS-020",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy =
        "Stated for the return value (the class describes StartService as StopService's "
        "mirror); the post-state is our reading, as for SS-002.",
    .title = "StartService returns 0 and yields Started TRUE, EnabledState 2",
    .statement =
        "StartService on a stopped service returns 0, after which Started is TRUE, "
        "EnabledState is 2 (Enabled; 10 while starting) and RequestedState is 2, or "
        "NULL/12 when requests are not tracked.",
    .source = "SVC",
    .procedure =
        "Brings the service to stopped and calls StartService. PASS on 0 and a running "
        "service. WARN on 4096 or another success code. FAIL when the start is not "
        "accepted or the service does not end running as described.",
};

WMIMOCK_CHECK(ss020, kRuleSS020.id, "StartServiceReturns0") {
    if (auto unmet = ctx.require(Want::Stopped)) return *unmet;
    const Attempt a = ctx.driver().start();
    if (auto no = declined(a.call)) return *no;
    if (!a.accepted) return verdict::fail("StartService returns 0", a.call.describe());
    if (const auto problem = startedProblem(a); !problem.empty()) {
        return verdict::fail("Started TRUE, EnabledState 2, RequestedState 2/NULL/12", problem);
    }
    if (!a.call.returned(0)) {
        return verdict::warn("StartService returned " + codeText(ctx, "StartService", *a.call.code) + " instead of 0");
    }
    return verdict::pass("StartService returned 0 and the service runs");
}

constexpr Rule kRuleSS021{
    .id = "SS-021",
    .level = Level::Should,
    .levelText = "SHOULD",
    .levelWhy =
        "Our reading: the class offers both methods, so a round trip is expected to "
        "work.",
    .title = "stop/start/stop round trip is stable",
    .statement = "Stop, start and stop again leaves the same stopped state as the first stop.",
    .source = "SVC",
    .procedure =
        "Runs StopService, StartService, StopService from running. PASS when both "
        "stopped states agree. FAIL when the start or the second stop fails, or the two"
        " stopped states differ. NOT SUPPORTED when the first stop does not succeed. A "
        "wrong intermediate state is SS-020's and only logged.",
};

WMIMOCK_CHECK(ss021, kRuleSS021.id, "StopStartStopRoundTrip") {
    if (auto unmet = ctx.require(Want::Running)) return *unmet;
    const Attempt first = ctx.driver().stop();
    if (auto no = declined(first.call)) return *no;
    if (!first.accepted || !first.reached) {
        // A first stop that fails is SS-001's, SS-004's or ERR-009's: no round trip to judge.
        return verdict::notSupported("the first stop did not succeed (" + first.call.describe() +
                                     "): the round trip cannot be judged");
    }
    const Attempt start = ctx.driver().start();
    if (auto no = declined(start.call)) return *no;
    if (!start.accepted) return verdict::fail("StartService returns 0", start.call.describe());
    if (const auto problem = startedProblem(start); !problem.empty()) {
        // SS-020's fault; the round trip is judged on what the two stops leave.
        ctx.log("the intermediate state does not match SS-020 (" + problem + "): SS-020's to judge");
    }
    const Attempt second = ctx.driver().stop();
    if (!second.reached) {
        return verdict::fail("the second stop succeeds", second.call.describe() + ", " + second.after.toString());
    }
    const Snapshot& a = first.after;
    const Snapshot& c = second.after;
    if (a.started != c.started || a.enabledState != c.enabledState || a.requestedState != c.requestedState ||
        a.enabledDefault != c.enabledDefault) {
        return verdict::fail("the same stopped state after both stops", difference(a, c));
    }
    return verdict::pass("stop, start, stop: both stopped states agree");
}

constexpr std::array kRules{&kRuleSS001, &kRuleSS002, &kRuleSS003, &kRuleSS004, &kRuleSS005, &kRuleSS006,
                            &kRuleSS007, &kRuleSS008, &kRuleSS009, &kRuleSS010, &kRuleSS020, &kRuleSS021};

constexpr std::array kChecks{ss001Def, ss002Def, ss003Def, ss004Def, ss005Def,
                             ss006Def, ss007Def, ss008Def, ss020Def, ss021Def};

}  // namespace

std::span<const CheckDef> ssChecks() noexcept {
    return kChecks;
}

std::span<const Rule* const> ssRules() noexcept {
    return kRules;
}

}  // namespace wmimock::conformance
