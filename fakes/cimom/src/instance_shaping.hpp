// Shapes instances for the caller: PropertyList and DeepInheritance filtering, and WMI
// system properties. Does nothing (one cheap COW copy) when no option asks for a change.
#pragma once

#include <string_view>

#include "wmimock/cim/cim_class.hpp"
#include "wmimock/cim/instance.hpp"
#include "wmimock/client/cim_client.hpp"

namespace wmimock::detail {

struct ShapeRequest {
    const PropertyList* propertyList = nullptr;  ///< null or nullopt: all properties
    /// Shallow enumeration: keep only the properties this class declares (null: keep all).
    const CimClass* requestedClass = nullptr;
    bool systemProperties = false;
    const CimClass* instanceClass = nullptr;  ///< needed for system properties
    std::string_view nameSpace;
    std::string_view host;

    bool changesAnything() const noexcept {
        return (propertyList != nullptr && propertyList->has_value()) || requestedClass != nullptr || systemProperties;
    }
};

Instance shapeInstance(const Instance& instance, const ShapeRequest& request);

/// Adds __GENUS, __CLASS, __SUPERCLASS, __DYNASTY, __RELPATH, __PROPERTY_COUNT,
/// __DERIVATION, __SERVER, __NAMESPACE and __PATH as WMI reports them.
void addSystemProperties(Instance& instance, const CimClass& cls, std::string_view nameSpace, std::string_view host);

/// The value of one system property of `instance` (NULL if `name` is not one).
Value systemProperty(const Instance& instance, const CimClass& cls, std::string_view name, std::string_view nameSpace,
                     std::string_view host);

/// Shapes a class for GetClass / EnumerateClasses options.
CimClass shapeClass(const CimClass& cls, const GetClassOptions& options);

}  // namespace wmimock::detail
