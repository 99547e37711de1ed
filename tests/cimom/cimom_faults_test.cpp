// Fault injection: latency spent on the CIMOM's clock, injected errors, seeded failure
// rates, and selection by namespace, class (subclasses included), operation and method.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_schema.hpp"

namespace wmimock {
namespace {

using namespace wmimock::testing;
using namespace std::chrono_literals;

class StubMethods : public MethodProvider {
public:
    MethodResult invokeMethod(const ProviderContext&, const ObjectPath&, const MethodDecl&,
                              const std::vector<ParamValue>&) override {
        ++calls;
        return MethodResult{Value::uint32(0), {}};
    }
    int calls = 0;
};

class FaultsTest : public ::testing::Test {
protected:
    void SetUp() override {
        addTestSchema(cimom);
        cimom.addInstance(kNs, service("Alpha"));
        cimom.addInstance(kNs, service("Gamma", "Test_SpecialService"));
        cimom.addInstance(kNs, Instance("Test_Job").set("InstanceID", Value::string("J")));
        cimom.registerProvider(kNs, "Test_Service", nullptr, methods);
    }
    bool fails(const std::function<void()>& call, CimStatus expected = CimStatus::Failed) {
        try {
            call();
        } catch (const CimError& e) {
            EXPECT_EQ(e.status(), expected) << e.what();
            return true;
        }
        return false;
    }
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
    Cimom cimom{clock};
    std::shared_ptr<StubMethods> methods = std::make_shared<StubMethods>();
};

TEST_F(FaultsTest, LatencyIsSpentOnTheCimomClock) {
    FaultRule rule;
    rule.operation = Operation::GetInstance;
    rule.latency = 250ms;
    cimom.faults().add(rule);
    const auto before = clock->now();
    cimom.getInstance(servicePath("Alpha"));
    EXPECT_EQ(clock->now() - before, Clock::duration(250ms));
    cimom.enumerateInstances(kNs, "Test_Service");
    EXPECT_EQ(clock->now() - before, Clock::duration(250ms)) << "other operations are not delayed";
}

TEST_F(FaultsTest, InjectedErrorOnAnyOperation) {
    FaultRule rule;
    rule.operation = Operation::EnumerateInstances;
    rule.error = CimStatus::ServerIsShuttingDown;
    rule.message = "maintenance";
    const std::size_t id = cimom.faults().add(rule);
    try {
        cimom.enumerateInstances(kNs, "Test_Job");
        FAIL() << "expected the injected error";
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::ServerIsShuttingDown);
        EXPECT_EQ(e.message(), "maintenance");
    }
    EXPECT_FALSE(fails([&] { cimom.getInstance(servicePath("Alpha")); }));
    cimom.faults().remove(id);
    EXPECT_FALSE(fails([&] { cimom.enumerateInstances(kNs, "Test_Job"); }));
}

TEST_F(FaultsTest, ClassRulesMatchSubclassesAndMethodRulesMatchTheMethod) {
    FaultRule rule;
    rule.className = "Test_Service";
    rule.operation = Operation::InvokeMethod;
    rule.methodName = "StopService";
    rule.error = CimStatus::Failed;
    cimom.faults().add(rule);
    EXPECT_TRUE(fails([&] { cimom.invokeMethod(servicePath("Gamma", "Test_SpecialService"), "StopService"); }));
    EXPECT_TRUE(fails([&] { cimom.invokeMethod(servicePath("Alpha"), "stopservice"); }));
    EXPECT_FALSE(fails([&] { cimom.invokeMethod(servicePath("Alpha"), "StartService"); }));
    EXPECT_EQ(methods->calls, 1) << "a failed call never reaches the provider";
    EXPECT_FALSE(fails([&] { cimom.getInstance(servicePath("Alpha")); }));
}

TEST_F(FaultsTest, NamespaceRulesAcceptWmiSpelling) {
    FaultRule rule;
    rule.nameSpace = "ROOT\\CIMV2";
    rule.error = CimStatus::AccessDenied;
    cimom.faults().add(rule);
    EXPECT_TRUE(fails([&] { cimom.getClass(kNs, "Test_Service"); }, CimStatus::AccessDenied));
    cimom.createNamespace("root/other");
    EXPECT_FALSE(fails([&] { cimom.enumerateClassNames("root/other"); }));
    cimom.faults().clear();
    EXPECT_FALSE(fails([&] { cimom.getClass(kNs, "Test_Service"); }));
}

// A server that maps one DSP0200 answer to another: only calls that fail with the replaced
// status change, the others pass through untouched.
TEST_F(FaultsTest, AReplacingRuleChangesOnlyTheStatusItReplaces) {
    FaultRule rule;
    rule.operation = Operation::InvokeMethod;
    rule.replaces = CimStatus::MethodNotFound;
    rule.error = CimStatus::Failed;
    cimom.faults().add(rule);
    EXPECT_TRUE(fails([&] { cimom.invokeMethod(servicePath("Alpha"), "NoSuchMethod"); }, CimStatus::Failed));
    EXPECT_TRUE(fails([&] { cimom.invokeMethod(servicePath("Nobody"), "StopService"); }, CimStatus::NotFound));
    EXPECT_FALSE(fails([&] { cimom.invokeMethod(servicePath("Alpha"), "StopService"); }));
    EXPECT_EQ(methods->calls, 1);
    EXPECT_TRUE(fails([&] { cimom.getClass(kNs, "No_Such_Class"); }, CimStatus::NotFound)) << "other operations";
}

std::vector<bool> outcomes(std::uint64_t seed, int calls) {
    Cimom cimom{std::make_shared<ManualClock>()};
    addTestSchema(cimom);
    FaultRule rule;
    rule.error = CimStatus::Failed;
    rule.failureRate = 0.3;
    rule.seed = seed;
    cimom.faults().add(rule);
    std::vector<bool> failed;
    for (int i = 0; i < calls; ++i) {
        try {
            cimom.enumerateInstanceNames(kNs, "Test_Service");
            failed.push_back(false);
        } catch (const CimError&) {
            failed.push_back(true);
        }
    }
    return failed;
}

TEST(FaultRates, AreDeterministicForASeed) {
    const auto first = outcomes(42, 400);
    EXPECT_EQ(first, outcomes(42, 400));
    EXPECT_NE(first, outcomes(43, 400));
    const auto failures = std::count(first.begin(), first.end(), true);
    EXPECT_GT(failures, 80);  // 30 % of 400 = 120; the bounds are many standard deviations wide
    EXPECT_LT(failures, 160);
}

TEST(FaultRates, ZeroNeverFailsAndOneAlwaysFails) {
    Cimom cimom;
    addTestSchema(cimom);
    FaultRule never;
    never.error = CimStatus::Failed;
    never.failureRate = 0.0;
    cimom.faults().add(never);
    for (int i = 0; i < 50; ++i) EXPECT_NO_THROW(cimom.enumerateClassNames(kNs));
    cimom.faults().clear();
    FaultRule always;
    always.error = CimStatus::Failed;
    cimom.faults().add(always);
    for (int i = 0; i < 50; ++i) EXPECT_THROW(cimom.enumerateClassNames(kNs), CimError);
}

TEST(FaultRules, InvalidRulesAreRejected) {
    Cimom cimom;
    FaultRule rule;
    rule.failureRate = 1.5;
    EXPECT_THROW(cimom.faults().add(rule), CimError);
    rule.failureRate = 0.5;
    rule.operation = Operation::GetInstance;
    rule.methodName = "StopService";
    EXPECT_THROW(cimom.faults().add(rule), CimError);
    FaultRule replacing;
    replacing.replaces = CimStatus::NotFound;  // and no error to answer instead
    EXPECT_THROW(cimom.faults().add(replacing), CimError);
}

TEST(OperationNames, RoundTrip) {
    EXPECT_EQ(toString(Operation::InvokeMethod), "InvokeMethod");
    EXPECT_EQ(parseOperation("enumerateinstances"), Operation::EnumerateInstances);
    EXPECT_EQ(parseOperation("ExecQuery"), Operation::ExecQuery);
    EXPECT_EQ(parseOperation("Nope"), std::nullopt);
}

}  // namespace
}  // namespace wmimock
