// A GoogleMock mock of the CimClient interface, for testing client code (conformance
// checks, tools, a user's management code) without a CIMOM, or with a real one behind it:
//
//     wmimock::MockCimClient client;
//     client.delegateTo(cimom);  // by default every call goes to a real Cimom
//     EXPECT_CALL(client, doInvokeMethod(_, "StopService", _))
//         .WillOnce(Throw(CimError(CimStatus::Failed, "device busy")));  // script one call
#pragma once

#include <gmock/gmock.h>

#include <string>
#include <string_view>
#include <vector>

#include "wmimock/client/cim_client.hpp"

namespace wmimock {

/// Mocks CimClient's hooks: code under test calls `client.invokeMethod(path, "StopService")`
/// with the interface's defaults, and expectations name the hook, which receives every
/// argument (`EXPECT_CALL(client, doInvokeMethod(path, "StopService", IsEmpty()))`), as
/// gMock's cookbook does for a non-virtual interface.
class MockCimClient : public CimClient {
public:
    MockCimClient();
    ~MockCimClient() override;

    MOCK_METHOD(CimClass, doGetClass,
                (std::string_view nameSpace, std::string_view className, const GetClassOptions& options), (override));
    MOCK_METHOD(std::vector<CimClass>, doEnumerateClasses,
                (std::string_view nameSpace, std::string_view className, bool deepInheritance,
                 const GetClassOptions& options),
                (override));
    MOCK_METHOD(std::vector<std::string>, doEnumerateClassNames,
                (std::string_view nameSpace, std::string_view className, bool deepInheritance), (override));
    MOCK_METHOD(Instance, doGetInstance, (const ObjectPath& path, const InstanceOptions& options), (override));
    MOCK_METHOD(std::vector<Instance>, doEnumerateInstances,
                (std::string_view nameSpace, std::string_view className, const InstanceOptions& options), (override));
    MOCK_METHOD(std::vector<ObjectPath>, doEnumerateInstanceNames,
                (std::string_view nameSpace, std::string_view className), (override));
    MOCK_METHOD(ObjectPath, doCreateInstance, (std::string_view nameSpace, const Instance& instance), (override));
    MOCK_METHOD(void, doModifyInstance, (const Instance& instance, const PropertyList& propertyList), (override));
    MOCK_METHOD(void, doDeleteInstance, (const ObjectPath& path), (override));
    MOCK_METHOD(MethodResult, doInvokeMethod,
                (const ObjectPath& target, std::string_view methodName, const std::vector<ParamValue>& inParameters),
                (override));
    MOCK_METHOD(std::vector<Instance>, doAssociators,
                (const ObjectPath& source, const AssociatorFilter& filter, const InstanceOptions& options), (override));
    MOCK_METHOD(std::vector<ObjectPath>, doAssociatorNames, (const ObjectPath& source, const AssociatorFilter& filter),
                (override));
    MOCK_METHOD(std::vector<Instance>, doReferences,
                (const ObjectPath& source, const ReferenceFilter& filter, const InstanceOptions& options), (override));
    MOCK_METHOD(std::vector<ObjectPath>, doReferenceNames, (const ObjectPath& source, const ReferenceFilter& filter),
                (override));
    MOCK_METHOD(std::vector<Instance>, doExecQuery,
                (std::string_view nameSpace, std::string_view queryLanguage, std::string_view query), (override));

    /// Makes every operation without a more specific expectation or ON_CALL forward to
    /// `real` (gMock's "delegating calls to a fake"). `real` must outlive this mock.
    void delegateTo(CimClient& real);
};

/// A MockCimClient whose uninteresting calls are allowed silently.
using NiceMockCimClient = ::testing::NiceMock<MockCimClient>;
/// A MockCimClient on which any call without an expectation fails the test.
using StrictMockCimClient = ::testing::StrictMock<MockCimClient>;

}  // namespace wmimock
