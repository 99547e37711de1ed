// The hyperv simulation: asynchronous RequestStateChange with Msvm_ConcreteJob.
#include <gtest/gtest.h>

#include "service_test_support.hpp"

namespace wmimock::services {
namespace {

using namespace testing;
using namespace std::chrono_literals;

class HypervTest : public ::testing::Test {
protected:
    BuiltinEnvironment env = makeBuiltin("hyperv");  // transition 500 ms (simulation_defaults.mof)
    CimClient& client() { return *env.cimom; }
    Instance get(const ObjectPath& p) { return env.cimom->getInstance(p); }
};

TEST_F(HypervTest, RequestStateChangeStartsAJobThatMovesNewRunningCompleted) {
    auto vmms = hypervService();
    Outcome outcome = requestStateChange(client(), vmms, 3);
    ASSERT_EQ(outcome.code, 4096u);
    ASSERT_TRUE(outcome.job.has_value());

    Instance service = get(vmms);
    EXPECT_EQ(number(service, "RequestedState"), 3u);
    EXPECT_EQ(number(service, "TransitioningToState"), 3u);
    EXPECT_EQ(number(service, "EnabledState"), 4u);

    Instance job = get(*outcome.job);
    EXPECT_EQ(job.className(), "Msvm_ConcreteJob");
    EXPECT_EQ(number(job, "JobState"), 2u);
    EXPECT_EQ(number(job, "PercentComplete"), 0u);
    EXPECT_EQ(text(job, "TimeBeforeRemoval"), "00000000000500.000000:000");

    env.clock->advance(250ms);
    job = get(*outcome.job);
    EXPECT_EQ(number(job, "JobState"), 4u);
    EXPECT_EQ(number(job, "PercentComplete"), 50u);

    env.clock->advance(250ms);
    job = get(*outcome.job);
    EXPECT_EQ(number(job, "JobState"), 7u);
    EXPECT_EQ(number(job, "PercentComplete"), 100u);
    EXPECT_EQ(number(job, "ErrorCode"), 0u);
    service = get(vmms);
    EXPECT_EQ(number(service, "EnabledState"), 3u);
    EXPECT_EQ(number(service, "TransitioningToState"), 5u);
    EXPECT_EQ(flag(service, "Started"), false);

    // Retained for TimeBeforeRemoval, then gone.
    env.clock->advance(std::chrono::minutes(5));
    EXPECT_NO_THROW(get(*outcome.job));
    env.clock->advance(1s);
    EXPECT_THROW(get(*outcome.job), CimError);
}

TEST_F(HypervTest, JobsAreDistinctAndEnumerable) {
    auto vmms = hypervService();
    Outcome stop = requestStateChange(client(), vmms, 3);
    env.clock->advance(500ms);
    Outcome start = requestStateChange(client(), vmms, 2);
    ASSERT_TRUE(stop.job && start.job);
    EXPECT_NE(*stop.job, *start.job);
    EXPECT_EQ(env.cimom->enumerateInstances("root/virtualization/v2", "Msvm_ConcreteJob").size(), 2u);
    EXPECT_EQ(env.cimom->enumerateInstances("root/virtualization/v2", "CIM_ConcreteJob").size(), 2u);
}

TEST_F(HypervTest, JobIsLinkedToTheServiceByAffectedJobElement) {
    auto vmms = hypervService();
    Outcome outcome = requestStateChange(client(), vmms, 3);
    ASSERT_TRUE(outcome.job);
    auto links = env.cimom->enumerateInstances("root/virtualization/v2", "Msvm_AffectedJobElement");
    ASSERT_EQ(links.size(), 1u);
    auto related = env.cimom->associators(*outcome.job, AssociatorFilter{"CIM_AffectedJobElement", "", "", ""});
    ASSERT_EQ(related.size(), 1u);
    EXPECT_EQ(text(related[0], "Name"), "vmms");
    auto jobs = env.cimom->associators(vmms, AssociatorFilter{"Msvm_AffectedJobElement", "", "", ""});
    ASSERT_EQ(jobs.size(), 1u);
    EXPECT_EQ(text(jobs[0], "InstanceID"), text(get(*outcome.job), "InstanceID"));
}

TEST_F(HypervTest, StopServiceAnswersZeroAndRunsTheSameTransition) {
    auto vmms = hypervService();
    EXPECT_EQ(stopService(client(), vmms), returns(0));
    EXPECT_EQ(number(get(vmms), "EnabledState"), 4u);
    EXPECT_EQ(stopService(client(), vmms), returns(32775));
    env.clock->advance(500ms);
    Instance after = get(vmms);
    EXPECT_EQ(number(after, "EnabledState"), 3u);
    EXPECT_EQ(number(after, "RequestedState"), 3u);
    EXPECT_EQ(flag(after, "Started"), false);
    EXPECT_EQ(stopService(client(), vmms), returns(32775));
    EXPECT_EQ(startService(client(), vmms), returns(0));
}

TEST_F(HypervTest, VendorCodesReplaceTheDmtfOnes) {
    auto vmms = hypervService();
    Instance before = get(vmms);
    EXPECT_EQ(requestStateChange(client(), vmms, 2), returns(32775));  // current state
    EXPECT_EQ(requestStateChange(client(), vmms, 4), returns(32770));  // not in capabilities
    EXPECT_EQ(requestStateChange(client(), vmms, 0).error, CimStatus::InvalidParameter);
    EXPECT_EQ(requestStateChange(client(), vmms, 3, "20240101000000.000000+000").error, CimStatus::InvalidParameter);
    EXPECT_EQ(get(vmms), before);
}

TEST_F(HypervTest, TimeoutPeriodIsIgnored) {
    auto vmms = hypervService();
    EXPECT_EQ(requestStateChange(client(), vmms, 3, "00000000000000.100000:000").code, 4096u);
}

TEST(HypervFailure, AFailingJobEndsInExceptionAndRollsBack) {
    auto env = makeBuiltin("hyperv", {.failureRate = 1.0});
    auto vmms = hypervService();
    Outcome outcome = requestStateChange(*env.cimom, vmms, 3);
    ASSERT_EQ(outcome.code, 4096u);
    env.clock->advance(500ms);
    Instance job = env.cimom->getInstance(*outcome.job);
    EXPECT_EQ(number(job, "JobState"), 10u);
    EXPECT_EQ(number(job, "ErrorCode"), 32768u);
    EXPECT_NE(text(job, "ErrorDescription"), "<null>");
    Instance service = env.cimom->getInstance(vmms);
    EXPECT_EQ(number(service, "EnabledState"), 2u);
    EXPECT_EQ(number(service, "RequestedState"), 2u);
    EXPECT_EQ(number(service, "TransitioningToState"), 5u);
    EXPECT_EQ(flag(service, "Started"), true);
}

/// The embedded instances of a GetErrors answer.
std::vector<Instance> errorsOf(CimClient& cimom, const ObjectPath& job) {
    const MethodResult r = cimom.invokeMethod(job, "GetErrors", {});
    EXPECT_EQ(r.returnValue.asUint64(), 0u);
    const Value* errors = r.out("Errors");
    std::vector<Instance> out;
    if (errors == nullptr || errors->isNull()) return out;
    for (const Value& e : errors->asArray()) out.push_back(e.asInstance());
    return out;
}

TEST_F(HypervTest, JobOutParametersAreNullUntilCompletedThenHoldTheReturnValue) {
    auto vmms = hypervService();
    Outcome outcome = requestStateChange(client(), vmms, 3);
    ASSERT_TRUE(outcome.job.has_value());
    EXPECT_TRUE(get(*outcome.job).get("JobOutParameters").isNull());
    env.clock->advance(250ms);
    EXPECT_TRUE(get(*outcome.job).get("JobOutParameters").isNull());
    env.clock->advance(250ms);
    const Value out = get(*outcome.job).get("JobOutParameters");
    ASSERT_FALSE(out.isNull());
    ASSERT_EQ(out.type(), CimType::Object);
    EXPECT_EQ(out.asInstance().className(), "__JobOutParameters");
    EXPECT_EQ(out.asInstance().get("__ReturnValue").asUint64(), 0u);
}

TEST_F(HypervTest, ASuccessfulJobHasNoErrors) {
    Outcome outcome = requestStateChange(client(), hypervService(), 3);
    env.clock->advance(500ms);
    EXPECT_TRUE(errorsOf(client(), *outcome.job).empty());
    const MethodResult single = client().invokeMethod(*outcome.job, "GetError", {});
    EXPECT_EQ(single.returnValue.asUint64(), 0u);
    ASSERT_NE(single.out("Error"), nullptr);
    EXPECT_TRUE(single.out("Error")->isNull());
}

TEST(HypervFailure, AFailedJobReportsACimErrorThroughGetErrorsAndGetError) {
    auto env = makeBuiltin("hyperv", {.failureRate = 1.0});
    Outcome outcome = requestStateChange(*env.cimom, hypervService(), 3);
    env.clock->advance(500ms);
    const Instance job = env.cimom->getInstance(*outcome.job);
    EXPECT_TRUE(job.get("JobOutParameters").isNull());  // only a Completed job has them
    const std::vector<Instance> errors = errorsOf(*env.cimom, *outcome.job);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].className(), "CIM_Error");
    EXPECT_EQ(number(errors[0], "ErrorType"), 4u);
    EXPECT_EQ(number(errors[0], "CIMStatusCode"), 1u);
    EXPECT_EQ(text(errors[0], "Message"), text(job, "ErrorDescription"));
    EXPECT_EQ(text(errors[0], "ErrorSource"), outcome.job->toString());

    const MethodResult single = env.cimom->invokeMethod(*outcome.job, "GetError", {});
    ASSERT_NE(single.out("Error"), nullptr);
    EXPECT_EQ(single.out("Error")->asInstance().className(), "CIM_Error");
}

TEST(HypervJobs, OtherJobMethodsAreNotAvailableAndUnknownJobsNotFound) {
    auto env = makeBuiltin("hyperv");
    Outcome outcome = requestStateChange(*env.cimom, hypervService(), 3);
    try {
        env.cimom->invokeMethod(*outcome.job, "RequestStateChange", {{"RequestedState", Value::uint16(4)}});
        ADD_FAILURE() << "no error";
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::MethodNotAvailable) << e.what();
    }
    ObjectPath missing = *outcome.job;
    missing.setKey("InstanceID", Value::string("no-such-job"));
    try {
        env.cimom->invokeMethod(missing, "GetErrors", {});
        ADD_FAILURE() << "no error";
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::NotFound) << e.what();
    }
}

TEST(HypervSupersede, ALaterRequestTerminatesTheEarlierJob) {
    auto env = makeBuiltin("hyperv");
    auto vmms = hypervService();
    Outcome stop = requestStateChange(*env.cimom, vmms, 3);
    env.clock->advance(100ms);
    Outcome start = requestStateChange(*env.cimom, vmms, 2);
    ASSERT_EQ(start.code, 4096u);
    EXPECT_EQ(number(env.cimom->getInstance(*stop.job), "JobState"), 8u);
    const std::vector<Instance> errors = errorsOf(*env.cimom, *stop.job);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(number(errors[0], "ErrorType"), 1u);  // Other: "Job terminated"
    env.clock->advance(500ms);
    EXPECT_EQ(number(env.cimom->getInstance(*start.job), "JobState"), 7u);
    EXPECT_EQ(number(env.cimom->getInstance(vmms), "EnabledState"), 2u);
}

}  // namespace
}  // namespace wmimock::services
