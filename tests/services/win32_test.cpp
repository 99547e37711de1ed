// The win32 simulation: Win32_Service semantics.
#include <gtest/gtest.h>

#include "service_test_support.hpp"

namespace wmimock::services {
namespace {

using namespace testing;
using namespace std::chrono_literals;

class Win32Test : public ::testing::Test {
protected:
    BuiltinEnvironment env = makeBuiltin("win32");
    CimClient& client() { return *env.cimom; }
    Instance get(const ObjectPath& p) { return env.cimom->getInstance(p); }
};

TEST_F(Win32Test, StopServiceStopsARunningServiceAndKeepsStateConsistentWithStarted) {
    auto spooler = win32Service("Spooler");
    EXPECT_EQ(text(get(spooler), "State"), "Running");
    EXPECT_EQ(stopService(client(), spooler), returns(0));
    Instance after = get(spooler);
    EXPECT_EQ(flag(after, "Started"), false);
    EXPECT_EQ(text(after, "State"), "Stopped");
    EXPECT_EQ(number(after, "ProcessId"), 0u);
    EXPECT_EQ(startService(client(), spooler), returns(0));
    after = get(spooler);
    EXPECT_EQ(flag(after, "Started"), true);
    EXPECT_EQ(text(after, "State"), "Running");
    EXPECT_EQ(number(after, "ProcessId"), 2412u);
}

TEST_F(Win32Test, EnablementIsNotModelled) {
    auto spooler = win32Service("Spooler");
    auto expectNotModelled = [&] {
        Instance s = get(spooler);
        EXPECT_EQ(number(s, "EnabledState"), 5u);
        EXPECT_EQ(number(s, "RequestedState"), 12u);
        EXPECT_EQ(number(s, "TransitioningToState"), 12u);
    };
    expectNotModelled();
    ASSERT_EQ(stopService(client(), spooler).code, 0u);
    expectNotModelled();
    ASSERT_EQ(startService(client(), spooler).code, 0u);
    expectNotModelled();
}

TEST_F(Win32Test, StoppingAStoppedServiceReturnsFive) {
    auto w32time = win32Service("W32Time");
    Instance before = get(w32time);
    EXPECT_EQ(stopService(client(), w32time), returns(5));
    EXPECT_EQ(get(w32time), before);
}

TEST_F(Win32Test, StartingARunningServiceReturnsTen) {
    auto spooler = win32Service("Spooler");
    Instance before = get(spooler);
    EXPECT_EQ(startService(client(), spooler), returns(10));
    EXPECT_EQ(get(spooler), before);
}

TEST_F(Win32Test, StoppingAServiceWithRunningDependantsReturnsThree) {
    auto server = win32Service("LanmanServer");
    auto browser = win32Service("Browser");
    Instance before = get(server);
    EXPECT_EQ(stopService(client(), server), returns(3));
    EXPECT_EQ(get(server), before);
    ASSERT_EQ(stopService(client(), browser).code, 0u);
    EXPECT_EQ(stopService(client(), server), returns(0));
    EXPECT_EQ(text(get(server), "State"), "Stopped");
}

TEST_F(Win32Test, RequestStateChangeIsNotSupported) {
    auto spooler = win32Service("Spooler");
    Instance before = get(spooler);
    EXPECT_EQ(requestStateChange(client(), spooler, 3).error, CimStatus::NotSupported);
    EXPECT_EQ(get(spooler), before);
}

TEST(Win32Transition, PendingStatesAreVisibleWhileTheTransitionRuns) {
    auto env = makeBuiltin("win32", {.transition = std::chrono::milliseconds(300)});
    auto spooler = win32Service("Spooler");
    ASSERT_EQ(stopService(*env.cimom, spooler).code, 0u);
    Instance during = env.cimom->getInstance(spooler);
    EXPECT_EQ(text(during, "State"), "Stop Pending");
    EXPECT_EQ(flag(during, "Started"), true);
    EXPECT_EQ(stopService(*env.cimom, spooler), returns(5));
    env.clock->advance(300ms);
    EXPECT_EQ(text(env.cimom->getInstance(spooler), "State"), "Stopped");
    ASSERT_EQ(startService(*env.cimom, spooler).code, 0u);
    EXPECT_EQ(text(env.cimom->getInstance(spooler), "State"), "Start Pending");
    env.clock->advance(300ms);
    EXPECT_EQ(text(env.cimom->getInstance(spooler), "State"), "Running");
    EXPECT_EQ(flag(env.cimom->getInstance(spooler), "Started"), true);
}

TEST(Win32Knobs, RandomFailureIsUnknownFailure) {
    auto env = makeBuiltin("win32", {.failureRate = 1.0});
    EXPECT_EQ(stopService(*env.cimom, win32Service("Spooler")), returns(8));
}

}  // namespace
}  // namespace wmimock::services
