// The CI examples in docs/ci are YAML that parses and that runs `wmimock conform` with a
// JUnit report; docs/cli.md documents every exit code; docs/rules.md is what the rule
// definitions generate, and `wmimock rules ID` explains one rule in full.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli_test_support.hpp"
#include "wmimock/conformance/rule.hpp"

namespace wmimock::test {
namespace {

using ::testing::HasSubstr;

const std::filesystem::path kDocs = std::filesystem::path(WMIMOCK_SOURCE_DIR) / "docs";

enum class YamlParser { Yamllint, PythonYaml, None };

YamlParser availableYamlParser() {
    static const YamlParser parser = [] {
        if (haveProgram("yamllint")) return YamlParser::Yamllint;
        if (runShell("python3 -c 'import yaml'").exitCode == 0) return YamlParser::PythonYaml;
        return YamlParser::None;
    }();
    return parser;
}

CommandResult parseYaml(const std::filesystem::path& file) {
    if (availableYamlParser() == YamlParser::Yamllint) {
        // Syntax errors are errors (exit 1); the relaxed style rules only warn.
        return runShell("yamllint -d relaxed " + shellQuote(file.string()));
    }
    return runShell("python3 -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' " + shellQuote(file.string()));
}

TEST(CliDocs, CiExamplesAreYamlThatRunsTheSuiteAndPublishesJUnit) {
    if (availableYamlParser() == YamlParser::None) {
        GTEST_SKIP() << "neither yamllint nor python3-yaml is installed (scripts/setup.sh installs yamllint)";
    }
    for (const char* name : {"github-actions.yml", "gitlab-ci.yml"}) {
        SCOPED_TRACE(name);
        const auto file = kDocs / "ci" / name;
        const auto parsed = parseYaml(file);
        EXPECT_EQ(parsed.exitCode, 0) << parsed.output;
        const std::string text = readFile(file);
        EXPECT_THAT(text, HasSubstr("wmimock conform"));
        EXPECT_THAT(text, HasSubstr("--junit"));
        EXPECT_THAT(text, HasSubstr("--shard"));
    }
    // Each parser must also reject what is not YAML, or the test above proves nothing.
    const ScratchDir dir("cli-docs-yaml");
    writeFile(dir / "broken.yml", "jobs:\n  a: [unclosed\n");
    EXPECT_NE(parseYaml(dir / "broken.yml").exitCode, 0);
}

TEST(CliDocs, TheCliPageDocumentsEveryExitCode) {
    const std::string page = readFile(kDocs / "cli.md");
    for (const char* code : {"| 0 |", "| 1 |", "| 2 |", "| 3 |", "| 130 |"}) EXPECT_THAT(page, HasSubstr(code));
    const std::string help = runWmimock("--help").output;
    for (const char* code : {"  0 ", "  1 ", "  2 ", "  3 ", "  130 "}) EXPECT_THAT(help, HasSubstr(code));
}

TEST(CliDocs, TheRulesPageIsWhatTheRuleDefinitionsGenerate) {
    const auto generated = runWmimockStdout("rules --format markdown");
    ASSERT_EQ(generated.exitCode, 0);
    EXPECT_TRUE(generated.output == readFile(kDocs / "rules.md"))
        << "docs/rules.md is stale: regenerate it with\n  build/default/bin/wmimock rules --format markdown > "
           "docs/rules.md";
    for (const conformance::Rule& rule : conformance::rules()) {
        EXPECT_THAT(generated.output, HasSubstr("### " + std::string(rule.id) + "\n")) << rule.id;
    }
}

TEST(CliDocs, ARuleIsExplainedInFull) {
    const auto explained = runWmimockStdout("rules ss-007");
    ASSERT_EQ(explained.exitCode, 0);
    const conformance::Rule* rule = conformance::findRule("SS-007");
    ASSERT_NE(rule, nullptr);
    for (const char* label : {"Level", "Statement", "Sources", "Check", "Outcomes", "Code", "Broken by"}) {
        EXPECT_THAT(explained.output, HasSubstr(std::string("\n") + label + " ")) << label;
    }
    EXPECT_THAT(explained.output, HasSubstr("SVC: CIM_Service")) << "each source abbreviation is explained";
    EXPECT_THAT(explained.output, HasSubstr("builtin:faulty-no-requestedstate"));
    EXPECT_THAT(explained.output, HasSubstr("conformance/src/checks_ss.cpp:"));
    const auto unknown = runWmimock("rules SS-999");
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_THAT(unknown.output, HasSubstr("unknown rule 'SS-999'"));
}

TEST(CliDocs, EverySourceARuleCitesIsInTheGlossary) {
    for (const conformance::Rule& rule : conformance::rules()) {
        std::string_view sources = rule.source;
        while (!sources.empty()) {
            const auto semicolon = sources.find(';');
            std::string_view one = sources.substr(0, semicolon);
            while (one.starts_with(' ')) one.remove_prefix(1);
            EXPECT_NE(conformance::findSourceTerm(one), nullptr) << rule.id << " cites '" << one << "'";
            if (semicolon == std::string_view::npos) break;
            sources.remove_prefix(semicolon + 1);
        }
        EXPECT_FALSE(rule.statement.empty()) << rule.id;
        EXPECT_FALSE(rule.levelWhy.empty()) << rule.id;
        EXPECT_EQ(rule.procedure.empty(), !rule.checked) << rule.id << ": a checked rule says how it is checked";
    }
}

}  // namespace
}  // namespace wmimock::test
