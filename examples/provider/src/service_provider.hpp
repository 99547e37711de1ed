// ExampleCo's CIM_Service provider: two services ("web" running, "backup" stopped) whose
// state lives in this object. It implements StopService, StartService and
// RequestStateChange synchronously, the way the wmimock conformance suite expects.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <wmimock/cimom/provider.hpp>

namespace exampleco {

class ServiceProvider final : public wmimock::InstanceProvider, public wmimock::MethodProvider {
public:
    static constexpr const char* kNamespace = "root/exampleco";
    static constexpr const char* kClass = "ExampleCo_Service";

    ServiceProvider();

    wmimock::Instance getInstance(const wmimock::ProviderContext& ctx, const wmimock::ObjectPath& path) override;
    std::vector<wmimock::Instance> enumerateInstances(const wmimock::ProviderContext& ctx,
                                                      std::string_view className) override;
    wmimock::MethodResult invokeMethod(const wmimock::ProviderContext& ctx, const wmimock::ObjectPath& target,
                                       const wmimock::MethodDecl& method,
                                       const std::vector<wmimock::ParamValue>& in) override;

private:
    struct Service {
        bool running = false;
        std::uint16_t requestedState = 12;
        std::uint16_t enabledDefault = 2;
        std::chrono::system_clock::time_point lastChange;
    };

    Service& find(const wmimock::ObjectPath& path);  // CIM_ERR_NOT_FOUND when absent
    wmimock::Instance toInstance(const std::string& name, const Service& service) const;
    /// Moves the service to `running`; records the request and the time of a real change.
    void apply(Service& service, bool running, std::uint16_t request, const wmimock::ProviderContext& ctx);

    std::mutex mutex_;  // the CIMOM may call from several threads at once
    std::map<std::string, Service> services_;
};

}  // namespace exampleco
