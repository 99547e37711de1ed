// The suite against the good simulations: no failures (not-supported only where the rules
// allow it), and the central rules really pass.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "result_format.hpp"
#include "wmimock/conformance/checks.hpp"
#include "wmimock/harness/runner.hpp"
#include "wmimock/services/builtin.hpp"

namespace wmimock::harness {
namespace {

using namespace wmimock::conformance;

RunResult runInProcess(const std::string& target, services::SimulationOptions simOptions = {},
                       std::string filter = {}) {
    RunOptions options;
    options.targets = {target};
    options.target.simOptions = std::move(simOptions);
    options.filter = std::move(filter);
    options.isolation = RunOptions::Isolation::InProcess;
    return run(options);
}

std::set<std::string> rulesWith(const RunResult& run, Outcome outcome) {
    std::set<std::string> out;
    for (const auto& r : run.results) {
        if (r.outcome == outcome) out.insert(r.ruleId);
    }
    return out;
}

class GoodBuiltin : public ::testing::TestWithParam<std::string> {};

TEST_P(GoodBuiltin, HasNoFailures) {
    const RunResult run = runInProcess("builtin:" + GetParam());
    ASSERT_FALSE(run.results.empty());
    EXPECT_TRUE(run.passed()) << testing::failures(run);
    const auto s = run.summary();
    EXPECT_GT(s.passed, s.total / 3) << "most checks should really pass, not be skipped";
    for (const auto& note : run.notes) ADD_FAILURE() << "restore: " << note;
    // Every planned check produced exactly one result.
    std::set<std::string> seen;
    for (const auto& r : run.results) EXPECT_TRUE(seen.insert(r.instancePath + " " + r.ruleId + " " + r.title).second);
    EXPECT_EQ(run.results.size() % checks().size(), 0U);
}

INSTANTIATE_TEST_SUITE_P(Conformance, GoodBuiltin, ::testing::Values("reference", "win32", "hyperv"));

// Real Windows services take time to start and stop, showing "Start Pending"/"Stop Pending"
// meanwhile: the suite must wait for those transitions, not judge the next check on them.
TEST(Win32Builtin, HasNoFailuresWhenControlsTakeTime) {
    const RunResult run = runInProcess("builtin:win32", {.transition = std::chrono::milliseconds(50)});
    ASSERT_FALSE(run.results.empty());
    EXPECT_TRUE(run.passed()) << testing::failures(run);
    for (const auto& note : run.notes) ADD_FAILURE() << "restore: " << note;
}

TEST(ReferenceBuiltin, PassesTheCentralRules) {
    const auto passed = rulesWith(runInProcess("builtin:reference"), Outcome::Pass);
    for (const char* id : {"SS-001",  "SS-002",  "SS-007",  "SS-008",   "SS-020",   "SS-021",   "RSC-001",
                           "RSC-002", "RSC-003", "RSC-005", "RSC-009",  "RSC-010",  "RSC-011",  "RSC-014",
                           "CON-001", "CON-002", "CON-003", "CON-005",  "CON-007",  "ERR-001",  "ERR-002",
                           "ERR-003", "ERR-004", "ERR-005", "CONC-001", "CONC-003", "CONC-004", "CONC-005"}) {
        EXPECT_TRUE(passed.count(id)) << id << " should pass on the reference";
    }
}

// OpenPegasus 2.14's CIM_IndicationService as the real server behaves (catalog PEG-IS, PEG-DISP,
// §0.3). Its verdicts are pinned: the declared StopService/StartService answer the wrong decline
// code (ERR-006 alone fails it, every SS rule skips); a missing or malformed path reaches the
// one real service (ERR-001, ERR-010), as does a repeated RequestedState (ERR-004); a
// RequestedState of the wrong type fails with CIM_ERR_FAILED (RSC-010). Each of those names
// every failing case. Everything else passes, warns or skips.
TEST(PegasusBuiltin, GivesTheRealServersVerdicts) {
    const RunResult run = runInProcess("builtin:pegasus");
    ASSERT_FALSE(run.results.empty());
    EXPECT_EQ(run.summary().planned, run.results.size());
    std::map<std::string, const CheckResult*> byRule;
    std::set<std::string> failed;
    for (const auto& r : run.results) {
        byRule[r.ruleId] = &r;
        const bool conc = r.ruleId.starts_with("CONC-");
        if (r.ruleId.starts_with("SS-")) {
            EXPECT_EQ(r.outcome, Outcome::NotSupported) << r.ruleId << ": " << r.message;
        }
        EXPECT_TRUE(r.outcome == Outcome::Pass || r.outcome == Outcome::Warning || r.outcome == Outcome::NotSupported ||
                    r.outcome == Outcome::Fail)
            << r.ruleId << " ended " << toString(r.outcome) << ": " << r.message;
        if (r.outcome == Outcome::Fail && !conc) failed.insert(r.ruleId);
    }
    EXPECT_EQ(failed, (std::set<std::string>{"ERR-001", "ERR-004", "ERR-006", "ERR-010", "RSC-010"}))
        << testing::failures(run);
    ASSERT_TRUE(byRule.count("ERR-005"));
    EXPECT_EQ(byRule.at("ERR-005")->outcome, Outcome::Pass) << byRule.at("ERR-005")->message;

    const auto actualOf = [&](const char* id) { return byRule.count(id) ? byRule.at(id)->actual : std::string(); };
    // Every failing case is named, not only the first.
    EXPECT_NE(actualOf("ERR-006").find("StopService"), std::string::npos) << actualOf("ERR-006");
    EXPECT_NE(actualOf("ERR-006").find("StartService"), std::string::npos) << actualOf("ERR-006");
    EXPECT_NE(actualOf("RSC-010").find("\"abc\" -> CIM_ERR_FAILED"), std::string::npos) << actualOf("RSC-010");
    EXPECT_NE(actualOf("RSC-010").find("{3} -> CIM_ERR_FAILED"), std::string::npos) << actualOf("RSC-010");
    EXPECT_NE(actualOf("ERR-004").find("RequestedState=3, RequestedState=3"), std::string::npos) << actualOf("ERR-004");
    for (const char* malformed : {"only the Name key", "extra key Foo"}) {
        EXPECT_NE(actualOf("ERR-010").find(malformed), std::string::npos) << malformed << ": " << actualOf("ERR-010");
    }
    EXPECT_NE(actualOf("ERR-001").find("RequestStateChange"), std::string::npos) << actualOf("ERR-001");
}

TEST(HypervBuiltin, CompletesThroughJobs) {
    const RunResult run = runInProcess("builtin:hyperv");
    const auto passed = rulesWith(run, Outcome::Pass);
    for (const char* id : {"JOB-001", "JOB-003", "JOB-004", "JOB-006", "JOB-008", "JOB-011"}) {
        EXPECT_TRUE(passed.count(id)) << id << " should pass on hyperv (asynchronous RequestStateChange)";
    }
}

// Every job fails: JOB-005 sees ErrorCode, ErrorDescription and a CIM_Error from GetErrors,
// so it passes without a warning.
TEST(HypervBuiltin, FailedJobsReportTheirErrors) {
    const RunResult run = runInProcess("builtin:hyperv", {.failureRate = 1.0});
    for (const auto& r : run.results) {
        if (r.ruleId == "JOB-005") {
            EXPECT_EQ(r.outcome, Outcome::Pass) << testing::describe(r, true);
        }
    }
    EXPECT_TRUE(rulesWith(run, Outcome::Pass).count("JOB-005"));
}

TEST(Win32Builtin, SkipsTheRequestStateChangeRulesItDoesNotModel) {
    const RunResult run = runInProcess("builtin:win32");
    for (const auto& r : run.results) {
        if (r.ruleId.starts_with("RSC-0") && r.ruleId != "RSC-015" && r.ruleId != "RSC-014") {
            EXPECT_EQ(r.outcome, Outcome::NotSupported) << testing::describe(r, false);
        }
    }
    EXPECT_TRUE(rulesWith(run, Outcome::Pass).count("SS-001"));
}

// Catalog §0.3 Rev. 2: a declared method that declines with CIM_ERR_METHOD_NOT_FOUND is a
// wrongly signalled decline. ERR-006 alone fails it; every other rule treats it as "not
// supported" (one fault, one rule). The listed signals fail nothing.
class DeclineSignal : public ::testing::TestWithParam<services::DeclineSignal> {};

TEST_P(DeclineSignal, OnlyErr006JudgesHowAMethodDeclines) {
    const RunResult run = runInProcess(
        "builtin:reference",
        {.notSupportedMethods = std::vector<std::string>{"StopService", "StartService"}, .declineWith = GetParam()});
    std::set<std::string> failed;
    for (const auto& r : run.results) {
        if (isFailure(r.outcome)) failed.insert(r.ruleId);
    }
    if (GetParam() == services::DeclineSignal::MethodNotFound) {
        EXPECT_EQ(failed, std::set<std::string>{"ERR-006"}) << testing::failures(run);
        for (const auto& r : run.results) {
            if (r.ruleId != "ERR-006") continue;
            // Both declared methods, in both states, are named.
            EXPECT_NE(r.actual.find("StopService on a running service"), std::string::npos) << r.actual;
            EXPECT_NE(r.actual.find("StopService on a stopped service"), std::string::npos) << r.actual;
            EXPECT_NE(r.actual.find("StartService on a running service"), std::string::npos) << r.actual;
        }
    } else {
        EXPECT_TRUE(failed.empty()) << testing::failures(run);
        EXPECT_TRUE(rulesWith(run, Outcome::Pass).count("ERR-006"));
    }
    EXPECT_TRUE(rulesWith(run, Outcome::NotSupported).count("SS-001")) << "SS-001 skips a declined StopService";
}

INSTANTIATE_TEST_SUITE_P(Conformance, DeclineSignal,
                         ::testing::Values(services::DeclineSignal::ReturnOne, services::DeclineSignal::NotSupported,
                                           services::DeclineSignal::MethodNotAvailable,
                                           services::DeclineSignal::MethodNotFound));

/// The first result of `ruleId` in `run`.
const CheckResult& resultOf(const RunResult& run, std::string_view ruleId) {
    for (const auto& r : run.results) {
        if (r.ruleId == ruleId) return r;
    }
    throw std::runtime_error("no result for " + std::string(ruleId));
}

// Catalog Rev. 2, RSC-009: the vendor range is tried too (the reference declares none of it).
TEST(ReferenceBuiltin, Rsc009TriesTheVendorRange) {
    const RunResult result = runInProcess("builtin:reference", {}, "RSC-009");
    const auto& r = resultOf(result, "RSC-009");
    EXPECT_EQ(r.outcome, Outcome::Pass) << testing::describe(r, true);
    for (const char* v : {"32768", "32769", "40000", "65535"})
        EXPECT_NE(r.message.find(v), std::string::npos) << r.message;
}

// Catalog Rev. 2, ERR-001 and ERR-005: every declared method is called on the missing
// instance and every failing case is named (not only the first); the missing namespace has
// a legal name.
TEST(FaultyBuiltin, Err001NamesEveryFailingMethod) {
    const RunResult result = runInProcess("builtin:faulty-wrong-error-missing-instance", {}, "ERR-001,ERR-005");
    const auto& err001 = resultOf(result, "ERR-001");
    EXPECT_EQ(err001.outcome, Outcome::Fail);
    for (const char* request :
         {"StopService ->", "StartService ->", "RequestStateChange(3) ->", "RequestStateChange(2) ->"}) {
        EXPECT_NE(err001.actual.find(request), std::string::npos) << request << " missing from: " << err001.actual;
    }
    const auto& err005 = resultOf(result, "ERR-005");
    EXPECT_EQ(err005.outcome, Outcome::Pass);
    bool legal = false;
    for (const auto& line : err005.evidence) {
        if (line.find("root/wmimock_missing_ns:") != std::string::npos) legal = true;
    }
    EXPECT_TRUE(legal) << "the missing namespace is named with identifiers only";
}

}  // namespace
}  // namespace wmimock::harness
