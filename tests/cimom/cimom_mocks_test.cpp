// The shipped mocks used the way a user would: scripting a provider behind the real CIMOM,
// and standing in for the CIMOM in front of client code.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_schema.hpp"
#include "wmimock/mocks/mock_cim_client.hpp"
#include "wmimock/mocks/mock_providers.hpp"

namespace wmimock {
namespace {

using namespace wmimock::testing;
using ::testing::_;
using ::testing::Field;
using ::testing::Return;
using ::testing::Throw;

/// Client code under test: stops a service and reports whether it says it stopped.
bool stopService(CimClient& client, const ObjectPath& service) {
    try {
        return client.invokeMethod(service, "StopService", {}).returnValue.asUint64() == 0;
    } catch (const CimError&) {
        return false;
    }
}

TEST(MockProviders, ScriptAMethodProviderBehindTheCimom) {
    Cimom cimom;
    addTestSchema(cimom);
    cimom.addInstance(kNs, service("Alpha"));
    auto methods = std::make_shared<MockMethodProvider>();
    cimom.registerProvider(kNs, "Test_Service", nullptr, methods);

    EXPECT_CALL(*methods, invokeMethod(_, servicePath("Alpha"), Field(&MethodDecl::name, "StopService"), _))
        .WillOnce(Return(MethodResult{Value::uint32(0), {}}))
        .WillOnce(Return(MethodResult{Value::uint32(2), {}}));
    EXPECT_TRUE(stopService(cimom, servicePath("Alpha")));
    EXPECT_FALSE(stopService(cimom, servicePath("Alpha")));
}

TEST(MockProviders, ScriptAnInstanceProvider) {
    Cimom cimom;
    addTestSchema(cimom);
    auto instances = std::make_shared<MockInstanceProvider>();
    cimom.registerProvider(kNs, "Test_Service", instances, nullptr);
    EXPECT_CALL(*instances, enumerateInstances(_, std::string_view("Test_Service")))
        .WillOnce(Return(std::vector<Instance>{service("FromMock")}));
    EXPECT_CALL(*instances, getInstance(_, servicePath("Gone"))).WillOnce(Throw(CimError(CimStatus::NotFound, "gone")));
    EXPECT_THAT(names(cimom.enumerateInstances(kNs, "Test_Service")), ::testing::ElementsAre("FromMock"));
    EXPECT_THROW(cimom.getInstance(servicePath("Gone")), CimError);
}

TEST(MockCimClient, StandsInForTheCimom) {
    StrictMockCimClient client;
    EXPECT_CALL(client, doInvokeMethod(servicePath("Alpha"), std::string_view("StopService"), _))
        .WillOnce(Throw(CimError(CimStatus::Failed, "device busy")));
    EXPECT_FALSE(stopService(client, servicePath("Alpha")));
}

TEST(MockCimClient, DelegatesToARealCimomAndOverridesOneCall) {
    Cimom cimom;
    addTestSchema(cimom);
    cimom.addInstance(kNs, service("Alpha"));
    auto methods = std::make_shared<MockMethodProvider>();
    ON_CALL(*methods, invokeMethod).WillByDefault(Return(MethodResult{Value::uint32(0), {}}));
    cimom.registerProvider(kNs, "Test_Service", nullptr, methods);

    NiceMockCimClient client;
    client.delegateTo(cimom);
    EXPECT_CALL(*methods, invokeMethod).Times(1);
    EXPECT_TRUE(stopService(client, servicePath("Alpha")));  // the real CIMOM answers

    EXPECT_CALL(client, doInvokeMethod).WillOnce(Return(MethodResult{Value::uint32(5), {}}));
    EXPECT_FALSE(stopService(client, servicePath("Alpha")));  // scripted answer
    // The interface's defaults apply on the mock's own type too (the hooks take no defaults).
    EXPECT_EQ(client.getInstance(servicePath("Alpha")).get("Name"), Value::string("Alpha"));
}

}  // namespace
}  // namespace wmimock
