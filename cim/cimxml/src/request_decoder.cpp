#include <pugixml.hpp>
#include <string>

#include "decode.hpp"
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

pugi::xml_node requiredChild(const pugi::xml_node& parent, const char* name) {
    const auto child = detail::firstElement(parent);
    if (!detail::isElement(child, name)) {
        notValid(std::string(parent.name()) + " must contain " + name +
                 (child ? std::string(", not ") + child.name() : std::string()));
    }
    return child;
}

/// DSP0200: versions are "major.minor" and a server accepts any minor of a major it knows.
void checkVersion(const pugi::xml_node& node, const char* attribute, std::string_view major, const char* cimError) {
    const std::string_view version = node.attribute(attribute).value();
    if (version.empty()) notValid(std::string(node.name()) + " has no " + attribute);
    if (!version.starts_with(major)) {
        throw RequestError(501, cimError, std::string(attribute) + " '" + std::string(version) + "' is not supported");
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
    pugi::xml_document doc;
    try {
        detail::parseDocument(doc, body, limits);
    } catch (const CimError& e) {
        throw RequestError(400, kNotWellFormed, e.message());
    }

    const auto cim = detail::firstElement(doc);
    if (!detail::isElement(cim, "CIM")) notValid("the root element must be CIM");
    checkVersion(cim, "CIMVERSION", "2.", "unsupported-cim-version");
    checkVersion(cim, "DTDVERSION", "2.", "unsupported-dtd-version");
    const auto message = requiredChild(cim, "MESSAGE");
    checkVersion(message, "PROTOCOLVERSION", "1.", "unsupported-protocol-version");

    CimXmlRequest request;
    request.messageId = message.attribute("ID").value();
    if (request.messageId.empty()) notValid("MESSAGE has no ID");
    request.protocolVersion = message.attribute("PROTOCOLVERSION").value();
    const auto body_ = detail::firstElement(message);
    if (detail::isElement(body_, "MULTIREQ")) {
        throw RequestError(501, "multiple-requests-unsupported", "MULTIREQ is not supported");
    }
    const auto simple = requiredChild(message, "SIMPLEREQ");
    const auto call = detail::firstElement(simple);
    request.intrinsic = detail::isElement(call, "IMETHODCALL");
    if (!request.intrinsic && !detail::isElement(call, "METHODCALL")) {
        notValid("SIMPLEREQ must contain IMETHODCALL or METHODCALL");
    }
    request.methodName = call.attribute("NAME").value();
    if (request.methodName.empty()) notValid(std::string(call.name()) + " has no NAME");

    const auto target = detail::firstElement(call);
    try {
        if (request.intrinsic) {
            if (!detail::isElement(target, "LOCALNAMESPACEPATH"))
                notValid("IMETHODCALL must start with LOCALNAMESPACEPATH");
            request.nameSpace = detail::readLocalNamespacePath(target);
        } else {
            if (!detail::isElement(target, "LOCALINSTANCEPATH") && !detail::isElement(target, "LOCALCLASSPATH")) {
                notValid("METHODCALL must start with LOCALINSTANCEPATH or LOCALCLASSPATH");
            }
            request.target = detail::readAnyPath(target);
            request.nameSpace = request.target.nameSpace();
        }
    } catch (const CimError& e) {
        notValid(e.message());
    }

    const char* paramTag = request.intrinsic ? "IPARAMVALUE" : "PARAMVALUE";
    try {
        for (auto child = target.next_sibling(); child; child = child.next_sibling()) {
            if (child.type() != pugi::node_element) continue;
            if (!detail::isElement(child, paramTag)) {
                notValid(std::string(call.name()) + " may only contain " + paramTag + ", not " + child.name());
            }
            request.params.push_back(detail::readWireParam(child, request.nameSpace));
        }
    } catch (const CimError& e) {
        request.parameterError = e;
    }
    return request;
}

}  // namespace wmimock::cimxml
