// The in-process fake CIM Object Manager. It loads MOF through the compiler, keeps static
// instances, dispatches operations to registered providers as WMI/OpenPegasus/OMI would,
// and answers with the same DSP0200 errors. Thread-safe: operations on different instances
// do not serialize on one global lock.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "wmimock/cim/clock.hpp"
#include "wmimock/cimom/fault_injector.hpp"
#include "wmimock/cimom/provider.hpp"
#include "wmimock/client/cim_client.hpp"
#include "wmimock/mof/compiler.hpp"

namespace wmimock {

class Cimom final : public CimClient {
public:
    /// A CIMOM on the given clock (the system clock when null).
    explicit Cimom(std::shared_ptr<Clock> clock = nullptr);
    ~Cimom() override;
    Cimom(const Cimom&) = delete;
    Cimom& operator=(const Cimom&) = delete;

    Clock& clock() noexcept;

    /// The host name reported in __SERVER and __PATH ("localhost" by default).
    void setHostName(std::string hostName);
    std::string hostName() const;

    // ---- Loading ---------------------------------------------------------------------
    /// Compiles MOF into the repository; `instance of` declarations become static instances.
    /// Throws CimError(InvalidParameter) listing the diagnostics ("file:line:col: ...") on
    /// error, leaving the repository unchanged. Returns the result (warnings, stats).
    MofCompileResult loadMof(std::string_view text, std::string_view sourceName = "<string>",
                             const MofCompileOptions& options = {});
    MofCompileResult loadMofFile(const std::filesystem::path& file, const MofCompileOptions& options = {});
    /// The files as one compilation (a later file sees what an earlier one declares).
    MofCompileResult loadMofFiles(const std::vector<std::filesystem::path>& files,
                                  const MofCompileOptions& options = {});

    /// Creates an empty namespace (no-op if it exists). WMI backslash names are accepted.
    /// root/cimv2 and root/interop exist from the start; paths without a namespace mean
    /// root/cimv2.
    void createNamespace(std::string_view nameSpace);
    bool hasNamespace(std::string_view nameSpace) const;
    std::vector<std::string> namespaces() const;

    /// Programmatic schema edits. addClass resolves inheritance against the namespace.
    void addClass(std::string_view nameSpace, const CimClass& cls);
    void removeClass(std::string_view nameSpace, std::string_view className);
    /// The resolved class or nullptr (no copy; cheap for hot paths).
    ClassPtr findClass(std::string_view nameSpace, std::string_view className) const;

    /// Static store: validates against the class (unknown properties, types, keys), applies
    /// class defaults, assigns the path. Throws CimError (AlreadyExists, InvalidClass, ...).
    ObjectPath addInstance(std::string_view nameSpace, const Instance& instance);
    void removeInstance(const ObjectPath& path);
    /// Replaces a static instance's values wholesale (no Write-qualifier checks): for
    /// providers and simulations that keep their state in the static store.
    void putInstance(const ObjectPath& path, const Instance& instance);

    // ---- Providers -------------------------------------------------------------------
    /// Registers providers for `className` (and its subclasses without a more derived
    /// registration) in `nameSpace`. Either pointer may be null.
    void registerProvider(std::string_view nameSpace, std::string_view className,
                          std::shared_ptr<InstanceProvider> instances, std::shared_ptr<MethodProvider> methods);
    void unregisterProvider(std::string_view nameSpace, std::string_view className);

    /// Latency, errors and failure rates on any operation (see fault_injector.hpp).
    FaultInjector& faults() noexcept;

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
    std::vector<QualifierDecl> doEnumerateQualifiers(std::string_view nameSpace) override;
    QualifierDecl doGetQualifier(std::string_view nameSpace, std::string_view name) override;
    void doSetQualifier(std::string_view nameSpace, const QualifierDecl& declaration) override;
    void doDeleteQualifier(std::string_view nameSpace, std::string_view name) override;
    void doCreateClass(std::string_view nameSpace, const CimClass& definition) override;
    void doModifyClass(std::string_view nameSpace, const CimClass& definition) override;
    void doDeleteClass(std::string_view nameSpace, std::string_view className) override;
    std::vector<Instance> doExecQuery(std::string_view nameSpace, std::string_view queryLanguage,
                                      std::string_view query) override;

    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace wmimock
