#include "wmimock/mof/class_resolution.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "class_builder.hpp"
#include "literal_conversion.hpp"
#include "qualifier_scope.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"

namespace wmimock {

namespace {

using mof::detail::ClassBuilder;
using mof::detail::ClassFinding;
using mof::detail::ElementName;

// The qualifiers a class written in code carries, checked against the namespace's
// declarations; the rules of inheritance are the ClassBuilder's.
class DeclaredQualifiers {
public:
    DeclaredQualifiers(const SchemaNamespace& nameSpace, std::vector<std::string>& errors)
        : ns_(nameSpace), errors_(errors) {}

    QualifierList checked(const QualifierList& written, Scope scope, const ElementName& element) {
        QualifierList out;
        out.reserve(written.size());
        for (const Qualifier& q : written) {
            if (q.propagated) continue;
            const QualifierDecl* decl = ns_.findQualifier(q.name);
            if (decl == nullptr) {
                out.set(q);
                continue;
            }
            if (!mof::detail::scopeAllows(decl->scope, scope)) {
                errors_.push_back("qualifier '" + decl->name + "' cannot be used on a " +
                                  std::string(mof::detail::scopeWord(scope)) + " (its scope is " +
                                  toString(decl->scope) + "): " + element.text());
                continue;
            }
            Qualifier typed = q;
            if (!q.value.isNull() && (q.value.type() != decl->type || q.value.isArray() != decl->isArray)) {
                std::optional<Value> converted;
                if (q.value.isArray() == decl->isArray) {
                    try {
                        converted = q.value.convertTo(decl->type, decl->isArray);
                    } catch (const CimError&) {  // out of range or not convertible: reported below
                    }
                }
                if (!converted) {
                    errors_.push_back("qualifier '" + decl->name + "' on " + element.text() + " is declared " +
                                      mof::detail::describeType(decl->type, decl->isArray) + " but given " +
                                      mof::detail::describeType(q.value.type(), q.value.isArray()) + " " +
                                      q.value.toMof());
                    continue;
                }
                typed.value = std::move(*converted);
            }
            out.set(std::move(typed));
        }
        return out;
    }

private:
    const SchemaNamespace& ns_;
    std::vector<std::string>& errors_;
};

}  // namespace

CimClass resolveDeclaredClass(const SchemaNamespace& nameSpace, const CimClass& declared) {
    if (declared.name.empty()) throw CimError(CimStatus::InvalidParameter, "a class needs a name");
    ClassPtr super;
    if (!declared.superClass.empty()) {
        super = nameSpace.findClass(declared.superClass);
        if (!super) {
            throw CimError(CimStatus::InvalidSuperclass, "superclass '" + declared.superClass + "' of class '" +
                                                             declared.name + "' does not exist in namespace " +
                                                             nameSpace.name());
        }
        const bool cycle = iequals(super->name, declared.name) ||
                           std::any_of(super->derivation.begin(), super->derivation.end(),
                                       [&](const std::string& above) { return iequals(above, declared.name); });
        if (cycle) {
            throw CimError(CimStatus::InvalidSuperclass, "superclass '" + declared.superClass + "' of class '" +
                                                             declared.name + "' derives from it: an inheritance cycle");
        }
    }
    std::vector<std::string> errors;
    DeclaredQualifiers qualifiers(nameSpace, errors);
    mof::detail::InheritedQualifiers cache;
    ClassBuilder builder(declared.name, super.get(), mof::detail::InheritanceRules{}, cache,
                         [&](const ClassFinding& finding) {
                             if (!finding.warning) errors.push_back(finding.message);
                         });
    builder.reserve(declared.properties.size(), declared.methods.size());
    builder.declareKind(declared.kind);
    const ClassKind kind = mof::detail::classKind(super.get(), declared.qualifiers.isTrue("Association"),
                                                  declared.qualifiers.isTrue("Indication"), declared.kind);
    builder.addQualifiers(
        qualifiers.checked(declared.qualifiers, mof::detail::scopeOf(kind), {{}, {}, declared.name, {}}));

    auto refersToKnownClass = [&](const std::string& referenceClass, const ElementName& element) {
        if (referenceClass.empty() || iequals(referenceClass, declared.name) || nameSpace.findClass(referenceClass)) {
            return;
        }
        errors.push_back(element.text() + " refers to class '" + referenceClass + "', which is not declared");
    };
    for (const PropertyDecl& written : declared.properties) {
        if (written.propagated) continue;
        const ElementName element{written.isReference() ? "reference" : "property", written.name, declared.name, {}};
        if (written.isReference()) refersToKnownClass(written.referenceClass, element);
        PropertyDecl own = written;
        own.qualifiers =
            qualifiers.checked(written.qualifiers, written.isReference() ? Scope::Reference : Scope::Property, element);
        builder.addProperty(std::move(own), !written.defaultValue.isNull());
    }
    for (const MethodDecl& written : declared.methods) {
        if (written.propagated) continue;
        const ElementName element{"method", written.name, declared.name, {}};
        MethodDecl own = written;
        own.qualifiers = qualifiers.checked(written.qualifiers, Scope::Method, element);
        for (ParameterDecl& param : own.parameters) {
            const ElementName paramElement{"parameter", param.name, declared.name, written.name};
            if (param.type == CimType::Reference) refersToKnownClass(param.referenceClass, paramElement);
            param.qualifiers = qualifiers.checked(param.qualifiers, Scope::Parameter, paramElement);
        }
        builder.addMethod(std::move(own));
    }
    std::optional<CimClass> resolved = builder.finish();
    if (!errors.empty() || !resolved) {
        std::string text;
        for (const std::string& e : errors) text += (text.empty() ? "" : "; ") + e;
        throw CimError(CimStatus::InvalidParameter, text.empty() ? "class '" + declared.name + "' is invalid" : text);
    }
    return std::move(*resolved);
}

}  // namespace wmimock
