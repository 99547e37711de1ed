// Every faulty built-in differs from the simulation it is built on only in its declared
// fault: one scripted call sequence runs against both, step by step from the same
// restored state, and the outcomes and snapshots are diffed.
#include <gtest/gtest.h>

#include <barrier>
#include <functional>
#include <future>
#include <map>
#include <set>
#include <thread>

#include "builtin_factory.hpp"
#include "faults.hpp"
#include "service_test_support.hpp"

namespace wmimock::services {
namespace {

using namespace testing;
using namespace std::chrono_literals;

struct Targets {
    ObjectPath running;
    ObjectPath stopped;  ///< same as running when the flavour has a single service
};

Targets targetsFor(std::string_view flavour) {
    if (flavour == "win32") return {win32Service("Spooler"), win32Service("W32Time")};
    if (flavour == "hyperv") return {hypervService(), hypervService()};
    return {referenceService("Alpha"), referenceService("Beta")};
}

/// The stopped form of a running instance, for flavours with a single service.
Instance stoppedForm(Instance running) {
    running.set("Started", Value::boolean(false));
    running.set("EnabledState", Value::uint16(3));
    running.set("RequestedState", Value::uint16(3));
    running.set("AvailableRequestedStates", Value::array(CimType::Uint16, {Value::uint16(2)}));
    return running;
}

ObjectPath missing(const ObjectPath& path) {
    ObjectPath ghost = path;
    ghost.setKey("Name", Value::string("no-such-service"));
    return ghost;
}

struct Step {
    std::string name;
    bool onStopped = false;  ///< acts on (and snapshots) the stopped service
    std::function<Outcome(CimClient&, const ObjectPath&)> act;
};

std::vector<Step> script() {
    const std::string thirtySeconds = "00000000000030.000000:000";
    const std::string timestamp = "20240101000000.000000+000";
    return {
        {"read", false, [](CimClient&, const ObjectPath&) { return Outcome{}; }},
        {"stop-running", false, [](CimClient& c, const ObjectPath& t) { return stopService(c, t); }},
        {"stop-stopped", true, [](CimClient& c, const ObjectPath& t) { return stopService(c, t); }},
        {"start-stopped", true, [](CimClient& c, const ObjectPath& t) { return startService(c, t); }},
        {"start-running", false, [](CimClient& c, const ObjectPath& t) { return startService(c, t); }},
        {"rsc3-running", false, [](CimClient& c, const ObjectPath& t) { return requestStateChange(c, t, 3); }},
        {"rsc2-stopped", true, [](CimClient& c, const ObjectPath& t) { return requestStateChange(c, t, 2); }},
        {"rsc-current", false, [](CimClient& c, const ObjectPath& t) { return requestStateChange(c, t, 2); }},
        {"rsc-unsupported-state", false, [](CimClient& c, const ObjectPath& t) { return requestStateChange(c, t, 6); }},
        {"rsc-reset", false, [](CimClient& c, const ObjectPath& t) { return requestStateChange(c, t, 11); }},
        {"rsc-invalid-value", false, [](CimClient& c, const ObjectPath& t) { return requestStateChange(c, t, 12); }},
        {"rsc-zero-timeout", false,
         [](CimClient& c, const ObjectPath& t) { return requestStateChange(c, t, 3, kZeroInterval); }},
        {"rsc-timestamp-timeout", false,
         [=](CimClient& c, const ObjectPath& t) { return requestStateChange(c, t, 3, timestamp); }},
        {"rsc-nonzero-timeout", false,
         [=](CimClient& c, const ObjectPath& t) { return requestStateChange(c, t, 3, thirtySeconds); }},
        {"missing-instance", false, [](CimClient& c, const ObjectPath& t) { return stopService(c, missing(t)); }},
        {"missing-instance-rsc", false,
         [](CimClient& c, const ObjectPath& t) { return requestStateChange(c, missing(t), 3); }},
        {"unknown-method", false, [](CimClient& c, const ObjectPath& t) { return invoke(c, t, "StopServise", {}); }},
        {"missing-namespace", false,
         [](CimClient& c, const ObjectPath& t) {
             ObjectPath elsewhere = t;
             elsewhere.setNameSpace("root/no-such-namespace");
             return stopService(c, elsewhere);
         }},
    };
}

/// What one step produced: field name -> text ("return", "job", service properties,
/// "Job.<property>" for the newest job).
using Observation = std::map<std::string, std::string>;

class ScriptRunner {
public:
    ScriptRunner(std::string_view builtin, const SimulationOptions& options = {})
        : built_(detail::assembleBuiltin(builtin, options)), targets_(targetsFor(built_.environment.info->flavour)) {
        auto& cimom = *built_.environment.cimom;
        runningInitial_ = cimom.getInstance(targets_.running);
        stoppedInitial_ =
            targets_.stopped == targets_.running ? stoppedForm(runningInitial_) : cimom.getInstance(targets_.stopped);
    }

    Observation run(const Step& step) {
        auto& cimom = *built_.environment.cimom;
        auto& simulation = *built_.simulation;
        simulation.restore(runningInitial_);
        if (targets_.stopped != targets_.running) simulation.restore(stoppedInitial_);
        const ObjectPath& target = step.onStopped ? targets_.stopped : targets_.running;
        if (step.onStopped && targets_.stopped == targets_.running) simulation.restore(stoppedInitial_);

        Outcome outcome = step.act(cimom, target);
        built_.environment.clock->advance(1s);  // lets asynchronous flavours finish

        Observation seen;
        seen["return"] = outcome.error ? std::string(statusName(*outcome.error))
                                       : (outcome.code ? std::to_string(*outcome.code) : "-");
        seen["job"] = outcome.job ? "reference" : "none";
        for (const auto& p : cimom.getInstance(target).properties()) seen[p.name] = p.value.toText();
        auto jobs = built_.simulation->jobs()->all();
        if (!jobs.empty()) {
            for (const auto& p : jobs.back().properties()) seen["Job." + p.name] = p.value.toText();
        }
        return seen;
    }

    detail::AssembledBuiltin& built() { return built_; }

private:
    detail::AssembledBuiltin built_;
    Targets targets_;
    Instance runningInitial_, stoppedInitial_;
};

std::set<std::string> differingFields(const Observation& a, const Observation& b) {
    std::set<std::string> fields;
    for (const auto& [k, v] : a) {
        auto it = b.find(k);
        if (it == b.end() || it->second != v) fields.insert(k);
    }
    for (const auto& [k, v] : b) {
        if (!a.contains(k)) fields.insert(k);
    }
    return fields;
}

struct Expectation {
    std::set<std::string> steps;   ///< the steps where the fault shows, and no others
    std::set<std::string> fields;  ///< the only fields it may change there
};

const std::set<std::string> kStateChange{
    "EnabledState", "Started", "RequestedState", "AvailableRequestedStates", "TimeOfLastStateChange", "return"};

const std::map<std::string, Expectation>& expectations() {
    static const std::map<std::string, Expectation> table{
        {"faulty-stays-started",
         {{"stop-running", "rsc3-running", "rsc-zero-timeout", "rsc-nonzero-timeout"}, {"Started"}}},
        {"faulty-stop-returns-1", {{"stop-running"}, {"return"}}},
        {"faulty-code-outside-valuemap", {{"stop-stopped"}, {"return"}}},
        {"faulty-no-requestedstate", {{"stop-running"}, {"RequestedState"}}},
        {"faulty-rsc-differs", {{"rsc3-running", "rsc-zero-timeout", "rsc-nonzero-timeout"}, {"EnabledDefault"}}},
        {"faulty-idempotent-stop-errors", {{"stop-stopped"}, {"return"}}},
        {"faulty-available-states-wrong",
         {{"read", "stop-running", "start-running", "rsc-current", "rsc-unsupported-state", "rsc-invalid-value",
           "rsc-timestamp-timeout", "missing-instance", "missing-instance-rsc", "unknown-method", "missing-namespace",
           "stop-stopped", "start-stopped", "rsc2-stopped", "rsc3-running", "rsc-zero-timeout", "rsc-nonzero-timeout",
           "rsc-reset"},
          {"AvailableRequestedStates"}}},
        {"faulty-accepts-unsupported-state", {{"rsc-unsupported-state", "rsc-reset"}, {"return"}}},
        {"faulty-accepts-reset", {{"rsc-reset"}, {"return"}}},
        {"faulty-method-not-found", {{"stop-running", "stop-stopped", "start-stopped", "start-running"}, kStateChange}},
        // Finished jobs are gone: from the first job on, each step sees no job where the
        // flavour still shows its newest one.
        {"faulty-job-removed-on-completion",
         {{"rsc3-running", "rsc2-stopped", "rsc-zero-timeout", "rsc-nonzero-timeout", "rsc-current",
           "rsc-unsupported-state", "rsc-reset", "rsc-invalid-value", "rsc-timestamp-timeout", "missing-instance",
           "missing-instance-rsc", "unknown-method", "missing-namespace"},
          {"Job.InstanceID", "Job.Name", "Job.Caption", "Job.JobState", "Job.PercentComplete", "Job.ErrorCode",
           "Job.StartTime", "Job.TimeSubmitted", "Job.ElapsedTime", "Job.TimeOfLastStateChange",
           "Job.TimeBeforeRemoval", "Job.DeleteOnCompletion", "Job.Cancellable", "Job.JobOutParameters"}}},
        {"faulty-undefined-status", {{"rsc-unsupported-state", "rsc-reset"}, {"return"}}},
        {"faulty-unknown-method-failed", {{"unknown-method"}, {"return"}}},
        {"faulty-missing-namespace-not-found", {{"missing-namespace"}, {"return"}}},
        {"faulty-timeout-4098-on-stop", {{"rsc-zero-timeout"}, kStateChange}},
        {"faulty-noop-start-stamps-time", {{"start-running"}, {"TimeOfLastStateChange"}}},
        {"faulty-stop-changes-default", {{"stop-running"}, {"EnabledDefault"}}},
        {"faulty-throws", {{"rsc-invalid-value"}, {"return"}}},
        {"faulty-timeout-4098", {{"rsc-zero-timeout"}, kStateChange}},
        {"faulty-wrong-error-missing-instance", {{"missing-instance", "missing-instance-rsc"}, {"return"}}},
        {"faulty-4096-no-job", {{"rsc3-running", "rsc2-stopped", "rsc-zero-timeout", "rsc-nonzero-timeout"}, {"job"}}},
        {"faulty-job-never-ends",
         // Every step after the first job shows that (newest) job still running.
         {{"rsc3-running", "rsc2-stopped", "rsc-zero-timeout", "rsc-nonzero-timeout", "rsc-current",
           "rsc-unsupported-state", "rsc-reset", "rsc-invalid-value", "rsc-timestamp-timeout", "missing-instance",
           "missing-instance-rsc", "unknown-method", "missing-namespace"},
          {"Job.JobState", "Job.PercentComplete", "Job.ElapsedTime", "Job.TimeOfLastStateChange",
           "Job.JobOutParameters"}}},
        {"faulty-job-completed-still-enabled",
         {{"rsc3-running", "rsc-zero-timeout", "rsc-nonzero-timeout"},
          {"EnabledState", "Started", "AvailableRequestedStates", "TimeOfLastStateChange"}}},
        // Sequential calls never overlap, and the blocking/crashing faults are exercised
        // by their own tests below.
        {"faulty-torn-state", {{}, {}}},
        // With a 1 ms cap the hung RequestStateChange fails without effect.
        {"faulty-hangs",
         {{"rsc-nonzero-timeout"},
          {"return", "EnabledState", "Started", "RequestedState", "TransitioningToState", "AvailableRequestedStates",
           "TimeOfLastStateChange"}}},
        {"faulty-crashes", {{}, {}}},
    };
    return table;
}

class FaultDiffTest : public ::testing::TestWithParam<std::string> {};

TEST_P(FaultDiffTest, DiffersFromItsFlavourOnlyInTheDeclaredFault) {
    const std::string name = GetParam();
    const BuiltinInfo* info = findBuiltin(name);
    ASSERT_NE(info, nullptr);
    auto expected = expectations().find(name);
    ASSERT_NE(expected, expectations().end()) << "no expectation for " << name;

    SimulationOptions options{.hangCap = std::chrono::milliseconds(1)};
    ScriptRunner faulty(name, options);
    ScriptRunner reference(info->flavour);
    std::set<std::string> stepsThatDiffer;
    for (const auto& step : script()) {
        if (name == "faulty-crashes" && (step.name == "rsc-unsupported-state" || step.name == "rsc-reset")) continue;
        Observation want = reference.run(step);
        Observation got = faulty.run(step);
        auto fields = differingFields(want, got);
        if (fields.empty()) continue;
        stepsThatDiffer.insert(step.name);
        for (const auto& field : fields) {
            EXPECT_TRUE(expected->second.fields.contains(field))
                << name << ", step " << step.name << ": unexpected difference in " << field << " (reference "
                << want[field] << ", faulty " << got[field] << ")";
        }
    }
    EXPECT_EQ(stepsThatDiffer, expected->second.steps) << name;
}

std::vector<std::string> faultyNames() {
    std::vector<std::string> names;
    for (const auto& b : builtins()) {
        if (b.kind == BuiltinKind::Faulty) names.push_back(b.name);
    }
    return names;
}

INSTANTIATE_TEST_SUITE_P(AllFaults, FaultDiffTest, ::testing::ValuesIn(faultyNames()), [](const auto& info) {
    std::string id = info.param;
    for (char& c : id) {
        if (c == '-') c = '_';
    }
    return id;
});

TEST(FaultCatalogue, EveryFaultyBuiltinNamesRulesAndHasAnExpectation) {
    std::size_t count = 0;
    for (const auto& b : builtins()) {
        if (b.kind != BuiltinKind::Faulty) continue;
        ++count;
        EXPECT_FALSE(b.brokenRules.empty()) << b.name;
        EXPECT_TRUE(expectations().contains(b.name)) << b.name;
        for (const auto& rule : b.raceDependentRules) {
            EXPECT_EQ(std::count(b.brokenRules.begin(), b.brokenRules.end(), rule), 0) << b.name << " " << rule;
        }
    }
    EXPECT_GE(count, 12u);
}

// ---- The faults the script cannot show -------------------------------------------------

/// A StopService and a StartService on `service`, released together from two threads.
void raceStopAndStart(CimClient& cimom, const ObjectPath& service) {
    std::barrier sync(2);
    std::thread stopper([&] {
        sync.arrive_and_wait();
        stopService(cimom, service);
    });
    std::thread starter([&] {
        sync.arrive_and_wait();
        startService(cimom, service);
    });
    stopper.join();
    starter.join();
}

TEST(FaultyTornState, ConcurrentStopAndStartLeaveATornInstance) {
    auto env = makeBuiltin("faulty-torn-state");
    auto alpha = referenceService("Alpha");
    bool torn = false;
    // The overlap window is real time; a heavily loaded machine may need a few rounds.
    for (int round = 0; round < 10 && !torn; ++round) {
        ASSERT_EQ(startService(*env.cimom, alpha).code, 0u);
        raceStopAndStart(*env.cimom, alpha);
        Instance after = env.cimom->getInstance(alpha);
        torn = number(after, "EnabledState") == 3u && flag(after, "Started") == true;
    }
    EXPECT_TRUE(torn);
}

// With transitions the burst's last transition settles after the calls; the tear must
// survive it (it used to be overwritten, so CONC-004 passed whenever transition_ms was set).
TEST(FaultyTornState, TheTearSurvivesATransitionThatSettlesLater) {
    auto env = makeBuiltin("faulty-torn-state", {.transition = std::chrono::milliseconds(50)});
    auto alpha = referenceService("Alpha");
    bool torn = false;
    for (int round = 0; round < 10 && !torn; ++round) {
        ASSERT_EQ(startService(*env.cimom, alpha).code, 0u);
        env.clock->advance(100ms);
        ASSERT_EQ(number(env.cimom->getInstance(alpha), "EnabledState"), 2u);
        raceStopAndStart(*env.cimom, alpha);
        env.clock->advance(100ms);  // the transition settles
        Instance after = env.cimom->getInstance(alpha);
        EXPECT_EQ(number(after, "TransitioningToState"), 5u);  // settled: No Change
        torn = number(after, "EnabledState") == 3u && flag(after, "Started") == true;
    }
    EXPECT_TRUE(torn);
    // A later, sequential transition is not torn again.
    ASSERT_EQ(startService(*env.cimom, alpha).code, 0u);
    env.clock->advance(100ms);
    Instance running = env.cimom->getInstance(alpha);
    EXPECT_EQ(number(running, "EnabledState"), 2u);
    EXPECT_EQ(flag(running, "Started"), true);
}

TEST(FaultyTornState, TheReferenceNeverTearsUnderTheSameRace) {
    auto env = makeBuiltin("reference");
    auto alpha = referenceService("Alpha");
    for (int round = 0; round < 20; ++round) {
        raceStopAndStart(*env.cimom, alpha);
        Instance after = env.cimom->getInstance(alpha);
        auto enabled = number(after, "EnabledState");
        ASSERT_TRUE(enabled == 2u || enabled == 3u);
        EXPECT_EQ(flag(after, "Started"), enabled == 2u);
    }
}

TEST(FaultyHangs, BlocksUntilReleasedAndThenAnswersAsTheReference) {
    auto built = detail::assembleBuiltin("faulty-hangs", {});
    auto& cimom = *built.environment.cimom;
    auto call = std::async(std::launch::async, [&] {
        return requestStateChange(cimom, referenceService("Alpha"), 3, "00000000000030.000000:000");
    });
    // Wait (bounded, generously: sanitizer builds start threads slowly) for the call to reach
    // the block; no timing is asserted. If it never does, release it before failing so the
    // test does not wait out the hang cap.
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (built.policy->blockedCalls() == 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(1ms);
    }
    if (built.policy->blockedCalls() != 1u) built.policy->release();
    ASSERT_EQ(built.policy->blockedCalls(), 1u);
    EXPECT_EQ(call.wait_for(0s), std::future_status::timeout);
    built.policy->release();
    EXPECT_EQ(call.get(), returns(0));
    // Calls without a TimeoutPeriod never block.
    EXPECT_EQ(requestStateChange(cimom, referenceService("Alpha"), 2), returns(0));
}

TEST(FaultyHangs, TheBlockIsBoundedByTheCapAndThenFailsWithoutEffect) {
    auto env = makeBuiltin("faulty-hangs", {.hangCap = std::chrono::milliseconds(1)});
    const Instance before = env.cimom->getInstance(referenceService("Alpha"));
    const auto outcome = requestStateChange(*env.cimom, referenceService("Alpha"), 3, "00000000000030.000000:000");
    EXPECT_EQ(outcome.error, CimStatus::Failed);
    EXPECT_EQ(number(env.cimom->getInstance(referenceService("Alpha")), "EnabledState"),
              number(before, "EnabledState"));
}

TEST(FaultyCrashesDeathTest, AbortsForAStateOutsideTheCapabilities) {
    ::testing::FLAGS_gtest_death_test_style = "threadsafe";
    EXPECT_DEATH(
        {
            auto env = makeBuiltin("faulty-crashes");
            requestStateChange(*env.cimom, referenceService("Alpha"), 6);
        },
        "");
    auto env = makeBuiltin("faulty-crashes");
    EXPECT_EQ(requestStateChange(*env.cimom, referenceService("Alpha"), 3), returns(0));
}

}  // namespace
}  // namespace wmimock::services
