// The DSP0201 XML representation of the CIM object model: values, object paths, instances
// and classes as CIM-XML elements, in both directions. Each function handles one element
// (with its children) as a standalone XML fragment; the request decoder, the server and the
// client use the same code on whole messages.
//
// Decoding is strict about structure (unknown or missing elements are CimError
// InvalidParameter naming the element) and loose where real peers are loose (TYPE
// attributes may be missing; values are then typed by the caller).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "wmimock/cim/cim_class.hpp"
#include "wmimock/cim/cim_type.hpp"
#include "wmimock/cim/instance.hpp"
#include "wmimock/cim/object_path.hpp"
#include "wmimock/cim/value.hpp"

namespace wmimock::cimxml {

/// Bounds every decoder enforces before building a tree (pugixml itself has no depth limit).
struct DecodeLimits {
    std::size_t maxBytes = std::size_t{16} << 20;
    std::size_t maxDepth = 64;
};

/// The CIM-XML TYPE / PARAMTYPE spelling of a type: "uint32", "datetime", "reference";
/// embedded objects and instances are "string" (with an EmbeddedObject attribute).
std::string_view xmlTypeName(CimType type) noexcept;

/// Throws CimError(InvalidParameter) if `xml` nests elements deeper than `maxDepth` or is
/// larger than `maxBytes`. Linear, allocation-free scan; malformed markup is left to the
/// XML parser.
void checkXmlLimits(std::string_view xml, const DecodeLimits& limits);

// ---- Values --------------------------------------------------------------------------
/// VALUE, VALUE.ARRAY or VALUE.REFERENCE (VALUE.REFARRAY for reference arrays); a NULL
/// value encodes as the empty string (CIM-XML expresses NULL by omitting the element).
std::string encodeValue(const Value& value);
/// Decodes VALUE / VALUE.ARRAY / VALUE.REFERENCE / VALUE.REFARRAY as `type`.
Value decodeValue(std::string_view xml, CimType type, const DecodeLimits& limits = {});

// ---- Object paths --------------------------------------------------------------------
/// INSTANCENAME (keys only; namespace and host are not part of the element).
std::string encodeInstanceName(const ObjectPath& path);
/// INSTANCENAME; the result carries `nameSpace`.
ObjectPath decodeInstanceName(std::string_view xml, std::string_view nameSpace = {}, const DecodeLimits& limits = {});
/// The most specific path element the path allows: INSTANCEPATH (with host),
/// LOCALINSTANCEPATH (with namespace) or INSTANCENAME; CLASSPATH / LOCALCLASSPATH /
/// CLASSNAME for class paths.
std::string encodeObjectPath(const ObjectPath& path);
/// Any of the elements encodeObjectPath writes (and OBJECTPATH around them).
ObjectPath decodeObjectPath(std::string_view xml, const DecodeLimits& limits = {});

// ---- Instances and classes -----------------------------------------------------------
/// INSTANCE with PROPERTY / PROPERTY.ARRAY / PROPERTY.REFERENCE children.
std::string encodeInstance(const Instance& instance);
/// INSTANCE, or VALUE.NAMEDINSTANCE / VALUE.OBJECTWITHPATH (which also give the path).
/// Properties without a TYPE attribute are decoded as strings.
Instance decodeInstance(std::string_view xml, const DecodeLimits& limits = {});

/// CLASS with qualifiers, properties, methods and parameters.
std::string encodeClass(const CimClass& cls);
CimClass decodeClass(std::string_view xml, const DecodeLimits& limits = {});

}  // namespace wmimock::cimxml
