// Resource URIs of the CIM binding, in both spellings a client may use:
//   DMTF (DSP0227): http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_Service, the
//                   namespace in the __cimnamespace selector; .../wscim/1/* for every class;
//                   vendors' WS-CIM prefixes (.../wbem/wscim/1/SCHEMA/VERSION/CLASS) alike;
//   WMI (MS-WSMV):  http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/Win32_Service,
//                   the namespace in the path; .../wmi/root/cimv2/* for every class;
// and the class-definition URI http://schemas.dmtf.org/wbem/cim-xml/2/cim-schema/2/CLASS,
// whose Get answers the class as a CIM-XML CLASS element.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wmimock::wsman::detail {

enum class UriStyle { Dmtf, Wmi };

struct ResourceAddress {
    UriStyle style = UriStyle::Dmtf;
    std::string nameSpace;  ///< WMI style only ("root/cimv2"); DMTF URIs carry none
    std::string className;  ///< empty for the "*" of every class
    bool classDefinition = false;
};

/// nullopt when the URI is none of the forms above.
std::optional<ResourceAddress> parseResourceUri(std::string_view uri);
/// The URI of `className` ("" = every class) in that style.
std::string resourceUri(UriStyle style, std::string_view nameSpace, std::string_view className);
std::string classDefinitionUri(std::string_view className);

/// The selector that names the namespace under DMTF URIs.
inline constexpr std::string_view kNamespaceSelector = "__cimnamespace";

}  // namespace wmimock::wsman::detail
