#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <string>
#include <utility>

#include "decode.hpp"
#include "request_validator.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/cimxml/request.hpp"

namespace wmimock::cimxml {
namespace {

constexpr const char* kNotWellFormed = "request-not-well-formed";
constexpr const char* kNotValid = "request-not-valid";

[[noreturn]] void notValid(const std::string& message) {
    throw RequestError(400, kNotValid, message);
}

/// DSP0200: versions are "major.minor" and a server accepts any minor of a major it knows.
void checkVersion(const pugi::xml_node& node, const char* attribute, std::string_view major, const char* cimError) {
    const std::string_view version = node.attribute(attribute).value();
    if (version.empty()) notValid(std::string(node.name()) + " has no " + attribute);
    if (!version.starts_with(major)) {
        throw RequestError(501, cimError, std::string(attribute) + " '" + std::string(version) + "' is not supported");
    }
}

bool isXmlChar(unsigned long cp) noexcept {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
           (cp >= 0x10000 && cp <= 0x10FFFF);
}

/// The length of the well-formed reference at text[0] ('&'), or 0: one of XML's five
/// entities, or a decimal / hex character reference to a character XML 1.0 allows.
std::size_t referenceLength(std::string_view text) noexcept {
    const std::size_t semicolon = text.find(';');
    if (semicolon == std::string_view::npos || semicolon > 12) return 0;
    const std::string_view name = text.substr(1, semicolon - 1);
    for (const std::string_view entity : {"amp", "lt", "gt", "quot", "apos"}) {
        if (name == entity) return semicolon + 1;
    }
    if (name.size() < 2 || name[0] != '#') return 0;
    const bool hex = name[1] == 'x';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    unsigned long cp = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
    if (error != std::errc{} || end != digits.data() + digits.size()) return 0;
    return isXmlChar(cp) ? semicolon + 1 : 0;
}

/// What pugixml lets through but XML 1.0 calls not well-formed: a malformed or unknown
/// reference (&#1a;, &#;, &bogus;, a reference to a control character) and a raw control
/// character. CDATA sections, comments and processing instructions are skipped over.
void checkCharacters(std::string_view xml) {
    for (std::size_t i = 0; i < xml.size(); ++i) {
        const char c = xml[i];
        if (c == '<') {
            for (const auto& [open, close] :
                 {std::pair<std::string_view, std::string_view>{"<![CDATA[", "]]>"}, {"<!--", "-->"}, {"<?", "?>"}}) {
                if (xml.substr(i, open.size()) == open) {
                    const std::size_t end = xml.find(close, i + open.size());
                    if (end == std::string_view::npos) return;  // the parser reports the unclosed section
                    i = end + close.size() - 1;
                    break;
                }
            }
        } else if (c == '&') {
            const std::size_t length = referenceLength(xml.substr(i));
            if (length == 0) {
                throw RequestError(400, kNotWellFormed,
                                   "malformed XML at byte " + std::to_string(i) + ": bad reference '" +
                                       std::string(xml.substr(i, std::min<std::size_t>(12, xml.size() - i))) + "'");
            }
            i += length - 1;
        } else if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            throw RequestError(400, kNotWellFormed,
                               "malformed XML at byte " + std::to_string(i) + ": control character U+00" +
                                   "0123456789ABCDEF"[(c >> 4) & 0xF] + "0123456789ABCDEF"[c & 0xF]);
        }
    }
}

}  // namespace

RequestError::RequestError(int httpStatus, std::string cimError, const std::string& message)
    : std::runtime_error(message), httpStatus_(httpStatus), cimError_(std::move(cimError)) {}

const WireParam* CimXmlRequest::param(std::string_view name) const noexcept {
    for (const auto& p : params) {
        if (iequals(p.name, name)) return &p;
    }
    return nullptr;
}

CimXmlRequest decodeRequest(std::string_view body, const DecodeLimits& limits) {
    if (body.size() > limits.maxBytes) {
        throw RequestError(413, {},
                           "request body of " + std::to_string(body.size()) + " bytes exceeds the limit of " +
                               std::to_string(limits.maxBytes) + " bytes");
    }
    checkCharacters(body);
    pugi::xml_document doc;
    try {
        detail::parseDocument(doc, body, limits);
    } catch (const CimError& e) {
        throw RequestError(400, kNotWellFormed, e.message());
    }
    // What DSP0200 answers with 501 comes first: a later version may have another DTD.
    const auto cim = doc.document_element();
    const auto message = detail::firstElement(cim);
    if (detail::isElement(cim, "CIM")) {
        checkVersion(cim, "CIMVERSION", "2.", "unsupported-cim-version");
        checkVersion(cim, "DTDVERSION", "2.", "unsupported-dtd-version");
        if (detail::isElement(message, "MESSAGE")) {
            checkVersion(message, "PROTOCOLVERSION", "1.", "unsupported-protocol-version");
            if (detail::isElement(detail::firstElement(message), "MULTIREQ")) {
                throw RequestError(501, "multiple-requests-unsupported", "MULTIREQ is not supported");
            }
        }
    }
    detail::validateRequestDocument(doc);  // from here on the shape is DSP0201's

    CimXmlRequest request;
    request.messageId = message.attribute("ID").value();
    if (request.messageId.empty()) notValid("MESSAGE has an empty ID");
    request.protocolVersion = message.attribute("PROTOCOLVERSION").value();
    const auto simple = detail::firstElement(message);
    // The call is SIMPLEREQ's last element; the CORRELATORs before it are not used.
    pugi::xml_node call = simple.last_child();
    while (call.type() != pugi::node_element) call = call.previous_sibling();
    request.intrinsic = detail::isElement(call, "IMETHODCALL");
    request.methodName = call.attribute("NAME").value();
    if (request.methodName.empty()) notValid(std::string(call.name()) + " has an empty NAME");

    const auto target = detail::firstElement(call);
    try {
        if (request.intrinsic) {
            request.nameSpace = detail::readLocalNamespacePath(target);
        } else {
            request.target = detail::readAnyPath(target);
            request.nameSpace = request.target.nameSpace();
        }
    } catch (const CimError& e) {
        notValid(e.message());
    }

    try {
        for (auto child = target.next_sibling(); child; child = child.next_sibling()) {
            if (child.type() != pugi::node_element) continue;
            request.params.push_back(detail::readWireParam(child, request.nameSpace));
        }
    } catch (const CimError& e) {
        request.parameterError = e;  // a value the DTD allows but the operation cannot take
    }
    return request;
}

}  // namespace wmimock::cimxml
