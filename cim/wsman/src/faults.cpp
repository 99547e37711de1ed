#include "faults.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>

#include "soap.hpp"

namespace wmimock::wsman::detail {
namespace {

struct Mapping {
    CimStatus status;
    const char* subcode;
};

// DSP0227's mapping of CIM status codes to faults; the first entry of a subcode is also the
// status a detail-less fault with that subcode reads back as.
constexpr std::array kMappings = {
    Mapping{CimStatus::Failed, "wsman:InternalError"},
    Mapping{CimStatus::AccessDenied, "wsman:AccessDenied"},
    Mapping{CimStatus::NotFound, "wsa:DestinationUnreachable"},
    Mapping{CimStatus::InvalidNamespace, "wsa:DestinationUnreachable"},
    Mapping{CimStatus::InvalidClass, "wsa:DestinationUnreachable"},
    Mapping{CimStatus::InvalidParameter, "wsman:InvalidParameter"},
    Mapping{CimStatus::NotSupported, "wsa:ActionNotSupported"},
    Mapping{CimStatus::MethodNotAvailable, "wsa:ActionNotSupported"},
    Mapping{CimStatus::MethodNotFound, "wsa:ActionNotSupported"},
    Mapping{CimStatus::AlreadyExists, "wsman:AlreadyExists"},
    Mapping{CimStatus::NoSuchProperty, "wsman:SchemaValidationError"},
    Mapping{CimStatus::TypeMismatch, "wsman:SchemaValidationError"},
    Mapping{CimStatus::QueryLanguageNotSupported, "wsen:FilterDialectRequestedUnavailable"},
    Mapping{CimStatus::InvalidQuery, "wsen:CannotProcessFilter"},
    Mapping{CimStatus::InvalidEnumerationContext, "wsen:InvalidEnumerationContext"},
    Mapping{CimStatus::FilteredEnumerationNotSupported, "wsen:FilteringNotSupported"},
    Mapping{CimStatus::ServerLimitsExceeded, "wsman:QuotaLimit"},
};

// Subcodes the service raises itself, read back by a client that finds no status in the detail.
constexpr std::array kOtherSubcodes = {
    Mapping{CimStatus::InvalidParameter, "wsman:InvalidSelectors"},
    Mapping{CimStatus::InvalidParameter, "wxf:InvalidRepresentation"},
    Mapping{CimStatus::InvalidParameter, "wsman:InvalidOptions"},
    Mapping{CimStatus::InvalidParameter, "wsman:CannotProcessFilter"},
    Mapping{CimStatus::NotSupported, "wsman:UnsupportedFeature"},
    Mapping{CimStatus::ServerLimitsExceeded, "wsman:EncodingLimit"},
    Mapping{CimStatus::Failed, "wsman:TimedOut"},
};

std::string_view subcodeNamespace(std::string_view prefix) {
    if (prefix == "wsa") return xmlns::kAddressing;
    if (prefix == "wsen") return xmlns::kEnumeration;
    if (prefix == "wxf") return xmlns::kTransfer;
    return xmlns::kWsman;
}

/// The element with that local name anywhere under `node`.
pugi::xml_node descendant(pugi::xml_node node, std::string_view local) {
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element) continue;
        if (localName(child.name()) == local) return child;
        if (pugi::xml_node found = descendant(child, local)) return found;
    }
    return {};
}

}  // namespace

WsmanFault::WsmanFault(std::string subcode, std::uint32_t code, std::string message, std::string faultDetail)
    : std::runtime_error(std::move(message)),
      subcode_(std::move(subcode)),
      code_(code),
      faultDetail_(std::move(faultDetail)) {}

WsmanFault WsmanFault::fromCimError(const CimError& error) {
    const char* subcode = "wsman:InternalError";
    for (const Mapping& m : kMappings) {
        if (m.status == error.status()) {
            subcode = m.subcode;
            break;
        }
    }
    const bool badAddress = error.status() == CimStatus::InvalidNamespace || error.status() == CimStatus::InvalidClass;
    return WsmanFault(subcode, static_cast<std::uint32_t>(error.status()), error.message(),
                      badAddress ? std::string(kInvalidResourceUri) : std::string());
}

bool WsmanFault::senderFault() const noexcept {
    return subcode_ != "wsman:InternalError" && subcode_ != "wsman:QuotaLimit" && subcode_ != "wsman:TimedOut";
}

std::string writeFaultEnvelope(const WsmanFault& fault, std::string_view relatesTo, UriStyle style) {
    EnvelopeWriter envelope;
    const bool addressing = fault.subcode().rfind("wsman:", 0) != 0;
    envelope.addHeader("wsa:Action", addressing ? action::kAddressingFault : action::kWsmanFault);
    envelope.addHeader("wsa:MessageID", newUuid());
    envelope.addHeader("wsa:To", kAnonymous);
    if (!relatesTo.empty()) envelope.addHeader("wsa:RelatesTo", relatesTo);

    pugi::xml_node soapFault = envelope.body().append_child("s:Fault");
    pugi::xml_node code = soapFault.append_child("s:Code");
    if (fault.subcode().rfind("s:", 0) == 0) {
        appendText(code, "s:Value", fault.subcode());  // a SOAP code of its own (env:MustUnderstand)
    } else {
        appendText(code, "s:Value", fault.senderFault() ? "s:Sender" : "s:Receiver");
        appendText(code.append_child("s:Subcode"), "s:Value", fault.subcode());
    }
    pugi::xml_node reason = appendText(soapFault.append_child("s:Reason"), "s:Text", fault.what());
    reason.append_attribute("xml:lang") = "en-US";

    pugi::xml_node detail = soapFault.append_child("s:Detail");
    if (!fault.faultDetail().empty()) appendText(detail, "wsman:FaultDetail", fault.faultDetail());
    const auto status = static_cast<CimStatus>(fault.code());
    const std::uint32_t hresult = isDefinedStatus(fault.code()) ? toWbemHResult(status) : 0x80041001U;  // WBEM_E_FAILED
    pugi::xml_node winrm = detail.append_child("f:WSManFault");
    winrm.append_attribute("xmlns:f") = "http://schemas.microsoft.com/wbem/wsman/1/wsmanfault";
    winrm.append_attribute("Code") = std::to_string(hresult).c_str();
    winrm.append_attribute("Machine") = "wmimock";
    appendText(winrm, "f:Message", fault.what());

    const bool wmi = style == UriStyle::Wmi;
    const char* errorClass = wmi ? "p:MSFT_WmiError" : "p:CIM_Error";
    pugi::xml_node error = detail.append_child(errorClass);
    error.append_attribute("xmlns:p") = resourceUri(style, "root/cimv2", wmi ? "MSFT_WmiError" : "CIM_Error").c_str();
    appendText(error, "p:CIMStatusCode", std::to_string(fault.code()));
    appendText(error, "p:Message", fault.what());
    if (wmi) {
        appendText(error, "p:MessageID", fmt::format("HRESULT 0x{:08x}", hresult));
        appendText(error, "p:error_Code", std::to_string(hresult));
        appendText(error, "p:error_Type", "HRESULT");
    }
    return envelope.str();
}

CimError errorFromFault(pugi::xml_node fault) {
    const pugi::xml_node subcodeValue =
        childOf(childOf(childOf(fault, xmlns::kSoap, "Code"), xmlns::kSoap, "Subcode"), xmlns::kSoap, "Value");
    const std::string subcodeText = trimmedText(subcodeValue);
    const std::string_view subcodeLocal = localName(subcodeText);
    const std::string_view subcodePrefix =
        std::string_view(subcodeText).substr(0, subcodeText.size() - subcodeLocal.size());
    std::string reason = trimmedText(childOf(childOf(fault, xmlns::kSoap, "Reason"), xmlns::kSoap, "Text"));
    if (reason.empty()) reason = "WS-Management fault " + subcodeText;

    const pugi::xml_node detail = childOf(fault, xmlns::kSoap, "Detail");
    if (const pugi::xml_node statusNode = descendant(detail, "CIMStatusCode")) {
        const std::string text = trimmedText(statusNode);
        std::uint32_t code = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), code);
        if (error == std::errc{} && end == text.data() + text.size() && code != 0) {
            return CimError(static_cast<CimStatus>(code), reason);
        }
    }
    // The subcode's prefix is resolved against the fault's declarations.
    std::string prefix(subcodePrefix.empty() ? std::string_view{} : subcodePrefix.substr(0, subcodePrefix.size() - 1));
    std::string_view subcodeNs;
    for (pugi::xml_node n = subcodeValue; n; n = n.parent()) {
        if (const pugi::xml_attribute a = n.attribute(("xmlns:" + prefix).c_str())) {
            subcodeNs = a.value();
            break;
        }
    }
    auto matches = [&](const Mapping& m) {
        const std::string_view qualified = m.subcode;
        const std::string_view local = localName(qualified);
        const std::string_view mappedPrefix = qualified.substr(0, qualified.find(':'));
        return local == subcodeLocal && (subcodeNs.empty() || subcodeNs == subcodeNamespace(mappedPrefix));
    };
    for (const Mapping& m : kMappings) {
        if (matches(m)) return CimError(m.status, reason);
    }
    for (const Mapping& m : kOtherSubcodes) {
        if (matches(m)) return CimError(m.status, reason);
    }
    return CimError(CimStatus::Failed, reason + " (fault subcode " + subcodeText + ")");
}

}  // namespace wmimock::wsman::detail
