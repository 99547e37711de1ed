// A CimClient that speaks CIM-XML over HTTP to a remote WBEM server (OpenPegasus, SFCB,
// OMI, WMI's CIM-XML bridges, or `wmimock serve`), so everything written against CimClient
// — the conformance suite in particular — runs against a remote server unchanged.
//
// One HTTP/1.1 connection, kept alive between operations; calls are serialized on it (use
// one client per thread for parallel work). Every failure is a CimError: the server's ERROR
// element keeps its DSP0200 code; transport problems are CimError(Failed) saying what
// happened and where ("cannot connect to 127.0.0.1:5988 ...", "no answer from ... within
// 30000 ms", an untrusted certificate); HTTP 401 is CimError(AccessDenied). The transport
// (TLS, Basic or NTLM) is wmimock::http's, shared with the WS-Management client.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "wmimock/client/cim_client.hpp"
#include "wmimock/http/client_transport.hpp"

namespace wmimock::cimxml {

struct ClientOptions {
    std::string url;                   ///< http(s)://host:port[/namespace]; port defaults to 5988 (5989 for https)
    http::TransportOptions transport;  ///< credentials, TLS, timeouts (never sealed: see there)
    std::string httpPath = "/cimom";
    /// EnumerateInstances and EnumerateInstanceNames go through DSP0200's pull operations
    /// (OpenEnumerateInstances, then PullInstancesWithPath for this many at a time), so a
    /// class with many instances never arrives as one huge response. A server without them
    /// (CIM_ERR_NOT_SUPPORTED) is asked the classic way from then on. 0: never pull.
    std::uint32_t pullMaxObjectCount = 1000;
};

class CimXmlClient final : public CimClient {
public:
    /// Parses the URL (throws CimError(InvalidParameter) naming the problem); connects lazily.
    explicit CimXmlClient(ClientOptions options);
    ~CimXmlClient() override;
    CimXmlClient(const CimXmlClient&) = delete;
    CimXmlClient& operator=(const CimXmlClient&) = delete;

    /// The namespace from the URL ("root/cimv2" when the URL has none). Operations given an
    /// empty namespace use it.
    const std::string& defaultNamespace() const noexcept;
    /// "host:port" as parsed from the URL.
    std::string endpoint() const;
    const ClientOptions& options() const noexcept;

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

}  // namespace wmimock::cimxml
