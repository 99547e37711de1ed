// Class resolution: orders the classes of a compilation so that superclasses come first
// (forward references are fine), turns each declaration into model elements (qualifiers
// checked against their declarations, literals converted) and has the ClassBuilder build
// the resolved class from its superclass, reporting its findings at their source.
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "class_builder.hpp"
#include "class_update.hpp"
#include "compilation.hpp"
#include "implicit_qualifiers.hpp"
#include "literal_conversion.hpp"
#include "qualifier_scope.hpp"

namespace wmimock::mof::detail {

namespace {

const AstQualifier* findUse(const std::vector<AstQualifier>& uses, std::string_view name) {
    for (const AstQualifier& q : uses) {
        if (iequals(q.name, name)) return &q;
    }
    return nullptr;
}

// A boolean meta qualifier (Association, Indication) written without value or with TRUE.
bool usesTrue(const std::vector<AstQualifier>& uses, std::string_view name) {
    const AstQualifier* q = findUse(uses, name);
    if (!q) return false;
    return !q->value || (q->value->kind == AstValue::Kind::Boolean && q->value->boolean);
}

class ClassResolver {
public:
    ClassResolver(Compilation& compilation, std::uint32_t nameSpace, std::vector<std::size_t> members)
        : c_(compilation),
          nsIndex_(nameSpace),
          ns_(compilation.staging().getOrCreate(compilation.namespaceName(nameSpace))),
          members_(std::move(members)) {}

    void run();

private:
    enum class State : std::uint8_t { New, Visiting, Done, Failed };

    PendingClass& pending(std::size_t i) { return c_.classes()[i]; }
    bool classExists(std::string_view name) const {
        return index_.find(name) != index_.end() || ns_.findClass(name) != nullptr;
    }
    void resolveFrom(std::size_t start);
    void buildOne(std::size_t i);
    // These turn the AST into model elements for the ClassBuilder, consuming its literals
    // (moved into the resolved values).
    std::optional<CimClass> build(PendingClass& p, const CimClass* super);
    bool applyQualifiers(std::vector<AstQualifier>& uses, Scope scope, QualifierList& list, const ElementName& element,
                         bool wmi);
    bool buildProperty(AstProperty& ap, ClassBuilder& builder, bool wmi);
    bool buildMethod(AstMethod& am, ClassBuilder& builder, bool wmi);
    // A finding of the builder, at the place in the declaration being added that it names.
    void report(const ClassFinding& finding);
    void updateSubclasses(const PendingClass& p, const CimClass& previous, const ClassPtr& updated, bool redeclared);
    bool resolveClassNamedType(const AstType& type, SourceLoc loc, const ElementName& element, bool wmi,
                               QualifierList& qualifiers, CimType& declared);

    Compilation& c_;
    std::uint32_t nsIndex_;
    SchemaNamespace& ns_;
    std::vector<std::size_t> members_;
    std::unordered_map<std::string_view, std::size_t, NameHash, NameEqual> index_;  // class -> pending index
    std::unordered_map<std::size_t, State> state_;
    std::unordered_map<std::size_t, ClassPtr> resolved_;
    QualifierDecl inferred_;  // scratch declaration for WMI's undeclared qualifiers
    // The declaration the builder is adding, for report().
    struct Where {
        SourceLoc loc;
        const std::vector<AstQualifier>* qualifiers = nullptr;
        const std::vector<AstParameter>* parameters = nullptr;
    } where_;
};

void ClassResolver::run() {
    for (std::size_t i : members_) {
        PendingClass& p = pending(i);
        p.resolved = true;
        auto [it, inserted] = index_.emplace(p.ast.name, i);
        const SourceLoc* earlier = inserted ? c_.resolvedHere(nsIndex_, p.ast.name) : &pending(it->second).ast.loc;
        if (earlier != nullptr) {
            // mofcomp updates the class; cimmofl warns. The later declaration is the class,
            // and subclasses resolve against it wherever they are declared.
            if (!c_.isWmi(p.ast.loc)) {
                c_.warning(p.ast.loc, "class '" + std::string(p.ast.name) + "' is already declared at " +
                                          c_.locationText(*earlier) + "; this declaration replaces it");
            }
            if (!inserted) {
                state_[it->second] = State::Failed;
                it->second = i;
            }
        }
        state_[i] = State::New;
    }
    for (std::size_t i : members_) {
        if (state_[i] == State::New) resolveFrom(i);
    }
}

// `X Name` (WMI, MI): an embedded instance of class X, which DSP0004 writes
// [EmbeddedInstance("X")] string Name. False (reported) if the dialect or the class
// does not allow it.
bool ClassResolver::resolveClassNamedType(const AstType& type, SourceLoc loc, const ElementName& element, bool wmi,
                                          QualifierList& qualifiers, CimType& declared) {
    const std::string className(type.referenceClass);
    if (!classExists(className)) {
        c_.error(type.loc, "unknown data type '" + className + "'");
        return false;
    }
    if (!wmi) {
        c_.error(loc, element.text() + " is typed by class '" + className +
                          "': allowed in the WMI dialect; DSP0004 writes [EmbeddedInstance(\"" + className +
                          "\")] string");
        return false;
    }
    declared = CimType::String;
    if (const Qualifier* given = qualifiers.find("EmbeddedInstance"); given && !given->propagated) {
        if (!(given->value == Value::string(className))) {
            c_.error(loc, element.text() + " is typed by class '" + className + "' but qualified EmbeddedInstance(" +
                              given->value.toMof() + ")");
            return false;
        }
        return true;
    }
    Qualifier embedded;
    embedded.name = "EmbeddedInstance";
    embedded.value = Value::string(className);
    qualifiers.set(std::move(embedded));
    return true;
}

// Walks up the superclass chain of `start` through classes of this compilation, then
// builds the chain top-down. Iterative, so a deep hierarchy cannot exhaust the stack.
void ClassResolver::resolveFrom(std::size_t start) {
    std::vector<std::size_t> chain{start};
    state_[start] = State::Visiting;
    std::size_t current = start;
    while (true) {
        const std::string_view superName = pending(current).ast.superClass;
        if (superName.empty()) break;
        const auto it = index_.find(superName);
        if (it == index_.end()) break;
        const std::size_t super = it->second;
        const State s = state_[super];
        if (s == State::Visiting) {
            std::string cycle;
            bool inCycle = false;
            for (std::size_t k : chain) {
                inCycle = inCycle || k == super;
                if (inCycle) cycle += std::string(pending(k).ast.name) + " -> ";
            }
            cycle += std::string(pending(super).ast.name);
            c_.error(pending(current).ast.superLoc, "inheritance cycle: " + cycle);
            for (std::size_t k : chain) state_[k] = State::Failed;
            return;
        }
        if (s != State::New) break;
        state_[super] = State::Visiting;
        chain.push_back(super);
        current = super;
    }
    for (auto k = chain.rbegin(); k != chain.rend(); ++k) buildOne(*k);
}

void ClassResolver::buildOne(std::size_t i) {
    PendingClass& p = pending(i);
    ClassPtr super;
    if (!p.ast.superClass.empty()) {
        if (const auto it = index_.find(p.ast.superClass); it != index_.end()) {
            if (state_[it->second] != State::Done) {  // the superclass failed; it was reported
                state_[i] = State::Failed;
                return;
            }
            super = resolved_[it->second];
        } else {
            super = ns_.findClass(p.ast.superClass);
            if (!super) {
                c_.error(p.ast.superLoc, "superclass '" + std::string(p.ast.superClass) + "' of class '" +
                                             std::string(p.ast.name) + "' is not declared");
                state_[i] = State::Failed;
                return;
            }
        }
    }
    const ClassPtr previous = ns_.findClass(p.ast.name);
    // Declared earlier in this compilation: a replacement, not an update of the repository.
    const bool redeclared = c_.resolvedHere(nsIndex_, p.ast.name) != nullptr;
    const bool exists = previous != nullptr && !redeclared;
    if (p.flags.createOnly && exists) {
        c_.error(p.ast.loc, "class '" + std::string(p.ast.name) + "' already exists in namespace " + ns_.name() +
                                " (#pragma classflags(\"createonly\"))");
        state_[i] = State::Failed;
        return;
    }
    if (p.flags.updateOnly && !exists) {
        c_.error(p.ast.loc, "class '" + std::string(p.ast.name) + "' does not exist in namespace " + ns_.name() +
                                " (#pragma classflags(\"updateonly\"))");
        state_[i] = State::Failed;
        return;
    }
    auto cls = build(p, super.get());
    // build() consumed the body's literals; free the rest now, not at the end of the
    // compilation, so a large schema's syntax tree and resolved classes do not peak together.
    // (swap, not `= {}`: assigning an empty list keeps the capacity)
    std::vector<AstQualifier>().swap(p.ast.qualifiers);
    std::vector<AstProperty>().swap(p.ast.properties);
    std::vector<AstMethod>().swap(p.ast.methods);
    if (!cls) {
        state_[i] = State::Failed;
        return;
    }
    auto& stats = c_.result().stats;
    ++stats.classes;
    if (cls->isAssociation()) ++stats.associations;
    if (cls->isIndication()) ++stats.indications;
    auto ptr = std::make_shared<const CimClass>(std::move(*cls));
    ns_.putClass(ptr);
    resolved_[i] = ptr;
    state_[i] = State::Done;
    c_.noteResolved(nsIndex_, p.ast.name, p.ast.loc);
    if (previous) updateSubclasses(p, *previous, ptr, redeclared);
}

namespace {
// Same properties, methods and parameters with the same types: an update that leaves
// every subclass as it was, except for qualifiers.
bool sameShape(const CimClass& a, const CimClass& b) {
    if (a.properties.size() != b.properties.size() || a.methods.size() != b.methods.size()) return false;
    for (const PropertyDecl& p : a.properties) {
        const PropertyDecl* q = b.findProperty(p.name);
        if (q == nullptr || q->type != p.type || q->isArray != p.isArray) return false;
    }
    for (const MethodDecl& m : a.methods) {
        const MethodDecl* n = b.findMethod(m.name);
        if (n == nullptr || n->returnType != m.returnType || n->parameters.size() != m.parameters.size()) return false;
    }
    return true;
}
}  // namespace

// The class was in the repository before: the subclasses there that this compilation does
// not declare again follow it. mofcomp's rules: without flags only an update that keeps
// the class's shape may touch subclasses; safeupdate rebuilds them and fails on a
// conflict; forceupdate rebuilds them and drops what conflicts. DSP0004 MOF has no flags
// and is read as safeupdate.
void ClassResolver::updateSubclasses(const PendingClass& p, const CimClass& previous, const ClassPtr& updated,
                                     bool redeclared) {
    std::vector<std::string> stale;
    for (std::string& name : ns_.subclassNames(updated->name, false)) {
        if (index_.find(name) == index_.end()) stale.push_back(std::move(name));
    }
    if (stale.empty()) return;
    const bool safe = p.flags.safeUpdate || !c_.isWmi(p.ast.loc) || redeclared;
    const bool force = p.flags.forceUpdate;
    if (!safe && !force && !sameShape(previous, *updated)) {
        std::string names;
        for (const std::string& n : stale) names += (names.empty() ? "" : ", ") + n;
        c_.error(p.ast.loc, "class '" + updated->name + "' has subclasses in namespace " + ns_.name() + " (" + names +
                                "); changing its properties or methods needs #pragma classflags(\"safeupdate\") " +
                                "or (\"forceupdate\")");
        return;
    }
    std::vector<std::pair<std::string, ClassPtr>> work;  // (subclass, its new superclass)
    for (std::string& name : stale) work.emplace_back(std::move(name), updated);
    while (!work.empty()) {
        auto [name, super] = std::move(work.back());
        work.pop_back();
        const ClassPtr old = ns_.findClass(name);
        if (!old) continue;
        std::vector<std::string> conflicts;
        auto rebased = rebaseClass(*old, *super, force, c_.inheritedQualifiers(), conflicts);
        for (const std::string& conflict : conflicts) {
            const std::string text = "updating '" + updated->name + "': " + conflict;
            if (force) {
                c_.warning(p.ast.loc, text + " (dropped: #pragma classflags(\"forceupdate\"))");
            } else {
                c_.error(p.ast.loc, text);
            }
        }
        if (!rebased) continue;  // the errors fail the compilation
        auto rebuilt = std::make_shared<const CimClass>(std::move(*rebased));
        ns_.putClass(rebuilt);
        for (std::string& sub : ns_.subclassNames(name, false)) {
            if (index_.find(sub) == index_.end()) work.emplace_back(std::move(sub), rebuilt);
        }
    }
}

bool ClassResolver::applyQualifiers(std::vector<AstQualifier>& uses, Scope scope, QualifierList& list,
                                    const ElementName& element, bool wmi) {
    bool ok = true;
    list.reserve(uses.size());
    for (std::size_t u = 0; u < uses.size(); ++u) {
        AstQualifier& use = uses[u];
        for (std::size_t v = 0; v < u; ++v) {
            if (iequals(uses[v].name, use.name)) {
                c_.error(use.loc,
                         "qualifier '" + std::string(use.name) + "' appears more than once on " + element.text());
                ok = false;
            }
        }
        const QualifierDecl* decl = ns_.findQualifier(use.name);
        if (!decl && wmi) decl = findImplicitQualifier(use.name);
        std::optional<Value> value;
        std::string why;
        if (!decl && wmi) {
            // mofcomp accepts any qualifier; its type is the type of its value.
            inferred_ = QualifierDecl{};
            inferred_.name = std::string(use.name);
            inferred_.scope = Scope::Any;
            if (use.value) {
                value = inferLiteral(*use.value, why);
                if (!value) {
                    c_.error(use.value->loc, "invalid value for qualifier '" + inferred_.name + "': " + why);
                    ok = false;
                    continue;
                }
                inferred_.type = value->type();
                inferred_.isArray = value->isArray();
            } else {
                value = Value::boolean(true);
            }
            decl = &inferred_;
        }
        if (!decl) {
            c_.error(use.loc, "qualifier '" + std::string(use.name) +
                                  "' is not declared (undeclared qualifiers are allowed in the WMI dialect)");
            ok = false;
            continue;
        }
        if (!scopeAllows(decl->scope, scope)) {
            c_.error(use.loc, "qualifier '" + decl->name + "' cannot be used on a " + std::string(scopeWord(scope)) +
                                  " (its scope is " + toString(decl->scope) + ")");
            ok = false;
            continue;
        }
        if (!value) {
            if (use.value) {
                value = convertLiteral(std::move(*use.value), {decl->type, decl->isArray, true, &c_.strings()}, why);
                if (!value) {
                    c_.error(use.value->loc, "qualifier '" + decl->name + "' of type " +
                                                 describeType(decl->type, decl->isArray) + ": " + why);
                    ok = false;
                    continue;
                }
            } else if (decl->type == CimType::Boolean && !decl->isArray) {
                value = Value::boolean(true);
            } else {
                value = decl->defaultValue;
            }
        }
        Flavor flavor = decl->flavor;
        const auto& overrides = c_.flavorOverrides(nsIndex_);
        if (!overrides.empty()) {
            if (const auto it = overrides.find(decl->name); it != overrides.end()) flavor = it->second.applyTo(flavor);
        }
        flavor = use.flavors.applyTo(flavor);
        list.set(Qualifier{decl->name, std::move(*value), flavor, false});
    }
    return ok;
}

void ClassResolver::report(const ClassFinding& finding) {
    SourceLoc loc = where_.loc;
    const std::vector<AstQualifier>* uses = where_.qualifiers;
    if (finding.parameter && where_.parameters != nullptr && *finding.parameter < where_.parameters->size()) {
        const AstParameter& param = (*where_.parameters)[*finding.parameter];
        loc = param.loc;
        uses = &param.qualifiers;
    }
    if (!finding.qualifier.empty() && uses != nullptr) {
        if (const AstQualifier* use = findUse(*uses, finding.qualifier)) loc = use->loc;
    }
    if (finding.warning) {
        c_.warning(loc, finding.message);
    } else {
        c_.error(loc, finding.message);
    }
}

std::optional<CimClass> ClassResolver::build(PendingClass& p, const CimClass* super) {
    AstClass& ast = p.ast;
    const bool wmi = c_.isWmi(ast.loc);
    ClassBuilder builder(std::string(ast.name), super, InheritanceRules{.wantOverride = !wmi}, c_.inheritedQualifiers(),
                         [this](const ClassFinding& finding) { report(finding); });
    builder.reserve(ast.properties.size(), ast.methods.size());
    const ElementName element{{}, {}, builder.name(), {}};
    // The scope the class's qualifiers are checked against comes from what they say.
    const Scope scope =
        scopeOf(classKind(super, usesTrue(ast.qualifiers, "Association"), usesTrue(ast.qualifiers, "Indication")));
    QualifierList qualifiers;
    bool ok = applyQualifiers(ast.qualifiers, scope, qualifiers, element, wmi);
    where_ = {ast.loc, &ast.qualifiers, nullptr};
    ok = builder.addQualifiers(qualifiers) && ok;
    for (AstProperty& ap : ast.properties) ok = buildProperty(ap, builder, wmi) && ok;
    for (AstMethod& am : ast.methods) ok = buildMethod(am, builder, wmi) && ok;
    if (!ok) return std::nullopt;
    where_ = {ast.loc, &ast.qualifiers, nullptr};
    return builder.finish();
}

bool ClassResolver::buildProperty(AstProperty& ap, ClassBuilder& builder, bool wmi) {
    const bool isReference = ap.type.type == CimType::Reference;
    const ElementName element{isReference ? "reference" : "property", ap.name, builder.name(), {}};
    PropertyDecl prop;
    prop.name = std::string(ap.name);
    prop.type = ap.type.type;
    prop.isArray = ap.type.isArray;
    prop.arraySize = ap.type.arraySize;
    prop.referenceClass = std::string(ap.type.referenceClass);
    bool ok = true;
    if (isReference && !classExists(ap.type.referenceClass)) {
        c_.error(ap.loc, element.text() + " refers to class '" + std::string(ap.type.referenceClass) +
                             "', which is not declared");
        ok = false;
    }
    ok = applyQualifiers(ap.qualifiers, isReference ? Scope::Reference : Scope::Property, prop.qualifiers, element,
                         wmi) &&
         ok;
    if (ap.type.classNamed) {
        ok = resolveClassNamedType(ap.type, ap.loc, element, wmi, prop.qualifiers, prop.type) && ok;
    }
    const bool hasDefault = ap.defaultValue.has_value();
    if (ap.defaultValue) {
        if (ap.defaultValue->kind == AstValue::Kind::Alias) {
            c_.error(ap.defaultValue->loc,
                     "default value of " + element.text() + ": an alias can only be used in an instance declaration");
            ok = false;
        } else {
            std::string why;
            auto value =
                convertLiteral(std::move(*ap.defaultValue), {prop.type, prop.isArray, false, &c_.strings()}, why);
            if (!value) {
                c_.error(ap.defaultValue->loc, "default value of " + element.text() + " does not match its type " +
                                                   describeType(prop.type, prop.isArray, prop.referenceClass) + ": " +
                                                   why);
                ok = false;
            } else {
                prop.defaultValue = std::move(*value);
            }
        }
    }
    where_ = {ap.loc, &ap.qualifiers, nullptr};
    return builder.addProperty(std::move(prop), hasDefault) && ok;
}

bool ClassResolver::buildMethod(AstMethod& am, ClassBuilder& builder, bool wmi) {
    const ElementName element{"method", am.name, builder.name(), {}};
    bool ok = true;
    MethodDecl method;
    method.name = std::string(am.name);
    method.returnType = am.returnType.type;
    method.returnReferenceClass = std::string(am.returnType.referenceClass);
    method.returnsVoid = am.returnType.isVoid;
    if (am.returnType.isVoid && !wmi) {
        c_.error(am.loc,
                 element.text() + " returns void: allowed in the WMI dialect (a DSP0004 method returns a value)");
        ok = false;
    }
    if (am.returnType.classNamed) {
        c_.error(am.returnType.loc, "unknown data type '" + std::string(am.returnType.referenceClass) + "'");
        ok = false;
    }
    if (am.returnType.isArray) {
        c_.error(am.loc, element.text() + ": a method cannot return an array");
        ok = false;
    }
    if (method.returnType == CimType::Reference && !classExists(method.returnReferenceClass)) {
        c_.error(am.loc, element.text() + " returns a reference to class '" + method.returnReferenceClass +
                             "', which is not declared");
        ok = false;
    }
    ok = applyQualifiers(am.qualifiers, Scope::Method, method.qualifiers, element, wmi) && ok;
    method.parameters.reserve(am.parameters.size());
    for (AstParameter& ap : am.parameters) {
        const ElementName paramElement{"parameter", ap.name, builder.name(), method.name};
        ParameterDecl param;
        param.name = std::string(ap.name);
        param.type = ap.type.type;
        param.isArray = ap.type.isArray;
        param.arraySize = ap.type.arraySize;
        param.referenceClass = std::string(ap.type.referenceClass);
        if (param.type == CimType::Reference && !classExists(param.referenceClass)) {
            c_.error(ap.loc,
                     paramElement.text() + " refers to class '" + param.referenceClass + "', which is not declared");
            ok = false;
        }
        ok = applyQualifiers(ap.qualifiers, Scope::Parameter, param.qualifiers, paramElement, wmi) && ok;
        if (ap.type.classNamed) {
            ok = resolveClassNamedType(ap.type, ap.loc, paramElement, wmi, param.qualifiers, param.type) && ok;
        }
        method.parameters.push_back(std::move(param));
    }
    where_ = {am.loc, &am.qualifiers, &am.parameters};
    return builder.addMethod(std::move(method)) && ok;
}

}  // namespace

void resolveClasses(Compilation& compilation) {
    std::vector<std::vector<std::size_t>> byNamespace(compilation.namespaceCount());
    auto& classes = compilation.classes();
    for (std::size_t i = 0; i < classes.size(); ++i) {
        if (!classes[i].deleted && !classes[i].resolved) byNamespace[classes[i].nameSpace].push_back(i);
    }
    for (std::uint32_t ns = 0; ns < byNamespace.size(); ++ns) {
        if (byNamespace[ns].empty()) continue;
        ClassResolver(compilation, ns, std::move(byNamespace[ns])).run();
    }
}

}  // namespace wmimock::mof::detail

namespace wmimock::mof::detail {

// A class can be built as soon as its file is parsed when everything it names already
// exists: its superclass, the classes its references and embedded objects name, and (in
// the DMTF dialect) its qualifiers. Building it then frees its syntax tree early, so a
// schema in dependency order never holds all of its trees at once. Anything else (forward
// references, redeclarations, a superclass declared again later) waits for the end.
void resolveReadyClasses(Compilation& compilation, const std::vector<std::size_t>& candidates) {
    auto& classes = compilation.classes();
    std::vector<std::vector<std::size_t>> byNamespace(compilation.namespaceCount());
    std::unordered_map<std::string_view, bool, NameHash, NameEqual> willExist;
    for (std::size_t i : candidates) {
        PendingClass& p = classes[i];
        if (p.deleted || p.resolved) continue;
        const SchemaNamespace& ns = compilation.staging().getOrCreate(compilation.namespaceName(p.nameSpace));
        // The first thing the class waits for, if any: it is tried again once that exists.
        std::optional<std::string> blocker;
        auto need = [&](std::string_view name) {
            if (blocker || iequals(name, p.ast.name) || willExist.count(name) > 0) return;
            if (ns.findClass(name) == nullptr || compilation.pendingElsewhere(p.nameSpace, name, i)) {
                blocker = std::string(name);
            }
        };
        auto needQualifiers = [&](const std::vector<AstQualifier>& uses) {
            if (compilation.isWmi(p.ast.loc)) return;
            for (const AstQualifier& q : uses) {
                if (!blocker && ns.findQualifier(q.name) == nullptr) blocker = "qualifier " + std::string(q.name);
            }
        };
        auto needType = [&](const AstType& t) {
            if (!t.referenceClass.empty()) need(t.referenceClass);
        };
        if (compilation.resolvedHere(p.nameSpace, p.ast.name) != nullptr ||
            compilation.pendingElsewhere(p.nameSpace, p.ast.name, i)) {
            continue;  // declared twice: the final pass decides which declaration stands
        }
        if (!p.ast.superClass.empty()) need(p.ast.superClass);
        needQualifiers(p.ast.qualifiers);
        for (const AstProperty& prop : p.ast.properties) {
            needType(prop.type);
            needQualifiers(prop.qualifiers);
        }
        for (const AstMethod& method : p.ast.methods) {
            needType(method.returnType);
            needQualifiers(method.qualifiers);
            for (const AstParameter& param : method.parameters) {
                needType(param.type);
                needQualifiers(param.qualifiers);
            }
        }
        if (blocker) {
            compilation.waitFor(p.nameSpace, *blocker, i);
            continue;
        }
        willExist.emplace(p.ast.name, true);
        byNamespace[p.nameSpace].push_back(i);
    }
    for (std::uint32_t ns = 0; ns < byNamespace.size(); ++ns) {
        if (byNamespace[ns].empty()) continue;
        ClassResolver(compilation, ns, std::move(byNamespace[ns])).run();
    }
}

}  // namespace wmimock::mof::detail
