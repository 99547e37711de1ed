#include "wmimock/client/cim_client.hpp"

#include "wmimock/cim/names.hpp"

namespace wmimock {

const Value* MethodResult::out(std::string_view name) const noexcept {
    for (const ParamValue& p : outParameters) {
        if (iequals(p.name, name)) return &p.value;
    }
    return nullptr;
}

}  // namespace wmimock
