// Building blocks of the checks: ValueMap matching and run states of snapshots.
#include <gtest/gtest.h>

#include "snapshot.hpp"
#include "value_map.hpp"
#include "verdict.hpp"

namespace wmimock::conformance {
namespace {

QualifierList qualifiers(std::vector<std::string> valueMap, std::vector<std::string> values) {
    const auto strings = [](const std::vector<std::string>& v) {
        std::vector<Value> out;
        for (const auto& s : v) out.push_back(Value::string(s));
        return Value::array(CimType::String, out);
    };
    QualifierList q;
    q.set({"ValueMap", strings(valueMap), {}, false});
    if (!values.empty()) q.set({"Values", strings(values), {}, false});
    return q;
}

TEST(ValueMap, DocumentsExactValuesAndVendorRangesButNotReservedOnes) {
    const ValueMap vm = ValueMap::requestStateChangeDefault();
    EXPECT_TRUE(vm.lookup(0).documented());
    EXPECT_TRUE(vm.lookup(4096).documented());
    EXPECT_TRUE(vm.lookup(40000).documented());  // Vendor Specific
    EXPECT_FALSE(vm.lookup(7).documented());     // ".." DMTF Reserved
    EXPECT_FALSE(vm.lookup(5000).documented());  // Method Reserved range
    EXPECT_EQ(vm.labelOf(4097), "Invalid State Transition");
}

TEST(ValueMap, ReadsQualifiersAndReportsMisalignedOrMalformedEntries) {
    EXPECT_FALSE(ValueMap::of(QualifierList{}).has_value());
    const auto vm = ValueMap::of(qualifiers({"0", "1", "5", "x", "32768.."}, {"Success", "Not Supported"}));
    ASSERT_TRUE(vm.has_value());
    EXPECT_EQ(vm->valueMapSize(), 5U);
    EXPECT_EQ(vm->valuesSize(), 2U);
    ASSERT_EQ(vm->malformed().size(), 1U);
    EXPECT_EQ(vm->malformed().front(), "x");
    EXPECT_TRUE(vm->lookup(5).documented());
    EXPECT_TRUE(vm->lookup(70000).documented());
    EXPECT_EQ(vm->lookup(6).entry, nullptr);
    EXPECT_EQ(vm->labelOf(1), "Not Supported");
}

Snapshot snapshot(std::optional<bool> started, std::optional<std::uint16_t> es, std::optional<std::uint16_t> tts = 5) {
    Snapshot s;
    s.started = started;
    s.enabledState = es;
    s.transitioningToState = tts;
    return s;
}

TEST(Snapshot, RunStateFollowsEnabledStateOrStarted) {
    EXPECT_EQ(runState(snapshot(true, 2)), RunState::Running);
    EXPECT_EQ(runState(snapshot(false, 3)), RunState::Stopped);
    EXPECT_EQ(runState(snapshot(true, 3, 2)), RunState::Transitioning);
    EXPECT_EQ(runState(snapshot(true, 4)), RunState::Transitioning);
    EXPECT_EQ(runState(snapshot(false, std::nullopt)), RunState::Stopped);  // Win32-style: Started decides
    EXPECT_EQ(runState(snapshot(true, 5)), RunState::Running);              // Not Applicable: Started decides
    EXPECT_EQ(runState(snapshot(std::nullopt, std::nullopt)), RunState::Unknown);
}

TEST(Snapshot, APendingWin32ControlIsATransition) {
    Snapshot s = snapshot(true, 5);
    s.serviceState = "Start Pending";
    EXPECT_TRUE(s.pending());
    EXPECT_EQ(runState(s), RunState::Transitioning) << "Started alone would say running";
    s.serviceState = "Running";
    EXPECT_FALSE(s.pending());
    EXPECT_EQ(runState(s), RunState::Running);
    Snapshot stopping = s;
    stopping.serviceState = "Stop Pending";
    EXPECT_FALSE(sameRunState(s, stopping));
    EXPECT_EQ(difference(s, stopping), "State \"Running\"->\"Stop Pending\"");
}

TEST(Snapshot, DifferenceNamesChangedProperties) {
    const Snapshot a = snapshot(true, 2);
    Snapshot b = snapshot(false, 3);
    EXPECT_EQ(difference(a, b), "Started TRUE->FALSE, EnabledState 2->3");
    EXPECT_TRUE(difference(a, a).empty());
    EXPECT_TRUE(identical(a, a));
    EXPECT_FALSE(identical(a, b));
}

TEST(Snapshot, ReadsAnInstance) {
    Instance i("X");
    i.set("Started", Value::boolean(true));
    i.set("EnabledState", Value::uint16(2));
    i.set("RequestedState", Value::null(CimType::Uint16));
    i.set("AvailableRequestedStates", Value::array(CimType::Uint16, {Value::uint16(3)}));
    const Snapshot s = Snapshot::of(i);
    EXPECT_EQ(s.started, true);
    EXPECT_EQ(s.enabledState, 2U);
    EXPECT_FALSE(s.requestedState.has_value());
    EXPECT_TRUE(s.requestedStateUntracked());
    ASSERT_TRUE(s.availableRequestedStates.has_value());
    EXPECT_EQ(s.availableRequestedStates->size(), 1U);
}

// ---- Verdict: how a check's findings become its result -----------------------------------

CheckResult decided(const Verdict& v, std::string ruleId = "SS-001", std::vector<UndefinedStatus> undefined = {}) {
    CheckResult r;
    r.ruleId = std::move(ruleId);
    r.undefinedStatuses = std::move(undefined);
    v.decide(r);
    return r;
}

TEST(Verdict, NoFindingIsAnError) {
    const CheckResult r = decided(Verdict{});
    EXPECT_EQ(r.outcome, Outcome::Error);
    EXPECT_EQ(r.message, "the check reached no verdict");
}

TEST(Verdict, TheMostSevereFindingDecides) {
    Verdict v;
    v.notSupported("case A could not run");
    v.pass("case B");
    EXPECT_EQ(decided(v).outcome, Outcome::Pass);
    v.warn("case C bends a SHOULD");
    EXPECT_EQ(decided(v).outcome, Outcome::Warning);
    v.fail("0", "2", "case D returned 2");
    v.pass("case E");
    const CheckResult r = decided(v);
    EXPECT_EQ(r.outcome, Outcome::Fail);
    EXPECT_EQ(r.message, "case D returned 2");
    EXPECT_EQ(r.expected, "0");
    EXPECT_EQ(r.actual, "2");
    EXPECT_EQ(r.log.size(), 5u) << "every finding is logged";
}

TEST(Verdict, SeveralFailuresAreCountedAndTheDefaultMessageSaysWhatDiffered) {
    Verdict v;
    v.fail("3", "2");
    v.fail("3", "6");
    v.unreachable("the service could not be brought to running");
    const CheckResult r = decided(v);
    EXPECT_EQ(r.message, "expected 3, got 2 (and 1 more, see log)");
    EXPECT_EQ(r.log.back(), "not-supported: precondition not reachable: the service could not be brought to running");
}

TEST(Verdict, APassOnAnUndefinedStatusIsNotJudgedExceptByErr011) {
    Verdict v;
    v.pass("all good");
    const std::vector<UndefinedStatus> undefined{{42, "GetInstance(T)"}, {42, "InvokeMethod StopService"}};
    const CheckResult r = decided(v, "SS-001", undefined);
    EXPECT_EQ(r.outcome, Outcome::NotSupported);
    EXPECT_NE(r.message.find("42 (2 answer(s), first to GetInstance(T))"), std::string::npos) << r.message;
    EXPECT_EQ(decided(v, "ERR-011", undefined).outcome, Outcome::Pass);
    Verdict failing;
    failing.fail("0", "1");
    EXPECT_EQ(decided(failing, "SS-001", undefined).outcome, Outcome::Fail) << "a failure stands";
}

TEST(Verdict, OneFindingVerdictsAndAddedOnesDecideLikeCollectedOnes) {
    const CheckResult single = decided(verdict::fail("3", "2", "the stop left EnabledState 2"));
    EXPECT_EQ(single.outcome, Outcome::Fail);
    EXPECT_EQ(single.message, "the stop left EnabledState 2");
    EXPECT_EQ(decided(verdict::unreachable("no start")).message, "precondition not reachable: no start");

    // A precondition's verdict added to what a check found before it keeps both.
    Verdict found;
    found.warn("case A bends a SHOULD");
    const CheckResult r = decided(found.add(verdict::notSupported("case B declined")));
    EXPECT_EQ(r.outcome, Outcome::Warning);
    EXPECT_EQ(r.log.size(), 2u);
}

}  // namespace
}  // namespace wmimock::conformance
