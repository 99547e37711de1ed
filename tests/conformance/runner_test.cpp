// The runner: bad options, deterministic plans, sharding, filtering, streaming, interruption,
// process isolation (crash, timeout) and restoring instances.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <set>
#include <tuple>

#include "result_format.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/conformance/checks.hpp"
#include "wmimock/conformance/session.hpp"
#include "wmimock/harness/runner.hpp"
#include "wmimock/harness/targets.hpp"

namespace wmimock::harness {
namespace {

using namespace wmimock::conformance;

using Key = std::tuple<std::string, std::string, std::string, std::string>;

Key keyOf(const PlannedCheck& p) {
    return {p.target, p.ruleId, p.title, p.instancePath};
}
Key keyOf(const CheckResult& r) {
    return {r.target, r.ruleId, r.title, r.instancePath};
}

constexpr const char* kAlpha =
    R"(root/cimv2:WMIMock_Service.CreationClassName="WMIMock_Service",Name="Alpha",SystemCreationClassName="WMIMock_ComputerSystem",SystemName="wmimock-host")";

RunOptions inProcess(std::vector<std::string> targets = {"builtin:reference"}) {
    RunOptions o;
    o.targets = std::move(targets);
    o.isolation = RunOptions::Isolation::InProcess;
    return o;
}

CimStatus statusOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const CimError& e) {
        return e.status();
    }
    return CimStatus::Success;
}

TEST(Runner, RefusesBadOptionsBeforeRunningAnything) {
    int results = 0;
    RunOptions o = inProcess({"builtin:reference", "nonsense"});
    o.onResult = [&](const CheckResult&) { ++results; };
    EXPECT_EQ(statusOf([&] { run(o); }), CimStatus::InvalidParameter);
    EXPECT_EQ(statusOf([&] { run(inProcess({"builtin:no-such-simulation"})); }), CimStatus::NotFound);
    EXPECT_EQ(statusOf([&] { run(inProcess({"plugin:/no/such/plugin.so"})); }), CimStatus::NotFound);
    RunOptions badClass = inProcess();
    badClass.session.className = "WMIMock_NoSuchClass";
    EXPECT_NE(statusOf([&] { run(badClass); }), CimStatus::Success);
    RunOptions typo = inProcess();
    typo.filter = "SS001";
    EXPECT_EQ(statusOf([&] { run(typo); }), CimStatus::InvalidParameter) << "a filter that selects nothing";
    EXPECT_EQ(statusOf([&] { plan(typo); }), CimStatus::InvalidParameter);
    RunOptions everythingExcluded = inProcess();
    everythingExcluded.exclude = "*";
    EXPECT_EQ(statusOf([&] { run(everythingExcluded); }), CimStatus::InvalidParameter);
    RunOptions badShard = inProcess();
    badShard.shard = std::pair{3, 3};
    EXPECT_EQ(statusOf([&] { run(badShard); }), CimStatus::InvalidParameter);
    EXPECT_EQ(results, 0);
}

TEST(Runner, PlanIsDeterministicAndIsWhatRuns) {
    RunOptions o = inProcess({"builtin:reference", "builtin:hyperv"});
    const auto first = plan(o);
    EXPECT_EQ(first.size(), plan(o).size());
    ASSERT_EQ(checks().size() * 5, first.size());  // 4 reference services + 1 hyperv service
    const RunResult r = run(o);
    ASSERT_EQ(r.results.size(), first.size());
    for (std::size_t i = 0; i < first.size(); ++i) EXPECT_EQ(keyOf(first[i]), keyOf(r.results[i])) << i;
}

// Progress displays hear of each check as it begins, before its result, in both isolations.
TEST(Runner, EveryCheckIsAnnouncedBeforeItsResult) {
    for (const auto isolation : {RunOptions::Isolation::InProcess, RunOptions::Isolation::Process}) {
        RunOptions o = inProcess({"builtin:reference"});
        o.isolation = isolation;
        o.filter = "SS-00*";
        std::vector<Key> started, finished;
        o.onCheckStarted = [&](const PlannedCheck& p) {
            EXPECT_EQ(started.size(), finished.size()) << "a check began before the previous one's result";
            started.push_back(keyOf(p));
        };
        o.onResult = [&](const CheckResult& r) {
            finished.push_back(keyOf(r));
            ASSERT_EQ(started.size(), finished.size()) << "a result without its beginning";
            EXPECT_EQ(started.back(), finished.back());
        };
        const RunResult r = run(o);
        EXPECT_FALSE(r.results.empty());
        EXPECT_EQ(started, finished);
    }
}

TEST(Runner, ShardsPartitionThePlanExactly) {
    RunOptions all = inProcess({"builtin:reference", "builtin:hyperv"});
    const auto full = plan(all);
    constexpr int kShards = 3;
    std::vector<Key> merged;
    for (int i = 0; i < kShards; ++i) {
        RunOptions shard = all;
        shard.shard = std::pair{i, kShards};
        const auto part = plan(shard);
        EXPECT_NEAR(static_cast<double>(part.size()), static_cast<double>(full.size()) / kShards, 1.0);
        for (std::size_t j = 0; j < part.size(); ++j) EXPECT_EQ(keyOf(part[j]), keyOf(full[j * kShards + i]));
        for (const auto& p : part) merged.push_back(keyOf(p));
    }
    std::set<Key> unique(merged.begin(), merged.end());
    EXPECT_EQ(unique.size(), full.size());
    EXPECT_EQ(merged.size(), full.size());

    RunOptions second = all;
    second.shard = std::pair{1, kShards};
    const RunResult r = run(second);
    const auto expected = plan(second);
    ASSERT_EQ(r.results.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(keyOf(r.results[i]), keyOf(expected[i]));
}

TEST(Runner, FilterSelectsChecksByRule) {
    RunOptions o = inProcess();
    o.filter = "SS-001,CON-*";
    const RunResult r = run(o);
    ASSERT_FALSE(r.results.empty());
    for (const auto& c : r.results) EXPECT_TRUE(c.ruleId == "SS-001" || c.ruleId.starts_with("CON-")) << c.ruleId;
}

TEST(Runner, StreamsEveryResultInOrder) {
    std::vector<Key> streamed;
    RunOptions o = inProcess();
    o.filter = "SS-*";
    o.onResult = [&](const CheckResult& r) { streamed.push_back(keyOf(r)); };
    const RunResult r = run(o);
    ASSERT_EQ(streamed.size(), r.results.size());
    for (std::size_t i = 0; i < streamed.size(); ++i) EXPECT_EQ(streamed[i], keyOf(r.results[i]));
}

class Interruption : public ::testing::TestWithParam<RunOptions::Isolation> {};

TEST_P(Interruption, KeepsTheResultsThatFinished) {
    RunOptions o = inProcess();
    o.isolation = GetParam();
    std::size_t seen = 0;
    o.onResult = [&](const CheckResult&) { ++seen; };
    o.stopRequested = [&] { return seen >= 7; };
    const RunResult r = run(o);
    EXPECT_TRUE(r.interrupted);
    EXPECT_GE(r.results.size(), 7U);
    EXPECT_LT(r.results.size(), plan(inProcess()).size());
    EXPECT_EQ(r.results.size(), seen);
    EXPECT_TRUE(r.notes.empty()) << r.notes.front();
}

INSTANTIATE_TEST_SUITE_P(Runner, Interruption,
                         ::testing::Values(RunOptions::Isolation::InProcess, RunOptions::Isolation::Process));

// The CLI ignores SIGPIPE, a program calling run() need not: asking a child that already
// exited to stop must not kill the caller.
TEST(Runner, AWorkerThatCannotBeStartedIsAnEnvironmentError) {
    // No file descriptor left for the worker's pipe: the machine failed, not the user's
    // input, so the error is an EnvironmentError (the CLI's exit 3), never a CimError (2).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    // The sanitizers' runtime checks memory through a pipe of its own (UBSan's vptr check
    // then reports every object as invalid): without descriptors it cannot work.
    GTEST_SKIP() << "needs free file descriptors under the sanitizers; runs in the default build";
#endif
    RunOptions options;
    options.isolation = RunOptions::Isolation::Process;
    options.filter = "SS-001";
    rlimit saved{};
    ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &saved), 0);
    int highest = 0;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
        highest = std::max(highest, std::stoi(entry.path().filename().string()));
    }
    rlimit tight = saved;
    tight.rlim_cur = static_cast<rlim_t>(highest + 1);
    ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &tight), 0);
    std::vector<int> filler;  // takes every descriptor still free under the limit
    for (int fd; (fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC)) >= 0;) filler.push_back(fd);
    std::string caught;
    try {
        const RunResult result = run(options);
        caught = "no exception, " + std::to_string(result.results.size()) + " results";
    } catch (const EnvironmentError& e) {
        caught = e.what();
    } catch (const std::exception& e) {
        caught = std::string("another exception: ") + e.what();
    }
    for (const int fd : filler) ::close(fd);
    ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &saved), 0);
    EXPECT_THAT(caught, ::testing::StartsWith("cannot create a pipe"));
}

TEST(Runner, AStopRequestToAnExitedChildIsHarmless) {
    struct sigaction previous {};
    struct sigaction byDefault {};
    byDefault.sa_handler = SIG_DFL;
    ASSERT_EQ(::sigaction(SIGPIPE, &byDefault, &previous), 0);
    RunOptions o = inProcess();
    o.isolation = RunOptions::Isolation::Process;
    o.filter = "SS-001";
    o.session.instancePath = kAlpha;
    bool resultSeen = false;
    bool childExited = false;
    o.onResult = [&](const CheckResult&) { resultSeen = true; };
    o.stopRequested = [&] {
        if (resultSeen && !childExited) {
            siginfo_t info{};  // blocks until the child is gone; WNOWAIT leaves it to the runner to reap
            childExited = ::waitid(P_ALL, 0, &info, WEXITED | WNOWAIT) == 0;
        }
        return resultSeen;
    };
    const RunResult r = run(o);
    ::sigaction(SIGPIPE, &previous, nullptr);
    EXPECT_TRUE(childExited);
    ASSERT_EQ(r.results.size(), 1U);
    EXPECT_EQ(r.results[0].outcome, Outcome::Pass) << testing::describe(r.results[0]);
}

TEST(Runner, ProcessIsolationAgreesWithInProcess) {
    RunOptions o = inProcess({"builtin:reference"});
    const RunResult here = run(o);
    o.isolation = RunOptions::Isolation::Process;
    const RunResult isolated = run(o);
    ASSERT_EQ(here.results.size(), isolated.results.size());
    for (std::size_t i = 0; i < here.results.size(); ++i) {
        EXPECT_EQ(keyOf(here.results[i]), keyOf(isolated.results[i]));
        EXPECT_EQ(here.results[i].outcome, isolated.results[i].outcome) << testing::describe(isolated.results[i]);
    }
}

TEST(Runner, ACrashCostsOneCheckAndTheRunContinues) {
    RunOptions o = inProcess({"builtin:faulty-crashes", "builtin:reference"});
    o.isolation = RunOptions::Isolation::Process;
    o.filter = "RSC-00?";
    const RunResult r = run(o);
    ASSERT_EQ(r.results.size(), plan(o).size());
    std::size_t crashes = 0;
    for (const auto& c : r.results) {
        if (c.outcome == Outcome::Crash) {
            ++crashes;
            EXPECT_EQ(c.ruleId, "RSC-005");
            EXPECT_NE(c.message.find("signal"), std::string::npos) << c.message;
            EXPECT_EQ(c.target, "builtin:faulty-crashes");
            // The calls the check had started are its evidence; the last one killed it.
            ASSERT_FALSE(c.evidence.empty());
            EXPECT_THAT(c.evidence.back(), ::testing::StartsWith("in flight: InvokeMethod RequestStateChange on "));
            EXPECT_THAT(c.message, ::testing::HasSubstr("during InvokeMethod RequestStateChange on "));
            EXPECT_GT(c.duration.count(), 0.0);
        }
    }
    EXPECT_EQ(crashes, 4U);  // one per reference service
    EXPECT_EQ(r.results.back().target, "builtin:reference");
}

/// `target`'s checks selected by `filter` on Alpha, each in a worker watched with a 0.5 s limit.
RunResult runWatched(const std::string& target, const std::string& filter) {
    RunOptions o = inProcess({target});
    o.isolation = RunOptions::Isolation::Process;
    o.filter = filter;
    o.session.instancePath = kAlpha;
    o.checkTimeout = std::chrono::duration<double>(0.5);
    return run(o);
}

TEST(Runner, AHangIsStoppedAtTheCheckTimeout) {
    const RunResult r = runWatched("builtin:faulty-hangs", "RSC-008,RSC-009");
    ASSERT_EQ(r.results.size(), 2U);
    EXPECT_EQ(r.results[0].ruleId, "RSC-008");
    EXPECT_EQ(r.results[0].outcome, Outcome::Timeout);
    // Catalog §0.3 Rev. 2: a timeout names the call in flight and how long it ran.
    EXPECT_THAT(r.results[0].message, ::testing::HasSubstr("InvokeMethod RequestStateChange on "));
    EXPECT_THAT(r.results[0].message, ::testing::HasSubstr("in flight for "));
    ASSERT_FALSE(r.results[0].evidence.empty());
    EXPECT_THAT(r.results[0].evidence.back(), ::testing::StartsWith("in flight: InvokeMethod RequestStateChange on "));
    EXPECT_GE(r.results[0].duration.count(), 0.5);
    EXPECT_EQ(r.results[1].outcome, Outcome::Pass) << testing::describe(r.results[1]);
}

TEST(Runner, ACheckThatKeepsGettingAnswersOutlivesTheCheckTimeout) {
    // faulty-torn-state takes 25 ms of real time per StopService: CONC-005's 100 stops run
    // for about 2.5 s, each call well within the 0.5 s limit. A slow but answering target
    // gets a verdict, not a timeout.
    const RunResult r = runWatched("builtin:faulty-torn-state", "CONC-005");
    ASSERT_EQ(r.results.size(), 1U);
    EXPECT_GT(r.results[0].duration, std::chrono::duration<double>(0.5)) << "the premise: the check outlasts the limit";
    EXPECT_NE(r.results[0].outcome, Outcome::Timeout) << testing::describe(r.results[0]);
}

TEST(Runner, AnUndefinedStatusCodeFailsErr011AloneAndSaysWhereItCameFrom) {
    // faulty-undefined-status refuses unlisted states with status 42: RSC-005 would pass on
    // that refusal, so it reports "not judged", and ERR-011 (planned last) fails naming the
    // check and the call, whichever way the run is isolated.
    for (const auto isolation : {RunOptions::Isolation::InProcess, RunOptions::Isolation::Process}) {
        RunOptions o = inProcess({"builtin:faulty-undefined-status"});
        o.isolation = isolation;
        o.filter = "ERR-011,RSC-005";
        o.session.instancePath = kAlpha;
        const RunResult r = run(o);
        ASSERT_EQ(r.results.size(), 2U);
        EXPECT_EQ(r.results[0].ruleId, "RSC-005");
        EXPECT_EQ(r.results[0].outcome, Outcome::NotSupported) << testing::describe(r.results[0]);
        EXPECT_THAT(r.results[0].message, ::testing::HasSubstr("42"));
        ASSERT_EQ(r.results[0].undefinedStatuses.size(), 14U)
            << "7 states outside {2, 3}, from running and from stopped";
        EXPECT_EQ(r.results[1].ruleId, "ERR-011");
        EXPECT_EQ(r.results[1].outcome, Outcome::Fail) << testing::describe(r.results[1]);
        EXPECT_THAT(r.results[1].actual, ::testing::HasSubstr("code 42 in RSC-005 UnsupportedStateRefused "
                                                              "(InvokeMethod RequestStateChange on "));
    }
}

TEST(Session, RestoresEveryInstanceItTouched) {
    const auto target = openTarget("builtin:reference");
    Session session(*target, {});
    const auto before = session.initialStates();
    ASSERT_EQ(before.size(), 4U);
    for (const CheckInfo& c : checks()) {
        if (c.ruleId.starts_with("SS-") || c.ruleId.starts_with("CONC-")) session.run(c, session.instances().front());
    }
    EXPECT_TRUE(session.restore().empty());
    Session again(*target, {});
    const auto after = again.initialStates();
    ASSERT_EQ(after.size(), before.size());
    for (std::size_t i = 0; i < before.size(); ++i) {
        EXPECT_EQ(after[i].path, before[i].path);
        EXPECT_EQ(after[i].running, before[i].running) << after[i].path;
    }
}

}  // namespace
}  // namespace wmimock::harness
