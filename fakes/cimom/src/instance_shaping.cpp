#include "instance_shaping.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "instance_validator.hpp"
#include "wmimock/cim/names.hpp"

namespace wmimock::detail {

namespace {

bool listed(const std::vector<std::string>& names, std::string_view name) {
    return std::any_of(names.begin(), names.end(), [&](const std::string& n) { return iequals(n, name); });
}

std::string wmiNamespace(std::string_view nameSpace) {
    std::string out(nameSpace);
    std::replace(out.begin(), out.end(), '/', '\\');
    return out;
}

constexpr std::string_view kSystemProperties[] = {
    "__GENUS",          "__CLASS",      "__SUPERCLASS", "__DYNASTY",   "__RELPATH",
    "__PROPERTY_COUNT", "__DERIVATION", "__SERVER",     "__NAMESPACE", "__PATH",
};

std::size_t ordinaryPropertyCount(const Instance& instance) {
    return static_cast<std::size_t>(
        std::count_if(instance.properties().begin(), instance.properties().end(),
                      [](const PropertyValue& p) { return !isSystemPropertyName(p.name); }));
}

}  // namespace

Value systemProperty(const Instance& instance, const CimClass& cls, std::string_view name, std::string_view nameSpace,
                     std::string_view host) {
    if (iequals(name, "__GENUS")) return Value::sint32(2);  // 2 = instance, 1 = class
    if (iequals(name, "__CLASS")) return Value::string(cls.name);
    if (iequals(name, "__SUPERCLASS")) {
        return cls.superClass.empty() ? Value::null(CimType::String) : Value::string(cls.superClass);
    }
    if (iequals(name, "__DYNASTY")) return Value::string(cls.derivation.empty() ? cls.name : cls.derivation.back());
    if (iequals(name, "__RELPATH")) return Value::string(instance.path().toRelativeString());
    if (iequals(name, "__PROPERTY_COUNT")) {
        return Value::sint32(static_cast<std::int32_t>(ordinaryPropertyCount(instance)));
    }
    if (iequals(name, "__DERIVATION")) {
        std::vector<Value> chain;
        for (const std::string& ancestor : cls.derivation) chain.push_back(Value::string(ancestor));
        return Value::array(CimType::String, std::move(chain));
    }
    if (iequals(name, "__SERVER")) return Value::string(std::string(host));
    if (iequals(name, "__NAMESPACE")) return Value::string(wmiNamespace(nameSpace));
    if (iequals(name, "__PATH")) {
        ObjectPath full = instance.path();
        full.setHost(std::string(host));
        if (full.nameSpace().empty()) full.setNameSpace(nameSpace);
        return Value::string(full.toWmiString());
    }
    return Value::null(CimType::String);
}

void addSystemProperties(Instance& instance, const CimClass& cls, std::string_view nameSpace, std::string_view host) {
    const Instance plain = instance;  // system values are computed from the ordinary properties
    for (std::string_view name : kSystemProperties) {
        instance.set(name, systemProperty(plain, cls, name, nameSpace, host));
    }
}

Instance shapeInstance(const Instance& instance, const ShapeRequest& request) {
    if (!request.changesAnything()) return instance;
    const bool filtered = request.propertyList != nullptr && request.propertyList->has_value();
    Instance out(instance.className());
    out.setPath(instance.path());
    for (const PropertyValue& p : instance.properties()) {
        if (isSystemPropertyName(p.name)) continue;
        if (filtered && !listed(**request.propertyList, p.name)) continue;
        if (request.requestedClass != nullptr && request.requestedClass->findProperty(p.name) == nullptr) continue;
        out.set(p.name, p.value);
    }
    if (request.systemProperties && request.instanceClass != nullptr) {
        // __PROPERTY_COUNT counts the class's properties, not what the filter left.
        const Instance full = filtered || request.requestedClass != nullptr ? instance : out;
        for (std::string_view name : kSystemProperties) {
            out.set(name, systemProperty(full, *request.instanceClass, name, request.nameSpace, request.host));
        }
    }
    return out;
}

CimClass shapeClass(const CimClass& cls, const GetClassOptions& options) {
    CimClass out;
    out.name = cls.name;
    out.superClass = cls.superClass;
    out.kind = cls.kind;
    out.derivation = cls.derivation;
    const bool filtered = options.propertyList.has_value();
    // LocalOnly drops inherited class qualifiers; qualifiers of the properties and methods
    // that remain are kept whole (an overridden key property stays a Key).
    auto keepQualifiers = [&](const QualifierList& qualifiers, bool classLevel) {
        QualifierList kept;
        if (!options.includeQualifiers) return kept;
        for (const Qualifier& q : qualifiers) {
            if (classLevel && options.localOnly && q.propagated) continue;
            kept.set(q);
        }
        return kept;
    };
    out.qualifiers = keepQualifiers(cls.qualifiers, true);
    for (const PropertyDecl& p : cls.properties) {
        if (options.localOnly && p.propagated) continue;
        if (filtered && !listed(*options.propertyList, p.name)) continue;
        PropertyDecl copy = p;
        copy.qualifiers = keepQualifiers(p.qualifiers, false);
        if (!options.includeClassOrigin) copy.classOrigin.clear();
        out.properties.push_back(std::move(copy));
    }
    for (const MethodDecl& m : cls.methods) {
        if (options.localOnly && m.propagated) continue;
        MethodDecl copy = m;
        copy.qualifiers = keepQualifiers(m.qualifiers, false);
        if (!options.includeQualifiers) {
            for (ParameterDecl& parameter : copy.parameters) parameter.qualifiers = QualifierList{};
        }
        if (!options.includeClassOrigin) copy.classOrigin.clear();
        out.methods.push_back(std::move(copy));
    }
    return out;
}

}  // namespace wmimock::detail
