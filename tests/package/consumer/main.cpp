// Uses the installed headers and libraries the way a provider developer's test would:
// a fake CIMOM with one class and one instance, and a scripted GoogleMock client.
#include <cstdio>

#include <gmock/gmock.h>

#include "wmimock/cimom/cimom.hpp"
#include "wmimock/mocks/mock_cim_client.hpp"

int main() {
    wmimock::Cimom cimom;
    cimom.loadMof(R"(
        Qualifier Key : boolean = false, Scope(property, reference), Flavor(DisableOverride, ToSubclass);
        class Demo_Service { [Key] string Name; boolean Started = true; uint32 StopService(); };
        instance of Demo_Service { Name = "demo"; };
    )",
                  "consumer.mof");

    const auto names = cimom.enumerateInstanceNames("root/cimv2", "Demo_Service");
    if (names.size() != 1) {
        std::fprintf(stderr, "expected one instance, got %zu\n", names.size());
        return 1;
    }
    const auto instance = cimom.getInstance(names.front());
    if (!instance.get("Started").asBool()) {
        std::fprintf(stderr, "class default Started=true was not applied\n");
        return 1;
    }

    testing::NiceMock<wmimock::MockCimClient> client;
    ON_CALL(client, doEnumerateClassNames).WillByDefault(testing::Return(std::vector<std::string>{"Demo_Service"}));
    if (client.enumerateClassNames("root/cimv2", "", false).size() != 1) return 1;

    std::printf("consumer OK: %s\n", names.front().toString().c_str());
    return 0;
}
