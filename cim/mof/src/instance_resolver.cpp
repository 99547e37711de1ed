// Instance declarations: each names an existing class, assigns only its properties with
// values of their types, sets every key, and may be referred to by alias ($Name) from
// reference properties of other instances — in any order within the compilation.
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "compilation.hpp"
#include "literal_conversion.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/object_path.hpp"

namespace wmimock::mof::detail {

namespace {

struct Building {
    const PendingInstance* source = nullptr;
    ClassPtr cls;
    Instance instance;
    std::vector<const AstPropertyValue*> aliasValues;  // properties set to $Alias (or {$A, $B})
    bool failed = false;
    bool done = false;
    bool usedEmbedded = false;  // an embedded-instance property of another instance holds it
    bool named = false;         // has a path of its own (its class has keys, or is a Singleton)
};

class InstanceResolver {
public:
    explicit InstanceResolver(Compilation& c) : c_(c) {}
    void run();

private:
    void prepare(Building& b);
    bool tryFinish(Building& b);  // false while an alias it uses is not yet resolved
    void finish(Building& b);
    std::optional<Value> referenceValue(const AstValue& literal, const PendingInstance& source,
                                        const std::string& nsName, std::string& why);

    Compilation& c_;
    std::vector<Building> building_;
    std::unordered_map<std::string, std::pair<std::size_t, SourceLoc>, NameHash, NameEqual> aliasOwner_;
    std::unordered_map<std::string, ObjectPath, NameHash, NameEqual> aliasPath_;
    std::unordered_map<std::string, Instance, NameHash, NameEqual> aliasInstance_;
};

bool isEmbedded(const PropertyDecl& prop) {
    const CimType t = prop.valueType();
    return t == CimType::Instance || t == CimType::Object;
}

// The aliases a value names: `$A` or `{$A, $B}`; empty for anything else.
std::vector<const AstValue*> aliasesIn(const AstValue& value) {
    std::vector<const AstValue*> out;
    if (value.kind == AstValue::Kind::Alias) out.push_back(&value);
    if (value.kind == AstValue::Kind::Array) {
        for (const AstValue& e : value.elements) {
            if (e.kind == AstValue::Kind::Alias) out.push_back(&e);
        }
    }
    return out;
}

void InstanceResolver::run() {
    auto& pending = c_.instances();
    building_.resize(pending.size());
    for (std::size_t i = 0; i < pending.size(); ++i) {
        building_[i].source = &pending[i];
        const AstInstance& ast = pending[i].ast;
        if (!ast.alias.empty()) {
            auto [it, inserted] = aliasOwner_.emplace(std::string(ast.alias), std::make_pair(i, ast.loc));
            if (!inserted) {
                c_.error(ast.loc, "alias '$" + std::string(ast.alias) + "' is already defined at " +
                                      c_.locationText(it->second.second));
                building_[i].failed = true;
                continue;
            }
        }
        prepare(building_[i]);
    }
    // Aliases may point forward: finish in rounds until nothing more can be finished.
    bool progress = true;
    while (progress) {
        progress = false;
        for (Building& b : building_) {
            if (b.failed || b.done) continue;
            if (tryFinish(b)) progress = true;
        }
    }
    for (Building& b : building_) {
        if (b.failed || b.done) continue;
        for (const AstPropertyValue* pv : b.aliasValues) {
            for (const AstValue* use : aliasesIn(pv->value)) {
                const std::string& alias = use->text;
                if (aliasOwner_.find(alias) == aliasOwner_.end()) {
                    c_.error(use->loc, "alias '$" + alias + "' is not defined");
                } else if (aliasInstance_.find(alias) == aliasInstance_.end()) {
                    c_.error(use->loc, "alias '$" + alias + "' cannot be resolved (its instance has errors or " +
                                           "the aliases refer to each other in a cycle)");
                }
            }
        }
        b.failed = true;
    }
    for (Building& b : building_) {
        if (!b.done) continue;
        c_.result().instances.push_back(CompiledInstance{c_.namespaceName(b.source->nameSpace), std::move(b.instance),
                                                         b.source->update, b.usedEmbedded && !b.named});
        ++c_.result().stats.instances;
    }
}

void InstanceResolver::prepare(Building& b) {
    const AstInstance& ast = b.source->ast;
    const std::string& nsName = c_.namespaceName(b.source->nameSpace);
    const SchemaNamespace* ns = c_.staging().find(nsName);
    b.cls = ns ? ns->findClass(ast.className) : nullptr;
    if (!b.cls) {
        c_.error(ast.loc, "instance of undeclared class '" + std::string(ast.className) + "' in namespace " + nsName);
        b.failed = true;
        return;
    }
    if (b.cls->isAbstract()) {
        c_.error(ast.loc, "cannot create an instance of abstract class '" + b.cls->name + "'");
        b.failed = true;
        return;
    }
    b.instance = Instance(b.cls->name);
    for (std::size_t k = 0; k < ast.values.size(); ++k) {
        const AstPropertyValue& pv = ast.values[k];
        const PropertyDecl* prop = b.cls->findProperty(pv.name);
        if (!prop) {
            c_.error(pv.loc, "class '" + b.cls->name + "' has no property '" + std::string(pv.name) + "'");
            b.failed = true;
            continue;
        }
        bool duplicate = false;
        for (std::size_t j = 0; j < k; ++j) duplicate |= iequals(ast.values[j].name, pv.name);
        if (duplicate) {
            c_.error(pv.loc, "property '" + prop->name + "' is assigned more than once");
            b.failed = true;
            continue;
        }
        if (!pv.hasValue) {
            if (!c_.isWmi(ast.loc)) {
                c_.error(pv.loc, "property '" + prop->name +
                                     "' is listed without a value: allowed in the WMI dialect (DSP0004 needs "
                                     "'= value')");
                b.failed = true;
            }
            continue;  // mofcomp registers the property (a dynamic one); its value stays unset
        }
        if (const auto aliases = aliasesIn(pv.value); !aliases.empty()) {
            // A reference takes the aliased instance's path; an embedded-instance property
            // (DSP0004 3 and DSC documents: Credential = $cred;) takes the instance itself.
            const bool many = pv.value.kind == AstValue::Kind::Array;
            const bool fits = many ? prop->isArray && isEmbedded(*prop) && aliases.size() == pv.value.elements.size()
                                   : !prop->isArray && (prop->type == CimType::Reference || isEmbedded(*prop));
            if (!fits) {
                c_.error(aliases.front()->loc, "alias '$" + aliases.front()->text +
                                                   "' can only initialize a reference or an embedded instance, but '" +
                                                   prop->name + "' is " +
                                                   describeType(prop->type, prop->isArray, prop->referenceClass));
                b.failed = true;
            } else {
                b.aliasValues.push_back(&pv);
            }
            continue;
        }
        std::string why;
        std::optional<Value> value;
        if (prop->type == CimType::Reference && pv.value.kind == AstValue::Kind::String) {
            value = referenceValue(pv.value, *b.source, nsName, why);
        } else {
            value = convertLiteral(pv.value, {prop->type, prop->isArray, false}, why);
        }
        if (!value) {
            c_.error(pv.value.loc, "value of property '" + prop->name + "' does not match its type " +
                                       describeType(prop->type, prop->isArray, prop->referenceClass) + ": " + why);
            b.failed = true;
            continue;
        }
        b.instance.set(prop->name, std::move(*value));
    }
}

bool InstanceResolver::tryFinish(Building& b) {
    for (const AstPropertyValue* pv : b.aliasValues) {
        for (const AstValue* use : aliasesIn(pv->value)) {
            if (aliasInstance_.find(use->text) == aliasInstance_.end()) return false;
        }
    }
    for (const AstPropertyValue* pv : b.aliasValues) {
        const PropertyDecl* prop = b.cls->findProperty(pv->name);
        const CimType embeddedAs = prop->valueType() == CimType::Object ? CimType::Object : CimType::Instance;
        if (prop->type == CimType::Reference) {
            const auto path = aliasPath_.find(pv->value.text);
            if (path == aliasPath_.end()) {
                c_.error(pv->value.loc, "alias '$" + pv->value.text + "' names an instance without a path (its class " +
                                            "has no keys), so it cannot be referenced");
                b.failed = true;
                return true;
            }
            b.instance.set(prop->name, Value::reference(path->second));
        } else if (prop->isArray) {
            std::vector<Value> elements;
            for (const AstValue* use : aliasesIn(pv->value)) {
                elements.push_back(Value::embedded(aliasInstance_.at(use->text), embeddedAs));
                building_[aliasOwner_.at(use->text).first].usedEmbedded = true;
            }
            b.instance.set(prop->name, Value::array(embeddedAs, std::move(elements)));
        } else {
            b.instance.set(prop->name, Value::embedded(aliasInstance_.at(pv->value.text), embeddedAs));
            building_[aliasOwner_.at(pv->value.text).first].usedEmbedded = true;
        }
    }
    finish(b);
    return true;
}

// A reference written as a path string. The WMI dialect also takes mofcomp's single-key
// form, Class="value" (the key's name left out), and Class=@ for a singleton.
std::optional<Value> InstanceResolver::referenceValue(const AstValue& literal, const PendingInstance& source,
                                                      const std::string& nsName, std::string& why) {
    if (auto path = ObjectPath::tryParse(literal.text, &why)) return Value::reference(std::move(*path));
    const auto expanded = expandSingleKeyPath(literal.text, c_.staging().find(nsName));
    if (!expanded) return std::nullopt;
    if (!c_.isWmi(source.ast.loc)) {
        why = "\"" + literal.text + "\" leaves out the key's name: allowed in the WMI dialect; DSP0004 writes \"" +
              *expanded + "\"";
        return std::nullopt;
    }
    auto path = ObjectPath::tryParse(*expanded, &why);
    if (!path) return std::nullopt;
    return Value::reference(std::move(*path));
}

void InstanceResolver::finish(Building& b) {
    const AstInstance& ast = b.source->ast;
    // Properties not assigned take the class default, as a CIMOM fills them in.
    for (const PropertyDecl& prop : b.cls->properties) {
        if (!b.instance.has(prop.name) && !prop.defaultValue.isNull()) b.instance.set(prop.name, prop.defaultValue);
    }
    const std::string& nsName = c_.namespaceName(b.source->nameSpace);
    bool ok = true;
    const auto keys = b.cls->keyNames();
    for (const std::string& key : keys) {
        const Value* value = b.instance.find(key);
        if (!value || value->isNull()) {
            c_.error(ast.loc, "instance of '" + b.cls->name + "' does not set key property '" + key + "'");
            ok = false;
        }
    }
    if (ok) {
        try {
            b.instance.setPath(b.cls->pathOf(b.instance, nsName));
        } catch (const CimError& e) {
            c_.error(ast.loc, "instance of '" + b.cls->name + "': " + e.message());
            ok = false;
        }
    }
    if (!ok) {
        b.failed = true;
        return;
    }
    b.done = true;
    b.named = !keys.empty() || b.instance.path().isSingleton();
    if (!ast.alias.empty()) {
        if (b.named) aliasPath_.emplace(std::string(ast.alias), b.instance.path());
        aliasInstance_.emplace(std::string(ast.alias), b.instance);
    }
    // WMI creates a namespace with an __Namespace instance.
    if (b.cls->isA("__Namespace")) {
        if (const Value* name = b.instance.find("Name");
            name && !name->isNull() && !name->isArray() && name->type() == CimType::String) {
            c_.staging().getOrCreate(normalizeNamespaceName(nsName + "/" + name->asString()));
        }
    }
}

}  // namespace

void resolveInstances(Compilation& compilation) {
    InstanceResolver(compilation).run();
}

}  // namespace wmimock::mof::detail
