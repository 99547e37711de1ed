#include "value_conversion.hpp"

#include <string>
#include <vector>

#include "wmimock/cim/error.hpp"
#include "wmimock/cim/object_path.hpp"

namespace wmimock::detail {

namespace {

bool isTextual(CimType type) noexcept {
    return type == CimType::String;
}

Value parseScalar(const Value& text, CimType type) {
    if (text.isNull()) return Value::null(type);
    return Value::parse(type, text.asString());
}

std::string describeTarget(CimType type, bool isArray) {
    std::string out(toString(type));
    if (isArray) out += "[]";
    return out;
}

}  // namespace

Value convertValue(const Value& value, CimType type, bool isArray, std::string_view what) {
    if (value.type() == type && value.isArray() == isArray) return value;
    if (value.isNull()) return Value::null(type, isArray);
    if (value.isArray() != isArray) {
        throw CimError(CimStatus::TypeMismatch, std::string(what) + ": " + (value.isArray() ? "array" : "scalar") +
                                                    " value given for " + describeTarget(type, isArray));
    }
    try {
        const bool embedded = type == CimType::Object || type == CimType::Instance;
        if (isTextual(value.type()) && !isTextual(type) && !embedded) {
            if (!isArray) return parseScalar(value, type);
            std::vector<Value> elements;
            elements.reserve(value.asArray().size());
            for (const Value& element : value.asArray()) elements.push_back(parseScalar(element, type));
            return Value::array(type, std::move(elements));
        }
        return value.convertTo(type, isArray);
    } catch (const CimError& e) {
        // Array-ness matched, so whatever went wrong is a bad value, not a type mismatch.
        throw CimError(CimStatus::InvalidParameter,
                       std::string(what) + ": cannot convert " + std::string(toString(value.type())) + " value " +
                           value.toMof() + " to " + describeTarget(type, isArray) + " (" + e.message() + ")");
    }
}

Value qualifyReferences(const Value& value, std::string_view nameSpace) {
    if (value.type() != CimType::Reference || value.isNull() || value.isArray()) return value;
    const ObjectPath& path = value.asReference();
    if (!path.nameSpace().empty()) return value;
    ObjectPath qualified = path;
    qualified.setNameSpace(nameSpace);
    return Value::reference(std::move(qualified));
}

}  // namespace wmimock::detail
