#include "class_resolver.hpp"

#include <algorithm>
#include <string>

#include "value_conversion.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"

namespace wmimock::detail {

namespace {

QualifierList localQualifiers(const QualifierList& qualifiers) {
    QualifierList out;
    for (const Qualifier& q : qualifiers) {
        if (!q.propagated) out.set(q);
    }
    return out;
}

/// Adds the inheritable qualifiers of `inherited` that `local` does not override.
void inheritQualifiers(QualifierList& local, const QualifierList& inherited) {
    for (const Qualifier& q : inherited) {
        if (!q.flavor.toSubclass || local.has(q.name)) continue;
        Qualifier copy = q;
        copy.propagated = true;
        local.set(std::move(copy));
    }
}

template <class Element>
const Element* findLocal(const std::vector<Element>& elements, std::string_view name) {
    const auto it = std::find_if(elements.begin(), elements.end(),
                                 [&](const Element& e) { return !e.propagated && iequals(e.name, name); });
    return it == elements.end() ? nullptr : &*it;
}

PropertyDecl checkedLocalProperty(PropertyDecl property, const std::string& className) {
    property.classOrigin = className;
    property.propagated = false;
    property.qualifiers = localQualifiers(property.qualifiers);
    if (!property.defaultValue.isNull()) {
        property.defaultValue = convertToDeclared(property.defaultValue, property.type, property.isArray, [&] {
            return "default of property '" + className + "." + property.name + "'";
        });
    }
    return property;
}

MethodDecl checkedLocalMethod(MethodDecl method, const std::string& className) {
    method.classOrigin = className;
    method.propagated = false;
    method.qualifiers = localQualifiers(method.qualifiers);
    return method;
}

}  // namespace

CimClass resolveClass(const SchemaNamespace& nameSpace, const CimClass& declared) {
    if (declared.name.empty()) throw CimError(CimStatus::InvalidParameter, "a class needs a name");
    CimClass out;
    out.name = declared.name;
    out.superClass = declared.superClass;
    out.kind = declared.kind;
    out.qualifiers = localQualifiers(declared.qualifiers);
    if (out.qualifiers.isTrue("Association")) out.kind = ClassKind::Association;
    if (out.qualifiers.isTrue("Indication")) out.kind = ClassKind::Indication;

    ClassPtr super;
    if (!declared.superClass.empty()) {
        super = nameSpace.findClass(declared.superClass);
        if (!super) {
            throw CimError(CimStatus::InvalidSuperclass, "superclass '" + declared.superClass + "' of class '" +
                                                             declared.name + "' does not exist in namespace " +
                                                             nameSpace.name());
        }
        out.superClass = super->name;
        if (super->kind != ClassKind::Class) out.kind = super->kind;
        inheritQualifiers(out.qualifiers, super->qualifiers);
        out.derivation.push_back(super->name);
        out.derivation.insert(out.derivation.end(), super->derivation.begin(), super->derivation.end());

        for (const PropertyDecl& inherited : super->properties) {
            if (const PropertyDecl* local = findLocal(declared.properties, inherited.name)) {
                PropertyDecl merged = checkedLocalProperty(*local, out.name);
                inheritQualifiers(merged.qualifiers, inherited.qualifiers);
                if (merged.defaultValue.isNull()) merged.defaultValue = inherited.defaultValue;
                out.properties.push_back(std::move(merged));
            } else {
                PropertyDecl copy = inherited;
                copy.propagated = true;
                out.properties.push_back(std::move(copy));
            }
        }
        for (const MethodDecl& inherited : super->methods) {
            if (const MethodDecl* local = findLocal(declared.methods, inherited.name)) {
                MethodDecl merged = checkedLocalMethod(*local, out.name);
                inheritQualifiers(merged.qualifiers, inherited.qualifiers);
                out.methods.push_back(std::move(merged));
            } else {
                MethodDecl copy = inherited;
                copy.propagated = true;
                out.methods.push_back(std::move(copy));
            }
        }
    }
    for (const PropertyDecl& property : declared.properties) {
        if (property.propagated || (super && super->findProperty(property.name))) continue;
        if (out.findProperty(property.name)) {
            throw CimError(CimStatus::InvalidParameter,
                           "class '" + declared.name + "' declares property '" + property.name + "' twice");
        }
        out.properties.push_back(checkedLocalProperty(property, out.name));
    }
    for (const MethodDecl& method : declared.methods) {
        if (method.propagated || (super && super->findMethod(method.name))) continue;
        if (out.findMethod(method.name)) {
            throw CimError(CimStatus::InvalidParameter,
                           "class '" + declared.name + "' declares method '" + method.name + "' twice");
        }
        out.methods.push_back(checkedLocalMethod(method, out.name));
    }
    return out;
}

}  // namespace wmimock::detail
