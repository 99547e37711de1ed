// Builds an object path, parses its text form back and reads a datetime interval: the CIM
// model used on its own, as a tool that only formats or checks CIM names would.
#include <cstdio>

#include "wmimock/cim/datetime.hpp"
#include "wmimock/cim/object_path.hpp"
#include "wmimock/cim/value.hpp"

int main() {
    const wmimock::ObjectPath path("root/cimv2", "Demo_Service", {{"Name", wmimock::Value::string("demo")}});
    const auto parsed = wmimock::ObjectPath::parse(path.toString());
    if (!(parsed == path)) {
        std::fprintf(stderr, "round trip changed %s into %s\n", path.toString().c_str(), parsed.toString().c_str());
        return 1;
    }
    const auto interval = wmimock::CimDateTime::parse("00000000000030.000000:000");
    if (!interval.isInterval() || interval.toDuration() != std::chrono::seconds(30)) {
        std::fprintf(stderr, "a 30 s interval did not read as 30 s\n");
        return 1;
    }
    std::printf("%s\n", parsed.toString().c_str());
    return 0;
}
