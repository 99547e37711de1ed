// A CimClient that speaks WS-Management (DSP0226 / DSP0227) over HTTP to a remote server —
// `wmimock serve`'s /wsman, or (with the settings docs/wsman.md lists) WinRM — so that
// everything written against CimClient, the conformance suite in particular, runs over it
// unchanged.
//
// The mapping: GetInstance = Get, Create/Modify/DeleteInstance = Create/Put/Delete,
// EnumerateInstances / Names / ExecQuery / Associators / References = Enumerate + Pull
// (EnumerateObjectAndEPR or EnumerateEPR; WQL, CQL or association filter), InvokeMethod = a
// custom action. GetClass fetches the class's CIM-XML definition; the client also uses the
// definitions to type what it reads (WS-Management carries no types), caching them for its
// lifetime. EnumerateClasses / EnumerateClassNames and qualifier declarations have no
// WS-Management operation: CimError(NotSupported).
//
// One HTTP/1.1 connection, kept alive; calls are serialized on it. Faults become CimError
// with the CIM status the fault detail carries (else the DSP0227 status of its subcode);
// transport problems are CimError(Failed) naming the endpoint; HTTP 401 is AccessDenied.
// The transport is wmimock::http's: TLS, Basic, or NTLM ("Negotiate", WinRM's default) with
// every message sealed over plain HTTP.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "wmimock/client/cim_client.hpp"
#include "wmimock/http/client_transport.hpp"

namespace wmimock::wsman {

/// Which resource URIs the client sends (the server answers in the same style).
enum class ResourceUris {
    Dmtf,  ///< http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CLASS + __cimnamespace
    Wmi,   ///< http://schemas.microsoft.com/wbem/wsman/1/wmi/NAMESPACE/CLASS
};

struct ClientOptions {
    /// http(s)://host[:port][/path] or wsman+http(s)://...; the port defaults to 5985 (5986
    /// for https), the path to /wsman.
    std::string url;
    std::string nameSpace = "root/cimv2";  ///< used when an operation gives none
    http::TransportOptions transport;      ///< credentials, TLS, sealing, timeouts
    ResourceUris resourceUris = ResourceUris::Dmtf;
    std::uint32_t maxElements = 100;  ///< items asked for per Enumerate / Pull
    /// Bound on one enumeration's items: past it the enumeration is CimError(Failed), so a
    /// server that never ends the sequence cannot keep the client pulling forever.
    std::size_t maxEnumerationItems = 10'000'000;
    std::size_t maxEnvelopeSize = 512000;  ///< wsman:MaxEnvelopeSize of every request
};

/// What wsmid:Identify answers.
struct Identity {
    std::string protocolVersion;
    std::string productVendor;
    std::string productVersion;
};

class WsmanClient final : public CimClient {
public:
    /// Parses the URL (throws CimError(InvalidParameter) naming the problem); connects lazily.
    explicit WsmanClient(ClientOptions options);
    ~WsmanClient() override;
    WsmanClient(const WsmanClient&) = delete;
    WsmanClient& operator=(const WsmanClient&) = delete;

    const ClientOptions& options() const noexcept;
    /// "host:port" as parsed from the URL.
    std::string endpoint() const;
    Identity identify();

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

    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace wmimock::wsman
