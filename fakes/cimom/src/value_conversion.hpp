// Converting incoming values to a declared type, as a CIMOM does for property values and
// method parameters: typed values go through Value::convertTo, untyped strings (what a
// CIM-XML client sends) are parsed with Value::parse.
#pragma once

#include <string_view>

#include "wmimock/cim/value.hpp"

namespace wmimock::detail {

/// The conversion itself; `what` names the element in messages.
Value convertValue(const Value& value, CimType type, bool isArray, std::string_view what);

/// Converts `value` to (type, isArray). NULL converts to NULL of the target type.
/// Scalar/array mismatch -> CimError(TypeMismatch); anything unconvertible, out of range or
/// unparsable -> CimError(InvalidParameter). `describe()` names the element in messages
/// ("property 'EnabledState'"); it is only called when a conversion is needed, so values
/// already of the declared type cost a copy and nothing else.
template <class Describe>
Value convertToDeclared(const Value& value, CimType type, bool isArray, const Describe& describe) {
    if (value.type() == type && value.isArray() == isArray) return value;
    return convertValue(value, type, isArray, describe());
}

/// Converts to a declared property or parameter (PropertyDecl, ParameterDecl). An embedded
/// value for a string element qualified EmbeddedInstance/EmbeddedObject stays embedded;
/// anything else converts to the declared type (so text, which some clients send for an
/// embedded object, stays text).
template <class Decl, class Describe>
Value convertToDeclared(const Value& value, const Decl& decl, const Describe& describe) {
    // The qualifier lookup only for embedded values: every parameter of every call passes here.
    if (value.type() == CimType::Object || value.type() == CimType::Instance) {
        const CimType holds = decl.valueType();
        if (holds == CimType::Object || holds == CimType::Instance) {
            return convertToDeclared(value, holds, decl.isArray, describe);
        }
    }
    return convertToDeclared(value, decl.type, decl.isArray, describe);
}

/// A reference value whose path lacks a namespace gets `nameSpace` (DSP0004: references
/// without a namespace are relative to the namespace of the instance holding them).
Value qualifyReferences(const Value& value, std::string_view nameSpace);

}  // namespace wmimock::detail
