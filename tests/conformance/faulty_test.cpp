// Every faulty built-in fails exactly the rules it declares (BuiltinInfo::brokenRules) and
// nothing else; rules it may break only depending on a race are tolerated either way.
// Runs with process isolation: some faults hang or abort the process.
#include <gtest/gtest.h>

#include <set>

#include "result_format.hpp"
#include "wmimock/harness/runner.hpp"
#include "wmimock/services/builtin.hpp"

namespace wmimock::harness {
namespace {

using namespace wmimock::conformance;

std::vector<std::string> faultyNames() {
    std::vector<std::string> out;
    for (const auto& b : services::builtins()) {
        if (b.kind == services::BuiltinKind::Faulty) out.push_back(b.name);
    }
    return out;
}

std::string paramName(const ::testing::TestParamInfo<std::string>& info) {
    std::string out;
    for (const char c : info.param) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return out;
}

std::string joined(const std::set<std::string>& s) {
    std::string out;
    for (const auto& x : s) out += (out.empty() ? "" : ", ") + x;
    return out.empty() ? "(none)" : out;
}

class FaultyBuiltin : public ::testing::TestWithParam<std::string> {};

TEST_P(FaultyBuiltin, FailsExactlyItsDeclaredRules) {
    const services::BuiltinInfo* info = services::findBuiltin(GetParam());
    ASSERT_NE(info, nullptr);
    RunOptions options;
    options.targets = {"builtin:" + info->name};
    options.isolation = RunOptions::Isolation::Process;
    // faulty-hangs blocks in real time until stopped; faulty-torn-state spends 25 ms of real
    // time per StopService (its race window), 2.5 s for the 100 stops of CONC-005.
    options.checkTimeout = std::chrono::duration<double>(4.0);
    options.session.settings.jobTimeout = std::chrono::duration<double>(20.0);  // simulated time: free, but fewer polls
    const RunResult run = wmimock::harness::run(options);

    std::set<std::string> failed;
    std::string details;
    for (const auto& r : run.results) {
        if (!isFailure(r.outcome)) continue;
        failed.insert(r.ruleId);
        details += testing::describe(r, false) + "\n";
    }
    const std::set<std::string> declared(info->brokenRules.begin(), info->brokenRules.end());
    const std::set<std::string> raceDependent(info->raceDependentRules.begin(), info->raceDependentRules.end());
    std::set<std::string> missed, unexpected;
    for (const auto& id : declared) {
        if (!failed.count(id)) missed.insert(id);
    }
    for (const auto& id : failed) {
        if (!declared.count(id) && !raceDependent.count(id)) unexpected.insert(id);
    }
    EXPECT_TRUE(missed.empty()) << info->name << " (" << info->description << ") breaks " << joined(declared)
                                << " but the suite did not fail " << joined(missed) << "\n"
                                << details;
    EXPECT_TRUE(unexpected.empty()) << info->name << " (" << info->description << "): unexpected failures of "
                                    << joined(unexpected) << "\n"
                                    << details;
    EXPECT_FALSE(run.interrupted);
}

/// (rule, instance, outcome) of every result, in plan order.
std::vector<std::string> verdictSet(const RunResult& run) {
    std::vector<std::string> out;
    for (const auto& r : run.results)
        out.push_back(r.ruleId + " " + r.instancePath + " " + std::string(toString(r.outcome)));
    return out;
}

// Catalog §6 Rev. 2: who wins a race must not change the verdict. The concurrency checks
// run a control of each method alone first, so a fault that shows without a race is the
// sequential rule's, whichever call of the race wins.
TEST_P(FaultyBuiltin, TheConcurrencyVerdictsAreTheSameInEveryRun) {
    const services::BuiltinInfo* info = services::findBuiltin(GetParam());
    ASSERT_NE(info, nullptr);
    EXPECT_TRUE(info->raceDependentRules.empty()) << "a built-in fault whose visibility depends on thread timing";
    RunOptions options;
    options.targets = {"builtin:" + info->name};
    options.filter = "CONC-001,CONC-003,CONC-004";
    options.isolation = RunOptions::Isolation::InProcess;  // these three neither hang nor crash
    const std::vector<std::string> first = verdictSet(wmimock::harness::run(options));
    ASSERT_FALSE(first.empty());
    for (int i = 1; i < 8; ++i) {
        ASSERT_EQ(verdictSet(wmimock::harness::run(options)), first) << info->name << ", run " << i + 1;
    }
}

INSTANTIATE_TEST_SUITE_P(Conformance, FaultyBuiltin, ::testing::ValuesIn(faultyNames()), paramName);

TEST(FaultyBuiltins, ThereAreSome) {
    EXPECT_GE(faultyNames().size(), 10U);
}

}  // namespace
}  // namespace wmimock::harness
