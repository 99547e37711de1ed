#include "encode.hpp"

#include <charconv>
#include <string>

#include "wmimock/cim/error.hpp"
#include "wmimock/cimxml/codec.hpp"
#include "xml_text.hpp"

namespace wmimock::cimxml::detail {
namespace {

template <typename Number>
void appendNumber(std::string& out, Number number) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
    out.append(buffer, result.ptr);
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool isEmbedded(CimType type) noexcept {
    return type == CimType::Object || type == CimType::Instance;
}

std::string_view embeddedKind(CimType type) noexcept {
    return type == CimType::Instance ? "instance" : "object";
}

void appendTypeAttributes(std::string& out, const char* attributeName, CimType type) {
    appendAttribute(out, attributeName, xmlTypeName(type));
    if (isEmbedded(type)) appendAttribute(out, "EmbeddedObject", embeddedKind(type));
}

void appendKeyValue(std::string& out, const Value& value) {
    if (value.type() == CimType::Reference) {
        out += "<VALUE.REFERENCE>";
        appendReferenceTarget(out, value.asReference());
        out += "</VALUE.REFERENCE>";
        return;
    }
    const CimType type = value.type();
    std::string_view valueType = "string";
    if (type == CimType::Boolean) valueType = "boolean";
    if (isNumeric(type)) valueType = "numeric";
    out += "<KEYVALUE";
    appendAttribute(out, "VALUETYPE", valueType);
    appendAttribute(out, "TYPE", xmlTypeName(type));  // #REQUIRED since DSP0201 2.4
    out += '>';
    if (!value.isNull()) appendScalarText(out, value);
    out += "</KEYVALUE>";
}

void appendQualifiers(std::string& out, const QualifierList& qualifiers) {
    for (const auto& qualifier : qualifiers) appendQualifier(out, qualifier);
}

void appendOriginAttributes(std::string& out, std::string_view classOrigin, bool propagated) {
    if (!classOrigin.empty()) appendAttribute(out, "CLASSORIGIN", classOrigin);
    if (propagated) appendAttribute(out, "PROPAGATED", "true");
}

void appendArraySize(std::string& out, const std::optional<std::uint32_t>& arraySize) {
    if (!arraySize) return;
    out += " ARRAYSIZE=\"";
    appendNumber(out, *arraySize);
    out += '"';
}

void appendPropertyDecl(std::string& out, const PropertyDecl& property) {
    const char* tag = property.isReference() ? "PROPERTY.REFERENCE" : property.isArray ? "PROPERTY.ARRAY" : "PROPERTY";
    out += '<';
    out += tag;
    appendAttribute(out, "NAME", property.name);
    if (property.isReference()) {
        if (!property.referenceClass.empty()) appendAttribute(out, "REFERENCECLASS", property.referenceClass);
    } else {
        appendTypeAttributes(out, "TYPE", property.type);
        if (property.isArray) appendArraySize(out, property.arraySize);
    }
    appendOriginAttributes(out, property.classOrigin, property.propagated);
    out += '>';
    appendQualifiers(out, property.qualifiers);
    appendValue(out, property.defaultValue);
    out += "</";
    out += tag;
    out += '>';
}

void appendParameterDecl(std::string& out, const ParameterDecl& parameter) {
    const bool reference = parameter.type == CimType::Reference;
    const char* tag = reference ? (parameter.isArray ? "PARAMETER.REFARRAY" : "PARAMETER.REFERENCE")
                                : (parameter.isArray ? "PARAMETER.ARRAY" : "PARAMETER");
    out += '<';
    out += tag;
    appendAttribute(out, "NAME", parameter.name);
    if (reference) {
        if (!parameter.referenceClass.empty()) appendAttribute(out, "REFERENCECLASS", parameter.referenceClass);
    } else {
        // DSP0201 gives PARAMETER no EmbeddedObject attribute: an embedded parameter is a
        // string whose qualifier says what it holds.
        appendAttribute(out, "TYPE", xmlTypeName(parameter.type));
    }
    if (parameter.isArray) appendArraySize(out, parameter.arraySize);
    out += '>';
    appendQualifiers(out, parameter.qualifiers);
    if (isEmbedded(parameter.type) && !parameter.qualifiers.has("EmbeddedObject") &&
        !parameter.qualifiers.has("EmbeddedInstance")) {
        out += R"(<QUALIFIER NAME="EmbeddedObject" TYPE="boolean"><VALUE>TRUE</VALUE></QUALIFIER>)";
    }
    out += "</";
    out += tag;
    out += '>';
}

void appendMethodDecl(std::string& out, const MethodDecl& method) {
    out += "<METHOD";
    appendAttribute(out, "NAME", method.name);
    if (!method.returnsVoid) appendAttribute(out, "TYPE", xmlTypeName(method.returnType));  // DSP0201: #IMPLIED
    appendOriginAttributes(out, method.classOrigin, method.propagated);
    out += '>';
    appendQualifiers(out, method.qualifiers);
    for (const auto& parameter : method.parameters) appendParameterDecl(out, parameter);
    out += "</METHOD>";
}

}  // namespace

void appendScalarText(std::string& out, const Value& scalar) {
    switch (scalar.type()) {
        case CimType::Boolean:
            out += scalar.asBool() ? "TRUE" : "FALSE";
            return;
        case CimType::Sint8:
        case CimType::Sint16:
        case CimType::Sint32:
        case CimType::Sint64:
            appendNumber(out, scalar.asInt64());
            return;
        case CimType::Uint8:
        case CimType::Uint16:
        case CimType::Uint32:
        case CimType::Uint64:
            appendNumber(out, scalar.asUint64());
            return;
        case CimType::Real32:
            appendNumber(out, static_cast<float>(scalar.asReal()));
            return;
        case CimType::Real64:
            appendNumber(out, scalar.asReal());
            return;
        case CimType::Char16: {
            std::string utf8;
            appendUtf8(utf8, scalar.asChar16());
            appendEscaped(out, utf8);
            return;
        }
        case CimType::String:
            appendEscaped(out, scalar.asString());
            return;
        case CimType::DateTime:
            out += scalar.asDateTime().toString();
            return;
        case CimType::Reference:
            appendEscaped(out, scalar.asReference().toString());
            return;
        case CimType::Object:
        case CimType::Instance: {
            std::string embedded;
            appendInstance(embedded, scalar.asInstance());
            appendEscaped(out, embedded);
            return;
        }
    }
}

void appendValue(std::string& out, const Value& value) {
    if (value.isNull()) return;
    if (value.type() == CimType::Reference) {
        if (value.isArray()) {
            out += "<VALUE.REFARRAY>";
            for (const auto& element : value.asArray()) {
                out += "<VALUE.REFERENCE>";
                appendReferenceTarget(out, element.asReference());
                out += "</VALUE.REFERENCE>";
            }
            out += "</VALUE.REFARRAY>";
        } else {
            out += "<VALUE.REFERENCE>";
            appendReferenceTarget(out, value.asReference());
            out += "</VALUE.REFERENCE>";
        }
        return;
    }
    if (value.isArray()) {
        out += "<VALUE.ARRAY>";
        for (const auto& element : value.asArray()) {
            out += "<VALUE>";
            appendScalarText(out, element);
            out += "</VALUE>";
        }
        out += "</VALUE.ARRAY>";
        return;
    }
    out += "<VALUE>";
    appendScalarText(out, value);
    out += "</VALUE>";
}

void appendLocalNamespacePath(std::string& out, std::string_view nameSpace) {
    out += "<LOCALNAMESPACEPATH>";
    std::size_t start = 0;
    while (start <= nameSpace.size()) {
        const std::size_t slash = std::min(nameSpace.find('/', start), nameSpace.size());
        const auto segment = nameSpace.substr(start, slash - start);
        if (!segment.empty()) {
            out += "<NAMESPACE";
            appendAttribute(out, "NAME", segment);
            out += "/>";
        }
        start = slash + 1;
    }
    out += "</LOCALNAMESPACEPATH>";
}

void appendNamespacePath(std::string& out, std::string_view host, std::string_view nameSpace) {
    out += "<NAMESPACEPATH>";
    appendTextElement(out, "HOST", host.empty() ? std::string_view("localhost") : host);
    appendLocalNamespacePath(out, nameSpace);
    out += "</NAMESPACEPATH>";
}

void appendClassName(std::string& out, std::string_view className) {
    out += "<CLASSNAME";
    appendAttribute(out, "NAME", className);
    out += "/>";
}

void appendInstanceName(std::string& out, const ObjectPath& path) {
    out += "<INSTANCENAME";
    appendAttribute(out, "CLASSNAME", path.className());
    out += '>';
    for (const auto& key : path.keys()) {
        out += "<KEYBINDING";
        appendAttribute(out, "NAME", key.name);
        out += '>';
        appendKeyValue(out, key.value);
        out += "</KEYBINDING>";
    }
    out += "</INSTANCENAME>";
}

void appendFullPath(std::string& out, const ObjectPath& path) {
    if (path.isClassPath()) {
        out += "<CLASSPATH>";
        appendNamespacePath(out, path.host(), path.nameSpace());
        appendClassName(out, path.className());
        out += "</CLASSPATH>";
        return;
    }
    out += "<INSTANCEPATH>";
    appendNamespacePath(out, path.host(), path.nameSpace());
    appendInstanceName(out, path);
    out += "</INSTANCEPATH>";
}

void appendReferenceTarget(std::string& out, const ObjectPath& path) {
    if (!path.host().empty() && !path.nameSpace().empty()) {
        appendFullPath(out, path);
        return;
    }
    if (path.isClassPath()) {
        if (path.nameSpace().empty()) {
            appendClassName(out, path.className());
            return;
        }
        out += "<LOCALCLASSPATH>";
        appendLocalNamespacePath(out, path.nameSpace());
        appendClassName(out, path.className());
        out += "</LOCALCLASSPATH>";
        return;
    }
    if (path.nameSpace().empty()) {
        appendInstanceName(out, path);
        return;
    }
    out += "<LOCALINSTANCEPATH>";
    appendLocalNamespacePath(out, path.nameSpace());
    appendInstanceName(out, path);
    out += "</LOCALINSTANCEPATH>";
}

void appendInstance(std::string& out, const Instance& instance) {
    out += "<INSTANCE";
    appendAttribute(out, "CLASSNAME", instance.className());
    out += '>';
    for (const auto& property : instance.properties()) {
        const Value& value = property.value;
        const bool reference = value.type() == CimType::Reference;
        const char* tag = reference ? "PROPERTY.REFERENCE" : value.isArray() ? "PROPERTY.ARRAY" : "PROPERTY";
        if (reference && value.isArray()) {
            throw CimError(CimStatus::NotSupported, "CIM-XML has no element for the reference array property '" +
                                                        property.name + "' of " + instance.className());
        }
        out += '<';
        out += tag;
        appendAttribute(out, "NAME", property.name);
        if (!reference) appendTypeAttributes(out, "TYPE", value.type());
        out += '>';
        appendValue(out, value);
        out += "</";
        out += tag;
        out += '>';
    }
    out += "</INSTANCE>";
}

void appendNamedInstance(std::string& out, const Instance& instance) {
    out += "<VALUE.NAMEDINSTANCE>";
    appendInstanceName(out, instance.path());
    appendInstance(out, instance);
    out += "</VALUE.NAMEDINSTANCE>";
}

void appendObjectWithPath(std::string& out, const Instance& instance) {
    out += "<VALUE.OBJECTWITHPATH>";
    appendFullPath(out, instance.path());
    appendInstance(out, instance);
    out += "</VALUE.OBJECTWITHPATH>";
}

void appendQualifier(std::string& out, const Qualifier& qualifier) {
    out += "<QUALIFIER";
    appendAttribute(out, "NAME", qualifier.name);
    appendAttribute(out, "TYPE", xmlTypeName(qualifier.value.type()));
    if (qualifier.propagated) appendAttribute(out, "PROPAGATED", "true");
    if (!qualifier.flavor.overridable) appendAttribute(out, "OVERRIDABLE", "false");
    if (!qualifier.flavor.toSubclass) appendAttribute(out, "TOSUBCLASS", "false");
    if (qualifier.flavor.translatable) appendAttribute(out, "TRANSLATABLE", "true");
    if (qualifier.flavor.toInstance) appendAttribute(out, "TOINSTANCE", "true");
    if (qualifier.flavor.amended) appendAttribute(out, "AMENDED", "true");
    out += '>';
    appendValue(out, qualifier.value);
    out += "</QUALIFIER>";
}

void appendQualifierDeclaration(std::string& out, const QualifierDecl& decl) {
    out += "<QUALIFIER.DECLARATION";
    appendAttribute(out, "NAME", decl.name);
    appendAttribute(out, "TYPE", xmlTypeName(decl.type));
    if (decl.isArray) appendAttribute(out, "ISARRAY", "true");
    appendArraySize(out, decl.arraySize);
    if (!decl.flavor.overridable) appendAttribute(out, "OVERRIDABLE", "false");
    if (!decl.flavor.toSubclass) appendAttribute(out, "TOSUBCLASS", "false");
    if (decl.flavor.toInstance) appendAttribute(out, "TOINSTANCE", "true");
    if (decl.flavor.translatable) appendAttribute(out, "TRANSLATABLE", "true");
    out += "><SCOPE";
    // DSP0201 has no SCOPE attribute for the Qualifier scope; DSP0004's "any" sets all seven.
    const std::pair<Scope, const char*> scopes[] = {
        {Scope::Class, "CLASS"},          {Scope::Association, "ASSOCIATION"}, {Scope::Reference, "REFERENCE"},
        {Scope::Property, "PROPERTY"},    {Scope::Method, "METHOD"},           {Scope::Parameter, "PARAMETER"},
        {Scope::Indication, "INDICATION"}};
    for (const auto& [scope, attribute] : scopes) {
        if (hasScope(decl.scope, scope)) appendAttribute(out, attribute, "true");
    }
    out += "/>";
    appendValue(out, decl.defaultValue);
    out += "</QUALIFIER.DECLARATION>";
}

void appendClass(std::string& out, const CimClass& cls) {
    out += "<CLASS";
    appendAttribute(out, "NAME", cls.name);
    if (!cls.superClass.empty()) appendAttribute(out, "SUPERCLASS", cls.superClass);
    out += '>';
    appendQualifiers(out, cls.qualifiers);
    for (const auto& property : cls.properties) appendPropertyDecl(out, property);
    for (const auto& method : cls.methods) appendMethodDecl(out, method);
    out += "</CLASS>";
}

}  // namespace wmimock::cimxml::detail
