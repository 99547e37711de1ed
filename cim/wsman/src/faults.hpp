// WS-Management faults and the CIM status codes behind them. DSP0227 maps each CIM status
// to a WS-Management, WS-Addressing or WS-Enumeration fault subcode; the subcode alone loses
// information (several statuses share one), so the fault detail also carries the status:
// as a CIM_Error instance under DMTF URIs, as WinRM's MSFT_WmiError with the WMI HRESULT
// under WMI URIs, and always as WinRM's WSManFault element (which WinRM clients read).
#pragma once

#include <pugixml.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "resource_uri.hpp"
#include "wmimock/cim/error.hpp"

namespace wmimock::wsman::detail {

/// A fault the service answers with. `code` may be a number outside CimStatus (a provider's
/// undefined code is carried unchanged, as CIM-XML carries it).
class WsmanFault : public std::runtime_error {
public:
    /// A fault with an explicit subcode ("wsa:ActionNotSupported") and the status it stands for.
    WsmanFault(std::string subcode, std::uint32_t code, std::string message, std::string faultDetail = {});
    /// The fault DSP0227 maps `error`'s status to.
    static WsmanFault fromCimError(const CimError& error);

    const std::string& subcode() const noexcept { return subcode_; }
    std::uint32_t code() const noexcept { return code_; }
    const std::string& faultDetail() const noexcept { return faultDetail_; }
    /// env:Sender for the client's mistakes, env:Receiver for the server's.
    bool senderFault() const noexcept;

private:
    std::string subcode_;
    std::uint32_t code_;
    std::string faultDetail_;
};

/// The whole fault envelope (action, RelatesTo, Code/Subcode/Reason/Detail).
std::string writeFaultEnvelope(const WsmanFault& fault, std::string_view relatesTo, UriStyle style);

/// Client side: the CimError an s:Fault element stands for — the CIMStatusCode of its detail
/// when present, else the status of its subcode — with the fault's reason as message.
CimError errorFromFault(pugi::xml_node fault);

/// The DMTF faultDetail URI for an invalid resource URI.
inline constexpr std::string_view kInvalidResourceUri =
    "http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/InvalidResourceURI";

}  // namespace wmimock::wsman::detail
