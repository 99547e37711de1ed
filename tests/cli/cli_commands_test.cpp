// The commands other than conform: --version, --help, rules, targets, mof check|show, and
// the exit codes of bad usage.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"
#include "wmimock/conformance/rule.hpp"
#include "wmimock/services/builtin.hpp"

namespace wmimock::test {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;

TEST(CliCommands, PrintsItsVersion) {
    const auto result = runWmimock("--version");
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_THAT(result.output, MatchesRegex("wmimock [0-9]+\\.[0-9]+\\.[0-9]+\n"));
}

TEST(CliCommands, HelpShowsExamplesAndExitCodes) {
    const auto top = runWmimock("--help");
    EXPECT_EQ(top.exitCode, 0);
    EXPECT_THAT(top.output, HasSubstr("Exit codes:"));
    for (const char* command : {"conform", "rules", "targets", "mof", "mof check", "mof show", "serve"}) {
        SCOPED_TRACE(command);
        const auto help = runWmimock(std::string(command) + " --help");
        EXPECT_EQ(help.exitCode, 0);
        EXPECT_THAT(help.output, HasSubstr("Examples:"));
    }
    EXPECT_THAT(runWmimock("conform --help").output, HasSubstr("--junit-flavor"));
}

TEST(CliCommands, BadUsageExitsWith2) {
    EXPECT_EQ(runWmimock("").exitCode, 2);
    EXPECT_EQ(runWmimock("no-such-command").exitCode, 2);
    EXPECT_EQ(runWmimock("conform --no-such-option").exitCode, 2);
    EXPECT_EQ(runWmimock("conform --junit-flavor surefire").exitCode, 2);
    EXPECT_EQ(runWmimock("rules --log-level shouting").exitCode, 2);
    EXPECT_EQ(runWmimock("conform --target builtin:no-such-target").exitCode, 2);
    EXPECT_EQ(runWmimock("conform --shard 3/3").exitCode, 2);
    EXPECT_EQ(runWmimock("conform --sim-option novalue").exitCode, 2);
}

TEST(CliCommands, UnwritableOutputIsAnInternalError) {
    const auto result = runShell(shellQuote(WMIMOCK_CLI) + " rules > /dev/full");
    EXPECT_EQ(result.exitCode, 3) << result.output;
    EXPECT_THAT(result.output, HasSubstr("cannot write to standard output"));
}

TEST(CliCommands, ListsTheRulesCatalog) {
    const auto result = runWmimockStdout("rules --format json");
    ASSERT_EQ(result.exitCode, 0);
    const auto json = nlohmann::json::parse(result.output);
    ASSERT_EQ(json.size(), conformance::rules().size());
    for (std::size_t i = 0; i < json.size(); ++i) {
        EXPECT_EQ(json[i]["id"], std::string(conformance::rules()[i].id));
        EXPECT_EQ(json[i]["level"], std::string(conformance::toString(conformance::rules()[i].level)));
    }
    const auto text = runWmimock("rules");
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_THAT(text.output, HasSubstr(std::string(conformance::rules().front().id)));
}

TEST(CliCommands, ListsTheBuiltinTargetsWithTheirKindAndBrokenRules) {
    const auto result = runWmimockStdout("targets --format json");
    ASSERT_EQ(result.exitCode, 0);
    const auto json = nlohmann::json::parse(result.output);
    ASSERT_EQ(json.size(), services::builtins().size());
    EXPECT_EQ(json[0]["target"], "builtin:reference");
    EXPECT_EQ(json[0]["kind"], "reference");
    for (const auto& entry : json) {
        if (entry["kind"] == "faulty") {
            EXPECT_FALSE(entry["brokenRules"].empty()) << entry.dump();
        }
    }
    const auto text = runWmimock("targets");
    EXPECT_THAT(text.output, HasSubstr("builtin:reference"));
    EXPECT_THAT(text.output, HasSubstr("(breaks "));
}

TEST(CliCommands, MofCheckAcceptsGoodMofWithACountSummary) {
    const std::string fixtures = std::string(WMIMOCK_SOURCE_DIR) + "/fixtures/mof";
    const auto result =
        runWmimock("mof check -I " + shellQuote(fixtures) + " " + shellQuote(fixtures + "/reference.mof"));
    EXPECT_EQ(result.exitCode, 0) << result.output;
    EXPECT_THAT(result.output, MatchesRegex("ok: [0-9]+ files?, [0-9]+ class(es)? .*\n"));
}

TEST(CliCommands, MofCheckReportsErrorsAsFileLineColumn) {
    const ScratchDir dir("cli-mof-check");
    const auto bad = dir / "bad.mof";
    writeFile(bad, "class Broken {\n  uint32 Value\n};\n");
    const auto result = runWmimock("mof check " + shellQuote(bad.string()));
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_THAT(result.output, MatchesRegex("(.*\n)?.*bad\\.mof:[0-9]+:[0-9]+: error: .*(\n.*)*"));
    EXPECT_EQ(runWmimock("mof check " + shellQuote((dir / "missing.mof").string())).exitCode, 2);
}

TEST(CliCommands, MofShowPrintsAClassWithInheritedElementsMarked) {
    const auto result = runWmimock("mof show CIM_Service");
    EXPECT_EQ(result.exitCode, 0) << result.output;
    EXPECT_THAT(result.output, HasSubstr("class CIM_Service"));
    EXPECT_THAT(result.output, HasSubstr("inherited from"));
    EXPECT_EQ(runWmimock("mof show No_Such_Class").exitCode, 2);
}

}  // namespace
}  // namespace wmimock::test
