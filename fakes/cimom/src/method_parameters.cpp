#include "method_parameters.hpp"

#include <string>

#include "value_conversion.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"

namespace wmimock::detail {

namespace {

std::string parameterLabel(const MethodDecl& method, std::string_view name) {
    return "parameter '" + std::string(name) + "' of method " + method.name;
}

}  // namespace

void rejectDuplicateParameters(const std::vector<ParamValue>& in) {
    for (std::size_t i = 0; i < in.size(); ++i) {
        for (std::size_t j = i + 1; j < in.size(); ++j) {
            if (iequals(in[i].name, in[j].name)) {
                throw CimError(CimStatus::InvalidParameter, "parameter '" + in[j].name + "' is given more than once");
            }
        }
    }
}

std::vector<ParamValue> checkInParameters(const MethodDecl& method, const std::vector<ParamValue>& in) {
    std::vector<ParamValue> out;
    out.reserve(in.size());
    for (const ParamValue& given : in) {
        const ParameterDecl* decl = method.findParameter(given.name);
        if (decl == nullptr) {
            throw CimError(CimStatus::InvalidParameter,
                           "method " + method.name + " has no parameter '" + given.name + "'");
        }
        if (!decl->isIn()) {
            throw CimError(CimStatus::InvalidParameter, parameterLabel(method, decl->name) + " is OUT only");
        }
        out.push_back(ParamValue{
            decl->name, convertToDeclared(given.value, *decl, [&] { return parameterLabel(method, decl->name); })});
    }
    for (const ParameterDecl& decl : method.parameters) {
        if (!decl.isIn() || !decl.isRequired()) continue;
        bool present = false;
        for (const ParamValue& p : out) {
            if (iequals(p.name, decl.name)) {
                present = !p.value.isNull();
                break;
            }
        }
        if (!present) {
            throw CimError(CimStatus::InvalidParameter,
                           "required " + parameterLabel(method, decl.name) + " is missing");
        }
    }
    return out;
}

MethodResult checkProviderResult(const MethodDecl& method, MethodResult result) {
    try {
        if (method.returnsVoid) {
            if (!result.returnValue.isNull()) {
                throw CimError(CimStatus::Failed,
                               "method " + method.name + " is void but its provider returned a value");
            }
        } else {
            result.returnValue = convertToDeclared(result.returnValue, method.returnType, false,
                                                   [&] { return "return value of method " + method.name; });
        }
        for (ParamValue& p : result.outParameters) {
            const ParameterDecl* decl = method.findParameter(p.name);
            if (decl == nullptr || !decl->isOut()) {
                throw CimError(CimStatus::Failed, "'" + p.name + "' is not an OUT parameter of method " + method.name);
            }
            p.name = decl->name;
            p.value = convertToDeclared(p.value, *decl, [&] { return parameterLabel(method, decl->name); });
        }
    } catch (const CimError& e) {
        throw CimError(CimStatus::Failed, "provider returned a malformed result: " + e.message());
    }
    return result;
}

}  // namespace wmimock::detail
