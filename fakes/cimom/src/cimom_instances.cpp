// Cimom instance operations: the static store, instance providers and the DSP0200
// GetInstance / EnumerateInstances / EnumerateInstanceNames / CreateInstance /
// ModifyInstance / DeleteInstance semantics.
#include <algorithm>
#include <unordered_set>

#include "cimom_impl.hpp"
#include "instance_shaping.hpp"
#include "instance_validator.hpp"
#include "value_conversion.hpp"

namespace wmimock {

using detail::NamespaceView;

namespace {

ClassPtr requireClass(const NamespaceView& ns, std::string_view className) {
    if (className.empty()) throw CimError(CimStatus::InvalidParameter, "no class name given");
    ClassPtr cls = ns.findClass(className);
    if (cls == nullptr) {
        throw CimError(CimStatus::InvalidClass,
                       "class '" + std::string(className) + "' does not exist in namespace " + std::string(ns.name));
    }
    return cls;
}

void requireInstancePath(const ObjectPath& path) {
    if (path.isClassPath()) {
        throw CimError(CimStatus::InvalidParameter,
                       "'" + path.toString() + "' is a class path; an instance path needs key values");
    }
}

std::string notFoundMessage(const ObjectPath& path) {
    return "no instance '" + path.toString() + "'";
}

}  // namespace

// ---- Impl helpers -------------------------------------------------------------------

Instance Cimom::Impl::adoptProviderInstance(const NamespaceView& ns, Instance instance, const CimClass* expected,
                                            std::string_view registration) {
    const std::string what = "provider for " + std::string(registration);
    const ClassPtr cls = ns.findClass(instance.className());
    if (cls == nullptr) {
        throw CimError(CimStatus::Failed,
                       what + " returned an instance of unknown class '" + instance.className() + "'");
    }
    if (expected != nullptr && !cls->isA(expected->name)) {
        throw CimError(CimStatus::Failed,
                       what + " returned an instance of " + cls->name + ", which is not a " + expected->name);
    }
    const ObjectPath& path = instance.path();
    if (path.isClassPath() || path.nameSpace().empty() || path.className().empty()) {
        try {
            instance.setPath(cls->pathOf(instance, ns.name));
        } catch (const CimError& e) {
            throw CimError(CimStatus::Failed, what + " returned an instance without a usable path: " + e.message());
        }
    }
    return instance;
}

Instance Cimom::Impl::fetchInstance(const NamespaceView& ns, const ClassPtr& cls, const ObjectPath& path) {
    const auto canonical = ns.canonical(*cls, path);
    const ObjectPath& key = canonical ? *canonical : path;
    if (const auto providers = providersFor(ns, cls); providers && providers->instances) {
        const ProviderContext ctx = context(ns, *cls);
        Instance found =
            detail::guardProvider([&] { return "GetInstance provider for " + providers->instanceRegistration; },
                                  [&] { return providers->instances->getInstance(ctx, key); });
        return adoptProviderInstance(ns, std::move(found), cls.get(), providers->instanceRegistration);
    }
    std::optional<Instance> found = ns.runtime->store.find(key);
    if (!found) throw CimError(CimStatus::NotFound, notFoundMessage(key));
    return std::move(*found);
}

std::vector<Instance> Cimom::Impl::collectInstances(const NamespaceView& ns, const ClassPtr& cls) {
    std::vector<ClassPtr> subtree{cls};
    for (const std::string& name : ns.classes->subclassNames(cls->name, true)) {
        if (ClassPtr sub = ns.findClass(name)) subtree.push_back(std::move(sub));
    }
    std::vector<Instance> out;
    if (ns.runtime->providers.empty()) {
        for (const ClassPtr& k : subtree) ns.runtime->store.appendInstances(k->name, out);
        return out;
    }
    // Each provider is asked once per subtree it serves, rooted at the most general class of
    // that subtree; its answers are kept only for classes it actually serves, so a class
    // with a more derived provider is never reported twice.
    struct ProviderCall {
        std::shared_ptr<const detail::ProviderResolution> resolution;
        ClassPtr root;
    };
    std::vector<ProviderCall> calls;
    for (const ClassPtr& k : subtree) {
        auto resolution = ns.runtime->providers.resolve(k);
        if (!resolution->instances) {
            ns.runtime->store.appendInstances(k->name, out);
            continue;
        }
        bool parentServedBySame = false;
        if (k != cls) {
            if (const ClassPtr parent = ns.findClass(k->superClass)) {
                parentServedBySame = ns.runtime->providers.resolve(parent)->instances == resolution->instances;
            }
        }
        if (!parentServedBySame) calls.push_back(ProviderCall{std::move(resolution), k});
    }
    for (const ProviderCall& call : calls) {
        const ProviderContext ctx = context(ns, *call.root);
        const std::string& registration = call.resolution->instanceRegistration;
        std::vector<Instance> served =
            detail::guardProvider([&] { return "EnumerateInstances provider for " + registration; },
                                  [&] { return call.resolution->instances->enumerateInstances(ctx, call.root->name); });
        for (Instance& instance : served) {
            // Instances outside the requested subtree are dropped rather than failed: a provider
            // may well answer with everything it serves.
            Instance adopted = adoptProviderInstance(ns, std::move(instance), nullptr, registration);
            const ClassPtr actual = ns.findClass(adopted.className());
            if (!actual->isA(call.root->name)) continue;
            if (ns.runtime->providers.resolve(actual)->instances != call.resolution->instances) continue;
            out.push_back(std::move(adopted));
        }
    }
    return out;
}

ObjectPath Cimom::Impl::addStaticInstance(const NamespaceView& ns, const Instance& instance) {
    const ClassPtr cls = requireClass(ns, instance.className());
    Instance validated = detail::validateInstance(*cls, instance, ns.name);
    if (!ns.runtime->store.insert(validated)) {
        throw CimError(CimStatus::AlreadyExists, "instance '" + validated.path().toString() + "' already exists");
    }
    return validated.path();
}

Instance Cimom::Impl::shapeResult(const NamespaceView& ns, const Instance& instance, const InstanceOptions& options) {
    detail::ShapeRequest request;
    request.propertyList = &options.propertyList;
    request.systemProperties = options.includeSystemProperties;
    if (!request.changesAnything()) return instance;
    const ClassPtr cls = ns.findClass(instance.className());
    request.instanceClass = cls.get();
    request.nameSpace = ns.name;
    const std::string hostName = options.includeSystemProperties ? host() : std::string();
    request.host = hostName;
    return detail::shapeInstance(instance, request);
}

// ---- static store administration ----------------------------------------------------

ObjectPath Cimom::addInstance(std::string_view nameSpace, const Instance& instance) {
    return impl_->addStaticInstance(impl_->view(nameSpace), instance);
}

void Cimom::removeInstance(const ObjectPath& path) {
    const NamespaceView ns = impl_->view(detail::pathNamespace(path));
    const ClassPtr cls = requireClass(ns, path.className());
    const auto canonical = ns.canonical(*cls, path);
    const ObjectPath& key = canonical ? *canonical : path;
    if (!ns.runtime->store.erase(key)) throw CimError(CimStatus::NotFound, notFoundMessage(key));
}

void Cimom::putInstance(const ObjectPath& path, const Instance& instance) {
    const NamespaceView ns = impl_->view(detail::pathNamespace(path));
    const ClassPtr cls = requireClass(ns, path.className());
    Instance named = instance;
    named.setClassName(cls->name);
    Instance validated = detail::validateInstance(*cls, named, ns.name);
    const auto canonical = ns.canonical(*cls, path);
    const ObjectPath& key = canonical ? *canonical : path;
    if (!(validated.path() == key)) {
        throw CimError(CimStatus::InvalidParameter, "putInstance: the instance's keys name '" +
                                                        validated.path().toString() + "', not '" + key.toString() +
                                                        "'");
    }
    if (!ns.runtime->store.replace(validated)) throw CimError(CimStatus::NotFound, notFoundMessage(key));
}

// ---- CimClient: instance operations -------------------------------------------------

Instance Cimom::doGetInstance(const ObjectPath& path, const InstanceOptions& options) {
    const std::string_view nameSpace = detail::pathNamespace(path);
    return impl_->run(
        Operation::GetInstance, nameSpace, path.className(), {}, [&] { return path.toString(); },
        [&] {
            const NamespaceView ns = impl_->view(nameSpace);
            const ClassPtr cls = requireClass(ns, path.className());
            requireInstancePath(path);
            Instance found = impl_->fetchInstance(ns, cls, path);
            return impl_->shapeResult(ns, found, options);
        });
}

std::vector<Instance> Cimom::doEnumerateInstances(std::string_view nameSpace, std::string_view className,
                                                  const InstanceOptions& options) {
    return impl_->run(
        Operation::EnumerateInstances, nameSpace, className, {}, [&] { return std::string(className); },
        [&] {
            const NamespaceView ns = impl_->view(nameSpace);
            const ClassPtr cls = requireClass(ns, className);
            std::vector<Instance> found = impl_->collectInstances(ns, cls);
            detail::ShapeRequest request;
            request.propertyList = &options.propertyList;
            request.requestedClass = options.deepInheritance ? nullptr : cls.get();
            request.systemProperties = options.includeSystemProperties;
            if (!request.changesAnything()) return found;
            const std::string hostName = impl_->host();
            request.nameSpace = ns.name;
            request.host = hostName;
            for (Instance& instance : found) {
                const ClassPtr actual = ns.findClass(instance.className());
                request.instanceClass = actual.get();
                instance = detail::shapeInstance(instance, request);
            }
            return found;
        });
}

std::vector<ObjectPath> Cimom::doEnumerateInstanceNames(std::string_view nameSpace, std::string_view className) {
    return impl_->run(
        Operation::EnumerateInstanceNames, nameSpace, className, {}, [&] { return std::string(className); },
        [&] {
            const NamespaceView ns = impl_->view(nameSpace);
            const ClassPtr cls = requireClass(ns, className);
            std::vector<ObjectPath> paths;
            if (ns.runtime->providers.empty()) {
                ns.runtime->store.appendPaths(cls->name, paths);
                for (const std::string& sub : ns.classes->subclassNames(cls->name, true)) {
                    ns.runtime->store.appendPaths(sub, paths);
                }
                return paths;
            }
            std::vector<Instance> found = impl_->collectInstances(ns, cls);
            paths.reserve(found.size());
            for (const Instance& instance : found) paths.push_back(instance.path());
            return paths;
        });
}

ObjectPath Cimom::doCreateInstance(std::string_view nameSpace, const Instance& instance) {
    return impl_->run(
        Operation::CreateInstance, nameSpace, instance.className(), {}, [&] { return instance.className(); },
        [&] {
            const NamespaceView ns = impl_->view(nameSpace);
            const ClassPtr cls = requireClass(ns, instance.className());
            const auto providers = impl_->providersFor(ns, cls);
            if (!providers || !providers->instances) return impl_->addStaticInstance(ns, instance);
            Instance validated = detail::validateInstance(*cls, instance, ns.name);
            const ProviderContext ctx = impl_->context(ns, *cls);
            ObjectPath created =
                detail::guardProvider([&] { return "CreateInstance provider for " + providers->instanceRegistration; },
                                      [&] { return providers->instances->createInstance(ctx, validated); });
            if (created.nameSpace().empty()) created.setNameSpace(ns.name);
            return created;
        });
}

namespace {

/// The properties ModifyInstance changes: name -> converted value, per DSP0200: with a
/// PropertyList exactly the listed ones (absent from the instance -> class default),
/// else every property the instance carries.
std::vector<PropertyValue> modifications(const CimClass& cls, const Instance& instance, const PropertyList& list,
                                         std::string_view nameSpace) {
    for (const PropertyValue& p : instance.properties()) {
        if (!detail::isSystemPropertyName(p.name) && cls.findProperty(p.name) == nullptr) {
            throw CimError(CimStatus::InvalidParameter, "class '" + cls.name + "' has no property '" + p.name + "'");
        }
    }
    std::vector<PropertyValue> changes;
    auto add = [&](const PropertyDecl& decl, const Value* given) {
        Value value = given != nullptr
                          ? detail::convertToDeclared(*given, decl,
                                                      [&] { return "property '" + cls.name + "." + decl.name + "'"; })
                      : decl.defaultValue.isNull() ? Value::null(decl.type, decl.isArray)
                                                   : decl.defaultValue;
        changes.push_back(PropertyValue{decl.name, detail::qualifyReferences(value, nameSpace)});
    };
    if (list) {
        for (const std::string& name : *list) {
            const PropertyDecl* decl = cls.findProperty(name);
            if (decl == nullptr) {
                throw CimError(CimStatus::InvalidParameter,
                               "PropertyList names '" + name + "', which class '" + cls.name + "' does not have");
            }
            add(*decl, instance.find(name));
        }
    } else {
        for (const PropertyValue& p : instance.properties()) {
            if (!detail::isSystemPropertyName(p.name)) add(*cls.findProperty(p.name), &p.value);
        }
    }
    return changes;
}

/// Applies `changes` to `current`, refusing to change keys or properties without Write.
Instance applyModifications(const CimClass& cls, const Instance& current, const std::vector<PropertyValue>& changes) {
    Instance next = current;
    for (const PropertyValue& change : changes) {
        const PropertyDecl& decl = *cls.findProperty(change.name);
        const Value* old = current.find(change.name);
        const bool differs = old == nullptr || !(*old == change.value);
        if (!differs) continue;
        if (decl.isKey()) {
            throw CimError(CimStatus::InvalidParameter, "key property '" + decl.name + "' cannot be modified");
        }
        if (!decl.qualifiers.isTrue("Write")) {
            throw CimError(CimStatus::InvalidParameter,
                           "property '" + cls.name + "." + decl.name + "' is not writable (no Write qualifier)");
        }
        if (change.value.isNull() && decl.qualifiers.isTrue("Required")) {
            throw CimError(CimStatus::InvalidParameter, "property '" + cls.name + "." + decl.name + "' is Required");
        }
        next.set(decl.name, change.value);
    }
    return next;
}

}  // namespace

void Cimom::doModifyInstance(const Instance& instance, const PropertyList& propertyList) {
    const ObjectPath& given = instance.path();
    const std::string_view nameSpace = detail::pathNamespace(given);
    const std::string_view className =
        given.className().empty() ? std::string_view(instance.className()) : std::string_view(given.className());
    impl_->run(
        Operation::ModifyInstance, nameSpace, className, {}, [&] { return given.toString(); },
        [&] {
            const NamespaceView ns = impl_->view(nameSpace);
            const ClassPtr cls = requireClass(ns, className);
            ObjectPath path = given;
            if (path.isClassPath()) {
                path = cls->pathOf(instance, ns.name);  // the keys carried by the instance name it
            }
            const auto canonical = ns.canonical(*cls, path);
            const ObjectPath& key = canonical ? *canonical : path;
            const std::vector<PropertyValue> changes = modifications(*cls, instance, propertyList, ns.name);

            if (const auto providers = impl_->providersFor(ns, cls); providers && providers->instances) {
                const Instance current = impl_->fetchInstance(ns, cls, key);
                Instance next = applyModifications(*cls, current, changes);
                next.setPath(key);
                const ProviderContext ctx = impl_->context(ns, *cls);
                detail::guardProvider([&] { return "ModifyInstance provider for " + providers->instanceRegistration; },
                                      [&] { providers->instances->modifyInstance(ctx, next, propertyList); });
                return;
            }
            const bool found = ns.runtime->store.modify(
                key, [&](const Instance& current) { return applyModifications(*cls, current, changes); });
            if (!found) throw CimError(CimStatus::NotFound, notFoundMessage(key));
        });
}

void Cimom::doDeleteInstance(const ObjectPath& path) {
    const std::string_view nameSpace = detail::pathNamespace(path);
    impl_->run(
        Operation::DeleteInstance, nameSpace, path.className(), {}, [&] { return path.toString(); },
        [&] {
            const NamespaceView ns = impl_->view(nameSpace);
            const ClassPtr cls = requireClass(ns, path.className());
            requireInstancePath(path);
            const auto canonical = ns.canonical(*cls, path);
            const ObjectPath& key = canonical ? *canonical : path;
            if (const auto providers = impl_->providersFor(ns, cls); providers && providers->instances) {
                const ProviderContext ctx = impl_->context(ns, *cls);
                detail::guardProvider([&] { return "DeleteInstance provider for " + providers->instanceRegistration; },
                                      [&] { providers->instances->deleteInstance(ctx, key); });
                return;
            }
            if (!ns.runtime->store.erase(key)) throw CimError(CimStatus::NotFound, notFoundMessage(key));
        });
}

}  // namespace wmimock
