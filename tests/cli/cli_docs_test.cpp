// The CI examples in docs/ci are YAML that parses and that runs `wmimock conform` with a
// JUnit report; docs/cli.md documents every exit code.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli_test_support.hpp"

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

}  // namespace
}  // namespace wmimock::test
