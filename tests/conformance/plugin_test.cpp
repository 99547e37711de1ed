// plugin:PATH targets: the example provider passes the suite with process isolation, and
// files that are not plugins are refused with a message instead of a crash.
#include <gtest/gtest.h>

#include "result_format.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/conformance/checks.hpp"
#include "wmimock/conformance/plugin.hpp"
#include "wmimock/harness/runner.hpp"

namespace wmimock::harness {
namespace {

using namespace wmimock::conformance;

class ExamplePlugin : public ::testing::TestWithParam<RunOptions::Isolation> {};

TEST_P(ExamplePlugin, PassesTheSuite) {
    RunOptions o;
    o.targets = {std::string("plugin:") + EXAMPLE_PLUGIN_PATH};
    o.isolation = GetParam();
    const RunResult r = run(o);
    ASSERT_EQ(r.results.size(), checks().size() * 2);  // two services
    EXPECT_TRUE(r.passed()) << testing::failures(r);
    EXPECT_TRUE(r.notes.empty());
    EXPECT_GT(r.summary().passed, r.summary().total / 2);
    EXPECT_EQ(r.results.front().nameSpace, "root/exampleco");
    EXPECT_EQ(r.results.front().className, "ExampleCo_Service");
}

INSTANTIATE_TEST_SUITE_P(Plugin, ExamplePlugin,
                         ::testing::Values(RunOptions::Isolation::InProcess, RunOptions::Isolation::Process));

TEST(Plugin, RefusesALibraryWithoutEntryPoints) {
    try {
        openPluginTarget(NOT_A_PLUGIN_PATH);
        FAIL() << "a library without entry points was accepted";
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::InvalidParameter);
        EXPECT_NE(e.message().find("not a wmimock plugin"), std::string::npos) << e.message();
    }
}

TEST(Plugin, RefusesAMissingFile) {
    try {
        openPluginTarget("/no/such/dir/libnothing.so");
        FAIL() << "a missing file was accepted";
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::NotFound);
    }
}

TEST(Plugin, AbiInfoDescribesThisBuild) {
    constexpr plugin::AbiInfo abi = plugin::currentAbi();
    EXPECT_EQ(abi.abiVersion, static_cast<std::uint32_t>(WMIMOCK_PLUGIN_ABI_VERSION));
    EXPECT_EQ(abi.sizeOfValue, sizeof(Value));
}

}  // namespace
}  // namespace wmimock::harness
