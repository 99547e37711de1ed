// Knobs: from SimulationOptions, from a WMIMock_SimulationSetting instance, and precedence.
#include <gtest/gtest.h>

#include "service_test_support.hpp"
#include "simulation_settings.hpp"

namespace wmimock::services {
namespace {

using namespace testing;
using namespace std::chrono_literals;

TEST(SimulationOptions, EverySetKnobOverridesTheSettings) {
    detail::SimulationSettings s;
    detail::applyOptions(s, {.latency = 15ms,
                             .transition = 2500ms,
                             .failureRate = 0.25,
                             .seed = 42,
                             .refusedStates = std::set<std::uint16_t>{4, 6},
                             .notSupportedMethods = std::vector<std::string>{"StopService", "StartService"},
                             .declineWith = DeclineSignal::MethodNotFound,
                             .async = true,
                             .timeoutSupported = false,
                             .hangCap = 10ms});
    EXPECT_EQ(s.latency, 15ms);
    EXPECT_EQ(s.transition, 2500ms);
    EXPECT_DOUBLE_EQ(s.failureRate, 0.25);
    EXPECT_EQ(s.seed, 42u);
    EXPECT_EQ(s.refusedStates, (std::set<std::uint16_t>{4, 6}));
    EXPECT_TRUE(s.methodNotSupported("stopservice"));
    EXPECT_TRUE(s.methodNotSupported("StartService"));
    EXPECT_FALSE(s.methodNotSupported("RequestStateChange"));
    EXPECT_EQ(s.declineSignal, 17);
    EXPECT_EQ(s.async, true);
    EXPECT_FALSE(s.timeoutSupported);
    EXPECT_EQ(s.hangCap, 10ms);
}

TEST(SimulationOptions, KnobsLeftEmptyChangeNothing) {
    detail::SimulationSettings s;
    s.transition = 700ms;
    s.refusedStates = {6};
    const detail::SimulationSettings before = s;
    detail::applyOptions(s, {});
    EXPECT_EQ(s, before);
    detail::applyOptions(s, {.seed = 7});
    EXPECT_EQ(s.transition, 700ms);
    EXPECT_EQ(s.refusedStates, std::set<std::uint16_t>{6});
}

TEST(SimulationOptions, RejectsValuesOutOfRangeNamingTheOption) {
    auto messageOf = [](const SimulationOptions& options) {
        detail::SimulationSettings s;
        try {
            detail::applyOptions(s, options);
        } catch (const CimError& e) {
            EXPECT_EQ(e.status(), CimStatus::InvalidParameter);
            return e.message();
        }
        return std::string("no error");
    };
    EXPECT_NE(messageOf({.failureRate = 1.5}).find("failureRate"), std::string::npos);
    EXPECT_NE(messageOf({.failureRate = -0.1}).find("failureRate"), std::string::npos);
    EXPECT_NE(messageOf({.transition = -1ms}).find("transition"), std::string::npos);
    EXPECT_NE(messageOf({.hangCap = SimulationOptions::kMaxDuration + 1ms}).find("hangCap"), std::string::npos);
    EXPECT_NE(messageOf({.declineWith = static_cast<DeclineSignal>(3)}).find("declineWith"), std::string::npos);
    EXPECT_EQ(messageOf({.latency = SimulationOptions::kMaxDuration}), "no error");
}

TEST(SimulationOptions, MakeBuiltinRejectsBadOptionsBeforeBuilding) {
    try {
        makeBuiltin("reference", {.failureRate = 2.0});
        FAIL() << "no error";
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::InvalidParameter);
        EXPECT_NE(e.message().find("failureRate"), std::string::npos);
    }
}

TEST(SimulationSettingInstance, AppliesItsProperties) {
    Instance setting("WMIMock_SimulationSetting");
    setting.set("LatencyMs", Value::uint32(5));
    setting.set("TransitionMs", Value::uint32(700));
    setting.set("FailureRate", Value::real64(0.5));
    setting.set("Seed", Value::uint64(9));
    setting.set("RefuseStates", Value::array(CimType::Uint16, {Value::uint16(2)}));
    setting.set("NotSupportedMethods", Value::array(CimType::String, {Value::string("StartService")}));
    setting.set("AsyncJobs", Value::boolean(true));
    setting.set("TimeoutSupported", Value::boolean(false));
    detail::SimulationSettings s;
    detail::applySettingInstance(s, setting);
    EXPECT_EQ(s.latency, 5ms);
    EXPECT_EQ(s.transition, 700ms);
    EXPECT_DOUBLE_EQ(s.failureRate, 0.5);
    EXPECT_EQ(s.seed, 9u);
    EXPECT_EQ(s.refusedStates, (std::set<std::uint16_t>{2}));
    EXPECT_TRUE(s.methodNotSupported("StartService"));
    EXPECT_EQ(s.async, true);
    EXPECT_FALSE(s.timeoutSupported);

    Instance bad("WMIMock_SimulationSetting");
    bad.set("FailureRate", Value::real64(2.0));
    EXPECT_THROW(detail::applySettingInstance(s, bad), CimError);
}

ObjectPath settingPath(std::string_view target) {
    return ObjectPath("root/cimv2", "WMIMock_SimulationSetting",
                      {KeyBinding{"InstanceID", Value::string("WMIMock:SimulationSetting:" + std::string(target))}});
}

TEST(SimulationSettingInstance, ChangingTheFixtureSettingRetunesARunningSimulation) {
    auto env = makeBuiltin("reference");
    Instance setting = env.cimom->getInstance(settingPath("reference"));
    setting.set("TransitionMs", Value::uint32(1000));
    env.cimom->modifyInstance(setting);

    auto alpha = referenceService("Alpha");
    ASSERT_EQ(stopService(*env.cimom, alpha).code, 0u);
    EXPECT_EQ(number(env.cimom->getInstance(alpha), "EnabledState"), 4u);
    env.clock->advance(1s);
    EXPECT_EQ(number(env.cimom->getInstance(alpha), "EnabledState"), 3u);
}

TEST(SimulationSettingInstance, OptionsOverrideTheSettingInstance) {
    // The hyperv setting says TransitionMs 500; the option makes transitions immediate.
    auto env = makeBuiltin("hyperv", {.transition = std::chrono::milliseconds(0)});
    Outcome outcome = requestStateChange(*env.cimom, hypervService(), 3);
    ASSERT_EQ(outcome.code, 4096u);
    EXPECT_EQ(number(env.cimom->getInstance(*outcome.job), "JobState"), 7u);
    EXPECT_EQ(number(env.cimom->getInstance(hypervService()), "EnabledState"), 3u);
}

TEST(SimulationSettingInstance, AFaultyBuiltinReadsItsOwnSettingFirst) {
    auto env = makeBuiltin("faulty-stays-started");
    Instance own("WMIMock_SimulationSetting");
    own.set("InstanceID", Value::string("WMIMock:SimulationSetting:faulty-stays-started"));
    own.set("Target", Value::string("faulty-stays-started"));
    own.set("TransitionMs", Value::uint32(100));
    env.cimom->createInstance("root/cimv2", own);
    auto alpha = referenceService("Alpha");
    ASSERT_EQ(stopService(*env.cimom, alpha).code, 0u);
    EXPECT_EQ(number(env.cimom->getInstance(alpha), "EnabledState"), 4u);
}

}  // namespace
}  // namespace wmimock::services
