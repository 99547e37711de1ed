// InvokeMethod parameter handling: IN parameters checked and converted against the method
// declaration before the provider runs; the provider's return value and OUT parameters
// checked and converted after it returns.
#pragma once

#include <string_view>
#include <vector>

#include "wmimock/cim/cim_class.hpp"
#include "wmimock/client/cim_client.hpp"

namespace wmimock::detail {

/// Throws CimError(InvalidParameter) if two parameters share a name (case-insensitively).
/// Needs no declaration, so it is checked before the class is looked up.
void rejectDuplicateParameters(const std::vector<ParamValue>& in);

/// The IN parameters converted to their declared types, in the caller's order.
/// Unknown parameter, OUT-only parameter given as input, missing Required parameter or an
/// unconvertible value -> CimError(InvalidParameter); array/scalar mismatch ->
/// CimError(TypeMismatch).
std::vector<ParamValue> checkInParameters(const MethodDecl& method, const std::vector<ParamValue>& in);

/// Converts the provider's result to the declaration: the return value to the declared
/// return type, each OUT parameter to its declared type. A result that does not fit (an
/// undeclared OUT parameter, an out-of-range return value) -> CimError(Failed).
MethodResult checkProviderResult(const MethodDecl& method, MethodResult result);

}  // namespace wmimock::detail
