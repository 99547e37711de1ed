// The WS-CIM representation (DSP0230) of CIM data in WS-Management messages, both ways:
// an instance is an element named after its class in the namespace of the class's resource
// URI, one child per property (arrays repeat the child, NULL is xsi:nil); a reference is an
// endpoint reference (EPR) whose reference parameters give the resource URI and the keys as
// selectors; datetimes are cim:Datetime / cim:Interval / cim:CIM_DateTime.
//
// The wire carries no types: readers type what they read from the class declarations a
// ClassLookup finds (properties, keys, method parameters). What no declaration types stays
// a string, an EPR a reference, a datetime element a datetime.
#pragma once

#include <pugixml.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "resource_uri.hpp"
#include "wmimock/cim/cim_class.hpp"
#include "wmimock/cim/instance.hpp"
#include "wmimock/cim/object_path.hpp"
#include "wmimock/cim/value.hpp"

namespace wmimock::wsman::detail {

/// The class `className` of `nameSpace`, or nullptr when it is unknown (never throws).
using ClassLookup = std::function<const CimClass*(std::string_view nameSpace, std::string_view className)>;

/// How written references and instances name their resources.
struct Naming {
    UriStyle style = UriStyle::Dmtf;
    std::string address = std::string(kAnonymousAddress);  ///< the wsa:Address of written EPRs
    static constexpr std::string_view kAnonymousAddress =
        "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";
};

// ---- Writing ---------------------------------------------------------------------------

/// Appends `value` under `parent` as elements named `qualifiedName` (one per array element;
/// one xsi:nil element for NULL; none for an empty array).
void writeValue(pugi::xml_node parent, const char* qualifiedName, const Value& value, std::string_view nameSpace,
                const Naming& naming);
/// Appends the instance element (prefix "p", its class's resource URI as namespace);
/// `typed` adds each property's xsi:type (cim:cimUnsignedInt, ...), as for embedded instances
/// whose class the reader may not know.
pugi::xml_node writeInstance(pugi::xml_node parent, const Instance& instance, std::string_view nameSpace,
                             const Naming& naming, bool typed = false);

/// The WS-CIM common type of a CIM type ("cimUnsignedInt"), and back (nullopt if unknown).
std::string_view wsCimTypeName(CimType type) noexcept;
std::optional<CimType> fromWsCimTypeName(std::string_view name) noexcept;
/// Appends wsa:Address and wsa:ReferenceParameters (resource URI and selectors) for `path`
/// to `epr` (the element that stands for the endpoint reference).
void writeEndpointReference(pugi::xml_node epr, const ObjectPath& path, std::string_view defaultNamespace,
                            const Naming& naming);
/// Fills a wsman:SelectorSet with `path`'s keys (and, under DMTF URIs, __cimnamespace).
void writeSelectors(pugi::xml_node selectorSet, const ObjectPath& path, const Naming& naming);

// ---- Reading ---------------------------------------------------------------------------

/// The value of the elements that carry one property or parameter, typed `type`/`isArray`.
/// Throws CimError(InvalidParameter) when the text is not a value of that type.
Value readValue(const std::vector<pugi::xml_node>& elements, CimType type, bool isArray, std::string_view nameSpace,
                const ClassLookup& lookup);
/// A value of unknown type: an EPR becomes a reference, a datetime element a datetime,
/// repeated elements a string array, anything else a string.
Value readUntypedValue(const std::vector<pugi::xml_node>& elements, std::string_view nameSpace,
                       const ClassLookup& lookup);
/// An instance element; its properties are typed by the class when found. The instance's
/// path is left empty.
Instance readInstance(pugi::xml_node element, std::string_view nameSpace, const ClassLookup& lookup);
/// An endpoint reference: `epr` holds wsa:Address / wsa:ReferenceParameters (or is itself a
/// wsa:EndpointReference holding them). Under DMTF URIs the namespace is the __cimnamespace
/// selector, else `defaultNamespace`. Throws CimError(InvalidParameter) naming what is missing.
ObjectPath readEndpointReference(pugi::xml_node epr, std::string_view defaultNamespace, const ClassLookup& lookup);
/// The instance path that `selectorSet` (may be empty) selects in `className`, keys typed by
/// the class's key declarations when known; __cimnamespace is not a key.
ObjectPath readSelectors(pugi::xml_node selectorSet, std::string_view nameSpace, std::string_view className,
                         const ClassLookup& lookup);
/// The __cimnamespace selector's value, or "" when the set has none.
std::string namespaceSelector(pugi::xml_node selectorSet);

/// The elements under `parent` whose local name equals `name` (case-insensitively), in order.
std::vector<pugi::xml_node> elementsNamed(pugi::xml_node parent, std::string_view name);

}  // namespace wmimock::wsman::detail
