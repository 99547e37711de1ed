#include "observed_client.hpp"

#include "wmimock/cim/error.hpp"

namespace wmimock::conformance {

ObservedClient::ObservedClient(CimClient& inner, std::function<void(std::string_view)> onCall)
    : inner_(inner), onCall_(std::move(onCall)) {}

template <typename Describe, typename Call>
decltype(auto) ObservedClient::observe(Describe&& describe, Call&& call) {
    // The description costs a string per call: made only for a listener or an odd status.
    if (onCall_) onCall_(describe());
    try {
        return call();
    } catch (const CimError& e) {
        const auto code = static_cast<std::uint32_t>(e.status());
        if (!isDefinedStatus(code)) undefined_.push_back({code, describe()});
        throw;
    }
}

namespace {

std::string in(std::string_view nameSpace, std::string_view className) {
    return std::string(className) + " in " + std::string(nameSpace);
}

}  // namespace

CimClass ObservedClient::doGetClass(std::string_view nameSpace, std::string_view className,
                                    const GetClassOptions& options) {
    return observe([&] { return "GetClass " + in(nameSpace, className); },
                   [&] { return inner_.getClass(nameSpace, className, options); });
}

std::vector<CimClass> ObservedClient::doEnumerateClasses(std::string_view nameSpace, std::string_view className,
                                                         bool deepInheritance, const GetClassOptions& options) {
    return observe([&] { return "EnumerateClasses " + in(nameSpace, className); },
                   [&] { return inner_.enumerateClasses(nameSpace, className, deepInheritance, options); });
}

std::vector<std::string> ObservedClient::doEnumerateClassNames(std::string_view nameSpace, std::string_view className,
                                                               bool deepInheritance) {
    return observe([&] { return "EnumerateClassNames " + in(nameSpace, className); },
                   [&] { return inner_.enumerateClassNames(nameSpace, className, deepInheritance); });
}

Instance ObservedClient::doGetInstance(const ObjectPath& path, const InstanceOptions& options) {
    return observe([&] { return "GetInstance " + path.toString(); }, [&] { return inner_.getInstance(path, options); });
}

std::vector<Instance> ObservedClient::doEnumerateInstances(std::string_view nameSpace, std::string_view className,
                                                           const InstanceOptions& options) {
    return observe([&] { return "EnumerateInstances " + in(nameSpace, className); },
                   [&] { return inner_.enumerateInstances(nameSpace, className, options); });
}

std::vector<ObjectPath> ObservedClient::doEnumerateInstanceNames(std::string_view nameSpace,
                                                                 std::string_view className) {
    return observe([&] { return "EnumerateInstanceNames " + in(nameSpace, className); },
                   [&] { return inner_.enumerateInstanceNames(nameSpace, className); });
}

ObjectPath ObservedClient::doCreateInstance(std::string_view nameSpace, const Instance& instance) {
    return observe([&] { return "CreateInstance " + in(nameSpace, instance.className()); },
                   [&] { return inner_.createInstance(nameSpace, instance); });
}

void ObservedClient::doModifyInstance(const Instance& instance, const PropertyList& propertyList) {
    observe([&] { return "ModifyInstance " + instance.path().toString(); },
            [&] { inner_.modifyInstance(instance, propertyList); });
}

void ObservedClient::doDeleteInstance(const ObjectPath& path) {
    observe([&] { return "DeleteInstance " + path.toString(); }, [&] { inner_.deleteInstance(path); });
}

MethodResult ObservedClient::doInvokeMethod(const ObjectPath& target, std::string_view methodName,
                                            const std::vector<ParamValue>& inParameters) {
    return observe([&] { return "InvokeMethod " + std::string(methodName) + " on " + target.toString(); },
                   [&] { return inner_.invokeMethod(target, methodName, inParameters); });
}

std::vector<Instance> ObservedClient::doAssociators(const ObjectPath& source, const AssociatorFilter& filter,
                                                    const InstanceOptions& options) {
    return observe([&] { return "Associators of " + source.toString(); },
                   [&] { return inner_.associators(source, filter, options); });
}

std::vector<ObjectPath> ObservedClient::doAssociatorNames(const ObjectPath& source, const AssociatorFilter& filter) {
    return observe([&] { return "AssociatorNames of " + source.toString(); },
                   [&] { return inner_.associatorNames(source, filter); });
}

std::vector<Instance> ObservedClient::doReferences(const ObjectPath& source, const ReferenceFilter& filter,
                                                   const InstanceOptions& options) {
    return observe([&] { return "References of " + source.toString(); },
                   [&] { return inner_.references(source, filter, options); });
}

std::vector<ObjectPath> ObservedClient::doReferenceNames(const ObjectPath& source, const ReferenceFilter& filter) {
    return observe([&] { return "ReferenceNames of " + source.toString(); },
                   [&] { return inner_.referenceNames(source, filter); });
}

std::vector<Instance> ObservedClient::doExecQuery(std::string_view nameSpace, std::string_view queryLanguage,
                                                  std::string_view query) {
    return observe([&] { return "ExecQuery in " + std::string(nameSpace) + ": " + std::string(query); },
                   [&] { return inner_.execQuery(nameSpace, queryLanguage, query); });
}

std::vector<QualifierDecl> ObservedClient::doEnumerateQualifiers(std::string_view nameSpace) {
    return observe([&] { return "EnumerateQualifiers in " + std::string(nameSpace); },
                   [&] { return inner_.enumerateQualifiers(nameSpace); });
}

QualifierDecl ObservedClient::doGetQualifier(std::string_view nameSpace, std::string_view name) {
    return observe([&] { return "GetQualifier " + in(nameSpace, name); },
                   [&] { return inner_.getQualifier(nameSpace, name); });
}

void ObservedClient::doSetQualifier(std::string_view nameSpace, const QualifierDecl& declaration) {
    observe([&] { return "SetQualifier " + in(nameSpace, declaration.name); },
            [&] { inner_.setQualifier(nameSpace, declaration); });
}

void ObservedClient::doDeleteQualifier(std::string_view nameSpace, std::string_view name) {
    observe([&] { return "DeleteQualifier " + in(nameSpace, name); }, [&] { inner_.deleteQualifier(nameSpace, name); });
}

void ObservedClient::doCreateClass(std::string_view nameSpace, const CimClass& definition) {
    observe([&] { return "CreateClass " + in(nameSpace, definition.name); },
            [&] { inner_.createClass(nameSpace, definition); });
}

void ObservedClient::doModifyClass(std::string_view nameSpace, const CimClass& definition) {
    observe([&] { return "ModifyClass " + in(nameSpace, definition.name); },
            [&] { inner_.modifyClass(nameSpace, definition); });
}

void ObservedClient::doDeleteClass(std::string_view nameSpace, std::string_view className) {
    observe([&] { return "DeleteClass " + in(nameSpace, className); },
            [&] { inner_.deleteClass(nameSpace, className); });
}

std::vector<CimClass> ObservedClient::doAssociatorClasses(std::string_view nameSpace, std::string_view className,
                                                          const AssociatorFilter& filter,
                                                          const GetClassOptions& options) {
    return observe([&] { return "Associators of class " + in(nameSpace, className); },
                   [&] { return inner_.associatorClasses(nameSpace, className, filter, options); });
}

std::vector<std::string> ObservedClient::doAssociatorClassNames(std::string_view nameSpace, std::string_view className,
                                                                const AssociatorFilter& filter) {
    return observe([&] { return "AssociatorNames of class " + in(nameSpace, className); },
                   [&] { return inner_.associatorClassNames(nameSpace, className, filter); });
}

std::vector<CimClass> ObservedClient::doReferenceClasses(std::string_view nameSpace, std::string_view className,
                                                         const ReferenceFilter& filter,
                                                         const GetClassOptions& options) {
    return observe([&] { return "References of class " + in(nameSpace, className); },
                   [&] { return inner_.referenceClasses(nameSpace, className, filter, options); });
}

std::vector<std::string> ObservedClient::doReferenceClassNames(std::string_view nameSpace, std::string_view className,
                                                               const ReferenceFilter& filter) {
    return observe([&] { return "ReferenceNames of class " + in(nameSpace, className); },
                   [&] { return inner_.referenceClassNames(nameSpace, className, filter); });
}

}  // namespace wmimock::conformance
