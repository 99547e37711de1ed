#include "register.hpp"

#include <memory>

#include "exampleco_mof.hpp"  // generated from mof/exampleco_service.mof
#include "service_provider.hpp"

namespace exampleco {

void registerProvider(wmimock::plugin::Registrar& registrar) {
    registrar.loadMof(kServiceMof, "exampleco_service.mof", ServiceProvider::kNamespace);
    auto provider = std::make_shared<ServiceProvider>();
    registrar.registerProvider(ServiceProvider::kNamespace, ServiceProvider::kClass, provider, provider);
    registrar.setDefaultTarget(ServiceProvider::kNamespace, ServiceProvider::kClass);
}

}  // namespace exampleco
