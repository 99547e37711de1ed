// The reference simulation: synchronous and exactly per the rules catalog (§7).
#include <gtest/gtest.h>

#include <barrier>
#include <thread>

#include "service_test_support.hpp"

namespace wmimock::services {
namespace {

using namespace testing;
using namespace std::chrono_literals;

class ReferenceTest : public ::testing::Test {
protected:
    BuiltinEnvironment env = makeBuiltin("reference");
    CimClient& client() { return *env.cimom; }
    Instance get(const ObjectPath& p) { return env.cimom->getInstance(p); }
};

TEST_F(ReferenceTest, StopServiceOnRunningStopsAndRecordsTheRequest) {
    auto alpha = referenceService("Alpha");
    Instance before = get(alpha);
    ASSERT_EQ(flag(before, "Started"), true);

    EXPECT_EQ(stopService(client(), alpha), returns(0));

    Instance after = get(alpha);
    EXPECT_EQ(flag(after, "Started"), false);
    EXPECT_EQ(number(after, "EnabledState"), 3u);
    EXPECT_EQ(number(after, "RequestedState"), 3u);
    EXPECT_EQ(number(after, "TransitioningToState"), 5u);
    EXPECT_EQ(numbers(after, "AvailableRequestedStates"), std::vector<std::uint64_t>{2});
    EXPECT_EQ(text(after, "OtherEnabledState"), "<null>");
    EXPECT_EQ(text(after, "EnabledDefault"), text(before, "EnabledDefault"));
    EXPECT_EQ(text(after, "StartMode"), text(before, "StartMode"));
    EXPECT_EQ(after.get("TimeOfLastStateChange").asDateTime().toTimePoint(), env.clock->wallNow());
}

TEST_F(ReferenceTest, StopServiceOnStoppedReturnsZeroAndChangesNothing) {
    auto beta = referenceService("Beta");
    Instance before = get(beta);
    EXPECT_EQ(stopService(client(), beta), returns(0));
    EXPECT_EQ(get(beta), before);
}

TEST_F(ReferenceTest, StartServiceIsTheReverseOfStopService) {
    auto beta = referenceService("Beta");
    EXPECT_EQ(startService(client(), beta), returns(0));
    Instance after = get(beta);
    EXPECT_EQ(flag(after, "Started"), true);
    EXPECT_EQ(number(after, "EnabledState"), 2u);
    EXPECT_EQ(number(after, "RequestedState"), 2u);
    EXPECT_EQ(number(after, "TransitioningToState"), 5u);
    EXPECT_EQ(numbers(after, "AvailableRequestedStates"), std::vector<std::uint64_t>{3});
    EXPECT_EQ(number(after, "EnabledDefault"), 3u);  // administrator's setting, untouched

    Instance started = get(beta);
    EXPECT_EQ(startService(client(), beta), returns(0));
    EXPECT_EQ(get(beta), started);
}

TEST_F(ReferenceTest, RequestStateChangeThreeEndsLikeStopService) {
    auto alpha = referenceService("Alpha");
    auto gamma = referenceService("Gamma");
    EXPECT_EQ(stopService(client(), alpha), returns(0));
    EXPECT_EQ(requestStateChange(client(), gamma, 3), returns(0));
    Instance a = get(alpha), b = get(gamma);
    for (auto property : {"Started", "EnabledState", "RequestedState", "TransitioningToState", "EnabledDefault",
                          "AvailableRequestedStates"}) {
        EXPECT_EQ(text(a, property), text(b, property)) << property;
    }
    EXPECT_EQ(requestStateChange(client(), gamma, 2), returns(0));
    EXPECT_EQ(number(get(gamma), "EnabledState"), 2u);
    EXPECT_EQ(flag(get(gamma), "Started"), true);
}

TEST_F(ReferenceTest, RequestingTheCurrentStateReturnsZeroAndChangesNothing) {
    auto alpha = referenceService("Alpha");
    Instance before = get(alpha);
    EXPECT_EQ(requestStateChange(client(), alpha, 2), returns(0));
    EXPECT_EQ(get(alpha), before);
}

TEST_F(ReferenceTest, StatesOutsideTheCapabilitiesAreRefusedWithOne) {
    auto alpha = referenceService("Alpha");
    Instance before = get(alpha);
    for (std::uint16_t s : {4, 6, 7, 8, 9, 10, 11}) {
        EXPECT_EQ(requestStateChange(client(), alpha, s), returns(1)) << s;
    }
    EXPECT_EQ(get(alpha), before);
}

TEST_F(ReferenceTest, InvalidRequestedStateValuesReturnFive) {
    auto alpha = referenceService("Alpha");
    Instance before = get(alpha);
    // The class declares no vendor state: 32768..65535 are invalid values too (RSC-009).
    for (std::uint16_t s : {0, 1, 5, 12, 13, 4096, 32767, 32768, 65535}) {
        EXPECT_EQ(requestStateChange(client(), alpha, s), returns(5)) << s;
    }
    EXPECT_EQ(get(alpha), before);
}

TEST_F(ReferenceTest, MissingRequestedStateIsAnInvalidParameter) {
    auto alpha = referenceService("Alpha");
    Instance before = get(alpha);
    EXPECT_EQ(invoke(client(), alpha, "RequestStateChange").error, CimStatus::InvalidParameter);
    EXPECT_EQ(get(alpha), before);
}

TEST_F(ReferenceTest, UnknownParameterIsAnInvalidParameter) {
    auto alpha = referenceService("Alpha");
    Instance before = get(alpha);
    EXPECT_EQ(invoke(client(), alpha, "StopService", {{"Bogus", Value::uint32(1)}}).error, CimStatus::InvalidParameter);
    EXPECT_EQ(get(alpha), before);
}

TEST_F(ReferenceTest, NullAndZeroTimeoutPeriodsAreAccepted) {
    auto alpha = referenceService("Alpha");
    std::vector<ParamValue> withNull{{"RequestedState", Value::uint16(3)},
                                     {"TimeoutPeriod", Value::null(CimType::DateTime)}};
    EXPECT_EQ(invoke(client(), alpha, "RequestStateChange", withNull), returns(0));
    EXPECT_EQ(requestStateChange(client(), alpha, 2, kZeroInterval), returns(0));
    EXPECT_EQ(requestStateChange(client(), alpha, 3, "00000000000030.000000:000"), returns(0));
}

TEST_F(ReferenceTest, TimestampTimeoutPeriodReturnsFive) {
    auto alpha = referenceService("Alpha");
    Instance before = get(alpha);
    EXPECT_EQ(requestStateChange(client(), alpha, 3, "20240101000000.000000+000"), returns(5));
    EXPECT_EQ(get(alpha), before);
}

TEST_F(ReferenceTest, MissingInstanceIsNotFound) {
    auto ghost = referenceService("no-such-service");
    EXPECT_EQ(stopService(client(), ghost).error, CimStatus::NotFound);
    EXPECT_EQ(requestStateChange(client(), ghost, 3).error, CimStatus::NotFound);
    EXPECT_THROW(env.cimom->getInstance(ghost), CimError);
}

TEST_F(ReferenceTest, EnumeratesTheFixtureServices) {
    auto services = env.cimom->enumerateInstances("root/cimv2", "WMIMock_Service");
    EXPECT_EQ(services.size(), 4u);
    auto viaBase = env.cimom->enumerateInstances("root/cimv2", "CIM_Service");
    EXPECT_EQ(viaBase.size(), 4u);
}

TEST_F(ReferenceTest, TimeOfLastStateChangeMovesOnlyOnRealChangesAndStrictlyIncreases) {
    auto alpha = referenceService("Alpha");
    ASSERT_EQ(stopService(client(), alpha).code, 0u);
    auto first = get(alpha).get("TimeOfLastStateChange").asDateTime().toTimePoint();
    ASSERT_EQ(stopService(client(), alpha).code, 0u);  // no change
    EXPECT_EQ(get(alpha).get("TimeOfLastStateChange").asDateTime().toTimePoint(), first);
    ASSERT_EQ(startService(client(), alpha).code, 0u);  // same simulated instant
    auto second = get(alpha).get("TimeOfLastStateChange").asDateTime().toTimePoint();
    EXPECT_GT(second, first);
}

TEST_F(ReferenceTest, ParallelStopsConvergeWithOneStateChange) {
    auto alpha = referenceService("Alpha");
    constexpr int kThreads = 8;
    std::barrier sync(kThreads);
    std::vector<Outcome> outcomes(kThreads);
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&, i] {
            sync.arrive_and_wait();
            outcomes[i] = stopService(client(), alpha);
        });
    }
    for (auto& t : threads) t.join();
    for (const auto& o : outcomes) EXPECT_EQ(o, returns(0));
    Instance after = get(alpha);
    EXPECT_EQ(number(after, "EnabledState"), 3u);
    EXPECT_EQ(flag(after, "Started"), false);
    EXPECT_EQ(after.get("TimeOfLastStateChange").asDateTime().toTimePoint(), env.clock->wallNow());
}

// ---- Transitions on the simulated clock -------------------------------------------------

TEST(ReferenceTransition, StopPassesThroughShuttingDownUntilTheTransitionTimeElapses) {
    auto env = makeBuiltin("reference", {.transition = std::chrono::milliseconds(1000)});
    auto alpha = referenceService("Alpha");
    auto start = env.clock->wallNow();
    ASSERT_EQ(stopService(*env.cimom, alpha), returns(0));

    Instance during = env.cimom->getInstance(alpha);
    EXPECT_EQ(number(during, "EnabledState"), 4u);
    EXPECT_EQ(number(during, "TransitioningToState"), 3u);
    EXPECT_EQ(number(during, "RequestedState"), 3u);
    EXPECT_EQ(flag(during, "Started"), true);

    env.clock->advance(999ms);
    EXPECT_EQ(number(env.cimom->getInstance(alpha), "EnabledState"), 4u);
    // A second stop while stopping is idempotent.
    EXPECT_EQ(stopService(*env.cimom, alpha), returns(0));

    env.clock->advance(1ms);
    Instance after = env.cimom->getInstance(alpha);
    EXPECT_EQ(number(after, "EnabledState"), 3u);
    EXPECT_EQ(number(after, "TransitioningToState"), 5u);
    EXPECT_EQ(flag(after, "Started"), false);
    EXPECT_EQ(after.get("TimeOfLastStateChange").asDateTime().toTimePoint(), start + 1s);
}

TEST(ReferenceTransition, StartPassesThroughStarting) {
    auto env = makeBuiltin("reference", {.transition = std::chrono::milliseconds(200)});
    auto beta = referenceService("Beta");
    ASSERT_EQ(startService(*env.cimom, beta).code, 0u);
    EXPECT_EQ(number(env.cimom->getInstance(beta), "EnabledState"), 10u);
    EXPECT_EQ(number(env.cimom->getInstance(beta), "TransitioningToState"), 2u);
    env.clock->sleepFor(200ms);
    EXPECT_EQ(number(env.cimom->getInstance(beta), "EnabledState"), 2u);
    EXPECT_EQ(flag(env.cimom->getInstance(beta), "Started"), true);
}

TEST(ReferenceTransition, ALaterRequestOverridesOneStillRunning) {
    auto env = makeBuiltin("reference", {.transition = std::chrono::milliseconds(500)});
    auto alpha = referenceService("Alpha");
    ASSERT_EQ(stopService(*env.cimom, alpha).code, 0u);
    env.clock->advance(100ms);
    ASSERT_EQ(startService(*env.cimom, alpha).code, 0u);
    EXPECT_EQ(number(env.cimom->getInstance(alpha), "EnabledState"), 10u);
    env.clock->advance(500ms);
    Instance after = env.cimom->getInstance(alpha);
    EXPECT_EQ(number(after, "EnabledState"), 2u);
    EXPECT_EQ(number(after, "RequestedState"), 2u);
    EXPECT_EQ(flag(after, "Started"), true);
}

TEST(ReferenceTransition, TimeoutShorterThanTheTransitionReturnsThreeAndChangesNothing) {
    auto env = makeBuiltin("reference", {.transition = std::chrono::milliseconds(5000)});
    auto alpha = referenceService("Alpha");
    Instance before = env.cimom->getInstance(alpha);
    EXPECT_EQ(requestStateChange(*env.cimom, alpha, 3, "00000000000001.000000:000"), returns(3));
    EXPECT_EQ(env.cimom->getInstance(alpha), before);
    EXPECT_EQ(requestStateChange(*env.cimom, alpha, 3, "00000000000010.000000:000"), returns(0));
}

TEST(ReferenceTransition, UnsupportedTimeoutReturns4098ForNonZeroPeriodsOnly) {
    auto env = makeBuiltin("reference", {.timeoutSupported = false});
    auto alpha = referenceService("Alpha");
    Instance before = env.cimom->getInstance(alpha);
    EXPECT_EQ(requestStateChange(*env.cimom, alpha, 3, "00000000000030.000000:000"), returns(4098));
    EXPECT_EQ(env.cimom->getInstance(alpha), before);
    EXPECT_EQ(requestStateChange(*env.cimom, alpha, 3, kZeroInterval), returns(0));
}

// ---- Asynchronous reference -------------------------------------------------------------

TEST(ReferenceAsync, RequestStateChangeReturnsAJobThatCompletesOnTheClock) {
    auto env = makeBuiltin("reference", {.transition = std::chrono::milliseconds(1000), .async = true});
    auto alpha = referenceService("Alpha");
    Outcome outcome = requestStateChange(*env.cimom, alpha, 3);
    ASSERT_EQ(outcome.code, 4096u);
    ASSERT_TRUE(outcome.job.has_value());

    Instance job = env.cimom->getInstance(*outcome.job);
    EXPECT_EQ(job.className(), "WMIMock_ConcreteJob");
    EXPECT_EQ(number(job, "JobState"), 2u);  // New
    Instance service = env.cimom->getInstance(alpha);
    EXPECT_EQ(number(service, "RequestedState"), 3u);
    EXPECT_EQ(number(service, "TransitioningToState"), 3u);

    env.clock->advance(500ms);
    job = env.cimom->getInstance(*outcome.job);
    EXPECT_EQ(number(job, "JobState"), 4u);  // Running
    EXPECT_EQ(number(job, "PercentComplete"), 50u);

    env.clock->advance(500ms);
    job = env.cimom->getInstance(*outcome.job);
    EXPECT_EQ(number(job, "JobState"), 7u);  // Completed
    EXPECT_EQ(number(job, "PercentComplete"), 100u);
    EXPECT_EQ(number(job, "ErrorCode"), 0u);
    EXPECT_EQ(number(env.cimom->getInstance(alpha), "EnabledState"), 3u);

    // StopService has no Job parameter: it answers 0 and runs the same transition.
    Outcome stop = stopService(*env.cimom, referenceService("Gamma"));
    EXPECT_EQ(stop, returns(0));
}

// ---- Knobs ------------------------------------------------------------------------------

TEST(ReferenceKnobs, FailureRateOneFailsEveryChangeAndLeavesTheStateAlone) {
    auto env = makeBuiltin("reference", {.failureRate = 1.0});
    auto alpha = referenceService("Alpha");
    Instance before = env.cimom->getInstance(alpha);
    EXPECT_EQ(stopService(*env.cimom, alpha), returns(4));
    EXPECT_EQ(requestStateChange(*env.cimom, alpha, 3), returns(4));
    EXPECT_EQ(env.cimom->getInstance(alpha), before);
}

TEST(ReferenceKnobs, FailuresAreDeterministicForASeed) {
    auto codes = [](std::uint64_t seed) {
        auto env = makeBuiltin("reference", {.failureRate = 0.5, .seed = seed});
        std::vector<Outcome> outcomes;
        auto alpha = referenceService("Alpha");
        for (int i = 0; i < 20; ++i) {
            outcomes.push_back(i % 2 == 0 ? stopService(*env.cimom, alpha) : startService(*env.cimom, alpha));
        }
        return outcomes;
    };
    auto first = codes(7);
    EXPECT_EQ(first, codes(7));
    EXPECT_NE(first, codes(8));
    EXPECT_TRUE(std::any_of(first.begin(), first.end(), [](const Outcome& o) { return o.code == 4u; }));
    EXPECT_TRUE(std::any_of(first.begin(), first.end(), [](const Outcome& o) { return o.code == 0u; }));
}

TEST(ReferenceKnobs, LatencyIsSpentOnTheSimulatedClock) {
    auto env = makeBuiltin("reference", {.latency = std::chrono::milliseconds(250)});
    auto before = env.clock->now();
    ASSERT_EQ(stopService(*env.cimom, referenceService("Alpha")).code, 0u);
    EXPECT_EQ(env.clock->now() - before, std::chrono::microseconds(250ms));
}

TEST(ReferenceKnobs, NotSupportedMethodIsMethodNotAvailable) {
    auto env = makeBuiltin("reference", {.notSupportedMethods = std::vector<std::string>{"StopService"}});
    auto alpha = referenceService("Alpha");
    Instance before = env.cimom->getInstance(alpha);
    EXPECT_EQ(stopService(*env.cimom, alpha).error, CimStatus::MethodNotAvailable);
    EXPECT_EQ(env.cimom->getInstance(alpha), before);
    EXPECT_EQ(requestStateChange(*env.cimom, alpha, 3).code, 0u);
}

TEST(ReferenceKnobs, RefusedStateIsNotSupported) {
    auto env = makeBuiltin("reference", {.refusedStates = std::set<std::uint16_t>{3}});
    auto alpha = referenceService("Alpha");
    Instance before = env.cimom->getInstance(alpha);
    EXPECT_EQ(stopService(*env.cimom, alpha), returns(1));
    EXPECT_EQ(requestStateChange(*env.cimom, alpha, 3), returns(1));
    EXPECT_EQ(env.cimom->getInstance(alpha), before);
}

}  // namespace
}  // namespace wmimock::services
