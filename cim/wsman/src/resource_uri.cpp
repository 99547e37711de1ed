#include "resource_uri.hpp"

#include <cctype>

#include "wmimock/cim/names.hpp"
#include "wmimock/cim/object_path.hpp"

namespace wmimock::wsman::detail {
namespace {

constexpr std::string_view kDmtfClassPrefix = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
constexpr std::string_view kDmtfAll = "http://schemas.dmtf.org/wbem/wscim/1/*";
constexpr std::string_view kWmiPrefix = "http://schemas.microsoft.com/wbem/wsman/1/wmi/";
constexpr std::string_view kClassDefinitionPrefix = "http://schemas.dmtf.org/wbem/cim-xml/2/cim-schema/2/";

/// Prefix match, case-insensitive, tolerating https for http (Microsoft's own pages spell
/// the DMTF prefix with https).
std::optional<std::string_view> after(std::string_view uri, std::string_view prefix) {
    if (uri.size() >= prefix.size() && iequals(uri.substr(0, prefix.size()), prefix)) return uri.substr(prefix.size());
    const std::string secure = "https" + std::string(prefix.substr(4));
    if (uri.size() >= secure.size() && iequals(uri.substr(0, secure.size()), secure)) return uri.substr(secure.size());
    return std::nullopt;
}

bool isClassName(std::string_view name) {
    if (name.empty()) return false;
    for (const char c : name) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
    }
    return true;
}

}  // namespace

std::optional<ResourceAddress> parseResourceUri(std::string_view uri) {
    ResourceAddress address;
    if (const auto rest = after(uri, kClassDefinitionPrefix)) {
        if (!isClassName(*rest)) return std::nullopt;
        address.className = std::string(*rest);
        address.classDefinition = true;
        return address;
    }
    if (after(uri, kDmtfAll) && after(uri, kDmtfAll)->empty()) return address;
    if (const auto rest = after(uri, kDmtfClassPrefix)) {
        if (*rest == "*") return address;
        if (!isClassName(*rest)) return std::nullopt;
        address.className = std::string(*rest);
        return address;
    }
    // Vendors publish their classes under their own WS-CIM prefixes
    // (http://schemas.dell.com/wbem/wscim/1/cim-schema/2/DCIM_..., http://intel.com/wbem/
    // wscim/1/amt-schema/1/AMT_...): SCHEMA/VERSION/CLASS after /wbem/wscim/1/, DMTF style.
    if (const std::size_t wscim = uri.find("/wbem/wscim/1/"); wscim != std::string_view::npos) {
        const std::string_view rest = uri.substr(wscim + std::string_view("/wbem/wscim/1/").size());
        const std::size_t first = rest.find('/');
        const std::size_t second = first == std::string_view::npos ? first : rest.find('/', first + 1);
        if (second != std::string_view::npos && isClassName(rest.substr(second + 1))) {
            address.className = std::string(rest.substr(second + 1));
            return address;
        }
    }
    if (const auto rest = after(uri, kWmiPrefix)) {
        const std::size_t slash = rest->rfind('/');
        if (slash == std::string_view::npos || slash == 0) return std::nullopt;
        const std::string_view name = rest->substr(slash + 1);
        if (name != "*" && !isClassName(name)) return std::nullopt;
        address.style = UriStyle::Wmi;
        address.nameSpace = normalizeNamespace(rest->substr(0, slash));
        if (name != "*") address.className = std::string(name);
        return address;
    }
    return std::nullopt;
}

std::string resourceUri(UriStyle style, std::string_view nameSpace, std::string_view className) {
    const std::string name = className.empty() ? std::string("*") : std::string(className);
    if (style == UriStyle::Wmi) return std::string(kWmiPrefix) + normalizeNamespace(nameSpace) + "/" + name;
    return className.empty() ? std::string(kDmtfAll) : std::string(kDmtfClassPrefix) + name;
}

std::string classDefinitionUri(std::string_view className) {
    return std::string(kClassDefinitionPrefix) + std::string(className);
}

}  // namespace wmimock::wsman::detail
