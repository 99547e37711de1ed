// RSC: CIM_EnabledLogicalElement.RequestStateChange. Catalog §2.
#include <algorithm>
#include <array>
#include <functional>
#include <set>

#include "check_helpers.hpp"
#include "check_registry.hpp"

namespace wmimock::conformance {
namespace {

constexpr std::string_view kRsc = "RequestStateChange";
/// Enough for a TimeOfLastStateChange (microsecond resolution) to tell two changes apart.
constexpr std::chrono::milliseconds kClockStep{10};

bool contains(const std::vector<std::uint16_t>& v, std::uint16_t x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

/// The RequestedState values a client may request (ValueMap of CIM_EnabledLogicalElement's
/// RequestStateChange, without 0, 1, 5, 12 and the reserved ranges).
constexpr std::array<std::uint16_t, 9> kRequestableStates{
    requested_state::kEnabled, requested_state::kDisabled, requested_state::kShutDown,
    requested_state::kOffline, requested_state::kTest,     requested_state::kDeferred,
    requested_state::kQuiesce, requested_state::kReboot,   requested_state::kReset};

/// Ends a request that was accepted by mistake, so the next step starts from a known state.
void finishIfAccepted(CheckContext& ctx, const CallOutcome& c) {
    if (c.code == rsc_result::kJobStarted && c.job) ctx.driver().waitJob(*c.job);
}

std::string stateText(const std::vector<std::uint16_t>& v) {
    std::string out = "{";
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + std::to_string(v[i]);
    return out + "}";
}

/// The requestable states the capabilities list (2 and 3 when there are no capabilities).
std::vector<std::uint16_t> listedStates(CheckContext& ctx) {
    const Capabilities* caps = ctx.probe().caps();
    if (caps == nullptr || !caps->requestedStatesSupported)
        return {requested_state::kEnabled, requested_state::kDisabled};
    std::vector<std::uint16_t> out;
    for (const auto state : *caps->requestedStatesSupported) {
        if (std::find(kRequestableStates.begin(), kRequestableStates.end(), state) != kRequestableStates.end()) {
            out.push_back(state);
        }
    }
    return out;
}

constexpr Rule kRuleRSC001{
    .id = "RSC-001",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy = "Our reading of the method's ValueMap: reserved ranges are never returned.",
    .title = "return value is in the RequestStateChange ValueMap, never reserved",
    .statement =
        "RequestStateChange returns only its documented codes: 0 to 6, 4096 to 4099, a "
        "vendor value from 32768 to 65535, or an entry of a subclass's own ValueMap; "
        "never a DMTF reserved (7..4095) or method reserved (4100..32767) value.",
    .source = "ELE",
    .procedure =
        "Collects every RequestStateChange return of the run. FAIL naming each "
        "undocumented value and the call that returned it. NOT SUPPORTED when "
        "RequestStateChange only ever raised CIM errors.",
};

WMIMOCK_CHECK(rsc001, kRuleRSC001.id, "ReturnInValueMap", Needs::Enablement) {
    // The whole domain this rule owns: every state the capabilities list (2 and 3 without
    // them) from both run states, and the invalid values 0 and 12. States outside the
    // capabilities are RSC-005's alone, answer and code, so that one fault shows under one
    // rule; what the calls did is RSC-002's, RSC-009's and RSC-011's.
    const std::vector<std::uint16_t> listed = listedStates(ctx);
    std::vector<std::pair<std::string, CallOutcome>> calls;
    for (const Want from : {Want::Running, Want::Stopped}) {
        for (const std::uint16_t state : listed) {
            if (!(from == Want::Running ? ctx.driver().makeRunning() : ctx.driver().makeStopped())) break;
            calls.emplace_back("RequestStateChange(" + std::to_string(state) + ") from " +
                                   (from == Want::Running ? "running" : "stopped"),
                               ctx.driver().requestStateChange(state));
            finishIfAccepted(ctx, calls.back().second);
        }
    }
    for (const std::uint16_t invalid : {0, 12}) {
        if (!ctx.driver().makeRunning()) break;
        calls.emplace_back("RequestStateChange(" + std::to_string(invalid) + ")",
                           ctx.driver().requestStateChange(invalid));
        finishIfAccepted(ctx, calls.back().second);
    }
    const ValueMap& vm = ctx.probe().rscValueMap();
    std::set<std::uint64_t> seen;
    std::vector<std::string> offences;
    for (const auto& [what, c] : calls) {
        if (!c.code) continue;
        const auto match = vm.lookup(*c.code);
        if (!match.documented()) {
            offences.push_back(what + " -> " + std::to_string(*c.code) +
                               (match.entry ? " (matches \"" + match.entry->text + "\" " + match.entry->label + ")"
                                            : " (not in the ValueMap)"));
            continue;
        }
        seen.insert(*c.code);
    }
    if (!offences.empty()) {
        return verdict::fail("a RequestStateChange ValueMap value outside the reserved ranges from every call",
                             joinCases(offences));
    }
    if (seen.empty()) {
        if (auto no = calls.empty() ? std::nullopt : declined(calls.front().second)) return *no;
        return verdict::notSupported("RequestStateChange returned no value (only CIM errors)");
    }
    std::string codes;
    for (const auto code : seen) codes += (codes.empty() ? "" : ", ") + codeText(ctx, kRsc, code);
    return verdict::pass(std::to_string(calls.size()) + " calls, every return documented: " + codes);
}

constexpr Rule kRuleRSC002{
    .id = "RSC-002",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy =
        "Stated for 'initiated'; that the element then reaches the state is our reading "
        "of the method's description.",
    .title = "0 means initiated; the element reaches the requested state",
    .statement =
        "A return of 0 means the change began; once it has happened EnabledState equals"
        " the requested state.",
    .source = "ELE",
    .procedure =
        "Requests every state the capabilities list, each from the state it leaves. For"
        " every 0, polls until EnabledState equals the request or --settle-timeout "
        "passes; FAIL naming each state not reached. Returns of 4096 go to the JOB "
        "rules. NOT SUPPORTED when no request returned 0.",
};

WMIMOCK_CHECK(rsc002, kRuleRSC002.id, "RequestedStateReached", Needs::Enablement) {
    // Every state the capabilities list (2 and 3 without capabilities), each from the run
    // state it leaves. Only reaching the state is judged: RequestedState is RSC-003's.
    const std::vector<std::uint16_t> states = listedStates(ctx);
    std::vector<std::string> offences, reached;
    int asynchronous = 0;
    for (const std::uint16_t state : states) {
        if (!(state == requested_state::kEnabled ? ctx.driver().makeStopped() : ctx.driver().makeRunning())) continue;
        const Attempt a = ctx.driver().rsc(state);
        const std::string which = "RequestStateChange(" + std::to_string(state) + ")";
        if (a.call.notSupported() || !a.accepted) {
            ctx.log(which + " answered " + a.call.describe() + ": no 0 to judge here");
            continue;
        }
        if (a.call.returned(rsc_result::kJobStarted)) {
            ++asynchronous;
            ctx.log(which + " completes asynchronously (4096): judged by the JOB rules");
            continue;
        }
        if (!a.reached || a.after.enabledState != state) {
            offences.push_back(which + " -> 0, then " + a.after.toString());
        } else {
            reached.push_back(std::to_string(state));
        }
    }
    if (!offences.empty()) {
        return verdict::fail("EnabledState equal to the request within the settle timeout", joinCases(offences));
    }
    if (reached.empty()) {
        return verdict::notSupported(asynchronous > 0
                                         ? "RequestStateChange completes asynchronously (4096): judged by the JOB rules"
                                         : "no RequestStateChange answered 0");
    }
    std::string all;
    for (const auto& r : reached) all += (all.empty() ? "" : ", ") + r;
    return verdict::pass("after a return of 0 the element reached EnabledState " + all);
}

constexpr Rule kRuleRSC003{
    .id = "RSC-003",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy =
        "Stated by the RequestedState parameter's description, unless the element does "
        "not track requests.",
    .title = "RequestedState property is set on 0 or 4096",
    .statement =
        "When RequestStateChange returns 0 or 4096, RequestedState takes the requested "
        "value at once, before the transition ends.",
    .source = "ELE; HV-RSC",
    .procedure =
        "Requests 3 on a running service and reads RequestedState right after the call."
        " PASS on 3. NOT SUPPORTED when RequestedState is not tracked (NULL or 12 "
        "throughout) or the request returned neither 0 nor 4096. FAIL on another value,"
        " in particular when StateAwareness promises tracking.",
};

WMIMOCK_CHECK(rsc003, kRuleRSC003.id, "RequestedStateSetImmediately", Needs::Enablement) {
    if (auto unmet = ctx.require(Want::Running)) return *unmet;
    const Attempt a = ctx.driver().rsc(3);
    if (auto no = declined(a.call)) return *no;
    if (!a.call.returned(0) && !a.call.returned(rsc_result::kJobStarted)) {
        return verdict::notSupported("RequestStateChange(3) returned " + a.call.describe() + ": neither 0 nor 4096");
    }
    const auto rs = a.immediately.requestedState;
    if (rs == requested_state::kDisabled)
        return verdict::pass("RequestedState was 3 right after the call returned " + a.call.describe());
    if (a.before.requestedStateUntracked() && a.immediately.requestedStateUntracked()) {
        const Capabilities* caps = ctx.probe().caps();
        if (caps != nullptr && caps->stateAwareness && contains(*caps->stateAwareness, 3)) {
            return verdict::fail("RequestedState 3 (StateAwareness promises tracking)",
                                 "RequestedState " + optionalText(rs));
        }
        return verdict::notSupported("RequestedState is not tracked (NULL/12 before and after)");
    }
    return verdict::fail("RequestedState 3 right after the call", "RequestedState " + optionalText(rs));
}

constexpr Rule kRuleRSC004{
    .id = "RSC-004",
    .level = Level::Should,
    .levelText = "SHOULD",
    .levelWhy = "Our reading: only 0 and 4096 are named as updating RequestedState.",
    .title = "a rejected request leaves RequestedState untouched",
    .statement =
        "A request answered with anything other than 0 or 4096 leaves RequestedState as"
        " it was.",
    .source = "ELE",
    .procedure =
        "Makes requests that should be refused (states outside the capabilities, "
        "invalid values, a timeout it cannot honour) and compares RequestedState before"
        " and after. FAIL naming each refused request that changed it; WARN when it "
        "changed after a 3 (timeout). NOT SUPPORTED when no request could be made to "
        "fail.",
};

WMIMOCK_CHECK(rsc004, kRuleRSC004.id, "RejectedRequestKeepsRequestedState", Needs::Enablement) {
    Verdict found;
    if (auto unmet = ctx.require(Want::Running)) return found.add(*unmet);
    // Every invalid value (states outside the capabilities are RSC-005's, RequestedState
    // included); each offending one is named.
    const std::vector<std::uint16_t> requests{0, 12, 13};
    std::vector<std::string> offences;
    int refused = 0;
    for (const auto state : requests) {
        const Snapshot before = ctx.probe().snapshot("before");
        const CallOutcome c = ctx.driver().requestStateChange(state);
        if (c.returned(0) || c.returned(rsc_result::kJobStarted)) {
            finishIfAccepted(ctx, c);
            ctx.log("RequestStateChange(" + std::to_string(state) + ") was accepted; not a rejected request");
            ctx.driver().makeRunning();
            continue;
        }
        ++refused;
        const Snapshot after = ctx.driver().afterCall();
        if (after.requestedState != before.requestedState) {
            if (c.returned(3)) {
                found.warn("RequestedState changed after a return of 3: " + difference(before, after));
                continue;
            }
            offences.push_back("RequestStateChange(" + std::to_string(state) + ") -> " + c.describe() + ": " +
                               difference(before, after));
            ctx.driver().makeRunning();
        }
    }
    if (!offences.empty()) return found.fail("RequestedState unchanged by every refused request", joinCases(offences));
    if (refused == 0) return found.notSupported("no request could be made to fail");
    found.pass("RequestedState unchanged by " + std::to_string(refused) + " rejected request(s)");
    return found;
}

constexpr Rule kRuleRSC005{
    .id = "RSC-005",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy =
        "Our reading of RequestedStatesSupported: it lists the states that can be "
        "requested.",
    .title = "states outside RequestedStatesSupported are refused",
    .statement =
        "When capabilities exist, a request for a state absent from "
        "RequestedStatesSupported is refused: the answer is neither 0 nor 4096 (1, 5, "
        "4097, a vendor code or CIM_ERR_INVALID_PARAMETER) and the element does not "
        "change.",
    .source = "CAP; ELE; PEG-IS",
    .procedure =
        "Requests every valid state outside RequestedStatesSupported from both running "
        "and stopped. FAIL naming each accepted request or changed element. NOT "
        "SUPPORTED without capabilities or when every valid state is listed; "
        "UNREACHABLE when neither run state can be reached.",
};

WMIMOCK_CHECK(rsc005, kRuleRSC005.id, "UnsupportedStateRefused", Needs::Enablement) {
    const Capabilities* caps = ctx.probe().caps();
    if (caps == nullptr || !caps->requestedStatesSupported) {
        return verdict::notSupported("no capabilities with RequestedStatesSupported for this element");
    }
    // Catalog Rev. 2: every valid state the capabilities leave out, from both run states.
    std::vector<std::uint16_t> unlisted;
    for (const std::uint16_t s : kRequestableStates) {
        if (!contains(*caps->requestedStatesSupported, s)) unlisted.push_back(s);
    }
    if (unlisted.empty()) return verdict::notSupported("every valid state is listed in RequestedStatesSupported");
    const std::string listed = stateText(*caps->requestedStatesSupported);
    std::vector<std::string> offences;
    int judged = 0;
    for (const Want from : {Want::Running, Want::Stopped}) {
        const std::string fromText = from == Want::Running ? "running" : "stopped";
        for (const std::uint16_t s : unlisted) {
            if (!(from == Want::Running ? ctx.driver().makeRunning() : ctx.driver().makeStopped())) {
                ctx.log("the element could not be brought to " + fromText + ": those cases were not run");
                break;
            }
            ++judged;
            const std::string which = "RequestStateChange(" + std::to_string(s) + ") from " + fromText;
            const Snapshot before = ctx.probe().snapshot("before");
            const CallOutcome c = ctx.driver().requestStateChange(s);
            const Snapshot immediately = ctx.probe().snapshot("right after");
            finishIfAccepted(ctx, c);
            std::vector<Snapshot> watched = ctx.driver().observe(ctx.settings().settleTimeout / 3);
            watched.insert(watched.begin(), immediately);
            if (c.returned(0) || c.returned(rsc_result::kJobStarted)) {
                offences.push_back(which + " accepted: " + c.describe());
                continue;
            }
            // These requests are this rule's alone, so their answer's code is judged here too.
            if (c.code && !ctx.probe().rscValueMap().lookup(*c.code).documented()) {
                offences.push_back(which + " refused with " + std::to_string(*c.code) +
                                   ", a code the ValueMap does not document or reserves");
            }
            for (const Snapshot& w : watched) {
                if (w.started != before.started || w.enabledState != before.enabledState ||
                    w.requestedState != before.requestedState) {
                    offences.push_back(which + " refused with " + c.describe() + " but changed " +
                                       difference(before, w));
                    break;
                }
            }
        }
    }
    if (judged == 0) return verdict::unreachable("the element could be brought neither to running nor to stopped");
    if (!offences.empty()) {
        return verdict::fail("every state outside " + listed + " refused, the element unchanged", joinCases(offences));
    }
    return verdict::pass(std::to_string(judged) + " request(s) for states outside " + listed +
                         " were refused and changed nothing");
}

constexpr Rule kRuleRSC006{
    .id = "RSC-006",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy = "Stated by AvailableRequestedStates' description.",
    .title = "AvailableRequestedStates is a subset of RequestedStatesSupported",
    .statement =
        "Every value of AvailableRequestedStates also appears in the capabilities' "
        "RequestedStatesSupported.",
    .source = "ELE",
    .procedure =
        "Compares AvailableRequestedStates with RequestedStatesSupported in every "
        "snapshot of the run. FAIL on a value outside it. NOT SUPPORTED without "
        "capabilities or when AvailableRequestedStates is never populated.",
};

WMIMOCK_CHECK(rsc006, kRuleRSC006.id, "AvailableSubsetOfSupported", Needs::Enablement) {
    const Capabilities* caps = ctx.probe().caps();
    if (caps == nullptr || !caps->requestedStatesSupported) {
        return verdict::notSupported("no capabilities with RequestedStatesSupported for this element");
    }
    int compared = 0;
    for (const Want w : {Want::Running, Want::Stopped}) {
        if (!(w == Want::Running ? ctx.driver().makeRunning() : ctx.driver().makeStopped())) continue;
        const Snapshot s = ctx.probe().snapshot(w == Want::Running ? "running" : "stopped");
        if (!s.availableRequestedStates) continue;
        ++compared;
        for (const auto state : *s.availableRequestedStates) {
            if (!contains(*caps->requestedStatesSupported, state)) {
                return verdict::fail("AvailableRequestedStates within " + stateText(*caps->requestedStatesSupported),
                                     stateText(*s.availableRequestedStates) + " while " +
                                         std::string(w == Want::Running ? "running" : "stopped"));
            }
        }
    }
    if (compared == 0) return verdict::notSupported("AvailableRequestedStates is not populated");
    return verdict::pass("AvailableRequestedStates stays within RequestedStatesSupported " +
                         stateText(*caps->requestedStatesSupported));
}

constexpr Rule kRuleRSC007{
    .id = "RSC-007",
    .level = Level::Should,
    .levelText = "SHOULD",
    .levelWhy = "Our reading, with the wording management profiles use for conditional support.",
    .title = "listed states are never answered with 1 (Not Supported)",
    .statement =
        "When RequestedStatesSupported lists states, RequestStateChange is implemented,"
        " and a request for a listed state is never answered 1 (Not Supported).",
    .source = "VPROF",
    .procedure =
        "Requests every listed state from the state it leaves. FAIL naming each listed "
        "state answered 1 or declined. NOT SUPPORTED when no capabilities list a state,"
        " or no listed state could be requested.",
};

WMIMOCK_CHECK(rsc007, kRuleRSC007.id, "ListedStatesNotAnsweredNotSupported", Needs::Enablement) {
    const Capabilities* caps = ctx.probe().caps();
    if (caps == nullptr || !caps->requestedStatesSupported || caps->requestedStatesSupported->empty()) {
        return verdict::notSupported("no capabilities list a supported state");
    }
    // Every listed state, from the run state it leaves; each "not supported" answer named.
    int tried = 0;
    std::vector<std::string> offences;
    for (const std::uint16_t s : listedStates(ctx)) {
        if (!(s == 2 ? ctx.driver().makeStopped() : ctx.driver().makeRunning())) continue;
        ++tried;
        const Attempt a = ctx.driver().rsc(s);
        if (a.call.notSupported())
            offences.push_back("RequestedState " + std::to_string(s) + " -> " + a.call.describe());
    }
    if (!offences.empty()) return verdict::fail("no \"not supported\" answer for a listed state", joinCases(offences));
    if (tried == 0) return verdict::notSupported("no listed state could be requested from the state it leaves");
    return verdict::pass("listed states were not answered as unsupported");
}

/// Brings T to the state a request for `state` starts from (running for 3, stopped for 2).
bool prepareFor(CheckContext& ctx, std::uint16_t state) {
    return state == requested_state::kDisabled ? ctx.driver().makeRunning() : ctx.driver().makeStopped();
}

constexpr Rule kRuleRSC008{
    .id = "RSC-008",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy = "Stated by the TimeoutPeriod parameter and the method's codes 3 and 4098.",
    .title = "TimeoutPeriod: 0/NULL accepted, unsupported -> 4098, too short -> 3",
    .statement =
        "TimeoutPeriod is an interval. NULL or 0 means no limit and is accepted like an"
        " absent TimeoutPeriod; a limit the implementation cannot honour is answered "
        "4098 without effect; a limit honoured but too short ends in 3.",
    .source = "ELE; PEG-IS",
    .procedure =
        "Compares requests with TimeoutPeriod NULL and 0 against the same request "
        "without it (FAIL when answered differently), checks that 4098 changed nothing "
        "(FAIL), and warns when a 30-s interval gets an answer other than 0, 4096 or "
        "4098, or when a timestamp is accepted as an interval. The too-short case is "
        "not exercised. NOT SUPPORTED when no request without TimeoutPeriod was "
        "accepted.",
};

WMIMOCK_CHECK(rsc008, kRuleRSC008.id, "TimeoutPeriodHandling", Needs::Enablement) {
    Verdict found;
    // (a) NULL and the zero interval mean "no limit": catalog Rev. 2 wants the very answer the
    // same request gets without a TimeoutPeriod, for both values and both directions.
    const Value zero = Value::dateTime(CimDateTime::interval(std::chrono::microseconds(0)));
    std::vector<std::string> offences;
    int compared = 0;
    for (const std::uint16_t state : {3, 2}) {
        if (!prepareFor(ctx, state)) {
            ctx.log("RequestStateChange(" + std::to_string(state) + ") cases not run: the start state is unreachable");
            continue;
        }
        const Attempt plain = ctx.driver().rsc(state);
        if (auto no = declined(plain.call)) return found.add(*no);
        if (!plain.accepted) {
            ctx.log("RequestStateChange(" + std::to_string(state) + ") without TimeoutPeriod answered " +
                    plain.call.describe() + ": its TimeoutPeriod cases are not judged here");
            continue;
        }
        for (const auto& [timeout, text] : {std::pair{Value::null(CimType::DateTime), "NULL"}, std::pair{zero, "0"}}) {
            if (!prepareFor(ctx, state)) continue;
            const Attempt a = ctx.driver().rsc(state, timeout);
            ++compared;
            const bool same = !a.call.error && a.call.code == plain.call.code;
            if (!same) {
                offences.push_back("RequestStateChange(" + std::to_string(state) + ", TimeoutPeriod " + text +
                                   ") answered " + a.call.describe() + ", without TimeoutPeriod " +
                                   plain.call.describe());
            }
        }
    }
    if (!offences.empty()) {
        return found.fail("TimeoutPeriod NULL and 0 answered as no TimeoutPeriod at all", joinCases(offences));
    }
    // (b) a generous limit: honoured (0/4096) or declined with 4098 and no effect.
    if (ctx.driver().makeRunning()) {
        const Attempt b = ctx.driver().rsc(3, Value::dateTime(CimDateTime::interval(std::chrono::seconds(30))));
        if (b.call.returned(rsc_result::kTimeoutParameterNotSupported)) {
            if (!sameRunState(b.before, b.after)) {
                return found.fail("no state change with 4098", difference(b.before, b.after));
            }
        } else if (!b.accepted) {
            found.warn("TimeoutPeriod 30 s answered " + b.call.describe() + " (expected 0, 4096 or 4098)");
        }
    }
    // (d) a timestamp is not an interval.
    if (ctx.driver().makeRunning()) {
        const Attempt d = ctx.driver().rsc(3, Value::dateTime(CimDateTime::parse("20240101000000.000000+000")));
        if (d.accepted) {
            found.warn("a timestamp TimeoutPeriod was accepted: " + d.call.describe());
        } else if (d.call.error && !isDefinedStatus(static_cast<std::uint32_t>(*d.call.error))) {
            ctx.log("a timestamp TimeoutPeriod answered " + d.call.describe() + ": an undefined status, ERR-011's");
        } else if (!(d.call.error == CimStatus::InvalidParameter ||
                     (d.call.code && (ctx.probe().isInvalidParameterCode(std::string(kRsc), *d.call.code) ||
                                      *d.call.code == rsc_result::kTimeoutParameterNotSupported)))) {
            found.warn("a timestamp TimeoutPeriod answered " + d.call.describe() +
                       " (expected 5 or INVALID_PARAMETER)");
        }
    }
    ctx.log("case (c), a timeout shorter than the transition, needs a configurable latency and is not exercised");
    if (compared == 0) return found.notSupported("no request without TimeoutPeriod was accepted to compare with");
    found.pass("TimeoutPeriod NULL and 0 answered like no TimeoutPeriod in " + std::to_string(compared) +
               " case(s); a 30 s limit honoured or declined with 4098");
    return found;
}

/// Whether T's class names `value` itself in RequestStateChange's RequestedState ValueMap (a
/// vendor state it implements), not only inside a range such as "32768..65535".
bool declaresRequestedState(CheckContext& ctx, std::uint64_t value) {
    const MethodDecl* m = ctx.probe().method(kRsc);
    const ParameterDecl* p = m != nullptr ? m->findParameter("RequestedState") : nullptr;
    if (p == nullptr) return false;
    const auto map = ValueMap::of(p->qualifiers);
    if (!map) return false;
    return std::any_of(map->entries().begin(), map->entries().end(),
                       [&](const ValueMap::Entry& e) { return !e.otherwise && e.low == value && e.high == value; });
}

constexpr Rule kRuleRSC009{
    .id = "RSC-009",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy =
        "Our reading: values outside the parameter's ValueMap are refused (MUST); which "
        "code is a SHOULD.",
    .title = "invalid RequestedState values are refused (5 / INVALID_PARAMETER)",
    .statement =
        "A RequestedState outside the parameter's ValueMap (0, 1, 5, 12, 13..32767) is "
        "refused with 5 (Invalid Parameter) or CIM_ERR_INVALID_PARAMETER, and a vendor "
        "value the class does not declare with 1, 5 or 4097; the element does not "
        "change.",
    .source = "ELE; DSP0200-list",
    .procedure =
        "Requests each invalid value, and undeclared vendor values, on a running "
        "service. FAIL naming every value accepted, answered with another code, or that"
        " changed the element.",
};

WMIMOCK_CHECK(rsc009, kRuleRSC009.id, "InvalidRequestedStateRefused", Needs::Enablement) {
    // Catalog Rev. 2: the undefined values and the vendor range, unless the class declares
    // the vendor value itself; every value is tried and each failing one named.
    std::vector<std::uint16_t> values{0, 1, 5, 12, 13, 4096};
    for (const std::uint16_t vendor : {32768, 32769, 40000, 65535}) {
        if (declaresRequestedState(ctx, vendor)) {
            ctx.log("RequestedState " + std::to_string(vendor) + " is declared by the class: not tried");
        } else {
            values.push_back(vendor);
        }
    }
    std::vector<std::string> failures;
    for (const std::uint16_t v : values) {
        if (auto unmet = ctx.require(Want::Running)) return *unmet;
        const Snapshot before = ctx.probe().snapshot("before");
        const CallOutcome c = ctx.driver().requestStateChange(v);
        finishIfAccepted(ctx, c);
        const Snapshot after = ctx.driver().afterCall();
        // A code outside the ValueMap or in a reserved range is RSC-001's fault; here it
        // still counts as a refusal, so that the fault fails one rule.
        const bool undocumented = c.code && !ctx.probe().rscValueMap().lookup(*c.code).documented();
        // Likewise an undefined CIM status is ERR-011's fault, and a refusal here.
        const bool undefinedError = c.error && !isDefinedStatus(static_cast<std::uint32_t>(*c.error));
        const bool refused = c.error == CimStatus::InvalidParameter || undefinedError ||
                             (c.code && *c.code != 0 && *c.code != rsc_result::kJobStarted &&
                              (undocumented || ctx.probe().isDocumentedRefusal(std::string(kRsc), *c.code)));
        std::string failure;
        if (!refused) failure = "RequestedState " + std::to_string(v) + " -> " + c.describe();
        if (!sameRunState(before, after)) {
            failure += (failure.empty() ? "RequestedState " + std::to_string(v) + ": " : ", and ") +
                       std::string("the state changed: ") + difference(before, after);
        }
        if (!failure.empty()) failures.push_back(std::move(failure));
    }
    if (!failures.empty()) {
        const std::string all = joinCases(failures);
        return verdict::fail(
            "1, 5, 4097 or CIM_ERR_INVALID_PARAMETER, and no state change, for every invalid RequestedState", all);
    }
    std::string tried;
    for (const auto v : values) tried += (tried.empty() ? "" : ", ") + std::to_string(v);
    return verdict::pass("RequestedState " + tried + " were refused without effect");
}

constexpr Rule kRuleRSC010{
    .id = "RSC-010",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy = "Our reading of DSP0200 and of what servers answer.",
    .title = "missing or ill-typed RequestedState is rejected",
    .statement =
        "A RequestStateChange without RequestedState, or with a value that is not an "
        "integer (a string, an array), is a parameter error and changes nothing.",
    .source = "DSP0200-list; PEG-IS; PEG-DISP",
    .procedure =
        "Calls RequestStateChange with RequestedState missing, as a string and as an "
        "array, on a running service. FAIL naming every call that was accepted or "
        "changed the element.",
};

WMIMOCK_CHECK(rsc010, kRuleRSC010.id, "MissingOrIllTypedRequestedStateRejected", Needs::Enablement) {
    if (auto unmet = ctx.require(Want::Running)) return *unmet;
    struct Case {
        std::string_view what;
        std::vector<ParamValue> in;
        bool typeError;
    };
    // An unknown extra parameter beside a good RequestedState is ERR-004's case.
    const std::vector<Case> cases{
        {"no parameters", {}, false},
        {"RequestedState \"abc\"", {{"RequestedState", Value::string("abc")}}, false},
        {"RequestedState {3}", {{"RequestedState", Value::array(CimType::Uint16, {Value::uint16(3)})}}, true},
    };
    // Every case runs from running, and every failing one is named.
    std::string notSent;
    std::vector<std::string> failures;
    for (const auto& k : cases) {
        if (auto unmet = ctx.require(Want::Running)) return *unmet;
        const Snapshot before = ctx.probe().snapshot("before");
        const CallOutcome c = ctx.driver().invoke(kRsc, k.in);
        if (c.notSent) {  // the protocol cannot carry this case: nothing to judge
            notSent += (notSent.empty() ? "" : "; ") + std::string(k.what) + ": " + c.describe();
            continue;
        }
        finishIfAccepted(ctx, c);
        const Snapshot after = ctx.driver().afterCall();
        const bool rejected = c.error == CimStatus::InvalidParameter ||
                              (k.typeError && c.error == CimStatus::TypeMismatch) ||
                              (c.code && ctx.probe().isInvalidParameterCode(std::string(kRsc), *c.code));
        if (!sameRunState(before, after)) {
            failures.push_back(std::string(k.what) + " -> " + c.describe() +
                               " and changed the state: " + difference(before, after));
        } else if (!rejected) {
            failures.push_back(std::string(k.what) + " -> " + c.describe());
        }
    }
    if (!failures.empty()) {
        return verdict::fail(
            "CIM_ERR_INVALID_PARAMETER (CIM_ERR_TYPE_MISMATCH for an array) or 5, and no state change, "
            "for a missing or ill-typed RequestedState",
            joinCases(failures));
    }
    return verdict::pass("missing and ill-typed RequestedState values were rejected without effect" +
                         (notSent.empty() ? std::string() : " (" + notSent + ")"));
}

constexpr Rule kRuleRSC011{
    .id = "RSC-011",
    .level = Level::Must,
    .levelText = "MUST/SHOULD",
    .levelWhy =
        "Our reading: the state must not change (MUST); 0 is preferred (SHOULD); 4097 or"
        " a documented vendor code is allowed (MAY).",
    .title = "requesting the current state changes nothing, 0 preferred",
    .statement =
        "Requesting the state the element is already in changes nothing; the preferred "
        "answer is 0, and 4097 (Invalid State Transition) or a vendor code the class "
        "documents is accepted.",
    .source = "ELE; PEG-IS",
    .procedure =
        "Requests 2 on a running and 3 on a stopped element. PASS on 0 with no change. "
        "WARN on another code. FAIL when the element changed or on a CIM error. NOT "
        "SUPPORTED when the request is declined.",
};

WMIMOCK_CHECK(rsc011, kRuleRSC011.id, "RequestCurrentStateUnchanged", Needs::Enablement) {
    Verdict found;
    int judged = 0;
    for (const std::uint16_t state : {3, 2}) {
        if (!(state == requested_state::kDisabled ? ctx.driver().makeStopped() : ctx.driver().makeRunning())) continue;
        const Snapshot before = ctx.probe().snapshot("before");
        const CallOutcome c = ctx.driver().requestStateChange(state);
        finishIfAccepted(ctx, c);
        const Snapshot after = ctx.driver().afterCall();
        if (!sameRunState(before, after)) {
            return found.fail("no change when requesting the current state " + std::to_string(state),
                              difference(before, after));
        }
        if (c.notSupported()) {
            found.notSupported("RequestStateChange(" + std::to_string(state) + ") is not supported: " + c.describe());
            continue;
        }
        ++judged;
        if (c.error) return found.fail("0 (or a documented code) for the current state", c.describe());
        if (c.code != 0U && c.code != rsc_result::kJobStarted) {
            found.warn("requesting the current state " + std::to_string(state) + " returned " +
                       codeText(ctx, kRsc, c.code.value_or(0)) + "; 0 is preferred");
        }
    }
    if (judged == 0) return found;
    found.pass("requesting the current state left the element as it was");
    return found;
}

/// Catalog RSC-012 on one trace; the offences, empty when the semantics hold.
std::vector<std::string> transitioningProblems(const std::vector<Snapshot>& trace, std::uint16_t target) {
    std::vector<std::string> out;
    bool sawTwelve = false, sawOther = false;
    for (const Snapshot& s : trace) {
        if (!s.transitioningToState) continue;
        const auto t = *s.transitioningToState;
        (t == 12 ? sawTwelve : sawOther) = true;
        if (t != 5 && t != 12 && t != target) {
            out.push_back("TransitioningToState " + std::to_string(t) + " during a transition to " +
                          std::to_string(target));
        } else if (t == requested_state::kNoChange &&
                   (s.enabledState == enabled_state::kShuttingDown || s.enabledState == enabled_state::kStarting)) {
            // 5 says no transition runs, while EnabledState shows one.
            out.push_back("TransitioningToState 5 (No Change) with EnabledState " + std::to_string(*s.enabledState) +
                          " during a transition to " + std::to_string(target));
        }
    }
    if (sawTwelve && sawOther) out.push_back("TransitioningToState is 12 in one snapshot and another value in another");
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

constexpr Rule kRuleRSC012{
    .id = "RSC-012",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy = "Stated by TransitioningToState's description.",
    .title = "TransitioningToState follows the 5 / 12 / target semantics",
    .statement =
        "TransitioningToState is 5 (No Change) when no transition runs, 12 when "
        "transitions are not represented, and otherwise the state being reached; when "
        "the transition ends it returns to 5 (or stays 12). It never reads 5 while "
        "EnabledState shows a transient 4 or 10.",
    .source = "ELE",
    .procedure =
        "Watches every transition made through StopService, StartService and "
        "RequestStateChange, snapshot by snapshot. FAIL naming each snapshot that "
        "breaks the semantics. NOT SUPPORTED when the property is never populated or no"
        " transition could be made.",
};

WMIMOCK_CHECK(rsc012, kRuleRSC012.id, "TransitioningToStateSemantics", Needs::Enablement) {
    // The statement covers every transition, whichever method asked for it: both directions
    // through RequestStateChange and through StopService / StartService.
    struct Transition {
        std::string what;
        Want from;
        std::uint16_t target;
        std::function<Attempt()> request;
    };
    const std::vector<Transition> transitions{
        {"RequestStateChange(3)", Want::Running, 3, [&] { return ctx.driver().rsc(3); }},
        {"RequestStateChange(2)", Want::Stopped, 2, [&] { return ctx.driver().rsc(2); }},
        {"StopService", Want::Running, 3, [&] { return ctx.driver().stop(); }},
        {"StartService", Want::Stopped, 2, [&] { return ctx.driver().start(); }},
    };
    int judged = 0;
    bool populated = false;
    std::vector<std::string> offences;
    for (const Transition& t : transitions) {
        if (!(t.from == Want::Running ? ctx.driver().makeRunning() : ctx.driver().makeStopped())) continue;
        const Attempt a = t.request();
        if (a.call.notSupported() || !a.accepted) {
            ctx.log(t.what + " answered " + a.call.describe() + ": no transition to observe");
            continue;
        }
        std::vector<Snapshot> trace = a.trace;
        trace.push_back(ctx.probe().snapshot("one poll later"));
        if (std::none_of(trace.begin(), trace.end(),
                         [](const Snapshot& s) { return s.transitioningToState.has_value(); })) {
            continue;
        }
        populated = true;
        ++judged;
        for (const auto& problem : transitioningProblems(trace, t.target)) offences.push_back(t.what + ": " + problem);
        const Snapshot& last = trace.back();
        if (last.enabledState == t.target && !last.settled()) {
            offences.push_back(t.what + ": TransitioningToState " + optionalText(last.transitioningToState) +
                               " once EnabledState is " + std::to_string(t.target));
        }
    }
    if (!offences.empty()) return verdict::fail("TransitioningToState 5, 12 or the target", joinCases(offences));
    if (judged == 0) {
        return verdict::notSupported(populated || ctx.initial().transitioningToState
                                         ? "no transition could be requested"
                                         : "TransitioningToState is not populated");
    }
    return verdict::pass("TransitioningToState followed the 5 / 12 / target semantics in " + std::to_string(judged) +
                         " transition(s)");
}

/// Catalog RSC-013: the intermediate EnabledState values of one transition.
std::string transientProblem(const std::vector<Snapshot>& trace, std::uint16_t from, std::uint16_t to) {
    const std::uint16_t transient = to == 3 ? 4 : 10;
    for (const Snapshot& s : trace) {
        if (!s.enabledState) continue;
        const auto es = *s.enabledState;
        if (es != from && es != to && es != transient) {
            return "EnabledState " + std::to_string(es) + " between " + std::to_string(from) + " and " +
                   std::to_string(to);
        }
    }
    return {};
}

constexpr Rule kRuleRSC013{
    .id = "RSC-013",
    .level = Level::May,
    .levelText = "MAY",
    .levelWhy = "The transient values are stated; using only them is our reading.",
    .title = "only 4 (stopping) and 10 (starting) appear as transient states",
    .statement =
        "While stopping, EnabledState may read 4 (Shutting Down); while starting, 10 "
        "(Starting). A 2-to-3 transition shows no other intermediate value.",
    .source = "ELE; PEG-IS",
    .procedure =
        "Follows stops and starts snapshot by snapshot and WARNs on any other "
        "intermediate EnabledState. NOT SUPPORTED when no transition could be carried "
        "out.",
};

WMIMOCK_CHECK(rsc013, kRuleRSC013.id, "TransientStatesOnly4And10", Needs::Enablement) {
    Verdict found;
    int seen = 0;
    const auto judge = [&](const Attempt& a, std::uint16_t from, std::uint16_t to) {
        if (!a.accepted) return;
        ++seen;
        std::vector<Snapshot> trace{a.before};
        trace.insert(trace.end(), a.trace.begin(), a.trace.end());
        if (const auto problem = transientProblem(trace, from, to); !problem.empty()) found.warn(problem);
    };
    if (ctx.driver().makeRunning()) judge(ctx.driver().rsc(3), 2, 3);
    if (ctx.driver().makeStopped()) judge(ctx.driver().rsc(2), 3, 2);
    if (ctx.driver().makeRunning()) judge(ctx.driver().stop(), 2, 3);
    if (ctx.driver().makeStopped()) judge(ctx.driver().start(), 3, 2);
    if (seen == 0) return found.notSupported("no transition could be carried out");
    found.pass("stops went 2 -> (4) -> 3 and starts 3 -> (10) -> 2");
    return found;
}

constexpr Rule kRuleRSC014{
    .id = "RSC-014",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy = "Stated by TimeOfLastStateChange's description.",
    .title = "TimeOfLastStateChange moves only on real state changes",
    .statement =
        "TimeOfLastStateChange moves when EnabledState really changes, and only then: a"
        " refused request or one that changes nothing leaves it alone.",
    .source = "ELE",
    .procedure =
        "Stops a running service (the timestamp must move) and makes requests that "
        "change nothing (the timestamp must stay). FAIL naming each case. NOT SUPPORTED"
        " when the property is not populated or nothing could be tried.",
};

WMIMOCK_CHECK(rsc014, kRuleRSC014.id, "TimeOfLastStateChangeOnRealChanges") {
    if (!ctx.initial().timeOfLastStateChange) return verdict::notSupported("TimeOfLastStateChange is not populated");
    if (auto unmet = ctx.require(Want::Running)) return *unmet;
    // Let the clock move, so a change recorded now is distinguishable from the last one.
    ctx.driver().pause(kClockStep);
    const bool rscApplies = ctx.initial().modelsEnablement();
    Attempt change = rscApplies ? ctx.driver().rsc(3) : ctx.driver().stop();
    if (!change.reached && rscApplies) {
        if (!ctx.driver().makeRunning())
            return verdict::unreachable("the service could not be brought back to running");
        ctx.driver().pause(kClockStep);
        change = ctx.driver().stop();
    }
    if (change.reached) {
        if (!laterChange(change.before, change.after)) {
            return verdict::fail("TimeOfLastStateChange later after a 2 -> 3 transition",
                                 difference(change.before, change.after).empty()
                                     ? "unchanged"
                                     : difference(change.before, change.after));
        }
    } else {
        ctx.log("no successful stop: the update on a real change could not be observed");
    }
    // Requests that change nothing must leave it alone. Catalog Rev. 2: the no-op requests
    // of both directions through both methods, and a rejected request.
    struct NoOp {
        Want from;
        std::string what;
        std::function<CallOutcome()> call;
    };
    std::vector<NoOp> noOps{
        {Want::Stopped, "StopService on a stopped service", [&] { return ctx.driver().stopService(); }},
        {Want::Running, "StartService on a running service", [&] { return ctx.driver().startService(); }}};
    if (rscApplies) {
        noOps.push_back({Want::Stopped, "RequestStateChange(3) on a stopped element",
                         [&] { return ctx.driver().requestStateChange(3); }});
        noOps.push_back({Want::Running, "RequestStateChange(2) on a running element",
                         [&] { return ctx.driver().requestStateChange(2); }});
        noOps.push_back(
            {Want::Running, "RequestStateChange(0), refused", [&] { return ctx.driver().requestStateChange(0); }});
    }
    std::vector<std::string> offences;
    int judged = 0;
    for (const NoOp& n : noOps) {
        if (!(n.from == Want::Running ? ctx.driver().makeRunning() : ctx.driver().makeStopped())) {
            ctx.log(n.what + ": not run, the start state is unreachable");
            continue;
        }
        ctx.driver().pause(kClockStep);  // a wrongly recorded change would then show as a new time
        const Snapshot before = ctx.probe().snapshot("before");
        const CallOutcome call = n.call();
        finishIfAccepted(ctx, call);
        const Snapshot after = ctx.driver().afterCall();
        if (after.enabledState != before.enabledState) {
            ctx.log(n.what + " changed EnabledState (" + difference(before, after) + "): not a no-op, not judged here");
            continue;
        }
        ++judged;
        if (after.timeOfLastStateChange != before.timeOfLastStateChange) {
            offences.push_back(n.what + " (" + call.describe() + "): " + difference(before, after));
        }
    }
    if (!offences.empty()) {
        return verdict::fail("TimeOfLastStateChange unchanged by requests that changed nothing", joinCases(offences));
    }
    if (judged == 0 && !change.reached)
        return verdict::notSupported("no transition and no no-op request could be made");
    if (!change.reached) {
        return verdict::pass("TimeOfLastStateChange stayed put for " + std::to_string(judged) + " no-op request(s)");
    }
    return verdict::pass("TimeOfLastStateChange moved on the real change only (" + std::to_string(judged) +
                         " no-op request(s) left it alone)");
}

constexpr Rule kRuleRSC015{
    .id = "RSC-015",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy = "Stated by OtherEnabledState's description.",
    .title = "OtherEnabledState is NULL unless EnabledState is 1",
    .statement = "OtherEnabledState is NULL whenever EnabledState is not 1 (Other).",
    .source = "ELE",
    .procedure =
        "Checks every snapshot the run took. FAIL on any with EnabledState other than 1"
        " and OtherEnabledState set.",
};

WMIMOCK_CHECK(rsc015, kRuleRSC015.id, "OtherEnabledStateNullUnlessOther") {
    std::vector<Snapshot> all{ctx.initial()};
    const auto collect = [&](const Attempt& a) {
        all.push_back(a.before);
        all.insert(all.end(), a.trace.begin(), a.trace.end());
    };
    if (ctx.driver().makeRunning()) collect(ctx.driver().stop());
    if (ctx.driver().makeStopped()) collect(ctx.driver().start());
    if (ctx.initial().modelsEnablement()) {
        if (ctx.driver().makeRunning()) collect(ctx.driver().rsc(3));
        if (ctx.driver().makeStopped()) collect(ctx.driver().rsc(2));
    }
    for (const Snapshot& s : all) {
        if (s.otherEnabledState && s.enabledState != enabled_state::kOther) {
            return verdict::fail("OtherEnabledState NULL with EnabledState " + optionalText(s.enabledState),
                                 "OtherEnabledState \"" + *s.otherEnabledState + "\"");
        }
    }
    return verdict::pass("OtherEnabledState was NULL in all " + std::to_string(all.size()) +
                         " snapshots with EnabledState != 1");
}

constexpr Rule kRuleRSC016{
    .id = "RSC-016",
    .level = Level::Should,
    .levelText = "SHOULD",
    .levelWhy =
        "Our reading of the codes' meanings: a failure to act leaves things as they "
        "were.",
    .title = "failing codes leave the element unchanged",
    .statement =
        "A refused request (1, 2, 4, 5, 6, 4097, 4098, 4099 or a CIM error) leaves "
        "EnabledState, Started and RequestedState as they were; a 3 (timeout) may leave"
        " a partial change only if the element ends coherent.",
    .source = "ELE; PEG-IS",
    .procedure =
        "Judges the refusals no other rule owns: requests for listed states refused "
        "from each run state, and a stop refused because a running service depends on "
        "this one. FAIL naming each refusal after which the element changed. NOT "
        "SUPPORTED when nothing was refused.",
};

WMIMOCK_CHECK(rsc016, kRuleRSC016.id, "FailingCodesLeaveElementUnchanged", Needs::Enablement) {
    // One fault, one rule: refusing an unsupported, invalid, missing or ill-typed state, a
    // TimeoutPeriod, or the current state comes with its own "state unchanged" clause in
    // RSC-005, RSC-009, RSC-010, RSC-008 and RSC-011. This rule judges the other failures:
    // a listed state the element refuses to take, from each run state it can leave, and the
    // stop of a service that a running service depends on.
    struct Request {
        std::string what;
        std::uint16_t state;
        std::function<bool()> prepare;
    };
    std::vector<Request> requests;
    for (const std::uint16_t state : listedStates(ctx)) {
        if (state != 2) requests.push_back({"from running", state, [&] { return ctx.driver().makeRunning(); }});
        if (state != 3) requests.push_back({"from stopped", state, [&] { return ctx.driver().makeStopped(); }});
    }
    if (const auto deps = ctx.probe().dependants(ctx.path()); !deps.empty()) {
        const ObjectPath dependant = deps.front();
        requests.push_back({"while " + dependant.toString() + " runs", 3, [&ctx, dependant] {
                                return ctx.driver().makeRunning(dependant) &&
                                       runState(ctx.probe().snapshot()) == RunState::Running;
                            }});
    }
    int failures = 0;
    std::vector<std::string> offences;
    for (const Request& r : requests) {
        const std::string what = "RequestStateChange(" + std::to_string(r.state) + ") " + r.what;
        if (!r.prepare()) {
            ctx.log(what + ": not run, the start state is unreachable");
            continue;
        }
        const Snapshot before = ctx.probe().snapshot("before");
        const CallOutcome c = ctx.driver().requestStateChange(r.state);
        if (c.returned(0) || c.returned(rsc_result::kJobStarted)) {
            finishIfAccepted(ctx, c);  // accepted: RSC-002 judges where it leads
            continue;
        }
        ++failures;
        const Snapshot after = ctx.driver().afterCall();
        // RequestedState after a refusal is RSC-004's to judge.
        const bool unchanged = after.enabledState == before.enabledState && after.started == before.started;
        if (unchanged) continue;
        if (c.returned(3) && startedMismatch(after).empty()) continue;  // partial change, but consistent
        offences.push_back(what + " -> " + c.describe() + ": " + difference(before, after));
    }
    if (!offences.empty()) {
        return verdict::fail("EnabledState and Started unchanged after a refused request", joinCases(offences));
    }
    if (failures == 0) {
        return verdict::notSupported(
            "every request for a listed state was accepted: no failing code to judge (the "
            "refusals of RSC-005, RSC-008..RSC-011 are judged there)");
    }
    return verdict::pass(std::to_string(failures) + " refused request(s) left the element unchanged");
}

constexpr std::array kRules{&kRuleRSC001, &kRuleRSC002, &kRuleRSC003, &kRuleRSC004, &kRuleRSC005, &kRuleRSC006,
                            &kRuleRSC007, &kRuleRSC008, &kRuleRSC009, &kRuleRSC010, &kRuleRSC011, &kRuleRSC012,
                            &kRuleRSC013, &kRuleRSC014, &kRuleRSC015, &kRuleRSC016};

constexpr std::array kChecks{rsc001Def, rsc002Def, rsc003Def, rsc004Def, rsc005Def, rsc006Def, rsc007Def, rsc008Def,
                             rsc009Def, rsc010Def, rsc011Def, rsc012Def, rsc013Def, rsc014Def, rsc015Def, rsc016Def};

}  // namespace

std::span<const CheckDef> rscChecks() noexcept {
    return kChecks;
}

std::span<const Rule* const> rscRules() noexcept {
    return kRules;
}

}  // namespace wmimock::conformance
