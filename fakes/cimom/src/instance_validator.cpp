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
        Value value = given != nullptr ? convertToDeclared(*given, decl, [&] { return propertyLabel(cls, decl); })
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

std::vector<KeyDecl> keyDecls(const CimClass& cls) {
    std::vector<KeyDecl> keys;
    for (const PropertyDecl& p : cls.properties) {
        if (p.isKey()) keys.push_back(KeyDecl{p.name, p.type});
    }
    return keys;
}

namespace {

bool isCanonical(const std::vector<KeyDecl>& keys, const ObjectPath& path, const CimClass& cls) {
    if (path.nameSpace().empty() || !path.host().empty() || path.className() != cls.name) return false;
    const std::vector<KeyBinding>& given = path.keys();
    if (given.size() != keys.size()) return false;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const Value& v = given[i].value;
        if (given[i].name != keys[i].name || !sameFamily(v.type(), keys[i].type)) return false;
        if (keys[i].type == CimType::Reference && !v.isNull() && !v.isArray() && v.asReference().nameSpace().empty()) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::optional<ObjectPath> canonicalInstancePath(const CimClass& cls, const std::vector<KeyDecl>* keys,
                                                const ObjectPath& path, std::string_view nameSpace) {
    std::vector<KeyDecl> computed;
    if (keys == nullptr) {
        computed = keyDecls(cls);
        keys = &computed;
    }
    if (isCanonical(*keys, path, cls)) return std::nullopt;
    ObjectPath out(path.nameSpace().empty() ? std::string(nameSpace) : path.nameSpace(), cls.name);
    out.setSingleton(path.isSingleton());
    for (const KeyDecl& decl : *keys) {
        const Value* given = path.key(decl.name);
        if (given == nullptr) continue;  // incomplete: the lookup will find nothing
        Value value = sameFamily(given->type(), decl.type) || given->isArray()
                          ? *given
                          : convertToDeclared(*given, decl.type, false, [&] { return "key '" + decl.name + "'"; });
        out.setKey(decl.name, qualifyReferences(value, out.nameSpace()));
    }
    // Keys the class does not declare stay, so that such a path matches nothing.
    for (const KeyBinding& key : path.keys()) {
        if (out.key(key.name) == nullptr) out.setKey(key.name, key.value);
    }
    return out;
}

}  // namespace wmimock::detail
