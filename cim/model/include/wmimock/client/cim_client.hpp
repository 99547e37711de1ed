// The client-facing WBEM operations (DSP0200 intrinsic methods plus InvokeMethod).
// Implemented by the fake CIMOM, the CIM-XML and WS-Management clients and the mock;
// the conformance checks only ever talk to this interface (through its public members).
// Every operation reports failure by throwing CimError with the DSP0200 status code.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wmimock/cim/cim_class.hpp"
#include "wmimock/cim/instance.hpp"
#include "wmimock/cim/object_path.hpp"
#include "wmimock/cim/value.hpp"

namespace wmimock {

/// NULL (nullopt) property list means "all properties"; an empty list means "none".
using PropertyList = std::optional<std::vector<std::string>>;

struct GetClassOptions {
    bool localOnly = true;
    bool includeQualifiers = true;
    bool includeClassOrigin = false;
    PropertyList propertyList;
};

struct InstanceOptions {
    bool deepInheritance = true;     ///< EnumerateInstances: include subclass properties
    bool includeQualifiers = false;  ///< deprecated in DSP0200; kept for completeness
    bool includeClassOrigin = false;
    bool includeSystemProperties = false;  ///< WMI __CLASS, __PATH, __RELPATH, ... on results
    PropertyList propertyList;
};

/// Filters of Associators / AssociatorNames (empty string = no filter).
struct AssociatorFilter {
    std::string assocClass;
    std::string resultClass;
    std::string role;
    std::string resultRole;
};

/// Filters of References / ReferenceNames.
struct ReferenceFilter {
    std::string resultClass;
    std::string role;
};

/// An IN or OUT method parameter.
struct ParamValue {
    std::string name;
    Value value;
};

struct MethodResult {
    Value returnValue;  ///< typed as the method declares (uint32 for StopService)
    std::vector<ParamValue> outParameters;

    /// The OUT parameter's value or nullptr.
    const Value* out(std::string_view name) const noexcept;
};

/// The operations, in the non-virtual-interface shape: callers use the public members and
/// their defaults; an implementation overrides the protected do* hooks, which take every
/// argument explicitly (the defaults live here once). Every operation reports failure by
/// throwing CimError with the DSP0200 status code.
class CimClient {
public:
    virtual ~CimClient() = default;

    CimClass getClass(std::string_view nameSpace, std::string_view className, const GetClassOptions& options = {}) {
        return doGetClass(nameSpace, className, options);
    }
    /// Subclasses of `className` (all root classes when empty).
    std::vector<CimClass> enumerateClasses(std::string_view nameSpace, std::string_view className = {},
                                           bool deepInheritance = false, const GetClassOptions& options = {}) {
        return doEnumerateClasses(nameSpace, className, deepInheritance, options);
    }
    std::vector<std::string> enumerateClassNames(std::string_view nameSpace, std::string_view className = {},
                                                 bool deepInheritance = false) {
        return doEnumerateClassNames(nameSpace, className, deepInheritance);
    }
    /// `path` carries the namespace.
    Instance getInstance(const ObjectPath& path, const InstanceOptions& options = {}) {
        return doGetInstance(path, options);
    }
    std::vector<Instance> enumerateInstances(std::string_view nameSpace, std::string_view className,
                                             const InstanceOptions& options = {}) {
        return doEnumerateInstances(nameSpace, className, options);
    }
    std::vector<ObjectPath> enumerateInstanceNames(std::string_view nameSpace, std::string_view className) {
        return doEnumerateInstanceNames(nameSpace, className);
    }
    ObjectPath createInstance(std::string_view nameSpace, const Instance& instance) {
        return doCreateInstance(nameSpace, instance);
    }
    /// The instance's path() names the instance to modify.
    void modifyInstance(const Instance& instance, const PropertyList& propertyList = std::nullopt) {
        doModifyInstance(instance, propertyList);
    }
    void deleteInstance(const ObjectPath& path) { doDeleteInstance(path); }
    MethodResult invokeMethod(const ObjectPath& target, std::string_view methodName,
                              const std::vector<ParamValue>& inParameters = {}) {
        return doInvokeMethod(target, methodName, inParameters);
    }
    std::vector<Instance> associators(const ObjectPath& source, const AssociatorFilter& filter = {},
                                      const InstanceOptions& options = {}) {
        return doAssociators(source, filter, options);
    }
    std::vector<ObjectPath> associatorNames(const ObjectPath& source, const AssociatorFilter& filter = {}) {
        return doAssociatorNames(source, filter);
    }
    std::vector<Instance> references(const ObjectPath& source, const ReferenceFilter& filter = {},
                                     const InstanceOptions& options = {}) {
        return doReferences(source, filter, options);
    }
    std::vector<ObjectPath> referenceNames(const ObjectPath& source, const ReferenceFilter& filter = {}) {
        return doReferenceNames(source, filter);
    }
    /// `queryLanguage` is "WQL" (case-insensitive); others -> CimError(QueryLanguageNotSupported).
    std::vector<Instance> execQuery(std::string_view nameSpace, std::string_view queryLanguage,
                                    std::string_view query) {
        return doExecQuery(nameSpace, queryLanguage, query);
    }

    // ---- Qualifier declarations and schema changes ---------------------------------------
    // Optional for an implementation: the defaults throw CimError(NotSupported), as a server
    // without these operations does.

    /// The qualifier declarations of a namespace.
    std::vector<QualifierDecl> enumerateQualifiers(std::string_view nameSpace) {
        return doEnumerateQualifiers(nameSpace);
    }
    /// One declaration; CimError(NotFound) when the namespace declares no such qualifier.
    QualifierDecl getQualifier(std::string_view nameSpace, std::string_view name) {
        return doGetQualifier(nameSpace, name);
    }
    /// Creates or replaces a qualifier declaration.
    void setQualifier(std::string_view nameSpace, const QualifierDecl& declaration) {
        doSetQualifier(nameSpace, declaration);
    }
    /// CimError(NotFound) when the namespace declares no such qualifier.
    void deleteQualifier(std::string_view nameSpace, std::string_view name) { doDeleteQualifier(nameSpace, name); }
    /// CimError(AlreadyExists) for a class of that name, InvalidSuperclass for a missing
    /// superclass, InvalidParameter for a definition the schema refuses.
    void createClass(std::string_view nameSpace, const CimClass& definition) { doCreateClass(nameSpace, definition); }
    /// Replaces the class `definition.name`. CimError(NotFound) when it does not exist;
    /// ClassHasChildren / ClassHasInstances when the change would strand them.
    void modifyClass(std::string_view nameSpace, const CimClass& definition) { doModifyClass(nameSpace, definition); }
    /// CimError(NotFound) when absent; ClassHasChildren / ClassHasInstances when in use.
    void deleteClass(std::string_view nameSpace, std::string_view className) { doDeleteClass(nameSpace, className); }

    // ---- Class-level association traversal (DSP0200: a class as ObjectName) -------------
    // Answered from the class definitions alone, as a CIMOM does without any provider: an
    // association class refers to `className` through each reference property whose
    // class is `className` or one of its superclasses. The defaults compute this from one
    // enumerateClasses of the whole namespace, so every implementation has them (a wire
    // client included: it reads the classes rather than send Associators on a class).

    /// The classes at the other ends of those associations (ResultClass: that class or a
    /// subclass; ResultRole: the far end's property name), each once.
    std::vector<CimClass> associatorClasses(std::string_view nameSpace, std::string_view className,
                                            const AssociatorFilter& filter = {}, const GetClassOptions& options = {}) {
        return doAssociatorClasses(nameSpace, className, filter, options);
    }
    std::vector<std::string> associatorClassNames(std::string_view nameSpace, std::string_view className,
                                                  const AssociatorFilter& filter = {}) {
        return doAssociatorClassNames(nameSpace, className, filter);
    }
    /// The association classes themselves (ResultClass: that class or a subclass).
    std::vector<CimClass> referenceClasses(std::string_view nameSpace, std::string_view className,
                                           const ReferenceFilter& filter = {}, const GetClassOptions& options = {}) {
        return doReferenceClasses(nameSpace, className, filter, options);
    }
    std::vector<std::string> referenceClassNames(std::string_view nameSpace, std::string_view className,
                                                 const ReferenceFilter& filter = {}) {
        return doReferenceClassNames(nameSpace, className, filter);
    }

protected:
    // One hook per operation, same arguments. The first fifteen are required; the rest
    // have the defaults described above.
    virtual CimClass doGetClass(std::string_view nameSpace, std::string_view className,
                                const GetClassOptions& options) = 0;
    virtual std::vector<CimClass> doEnumerateClasses(std::string_view nameSpace, std::string_view className,
                                                     bool deepInheritance, const GetClassOptions& options) = 0;
    virtual std::vector<std::string> doEnumerateClassNames(std::string_view nameSpace, std::string_view className,
                                                           bool deepInheritance) = 0;
    virtual Instance doGetInstance(const ObjectPath& path, const InstanceOptions& options) = 0;
    virtual std::vector<Instance> doEnumerateInstances(std::string_view nameSpace, std::string_view className,
                                                       const InstanceOptions& options) = 0;
    virtual std::vector<ObjectPath> doEnumerateInstanceNames(std::string_view nameSpace,
                                                             std::string_view className) = 0;
    virtual ObjectPath doCreateInstance(std::string_view nameSpace, const Instance& instance) = 0;
    virtual void doModifyInstance(const Instance& instance, const PropertyList& propertyList) = 0;
    virtual void doDeleteInstance(const ObjectPath& path) = 0;
    virtual MethodResult doInvokeMethod(const ObjectPath& target, std::string_view methodName,
                                        const std::vector<ParamValue>& inParameters) = 0;
    virtual std::vector<Instance> doAssociators(const ObjectPath& source, const AssociatorFilter& filter,
                                                const InstanceOptions& options) = 0;
    virtual std::vector<ObjectPath> doAssociatorNames(const ObjectPath& source, const AssociatorFilter& filter) = 0;
    virtual std::vector<Instance> doReferences(const ObjectPath& source, const ReferenceFilter& filter,
                                               const InstanceOptions& options) = 0;
    virtual std::vector<ObjectPath> doReferenceNames(const ObjectPath& source, const ReferenceFilter& filter) = 0;
    virtual std::vector<Instance> doExecQuery(std::string_view nameSpace, std::string_view queryLanguage,
                                              std::string_view query) = 0;
    virtual std::vector<QualifierDecl> doEnumerateQualifiers(std::string_view nameSpace);
    virtual QualifierDecl doGetQualifier(std::string_view nameSpace, std::string_view name);
    virtual void doSetQualifier(std::string_view nameSpace, const QualifierDecl& declaration);
    virtual void doDeleteQualifier(std::string_view nameSpace, std::string_view name);
    virtual void doCreateClass(std::string_view nameSpace, const CimClass& definition);
    virtual void doModifyClass(std::string_view nameSpace, const CimClass& definition);
    virtual void doDeleteClass(std::string_view nameSpace, std::string_view className);
    virtual std::vector<CimClass> doAssociatorClasses(std::string_view nameSpace, std::string_view className,
                                                      const AssociatorFilter& filter, const GetClassOptions& options);
    virtual std::vector<std::string> doAssociatorClassNames(std::string_view nameSpace, std::string_view className,
                                                            const AssociatorFilter& filter);
    virtual std::vector<CimClass> doReferenceClasses(std::string_view nameSpace, std::string_view className,
                                                     const ReferenceFilter& filter, const GetClassOptions& options);
    virtual std::vector<std::string> doReferenceClassNames(std::string_view nameSpace, std::string_view className,
                                                           const ReferenceFilter& filter);
};

}  // namespace wmimock
