// Checks an instance against its class the way a CIMOM does before storing it or handing it
// to a provider: every property must be declared, values are converted to the declared
// types, keys must be complete, Required properties non-NULL, and class defaults (inherited
// ones included) fill the properties the caller left out.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wmimock/cim/cim_class.hpp"
#include "wmimock/cim/instance.hpp"
#include "wmimock/cim/object_path.hpp"

namespace wmimock::detail {

/// A complete instance of `cls`: one value per class property, in class order (NULL where
/// neither the caller nor the class gives one), with its path in `nameSpace`.
/// Throws CimError: InvalidClass for an abstract class, InvalidParameter for an unknown
/// property, a missing key or a NULL Required property, TypeMismatch / InvalidParameter for
/// values that do not fit the declared type. WMI system properties ("__...") are ignored.
Instance validateInstance(const CimClass& cls, const Instance& instance, std::string_view nameSpace);

/// A key property as instance paths of a class carry it.
struct KeyDecl {
    std::string name;
    CimType type;
};
/// The key properties of `cls` in declaration order (the order CimClass::pathOf uses).
std::vector<KeyDecl> keyDecls(const CimClass& cls);

/// `path` in the canonical form the static store keys by: namespace defaulted to
/// `nameSpace`, no host, class and key names spelled and ordered as `cls` declares them,
/// key values converted to the declared types (so "5" from an untyped path finds a uint16
/// key 5). Returns nullopt when `path` already is canonical (the common case: no copy).
/// `keys` are keyDecls(cls) when the caller has them precomputed, else null.
std::optional<ObjectPath> canonicalInstancePath(const CimClass& cls, const std::vector<KeyDecl>* keys,
                                                const ObjectPath& path, std::string_view nameSpace);

/// True for WMI system property names ("__PATH", "__CLASS", ...).
inline bool isSystemPropertyName(std::string_view name) noexcept {
    return name.starts_with("__");
}

}  // namespace wmimock::detail
