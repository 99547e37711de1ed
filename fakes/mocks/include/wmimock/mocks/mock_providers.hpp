// GoogleMock mocks of the provider interfaces, to script what a class's provider answers
// when the fake CIMOM dispatches to it:
//
//     auto methods = std::make_shared<wmimock::MockMethodProvider>();
//     EXPECT_CALL(*methods, invokeMethod(_, _, Field(&MethodDecl::name, "StopService"), _))
//         .WillOnce(Return(MethodResult{Value::uint32(0), {}}));
//     cimom.registerProvider("root/cimv2", "WMIMock_Service", nullptr, methods);
#pragma once

#include <gmock/gmock.h>

#include <string_view>
#include <vector>

#include "wmimock/cimom/provider.hpp"

namespace wmimock {

class MockInstanceProvider : public InstanceProvider {
public:
    MockInstanceProvider();
    ~MockInstanceProvider() override;

    MOCK_METHOD(Instance, getInstance, (const ProviderContext& ctx, const ObjectPath& path), (override));
    MOCK_METHOD(std::vector<Instance>, enumerateInstances, (const ProviderContext& ctx, std::string_view className),
                (override));
    MOCK_METHOD(ObjectPath, createInstance, (const ProviderContext& ctx, const Instance& instance), (override));
    MOCK_METHOD(void, modifyInstance,
                (const ProviderContext& ctx, const Instance& instance, const PropertyList& propertyList), (override));
    MOCK_METHOD(void, deleteInstance, (const ProviderContext& ctx, const ObjectPath& path), (override));
};

class MockMethodProvider : public MethodProvider {
public:
    MockMethodProvider();
    ~MockMethodProvider() override;

    MOCK_METHOD(MethodResult, invokeMethod,
                (const ProviderContext& ctx, const ObjectPath& target, const MethodDecl& method,
                 const std::vector<ParamValue>& in),
                (override));
};

}  // namespace wmimock
