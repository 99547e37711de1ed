#include "request_encoder.hpp"

#include "encode.hpp"
#include "wmimock/cimxml/codec.hpp"
#include "xml_text.hpp"

namespace wmimock::cimxml::detail {
namespace {

void openMessage(std::string& out, std::string_view messageId) {
    out.reserve(1024);
    out += "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><MESSAGE";
    appendAttribute(out, "ID", messageId);
    out += " PROTOCOLVERSION=\"1.0\"><SIMPLEREQ>";
}

}  // namespace

RequestEncoder RequestEncoder::intrinsic(std::string_view messageId, std::string_view method,
                                         std::string_view nameSpace) {
    RequestEncoder encoder(true);
    openMessage(encoder.out_, messageId);
    encoder.out_ += "<IMETHODCALL";
    appendAttribute(encoder.out_, "NAME", method);
    encoder.out_ += '>';
    appendLocalNamespacePath(encoder.out_, nameSpace);
    return encoder;
}

RequestEncoder RequestEncoder::extrinsic(std::string_view messageId, std::string_view method,
                                         const ObjectPath& target) {
    RequestEncoder encoder(false);
    openMessage(encoder.out_, messageId);
    encoder.out_ += "<METHODCALL";
    appendAttribute(encoder.out_, "NAME", method);
    encoder.out_ += '>';
    auto& out = encoder.out_;
    if (target.isClassPath()) {
        out += "<LOCALCLASSPATH>";
        appendLocalNamespacePath(out, target.nameSpace());
        appendClassName(out, target.className());
        out += "</LOCALCLASSPATH>";
    } else {
        out += "<LOCALINSTANCEPATH>";
        appendLocalNamespacePath(out, target.nameSpace());
        appendInstanceName(out, target);
        out += "</LOCALINSTANCEPATH>";
    }
    return encoder;
}

void RequestEncoder::openParam(std::string_view name) {
    out_ += intrinsic_ ? "<IPARAMVALUE" : "<PARAMVALUE";
    appendAttribute(out_, "NAME", name);
    out_ += '>';
}

void RequestEncoder::closeParam() {
    out_ += intrinsic_ ? "</IPARAMVALUE>" : "</PARAMVALUE>";
}

RequestEncoder& RequestEncoder::text(std::string_view name, std::string_view value) {
    openParam(name);
    appendTextElement(out_, "VALUE", value);
    closeParam();
    return *this;
}

RequestEncoder& RequestEncoder::boolean(std::string_view name, bool value) {
    return text(name, value ? "TRUE" : "FALSE");
}

RequestEncoder& RequestEncoder::className(std::string_view name, std::string_view className) {
    if (className.empty()) return *this;
    openParam(name);
    appendClassName(out_, className);
    closeParam();
    return *this;
}

RequestEncoder& RequestEncoder::instanceName(std::string_view name, const ObjectPath& path) {
    openParam(name);
    appendInstanceName(out_, path);
    closeParam();
    return *this;
}

RequestEncoder& RequestEncoder::objectName(std::string_view name, const ObjectPath& path) {
    if (path.isClassPath()) return className(name, path.className());
    return instanceName(name, path);
}

RequestEncoder& RequestEncoder::propertyList(const PropertyList& list) {
    if (!list) return *this;
    openParam("PropertyList");
    out_ += "<VALUE.ARRAY>";
    for (const auto& property : *list) appendTextElement(out_, "VALUE", property);
    out_ += "</VALUE.ARRAY>";
    closeParam();
    return *this;
}

RequestEncoder& RequestEncoder::instance(std::string_view name, const Instance& instance) {
    openParam(name);
    appendInstance(out_, instance);
    closeParam();
    return *this;
}

RequestEncoder& RequestEncoder::namedInstance(std::string_view name, const Instance& instance) {
    openParam(name);
    appendNamedInstance(out_, instance);
    closeParam();
    return *this;
}

RequestEncoder& RequestEncoder::methodParameter(const ParamValue& param) {
    out_ += "<PARAMVALUE";
    appendAttribute(out_, "NAME", param.name);
    appendAttribute(out_, "PARAMTYPE", xmlTypeName(param.value.type()));
    if (param.value.type() == CimType::Instance) appendAttribute(out_, "EmbeddedObject", "instance");
    if (param.value.type() == CimType::Object) appendAttribute(out_, "EmbeddedObject", "object");
    out_ += '>';
    appendValue(out_, param.value);
    out_ += "</PARAMVALUE>";
    return *this;
}

std::string RequestEncoder::finish() {
    out_ += intrinsic_ ? "</IMETHODCALL>" : "</METHODCALL>";
    out_ += "</SIMPLEREQ></MESSAGE></CIM>\n";
    return std::move(out_);
}

std::string percentEncode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string encoded;
    encoded.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/' || c == ':' || c == '=' ||
            c == ',') {
            encoded += c;
        } else {
            encoded += '%';
            encoded += kHex[byte >> 4];
            encoded += kHex[byte & 0xF];
        }
    }
    return encoded;
}

}  // namespace wmimock::cimxml::detail
