// The state behind Cimom and the helpers its operations share. Locking:
//  - the schema is an immutable SchemaRepository snapshot swapped under schemaMutex
//    (writers copy, edit and swap, serialized by schemaWriters);
//  - each namespace has a runtime (instance store, provider registry) created once and
//    never destroyed before the Cimom, so raw pointers to it stay valid;
//  - instance stores lock per class; no lock is ever held while a provider runs.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "fault_injector_impl.hpp"
#include "instance_store.hpp"
#include "instance_validator.hpp"
#include "operation_trace.hpp"
#include "provider_registry.hpp"
#include "wmimock/cimom/cimom.hpp"
#include "wmimock/mof/schema_repository.hpp"

namespace wmimock {

namespace detail {

struct NamespaceRuntime {
    InstanceStore store;
    ProviderRegistry providers;
};

/// A published schema plus what the hot paths need to know about every class, computed
/// once per publication rather than once per call.
struct SchemaSnapshot {
    std::shared_ptr<const SchemaRepository> repository;
    /// Key properties of every class (declaration order), by class identity.
    std::unordered_map<const CimClass*, std::vector<KeyDecl>> keys;

    explicit SchemaSnapshot(std::shared_ptr<const SchemaRepository> published);
};

/// One namespace as an operation sees it: a schema snapshot that stays valid for the whole
/// call, and the namespace's runtime state.
struct NamespaceView {
    std::shared_ptr<const SchemaSnapshot> schema;
    const SchemaNamespace* classes = nullptr;
    NamespaceRuntime* runtime = nullptr;
    std::string_view name;  ///< normalized, owned by `schema`

    ClassPtr findClass(std::string_view className) const { return classes->findClass(className); }
    /// The key properties of `cls` (a class of this snapshot), or null if unknown.
    const std::vector<KeyDecl>* keysOf(const CimClass& cls) const {
        const auto it = schema->keys.find(&cls);
        return it == schema->keys.end() ? nullptr : &it->second;
    }
    /// `path` in the store's canonical form for `cls`, or nullopt when it already is.
    std::optional<ObjectPath> canonical(const CimClass& cls, const ObjectPath& path) const {
        return canonicalInstancePath(cls, keysOf(cls), path, name);
    }
    bool isA(std::string_view className, std::string_view ancestor) const;
};

/// The namespace a path names, or the default one when it names none.
std::string_view pathNamespace(const ObjectPath& path) noexcept;
inline constexpr std::string_view kDefaultNamespace = "root/cimv2";

/// Runs a provider call; anything it throws other than CimError becomes CIM_ERR_FAILED
/// carrying the exception's message, so a faulty provider cannot take the CIMOM down.
/// `describe()` names the provider; it is only called on failure (keeps the hot path free
/// of string building).
template <class Describe, class Call>
auto guardProvider(const Describe& describe, Call&& call) -> decltype(call()) {
    try {
        return call();
    } catch (const CimError&) {
        throw;
    } catch (const std::exception& e) {
        throw CimError(CimStatus::Failed, describe() + " failed: " + e.what());
    } catch (...) {
        throw CimError(CimStatus::Failed, describe() + " failed with a non-standard exception");
    }
}

}  // namespace detail

struct Cimom::Impl {
    Impl(Cimom& owner, std::shared_ptr<Clock> clock);

    Cimom& owner;
    std::shared_ptr<Clock> clock;
    detail::FaultInjectorImpl faults;

    mutable std::shared_mutex hostMutex;
    std::string hostName = "localhost";

    mutable std::shared_mutex schemaMutex;
    std::shared_ptr<const detail::SchemaSnapshot> schema;
    std::mutex schemaWriters;

    mutable std::shared_mutex runtimesMutex;
    std::unordered_map<std::string, std::unique_ptr<detail::NamespaceRuntime>, NameHash, NameEqual> runtimes;

    // ---- schema --------------------------------------------------------------------
    std::shared_ptr<const SchemaRepository> snapshot() const;
    std::shared_ptr<const detail::SchemaSnapshot> fullSnapshot() const;
    void publish(std::shared_ptr<const SchemaRepository> next);
    detail::NamespaceRuntime& runtimeFor(std::string_view normalizedNamespace);
    /// Throws CimError(InvalidNamespace) when the namespace does not exist.
    detail::NamespaceView view(std::string_view nameSpace);
    std::string host() const;
    /// Compiles into a copy of the schema, validates the declared instances, then swaps the
    /// copy in and stores the instances; on any error nothing changes.
    MofCompileResult load(const MofCompileOptions& options, std::string_view source,
                          const std::function<MofCompileResult(const MofCompiler&, SchemaRepository&)>& compile);

    /// Copies the schema, lets `edit(SchemaNamespace&, NamespaceRuntime&)` change the
    /// existing namespace `nameSpace` (InvalidNamespace otherwise), publishes the copy.
    template <class Edit>
    void editSchema(std::string_view nameSpace, const Edit& edit);

    // ---- operation scaffolding -----------------------------------------------------
    /// Tracing, fault injection and error normalization around one client operation.
    template <class Describe, class Body>
    auto run(Operation operation, std::string_view nameSpace, std::string_view className, std::string_view methodName,
             const Describe& describe, Body&& body) -> decltype(body());
    void applyFaults(Operation operation, std::string_view nameSpace, std::string_view className,
                     std::string_view methodName);
    template <class Use>
    auto withFaultTarget(Operation operation, std::string_view nameSpace, std::string_view className,
                         std::string_view methodName, const Use& use);
    /// What a `replaces` fault rule answers instead of `failure`, or nullopt.
    std::optional<CimError> rewriteFailure(Operation operation, std::string_view nameSpace, std::string_view className,
                                           std::string_view methodName, const CimError& failure);

    ProviderContext context(const detail::NamespaceView& ns, const CimClass& cls) {
        return ProviderContext{ns.name, cls, owner, *clock};
    }
    /// Providers serving `cls`, or null when the namespace has none at all.
    std::shared_ptr<const detail::ProviderResolution> providersFor(const detail::NamespaceView& ns,
                                                                   const ClassPtr& cls) const;

    // ---- instances -----------------------------------------------------------------
    /// The instance at `path` (of class `cls`) from its provider or the static store.
    /// Throws CimError(NotFound) when there is none.
    Instance fetchInstance(const detail::NamespaceView& ns, const ClassPtr& cls, const ObjectPath& path);
    /// Instances of `cls` and all its subclasses: the static store merged with every
    /// provider registered in the subtree.
    std::vector<Instance> collectInstances(const detail::NamespaceView& ns, const ClassPtr& cls);
    /// Checks an instance a provider returned: known class deriving from `expected` (when
    /// given), path complete (computed from the keys when missing). Malformed ->
    /// CimError(Failed).
    Instance adoptProviderInstance(const detail::NamespaceView& ns, Instance instance, const CimClass* expected,
                                   std::string_view registration);
    ObjectPath addStaticInstance(const detail::NamespaceView& ns, const Instance& instance);

    // ---- associations --------------------------------------------------------------
    struct AssociationMatch {
        Instance association;
        ClassPtr associationClass;
        std::string sourceRole;  ///< the reference property that names the source
    };
    /// Association instances (of `assocClass` when given) that reference `source` through
    /// a reference property named `role` (any when empty).
    std::vector<AssociationMatch> findAssociations(const detail::NamespaceView& ns, const ObjectPath& source,
                                                   const ClassPtr& assocClass, std::string_view role);
    /// Checks the source object and filter class names; returns the canonical source path.
    ObjectPath checkAssociationSource(const detail::NamespaceView& ns, const ObjectPath& source);
    ClassPtr filterClass(const detail::NamespaceView& ns, std::string_view name, std::string_view what) const;
    std::vector<ObjectPath> associatorPaths(const detail::NamespaceView& ns, const ObjectPath& source,
                                            const AssociatorFilter& filter);
    std::vector<Instance> associatorInstances(const detail::NamespaceView& ns, const ObjectPath& source,
                                              const AssociatorFilter& filter, const InstanceOptions& options);
    std::vector<Instance> referenceInstances(const detail::NamespaceView& ns, const ObjectPath& source,
                                             const ReferenceFilter& filter, const InstanceOptions& options);
    Instance shapeResult(const detail::NamespaceView& ns, const Instance& instance, const InstanceOptions& options);

    // ---- query ---------------------------------------------------------------------
    std::vector<Instance> query(std::string_view nameSpace, std::string_view text);
};

template <class Describe, class Body>
auto Cimom::Impl::run(Operation operation, std::string_view nameSpace, std::string_view className,
                      std::string_view methodName, const Describe& describe, Body&& body) -> decltype(body()) {
    detail::OperationTrace trace(operation, nameSpace);
    if (trace.enabled()) trace.setTarget(describe());
    try {
        if (faults.active()) applyFaults(operation, nameSpace, className, methodName);
        if constexpr (std::is_void_v<decltype(body())>) {
            body();
            trace.finish(CimStatus::Success);
        } else {
            auto result = body();
            trace.finish(CimStatus::Success);
            return result;
        }
    } catch (const CimError& e) {
        if (faults.active()) {
            if (auto replaced = rewriteFailure(operation, nameSpace, className, methodName, e)) {
                trace.finish(replaced->status(), replaced->message());
                throw *replaced;
            }
        }
        trace.finish(e.status(), e.message());
        throw;
    } catch (const std::exception& e) {
        // Only reachable for failures of the CIMOM itself (e.g. bad_alloc): still a CIM error.
        trace.finish(CimStatus::Failed, e.what());
        throw CimError(CimStatus::Failed, std::string("internal error: ") + e.what());
    }
}

}  // namespace wmimock
