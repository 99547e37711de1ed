// Converting incoming values to a declared type, as a CIMOM does for property values and
// method parameters: typed values go through Value::convertTo, untyped strings (what a
// CIM-XML client sends) are parsed with Value::parse.
#pragma once

#include <string_view>

#include "wmimock/cim/value.hpp"

namespace wmimock::detail {

/// Converts `value` to (type, isArray). NULL converts to NULL of the target type.
/// Scalar/array mismatch -> CimError(TypeMismatch); anything unconvertible, out of range or
/// unparsable -> CimError(InvalidParameter). `what` names the element in messages
/// ("property 'EnabledState'", "parameter 'RequestedState'").
Value convertToDeclared(const Value& value, CimType type, bool isArray, std::string_view what);

/// A reference value whose path lacks a namespace gets `nameSpace` (DSP0004: references
/// without a namespace are relative to the namespace of the instance holding them).
Value qualifyReferences(const Value& value, std::string_view nameSpace);

}  // namespace wmimock::detail
