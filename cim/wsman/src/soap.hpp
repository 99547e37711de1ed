// SOAP 1.2 envelopes of WS-Management: the XML namespaces and actions the protocol uses, a
// namespace-aware reading layer over pugixml (which itself ignores namespaces) and a writer
// that declares the usual prefixes once on the envelope.
#pragma once

#include <pugixml.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace wmimock::wsman::detail {

namespace xmlns {
inline constexpr const char* kSoap = "http://www.w3.org/2003/05/soap-envelope";
inline constexpr const char* kAddressing = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
inline constexpr const char* kWsman = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
inline constexpr const char* kEnumeration = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
inline constexpr const char* kTransfer = "http://schemas.xmlsoap.org/ws/2004/09/transfer";
inline constexpr const char* kIdentity = "http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd";
inline constexpr const char* kCimBinding = "http://schemas.dmtf.org/wbem/wsman/1/cimbinding.xsd";
inline constexpr const char* kXsi = "http://www.w3.org/2001/XMLSchema-instance";
inline constexpr const char* kCimCommon = "http://schemas.dmtf.org/wbem/wscim/1/common";
inline constexpr const char* kMsWsman = "http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd";
inline constexpr const char* kXml = "http://www.w3.org/XML/1998/namespace";
}  // namespace xmlns

namespace action {
inline constexpr std::string_view kGet = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get";
inline constexpr std::string_view kPut = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Put";
inline constexpr std::string_view kCreate = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Create";
inline constexpr std::string_view kDelete = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Delete";
inline constexpr std::string_view kEnumerate = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate";
inline constexpr std::string_view kPull = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Pull";
inline constexpr std::string_view kRelease = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Release";
inline constexpr std::string_view kAddressingFault = "http://schemas.xmlsoap.org/ws/2004/08/addressing/fault";
inline constexpr std::string_view kWsmanFault = "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault";
}  // namespace action

namespace dialect {
inline constexpr std::string_view kWql = "http://schemas.microsoft.com/wbem/wsman/1/WQL";
inline constexpr std::string_view kCql = "http://schemas.dmtf.org/wbem/cql/1/dsp0202.pdf";
inline constexpr std::string_view kSelector = "http://schemas.dmtf.org/wbem/wsman/1/wsman/SelectorFilter";
inline constexpr std::string_view kAssociation = "http://schemas.dmtf.org/wbem/wsman/1/cimbinding/associationFilter";
}  // namespace dialect

inline constexpr std::string_view kAnonymous = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";
inline constexpr std::string_view kContentType = "application/soap+xml;charset=UTF-8";

/// "Selector" of "wsman:Selector" (or of "Selector").
std::string_view localName(std::string_view qualifiedName) noexcept;
/// The namespace URI bound to the prefix of `node`'s name, from the xmlns declarations of
/// the node and its ancestors ("" when unbound).
std::string_view namespaceOf(pugi::xml_node node);
/// The namespace URI of attribute `attribute` on `owner` ("" for an unprefixed attribute).
std::string_view namespaceOf(pugi::xml_node owner, pugi::xml_attribute attribute);
bool is(pugi::xml_node node, std::string_view nameSpace, std::string_view local);
/// The first element child of `parent` with that namespace and local name.
pugi::xml_node childOf(pugi::xml_node parent, std::string_view nameSpace, std::string_view local);
/// The first element child whatever its name.
pugi::xml_node firstElement(pugi::xml_node parent);
/// The attribute with that local name in that namespace ("" = unprefixed).
pugi::xml_attribute attributeOf(pugi::xml_node node, std::string_view nameSpace, std::string_view local);
/// xsi:nil="true" (or "1").
bool isNil(pugi::xml_node node);
/// The element's text with surrounding XML whitespace removed.
std::string trimmedText(pugi::xml_node node);

/// A response or request envelope: <s:Envelope> with the protocol's prefixes declared,
/// an <s:Header> and an <s:Body>.
class EnvelopeWriter {
public:
    EnvelopeWriter();
    pugi::xml_node header() const noexcept { return header_; }
    pugi::xml_node body() const noexcept { return body_; }
    /// Appends <qualifiedName>text</qualifiedName> to the header.
    pugi::xml_node addHeader(const char* qualifiedName, std::string_view text, bool mustUnderstand = false);
    std::string str() const;

private:
    // On the heap so that moving the writer keeps header_ and body_ valid (a pugixml
    // document keeps its first nodes inside itself).
    std::unique_ptr<pugi::xml_document> document_;
    pugi::xml_node header_;
    pugi::xml_node body_;
};

/// Appends <qualifiedName>text</qualifiedName> to `parent`.
pugi::xml_node appendText(pugi::xml_node parent, const char* qualifiedName, std::string_view text);

/// "uuid:" and a random version 4 UUID, for MessageIDs and enumeration contexts.
std::string newUuid();

}  // namespace wmimock::wsman::detail
