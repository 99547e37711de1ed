// http:// targets: the suite through the CIM-XML client against `wmimock serve`'s server
// hosting builtin:reference — the same verdicts as in-process.
#include <gtest/gtest.h>

#include "result_format.hpp"
#include "wmimock/cimxml/server.hpp"
#include "wmimock/conformance/checks.hpp"
#include "wmimock/harness/runner.hpp"
#include "wmimock/services/builtin.hpp"

namespace wmimock::harness {
namespace {

using namespace wmimock::conformance;

constexpr const char* kAlpha = R"(root/cimv2:WMIMock_Service.CreationClassName="WMIMock_Service",Name="Alpha",)"
                               R"(SystemCreationClassName="WMIMock_ComputerSystem",SystemName="wmimock-host")";

TEST(HttpTarget, GivesTheVerdictsOfTheInProcessRun) {
    const auto env = services::makeBuiltin("reference");
    cimxml::ServerOptions serverOptions;
    serverOptions.port = 0;
    cimxml::CimXmlServer server(env.cimom, serverOptions);
    server.start();

    RunOptions remote;
    remote.targets = {"http://127.0.0.1:" + std::to_string(server.port()) + "/root/cimv2"};
    remote.session.instancePath = kAlpha;
    remote.isolation = RunOptions::Isolation::InProcess;
    const RunResult overHttp = run(remote);

    RunOptions local = remote;
    local.targets = {"builtin:reference"};
    const RunResult here = run(local);

    ASSERT_EQ(overHttp.results.size(), checks().size());
    ASSERT_EQ(overHttp.results.size(), here.results.size());
    EXPECT_TRUE(overHttp.passed()) << testing::failures(overHttp);
    for (std::size_t i = 0; i < here.results.size(); ++i) {
        EXPECT_EQ(overHttp.results[i].outcome, here.results[i].outcome) << testing::describe(overHttp.results[i]);
    }
    EXPECT_TRUE(overHttp.notes.empty());
    server.stop();
}

}  // namespace
}  // namespace wmimock::harness
