// CIM-XML element writers, appending to one output buffer. Shared by the public codec, the
// server's response encoder and the client's request encoder.
#pragma once

#include <string>
#include <string_view>

#include "wmimock/cim/cim_class.hpp"
#include "wmimock/cim/instance.hpp"
#include "wmimock/cim/object_path.hpp"
#include "wmimock/cim/qualifier.hpp"
#include "wmimock/cim/value.hpp"

namespace wmimock::cimxml::detail {

/// The text of a non-NULL scalar as a VALUE element carries it.
void appendScalarText(std::string& out, const Value& scalar);
/// VALUE / VALUE.ARRAY / VALUE.REFERENCE / VALUE.REFARRAY; nothing for NULL.
void appendValue(std::string& out, const Value& value);

void appendLocalNamespacePath(std::string& out, std::string_view nameSpace);
void appendNamespacePath(std::string& out, std::string_view host, std::string_view nameSpace);
void appendClassName(std::string& out, std::string_view className);
void appendInstanceName(std::string& out, const ObjectPath& path);
/// INSTANCEPATH (host "localhost" when the path has none) or CLASSPATH for a class path.
void appendFullPath(std::string& out, const ObjectPath& path);
/// The element for a VALUE.REFERENCE body: the most specific form the path allows.
void appendReferenceTarget(std::string& out, const ObjectPath& path);

void appendInstance(std::string& out, const Instance& instance);
/// VALUE.NAMEDINSTANCE (INSTANCENAME + INSTANCE).
void appendNamedInstance(std::string& out, const Instance& instance);
/// VALUE.OBJECTWITHPATH (INSTANCEPATH + INSTANCE).
void appendObjectWithPath(std::string& out, const Instance& instance);

void appendQualifier(std::string& out, const Qualifier& qualifier);
/// QUALIFIER.DECLARATION with its SCOPE and default value.
void appendQualifierDeclaration(std::string& out, const QualifierDecl& decl);
void appendClass(std::string& out, const CimClass& cls);

}  // namespace wmimock::cimxml::detail
