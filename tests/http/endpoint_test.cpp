#include <gtest/gtest.h>

#include <stdexcept>

#include "wmimock/http/endpoint.hpp"

namespace wmimock::http {
namespace {

TEST(Endpoint, PortsDefaultByScheme) {
    const Endpoint plain = parseEndpoint("http://host.example", 5985, 5986);
    EXPECT_EQ(plain.origin(), "http://host.example:5985");
    EXPECT_EQ(plain.path, "");
    EXPECT_FALSE(plain.secure());
    const Endpoint secure = parseEndpoint("HTTPS://host.example/wsman", 5985, 5986);
    EXPECT_EQ(secure.scheme, "https");
    EXPECT_EQ(secure.port, 5986);
    EXPECT_EQ(secure.path, "/wsman");
    EXPECT_TRUE(secure.secure());
}

TEST(Endpoint, ExplicitPortsAndIpv6) {
    EXPECT_EQ(parseEndpoint("http://10.0.0.1:15988/root/cimv2", 5988, 5989).hostPort(), "10.0.0.1:15988");
    const Endpoint v6 = parseEndpoint("https://[::1]:5989/interop", 5988, 5989);
    EXPECT_EQ(v6.host, "[::1]");
    EXPECT_EQ(v6.port, 5989);
    EXPECT_EQ(v6.path, "/interop");
    EXPECT_EQ(parseEndpoint("http://[::1]/x", 5988, 5989).port, 5988);  // the colons inside [] are no port
}

TEST(Endpoint, WhatIsWrongIsSaid) {
    const std::pair<const char*, const char*> cases[] = {
        {"host:5988", "no scheme"},       {"ftp://host", "http or https"}, {"http://", "no host"},
        {"http://:5988/x", "no host"},    {"http://host:0", "1..65535"},   {"http://host:65536", "1..65535"},
        {"http://host:59a8", "1..65535"}, {"http://host:", "1..65535"},
    };
    for (const auto& [url, why] : cases) {
        try {
            parseEndpoint(url, 5988, 5989);
            ADD_FAILURE() << url << " was accepted";
        } catch (const std::invalid_argument& e) {
            EXPECT_NE(std::string(e.what()).find(why), std::string::npos) << url << ": " << e.what();
        }
    }
}

}  // namespace
}  // namespace wmimock::http
