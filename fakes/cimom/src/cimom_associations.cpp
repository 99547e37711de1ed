// Cimom association traversal: Associators, AssociatorNames, References, ReferenceNames
// over the association instances (static or provided) that reference the source object.
#include <unordered_set>

#include "cimom_impl.hpp"
#include "instance_validator.hpp"

namespace wmimock {

using detail::NamespaceView;

namespace {

/// A reference value's path with its namespace defaulted to `nameSpace`.
ObjectPath qualified(const ObjectPath& path, std::string_view nameSpace) {
    if (!path.nameSpace().empty()) return path;
    ObjectPath out = path;
    out.setNameSpace(nameSpace);
    return out;
}

/// Association classes to search: `assocClass` (its subclasses come with it) or every
/// association class that does not derive from another one.
std::vector<ClassPtr> associationRoots(const NamespaceView& ns, const ClassPtr& assocClass) {
    if (assocClass) return {assocClass};
    std::vector<ClassPtr> roots;
    for (const ClassPtr& cls : ns.classes->classes()) {
        if (!cls->isAssociation()) continue;
        const ClassPtr parent = cls->superClass.empty() ? nullptr : ns.findClass(cls->superClass);
        if (parent && parent->isAssociation()) continue;
        roots.push_back(cls);
    }
    return roots;
}

}  // namespace

ClassPtr Cimom::Impl::filterClass(const NamespaceView& ns, std::string_view name, std::string_view what) const {
    if (name.empty()) return nullptr;
    ClassPtr cls = ns.findClass(name);
    if (cls == nullptr) {
        throw CimError(CimStatus::InvalidParameter, std::string(what) + " '" + std::string(name) +
                                                        "' is not a class in namespace " + std::string(ns.name));
    }
    return cls;
}

ObjectPath Cimom::Impl::checkAssociationSource(const NamespaceView& ns, const ObjectPath& source) {
    if (source.isClassPath()) {
        throw CimError(CimStatus::NotSupported, "class-level association traversal ('" + source.toString() +
                                                    "') is not supported; name an instance");
    }
    const ClassPtr cls = ns.findClass(source.className());
    if (cls == nullptr) {
        throw CimError(CimStatus::NotFound,
                       "class '" + source.className() + "' does not exist in namespace " + std::string(ns.name));
    }
    auto canonical = ns.canonical(*cls, source);
    ObjectPath path = canonical ? std::move(*canonical) : source;
    fetchInstance(ns, cls, path);  // NOT_FOUND when the source object does not exist
    return path;
}

std::vector<Cimom::Impl::AssociationMatch> Cimom::Impl::findAssociations(const NamespaceView& ns,
                                                                         const ObjectPath& source,
                                                                         const ClassPtr& assocClass,
                                                                         std::string_view role) {
    std::vector<AssociationMatch> matches;
    for (const ClassPtr& root : associationRoots(ns, assocClass)) {
        for (Instance& association : collectInstances(ns, root)) {
            ClassPtr cls = ns.findClass(association.className());
            if (cls == nullptr) continue;
            for (const PropertyValue& p : association.properties()) {
                if (p.value.type() != CimType::Reference || p.value.isArray() || p.value.isNull()) continue;
                if (!role.empty() && !iequals(p.name, role)) continue;
                if (!(qualified(p.value.asReference(), ns.name) == source)) continue;
                matches.push_back(AssociationMatch{association, cls, p.name});
            }
        }
    }
    return matches;
}

std::vector<ObjectPath> Cimom::Impl::associatorPaths(const NamespaceView& ns, const ObjectPath& source,
                                                     const AssociatorFilter& filter) {
    const ClassPtr assocClass = filterClass(ns, filter.assocClass, "AssocClass");
    const ClassPtr resultClass = filterClass(ns, filter.resultClass, "ResultClass");
    const ObjectPath origin = checkAssociationSource(ns, source);
    std::vector<ObjectPath> out;
    std::unordered_set<ObjectPath, detail::StorePathHash> seen;
    for (const AssociationMatch& match : findAssociations(ns, origin, assocClass, filter.role)) {
        for (const PropertyValue& p : match.association.properties()) {
            if (p.value.type() != CimType::Reference || p.value.isArray() || p.value.isNull()) continue;
            if (iequals(p.name, match.sourceRole)) continue;
            if (!filter.resultRole.empty() && !iequals(p.name, filter.resultRole)) continue;
            ObjectPath far = qualified(p.value.asReference(), ns.name);
            if (resultClass && !ns.isA(far.className(), resultClass->name)) continue;
            if (seen.insert(far).second) out.push_back(std::move(far));
        }
    }
    return out;
}

std::vector<Instance> Cimom::Impl::associatorInstances(const NamespaceView& ns, const ObjectPath& source,
                                                       const AssociatorFilter& filter, const InstanceOptions& options) {
    std::vector<Instance> out;
    for (const ObjectPath& far : associatorPaths(ns, source, filter)) {
        // The far end may live in another namespace; dangling references are skipped, as a
        // CIMOM cannot return an object that does not exist.
        try {
            const NamespaceView farNs = iequals(far.nameSpace(), ns.name) ? ns : view(far.nameSpace());
            const ClassPtr cls = farNs.findClass(far.className());
            if (cls == nullptr) continue;
            out.push_back(shapeResult(farNs, fetchInstance(farNs, cls, far), options));
        } catch (const CimError& e) {
            if (e.status() != CimStatus::NotFound && e.status() != CimStatus::InvalidNamespace) throw;
        }
    }
    return out;
}

std::vector<Instance> Cimom::Impl::referenceInstances(const NamespaceView& ns, const ObjectPath& source,
                                                      const ReferenceFilter& filter, const InstanceOptions& options) {
    const ClassPtr resultClass = filterClass(ns, filter.resultClass, "ResultClass");
    const ObjectPath origin = checkAssociationSource(ns, source);
    std::vector<Instance> out;
    std::unordered_set<ObjectPath, detail::StorePathHash> seen;
    for (const AssociationMatch& match : findAssociations(ns, origin, resultClass, filter.role)) {
        if (seen.insert(match.association.path()).second) out.push_back(shapeResult(ns, match.association, options));
    }
    return out;
}

std::vector<Instance> Cimom::doAssociators(const ObjectPath& source, const AssociatorFilter& filter,
                                           const InstanceOptions& options) {
    const std::string_view nameSpace = detail::pathNamespace(source);
    return impl_->run(
        Operation::Associators, nameSpace, source.className(), {}, [&] { return source.toString(); },
        [&] { return impl_->associatorInstances(impl_->view(nameSpace), source, filter, options); });
}

std::vector<ObjectPath> Cimom::doAssociatorNames(const ObjectPath& source, const AssociatorFilter& filter) {
    const std::string_view nameSpace = detail::pathNamespace(source);
    return impl_->run(
        Operation::AssociatorNames, nameSpace, source.className(), {}, [&] { return source.toString(); },
        [&] { return impl_->associatorPaths(impl_->view(nameSpace), source, filter); });
}

std::vector<Instance> Cimom::doReferences(const ObjectPath& source, const ReferenceFilter& filter,
                                          const InstanceOptions& options) {
    const std::string_view nameSpace = detail::pathNamespace(source);
    return impl_->run(
        Operation::References, nameSpace, source.className(), {}, [&] { return source.toString(); },
        [&] { return impl_->referenceInstances(impl_->view(nameSpace), source, filter, options); });
}

std::vector<ObjectPath> Cimom::doReferenceNames(const ObjectPath& source, const ReferenceFilter& filter) {
    const std::string_view nameSpace = detail::pathNamespace(source);
    return impl_->run(
        Operation::ReferenceNames, nameSpace, source.className(), {}, [&] { return source.toString(); },
        [&] {
            std::vector<ObjectPath> paths;
            for (const Instance& association :
                 impl_->referenceInstances(impl_->view(nameSpace), source, filter, InstanceOptions{})) {
                paths.push_back(association.path());
            }
            return paths;
        });
}

}  // namespace wmimock
