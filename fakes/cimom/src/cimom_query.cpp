// Cimom::execQuery: WQL SELECT over EnumerateInstances, and ASSOCIATORS OF / REFERENCES OF
// over the association traversal.
#include <algorithm>

#include "cimom_impl.hpp"
#include "instance_shaping.hpp"
#include "instance_validator.hpp"
#include "wql/wql_eval.hpp"
#include "wql/wql_query.hpp"

namespace wmimock {

using detail::NamespaceView;

namespace {

Instance keysOnly(const CimClass& cls, const Instance& instance) {
    Instance out(instance.className());
    out.setPath(instance.path());
    for (const PropertyDecl& p : cls.properties) {
        if (!p.isKey()) continue;
        if (const Value* v = instance.find(p.name)) out.set(p.name, *v);
    }
    return out;
}

}  // namespace

std::vector<Instance> Cimom::Impl::query(std::string_view nameSpace, std::string_view text) {
    const NamespaceView ns = view(nameSpace);
    const detail::WqlQuery parsed = detail::parseWql(text);

    if (const auto* select = std::get_if<detail::WqlSelect>(&parsed)) {
        const ClassPtr cls = ns.findClass(select->className);
        if (cls == nullptr) {
            throw CimError(CimStatus::InvalidClass, "WQL: class '" + select->className + "' (position " +
                                                        std::to_string(select->classPosition) +
                                                        ") does not exist in namespace " + std::string(ns.name));
        }
        bool wantsSystemProperties = false;
        PropertyList selected;
        if (select->properties) {
            selected.emplace();
            for (const auto& [name, position] : *select->properties) {
                if (detail::isSystemPropertyName(name)) {
                    wantsSystemProperties = true;
                } else if (cls->findProperty(name) == nullptr) {
                    throw CimError(CimStatus::InvalidQuery, "WQL error at position " + std::to_string(position) +
                                                                ": class " + cls->name + " has no property '" + name +
                                                                "'");
                }
                selected->push_back(name);
            }
        }
        if (select->where) detail::validateWqlCondition(*select->where, *cls);

        const std::string hostName = host();
        std::vector<Instance> out;
        for (const Instance& instance : collectInstances(ns, cls)) {
            if (select->where) {
                const Instance* current = &instance;
                ClassPtr instanceClass;  // looked up only if a system property is asked for
                detail::WqlContext context{
                    [&](std::string_view property) -> Value {
                        if (detail::isSystemPropertyName(property)) {
                            if (!instanceClass) instanceClass = ns.findClass(current->className());
                            return detail::systemProperty(*current, *instanceClass, property, ns.name, hostName);
                        }
                        const Value* v = current->find(property);
                        return v != nullptr ? *v : Value();
                    },
                    [&](std::string_view className, std::string_view ancestor) { return ns.isA(className, ancestor); }};
                if (!detail::wqlSelects(*select->where, context)) continue;
            }
            if (!select->properties) {
                out.push_back(instance);
                continue;
            }
            detail::ShapeRequest request;
            request.propertyList = &selected;
            request.systemProperties = wantsSystemProperties;
            const ClassPtr instanceClass = ns.findClass(instance.className());
            request.instanceClass = instanceClass.get();
            request.nameSpace = ns.name;
            request.host = hostName;
            Instance shaped = detail::shapeInstance(instance, request);
            if (wantsSystemProperties) {
                // Keep only the system properties the SELECT names.
                Instance trimmed(shaped.className());
                trimmed.setPath(shaped.path());
                for (const PropertyValue& p : shaped.properties()) {
                    const bool named = std::any_of(selected->begin(), selected->end(),
                                                   [&](const std::string& n) { return iequals(n, p.name); });
                    if (named) trimmed.set(p.name, p.value);
                }
                shaped = std::move(trimmed);
            }
            out.push_back(std::move(shaped));
        }
        return out;
    }

    const auto& association = std::get<detail::WqlAssociationQuery>(parsed);
    std::string error;
    auto source = ObjectPath::tryParse(association.path, &error);
    if (!source) {
        throw CimError(CimStatus::InvalidQuery,
                       "WQL error at position " + std::to_string(association.pathPosition) + ": " + error);
    }
    if (!association.unsupportedKeyword.empty()) {
        throw CimError(CimStatus::NotSupported, "WQL: " + association.unsupportedKeyword + " is not supported");
    }
    if (source->nameSpace().empty()) source->setNameSpace(ns.name);
    const NamespaceView sourceNs = iequals(source->nameSpace(), ns.name) ? ns : view(source->nameSpace());
    std::vector<Instance> found;
    if (association.references) {
        found = referenceInstances(sourceNs, *source, ReferenceFilter{association.resultClass, association.role},
                                   InstanceOptions{});
    } else {
        found = associatorInstances(
            sourceNs, *source,
            AssociatorFilter{association.assocClass, association.resultClass, association.role, association.resultRole},
            InstanceOptions{});
    }
    if (association.keysOnly) {
        for (Instance& instance : found) {
            if (const ClassPtr cls = sourceNs.findClass(instance.className())) instance = keysOnly(*cls, instance);
        }
    }
    return found;
}

std::vector<Instance> Cimom::doExecQuery(std::string_view nameSpace, std::string_view queryLanguage,
                                         std::string_view query) {
    return impl_->run(
        Operation::ExecQuery, nameSpace, {}, {}, [&] { return std::string(query); },
        [&] {
            if (!iequals(queryLanguage, "WQL")) {
                // Namespace errors take precedence over the language, as for every operation.
                impl_->view(nameSpace);
                throw CimError(CimStatus::QueryLanguageNotSupported,
                               "query language '" + std::string(queryLanguage) + "' is not supported; use WQL");
            }
            return impl_->query(nameSpace, query);
        });
}

}  // namespace wmimock
