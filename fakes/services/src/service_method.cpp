#include "service_method.hpp"

#include "wmimock/cim/names.hpp"

namespace wmimock::services::detail {

std::string_view toString(ServiceMethod method) noexcept {
    switch (method) {
        case ServiceMethod::StartService:
            return "StartService";
        case ServiceMethod::StopService:
            return "StopService";
        case ServiceMethod::RequestStateChange:
            return "RequestStateChange";
    }
    return "?";
}

std::optional<ServiceMethod> parseServiceMethod(std::string_view name) noexcept {
    for (auto method : {ServiceMethod::StartService, ServiceMethod::StopService, ServiceMethod::RequestStateChange}) {
        if (iequals(name, toString(method))) return method;
    }
    return std::nullopt;
}

bool isValidRequestedState(std::uint64_t value) noexcept {
    // The simulated classes declare no vendor state, so 32768..65535 are invalid values
    // (catalog RSC-009), not valid states the capabilities leave out (RSC-005).
    return value == 2 || value == 3 || value == 4 || (value >= 6 && value <= 11);
}

}  // namespace wmimock::services::detail
