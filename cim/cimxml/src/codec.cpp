#include "wmimock/cimxml/codec.hpp"

#include <pugixml.hpp>
#include <string>

#include "decode.hpp"
#include "encode.hpp"
#include "wmimock/cim/error.hpp"

namespace wmimock::cimxml {
namespace {

/// Position just past `terminator` at or after `from`, or npos.
std::size_t skipPast(std::string_view xml, std::size_t from, std::string_view terminator) noexcept {
    const auto at = xml.find(terminator, from);
    return at == std::string_view::npos ? at : at + terminator.size();
}

/// Position just past the '>' closing a tag that starts at `from`, honouring quoted
/// attribute values (which may contain '>'), or npos.
std::size_t skipTag(std::string_view xml, std::size_t from) noexcept {
    char quote = 0;
    for (std::size_t i = from; i < xml.size(); ++i) {
        const char c = xml[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return i + 1;
        }
    }
    return std::string_view::npos;
}

/// Position just past a <!DOCTYPE ...> whose internal subset may hold nested markup.
std::size_t skipDeclaration(std::string_view xml, std::size_t from) noexcept {
    int level = 0;
    for (std::size_t i = from; i < xml.size(); ++i) {
        if (xml[i] == '<') ++level;
        if (xml[i] == '>' && --level == 0) return i + 1;
    }
    return std::string_view::npos;
}

/// What one of the element writers appends for `item`, as a string of its own.
template <typename Item>
std::string encoded(void (*append)(std::string&, const Item&), const Item& item) {
    std::string out;
    append(out, item);
    return out;
}

pugi::xml_node rootElement(pugi::xml_document& doc, std::string_view xml, const DecodeLimits& limits) {
    detail::parseDocument(doc, xml, limits);
    const auto root = detail::firstElement(doc);
    if (!root) throw CimError(CimStatus::InvalidParameter, "CIM-XML: the document has no element");
    return root;
}

}  // namespace

std::string_view xmlTypeName(CimType type) noexcept {
    switch (type) {
        case CimType::Reference:
            return "reference";  // MOF spells it "ref"
        case CimType::Object:
        case CimType::Instance:
            return "string";  // embedded objects travel as escaped CIM-XML text
        default:
            return toString(type);  // the other names are MOF's
    }
}

void checkXmlLimits(std::string_view xml, const DecodeLimits& limits) {
    if (xml.size() > limits.maxBytes) {
        throw CimError(CimStatus::InvalidParameter, "CIM-XML document of " + std::to_string(xml.size()) +
                                                        " bytes exceeds the limit of " +
                                                        std::to_string(limits.maxBytes) + " bytes");
    }
    std::size_t depth = 0;
    std::size_t i = xml.find('<');
    while (i != std::string_view::npos && i + 1 < xml.size()) {
        const std::string_view rest = xml.substr(i);
        std::size_t next;
        if (rest[1] == '/') {
            if (depth > 0) --depth;
            next = skipTag(xml, i);
        } else if (rest[1] == '?') {
            next = skipPast(xml, i, "?>");
        } else if (rest.starts_with("<!--")) {
            next = skipPast(xml, i + 4, "-->");
        } else if (rest.starts_with("<![CDATA[")) {
            next = skipPast(xml, i, "]]>");
        } else if (rest[1] == '!') {
            next = skipDeclaration(xml, i);
        } else {
            if (++depth > limits.maxDepth) {
                throw CimError(CimStatus::InvalidParameter, "CIM-XML document nests elements deeper than " +
                                                                std::to_string(limits.maxDepth) + " levels (at byte " +
                                                                std::to_string(i) + ")");
            }
            next = skipTag(xml, i);
            if (next != std::string_view::npos && xml[next - 2] == '/') --depth;
        }
        if (next == std::string_view::npos) return;  // unterminated markup: the parser reports it
        i = xml.find('<', next);
    }
}

std::string encodeValue(const Value& value) {
    return encoded(detail::appendValue, value);
}

Value decodeValue(std::string_view xml, CimType type, const DecodeLimits& limits) {
    pugi::xml_document doc;
    return detail::readValue(rootElement(doc, xml, limits), type, limits);
}

std::string encodeInstanceName(const ObjectPath& path) {
    return encoded(detail::appendInstanceName, path);
}

ObjectPath decodeInstanceName(std::string_view xml, std::string_view nameSpace, const DecodeLimits& limits) {
    pugi::xml_document doc;
    return detail::readInstanceName(rootElement(doc, xml, limits), nameSpace);
}

std::string encodeObjectPath(const ObjectPath& path) {
    return encoded(detail::appendReferenceTarget, path);
}

ObjectPath decodeObjectPath(std::string_view xml, const DecodeLimits& limits) {
    pugi::xml_document doc;
    return detail::readAnyPath(rootElement(doc, xml, limits));
}

std::string encodeInstance(const Instance& instance) {
    return encoded(detail::appendInstance, instance);
}

Instance decodeInstance(std::string_view xml, const DecodeLimits& limits) {
    pugi::xml_document doc;
    return detail::readInstanceWithPath(rootElement(doc, xml, limits), {}, limits);
}

std::string encodeClass(const CimClass& cls) {
    return encoded(detail::appendClass, cls);
}

CimClass decodeClass(std::string_view xml, const DecodeLimits& limits) {
    pugi::xml_document doc;
    return detail::readClass(rootElement(doc, xml, limits), limits);
}

}  // namespace wmimock::cimxml
