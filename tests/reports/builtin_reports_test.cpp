// Reports of real runs: every built-in target, the faulty ones included, is run once; its
// JUnit report must validate against the Jenkins xunit schema (default flavor) and also the
// strict Ant schema (ant flavor), say what the target breaks, and read the same in an
// independent JUnit parser (junit2json, installed by scripts/install-node-tools.sh).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "support/test_support.hpp"
#include "wmimock/conformance/checks.hpp"
#include "wmimock/harness/runner.hpp"
#include "wmimock/reports/junit_writer.hpp"
#include "wmimock/services/builtin.hpp"

namespace wmimock::reports {
namespace {

class BuiltinReports : public ::testing::Test {
protected:
    // Each target is run once per test program: the reports are what is tested. The
    // reference and the flavours run in full, in process (they neither crash nor hang); a
    // faulty target runs isolated, as a user would run it, narrowed to the rules it breaks.
    static const conformance::RunResult& runOf(const std::string& name) {
        static std::map<std::string, conformance::RunResult> runs;
        auto it = runs.find(name);
        if (it == runs.end()) {
            harness::RunOptions options;
            options.targets = {"builtin:" + name};
            const services::BuiltinInfo* info = services::findBuiltin(name);
            if (info != nullptr && info->kind == services::BuiltinKind::Faulty) {
                options.isolation = harness::RunOptions::Isolation::Process;
                for (const std::string& rule : info->brokenRules) options.filter += rule + ",";
                // A rule that judges what the whole run saw (ERR-011) needs the other checks.
                if (judgesTheWholeRun(info->brokenRules)) options.filter.clear();
                // The hanging implementation costs one timeout per hanging check.
                if (name == "faulty-hangs") options.checkTimeout = std::chrono::duration<double>(0.5);
            } else {
                options.isolation = harness::RunOptions::Isolation::InProcess;
            }
            it = runs.emplace(name, harness::run(options)).first;
        }
        return it->second;
    }

    static bool judgesTheWholeRun(const std::vector<std::string>& rules) {
        for (const auto& c : conformance::checks()) {
            if (c.afterOthers && std::find(rules.begin(), rules.end(), c.ruleId) != rules.end()) return true;
        }
        return false;
    }

    static std::vector<const services::BuiltinInfo*> faultyTargets() {
        std::vector<const services::BuiltinInfo*> faulty;
        for (const auto& info : services::builtins()) {
            if (info.kind == services::BuiltinKind::Faulty) faulty.push_back(&info);
        }
        return faulty;
    }
};

// A broken rule shows as a <failure type="RULE-ID">, or as an <error> (Crash, Timeout) on a
// testcase named after the rule when the implementation dies or hangs.
void expectBrokenRulesReported(const services::BuiltinInfo& info, const pugi::xml_document& document) {
    std::vector<std::string> brokenInReport;
    for (pugi::xpath_node node : document.select_nodes("//testcase[failure or error]")) {
        const std::string name = node.node().attribute("name").value();
        brokenInReport.push_back(name.substr(0, name.find(' ')));
        if (const pugi::xml_node failure = node.node().child("failure")) {
            EXPECT_EQ(failure.attribute("type").value(), brokenInReport.back());
        }
    }
    EXPECT_THAT(brokenInReport, ::testing::Contains(::testing::AnyOfArray(info.brokenRules)));
}

// One test over every built-in (the runs are the expensive part): faulty targets name what
// they break, and every report validates in both flavors.
TEST_F(BuiltinReports, EveryBuiltinTargetsReportIsValidAndNamesWhatItBreaks) {
    const auto schemas = test::junitSchemaDir();
    const bool canValidate = schemas && test::haveProgram("xmllint");
    ASSERT_GE(faultyTargets().size(), 2u) << "the suite needs at least two faulty built-ins";
    const test::ScratchDir dir("builtin-reports");
    for (const auto& info : services::builtins()) {
        SCOPED_TRACE("builtin:" + info.name);
        const conformance::RunResult& run = runOf(info.name);
        EXPECT_FALSE(run.results.empty());

        const auto jenkins = dir / (info.name + ".xml");
        writeJUnitFile(jenkins, run);
        pugi::xml_document document;
        ASSERT_TRUE(document.load_file(jenkins.c_str()));
        if (info.kind == services::BuiltinKind::Faulty) expectBrokenRulesReported(info, document);

        JUnitOptions antOptions;
        antOptions.flavor = JUnitFlavor::Ant;
        const auto ant = dir / (info.name + "-ant.xml");
        writeJUnitFile(ant, run, antOptions);
        if (!canValidate) continue;
        const auto jenkinsCheck = test::validateWithXmllint(*schemas / test::kJenkinsSchema, jenkins);
        EXPECT_EQ(jenkinsCheck.exitCode, 0) << jenkinsCheck.output;
        for (const char* schema : {test::kAntSchema, test::kJenkinsSchema}) {
            const auto antCheck = test::validateWithXmllint(*schemas / schema, ant);
            EXPECT_EQ(antCheck.exitCode, 0) << schema << ": " << antCheck.output;
        }
    }
    if (!schemas) GTEST_SKIP() << "schemas not validated: ../shared/data/junit not found (" WMIMOCK_SHARED_DIR ")";
    if (!canValidate) GTEST_SKIP() << "schemas not validated: xmllint not installed (Debian package libxml2-utils)";
}

TEST_F(BuiltinReports, TheReferenceReportHasNoFailures) {
    pugi::xml_document document;
    ASSERT_TRUE(document.load_string(writeJUnit(runOf("reference")).c_str()));
    EXPECT_FALSE(document.select_node("//failure")) << writeJUnit(runOf("reference"));
    EXPECT_FALSE(document.select_node("//error"));
    EXPECT_GT(document.child("testsuites").attribute("tests").as_int(), 0);
}

TEST_F(BuiltinReports, AnIndependentJUnitReaderCountsWhatWeCount) {
    if (!test::haveProgram("node")) GTEST_SKIP() << "node not installed: the independent JUnit reader needs it";
    // Where scripts/install-node-tools.sh puts it: this build tree, or the shared build/.
    std::filesystem::path prefix;
    for (const std::filesystem::path& candidate : {std::filesystem::path(WMIMOCK_BINARY_DIR) / "node",
                                                   std::filesystem::path(WMIMOCK_SOURCE_DIR) / "build" / "node"}) {
        if (prefix.empty() && std::filesystem::exists(candidate / "node_modules" / "junit2json")) prefix = candidate;
    }
    if (prefix.empty()) {
        GTEST_SKIP() << "junit2json not installed; run scripts/install-node-tools.sh (needs node, npm and the "
                        "npm registry)";
    }
    const test::ScratchDir dir("junit-consumer");
    // The reference and faulty targets whose reports hold every outcome element: failures
    // (faulty-stays-started), errors (faulty-crashes) and skips (all of them).
    std::vector<std::string> names = {"reference"};
    for (const char* faulty : {"faulty-stays-started", "faulty-crashes"}) {
        if (services::findBuiltin(faulty) != nullptr) names.emplace_back(faulty);
    }
    for (const std::string& name : names) {
        for (const JUnitFlavor flavor : {JUnitFlavor::Jenkins, JUnitFlavor::Ant}) {
            SCOPED_TRACE("builtin:" + name + " " + std::string(toString(flavor)));
            const conformance::RunResult& run = runOf(name);
            JUnitOptions options;
            options.flavor = flavor;
            const auto file = dir / (name + "-" + std::string(toString(flavor)) + ".xml");
            writeJUnitFile(file, run, options);
            const auto node = test::runShell("node " + test::shellQuote(WMIMOCK_JUNIT_COUNTS_SCRIPT) + " " +
                                             test::shellQuote(prefix.string()) + " " + test::shellQuote(file.string()));
            ASSERT_EQ(node.exitCode, 0) << node.output;
            const auto seen = nlohmann::json::parse(node.output);
            const conformance::RunSummary ours = run.summary();
            for (const char* view : {"counted", "declared"}) {
                SCOPED_TRACE(view);
                EXPECT_EQ(seen[view]["tests"], ours.total);
                EXPECT_EQ(seen[view]["failures"], ours.failed);
                EXPECT_EQ(seen[view]["errors"], ours.errors + ours.timeouts + ours.crashes);
                EXPECT_EQ(seen[view]["skipped"], ours.notSupported);
            }
        }
    }
}

}  // namespace
}  // namespace wmimock::reports
