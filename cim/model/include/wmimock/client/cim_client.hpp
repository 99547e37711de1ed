// The client-facing WBEM operations (DSP0200 intrinsic methods plus InvokeMethod).
// Implemented by the in-process fake CIMOM, the CIM-XML client and the GoogleMock mock;
// the conformance checks only ever talk to this interface.
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

class CimClient {
public:
    virtual ~CimClient() = default;

    virtual CimClass getClass(std::string_view nameSpace, std::string_view className,
                              const GetClassOptions& options = {}) = 0;
    /// Subclasses of `className` (all root classes when empty).
    virtual std::vector<CimClass> enumerateClasses(std::string_view nameSpace, std::string_view className = {},
                                                   bool deepInheritance = false,
                                                   const GetClassOptions& options = {}) = 0;
    virtual std::vector<std::string> enumerateClassNames(std::string_view nameSpace, std::string_view className = {},
                                                         bool deepInheritance = false) = 0;

    /// `path` carries the namespace.
    virtual Instance getInstance(const ObjectPath& path, const InstanceOptions& options = {}) = 0;
    virtual std::vector<Instance> enumerateInstances(std::string_view nameSpace, std::string_view className,
                                                     const InstanceOptions& options = {}) = 0;
    virtual std::vector<ObjectPath> enumerateInstanceNames(std::string_view nameSpace, std::string_view className) = 0;
    virtual ObjectPath createInstance(std::string_view nameSpace, const Instance& instance) = 0;
    /// The instance's path() names the instance to modify.
    virtual void modifyInstance(const Instance& instance, const PropertyList& propertyList = std::nullopt) = 0;
    virtual void deleteInstance(const ObjectPath& path) = 0;

    virtual MethodResult invokeMethod(const ObjectPath& target, std::string_view methodName,
                                      const std::vector<ParamValue>& inParameters = {}) = 0;

    virtual std::vector<Instance> associators(const ObjectPath& source, const AssociatorFilter& filter = {},
                                              const InstanceOptions& options = {}) = 0;
    virtual std::vector<ObjectPath> associatorNames(const ObjectPath& source, const AssociatorFilter& filter = {}) = 0;
    virtual std::vector<Instance> references(const ObjectPath& source, const ReferenceFilter& filter = {},
                                             const InstanceOptions& options = {}) = 0;
    virtual std::vector<ObjectPath> referenceNames(const ObjectPath& source, const ReferenceFilter& filter = {}) = 0;

    /// `queryLanguage` is "WQL" (case-insensitive); others -> CimError(QueryLanguageNotSupported).
    virtual std::vector<Instance> execQuery(std::string_view nameSpace, std::string_view queryLanguage,
                                            std::string_view query) = 0;

    /// The qualifier declarations of a namespace. Optional for an implementation: the
    /// defaults throw CimError(NotSupported), as a server without qualifier operations does.
    virtual std::vector<QualifierDecl> enumerateQualifiers(std::string_view nameSpace);
    /// One declaration; CimError(NotFound) when the namespace declares no such qualifier.
    virtual QualifierDecl getQualifier(std::string_view nameSpace, std::string_view name);

    // ---- Schema changes (optional too: the defaults throw CimError(NotSupported)) -------
    /// Creates or replaces a qualifier declaration.
    virtual void setQualifier(std::string_view nameSpace, const QualifierDecl& declaration);
    /// CimError(NotFound) when the namespace declares no such qualifier.
    virtual void deleteQualifier(std::string_view nameSpace, std::string_view name);
    /// CimError(AlreadyExists) for a class of that name, InvalidSuperclass for a missing
    /// superclass, InvalidParameter for a definition the schema refuses.
    virtual void createClass(std::string_view nameSpace, const CimClass& definition);
    /// Replaces the class `definition.name`. CimError(NotFound) when it does not exist;
    /// ClassHasChildren / ClassHasInstances when the change would strand them.
    virtual void modifyClass(std::string_view nameSpace, const CimClass& definition);
    /// CimError(NotFound) when absent; ClassHasChildren / ClassHasInstances when in use.
    virtual void deleteClass(std::string_view nameSpace, std::string_view className);

    // ---- Class-level association traversal (DSP0200: a class as ObjectName) -------------
    // Answered from the class definitions alone, as a CIMOM does without any provider: an
    // association class refers to `className` through each reference property whose
    // class is `className` or one of its superclasses. The defaults compute this from one
    // enumerateClasses of the whole namespace, so every implementation has them (a wire
    // client included: it reads the classes rather than send Associators on a class).

    /// The classes at the other ends of those associations (ResultClass: that class or a
    /// subclass; ResultRole: the far end's property name), each once.
    virtual std::vector<CimClass> associatorClasses(std::string_view nameSpace, std::string_view className,
                                                    const AssociatorFilter& filter, const GetClassOptions& options);
    virtual std::vector<std::string> associatorClassNames(std::string_view nameSpace, std::string_view className,
                                                          const AssociatorFilter& filter);
    /// The association classes themselves (ResultClass: that class or a subclass).
    virtual std::vector<CimClass> referenceClasses(std::string_view nameSpace, std::string_view className,
                                                   const ReferenceFilter& filter, const GetClassOptions& options);
    virtual std::vector<std::string> referenceClassNames(std::string_view nameSpace, std::string_view className,
                                                         const ReferenceFilter& filter);
};

}  // namespace wmimock
