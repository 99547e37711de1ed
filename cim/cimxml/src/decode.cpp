#include "decode.hpp"

#include <charconv>
#include <cstring>
#include <string>

#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"

namespace wmimock::cimxml::detail {
namespace {

[[noreturn]] void invalid(const pugi::xml_node& node, std::string_view what) {
    std::string message = "CIM-XML ";
    message += node ? node.name() : "document";
    message += ": ";
    message += what;
    throw CimError(CimStatus::InvalidParameter, std::move(message));
}

bool parseBooleanAttribute(const pugi::xml_node& node, const char* name, bool fallback) {
    const auto attribute = node.attribute(name);
    if (!attribute) return fallback;
    const std::string_view text = attribute.value();
    if (iequals(text, "true")) return true;
    if (iequals(text, "false")) return false;
    invalid(node, std::string("attribute ") + name + " must be true or false, not '" + std::string(text) + "'");
}

std::optional<std::uint32_t> parseArraySize(const pugi::xml_node& node) {
    const auto attribute = node.attribute("ARRAYSIZE");
    if (!attribute) return std::nullopt;
    const std::string_view text = attribute.value();
    std::uint32_t size = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), size);
    if (result.ec != std::errc() || result.ptr != text.data() + text.size()) {
        invalid(node, "ARRAYSIZE '" + std::string(text) + "' is not a number");
    }
    return size;
}

/// TYPE (plus EmbeddedObject) of a PROPERTY / PARAMETER, string when TYPE is absent.
CimType declaredType(const pugi::xml_node& node, const char* typeAttribute = "TYPE") {
    const auto embedded = embeddedObjectAttribute(node);
    if (iequals(embedded, "instance")) return CimType::Instance;
    if (iequals(embedded, "object")) return CimType::Object;
    const auto attribute = node.attribute(typeAttribute);
    return attribute ? parseXmlType(attribute.value(), node) : CimType::String;
}

Value readKeyValue(const pugi::xml_node& node) {
    const std::string text = textOf(node);
    const auto typeAttribute = node.attribute("TYPE");
    if (typeAttribute) return Value::parse(parseXmlType(typeAttribute.value(), node), text);
    const std::string_view valueType = node.attribute("VALUETYPE") ? node.attribute("VALUETYPE").value() : "string";
    if (iequals(valueType, "string")) return Value::string(text);
    if (iequals(valueType, "boolean")) return Value::parse(CimType::Boolean, text);
    if (!iequals(valueType, "numeric")) invalid(node, "unknown VALUETYPE '" + std::string(valueType) + "'");
    if (text.find_first_of(".eE") != std::string::npos && text.find("0x") == std::string::npos &&
        text.find("0X") == std::string::npos) {
        return Value::parse(CimType::Real64, text);
    }
    return Value::parse(!text.empty() && text.front() == '-' ? CimType::Sint64 : CimType::Uint64, text);
}

KeyBinding readKeyBinding(const pugi::xml_node& node) {
    KeyBinding binding;
    binding.name = requiredAttribute(node, "NAME");
    const auto valueNode = firstElement(node);
    if (isElement(valueNode, "KEYVALUE")) {
        binding.value = readKeyValue(valueNode);
    } else if (isElement(valueNode, "VALUE.REFERENCE")) {
        binding.value = Value::reference(readAnyPath(valueNode));
    } else {
        invalid(node, "key '" + binding.name + "' needs a KEYVALUE or VALUE.REFERENCE");
    }
    return binding;
}

void expectElement(const pugi::xml_node& node, std::string_view name) {
    if (!isElement(node, name)) {
        invalid(node, "expected " + std::string(name) + (node ? "" : " but the element is missing"));
    }
}

/// NAMESPACEPATH: the host and the namespace.
std::pair<std::string, std::string> readNamespacePath(const pugi::xml_node& node) {
    expectElement(node, "NAMESPACEPATH");
    const auto host = node.child("HOST");
    const auto local = node.child("LOCALNAMESPACEPATH");
    if (!host || !local) invalid(node, "needs HOST and LOCALNAMESPACEPATH");
    return {textOf(host), readLocalNamespacePath(local)};
}

/// The first child that carries a value (VALUE, VALUE.ARRAY, ...), skipping QUALIFIERs.
pugi::xml_node valueChild(const pugi::xml_node& node) noexcept {
    for (auto child = node.first_child(); child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element) continue;
        if (std::strncmp(child.name(), "VALUE", 5) == 0) return child;
    }
    return {};
}

QualifierList readQualifiers(const pugi::xml_node& node, const DecodeLimits& limits) {
    QualifierList qualifiers;
    for (auto child = node.child("QUALIFIER"); child; child = child.next_sibling("QUALIFIER")) {
        qualifiers.set(readQualifier(child, limits));
    }
    return qualifiers;
}

PropertyDecl readPropertyDecl(const pugi::xml_node& node, const DecodeLimits& limits) {
    PropertyDecl property;
    property.name = requiredAttribute(node, "NAME");
    property.classOrigin = node.attribute("CLASSORIGIN").value();
    property.propagated = parseBooleanAttribute(node, "PROPAGATED", false);
    property.qualifiers = readQualifiers(node, limits);
    if (isElement(node, "PROPERTY.REFERENCE")) {
        property.type = CimType::Reference;
        property.referenceClass = node.attribute("REFERENCECLASS").value();
    } else {
        property.type = declaredType(node);
        property.isArray = isElement(node, "PROPERTY.ARRAY");
        property.arraySize = parseArraySize(node);
    }
    const auto value = valueChild(node);
    property.defaultValue =
        value ? readValue(value, property.type, limits) : Value::null(property.type, property.isArray);
    return property;
}

ParameterDecl readParameterDecl(const pugi::xml_node& node, const DecodeLimits& limits) {
    ParameterDecl parameter;
    parameter.name = requiredAttribute(node, "NAME");
    parameter.qualifiers = readQualifiers(node, limits);
    const std::string_view tag = node.name();
    if (tag == "PARAMETER.REFERENCE" || tag == "PARAMETER.REFARRAY") {
        parameter.type = CimType::Reference;
        parameter.referenceClass = node.attribute("REFERENCECLASS").value();
    } else {
        parameter.type = declaredType(node);
    }
    parameter.isArray = tag == "PARAMETER.ARRAY" || tag == "PARAMETER.REFARRAY";
    parameter.arraySize = parseArraySize(node);
    return parameter;
}

MethodDecl readMethodDecl(const pugi::xml_node& node, const DecodeLimits& limits) {
    MethodDecl method;
    method.name = requiredAttribute(node, "NAME");
    if (const auto type = node.attribute("TYPE")) {
        method.returnType = parseXmlType(type.value(), node);
    } else {
        method.returnsVoid = true;
    }
    method.classOrigin = node.attribute("CLASSORIGIN").value();
    method.propagated = parseBooleanAttribute(node, "PROPAGATED", false);
    method.qualifiers = readQualifiers(node, limits);
    for (auto child = node.first_child(); child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element || std::strncmp(child.name(), "PARAMETER", 9) != 0) continue;
        method.parameters.push_back(readParameterDecl(child, limits));
    }
    return method;
}

}  // namespace

bool isElement(const pugi::xml_node& node, std::string_view name) noexcept {
    return node.type() == pugi::node_element && name == node.name();
}

std::string textOf(const pugi::xml_node& node) {
    std::string text;
    for (auto child = node.first_child(); child; child = child.next_sibling()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) text += child.value();
    }
    return text;
}

std::string_view requiredAttribute(const pugi::xml_node& node, const char* name) {
    const auto attribute = node.attribute(name);
    if (!attribute) invalid(node, std::string("missing attribute ") + name);
    return attribute.value();
}

pugi::xml_node firstElement(const pugi::xml_node& node) noexcept {
    for (auto child = node.first_child(); child; child = child.next_sibling()) {
        if (child.type() == pugi::node_element) return child;
    }
    return {};
}

CimType parseXmlType(std::string_view name, const pugi::xml_node& where) {
    const auto type = parseCimType(name);
    if (!type) invalid(where, "unknown type '" + std::string(name) + "'");
    return *type;
}

std::string_view embeddedObjectAttribute(const pugi::xml_node& node) noexcept {
    if (const auto attribute = node.attribute("EmbeddedObject")) return attribute.value();
    return node.attribute("EMBEDDEDOBJECT").value();
}

void parseDocument(pugi::xml_document& doc, std::string_view xml, const DecodeLimits& limits) {
    checkXmlLimits(xml, limits);
    // Whitespace-only text is kept when it is an element's only child: "<VALUE> </VALUE>" is " ".
    const auto result = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single,
                                        pugi::encoding_utf8);
    if (!result) {
        throw CimError(CimStatus::InvalidParameter, std::string("malformed XML at byte ") +
                                                        std::to_string(result.offset) + ": " + result.description());
    }
}

Value parseScalar(CimType type, std::string_view text, const DecodeLimits& limits) {
    if (type != CimType::Object && type != CimType::Instance) return Value::parse(type, text);
    // An embedded object is a whole CIM-XML document in the text; each level of embedding
    // spends part of the depth budget so that nesting cannot recurse without bound.
    constexpr std::size_t kEmbeddingCost = 8;
    if (limits.maxDepth <= kEmbeddingCost) {
        throw CimError(CimStatus::InvalidParameter, "CIM-XML: embedded objects are nested too deeply");
    }
    DecodeLimits inner = limits;
    inner.maxDepth -= kEmbeddingCost;
    pugi::xml_document doc;
    parseDocument(doc, text, inner);
    const auto root = firstElement(doc);
    if (isElement(root, "CLASS")) {
        throw CimError(CimStatus::NotSupported, "CIM-XML: embedded classes are not supported, only embedded instances");
    }
    expectElement(root, "INSTANCE");
    return Value::embedded(readInstance(root, inner), type);
}

Value readValue(const pugi::xml_node& node, CimType type, const DecodeLimits& limits) {
    const std::string_view tag = node.name();
    if (tag == "VALUE") {
        if (type == CimType::Reference) return Value::reference(ObjectPath::parse(textOf(node)));
        return parseScalar(type, textOf(node), limits);
    }
    if (tag == "VALUE.NULL") return Value::null(type);
    if (tag == "VALUE.REFERENCE") return Value::reference(readAnyPath(node));
    if (tag == "VALUE.ARRAY" || tag == "VALUE.REFARRAY") {
        std::vector<Value> elements;
        for (auto child = node.first_child(); child; child = child.next_sibling()) {
            if (child.type() != pugi::node_element) continue;
            if (isElement(child, "VALUE.NULL")) invalid(node, "NULL array elements are not supported");
            elements.push_back(tag == "VALUE.ARRAY" ? readValue(child, type, limits)
                                                    : Value::reference(readAnyPath(child)));
        }
        return Value::array(tag == "VALUE.ARRAY" ? type : CimType::Reference, std::move(elements));
    }
    invalid(node, "is not a value element");
}

std::string readLocalNamespacePath(const pugi::xml_node& node) {
    expectElement(node, "LOCALNAMESPACEPATH");
    std::string nameSpace;
    for (auto child = node.child("NAMESPACE"); child; child = child.next_sibling("NAMESPACE")) {
        if (!nameSpace.empty()) nameSpace += '/';
        nameSpace += requiredAttribute(child, "NAME");
    }
    if (nameSpace.empty()) invalid(node, "names no namespace");
    return normalizeNamespace(nameSpace);
}

ObjectPath readInstanceName(const pugi::xml_node& node, std::string_view nameSpace) {
    expectElement(node, "INSTANCENAME");
    std::vector<KeyBinding> keys;
    for (auto child = node.first_child(); child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element) continue;
        if (!isElement(child, "KEYBINDING")) invalid(node, "unnamed key values are not supported");
        keys.push_back(readKeyBinding(child));
    }
    ObjectPath path(normalizeNamespace(nameSpace), std::string(requiredAttribute(node, "CLASSNAME")), std::move(keys));
    if (path.keys().empty()) path.setSingleton(true);
    return path;
}

ObjectPath readAnyPath(const pugi::xml_node& node) {
    const std::string_view tag = node.name();
    if (tag == "OBJECTPATH" || tag == "VALUE.REFERENCE") {
        const auto inner = firstElement(node);
        if (!inner) invalid(node, "is empty");
        return readAnyPath(inner);
    }
    if (tag == "INSTANCENAME") return readInstanceName(node, {});
    if (tag == "CLASSNAME") return ObjectPath({}, std::string(requiredAttribute(node, "NAME")));
    if (tag == "INSTANCEPATH" || tag == "CLASSPATH") {
        const auto [host, nameSpace] = readNamespacePath(firstElement(node));
        const auto name = firstElement(node).next_sibling();
        ObjectPath path = tag == "INSTANCEPATH"
                              ? (expectElement(name, "INSTANCENAME"), readInstanceName(name, nameSpace))
                              : (expectElement(name, "CLASSNAME"), readAnyPath(name));
        path.setNameSpace(nameSpace);
        path.setHost(host);
        return path;
    }
    if (tag == "LOCALINSTANCEPATH" || tag == "LOCALCLASSPATH") {
        const auto nameSpace = readLocalNamespacePath(firstElement(node));
        const auto name = firstElement(node).next_sibling();
        expectElement(name, tag == "LOCALINSTANCEPATH" ? "INSTANCENAME" : "CLASSNAME");
        ObjectPath path = readAnyPath(name);
        path.setNameSpace(nameSpace);
        return path;
    }
    invalid(node, "is not an object path element");
}

Instance readInstance(const pugi::xml_node& node, const DecodeLimits& limits) {
    expectElement(node, "INSTANCE");
    Instance instance{std::string(requiredAttribute(node, "CLASSNAME"))};
    for (auto child = node.first_child(); child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element) continue;
        const std::string_view tag = child.name();
        if (tag == "QUALIFIER") continue;
        const auto name = requiredAttribute(child, "NAME");
        const auto value = valueChild(child);
        if (tag == "PROPERTY" || tag == "PROPERTY.ARRAY") {
            const CimType type = declaredType(child);
            instance.set(name, value ? readValue(value, type, limits) : Value::null(type, tag == "PROPERTY.ARRAY"));
        } else if (tag == "PROPERTY.REFERENCE") {
            instance.set(name, value ? readValue(value, CimType::Reference, limits) : Value::null(CimType::Reference));
        } else {
            invalid(node, "unexpected child " + std::string(tag));
        }
    }
    return instance;
}

Instance readInstanceWithPath(const pugi::xml_node& node, std::string_view nameSpace, const DecodeLimits& limits) {
    const std::string_view tag = node.name();
    if (tag == "INSTANCE") return readInstance(node, limits);
    if (tag == "VALUE.OBJECT") return readInstanceWithPath(firstElement(node), nameSpace, limits);
    if (tag != "VALUE.NAMEDINSTANCE" && tag != "VALUE.OBJECTWITHPATH" && tag != "VALUE.INSTANCEWITHPATH" &&
        tag != "VALUE.OBJECTWITHLOCALPATH") {
        invalid(node, "is not an instance element");
    }
    const auto pathNode = firstElement(node);
    if (!pathNode) invalid(node, "is empty");
    ObjectPath path = readAnyPath(pathNode);
    if (path.nameSpace().empty()) path.setNameSpace(nameSpace);
    const auto instanceNode = pathNode.next_sibling();
    if (isElement(instanceNode, "CLASS")) {
        throw CimError(CimStatus::NotSupported, "CIM-XML: a class where an instance was expected");
    }
    Instance instance = readInstance(instanceNode, limits);
    instance.setPath(std::move(path));
    return instance;
}

Qualifier readQualifier(const pugi::xml_node& node, const DecodeLimits& limits) {
    Qualifier qualifier;
    qualifier.name = requiredAttribute(node, "NAME");
    const auto typeAttribute = node.attribute("TYPE");
    const CimType type = typeAttribute ? parseXmlType(typeAttribute.value(), node) : CimType::String;
    qualifier.propagated = parseBooleanAttribute(node, "PROPAGATED", false);
    qualifier.flavor.overridable = parseBooleanAttribute(node, "OVERRIDABLE", true);
    qualifier.flavor.toSubclass = parseBooleanAttribute(node, "TOSUBCLASS", true);
    qualifier.flavor.translatable = parseBooleanAttribute(node, "TRANSLATABLE", false);
    qualifier.flavor.toInstance = parseBooleanAttribute(node, "TOINSTANCE", false);
    qualifier.flavor.amended = parseBooleanAttribute(node, "AMENDED", false);
    const auto value = valueChild(node);
    qualifier.value = value ? readValue(value, type, limits) : Value::null(type);
    return qualifier;
}

QualifierDecl readQualifierDeclaration(const pugi::xml_node& node, const DecodeLimits& limits) {
    expectElement(node, "QUALIFIER.DECLARATION");
    QualifierDecl decl;
    decl.name = requiredAttribute(node, "NAME");
    decl.type = parseXmlType(requiredAttribute(node, "TYPE"), node);
    decl.isArray = parseBooleanAttribute(node, "ISARRAY", false);
    decl.arraySize = parseArraySize(node);
    if (decl.arraySize) decl.isArray = true;
    decl.flavor.overridable = parseBooleanAttribute(node, "OVERRIDABLE", true);
    decl.flavor.toSubclass = parseBooleanAttribute(node, "TOSUBCLASS", true);
    decl.flavor.toInstance = parseBooleanAttribute(node, "TOINSTANCE", false);
    decl.flavor.translatable = parseBooleanAttribute(node, "TRANSLATABLE", false);
    if (const auto scope = node.child("SCOPE")) {
        const std::pair<Scope, const char*> scopes[] = {
            {Scope::Class, "CLASS"},          {Scope::Association, "ASSOCIATION"}, {Scope::Reference, "REFERENCE"},
            {Scope::Property, "PROPERTY"},    {Scope::Method, "METHOD"},           {Scope::Parameter, "PARAMETER"},
            {Scope::Indication, "INDICATION"}};
        for (const auto& [flag, attribute] : scopes) {
            if (parseBooleanAttribute(scope, attribute, false)) decl.scope = decl.scope | flag;
        }
    }
    const auto value = valueChild(node);
    decl.defaultValue = value ? readValue(value, decl.type, limits) : Value::null(decl.type, decl.isArray);
    return decl;
}

CimClass readClass(const pugi::xml_node& node, const DecodeLimits& limits) {
    expectElement(node, "CLASS");
    CimClass cls;
    cls.name = requiredAttribute(node, "NAME");
    cls.superClass = node.attribute("SUPERCLASS").value();
    cls.qualifiers = readQualifiers(node, limits);
    if (cls.qualifiers.isTrue("Association")) cls.kind = ClassKind::Association;
    if (cls.qualifiers.isTrue("Indication")) cls.kind = ClassKind::Indication;
    for (auto child = node.first_child(); child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element) continue;
        const std::string_view tag = child.name();
        if (tag == "PROPERTY" || tag == "PROPERTY.ARRAY" || tag == "PROPERTY.REFERENCE") {
            cls.properties.push_back(readPropertyDecl(child, limits));
        } else if (tag == "METHOD") {
            cls.methods.push_back(readMethodDecl(child, limits));
        } else if (tag != "QUALIFIER") {
            invalid(node, "unexpected child " + std::string(tag));
        }
    }
    return cls;
}

WireParam readWireParam(const pugi::xml_node& node, std::string_view nameSpace) {
    WireParam param;
    if (!isElement(node, "RETURNVALUE")) param.name = requiredAttribute(node, "NAME");
    if (const auto type = node.attribute("PARAMTYPE")) param.wireType = parseXmlType(type.value(), node);
    param.embeddedObject = embeddedObjectAttribute(node);
    const auto value = firstElement(node);
    if (!value) return param;
    const std::string_view tag = value.name();
    if (tag == "VALUE") {
        param.kind = WireParam::Kind::Value;
        param.texts.push_back(textOf(value));
    } else if (tag == "VALUE.ARRAY") {
        param.kind = WireParam::Kind::ValueArray;
        for (auto element = value.first_child(); element; element = element.next_sibling()) {
            if (element.type() != pugi::node_element) continue;
            if (!isElement(element, "VALUE")) {
                throw CimError(CimStatus::InvalidParameter,
                               "parameter '" + param.name + "': VALUE.ARRAY may only hold VALUE elements here");
            }
            param.texts.push_back(textOf(element));
        }
    } else if (tag == "VALUE.REFERENCE") {
        param.kind = WireParam::Kind::Reference;
        param.paths.push_back(readAnyPath(value));
    } else if (tag == "VALUE.REFARRAY") {
        param.kind = WireParam::Kind::ReferenceArray;
        for (auto element = value.child("VALUE.REFERENCE"); element;
             element = element.next_sibling("VALUE.REFERENCE")) {
            param.paths.push_back(readAnyPath(element));
        }
    } else if (tag == "CLASSNAME") {
        param.kind = WireParam::Kind::ClassName;
        param.className = requiredAttribute(value, "NAME");
    } else if (tag == "INSTANCENAME") {
        param.kind = WireParam::Kind::InstanceName;
        param.paths.push_back(readInstanceName(value, nameSpace));
    } else if (tag == "INSTANCE" || tag == "VALUE.NAMEDINSTANCE") {
        param.kind = WireParam::Kind::Instance;
        param.instance = readInstanceWithPath(value, nameSpace, {});
    } else if (tag == "CLASS") {
        param.kind = WireParam::Kind::Class;
        param.cimClass = readClass(value, {});
    } else if (tag == "QUALIFIER.DECLARATION") {
        param.kind = WireParam::Kind::QualifierDeclaration;
        param.qualifierDeclaration = readQualifierDeclaration(value, {});
    } else if (tag != "VALUE.NULL") {
        throw CimError(CimStatus::NotSupported,
                       "parameter '" + param.name + "': " + std::string(tag) + " values are not supported");
    }
    return param;
}

}  // namespace wmimock::cimxml::detail
