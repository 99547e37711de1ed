#include "wmimock/cim/cim_class.hpp"

#include "wmimock/cim/error.hpp"
#include "wmimock/cim/instance.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/cim/object_path.hpp"

namespace wmimock {

CimType embeddedValueType(CimType declared, const QualifierList& qualifiers) noexcept {
    if (declared != CimType::String) return declared;
    if (const Qualifier* q = qualifiers.find("EmbeddedInstance");
        q != nullptr && !q->value.isNull() && !q->value.isArray() && q->value.type() == CimType::String) {
        return CimType::Instance;
    }
    if (qualifiers.isTrue("EmbeddedObject")) return CimType::Object;
    return declared;
}

bool ParameterDecl::isIn() const noexcept {
    const Qualifier* in = qualifiers.find("In");
    if (in == nullptr || in->value.isNull() || in->value.isArray() || in->value.type() != CimType::Boolean) {
        return true;
    }
    return in->value.asBool();
}

const ParameterDecl* MethodDecl::findParameter(std::string_view name) const noexcept {
    for (const ParameterDecl& p : parameters) {
        if (iequals(p.name, name)) return &p;
    }
    return nullptr;
}

const PropertyDecl* CimClass::findProperty(std::string_view name) const noexcept {
    for (const PropertyDecl& p : properties) {
        if (iequals(p.name, name)) return &p;
    }
    return nullptr;
}

PropertyDecl* CimClass::findProperty(std::string_view name) noexcept {
    for (PropertyDecl& p : properties) {
        if (iequals(p.name, name)) return &p;
    }
    return nullptr;
}

const MethodDecl* CimClass::findMethod(std::string_view name) const noexcept {
    for (const MethodDecl& m : methods) {
        if (iequals(m.name, name)) return &m;
    }
    return nullptr;
}

std::vector<std::string> CimClass::keyNames() const {
    std::vector<std::string> keys;
    for (const PropertyDecl& p : properties) {
        if (p.isKey()) keys.push_back(p.name);
    }
    return keys;
}

bool CimClass::isA(std::string_view ancestor) const noexcept {
    if (iequals(name, ancestor)) return true;
    for (const std::string& base : derivation) {
        if (iequals(base, ancestor)) return true;
    }
    return false;
}

ObjectPath CimClass::pathOf(const Instance& instance, std::string_view nameSpace) const {
    // The instance's own class names the path (it may be a subclass of this one).
    ObjectPath path(std::string(nameSpace), instance.className().empty() ? name : instance.className());
    bool anyKey = false;
    for (const PropertyDecl& p : properties) {
        if (!p.isKey()) continue;
        anyKey = true;
        const Value* v = instance.find(p.name);
        if (v == nullptr || v->isNull()) {
            throw CimError(CimStatus::InvalidParameter, "instance of " + path.className() +
                                                            " has no value for key property '" + p.name + "'" +
                                                            (v == nullptr ? "" : " (it is NULL)"));
        }
        try {
            path.setKey(p.name, v->convertTo(p.type, p.isArray));
        } catch (const CimError& e) {
            throw CimError(CimStatus::InvalidParameter,
                           "key property '" + p.name + "' of " + path.className() + ": " + e.message());
        }
    }
    if (!anyKey && qualifiers.isTrue("Singleton")) path.setSingleton(true);
    return path;
}

}  // namespace wmimock
