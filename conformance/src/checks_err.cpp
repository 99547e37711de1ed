// ERR: CIM status errors of InvokeMethod. Catalog §4.
#include <algorithm>
#include <array>
#include <tuple>

#include "check_helpers.hpp"
#include "check_registry.hpp"
#include "wmimock/cim/names.hpp"

namespace wmimock::conformance {
namespace {

constexpr std::string_view kMissingName = "no-such-service-7c1d0e";
// Catalog Rev. 2: a legal namespace name (identifiers only), so that the server's answer is
// about a missing namespace and not about a malformed name.
constexpr std::string_view kMissingNamespace = "root/wmimock_missing_ns";

/// T with its Name key (or its first string key) pointing at no instance.
ObjectPath missingInstance(const ObjectPath& t) {
    ObjectPath p = t;
    if (p.key("Name") != nullptr) {
        p.setKey("Name", Value::string(std::string(kMissingName)));
        return p;
    }
    for (const auto& k : t.keys()) {
        if (k.value.type() == CimType::String) {
            p.setKey(k.name, Value::string(std::string(kMissingName)));
            return p;
        }
    }
    p.setKey("Name", Value::string(std::string(kMissingName)));
    return p;
}

ObjectPath inNamespace(ObjectPath p, std::string_view ns) {
    p.setNameSpace(ns);
    return p;
}

std::string expectedText(std::initializer_list<CimStatus> codes) {
    std::string out;
    for (const auto c : codes) out += (out.empty() ? "" : " or ") + std::string(statusName(c));
    return out;
}

/// Every real instance of T's class, read now (ERR-001/010: a call on a missing or malformed
/// path must not act on any of them).
std::vector<std::pair<ObjectPath, Snapshot>> realInstances(CheckContext& ctx) {
    std::vector<std::pair<ObjectPath, Snapshot>> out;
    std::vector<ObjectPath> paths;
    try {
        paths = ctx.client().enumerateInstanceNames(ctx.nameSpace(), ctx.path().className());
    } catch (const CimError&) {
        paths = {ctx.path()};
    }
    for (auto& p : paths) {
        if (p.nameSpace().empty()) p.setNameSpace(ctx.nameSpace());
        Snapshot s = ctx.probe().snapshotOf(p);
        out.emplace_back(std::move(p), std::move(s));
    }
    return out;
}

/// "changed Name=\"Alpha\": EnabledState 2->3" for each instance whose run state moved.
std::vector<std::string> changedInstances(CheckContext& ctx,
                                          const std::vector<std::pair<ObjectPath, Snapshot>>& before) {
    std::vector<std::string> changed;
    for (const auto& [path, snapshot] : before) {
        const Snapshot now = ctx.probe().snapshotOf(path);
        if (!sameRunState(snapshot, now)) changed.push_back(path.toString() + ": " + difference(snapshot, now));
    }
    return changed;
}

/// The state-changing requests T's class declares, as ERR-001/010 send them.
std::vector<std::pair<std::string, std::vector<ParamValue>>> declaredRequests(CheckContext& ctx) {
    std::vector<std::pair<std::string, std::vector<ParamValue>>> out;
    if (ctx.probe().method("StopService")) out.push_back({"StopService", {}});
    if (ctx.probe().method("StartService")) out.push_back({"StartService", {}});
    if (ctx.probe().method("RequestStateChange")) {
        out.push_back({"RequestStateChange", {{"RequestedState", Value::uint16(3)}}});
        out.push_back({"RequestStateChange", {{"RequestedState", Value::uint16(2)}}});
    }
    return out;
}

std::string describeRequest(const std::string& method, const std::vector<ParamValue>& in) {
    if (in.empty()) return method;
    return method + "(" + std::to_string(in.front().value.asUint64()) + ")";
}

constexpr Rule kRuleERR001{
    .id = "ERR-001",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy = "Stated by DSP0200's error list.",
    .title = "a missing instance yields CIM_ERR_NOT_FOUND",
    .statement =
        "InvokeMethod on a well-formed path of an existing class whose keys match no "
        "instance fails with CIM_ERR_NOT_FOUND and touches no instance.",
    .source = "DSP0200-list; WMI-ERR",
    .procedure =
        "Calls every declared method of StopService, StartService and "
        "RequestStateChange on a path no instance has. FAIL naming each other answer, "
        "and any call that changed a real instance.",
};

WMIMOCK_CHECK(err001, kRuleERR001.id, "MissingInstanceNotFound") {
    // Catalog Rev. 2: every declared method (a method T declines is still expected to say
    // NOT_FOUND for a missing instance), every case run and reported, and any real instance
    // that changes is a failure whatever the call returned.
    const ObjectPath missing = missingInstance(ctx.path());
    const auto requests = declaredRequests(ctx);
    if (requests.empty())
        return verdict::notSupported("the class declares none of StopService, StartService, RequestStateChange");
    std::vector<std::string> failures;
    for (const auto& [method, in] : requests) {
        const auto before = realInstances(ctx);
        const CallOutcome c = ctx.driver().invoke(missing, method, in);
        const auto changed = changedInstances(ctx, before);
        for (const auto& change : changed) {
            failures.push_back(describeRequest(method, in) + " on the missing instance acted on the wrong instance (" +
                               change + "), answering " + c.describe());
        }
        if (c.error != CimStatus::NotFound && changed.empty()) {
            failures.push_back(describeRequest(method, in) + " -> " + c.describe());
        }
    }
    if (!failures.empty()) {
        const std::string all = joinCases(failures);
        return verdict::fail("CIM_ERR_NOT_FOUND, and no instance touched, from every method on a missing instance",
                             all);
    }
    std::string tried;
    for (const auto& [method, in] : requests) tried += (tried.empty() ? "" : ", ") + describeRequest(method, in);
    return verdict::pass(tried + " on a missing instance failed with CIM_ERR_NOT_FOUND and touched nothing");
}

constexpr Rule kRuleERR002{
    .id = "ERR-002",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy =
        "Stated that the call fails; which code is our reading (OpenPegasus answers "
        "NOT_FOUND).",
    .title = "a missing class yields CIM_ERR_NOT_FOUND (INVALID_CLASS tolerated)",
    .statement =
        "InvokeMethod on a class that does not exist fails with CIM_ERR_NOT_FOUND; "
        "CIM_ERR_INVALID_CLASS is tolerated.",
    .source = "DSP0200-list; PEG-DISP",
    .procedure =
        "Calls StopService on an instance path of a class that does not exist. PASS on "
        "CIM_ERR_NOT_FOUND, WARN on CIM_ERR_INVALID_CLASS, FAIL on anything else.",
};

WMIMOCK_CHECK(err002, kRuleERR002.id, "MissingClassNotFound") {
    ObjectPath p(ctx.nameSpace(), "WMIMock_NoSuchClass", {{"Name", Value::string("x")}});
    const CallOutcome c = ctx.driver().invoke(p, "StopService");
    if (c.error == CimStatus::NotFound) return verdict::pass("a missing class fails with CIM_ERR_NOT_FOUND");
    if (c.error == CimStatus::InvalidClass)
        return verdict::warn("a missing class fails with CIM_ERR_INVALID_CLASS, not NOT_FOUND");
    return verdict::fail("CIM_ERR_NOT_FOUND", c.describe());
}

constexpr Rule kRuleERR003{
    .id = "ERR-003",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy =
        "Stated that the call fails; 17 over 16 is our reading (16 is what a server says"
        " when it only knows no provider exists).",
    .title = "an unknown method yields CIM_ERR_METHOD_NOT_FOUND (16 tolerated)",
    .statement =
        "Invoking a method the class does not have fails with CIM_ERR_METHOD_NOT_FOUND;"
        " CIM_ERR_METHOD_NOT_AVAILABLE is tolerated.",
    .source = "DSP0200-list; ERRCLS; PEG-DISP; WMI-ERR",
    .procedure =
        "Calls a misspelled StopService on an existing instance. PASS on "
        "CIM_ERR_METHOD_NOT_FOUND, WARN on CIM_ERR_METHOD_NOT_AVAILABLE, FAIL on "
        "anything else.",
};

WMIMOCK_CHECK(err003, kRuleERR003.id, "UnknownMethodNotFound") {
    const CallOutcome c = ctx.driver().invoke("StopServise");
    if (c.error == CimStatus::MethodNotFound)
        return verdict::pass("an unknown method fails with CIM_ERR_METHOD_NOT_FOUND");
    if (c.error == CimStatus::MethodNotAvailable) {
        return verdict::warn("an unknown method fails with CIM_ERR_METHOD_NOT_AVAILABLE, not METHOD_NOT_FOUND");
    }
    return verdict::fail("CIM_ERR_METHOD_NOT_FOUND", c.describe());
}

constexpr Rule kRuleERR004{
    .id = "ERR-004",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy = "Stated by DSP0200's error list.",
    .title = "bad parameters yield INVALID_PARAMETER / TYPE_MISMATCH / RSC 5",
    .statement =
        "Unknown, missing required, repeated or ill-typed parameters are refused with "
        "CIM_ERR_INVALID_PARAMETER (CIM_ERR_TYPE_MISMATCH for a type), or 5 from "
        "RequestStateChange, and change nothing.",
    .source = "DSP0200-list; PEG-IS; PEG-DISP; WMI-ERR",
    .procedure =
        "Sends each wrong parameter list to the declared methods from running (the "
        "missing or ill-typed RequestedState is RSC-010's). FAIL naming each call that "
        "was accepted, answered otherwise, or changed the state. NOT SUPPORTED when "
        "neither method is supported.",
};

WMIMOCK_CHECK(err004, kRuleERR004.id, "WrongParametersRejected") {
    if (auto unmet = ctx.require(Want::Running)) return *unmet;
    struct Case {
        std::string_view what, method;
        std::vector<ParamValue> in;
        bool typeError;
    };
    const std::vector<Case> cases{
        {"StopService(Bogus=1)", "StopService", {{"Bogus", Value::uint32(1)}}, false},
        {"RequestStateChange(RequestedState=3, Foo=\"x\")",
         "RequestStateChange",
         {{"RequestedState", Value::uint16(3)}, {"Foo", Value::string("x")}},
         false},
        {"RequestStateChange(RequestedState=3, RequestedState=3)",
         "RequestStateChange",
         {{"RequestedState", Value::uint16(3)}, {"RequestedState", Value::uint16(3)}},
         false},
    };
    // A missing or ill-typed RequestedState is RSC-010's (one fault, one rule); the cases
    // here are the unknown and repeated parameters. Catalog Rev. 2: every case runs from
    // running and every failing one is named; a case that changes the state is named as
    // such, whatever it returned.
    ctx.log("RequestStateChange without RequestedState or with an ill-typed one is judged by RSC-010");
    int judged = 0;
    std::vector<std::string> failures;
    std::string notSent;
    for (const auto& k : cases) {
        if (auto unmet = ctx.require(Want::Running)) return *unmet;
        const Snapshot before = ctx.probe().snapshot("before");
        const CallOutcome c = ctx.driver().invoke(k.method, k.in);
        if (c.notSent) {  // the protocol cannot carry this case: nothing to judge
            notSent += (notSent.empty() ? "" : "; ") + std::string(k.what) + ": " + c.describe();
            continue;
        }
        if (c.code == rsc_result::kJobStarted && c.job) ctx.driver().waitJob(*c.job);
        const Snapshot after = ctx.driver().afterCall();
        if (!sameRunState(before, after)) {
            failures.push_back(std::string(k.what) + " -> " + c.describe() +
                               " and changed the state: " + difference(before, after));
            continue;
        }
        if (c.notSupported()) {  // an unimplemented method: its parameters mean nothing (ERR-006)
            ctx.log(std::string(k.what) + ": " + c.describe() + " (method not supported)");
            continue;
        }
        ++judged;
        const bool rejected = c.error == CimStatus::InvalidParameter ||
                              (k.typeError && c.error == CimStatus::TypeMismatch) ||
                              (c.code && ctx.probe().isInvalidParameterCode(k.method, *c.code));
        if (!rejected) failures.push_back(std::string(k.what) + " -> " + c.describe());
    }
    if (!failures.empty()) {
        const std::string all = joinCases(failures);
        return verdict::fail(
            "CIM_ERR_INVALID_PARAMETER (TYPE_MISMATCH for a type error, or 5 from RequestStateChange) "
            "and no state change for every wrong parameter list",
            all);
    }
    if (judged == 0) return verdict::notSupported("neither method is supported");
    return verdict::pass("unknown, missing, ill-typed and duplicate parameters were rejected without effect" +
                         (notSent.empty() ? std::string() : " (" + notSent + ")"));
}

constexpr Rule kRuleERR005{
    .id = "ERR-005",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy = "Stated by DSP0200's error list.",
    .title = "a bad namespace yields CIM_ERR_INVALID_NAMESPACE",
    .statement =
        "A call in a namespace that does not exist fails with "
        "CIM_ERR_INVALID_NAMESPACE.",
    .source = "DSP0200-list; WMI-ERR",
    .procedure =
        "Calls StopService on the tested path in a namespace that does not exist. PASS "
        "on CIM_ERR_INVALID_NAMESPACE, FAIL on anything else.",
};

WMIMOCK_CHECK(err005, kRuleERR005.id, "InvalidNamespace") {
    const CallOutcome c = ctx.driver().invoke(inNamespace(ctx.path(), kMissingNamespace), "StopService");
    if (c.error == CimStatus::InvalidNamespace)
        return verdict::pass("a missing namespace fails with CIM_ERR_INVALID_NAMESPACE");
    return verdict::fail("CIM_ERR_INVALID_NAMESPACE", c.describe());
}

constexpr Rule kRuleERR006{
    .id = "ERR-006",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy = "Our reading: the sources name three ways to decline, so others are wrong.",
    .title = "unimplemented methods answer 1, NOT_SUPPORTED or METHOD_NOT_AVAILABLE",
    .statement =
        "A method the class declares but the implementation does not carry out is "
        "declined with 1, CIM_ERR_NOT_SUPPORTED or CIM_ERR_METHOD_NOT_AVAILABLE, never "
        "with 0 and no action, and never with CIM_ERR_METHOD_NOT_FOUND (which says the "
        "method does not exist).",
    .source = "SVC; ERRCLS; DSP0200-list; WMI-ERR; PEG-DISP",
    .procedure =
        "Calls StopService, StartService and RequestStateChange from both run states. "
        "FAIL naming each wrongly signalled decline and each decline with an effect. "
        "NOT SUPPORTED when every declared method is implemented.",
};

WMIMOCK_CHECK(err006, kRuleERR006.id, "UnimplementedSignalledProperly") {
    // Catalog Rev. 2: every one of StopService, StartService and RequestStateChange that the
    // class declares is called from a running and from a stopped element. A method that
    // declines in both states is unimplemented and must say so with a listed signal; one that
    // declines only sometimes is implemented, and its declines are SS-003's to judge.
    struct Method {
        std::string name;
        std::vector<ParamValue> fromRunning, fromStopped;
    };
    const std::vector<Method> methods = {
        {"StopService", {}, {}},
        {"StartService", {}, {}},
        {"RequestStateChange", {{"RequestedState", Value::uint16(3)}}, {{"RequestedState", Value::uint16(2)}}},
    };
    int declared = 0, unimplemented = 0;
    std::vector<std::string> failures, passes;
    for (const auto& m : methods) {
        if (ctx.probe().method(m.name) == nullptr) continue;
        ++declared;
        if (auto unmet = ctx.require(Want::Running)) return *unmet;
        const Snapshot beforeRunning = ctx.probe().snapshot("before");
        const CallOutcome onRunning = ctx.driver().invoke(m.name, m.fromRunning);
        const Snapshot afterRunning = ctx.driver().afterCall();
        if (!onRunning.notSupported()) continue;
        if (auto unmet = ctx.require(Want::Stopped)) return *unmet;
        const Snapshot beforeStopped = ctx.probe().snapshot("before");
        const CallOutcome onStopped = ctx.driver().invoke(m.name, m.fromStopped);
        const Snapshot afterStopped = ctx.driver().afterCall();
        if (!onStopped.notSupported()) {
            ctx.log(m.name + " declines only on a running service (" + onRunning.describe() + "), answering " +
                    onStopped.describe() + " on a stopped one: it is implemented");
            continue;
        }
        ++unimplemented;
        for (const auto* c : {&onRunning, &onStopped}) {
            const char* state = c == &onRunning ? "running" : "stopped";
            if (c->wronglySignalledDecline) {
                failures.push_back(m.name + " on a " + state + " service answered " + c->describe() +
                                   " although the class declares it (a wrongly signalled decline)");
            }
        }
        // StopService answering 1 and changing things is SS-003's fault (one fault, one rule).
        const bool ss003Owns = m.name == "StopService" && onRunning.returned(1);
        if (!ss003Owns && !sameRunState(beforeRunning, afterRunning)) {
            failures.push_back(m.name + " declined with " + onRunning.describe() +
                               " but changed the state: " + difference(beforeRunning, afterRunning));
        }
        if (!(m.name == "StopService" && onStopped.returned(1)) && !sameRunState(beforeStopped, afterStopped)) {
            failures.push_back(m.name + " declined with " + onStopped.describe() +
                               " but changed the state: " + difference(beforeStopped, afterStopped));
        }
        if (onRunning.declinedProperly() && onStopped.declinedProperly()) {
            passes.push_back(m.name + " (" + onRunning.describe() + ")");
        }
    }
    if (!failures.empty()) {
        const std::string all = joinCases(failures);
        return verdict::fail(
            "an unimplemented method declines with return 1, CIM_ERR_NOT_SUPPORTED or "
            "CIM_ERR_METHOD_NOT_AVAILABLE and changes nothing",
            all);
    }
    if (declared == 0)
        return verdict::notSupported("the class declares none of StopService, StartService, RequestStateChange");
    if (unimplemented == 0) return verdict::notSupported("not applicable: every declared method is implemented");
    std::string which;
    for (const auto& p : passes) which += (which.empty() ? "" : ", ") + p;
    return verdict::pass("the unimplemented method(s) declined with an allowed signal and changed nothing: " + which);
}

constexpr Rule kRuleERR007{
    .id = "ERR-007",
    .level = Level::Should,
    .levelText = "SHOULD",
    .levelWhy =
        "Stated by DSP0200 as 'the first applicable error'; lowered to SHOULD because "
        "the order is read from a client library's copy of the list.",
    .title = "when several errors apply the DSP0200 precedence decides",
    .statement =
        "When several errors apply to one call, the earliest in DSP0200's order is "
        "answered: ACCESS_DENIED, NOT_SUPPORTED, INVALID_NAMESPACE, INVALID_PARAMETER, "
        "NOT_FOUND, METHOD_NOT_FOUND, METHOD_NOT_AVAILABLE, FAILED.",
    .source = "DSP0200-list",
    .procedure =
        "Makes calls with two faults at once, after a control showing the target gives "
        "each error alone. WARN naming each case answered with the later error. NOT "
        "SUPPORTED when no case could be judged (the owners of the single errors are "
        "ERR-001, ERR-004 and ERR-005).",
};

WMIMOCK_CHECK(err007, kRuleERR007.id, "ErrorPrecedence") {
    Verdict found;
    const ObjectPath missing = missingInstance(ctx.path());
    struct Request {
        ObjectPath target;
        std::string method;
        std::vector<ParamValue> in;
    };
    struct Case {
        std::string_view what;
        Request both;
        CimStatus first, second;
        /// The first error alone, and the rule that owns it: a target that never answers
        /// it alone has that rule's fault, and its precedence cannot be judged here.
        Request firstAlone;
        std::string_view owner;
    };
    const std::vector<Case> cases{
        {"missing instance + unknown method",
         {missing, "StopServise", {}},
         CimStatus::NotFound,
         CimStatus::MethodNotFound,
         {missing, "StopService", {}},
         "ERR-001"},
        {"missing namespace + missing instance",
         {inNamespace(missing, kMissingNamespace), "StopService", {}},
         CimStatus::InvalidNamespace,
         CimStatus::NotFound,
         {inNamespace(ctx.path(), kMissingNamespace), "StopService", {}},
         "ERR-005"},
        {"bad parameter + missing instance",
         {missing, "StopService", {{"Bogus", Value::uint32(1)}}},
         CimStatus::InvalidParameter,
         CimStatus::NotFound,
         {ctx.path(), "StopService", {{"Bogus", Value::uint32(1)}}},
         "ERR-004"},
    };
    int judged = 0;
    for (const auto& k : cases) {
        const CallOutcome alone = ctx.driver().invoke(k.firstAlone.target, k.firstAlone.method, k.firstAlone.in);
        if (alone.error != k.first) {
            ctx.log(std::string(k.what) + ": alone, the first error is answered " + alone.describe() + ", not " +
                    std::string(statusName(k.first)) + " (" + std::string(k.owner) +
                    "'s to judge): precedence not observable");
            continue;
        }
        const CallOutcome c = ctx.driver().invoke(k.both.target, k.both.method, k.both.in);
        if (c.error == k.first) {
            ++judged;
            continue;
        }
        if (c.error == k.second) {
            ++judged;
            found.warn(std::string(k.what) + ": " + std::string(statusName(k.second)) + " instead of the earlier " +
                       std::string(statusName(k.first)));
            continue;
        }
        // Neither applicable error: the single-error rules (ERR-001, ERR-004, ERR-005) judge
        // that code; precedence cannot be observed here.
        ctx.log(std::string(k.what) + ": " + c.describe() + ", neither " + expectedText({k.first, k.second}) +
                ": precedence not observable");
    }
    if (judged == 0) return found.notSupported("no case returned one of its applicable errors");
    found.pass("the first applicable error was returned in every judged case");
    return found;
}

constexpr Rule kRuleERR008{
    .id = "ERR-008",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy = "Stated by DSP0200 where access control is enforced.",
    .title = "an unauthorized caller gets ACCESS_DENIED and nothing changes",
    .statement =
        "A caller without the right to stop the service gets CIM_ERR_ACCESS_DENIED, or "
        "an 'access denied' code the class documents, and the service does not change.",
    .source = "DSP0200-list; WMI-ERR; W32-SS",
    .checked = false,
    .whyNotChecked =
        "needs a second, low-privilege identity: the fake CIMOM has no access "
        "control and the run options carry a single credential, so an unauthorized "
        "call cannot be made",
};

constexpr Rule kRuleERR009{
    .id = "ERR-009",
    .level = Level::Must,
    .levelText = "MUST/SHOULD",
    .levelWhy = "The shape is stated by DSP0201 (MUST); no side effects is our reading (SHOULD).",
    .title = "an error excludes a return value; errors have no side effects",
    .statement =
        "A method response carries a CIM error or a return value with out parameters, "
        "never both; a call that fails with a CIM error leaves the service as it was.",
    .source = "DSP0201; PEG-IS",
    .procedure =
        "Provokes CIM errors and watches the ordinary calls of the check. WARN naming "
        "each error that came with a state change. NOT SUPPORTED when no CIM error "
        "could be provoked.",
};

WMIMOCK_CHECK(err009, kRuleERR009.id, "ErrorsHaveNoSideEffects") {
    Verdict found;
    if (auto unmet = ctx.require(Want::Running)) return found.add(*unmet);
    const std::vector<std::pair<std::string, std::vector<ParamValue>>> provocations{
        {"StopService", {{"Bogus", Value::uint32(1)}}},
        {"RequestStateChange", {}},
        {"RequestStateChange", {{"RequestedState", Value::string("abc")}}},
        {"StopServise", {}},
    };
    int errors = 0;
    // Calls `method` from `from`; an error that changed the instance is a warning.
    const auto judge = [&](const std::string& method, const std::vector<ParamValue>& in, Want from) {
        if (!(from == Want::Running ? ctx.driver().makeRunning() : ctx.driver().makeStopped())) return;
        const Snapshot before = ctx.probe().snapshot("before");
        const CallOutcome c = ctx.driver().invoke(method, in);
        if (!c.error) {
            if (c.code == rsc_result::kJobStarted && c.job) ctx.driver().waitJob(*c.job);
            return;
        }
        ++errors;
        const Snapshot after = ctx.driver().afterCall();
        if (!sameRunState(before, after) || before.requestedState != after.requestedState) {
            found.warn(method + " failed with " + c.describe() +
                       " yet changed the instance: " + difference(before, after));
        }
    };
    for (const auto& [method, in] : provocations) judge(method, in, Want::Running);
    // "Each CIM error in the run": the ordinary calls too, each from the state it changes.
    const std::vector<std::tuple<std::string, std::vector<ParamValue>, Want>> ordinary{
        {"StopService", {}, Want::Running},
        {"StartService", {}, Want::Stopped},
        {"RequestStateChange", {{"RequestedState", Value::uint16(3)}}, Want::Running},
        {"RequestStateChange", {{"RequestedState", Value::uint16(2)}}, Want::Stopped},
    };
    for (const auto& [method, in, from] : ordinary) {
        if (ctx.probe().method(method) != nullptr) judge(method, in, from);
    }
    if (errors == 0) return found.notSupported("no CIM error could be provoked");
    found.pass(std::to_string(errors) + " CIM error(s), none with a side effect");
    return found;
}

constexpr Rule kRuleERR010{
    .id = "ERR-010",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy = "Stated by DSP0200's error list.",
    .title = "a malformed path yields INVALID_PARAMETER or NOT_FOUND",
    .statement =
        "A path missing a key property, or with a key of the wrong type, is refused "
        "with CIM_ERR_INVALID_PARAMETER or CIM_ERR_NOT_FOUND and touches no instance.",
    .source = "DSP0200-list; WMI-ERR",
    .procedure =
        "Sends every malformed path to every declared method. FAIL naming each other "
        "answer and any call that changed a real instance.",
};

WMIMOCK_CHECK(err010, kRuleERR010.id, "MalformedPathRejected") {
    std::vector<std::pair<std::string, ObjectPath>> paths;
    if (ctx.path().keys().size() > 1) {
        const KeyBinding* only = nullptr;
        for (const auto& k : ctx.path().keys()) {
            if (iequals(k.name, "Name")) only = &k;
        }
        if (only == nullptr) only = &ctx.path().keys().front();
        paths.emplace_back("a path with only the " + only->name + " key",
                           ObjectPath(ctx.path().nameSpace(), ctx.path().className(), {*only}));
    }
    ObjectPath extra = ctx.path();
    extra.setKey("Foo", Value::string("x"));
    paths.emplace_back("a path with an extra key Foo", extra);
    // Catalog Rev. 2: a key of the wrong type (a number for a string key, a string for a
    // numeric one).
    if (!ctx.path().keys().empty()) {
        const KeyBinding& first = ctx.path().keys().front();
        ObjectPath wrongType = ctx.path();
        const bool numeric = !first.value.isNull() && isInteger(first.value.type());
        wrongType.setKey(first.name, numeric ? Value::string("not-a-number") : Value::uint32(42));
        paths.emplace_back("a path whose key " + first.name + " has the wrong type", wrongType);
    }
    const auto requests = declaredRequests(ctx);
    if (requests.empty())
        return verdict::notSupported("the class declares none of StopService, StartService, RequestStateChange");
    if (auto unmet = ctx.require(Want::Running)) return *unmet;
    // Every malformed path to every declared method; all failing cases named, and a call
    // that changes a real instance fails whatever it returned.
    std::vector<std::string> failures;
    std::string notSent;
    int judgedPaths = 0;
    for (const auto& [what, path] : paths) {
        bool judged = false;
        for (const auto& [method, in] : requests) {
            const auto before = realInstances(ctx);
            const CallOutcome c = ctx.driver().invoke(path, method, in);
            if (c.notSent) {  // the protocol cannot carry this path: nothing to judge
                notSent += (notSent.empty() ? "" : "; ") + what + ": " + c.describe();
                break;
            }
            judged = true;
            const auto changed = changedInstances(ctx, before);
            for (const auto& change : changed) {
                failures.push_back(describeRequest(method, in) + " on " + what + " acted on a real instance (" +
                                   change + "), answering " + c.describe());
            }
            if (changed.empty() && c.error != CimStatus::InvalidParameter && c.error != CimStatus::NotFound) {
                failures.push_back(describeRequest(method, in) + " on " + what + " -> " + c.describe());
            }
        }
        judgedPaths += judged ? 1 : 0;
    }
    if (!failures.empty()) {
        const std::string all = joinCases(failures);
        return verdict::fail(
            "CIM_ERR_INVALID_PARAMETER or CIM_ERR_NOT_FOUND, and no instance touched, for every malformed path", all);
    }
    return verdict::pass(std::to_string(judgedPaths) + " malformed paths were rejected by every declared method" +
                         (notSent.empty() ? std::string() : " (" + notSent + ")"));
}

constexpr Rule kRuleERR011{
    .id = "ERR-011",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy = "Stated by CIM_Error's CIMStatusCode value map.",
    .title = "only defined CIM status codes are returned",
    .statement =
        "Every CIM status code the target answers is one DSP0200 defines; for "
        "InvokeMethod some defined codes are unusual.",
    .source = "ERRCLS; DSP0200-list",
    .procedure =
        "Runs after the other checks and judges every CIM error of the whole run. FAIL "
        "naming each undefined code and the call that got it; WARN on defined codes "
        "unusual for InvokeMethod. NOT SUPPORTED when no error was seen.",
};

// Catalog Rev. 2: "every error seen" is every status the target answered in the run. This
// check provokes errors of its own; the runner adds the undefined codes the other checks of
// the instance met (they are planned before it) to its result.
WMIMOCK_CHECK_AFTER_OTHERS(err011, kRuleERR011.id, "DefinedStatusCodes") {
    Verdict found;
    const ObjectPath missing = missingInstance(ctx.path());
    ObjectPath extra = ctx.path();
    extra.setKey("Foo", Value::string("x"));
    const std::vector<CallOutcome> calls{
        ctx.driver().invoke(missing, "StopService"),
        ctx.driver().invoke(ObjectPath(ctx.nameSpace(), "WMIMock_NoSuchClass", {{"Name", Value::string("x")}}),
                            "StopService"),
        ctx.driver().invoke("StopServise"),
        ctx.driver().invoke(missing, "RequestStateChange"),
        ctx.driver().invoke(inNamespace(ctx.path(), kMissingNamespace), "StopService"),
        ctx.driver().invoke(extra, "StopService"),
    };
    constexpr std::array practical{1, 2, 3, 4, 5, 6, 7, 13, 16, 17, 27, 28};
    int errors = 0;
    std::vector<std::string> undefined;
    for (const auto& c : calls) {
        if (c.code == 0U) ctx.driver().settle(Want::Stopped);
        if (!c.error) continue;
        ++errors;
        const auto code = static_cast<std::uint32_t>(*c.error);
        if (!isDefinedStatus(code)) {
            undefined.push_back("code " + std::to_string(code) + " for " + c.method);
        } else if (std::find(practical.begin(), practical.end(), static_cast<int>(code)) == practical.end()) {
            found.warn(std::string(statusName(*c.error)) + " is defined but unusual for InvokeMethod");
        }
    }
    if (!undefined.empty()) return found.fail("CIM status codes defined by DSP0200", joinCases(undefined));
    if (errors == 0) return found.notSupported("no CIM error could be provoked");
    found.pass(std::to_string(errors) + " error(s), all with defined status codes");
    return found;
}

constexpr std::array kRules{&kRuleERR001, &kRuleERR002, &kRuleERR003, &kRuleERR004, &kRuleERR005, &kRuleERR006,
                            &kRuleERR007, &kRuleERR008, &kRuleERR009, &kRuleERR010, &kRuleERR011};

constexpr std::array kChecks{err001Def, err002Def, err003Def, err004Def, err005Def,
                             err006Def, err007Def, err009Def, err010Def, err011Def};

}  // namespace

std::span<const CheckDef> errChecks() noexcept {
    return kChecks;
}

std::span<const Rule* const> errRules() noexcept {
    return kRules;
}

}  // namespace wmimock::conformance
