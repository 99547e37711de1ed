// plugin:PATH targets: the example provider passes the suite with process isolation, and
// files that are not plugins are refused with a message instead of a crash.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "result_format.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/conformance/checks.hpp"
#include "wmimock/conformance/plugin.hpp"
#include "wmimock/harness/runner.hpp"
#include "wmimock/harness/targets.hpp"

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

// Catalog §0.3 Rev. 2: every planned (check, instance) pair yields exactly one result, also
// when the workers keep dying; the run then fails.
TEST(Plugin, WorkersThatKeepDyingStillReportEveryPlannedCheck) {
    RunOptions o;
    o.targets = {std::string("plugin:") + DYING_PLUGIN_PATH};
    o.isolation = RunOptions::Isolation::Process;
    const auto planned = plan(o);
    const RunResult r = run(o);
    EXPECT_EQ(r.planned, checks().size() * 2);
    EXPECT_EQ(planned.size(), r.planned);
    ASSERT_EQ(r.results.size(), r.planned) << testing::failures(r);
    std::set<std::string> seen;
    for (const auto& result : r.results) {
        EXPECT_TRUE(seen.insert(result.instancePath + " " + result.ruleId + " " + result.title).second)
            << "reported twice: " << result.ruleId << " " << result.instancePath;
    }
    EXPECT_GT(r.summary().crashes, 0U);
    EXPECT_FALSE(r.passed());
}

// A library that is not a plugin is the target's failure, not bad usage: one ERROR result
// names the reason, and the run fails (the CLI still writes its reports).
TEST(Plugin, ALibraryThatIsNotAPluginIsOneErrorResult) {
    for (const auto isolation : {RunOptions::Isolation::InProcess, RunOptions::Isolation::Process}) {
        RunOptions o;
        o.targets = {std::string("plugin:") + NOT_A_PLUGIN_PATH, "builtin:hyperv"};
        o.isolation = isolation;
        const RunResult r = run(o);
        ASSERT_EQ(r.results.size(), 1 + checks().size());
        EXPECT_EQ(r.results.front().outcome, Outcome::Error);
        EXPECT_EQ(r.results.front().title, "TargetSetup");
        EXPECT_NE(r.results.front().message.find("not a wmimock plugin"), std::string::npos)
            << r.results.front().message;
        EXPECT_EQ(r.planned, r.results.size());
        EXPECT_FALSE(r.passed());
    }
}

// --mof reaches a plugin's namespace too: a broken file fails the target, a good one loads.
TEST(Plugin, ExtraMofIsCompiledIntoThePluginsNamespace) {
    TargetOptions options;
    options.mofFiles = {std::string(WMIMOCK_SOURCE_DIR) + "/fixtures/invalid/parse_missing_semicolon.mof"};
    EXPECT_THROW(openPluginTarget(EXAMPLE_PLUGIN_PATH, options), CimError);
    const auto dir = std::filesystem::path(WMIMOCK_BINARY_DIR) / "test-scratch" / "plugin-extra-mof";
    std::filesystem::create_directories(dir);
    { std::ofstream(dir / "extra.mof") << "class ExampleCo_Extra { [Key] string Name; };\n"; }
    options.mofFiles = {(dir / "extra.mof").string()};
    const auto target = openPluginTarget(EXAMPLE_PLUGIN_PATH, options);
    EXPECT_NO_THROW(target->client().getClass(target->defaultNamespace(), "ExampleCo_Extra"));
    std::filesystem::remove_all(dir);
}

TEST(Plugin, AbiInfoDescribesThisBuild) {
    constexpr plugin::AbiInfo abi = plugin::currentAbi();
    EXPECT_EQ(abi.abiVersion, static_cast<std::uint32_t>(WMIMOCK_PLUGIN_ABI_VERSION));
    EXPECT_EQ(abi.sizeOfValue, sizeof(Value));
}

}  // namespace
}  // namespace wmimock::harness
