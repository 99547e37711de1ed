#include "representation.hpp"

#include "soap.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"
#include "xsd_datetime.hpp"

namespace wmimock::wsman::detail {
namespace {

std::string scalarText(const Value& value) {
    if (value.type() == CimType::Boolean) return value.asBool() ? "true" : "false";
    return value.toText();
}

void writeScalar(pugi::xml_node element, const Value& value, std::string_view nameSpace, const Naming& naming) {
    switch (value.type()) {
        case CimType::DateTime: {
            const CimDateTime& when = value.asDateTime();
            if (when.isInterval() && !when.hasWildcards()) {
                appendText(element, "cim:Interval", toXsdDuration(when));
            } else if (const auto text = toXsdDateTime(when)) {
                appendText(element, "cim:Datetime", *text);
            } else {
                appendText(element, "cim:CIM_DateTime", when.toString());
            }
            return;
        }
        case CimType::Reference:
            writeEndpointReference(element, value.asReference(), nameSpace, naming);
            return;
        case CimType::Object:
        case CimType::Instance:
            // The receiver may not know the embedded class: its properties carry their types.
            writeInstance(element, value.asInstance(), nameSpace, naming, true);
            return;
        default:
            element.append_child(pugi::node_pcdata).set_value(scalarText(value).c_str());
    }
}

bool isEndpointReference(pugi::xml_node node) {
    return childOf(node, xmlns::kAddressing, "ReferenceParameters") ||
           childOf(node, xmlns::kAddressing, "EndpointReference");
}

/// A datetime child (cim:Datetime, cim:Interval, cim:CIM_DateTime, cim:Date), or none.
pugi::xml_node datetimeChild(pugi::xml_node node) {
    for (const char* name : {"Datetime", "Interval", "CIM_DateTime", "Date"}) {
        if (pugi::xml_node child = childOf(node, xmlns::kCimCommon, name)) return child;
    }
    return {};
}

CimDateTime readDateTime(pugi::xml_node element) {
    const pugi::xml_node child = datetimeChild(element);
    if (!child) return CimDateTime::parse(trimmedText(element));  // the bare CIM text
    const std::string text = trimmedText(child);
    const std::string_view kind = localName(child.name());
    if (kind == "Interval") return fromXsdDuration(text);
    if (kind == "CIM_DateTime") return CimDateTime::parse(text);
    if (kind == "Date")
        return fromXsdDateTime(text.substr(0, 10) + "T00:00:00" + text.substr(std::min<std::size_t>(10, text.size())));
    return fromXsdDateTime(text);
}

Value readScalar(pugi::xml_node element, CimType type, std::string_view nameSpace, const ClassLookup& lookup) {
    switch (type) {
        case CimType::DateTime:
            return Value::dateTime(readDateTime(element));
        case CimType::Reference: {
            if (isEndpointReference(element))
                return Value::reference(readEndpointReference(element, nameSpace, lookup));
            return Value::parse(CimType::Reference, trimmedText(element));
        }
        case CimType::Object:
        case CimType::Instance: {
            const pugi::xml_node inner = firstElement(element);
            if (!inner) {
                throw CimError(CimStatus::InvalidParameter,
                               "'" + std::string(localName(element.name())) + "' should hold an embedded instance");
            }
            return Value::embedded(readInstance(inner, nameSpace, lookup), type);
        }
        case CimType::String:
            return Value::string(element.text().get());
        default:
            return Value::parse(type, trimmedText(element));
    }
}

Value readUntypedScalar(pugi::xml_node element, std::string_view nameSpace, const ClassLookup& lookup) {
    if (isEndpointReference(element)) return Value::reference(readEndpointReference(element, nameSpace, lookup));
    if (datetimeChild(element)) return Value::dateTime(readDateTime(element));
    if (const pugi::xml_node inner = firstElement(element))
        return Value::embedded(readInstance(inner, nameSpace, lookup));
    return Value::string(element.text().get());
}

const CimClass* find(const ClassLookup& lookup, std::string_view nameSpace, std::string_view className) {
    return lookup ? lookup(nameSpace, className) : nullptr;
}

constexpr std::pair<CimType, std::string_view> kWsCimTypes[] = {
    {CimType::Boolean, "cimBoolean"},      {CimType::Sint8, "cimByte"},
    {CimType::Uint8, "cimUnsignedByte"},   {CimType::Sint16, "cimShort"},
    {CimType::Uint16, "cimUnsignedShort"}, {CimType::Sint32, "cimInt"},
    {CimType::Uint32, "cimUnsignedInt"},   {CimType::Sint64, "cimLong"},
    {CimType::Uint64, "cimUnsignedLong"},  {CimType::Real32, "cimFloat"},
    {CimType::Real64, "cimDouble"},        {CimType::Char16, "cimChar16"},
    {CimType::String, "cimString"},        {CimType::DateTime, "cimDateTime"},
    {CimType::Reference, "cimReference"},  {CimType::Instance, "cimAnySimpleType"},
};

}  // namespace

std::string_view wsCimTypeName(CimType type) noexcept {
    for (const auto& [t, name] : kWsCimTypes) {
        if (t == type) return name;
    }
    return "cimAnySimpleType";
}

std::optional<CimType> fromWsCimTypeName(std::string_view name) noexcept {
    for (const auto& [t, n] : kWsCimTypes) {
        if (n == name && t != CimType::Instance) return t;
    }
    return std::nullopt;
}

void writeValue(pugi::xml_node parent, const char* qualifiedName, const Value& value, std::string_view nameSpace,
                const Naming& naming) {
    if (value.isNull()) {
        parent.append_child(qualifiedName).append_attribute("xsi:nil") = "true";
        return;
    }
    if (!value.isArray()) {
        writeScalar(parent.append_child(qualifiedName), value, nameSpace, naming);
        return;
    }
    for (const Value& element : value.asArray())
        writeScalar(parent.append_child(qualifiedName), element, nameSpace, naming);
}

pugi::xml_node writeInstance(pugi::xml_node parent, const Instance& instance, std::string_view nameSpace,
                             const Naming& naming, bool typed) {
    const std::string_view instanceNamespace =
        instance.path().nameSpace().empty() ? nameSpace : std::string_view(instance.path().nameSpace());
    pugi::xml_node element = parent.append_child(("p:" + instance.className()).c_str());
    element.append_attribute("xmlns:p") = resourceUri(naming.style, instanceNamespace, instance.className()).c_str();
    for (const PropertyValue& property : instance.properties()) {
        const pugi::xml_node last = element.last_child();
        writeValue(element, ("p:" + property.name).c_str(), property.value, instanceNamespace, naming);
        if (!typed) continue;
        const std::string type = "cim:" + std::string(wsCimTypeName(property.value.type()));
        for (pugi::xml_node n = last ? last.next_sibling() : element.first_child(); n; n = n.next_sibling()) {
            n.append_attribute("xsi:type") = type.c_str();
        }
    }
    return element;
}

void writeEndpointReference(pugi::xml_node epr, const ObjectPath& path, std::string_view defaultNamespace,
                            const Naming& naming) {
    ObjectPath located = path;
    if (located.nameSpace().empty()) located.setNameSpace(defaultNamespace);
    appendText(epr, "wsa:Address", naming.address);
    pugi::xml_node parameters = epr.append_child("wsa:ReferenceParameters");
    appendText(parameters, "wsman:ResourceURI", resourceUri(naming.style, located.nameSpace(), located.className()));
    writeSelectors(parameters.append_child("wsman:SelectorSet"), located, naming);
}

void writeSelectors(pugi::xml_node selectorSet, const ObjectPath& path, const Naming& naming) {
    for (const KeyBinding& key : path.keys()) {
        pugi::xml_node selector = selectorSet.append_child("wsman:Selector");
        selector.append_attribute("Name") = key.name.c_str();
        if (key.value.type() == CimType::Reference && !key.value.isNull()) {
            writeEndpointReference(selector.append_child("wsa:EndpointReference"), key.value.asReference(),
                                   path.nameSpace(), naming);
        } else if (!key.value.isNull()) {
            selector.append_child(pugi::node_pcdata).set_value(scalarText(key.value).c_str());
        }
    }
    if (naming.style == UriStyle::Dmtf && !path.nameSpace().empty()) {
        pugi::xml_node selector = appendText(selectorSet, "wsman:Selector", path.nameSpace());
        selector.append_attribute("Name") = std::string(kNamespaceSelector).c_str();
    }
}

Value readValue(const std::vector<pugi::xml_node>& elements, CimType type, bool isArray, std::string_view nameSpace,
                const ClassLookup& lookup) {
    if (elements.empty() || (elements.size() == 1 && isNil(elements.front()))) return Value::null(type, isArray);
    if (!isArray) {
        if (elements.size() > 1) {
            throw CimError(CimStatus::InvalidParameter, "'" + std::string(localName(elements.front().name())) +
                                                            "' is not an array but appears " +
                                                            std::to_string(elements.size()) + " times");
        }
        return readScalar(elements.front(), type, nameSpace, lookup);
    }
    std::vector<Value> values;
    values.reserve(elements.size());
    for (const pugi::xml_node element : elements) values.push_back(readScalar(element, type, nameSpace, lookup));
    return Value::array(type, std::move(values));
}

Value readUntypedValue(const std::vector<pugi::xml_node>& elements, std::string_view nameSpace,
                       const ClassLookup& lookup) {
    // xsi:type="cim:cimUnsignedInt" (embedded instances, WinRM's error details) types it.
    if (!elements.empty()) {
        const std::string_view xsiType = localName(attributeOf(elements.front(), xmlns::kXsi, "type").value());
        if (const auto type = fromWsCimTypeName(xsiType)) {
            return readValue(elements, *type, elements.size() > 1, nameSpace, lookup);
        }
    }
    if (elements.empty() || (elements.size() == 1 && isNil(elements.front()))) return Value::null(CimType::String);
    if (elements.size() == 1) return readUntypedScalar(elements.front(), nameSpace, lookup);
    std::vector<Value> values;
    for (const pugi::xml_node element : elements) values.push_back(readUntypedScalar(element, nameSpace, lookup));
    const CimType type = values.front().type();
    for (Value& v : values) v = v.convertTo(type, false);
    return Value::array(type, std::move(values));
}

Instance readInstance(pugi::xml_node element, std::string_view nameSpace, const ClassLookup& lookup) {
    const std::string className(localName(element.name()));
    Instance instance(className);
    const CimClass* cls = find(lookup, nameSpace, className);
    // Group the property elements by name, keeping their order of first appearance.
    std::vector<std::pair<std::string, std::vector<pugi::xml_node>>> groups;
    for (pugi::xml_node child = element.first_child(); child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element) continue;
        const std::string_view name = localName(child.name());
        auto group = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return iequals(g.first, name); });
        if (group == groups.end()) {
            groups.emplace_back(std::string(name), std::vector<pugi::xml_node>{});
            group = std::prev(groups.end());
        }
        group->second.push_back(child);
    }
    for (const auto& [name, elements] : groups) {
        const PropertyDecl* declared = cls != nullptr ? cls->findProperty(name) : nullptr;
        if (declared != nullptr) {
            instance.set(declared->name,
                         readValue(elements, declared->valueType(), declared->isArray, nameSpace, lookup));
        } else {
            instance.set(name, readUntypedValue(elements, nameSpace, lookup));
        }
    }
    return instance;
}

ObjectPath readEndpointReference(pugi::xml_node epr, std::string_view defaultNamespace, const ClassLookup& lookup) {
    if (const pugi::xml_node inner = childOf(epr, xmlns::kAddressing, "EndpointReference")) epr = inner;
    const pugi::xml_node parameters = childOf(epr, xmlns::kAddressing, "ReferenceParameters");
    const pugi::xml_node uriNode = childOf(parameters, xmlns::kWsman, "ResourceURI");
    if (!uriNode) {
        throw CimError(CimStatus::InvalidParameter,
                       "an endpoint reference needs wsa:ReferenceParameters with a wsman:ResourceURI");
    }
    const std::string uri = trimmedText(uriNode);
    const auto address = parseResourceUri(uri);
    if (!address || address->className.empty() || address->classDefinition) {
        throw CimError(CimStatus::InvalidParameter,
                       "the endpoint reference's resource URI '" + uri + "' does not name a CIM class");
    }
    const pugi::xml_node selectors = childOf(parameters, xmlns::kWsman, "SelectorSet");
    std::string nameSpace = address->style == UriStyle::Wmi ? address->nameSpace : namespaceSelector(selectors);
    if (nameSpace.empty()) nameSpace = std::string(defaultNamespace);
    return readSelectors(selectors, nameSpace, address->className, lookup);
}

ObjectPath readSelectors(pugi::xml_node selectorSet, std::string_view nameSpace, std::string_view className,
                         const ClassLookup& lookup) {
    ObjectPath path{std::string(nameSpace), std::string(className)};
    const CimClass* cls = find(lookup, nameSpace, className);
    for (pugi::xml_node selector = selectorSet.first_child(); selector; selector = selector.next_sibling()) {
        if (!is(selector, xmlns::kWsman, "Selector")) continue;
        const std::string name = selector.attribute("Name").value();
        if (name.empty()) throw CimError(CimStatus::InvalidParameter, "a wsman:Selector without a Name");
        if (iequals(name, kNamespaceSelector)) continue;
        if (isEndpointReference(selector)) {
            path.setKey(name, Value::reference(readEndpointReference(selector, nameSpace, lookup)));
            continue;
        }
        const PropertyDecl* declared = cls != nullptr ? cls->findProperty(name) : nullptr;
        const std::string text = selector.text().get();
        path.setKey(declared != nullptr ? declared->name : name,
                    declared != nullptr ? Value::parse(declared->type, text) : Value::string(text));
    }
    return path;
}

std::string namespaceSelector(pugi::xml_node selectorSet) {
    for (pugi::xml_node selector = selectorSet.first_child(); selector; selector = selector.next_sibling()) {
        if (is(selector, xmlns::kWsman, "Selector") &&
            iequals(selector.attribute("Name").value(), kNamespaceSelector)) {
            return normalizeNamespace(trimmedText(selector));
        }
    }
    return {};
}

std::vector<pugi::xml_node> elementsNamed(pugi::xml_node parent, std::string_view name) {
    std::vector<pugi::xml_node> found;
    for (pugi::xml_node child = parent.first_child(); child; child = child.next_sibling()) {
        if (child.type() == pugi::node_element && iequals(localName(child.name()), name)) found.push_back(child);
    }
    return found;
}

}  // namespace wmimock::wsman::detail
