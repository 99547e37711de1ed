// The client a check talks through: forwards every operation to the target's client, says
// which operation is about to start (the isolated runner names it if the check times out),
// and keeps each CIM status code outside DSP0200's list that the target answered (ERR-011
// judges them over the whole run).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "wmimock/client/cim_client.hpp"
#include "wmimock/conformance/result.hpp"

namespace wmimock::conformance {

/// Used through CimClient& only: the defaults of the interface's arguments apply.
class ObservedClient final : public CimClient {
public:
    /// `onCall` (may be empty) hears "InvokeMethod StopService on <path>" before each call.
    ObservedClient(CimClient& inner, std::function<void(std::string_view)> onCall);

    /// The undefined status codes answered so far, each with the call that got it.
    const std::vector<UndefinedStatus>& undefinedStatuses() const noexcept { return undefined_; }

    CimClass getClass(std::string_view nameSpace, std::string_view className, const GetClassOptions& options) override;
    std::vector<CimClass> enumerateClasses(std::string_view nameSpace, std::string_view className, bool deepInheritance,
                                           const GetClassOptions& options) override;
    std::vector<std::string> enumerateClassNames(std::string_view nameSpace, std::string_view className,
                                                 bool deepInheritance) override;
    Instance getInstance(const ObjectPath& path, const InstanceOptions& options) override;
    std::vector<Instance> enumerateInstances(std::string_view nameSpace, std::string_view className,
                                             const InstanceOptions& options) override;
    std::vector<ObjectPath> enumerateInstanceNames(std::string_view nameSpace, std::string_view className) override;
    ObjectPath createInstance(std::string_view nameSpace, const Instance& instance) override;
    void modifyInstance(const Instance& instance, const PropertyList& propertyList) override;
    void deleteInstance(const ObjectPath& path) override;
    MethodResult invokeMethod(const ObjectPath& target, std::string_view methodName,
                              const std::vector<ParamValue>& inParameters) override;
    std::vector<Instance> associators(const ObjectPath& source, const AssociatorFilter& filter,
                                      const InstanceOptions& options) override;
    std::vector<ObjectPath> associatorNames(const ObjectPath& source, const AssociatorFilter& filter) override;
    std::vector<Instance> references(const ObjectPath& source, const ReferenceFilter& filter,
                                     const InstanceOptions& options) override;
    std::vector<ObjectPath> referenceNames(const ObjectPath& source, const ReferenceFilter& filter) override;
    std::vector<Instance> execQuery(std::string_view nameSpace, std::string_view queryLanguage,
                                    std::string_view query) override;
    std::vector<QualifierDecl> enumerateQualifiers(std::string_view nameSpace) override;
    QualifierDecl getQualifier(std::string_view nameSpace, std::string_view name) override;
    void setQualifier(std::string_view nameSpace, const QualifierDecl& declaration) override;
    void deleteQualifier(std::string_view nameSpace, std::string_view name) override;
    void createClass(std::string_view nameSpace, const CimClass& definition) override;
    void modifyClass(std::string_view nameSpace, const CimClass& definition) override;
    void deleteClass(std::string_view nameSpace, std::string_view className) override;
    std::vector<CimClass> associatorClasses(std::string_view nameSpace, std::string_view className,
                                            const AssociatorFilter& filter, const GetClassOptions& options) override;
    std::vector<std::string> associatorClassNames(std::string_view nameSpace, std::string_view className,
                                                  const AssociatorFilter& filter) override;
    std::vector<CimClass> referenceClasses(std::string_view nameSpace, std::string_view className,
                                           const ReferenceFilter& filter, const GetClassOptions& options) override;
    std::vector<std::string> referenceClassNames(std::string_view nameSpace, std::string_view className,
                                                 const ReferenceFilter& filter) override;

private:
    /// Announces describe() to the listener, runs `call`, and notes an undefined status if
    /// it throws one (with describe() again).
    template <typename Describe, typename Call>
    decltype(auto) observe(Describe&& describe, Call&& call);

    CimClient& inner_;
    std::function<void(std::string_view)> onCall_;
    std::vector<UndefinedStatus> undefined_;
};

}  // namespace wmimock::conformance
