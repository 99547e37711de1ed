#include "class_builder.hpp"

#include <string_view>

#include "literal_conversion.hpp"
#include "wmimock/cim/names.hpp"

namespace wmimock::mof::detail {

ClassKind classKind(const CimClass* super, bool association, bool indication, ClassKind declared) noexcept {
    if (super != nullptr && super->kind != ClassKind::Class) return super->kind;
    if (association) return ClassKind::Association;
    if (indication) return ClassKind::Indication;
    return declared;
}

Scope scopeOf(ClassKind kind) noexcept {
    switch (kind) {
        case ClassKind::Association:
            return Scope::Association;
        case ClassKind::Indication:
            return Scope::Indication;
        default:
            return Scope::Class;
    }
}

namespace {

// What `from` passes down to the same element of a subclass: its ToSubclass qualifiers,
// marked propagated. A list that is already all of that passes as it is (most of a deep
// hierarchy's qualifiers); a list of local qualifiers is marked once and the result shared
// by every subclass.
QualifierList inherit(const QualifierList& from, InheritedQualifiers& cache) {
    bool asIs = true;
    for (const Qualifier& q : from) asIs = asIs && q.flavor.toSubclass && q.propagated;
    if (asIs) return from;
    return cache.get(from, [](const QualifierList& local) {
        QualifierList out;
        out.reserve(local.size());
        for (const Qualifier& q : local) {
            if (!q.flavor.toSubclass) continue;
            Qualifier copy = q;
            copy.propagated = true;
            out.set(std::move(copy));
        }
        return out;
    });
}

// The name an element overrides: its Override qualifier's, else its own.
std::string_view overrideTarget(const std::string& name, const QualifierList& qualifiers) {
    const Qualifier* q = qualifiers.find("Override");
    if (q == nullptr || q->propagated || q->value.isNull() || q->value.isArray() ||
        q->value.type() != CimType::String) {
        return name;
    }
    return q->value.asString();
}

// The element the class declares itself under `name`, if any.
template <class Element>
bool declaredHere(const std::vector<Element>& elements, const std::vector<bool>& local, std::string_view name) {
    for (std::size_t k = 0; k < elements.size(); ++k) {
        if (local[k] && iequals(elements[k].name, name)) return true;
    }
    return false;
}

// Puts the class's own element in place of the inherited one it overrides, or last.
template <class Element>
void place(std::vector<Element>& elements, std::vector<bool>& local, Element own,
           std::optional<std::size_t> overrides) {
    if (overrides) {
        elements[*overrides] = std::move(own);
        local[*overrides] = true;
    } else {
        elements.push_back(std::move(own));
        local.push_back(true);
    }
}

bool writesOverride(const QualifierList& qualifiers) {
    const Qualifier* q = qualifiers.find("Override");
    return q != nullptr && !q->propagated;
}

}  // namespace

std::string ElementName::text() const {
    if (kind.empty()) return "class '" + std::string(owner) + "'";
    std::string out = std::string(kind) + " '" + std::string(name) + "' of ";
    if (!method.empty()) return out + "method '" + std::string(owner) + "." + std::string(method) + "'";
    return out + "class '" + std::string(owner) + "'";
}

ClassBuilder::ClassBuilder(std::string name, const CimClass* super, InheritanceRules rules, InheritedQualifiers& cache,
                           ClassFindingSink report)
    : super_(super), rules_(rules), cache_(cache), report_(std::move(report)) {
    cls_.name = std::move(name);
    origin_ = SharedString(cls_.name);
    if (super_ == nullptr) return;
    cls_.superClass = super_->name;
    cls_.derivation.reserve(super_->derivation.size() + 1);
    cls_.derivation.push_back(super_->name);
    cls_.derivation.insert(cls_.derivation.end(), super_->derivation.begin(), super_->derivation.end());
    cls_.qualifiers = inherit(super_->qualifiers, cache_);
    cls_.properties.reserve(super_->properties.size());
    for (const PropertyDecl& inherited : super_->properties) {
        PropertyDecl copy;
        copy.name = inherited.name;
        copy.type = inherited.type;
        copy.isArray = inherited.isArray;
        copy.arraySize = inherited.arraySize;
        copy.referenceClass = inherited.referenceClass;
        copy.defaultValue = inherited.defaultValue;
        copy.qualifiers = inherit(inherited.qualifiers, cache_);
        copy.classOrigin = inherited.classOrigin;
        copy.propagated = true;
        cls_.properties.push_back(std::move(copy));
    }
    cls_.methods.reserve(super_->methods.size());
    for (const MethodDecl& inherited : super_->methods) {
        MethodDecl copy = inherited;
        copy.qualifiers = inherit(inherited.qualifiers, cache_);
        for (ParameterDecl& param : copy.parameters) param.qualifiers = inherit(param.qualifiers, cache_);
        copy.propagated = true;
        cls_.methods.push_back(std::move(copy));
    }
    localProperty_.assign(cls_.properties.size(), false);
    localMethod_.assign(cls_.methods.size(), false);
}

void ClassBuilder::reserve(std::size_t properties, std::size_t methods) {
    cls_.properties.reserve(cls_.properties.size() + properties);
    cls_.methods.reserve(cls_.methods.size() + methods);
}

void ClassBuilder::declareKind(ClassKind kind) {
    declaredKind_ = kind;
}

ClassKind ClassBuilder::kind() const noexcept {
    return classKind(super_, cls_.qualifiers.isTrue("Association"), cls_.qualifiers.isTrue("Indication"),
                     declaredKind_.value_or(ClassKind::Class));
}

void ClassBuilder::error(std::string message, std::string qualifier, std::optional<std::size_t> parameter) {
    if (!rules_.inheritedWins) ok_ = false;
    report_(ClassFinding{.message = std::move(message), .qualifier = std::move(qualifier), .parameter = parameter});
}

bool ClassBuilder::mergeQualifiers(QualifierList& merged, const QualifierList& own, const ElementName& element,
                                   std::optional<std::size_t> parameter) {
    bool allLocal = true;
    for (const Qualifier& q : own) allLocal = allLocal && !q.propagated;
    if (merged.empty() && allLocal) {  // nothing inherited: the element's own list, shared
        merged = own;
        return true;
    }
    std::size_t added = 0;
    for (const Qualifier& q : own) added += !q.propagated && merged.find(q.name) == nullptr;
    if (added != 0) merged.reserve(merged.size() + added);
    bool ok = true;
    for (const Qualifier& q : own) {
        if (q.propagated) continue;  // a resolved class given back: inherited afresh
        const Qualifier* inherited = merged.find(q.name);
        if (inherited != nullptr && inherited->propagated && !inherited->flavor.overridable &&
            !(inherited->value == q.value)) {
            error("qualifier '" + inherited->name + "' on " + element.text() +
                      " cannot be overridden: it is inherited with flavor DisableOverride",
                  q.name, parameter);
            ok = false;
            continue;  // the inherited value stays
        }
        merged.set(q);
    }
    return ok;
}

template <class Element>
std::optional<std::size_t> ClassBuilder::overridden(const std::vector<Element>& elements,
                                                    const std::vector<bool>& local, const Element& own,
                                                    const OverrideWords& words, const ElementName& element) {
    const std::string_view target = overrideTarget(own.name, own.qualifiers);
    std::optional<std::size_t> found;
    for (std::size_t k = 0; k < elements.size(); ++k) {
        if (!local[k] && iequals(elements[k].name, target)) found = k;
    }
    if (!found && writesOverride(own.qualifiers)) {
        error("Override(\"" + std::string(target) + "\") on " + element.text() + ": no inherited " +
                  std::string(words.candidates) + " has that name",
              "Override");
    } else if (found && rules_.wantOverride && !writesOverride(own.qualifiers)) {
        report_(ClassFinding{.warning = true,
                             .message = element.text() + " hides the inherited " + std::string(words.self) + " of " +
                                        std::string(elements[*found].classOrigin) + " without Override"});
    }
    return found;
}

bool ClassBuilder::addQualifiers(const QualifierList& own) {
    return mergeQualifiers(cls_.qualifiers, own, ElementName{{}, {}, cls_.name, {}});
}

bool ClassBuilder::addProperty(PropertyDecl own, bool hasDefault) {
    const bool isReference = own.isReference();
    const std::string_view kindWord = isReference ? "reference" : "property";
    const ElementName element{kindWord, own.name, cls_.name, {}};
    if (declaredHere(cls_.properties, localProperty_, own.name)) {
        error(std::string(kindWord) + " '" + own.name + "' is declared twice in class '" + cls_.name + "'");
        return false;
    }
    if (declaredHere(cls_.methods, localMethod_, own.name)) {
        error("'" + own.name + "' is declared as both a method and a " + std::string(kindWord) + " in class '" +
              cls_.name + "'");
        return false;
    }
    const std::optional<std::size_t> inheritedIndex =
        overridden(cls_.properties, localProperty_, own, {"property or reference", kindWord}, element);
    if (!inheritedIndex && writesOverride(own.qualifiers)) return false;
    bool ok = true;
    if (isReference && own.isArray) {
        error(element.text() + ": a reference cannot be an array");
        ok = false;
    }
    QualifierList merged;
    if (inheritedIndex) {
        const PropertyDecl& inherited = cls_.properties[*inheritedIndex];
        if (inherited.type != own.type || inherited.isArray != own.isArray) {
            error(element.text() + " overrides " + std::string(inherited.classOrigin) + "." + inherited.name +
                  " but changes its type from " +
                  describeType(inherited.type, inherited.isArray, inherited.referenceClass) + " to " +
                  describeType(own.type, own.isArray, own.referenceClass));
            if (rules_.inheritedWins) return false;
            ok = false;
        }
        merged = inherited.qualifiers;
        if (!hasDefault) own.defaultValue = inherited.defaultValue;
    } else if (!hasDefault) {
        own.defaultValue = Value::null(own.type, own.isArray);
    }
    ok = mergeQualifiers(merged, own.qualifiers, element) && ok;
    own.qualifiers = std::move(merged);
    own.classOrigin = origin_;
    own.propagated = false;
    if (own.qualifiers.isTrue("Key") && (own.isArray || !isValidKeyType(own.type))) {
        error("key " + element.text() + " has type " + describeType(own.type, own.isArray) + ", which cannot be a key");
        ok = false;
    }
    place(cls_.properties, localProperty_, std::move(own), inheritedIndex);
    return ok;
}

bool ClassBuilder::addMethod(MethodDecl own) {
    const ElementName element{"method", own.name, cls_.name, {}};
    if (declaredHere(cls_.methods, localMethod_, own.name)) {
        error("method '" + own.name + "' is declared twice in class '" + cls_.name + "'");
        return false;
    }
    if (declaredHere(cls_.properties, localProperty_, own.name)) {
        error("'" + own.name + "' is declared as both a property and a method in class '" + cls_.name + "'");
        return false;
    }
    const std::optional<std::size_t> inheritedIndex =
        overridden(cls_.methods, localMethod_, own, {"method", "method"}, element);
    if (!inheritedIndex && writesOverride(own.qualifiers)) return false;
    bool ok = true;
    const MethodDecl* inherited = inheritedIndex ? &cls_.methods[*inheritedIndex] : nullptr;
    QualifierList merged;
    if (inherited != nullptr) {
        if (inherited->returnType != own.returnType || inherited->returnsVoid != own.returnsVoid) {
            error(element.text() + " overrides " + std::string(inherited->classOrigin) + "." + inherited->name +
                  " but changes its return type from " +
                  std::string(inherited->returnsVoid ? "void" : toString(inherited->returnType)) + " to " +
                  std::string(own.returnsVoid ? "void" : toString(own.returnType)));
            if (rules_.inheritedWins) return false;
            ok = false;
        }
        merged = inherited->qualifiers;
    }
    ok = mergeQualifiers(merged, own.qualifiers, element) && ok;
    own.qualifiers = std::move(merged);

    std::vector<ParameterDecl> parameters;
    parameters.reserve(own.parameters.size());
    for (std::size_t i = 0; i < own.parameters.size(); ++i) {
        ParameterDecl& param = own.parameters[i];
        const ElementName paramElement{"parameter", param.name, cls_.name, own.name};
        bool twice = false;
        for (const ParameterDecl& earlier : parameters) twice = twice || iequals(earlier.name, param.name);
        if (twice) {
            error(paramElement.text() + " is declared twice", {}, i);
            ok = false;
            continue;
        }
        QualifierList paramMerged;
        if (inherited != nullptr) {
            if (const ParameterDecl* base = inherited->findParameter(param.name)) paramMerged = base->qualifiers;
        }
        ok = mergeQualifiers(paramMerged, param.qualifiers, paramElement, i) && ok;
        param.qualifiers = std::move(paramMerged);
        parameters.push_back(std::move(param));
    }
    own.parameters = std::move(parameters);
    own.classOrigin = origin_;
    own.propagated = false;
    place(cls_.methods, localMethod_, std::move(own), inheritedIndex);
    return ok;
}

std::optional<CimClass> ClassBuilder::finish() {
    cls_.kind = kind();
    if (ok_ && cls_.kind == ClassKind::Association) {
        std::size_t references = 0;
        for (const PropertyDecl& prop : cls_.properties) references += prop.isReference();
        if (references < 2) {
            error("association '" + cls_.name + "' has " + std::to_string(references) +
                  " reference(s); an association needs at least two");
        }
    }
    if (!ok_) return std::nullopt;
    // Overrides replace inherited elements in place, so the room reserved for
    // inherited + local is more than is used; a schema keeps every class for good.
    cls_.properties.shrink_to_fit();
    cls_.methods.shrink_to_fit();
    return std::move(cls_);
}

}  // namespace wmimock::mof::detail
