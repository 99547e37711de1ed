// CIM-XML element readers over a pugixml tree. Every reader checks the element it is given
// and throws CimError(InvalidParameter) naming the element and what is wrong.
#pragma once

#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "wmimock/cim/cim_class.hpp"
#include "wmimock/cim/instance.hpp"
#include "wmimock/cim/object_path.hpp"
#include "wmimock/cim/qualifier.hpp"
#include "wmimock/cim/value.hpp"
#include "wmimock/cimxml/codec.hpp"
#include "wmimock/cimxml/request.hpp"

namespace wmimock::cimxml::detail {

/// Parses `xml` after checkXmlLimits; throws CimError(InvalidParameter) with pugixml's
/// description and the byte offset on malformed XML.
void parseDocument(pugi::xml_document& doc, std::string_view xml, const DecodeLimits& limits);

bool isElement(const pugi::xml_node& node, std::string_view name) noexcept;
/// The concatenated character data of an element (PCDATA and CDATA children).
std::string textOf(const pugi::xml_node& node);
/// A required attribute; throws naming element and attribute when absent.
std::string_view requiredAttribute(const pugi::xml_node& node, const char* name);
/// The first child element (skipping comments and whitespace) or an empty node.
pugi::xml_node firstElement(const pugi::xml_node& node) noexcept;
/// The TYPE / PARAMTYPE spelling to CimType; throws on unknown names.
CimType parseXmlType(std::string_view name, const pugi::xml_node& where);
/// The EmbeddedObject / EMBEDDEDOBJECT attribute value or empty.
std::string_view embeddedObjectAttribute(const pugi::xml_node& node) noexcept;

/// One scalar from its VALUE text (embedded objects are parsed from the text).
Value parseScalar(CimType type, std::string_view text, const DecodeLimits& limits);
/// VALUE / VALUE.ARRAY / VALUE.REFERENCE / VALUE.REFARRAY as `type`.
Value readValue(const pugi::xml_node& node, CimType type, const DecodeLimits& limits);

std::string readLocalNamespacePath(const pugi::xml_node& node);
ObjectPath readInstanceName(const pugi::xml_node& node, std::string_view nameSpace);
/// INSTANCEPATH, LOCALINSTANCEPATH, INSTANCENAME, CLASSPATH, LOCALCLASSPATH, CLASSNAME,
/// OBJECTPATH (around one of them), VALUE.REFERENCE (around one of them).
ObjectPath readAnyPath(const pugi::xml_node& node);

Instance readInstance(const pugi::xml_node& node, const DecodeLimits& limits);
/// INSTANCE, VALUE.NAMEDINSTANCE, VALUE.OBJECTWITHPATH, VALUE.INSTANCEWITHPATH, VALUE.OBJECT.
Instance readInstanceWithPath(const pugi::xml_node& node, std::string_view nameSpace, const DecodeLimits& limits);

Qualifier readQualifier(const pugi::xml_node& node, const DecodeLimits& limits);
CimClass readClass(const pugi::xml_node& node, const DecodeLimits& limits);
QualifierDecl readQualifierDeclaration(const pugi::xml_node& node, const DecodeLimits& limits);

/// IPARAMVALUE, PARAMVALUE or RETURNVALUE as the wire has it (PARAMTYPE kept when given).
/// Throws CimError(NotSupported) for value elements the object model cannot hold.
WireParam readWireParam(const pugi::xml_node& node, std::string_view nameSpace);

}  // namespace wmimock::cimxml::detail
