#include <string>

#include "decode.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cimxml/request.hpp"

namespace wmimock::cimxml {
namespace {

Value scalarFromText(CimType type, const std::string& text, const DecodeLimits& limits) {
    if (type == CimType::Reference) return Value::reference(ObjectPath::parse(text));
    return detail::parseScalar(type, text, limits);
}

Value typedValue(const WireParam& param, CimType type, bool isArray, const DecodeLimits& limits) {
    using Kind = WireParam::Kind;
    auto mismatch = [&](std::string_view what) -> CimError {
        return CimError(CimStatus::TypeMismatch, std::string(what) + " cannot be a " + std::string(xmlTypeName(type)) +
                                                     (isArray ? " array" : ""));
    };
    switch (param.kind) {
        case Kind::Null:
            return Value::null(type, isArray);
        case Kind::Value:
            // A lone VALUE for an array parameter is taken as a one-element array.
            if (isArray) return Value::array(type, {scalarFromText(type, param.texts.front(), limits)});
            return scalarFromText(type, param.texts.front(), limits);
        case Kind::ValueArray: {
            if (!isArray) throw mismatch("an array value");
            std::vector<Value> elements;
            elements.reserve(param.texts.size());
            for (const auto& text : param.texts) elements.push_back(scalarFromText(type, text, limits));
            return Value::array(type, std::move(elements));
        }
        case Kind::Reference:
        case Kind::InstanceName:
            if (type != CimType::Reference) throw mismatch("a reference");
            if (isArray) return Value::array(type, {Value::reference(param.paths.front())});
            return Value::reference(param.paths.front());
        case Kind::ReferenceArray: {
            if (type != CimType::Reference || !isArray) throw mismatch("a reference array");
            std::vector<Value> elements;
            for (const auto& path : param.paths) elements.push_back(Value::reference(path));
            return Value::array(type, std::move(elements));
        }
        case Kind::ClassName:
            if (isArray) throw mismatch("a class name");
            if (type == CimType::Reference) return Value::reference(ObjectPath({}, param.className));
            if (type == CimType::String) return Value::string(param.className);
            throw mismatch("a class name");
        case Kind::Instance:
            if ((type != CimType::Instance && type != CimType::Object) || isArray) throw mismatch("an instance");
            return Value::embedded(*param.instance, type);
        case Kind::Class:
            throw mismatch("a class definition");
        case Kind::QualifierDeclaration:
            throw mismatch("a qualifier declaration");
    }
    throw mismatch("this value");
}

}  // namespace

Value WireParam::toValue(CimType type, bool isArray, const DecodeLimits& limits) const {
    try {
        return typedValue(*this, type, isArray, limits);
    } catch (const CimError& e) {
        throw CimError(e.status(), "parameter '" + name + "': " + e.message());
    }
}

Value WireParam::toValue(const DecodeLimits& limits) const {
    CimType type = CimType::String;
    if (wireType) type = *wireType;
    if (kind == Kind::Reference || kind == Kind::ReferenceArray || kind == Kind::InstanceName)
        type = CimType::Reference;
    if (kind == Kind::Instance || !embeddedObject.empty()) {
        type = embeddedObject == "object" ? CimType::Object : CimType::Instance;
    }
    return toValue(type, kind == Kind::ValueArray || kind == Kind::ReferenceArray, limits);
}

}  // namespace wmimock::cimxml
