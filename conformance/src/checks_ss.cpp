// SS: CIM_Service.StopService (and StartService, which it must mirror). Catalog §1.
#include <array>
#include <set>

#include "check_helpers.hpp"
#include "check_registry.hpp"

namespace wmimock::conformance {
namespace {

WMIMOCK_CHECK(ss001, "SS-001", "StopServiceReturns0") {
    if (!ctx.makeRunning()) return ctx.unreachable("the service could not be brought to running");
    const Attempt a = ctx.stop();
    const CallOutcome& c = a.call;
    if (c.notSupported()) {
        // "Not supported" is only honest if nothing happened (a stop reported as 1 is a
        // success reported as failure).
        Snapshot end = a.immediately;
        if (runState(end) == RunState::Transitioning) end = ctx.settle(Want::Stopped).last;
        if (runState(end) == RunState::Stopped) {
            return ctx.fail("0 for a stop that took place", c.describe(),
                            "StopService answered " + c.describe() + " but the service stopped");
        }
        return ctx.notSupported("StopService is not implemented: " + c.describe() + " (SS-009)");
    }
    if (c.error) {
        // An error is not a return value: whether it had side effects is ERR-009's to judge.
        return ctx.notSupported("StopService on a running service raised " + c.describe() +
                                ": no return value to judge (side effects of an error are ERR-009's)");
    }
    if (!c.code) return ctx.fail("return value 0", "a NULL return value");
    if (*c.code == 0) return ctx.pass("StopService on a running service returned 0");
    if (a.accepted) {  // documented 4096: the stop runs as a job
        return ctx.warn("StopService returned " + codeText(ctx, "StopService", *c.code) +
                        " (asynchronous) instead of 0" + (a.reached ? "; the service stopped" : ""));
    }
    // A non-zero code: the service must not have stopped nevertheless.
    Snapshot end = a.immediately;
    if (runState(end) == RunState::Transitioning) end = ctx.settle(Want::Stopped).last;
    if (runState(end) == RunState::Stopped) {
        return ctx.fail("0 for a stop that took place", codeText(ctx, "StopService", *c.code),
                        "StopService reported " + codeText(ctx, "StopService", *c.code) +
                            " but the service stopped (success reported as failure)");
    }
    ctx.warn("StopService returned " + codeText(ctx, "StopService", *c.code) +
             " and the service kept running: the success path could not be exercised");
}

WMIMOCK_CHECK(ss002, "SS-002", "StoppedAfterSuccessfulStop") {
    if (!ctx.makeRunning()) return ctx.unreachable("the service could not be brought to running");
    const Attempt a = ctx.stop();
    if (declined(ctx, a.call)) return;
    if (!a.accepted) {
        return ctx.notSupported("StopService returned " + a.call.describe() +
                                ", not 0: the post-state rule needs a successful stop (see SS-001)");
    }
    const Snapshot& s = a.after;
    if (s.started == true) {
        return ctx.fail("Started FALSE", "Started TRUE " + std::to_string(ctx.settings().settleTimeout.count()) +
                                             " s after StopService returned " + a.call.describe());
    }
    if (!s.started && a.before.started) return ctx.fail("Started FALSE", "Started NULL after the stop");
    if (!a.before.modelsEnablement()) {
        return ctx.pass("Started FALSE after the stop (EnabledState not modelled: judged on Started)");
    }
    if (!s.enabledState) return ctx.fail("EnabledState 3", "EnabledState NULL after the stop");
    switch (*s.enabledState) {
        case 3:
            return ctx.pass("Started FALSE and EnabledState 3 after the stop");
        case 5:
            return ctx.warn("Started FALSE but EnabledState 5 (Not Applicable) after the stop");
        case 0:
        case 1:
            if (s.otherEnabledState) {
                return ctx.warn("Started FALSE with EnabledState " + std::to_string(*s.enabledState) +
                                " and OtherEnabledState \"" + *s.otherEnabledState + "\"");
            }
            break;
        default:
            break;
    }
    ctx.fail("EnabledState 3", "EnabledState " + std::to_string(*s.enabledState) + " after " +
                                   std::to_string(ctx.settings().settleTimeout.count()) + " s");
}

WMIMOCK_CHECK(ss003, "SS-003", "Return1ChangesNothing") {
    int ones = 0;
    for (const Want from : {Want::Running, Want::Stopped}) {
        const bool ready = from == Want::Running ? ctx.makeRunning() : ctx.makeStopped();
        if (!ready) continue;
        const Snapshot before = ctx.snapshot("before");
        const CallOutcome c = ctx.stopService();
        if (!c.returned(1)) continue;
        ++ones;
        const Snapshot after = ctx.afterCall();
        if (!identical(before, after)) {
            return ctx.fail("no property of S(T) changed after a return of 1", difference(before, after));
        }
    }
    if (ones == 0) return ctx.notSupported("not applicable: StopService never returned 1");
    ctx.pass("StopService returned 1 and S(T) stayed identical");
}

WMIMOCK_CHECK(ss004, "SS-004", "ErrorLeavesCoherentState") {
    // The error the catalog suggests provoking: stopping a service others depend on.
    const auto deps = ctx.dependants(ctx.path());
    if (deps.empty()) return ctx.notSupported("no error can be provoked: no service depends on this one");
    // Starting the dependant starts this service first (make_running brings antecedents up).
    if (!ctx.makeRunning(&deps.front()) || runState(ctx.snapshot()) != RunState::Running) {
        return ctx.unreachable("the service and its dependant could not both be brought to running");
    }
    const Snapshot before = ctx.snapshot("before");
    const CallOutcome c = ctx.stopService();
    if (declined(ctx, c)) return;
    if (c.returned(0) || (c.code && ctx.isAsyncStart("StopService", *c.code))) {
        ctx.settle(Want::Stopped);
        return ctx.notSupported("no error provoked: StopService with a running dependant returned " + c.describe());
    }
    const Snapshot after = ctx.afterCall();
    const std::string what = c.describe();
    if (const auto mismatch = startedMismatch(after); !mismatch.empty()) {
        return ctx.fail("a self-consistent instance (CON-002) after " + what, mismatch);
    }
    if (!sameRunState(before, after)) {
        return ctx.fail("the state unchanged after the error " + what, difference(before, after));
    }
    if (before.timeOfLastStateChange != after.timeOfLastStateChange && before.enabledState == after.enabledState) {
        return ctx.fail("TimeOfLastStateChange unchanged while EnabledState did not change", difference(before, after));
    }
    if (after.requestedState == 3U && before.requestedState != 3U) {
        return ctx.warn("RequestedState was set to 3 although StopService failed with " + what);
    }
    ctx.pass("StopService failed with " + what + " and left a coherent, unchanged instance");
}

WMIMOCK_CHECK(ss005, "SS-005", "ReturnCodesInValueMap") {
    const ValueMap* vm = ctx.methodValueMap("StopService");
    const std::string cls = ctx.path().className();
    if (vm == nullptr) {
        return ctx.notSupported("the class declares no ValueMap on StopService: only the 0/1 meanings apply");
    }
    if (!vm->malformed().empty()) {
        ctx.fail("ValueMap entries that are numbers or ranges", "\"" + vm->malformed().front() + "\" in " + cls);
    }
    if (vm->hasValues() && vm->valuesSize() != vm->valueMapSize()) {
        ctx.fail("as many Values as ValueMap entries (" + std::to_string(vm->valueMapSize()) + ")",
                 std::to_string(vm->valuesSize()) + " Values strings on " + cls + ".StopService");
    }
    if (vm->hasValues()) {
        const std::string zero = vm->labelOf(0);
        if (!zero.empty() &&
            (labelContains(zero, "fail") || (labelContains(zero, "error") && !labelContains(zero, "no error")))) {
            ctx.fail("a Values string for 0 meaning success", "0 = \"" + zero + "\"");
        }
        const std::string one = vm->labelOf(1);
        if (!one.empty() && !labelContains(one, "not supported") && !labelContains(one, "unsupported")) {
            if (labelContains(one, "success") || labelContains(one, "completed")) {
                ctx.fail("a Values string for 1 meaning not supported", "1 = \"" + one + "\"");
            } else {
                ctx.warn("the Values string for 1 does not say \"not supported\": \"" + one + "\"");
            }
        }
    }
    // The return values of the situations the run provokes.
    std::vector<std::uint64_t> seen;
    const auto observe = [&](const CallOutcome& c) {
        if (c.code) seen.push_back(*c.code);
    };
    if (ctx.makeRunning()) observe(ctx.stop().call);
    if (ctx.makeStopped()) observe(ctx.stopService());
    if (const auto deps = ctx.dependants(ctx.path()); !deps.empty() && ctx.makeRunning(&deps.front())) {
        const Snapshot before = ctx.snapshot();
        observe(ctx.complete(ctx.stopService(), before, Want::Stopped, false, ctx.path()).call);
    }
    std::string codes;
    for (const auto code : std::set<std::uint64_t>(seen.begin(), seen.end())) {
        const auto match = vm->lookup(code);
        if (!match.documented()) {
            return ctx.fail("a value of " + cls + ".StopService's ValueMap outside reserved ranges",
                            std::to_string(code) + (match.entry ? " (only matches \"" + match.entry->text + "\" " +
                                                                      match.entry->label + ")"
                                                                : " (not in the ValueMap)"));
        }
        codes += (codes.empty() ? "" : ", ") + codeText(ctx, "StopService", code);
    }
    if (seen.empty()) return ctx.notSupported("StopService returned no value (only CIM errors)");
    ctx.pass("every StopService return is documented: " + codes);
}

WMIMOCK_CHECK(ss006, "SS-006", "ExtraParameterRejected") {
    if (!ctx.makeRunning()) return ctx.unreachable("the service could not be brought to running");
    const Snapshot before = ctx.snapshot("before");
    const CallOutcome c = ctx.invoke("StopService", {{"Bogus", Value::uint32(1)}});
    if (c.notSupported()) return ctx.notSupported("StopService is not supported: " + c.describe());
    const Snapshot after = ctx.afterCall();
    if (c.error) {
        if (!sameRunState(before, after)) {
            return ctx.fail("no state change with an error", c.describe() + " but " + difference(before, after));
        }
        if (*c.error != CimStatus::InvalidParameter) {
            return ctx.fail("CIM_ERR_INVALID_PARAMETER", c.describe());
        }
        return ctx.pass("StopService(Bogus=1) was rejected with CIM_ERR_INVALID_PARAMETER and changed nothing");
    }
    if (!sameRunState(before, after)) ctx.settle(Want::Stopped);
    ctx.warn("the unknown parameter was ignored: StopService(Bogus=1) returned " + c.describe());
}

WMIMOCK_CHECK(ss007, "SS-007", "StopSetsRequestedState") {
    if (!ctx.makeRunning()) return ctx.unreachable("the service could not be brought to running");
    const Attempt a = ctx.stop();
    if (declined(ctx, a.call)) return;
    if (!a.accepted) {
        return ctx.notSupported("StopService returned " + a.call.describe() + ": needs a successful stop (SS-001)");
    }
    const auto rs = a.after.requestedState;
    if (rs == 3U) return ctx.pass("RequestedState is 3 after the stop");
    if (a.before.requestedStateUntracked() && a.after.requestedStateUntracked()) {
        return ctx.notSupported("RequestedState is not tracked (" + optionalText(a.before.requestedState) +
                                " before, " + optionalText(rs) + " after)");
    }
    if (rs == 4U || rs == 0U || rs == 12U || !rs) {
        return ctx.warn("RequestedState is " + optionalText(rs) + " after the stop; 3 is the appropriate value");
    }
    ctx.fail("RequestedState 3", "RequestedState " + optionalText(rs) + " after a successful stop");
}

WMIMOCK_CHECK(ss008, "SS-008", "StopOnStoppedIsIdempotent") {
    if (!ctx.makeStopped()) return ctx.unreachable("the service could not be brought to stopped");
    const Snapshot before = ctx.snapshot("before");
    const CallOutcome c = ctx.stopService();
    const Snapshot after = ctx.afterCall();
    const bool startedNow = after.started == true && before.started != true;
    if (startedNow || (after.enabledState && *after.enabledState != 3 && *after.enabledState != 5)) {
        return ctx.fail("a stopped service stays stopped", difference(before, after));
    }
    if (declined(ctx, c)) return;
    if (c.error) return ctx.fail("return value 0", c.describe());
    if (!c.code) return ctx.fail("return value 0", "a NULL return value");
    if (*c.code == 0) return ctx.pass("StopService on a stopped service returned 0 and changed nothing");
    if (const ValueMap* vm = ctx.methodValueMap("StopService"); vm != nullptr && vm->lookup(*c.code).documented()) {
        return ctx.warn("StopService on a stopped service returned " + codeText(ctx, "StopService", *c.code) +
                        "; 0 is preferred (the goal state already holds)");
    }
    if (ctx.methodValueMap("StopService") != nullptr) {
        // A code outside the class's ValueMap is SS-005's fault. The state held, so here it
        // is only not the preferred 0.
        return ctx.warn("StopService on a stopped service returned " + std::to_string(*c.code) +
                        ", which the ValueMap does not document (SS-005's to judge); 0 is preferred");
    }
    if (ctx.settings().lenientIdempotency) {
        return ctx.warn("StopService on a stopped service returned " + std::to_string(*c.code) +
                        " (no ValueMap; tolerated by --lenient-idempotency)");
    }
    // Without a ValueMap the method's description is the contract: 0 success, 1 not
    // supported, anything else an error; an error for a stop that had nothing to do is wrong.
    ctx.fail("0 (the goal state already holds)", std::to_string(*c.code),
             "StopService on a stopped service returned " + std::to_string(*c.code) +
                 ", an error by the method's description (no ValueMap) although nothing failed");
}

/// SS-020's judgment of a started service; empty when it holds.
std::string startedProblem(const Attempt& a) {
    if (!a.reached) return "not running after the settle timeout: " + a.after.toString();
    if (a.after.started == false) return "Started FALSE";
    if (a.before.modelsEnablement() && a.after.enabledState != 2U) {
        return "EnabledState " + optionalText(a.after.enabledState);
    }
    const auto rs = a.after.requestedState;
    if (rs && *rs != 2 && *rs != 12) return "RequestedState " + std::to_string(*rs);
    return {};
}

WMIMOCK_CHECK(ss020, "SS-020", "StartServiceReturns0") {
    if (!ctx.makeStopped()) return ctx.unreachable("the service could not be brought to stopped");
    const Attempt a = ctx.start();
    if (declined(ctx, a.call)) return;
    if (!a.accepted) return ctx.fail("StartService returns 0", a.call.describe());
    if (const auto problem = startedProblem(a); !problem.empty()) {
        return ctx.fail("Started TRUE, EnabledState 2, RequestedState 2/NULL/12", problem);
    }
    if (!a.call.returned(0)) {
        return ctx.warn("StartService returned " + codeText(ctx, "StartService", *a.call.code) + " instead of 0");
    }
    ctx.pass("StartService returned 0 and the service runs");
}

WMIMOCK_CHECK(ss021, "SS-021", "StopStartStopRoundTrip") {
    if (!ctx.makeRunning()) return ctx.unreachable("the service could not be brought to running");
    const Attempt first = ctx.stop();
    if (declined(ctx, first.call)) return;
    if (!first.accepted || !first.reached) {
        // A first stop that fails is SS-001's, SS-004's or ERR-009's: no round trip to judge.
        return ctx.notSupported("the first stop did not succeed (" + first.call.describe() +
                                "): the round trip cannot be judged");
    }
    const Attempt start = ctx.start();
    if (declined(ctx, start.call)) return;
    if (!start.accepted) return ctx.fail("StartService returns 0", start.call.describe());
    if (const auto problem = startedProblem(start); !problem.empty()) {
        // SS-020's fault; the round trip is judged on what the two stops leave.
        ctx.log("the intermediate state does not match SS-020 (" + problem + "): SS-020's to judge");
    }
    const Attempt second = ctx.stop();
    if (!second.reached) {
        return ctx.fail("the second stop succeeds", second.call.describe() + ", " + second.after.toString());
    }
    const Snapshot& a = first.after;
    const Snapshot& c = second.after;
    if (a.started != c.started || a.enabledState != c.enabledState || a.requestedState != c.requestedState ||
        a.enabledDefault != c.enabledDefault) {
        return ctx.fail("the same stopped state after both stops", difference(a, c));
    }
    ctx.pass("stop, start, stop: both stopped states agree");
}

constexpr std::array kChecks{ss001Def, ss002Def, ss003Def, ss004Def, ss005Def,
                             ss006Def, ss007Def, ss008Def, ss020Def, ss021Def};

}  // namespace

std::span<const CheckDef> ssChecks() noexcept {
    return kChecks;
}

}  // namespace wmimock::conformance
