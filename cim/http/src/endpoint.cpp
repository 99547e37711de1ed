#include "wmimock/http/endpoint.hpp"

#include <charconv>
#include <stdexcept>

#include "wmimock/cim/names.hpp"

namespace wmimock::http {

Endpoint parseEndpoint(std::string_view url, int defaultHttpPort, int defaultHttpsPort) {
    auto bad = [](const char* why) { return std::invalid_argument(why); };
    const std::size_t schemeEnd = url.find("://");
    if (schemeEnd == std::string_view::npos) throw bad("no scheme");
    Endpoint endpoint;
    endpoint.scheme = toLower(url.substr(0, schemeEnd));
    if (endpoint.scheme != "http" && endpoint.scheme != "https") throw bad("the scheme must be http or https");
    std::string_view rest = url.substr(schemeEnd + 3);
    const std::size_t slash = rest.find('/');
    const std::string_view authority = rest.substr(0, slash);
    if (slash != std::string_view::npos) endpoint.path = std::string(rest.substr(slash));
    endpoint.port = endpoint.secure() ? defaultHttpsPort : defaultHttpPort;
    endpoint.host = std::string(authority);
    const std::size_t colon = authority.rfind(':');
    const std::size_t bracket = authority.rfind(']');
    if (colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket)) {
        endpoint.host = std::string(authority.substr(0, colon));
        const std::string_view digits = authority.substr(colon + 1);
        const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), endpoint.port);
        if (error != std::errc{} || end != digits.data() + digits.size() || endpoint.port < 1 ||
            endpoint.port > 65535) {
            throw bad("the port must be a number in 1..65535");
        }
    }
    if (endpoint.host.empty()) throw bad("no host");
    return endpoint;
}

}  // namespace wmimock::http
