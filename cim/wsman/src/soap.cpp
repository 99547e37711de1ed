#include "soap.hpp"

#include <array>
#include <cstdint>
#include <random>
#include <sstream>

namespace wmimock::wsman::detail {
namespace {

std::string_view prefixOf(std::string_view qualifiedName) noexcept {
    const std::size_t colon = qualifiedName.find(':');
    return colon == std::string_view::npos ? std::string_view{} : qualifiedName.substr(0, colon);
}

/// The URI bound to `prefix` in scope at `node` ("" = the default namespace).
std::string_view resolve(pugi::xml_node node, std::string_view prefix) {
    if (prefix == "xml") return xmlns::kXml;
    const std::string declaration = prefix.empty() ? std::string("xmlns") : "xmlns:" + std::string(prefix);
    for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) {
        if (const pugi::xml_attribute a = n.attribute(declaration.c_str())) return a.value();
    }
    return {};
}

}  // namespace

std::string_view localName(std::string_view qualifiedName) noexcept {
    const std::size_t colon = qualifiedName.find(':');
    return colon == std::string_view::npos ? qualifiedName : qualifiedName.substr(colon + 1);
}

std::string_view namespaceOf(pugi::xml_node node) {
    return resolve(node, prefixOf(node.name()));
}

std::string_view namespaceOf(pugi::xml_node owner, pugi::xml_attribute attribute) {
    const std::string_view prefix = prefixOf(attribute.name());
    return prefix.empty() ? std::string_view{} : resolve(owner, prefix);
}

bool is(pugi::xml_node node, std::string_view nameSpace, std::string_view local) {
    return node.type() == pugi::node_element && localName(node.name()) == local && namespaceOf(node) == nameSpace;
}

pugi::xml_node childOf(pugi::xml_node parent, std::string_view nameSpace, std::string_view local) {
    for (pugi::xml_node child = parent.first_child(); child; child = child.next_sibling()) {
        if (is(child, nameSpace, local)) return child;
    }
    return {};
}

pugi::xml_node firstElement(pugi::xml_node parent) {
    for (pugi::xml_node child = parent.first_child(); child; child = child.next_sibling()) {
        if (child.type() == pugi::node_element) return child;
    }
    return {};
}

pugi::xml_attribute attributeOf(pugi::xml_node node, std::string_view nameSpace, std::string_view local) {
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
        if (localName(a.name()) == local && namespaceOf(node, a) == nameSpace) return a;
    }
    return {};
}

bool isNil(pugi::xml_node node) {
    const std::string_view nil = attributeOf(node, xmlns::kXsi, "nil").value();
    return nil == "true" || nil == "1";
}

std::string trimmedText(pugi::xml_node node) {
    std::string_view text = node.text().get();
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    return std::string(text);
}

EnvelopeWriter::EnvelopeWriter() : document_(std::make_unique<pugi::xml_document>()) {
    pugi::xml_node envelope = document_->append_child("s:Envelope");
    envelope.append_attribute("xmlns:s") = xmlns::kSoap;
    envelope.append_attribute("xmlns:wsa") = xmlns::kAddressing;
    envelope.append_attribute("xmlns:wsman") = xmlns::kWsman;
    envelope.append_attribute("xmlns:wsen") = xmlns::kEnumeration;
    envelope.append_attribute("xmlns:wxf") = xmlns::kTransfer;
    envelope.append_attribute("xmlns:wsmb") = xmlns::kCimBinding;
    envelope.append_attribute("xmlns:xsi") = xmlns::kXsi;
    envelope.append_attribute("xmlns:cim") = xmlns::kCimCommon;
    header_ = envelope.append_child("s:Header");
    body_ = envelope.append_child("s:Body");
}

pugi::xml_node EnvelopeWriter::addHeader(const char* qualifiedName, std::string_view text, bool mustUnderstand) {
    pugi::xml_node node = appendText(header_, qualifiedName, text);
    if (mustUnderstand) node.append_attribute("s:mustUnderstand") = "true";
    return node;
}

std::string EnvelopeWriter::str() const {
    std::ostringstream out;
    document_->save(out, "", pugi::format_raw | pugi::format_no_declaration);
    return out.str();
}

pugi::xml_node appendText(pugi::xml_node parent, const char* qualifiedName, std::string_view text) {
    pugi::xml_node node = parent.append_child(qualifiedName);
    if (!text.empty()) node.append_child(pugi::node_pcdata).set_value(std::string(text).c_str());
    return node;
}

std::string newUuid() {
    thread_local std::mt19937_64 random{std::random_device{}()};
    std::array<std::uint8_t, 16> bytes{};
    for (std::size_t i = 0; i < bytes.size(); i += 8) {
        const std::uint64_t r = random();
        for (std::size_t j = 0; j < 8; ++j) bytes[i + j] = static_cast<std::uint8_t>(r >> (8 * j));
    }
    bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0F) | 0x40);  // version 4
    bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out = "uuid:";
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += kHex[bytes[i] >> 4];
        out += kHex[bytes[i] & 0x0F];
    }
    return out;
}

}  // namespace wmimock::wsman::detail
