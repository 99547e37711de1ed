// `wmimock conform` end to end: exit codes, console output, the JUnit, Markdown and JSON
// reports, --list and sharding, against the reference and faulty built-ins.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <set>
#include <sstream>

#include "cli_test_support.hpp"
#include "wmimock/services/builtin.hpp"

namespace wmimock::test {
namespace {

using ::testing::HasSubstr;

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// Two faulty built-ins that break a rule outright (not by hanging or crashing).
std::vector<std::string> twoFaultyTargets() {
    std::vector<std::string> names;
    for (const auto& info : services::builtins()) {
        if (info.kind == services::BuiltinKind::Faulty && info.name != "faulty-hangs" &&
            info.name != "faulty-crashes") {
            names.push_back(info.name);
        }
        if (names.size() == 2) break;
    }
    return names;
}

void expectValidJUnit(const std::filesystem::path& file, const char* schema) {
    const auto schemas = junitSchemaDir();
    if (!schemas || !haveProgram("xmllint")) return;  // the structural checks still run
    const auto result = validateWithXmllint(*schemas / schema, file);
    EXPECT_EQ(result.exitCode, 0) << file << " against " << schema << ": " << result.output;
}

TEST(CliConform, TheReferencePassesWithExit0AndValidReports) {
    const ScratchDir dir("cli-conform-reference");
    const auto junit = dir / "out/conformance.xml";  // missing directories are created
    const auto summary = dir / "summary.md";
    // One instance keeps the test fast; CI's main job runs the reference on all of them.
    const auto listed = runWmimockStdout("conform --list --format json --target builtin:reference");
    ASSERT_EQ(listed.exitCode, 0);
    const std::string instance = nlohmann::json::parse(listed.output).at(0).at("instancePath");
    const auto result =
        runWmimock("conform --target builtin:reference --instance " + shellQuote(instance) + " --junit " +
                   shellQuote(junit.string()) + " --summary " + shellQuote(summary.string()));
    EXPECT_EQ(result.exitCode, 0) << result.output;

    // One line per check, then the totals line.
    const auto output = lines(result.output);
    ASSERT_FALSE(output.empty());
    EXPECT_THAT(output.back(),
                ::testing::MatchesRegex("[0-9]+ of [0-9]+ planned checks: [0-9]+ passed.* in [0-9.]+ s"));
    std::size_t checkLines = 0;
    for (const auto& line : output) checkLines += line.find("PASS") != std::string::npos ? 1 : 0;
    EXPECT_GT(checkLines, 0u);

    pugi::xml_document document;
    ASSERT_TRUE(document.load_file(junit.c_str()));
    EXPECT_EQ(document.child("testsuites").attribute("failures").as_int(-1), 0);
    EXPECT_GT(document.child("testsuites").attribute("tests").as_int(), 0);
    expectValidJUnit(junit, kJenkinsSchema);

    const std::string md = readFile(summary);
    EXPECT_THAT(md, HasSubstr("## ✅ wmimock conformance: passed"));
    EXPECT_THAT(md, HasSubstr("| rule | level | outcome | target | instance | check | message |"));
    EXPECT_FALSE(std::filesystem::exists(junit.string() + ".tmp")) << "temporary file left behind";
}

TEST(CliConform, FaultyTargetsFailWithExit1AndNameTheBrokenRule) {
    const auto faulty = twoFaultyTargets();
    ASSERT_EQ(faulty.size(), 2u);
    const ScratchDir dir("cli-conform-faulty");
    for (const std::string& name : faulty) {
        SCOPED_TRACE(name);
        const auto* info = services::findBuiltin(name);
        ASSERT_NE(info, nullptr);
        // The first target in the default flavor, the second in the Ant flavor; both run only
        // the checks of the rules they break (and a passing rule, to show --quiet at work).
        const char* flavor = name == faulty.front() ? "jenkins" : "ant";
        std::string filter = "ERR-002";
        for (const std::string& rule : info->brokenRules) filter += "," + rule;
        {
            const auto junit = dir / (name + "-" + flavor + ".xml");
            const auto summary = dir / (name + ".md");
            const auto result = runWmimock("conform --quiet --target builtin:" + name + " --filter " + filter +
                                           " --junit-flavor " + flavor + " --junit " + shellQuote(junit.string()) +
                                           " --summary " + shellQuote(summary.string()));
            EXPECT_EQ(result.exitCode, 1) << result.output;
            EXPECT_THAT(result.output, HasSubstr("FAIL"));
            EXPECT_THAT(result.output, ::testing::Not(HasSubstr("PASS"))) << "--quiet shows only what did not pass";

            pugi::xml_document document;
            ASSERT_TRUE(document.load_file(junit.c_str()));
            std::vector<std::string> failedRules;
            for (auto node : document.select_nodes("//failure"))
                failedRules.emplace_back(node.node().attribute("type").value());
            EXPECT_THAT(failedRules, ::testing::Contains(::testing::AnyOfArray(info->brokenRules)));
            expectValidJUnit(junit, std::string(flavor) == "ant" ? kAntSchema : kJenkinsSchema);
            if (std::string(flavor) == "ant") expectValidJUnit(junit, kJenkinsSchema);
            EXPECT_THAT(readFile(summary), HasSubstr("❌ fail"));
        }
    }
}

TEST(CliConform, JsonFormatMatchesTheJUnitCounts) {
    const auto faulty = twoFaultyTargets();
    ASSERT_FALSE(faulty.empty());
    const ScratchDir dir("cli-conform-json");
    const auto junit = dir / "junit.xml";
    const auto* info = services::findBuiltin(faulty[0]);
    ASSERT_NE(info, nullptr);
    const auto result =
        runWmimockStdout("conform --format json --target builtin:reference --target builtin:" + faulty[0] +
                         " --filter 'ERR-00*," + info->brokenRules.front() + "' --junit " + shellQuote(junit.string()));
    EXPECT_EQ(result.exitCode, 1);
    const auto json = nlohmann::json::parse(result.output);
    pugi::xml_document document;
    ASSERT_TRUE(document.load_file(junit.c_str()));
    const auto root = document.child("testsuites");
    EXPECT_EQ(json["summary"]["total"], root.attribute("tests").as_int());
    EXPECT_EQ(json["summary"]["failed"], root.attribute("failures").as_int());
    EXPECT_EQ(json["passed"], false);
    std::set<std::string> targets;
    for (const auto& check : json["results"]) targets.insert(check["target"]);
    EXPECT_EQ(targets, (std::set<std::string>{"builtin:reference", "builtin:" + faulty[0]}));
}

TEST(CliConform, ListShowsWhatARunRuns) {
    const auto listed = runWmimockStdout("conform --list --format json --filter 'SS-00*'");
    ASSERT_EQ(listed.exitCode, 0);
    const auto plan = nlohmann::json::parse(listed.output);
    ASSERT_FALSE(plan.empty());
    const auto ran = runWmimockStdout("conform --format json --filter 'SS-00*'");
    ASSERT_EQ(ran.exitCode, 0);
    EXPECT_EQ(nlohmann::json::parse(ran.output)["results"].size(), plan.size());

    const auto everything = runWmimockStdout("conform --list --format json");
    ASSERT_EQ(everything.exitCode, 0);
    EXPECT_LT(plan.size(), nlohmann::json::parse(everything.output).size());
    for (const auto& check : plan) EXPECT_TRUE(check["ruleId"].get<std::string>().starts_with("SS-00"));
}

std::multiset<std::string> plannedChecks(const std::string& arguments) {
    const auto listed = runWmimockStdout("conform --list --format json " + arguments);
    EXPECT_EQ(listed.exitCode, 0) << arguments;
    std::multiset<std::string> checks;
    for (const auto& check : nlohmann::json::parse(listed.output)) {
        checks.insert(check["target"].get<std::string>() + "|" + check["ruleId"].get<std::string>() + "|" +
                      check["title"].get<std::string>() + "|" + check["instancePath"].get<std::string>());
    }
    return checks;
}

TEST(CliConform, ShardsTogetherRunEveryCheckExactlyOnce) {
    const std::string targets = "--target builtin:reference --target builtin:win32";
    const auto all = plannedChecks(targets);
    ASSERT_GT(all.size(), 3u);
    for (const int count : {1, 3}) {
        std::multiset<std::string> union_;
        for (int index = 0; index < count; ++index) {
            const auto shard =
                plannedChecks(targets + " --shard " + std::to_string(index) + "/" + std::to_string(count));
            EXPECT_LT(shard.size(), all.size() + (count == 1 ? 1 : 0));
            union_.insert(shard.begin(), shard.end());
        }
        EXPECT_EQ(union_, all) << count << " shards";
    }
    // GoogleTest's variables shard the same way when --shard is absent.
    const auto viaEnvironment = runShell("GTEST_SHARD_INDEX=1 GTEST_TOTAL_SHARDS=3 " + shellQuote(WMIMOCK_CLI) +
                                         " conform --list --format json " + targets + " 2>/dev/null");
    ASSERT_EQ(viaEnvironment.exitCode, 0);
    EXPECT_EQ(nlohmann::json::parse(viaEnvironment.output).size(), plannedChecks(targets + " --shard 1/3").size());
    EXPECT_EQ(
        runShell("GTEST_SHARD_INDEX=3 GTEST_TOTAL_SHARDS=3 " + shellQuote(WMIMOCK_CLI) + " conform --list").exitCode,
        2);
}

TEST(CliConform, ABadMofFileIsBadInput) {
    const ScratchDir dir("cli-conform-bad-mof");
    writeFile(dir / "bad.mof", "class {\n");
    const auto junit = dir / "junit.xml";
    const auto result = runWmimock("conform --mof " + shellQuote((dir / "bad.mof").string()) + " --junit " +
                                   shellQuote(junit.string()));
    EXPECT_EQ(result.exitCode, 2) << result.output;
    EXPECT_THAT(result.output, HasSubstr("bad.mof:"));
}

TEST(CliConform, FileLineFlavorPointsAtTheChecksSource) {
    const ScratchDir dir("cli-conform-file-line");
    const auto junit = dir / "junit.xml";
    ASSERT_EQ(runWmimock("conform --filter 'SS-00*' --junit-file-line --junit " + shellQuote(junit.string())).exitCode,
              0);
    pugi::xml_document document;
    ASSERT_TRUE(document.load_file(junit.c_str()));
    const auto withFile = document.select_nodes("//testcase[@file and @line]");
    EXPECT_EQ(withFile.size(), document.select_nodes("//testcase").size());
}

}  // namespace
}  // namespace wmimock::test
