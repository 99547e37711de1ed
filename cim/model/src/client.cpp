#include "wmimock/client/cim_client.hpp"

#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"

namespace wmimock {

std::vector<QualifierDecl> CimClient::doEnumerateQualifiers(std::string_view /*nameSpace*/) {
    throw CimError(CimStatus::NotSupported, "EnumerateQualifiers is not supported by this client");
}

QualifierDecl CimClient::doGetQualifier(std::string_view /*nameSpace*/, std::string_view /*name*/) {
    throw CimError(CimStatus::NotSupported, "GetQualifier is not supported by this client");
}

void CimClient::doSetQualifier(std::string_view /*nameSpace*/, const QualifierDecl& /*declaration*/) {
    throw CimError(CimStatus::NotSupported, "SetQualifier is not supported by this client");
}

void CimClient::doDeleteQualifier(std::string_view /*nameSpace*/, std::string_view /*name*/) {
    throw CimError(CimStatus::NotSupported, "DeleteQualifier is not supported by this client");
}

void CimClient::doCreateClass(std::string_view /*nameSpace*/, const CimClass& /*definition*/) {
    throw CimError(CimStatus::NotSupported, "CreateClass is not supported by this client");
}

void CimClient::doModifyClass(std::string_view /*nameSpace*/, const CimClass& /*definition*/) {
    throw CimError(CimStatus::NotSupported, "ModifyClass is not supported by this client");
}

void CimClient::doDeleteClass(std::string_view /*nameSpace*/, std::string_view /*className*/) {
    throw CimError(CimStatus::NotSupported, "DeleteClass is not supported by this client");
}

const Value* MethodResult::out(std::string_view name) const noexcept {
    for (const ParamValue& p : outParameters) {
        if (iequals(p.name, name)) return &p.value;
    }
    return nullptr;
}

}  // namespace wmimock
