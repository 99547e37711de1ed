// Where a client talks to: scheme, host, port and path of an http(s) URL.
#pragma once

#include <string>
#include <string_view>

namespace wmimock::http {

struct Endpoint {
    std::string scheme;  ///< "http" or "https"
    std::string host;    ///< as written, IPv6 in brackets
    int port = 0;
    std::string path;  ///< from the first '/' on; empty when the URL has none

    bool secure() const noexcept { return scheme == "https"; }
    std::string hostPort() const { return host + ":" + std::to_string(port); }
    std::string origin() const { return scheme + "://" + hostPort(); }
};

/// Parses http(s)://HOST[:PORT][/PATH]; the port defaults by scheme. Throws
/// std::invalid_argument saying what is wrong ("no host", "the port must be 1..65535", ...);
/// callers add which kind of URL they expected.
Endpoint parseEndpoint(std::string_view url, int defaultHttpPort, int defaultHttpsPort);

}  // namespace wmimock::http
