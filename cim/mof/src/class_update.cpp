#include "class_update.hpp"

#include <utility>

#include "literal_conversion.hpp"
#include "wmimock/cim/names.hpp"

namespace wmimock::mof::detail {

QualifierList passedDown(const QualifierList& from) {
    bool asIs = true;
    for (const Qualifier& q : from) asIs = asIs && q.flavor.toSubclass && q.propagated;
    if (asIs) return from;
    QualifierList out;
    out.reserve(from.size());
    for (const Qualifier& q : from) {
        if (!q.flavor.toSubclass) continue;
        Qualifier copy = q;
        copy.propagated = true;
        out.set(std::move(copy));
    }
    return out;
}

namespace {

// `own` (the subclass's local qualifiers) over what `base` passes down. A local value
// that a DisableOverride qualifier forbids is a conflict; with `drop` the inherited one wins.
QualifierList merge(const QualifierList& base, const QualifierList& own, const std::string& element, bool drop,
                    std::vector<std::string>& conflicts) {
    QualifierList out = passedDown(base);
    for (const Qualifier& q : own) {
        if (q.propagated) continue;
        const Qualifier* locked = out.find(q.name);
        if (locked != nullptr && !locked->flavor.overridable && !(locked->value == q.value)) {
            conflicts.push_back("qualifier '" + q.name + "' on " + element + " is locked (DisableOverride) by the " +
                                "superclass with value " + locked->value.toMof());
            if (drop) continue;
        }
        out.set(q);
    }
    return out;
}

}  // namespace

CimClass rebaseClass(const CimClass& subclass, const CimClass& newSuper, bool dropConflicts,
                     std::vector<std::string>& conflicts) {
    CimClass out;
    out.name = subclass.name;
    out.superClass = newSuper.name;
    out.kind = newSuper.kind == ClassKind::Class ? subclass.kind : newSuper.kind;
    out.derivation.push_back(newSuper.name);
    out.derivation.insert(out.derivation.end(), newSuper.derivation.begin(), newSuper.derivation.end());
    out.qualifiers =
        merge(newSuper.qualifiers, subclass.qualifiers, "class " + subclass.name, dropConflicts, conflicts);

    for (const PropertyDecl& base : newSuper.properties) {
        PropertyDecl copy = base;
        copy.qualifiers = passedDown(base.qualifiers);
        copy.propagated = true;
        out.properties.push_back(std::move(copy));
    }
    for (const PropertyDecl& own : subclass.properties) {
        if (own.propagated) continue;
        PropertyDecl* base = out.findProperty(own.name);
        if (base == nullptr) {
            out.properties.push_back(own);
            continue;
        }
        const std::string element = "property '" + own.name + "' of " + subclass.name;
        if (base->type != own.type || base->isArray != own.isArray) {
            conflicts.push_back(element + " is " + describeType(own.type, own.isArray, own.referenceClass) + " but " +
                                newSuper.name + " now declares it " +
                                describeType(base->type, base->isArray, base->referenceClass));
            if (dropConflicts) continue;
        }
        PropertyDecl replaced = own;
        replaced.qualifiers = merge(base->qualifiers, own.qualifiers, element, dropConflicts, conflicts);
        *base = std::move(replaced);
    }

    for (const MethodDecl& base : newSuper.methods) {
        MethodDecl copy = base;
        copy.qualifiers = passedDown(base.qualifiers);
        for (ParameterDecl& p : copy.parameters) p.qualifiers = passedDown(p.qualifiers);
        copy.propagated = true;
        out.methods.push_back(std::move(copy));
    }
    for (const MethodDecl& own : subclass.methods) {
        if (own.propagated) continue;
        MethodDecl* base = nullptr;
        for (MethodDecl& m : out.methods) {
            if (iequals(m.name, own.name)) base = &m;
        }
        if (base == nullptr) {
            out.methods.push_back(own);
            continue;
        }
        const std::string element = "method '" + own.name + "' of " + subclass.name;
        if (base->returnType != own.returnType || base->returnsVoid != own.returnsVoid) {
            conflicts.push_back(element + " returns another type than " + newSuper.name + "." + base->name);
            if (dropConflicts) continue;
        }
        MethodDecl replaced = own;
        replaced.qualifiers = merge(base->qualifiers, own.qualifiers, element, dropConflicts, conflicts);
        *base = std::move(replaced);
    }
    return out;
}

}  // namespace wmimock::mof::detail
