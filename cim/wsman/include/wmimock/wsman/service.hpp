// A WS-Management service (DSP0226 1.2 over SOAP 1.2, the CIM binding of DSP0227, the
// WS-CIM mapping of DSP0230, WinRM's conventions from MS-WSMV) answering from any CimClient
// — usually the fake CIMOM. It is transport-free: give it the body of an HTTP POST to
// /wsman, send back the reply. `wmimock serve` mounts it beside CIM-XML's /cimom.
//
//   wsman::WsmanService service(cimom);
//   const wsman::Reply reply = service.handle(requestBody);   // thread-safe
//
// Supported: Identify; Get, Put, Create, Delete; Enumerate / Pull / Release with
// OptimizeEnumeration, MaxElements, EnumerationMode (objects, EPRs, both), expiring
// contexts and the WQL, CQL, selector and association filters; extrinsic methods as custom
// actions (<ResourceURI>/<Method> with <Method>_INPUT / _OUTPUT bodies); DMTF resource URIs
// with the __cimnamespace selector and WMI resource URIs with the namespace in the path; a
// class's CIM-XML definition under http://schemas.dmtf.org/wbem/cim-xml/2/cim-schema/2/.
// Errors are SOAP faults with the DSP0227 subcode of the CIM status, and the status (plus the
// WMI HRESULT under WMI URIs) in the fault detail.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "wmimock/client/cim_client.hpp"

namespace wmimock::wsman {

struct ServiceOptions {
    std::string productVersion = "1";             ///< wsmid:ProductVersion of Identify
    std::string defaultNamespace = "root/cimv2";  ///< DMTF URIs without __cimnamespace
    std::size_t maxEnvelopeBytes = std::size_t{16} << 20;
    std::size_t maxXmlDepth = 64;
    std::size_t maxOpenEnumerations = 256;
    std::chrono::milliseconds enumerationTimeout{60000};      ///< idle life of a context
    std::chrono::milliseconds maxEnumerationTimeout{600000};  ///< bound on wsen:Expires
};

/// The HTTP answer to one envelope: 200 with the response, or 500 with a SOAP fault.
struct Reply {
    int httpStatus = 200;
    std::string body;
    /// One line for the server's request log: "Get WMIMock_Service -> ok".
    std::string summary;
};

inline constexpr std::string_view kSoapContentType = "application/soap+xml;charset=UTF-8";

class WsmanService {
public:
    explicit WsmanService(std::shared_ptr<CimClient> backend, ServiceOptions options = {});
    ~WsmanService();
    WsmanService(const WsmanService&) = delete;
    WsmanService& operator=(const WsmanService&) = delete;

    /// Answers one request envelope. Never throws: every problem is a fault reply.
    Reply handle(std::string_view envelope) const;

    /// Open enumeration contexts (for tests and the server's statistics).
    std::size_t openEnumerations() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace wmimock::wsman
