// Cimom schema changes over the WBEM interface: SetQualifier, DeleteQualifier, CreateClass,
// ModifyClass, DeleteClass. Each edits a copy of the schema and publishes it whole, so an
// operation running at the same time sees the schema before or after, never half of it.
#include "cimom_impl.hpp"
#include "incoming_class.hpp"

namespace wmimock {
namespace {

/// The namespace's runtime store holds instances of `className` itself.
void refuseWhenInUse(const SchemaNamespace& ns, detail::NamespaceRuntime& runtime, std::string_view className) {
    if (!ns.subclassNames(className, false).empty()) {
        throw CimError(CimStatus::ClassHasChildren,
                       "class '" + std::string(className) + "' has subclasses in namespace " + ns.name());
    }
    if (runtime.store.count(className) != 0) {
        throw CimError(CimStatus::ClassHasInstances,
                       "class '" + std::string(className) + "' has instances in namespace " + ns.name());
    }
}

}  // namespace

template <class Edit>
void Cimom::Impl::editSchema(std::string_view nameSpace, const Edit& edit) {
    std::lock_guard writers(schemaWriters);
    const detail::NamespaceView current = view(nameSpace);  // InvalidNamespace when absent
    auto next = std::make_shared<SchemaRepository>(*snapshot());
    edit(*next->find(current.name), *current.runtime);
    publish(std::move(next));
}

void Cimom::doSetQualifier(std::string_view nameSpace, const QualifierDecl& declaration) {
    impl_->run(
        Operation::SetQualifier, nameSpace, {}, {}, [&] { return declaration.name; },
        [&] {
            if (declaration.name.empty()) throw CimError(CimStatus::InvalidParameter, "a qualifier needs a name");
            impl_->editSchema(nameSpace,
                              [&](SchemaNamespace& ns, detail::NamespaceRuntime&) { ns.putQualifier(declaration); });
        });
}

void Cimom::doDeleteQualifier(std::string_view nameSpace, std::string_view name) {
    impl_->run(
        Operation::DeleteQualifier, nameSpace, {}, {}, [&] { return std::string(name); },
        [&] {
            impl_->editSchema(nameSpace, [&](SchemaNamespace& ns, detail::NamespaceRuntime&) {
                if (!ns.removeQualifier(name)) {
                    throw CimError(CimStatus::NotFound,
                                   "qualifier '" + std::string(name) + "' is not declared in namespace " + ns.name());
                }
            });
        });
}

void Cimom::doCreateClass(std::string_view nameSpace, const CimClass& definition) {
    impl_->run(
        Operation::CreateClass, nameSpace, definition.name, {}, [&] { return definition.name; },
        [&] {
            impl_->editSchema(nameSpace, [&](SchemaNamespace& ns, detail::NamespaceRuntime&) {
                if (ns.findClass(definition.name) != nullptr) {
                    throw CimError(CimStatus::AlreadyExists,
                                   "class '" + definition.name + "' already exists in namespace " + ns.name());
                }
                ns.putClass(std::make_shared<const CimClass>(detail::resolveIncomingClass(ns, definition)));
            });
        });
}

void Cimom::doModifyClass(std::string_view nameSpace, const CimClass& definition) {
    impl_->run(
        Operation::ModifyClass, nameSpace, definition.name, {}, [&] { return definition.name; },
        [&] {
            impl_->editSchema(nameSpace, [&](SchemaNamespace& ns, detail::NamespaceRuntime& runtime) {
                if (ns.findClass(definition.name) == nullptr) {
                    throw CimError(CimStatus::NotFound,
                                   "class '" + definition.name + "' does not exist in namespace " + ns.name());
                }
                refuseWhenInUse(ns, runtime, definition.name);
                ns.removeClass(definition.name);
                ns.putClass(std::make_shared<const CimClass>(detail::resolveIncomingClass(ns, definition)));
            });
        });
}

void Cimom::doDeleteClass(std::string_view nameSpace, std::string_view className) {
    impl_->run(
        Operation::DeleteClass, nameSpace, className, {}, [&] { return std::string(className); },
        [&] {
            impl_->editSchema(nameSpace, [&](SchemaNamespace& ns, detail::NamespaceRuntime& runtime) {
                if (ns.findClass(className) == nullptr) {
                    throw CimError(CimStatus::NotFound,
                                   "class '" + std::string(className) + "' does not exist in namespace " + ns.name());
                }
                refuseWhenInUse(ns, runtime, className);
                ns.removeClass(className);
            });
        });
}

}  // namespace wmimock
