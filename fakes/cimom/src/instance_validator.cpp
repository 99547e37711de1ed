#include "instance_validator.hpp"

#include <string>

#include "value_conversion.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"

namespace wmimock::detail {

namespace {

std::string propertyLabel(const CimClass& cls, const PropertyDecl& decl) {
    return "property '" + cls.name + "." + decl.name + "'";
}

/// Integers, reals, booleans... are one family; a key of another family needs converting.
bool sameFamily(CimType a, CimType b) noexcept {
    if (a == b) return true;
    if (isInteger(a) && isInteger(b)) return true;
    if (isReal(a) && isReal(b)) return true;
    return false;
}

}  // namespace

Instance validateInstance(const CimClass& cls, const Instance& instance, std::string_view nameSpace) {
    if (cls.isAbstract()) {
        throw CimError(CimStatus::InvalidClass, "class '" + cls.name + "' is abstract and cannot have instances");
    }
    for (const PropertyValue& given : instance.properties()) {
        if (isSystemPropertyName(given.name)) continue;
        if (cls.findProperty(given.name) == nullptr) {
            throw CimError(CimStatus::InvalidParameter,
                           "class '" + cls.name + "' has no property '" + given.name + "'");
        }
    }
    Instance out(cls.name);
    for (const PropertyDecl& decl : cls.properties) {
        const Value* given = instance.find(decl.name);
        Value value = given != nullptr ? convertToDeclared(*given, decl.type, decl.isArray, propertyLabel(cls, decl))
                      : decl.defaultValue.isNull() ? Value::null(decl.type, decl.isArray)
                                                   : decl.defaultValue;
        if (value.isNull() && decl.qualifiers.isTrue("Required")) {
            throw CimError(CimStatus::InvalidParameter, propertyLabel(cls, decl) + " is Required but NULL");
        }
        out.set(decl.name, qualifyReferences(value, nameSpace));
    }
    ObjectPath path = cls.pathOf(out, nameSpace);
    if (path.isClassPath()) {
        throw CimError(CimStatus::InvalidClass, "class '" + cls.name +
                                                    "' has no key properties and is not a Singleton: its instances "
                                                    "cannot be named");
    }
    out.setPath(std::move(path));
    return out;
}

std::optional<ObjectPath> canonicalInstancePath(const CimClass& cls, const ObjectPath& path,
                                                std::string_view nameSpace) {
    bool needsWork = path.nameSpace().empty() || !path.host().empty() || path.className() != cls.name;
    if (!needsWork) {
        for (const KeyBinding& key : path.keys()) {
            const PropertyDecl* decl = cls.findProperty(key.name);
            if (decl == nullptr) continue;
            if (!sameFamily(key.value.type(), decl->type) ||
                (decl->isReference() && !key.value.isNull() && key.value.asReference().nameSpace().empty())) {
                needsWork = true;
                break;
            }
        }
    }
    if (!needsWork) return std::nullopt;
    ObjectPath out(path.nameSpace().empty() ? std::string(nameSpace) : path.nameSpace(), cls.name);
    out.setSingleton(path.isSingleton());
    for (const KeyBinding& key : path.keys()) {
        const PropertyDecl* decl = cls.findProperty(key.name);
        if (decl == nullptr || decl->isArray) {
            out.setKey(key.name, key.value);
            continue;
        }
        std::string name = decl->name;
        Value value = sameFamily(key.value.type(), decl->type)
                          ? key.value
                          : convertToDeclared(key.value, decl->type, false, "key '" + decl->name + "'");
        out.setKey(std::move(name), qualifyReferences(value, out.nameSpace()));
    }
    return out;
}

}  // namespace wmimock::detail
