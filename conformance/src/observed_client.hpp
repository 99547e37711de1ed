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

class ObservedClient final : public CimClient {
public:
    /// `onCall` (may be empty) hears "InvokeMethod StopService on <path>" before each call.
    ObservedClient(CimClient& inner, std::function<void(std::string_view)> onCall);

    /// The undefined status codes answered so far, each with the call that got it.
    const std::vector<UndefinedStatus>& undefinedStatuses() const noexcept { return undefined_; }

private:
    // ---- CimClient's hooks (the public operations and their defaults are CimClient's) --
    CimClass doGetClass(std::string_view nameSpace, std::string_view className,
                        const GetClassOptions& options) override;
    std::vector<CimClass> doEnumerateClasses(std::string_view nameSpace, std::string_view className,
                                             bool deepInheritance, const GetClassOptions& options) override;
    std::vector<std::string> doEnumerateClassNames(std::string_view nameSpace, std::string_view className,
                                                   bool deepInheritance) override;
    Instance doGetInstance(const ObjectPath& path, const InstanceOptions& options) override;
    std::vector<Instance> doEnumerateInstances(std::string_view nameSpace, std::string_view className,
                                               const InstanceOptions& options) override;
    std::vector<ObjectPath> doEnumerateInstanceNames(std::string_view nameSpace, std::string_view className) override;
    ObjectPath doCreateInstance(std::string_view nameSpace, const Instance& instance) override;
    void doModifyInstance(const Instance& instance, const PropertyList& propertyList) override;
    void doDeleteInstance(const ObjectPath& path) override;
    MethodResult doInvokeMethod(const ObjectPath& target, std::string_view methodName,
                                const std::vector<ParamValue>& inParameters) override;
    std::vector<Instance> doAssociators(const ObjectPath& source, const AssociatorFilter& filter,
                                        const InstanceOptions& options) override;
    std::vector<ObjectPath> doAssociatorNames(const ObjectPath& source, const AssociatorFilter& filter) override;
    std::vector<Instance> doReferences(const ObjectPath& source, const ReferenceFilter& filter,
                                       const InstanceOptions& options) override;
    std::vector<ObjectPath> doReferenceNames(const ObjectPath& source, const ReferenceFilter& filter) override;
    std::vector<Instance> doExecQuery(std::string_view nameSpace, std::string_view queryLanguage,
                                      std::string_view query) override;
    std::vector<QualifierDecl> doEnumerateQualifiers(std::string_view nameSpace) override;
    QualifierDecl doGetQualifier(std::string_view nameSpace, std::string_view name) override;
    void doSetQualifier(std::string_view nameSpace, const QualifierDecl& declaration) override;
    void doDeleteQualifier(std::string_view nameSpace, std::string_view name) override;
    void doCreateClass(std::string_view nameSpace, const CimClass& definition) override;
    void doModifyClass(std::string_view nameSpace, const CimClass& definition) override;
    void doDeleteClass(std::string_view nameSpace, std::string_view className) override;
    std::vector<CimClass> doAssociatorClasses(std::string_view nameSpace, std::string_view className,
                                              const AssociatorFilter& filter, const GetClassOptions& options) override;
    std::vector<std::string> doAssociatorClassNames(std::string_view nameSpace, std::string_view className,
                                                    const AssociatorFilter& filter) override;
    std::vector<CimClass> doReferenceClasses(std::string_view nameSpace, std::string_view className,
                                             const ReferenceFilter& filter, const GetClassOptions& options) override;
    std::vector<std::string> doReferenceClassNames(std::string_view nameSpace, std::string_view className,
                                                   const ReferenceFilter& filter) override;

    /// Announces describe() to the listener, runs `call`, and notes an undefined status if
    /// it throws one (with describe() again).
    template <typename Describe, typename Call>
    decltype(auto) observe(Describe&& describe, Call&& call);

    CimClient& inner_;
    std::function<void(std::string_view)> onCall_;
    std::vector<UndefinedStatus> undefined_;
};

}  // namespace wmimock::conformance
