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
using ::testing::Not;

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

// The simulations' knobs are text only here: each key's value is checked and a bad one named.
TEST(CliCommands, SimOptionsAreCheckedKeyByKey) {
    const auto fails = [](const std::string& pair, const std::string& named) {
        const auto result = runWmimock("conform --target builtin:reference --filter SS-001 --sim-option " + pair);
        EXPECT_EQ(result.exitCode, 2) << pair << ": " << result.output;
        EXPECT_THAT(result.output, HasSubstr(named)) << pair;
    };
    fails("latency=1", "unknown simulation option 'latency' (known: latency_ms,");
    fails("failure_rate=1.5", "simulation option 'failure_rate': invalid value '1.5'");
    fails("transition_ms=-1", "simulation option 'transition_ms'");
    fails("refuse_state=4,70000", "simulation option 'refuse_state': invalid value '70000'");
    fails("async=maybe", "simulation option 'async'");
    fails("decline_with=3", "simulation option 'decline_with'");
    fails("seed=x", "simulation option 'seed'");
    // Well-formed pairs reach the simulation: StopService now declines, so SS-001 is not supported.
    const auto ok = runWmimock(
        "conform --target builtin:reference --filter SS-001 --sim-option \"not_supported= StopService\" "
        "--sim-option decline_with=1");
    EXPECT_EQ(ok.exitCode, 0) << ok.output;
    EXPECT_THAT(ok.output, HasSubstr("StopService is not implemented: 1"));
    EXPECT_THAT(ok.output, HasSubstr("0 passed, 4 not supported"));
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

// --dialect chooses how MOF is read; a plain mofcomp-style file needs the WMI dialect.
TEST(CliCommands, MofCheckDialectOption) {
    const ScratchDir dir("cli-mof-dialect");
    const auto file = dir / "plain_wmi.mof";
    writeFile(file, "class Vendor_Thing {\n  [key] string Name;\n  void Reset();\n};\n");
    const auto wmi = runWmimock("mof check --dialect wmi " + shellQuote(file.string()));
    EXPECT_EQ(wmi.exitCode, 0) << wmi.output;
    const auto dmtf = runWmimock("mof check --dialect dmtf " + shellQuote(file.string()));
    EXPECT_EQ(dmtf.exitCode, 2) << dmtf.output;
    EXPECT_THAT(dmtf.output, HasSubstr("plain_wmi.mof:2:4: error: qualifier 'key' is not declared"));
    EXPECT_THAT(dmtf.output,
                HasSubstr("plain_wmi.mof:3:8: error: method 'Reset' of class 'Vendor_Thing' returns void"));
    const auto bogus = runWmimock("mof check --dialect cimv2 " + shellQuote(file.string()));
    EXPECT_EQ(bogus.exitCode, 2);
    EXPECT_THAT(bogus.output, HasSubstr("'cimv2' is not a MOF dialect: use auto, dmtf or wmi"));
}

// The files of one command are one compilation: an error in the first does not make the
// second report what the first declared as missing.
TEST(CliCommands, MofCheckDoesNotCascadeFromABrokenFile) {
    const ScratchDir dir("cli-mof-cascade");
    writeFile(dir / "a.mof",
              "Qualifier Key : boolean = false, Scope(property, reference), Flavor(DisableOverride);\n"
              "class Broken { string };\n");
    writeFile(dir / "b.mof", "class Good { [Key] string Name; };\n");
    const auto r =
        runWmimock("mof check " + shellQuote((dir / "a.mof").string()) + " " + shellQuote((dir / "b.mof").string()));
    EXPECT_EQ(r.exitCode, 2) << r.output;
    EXPECT_THAT(r.output, HasSubstr("a.mof:2:"));
    EXPECT_THAT(r.output, Not(HasSubstr("b.mof"))) << "a cascade error in the second file";
    EXPECT_THAT(r.output, HasSubstr("1 error"));
}

// --baseline windows: MOF written for Windows builds on its classes.
TEST(CliCommands, MofCheckWithTheWindowsBaseline) {
    const ScratchDir dir("cli-mof-baseline");
    const auto file = dir / "perf.mof";
    writeFile(file, R"(#pragma namespace("\\\\.\\root\\cimv2"))"
                    "\n"
                    "[dynamic, provider(\"VendorPerf\")] class Vendor_Perf : Win32_PerfFormattedData {\n"
                    "  [key] string Name; uint32 Depth; };\n");
    EXPECT_EQ(runWmimock("mof check " + shellQuote(file.string())).exitCode, 2);
    const auto r = runWmimock("mof check --baseline windows " + shellQuote(file.string()));
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_THAT(r.output, HasSubstr("ok: 1 file, 1 class"));
    const auto dsc = runWmimock("mof check --baseline windows -n root/Microsoft/Windows/DesiredStateConfiguration " +
                                shellQuote(std::string(WMIMOCK_SOURCE_DIR) + "/fixtures/dsc/localhost.mof"));
    EXPECT_EQ(dsc.exitCode, 0) << dsc.output;
    EXPECT_THAT(dsc.output, HasSubstr("4 instances"));
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
