// The JUnit writer: structure, outcome mapping, escaping, counters and both flavors, on
// hand-built results (schema checks of real runs are in builtin_reports_test.cpp).
#include "wmimock/reports/junit_writer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <regex>

#include "support/test_support.hpp"

namespace wmimock::reports {
namespace {

using conformance::Outcome;
using conformance::RunResult;
using ::testing::HasSubstr;
using ::testing::Not;

pugi::xml_document parseXml(const std::string& xml) {
    pugi::xml_document document;
    const pugi::xml_parse_result parsed = document.load_string(xml.c_str());
    EXPECT_TRUE(parsed) << parsed.description() << " at offset " << parsed.offset << "\n" << xml;
    return document;
}

pugi::xml_node findCase(const pugi::xml_document& document, std::string_view rulePrefix) {
    for (pugi::xpath_node node : document.select_nodes("//testcase")) {
        if (std::string_view(node.node().attribute("name").value()).starts_with(rulePrefix)) return node.node();
    }
    return {};
}

std::string property(pugi::xml_node suite, const std::string& name) {
    for (pugi::xml_node p : suite.child("properties").children("property")) {
        if (name == p.attribute("name").value()) return p.attribute("value").value();
    }
    return "<absent>";
}

TEST(JUnitWriter, GroupsChecksIntoOneSuitePerTargetAndClass) {
    const auto document = parseXml(writeJUnit(test::everyOutcomeRun()));
    const pugi::xml_node root = document.child("testsuites");
    ASSERT_TRUE(root);
    std::vector<std::string> names;
    for (pugi::xml_node suite : root.children("testsuite")) names.emplace_back(suite.attribute("name").value());
    EXPECT_THAT(names, ::testing::ElementsAre("wmimock.conformance.builtin_reference.WMIMock_Service",
                                              "wmimock.conformance.builtin_faulty-hangs.WMIMock_HangingService",
                                              "wmimock.conformance.plugin_libprovider_so.WMIMock_Service"));
    for (pugi::xml_node suite : root.children("testsuite")) {
        for (pugi::xml_node testcase : suite.children("testcase")) {
            EXPECT_STREQ(testcase.attribute("classname").value(), suite.attribute("name").value());
        }
    }
}

TEST(JUnitWriter, NamesTestcasesByRuleIdTitleAndTheInstancesShortKey) {
    const auto document = parseXml(writeJUnit(test::everyOutcomeRun()));
    EXPECT_TRUE(document.select_node("//testcase[@name='SS-004 check of SS-004 [Name=\"svc\"]']"));
}

// CI history trends key on suite, classname and testcase names: none may hold an ephemeral
// port, an absolute plugin path or a host name from the instance path.
TEST(JUnitWriter, NamesStayTheSameFromRunToRun) {
    EXPECT_EQ(stableTargetName("builtin:reference"), "builtin:reference");
    EXPECT_EQ(stableTargetName("plugin:/tmp/build-123/lib/libmine.so"), "plugin:libmine.so");
    EXPECT_EQ(stableTargetName("http://127.0.0.1:40123/root/cimv2"), "http://127.0.0.1/root/cimv2");
    EXPECT_EQ(stableTargetName("https://u@host.example:5989/root/interop"), "https://host.example/root/interop");
    EXPECT_EQ(stableTargetName("http://[::1]:5988/root/cimv2"), "http://[::1]/root/cimv2");

    auto run = test::everyOutcomeRun();
    for (auto& r : run.results) {
        r.target = "http://127.0.0.1:40123/root/cimv2";
        r.instancePath =
            "root/cimv2:WMIMock_Service.CreationClassName=\"WMIMock_Service\",Name=\"Alpha\","
            "SystemName=\"ci-runner-17\"";
    }
    const auto document = parseXml(writeJUnit(run));
    const auto suite = document.child("testsuites").child("testsuite");
    EXPECT_STREQ(suite.attribute("name").value(), "wmimock.conformance.http_127_0_0_1_root_cimv2.WMIMock_Service");
    EXPECT_TRUE(document.select_node("//testcase[@name='SS-001 check of SS-001 [Name=\"Alpha\"]']"));
    EXPECT_FALSE(document.select_node("//testcase[contains(@name, 'ci-runner-17')]"));

    JUnitOptions named;
    named.targetNames["http://127.0.0.1:40123/root/cimv2"] = "lab-pegasus";
    const auto renamed = parseXml(writeJUnit(run, named));
    EXPECT_STREQ(renamed.child("testsuites").child("testsuite").attribute("name").value(),
                 "wmimock.conformance.lab-pegasus.WMIMock_Service");
}

TEST(JUnitWriter, MapsEachOutcomeToExactlyOneElement) {
    const auto document = parseXml(writeJUnit(test::everyOutcomeRun()));
    const auto outcomeElements = [](pugi::xml_node testcase) {
        std::vector<std::string> names;
        for (pugi::xml_node child : testcase.children()) {
            const std::string name = child.name();
            if (name == "failure" || name == "error" || name == "skipped") names.push_back(name);
        }
        return names;
    };
    using ::testing::ElementsAre;
    using ::testing::IsEmpty;
    EXPECT_THAT(outcomeElements(findCase(document, "SS-001")), IsEmpty());
    EXPECT_THAT(outcomeElements(findCase(document, "SS-002")), IsEmpty());  // warning
    EXPECT_THAT(outcomeElements(findCase(document, "SS-003")), ElementsAre("skipped"));
    EXPECT_THAT(outcomeElements(findCase(document, "SS-004")), ElementsAre("failure"));
    EXPECT_THAT(outcomeElements(findCase(document, "SS-005")), ElementsAre("error"));
    EXPECT_THAT(outcomeElements(findCase(document, "SS-006")), ElementsAre("error"));
    EXPECT_THAT(outcomeElements(findCase(document, "SS-007")), ElementsAre("error"));

    EXPECT_STREQ(findCase(document, "SS-004").child("failure").attribute("type").value(), "SS-004");
    EXPECT_STREQ(findCase(document, "SS-005").child("error").attribute("type").value(), "HarnessError");
    EXPECT_STREQ(findCase(document, "SS-006").child("error").attribute("type").value(), "Timeout");
    EXPECT_STREQ(findCase(document, "SS-007").child("error").attribute("type").value(), "Crash");
}

TEST(JUnitWriter, PutsTheReasonInMessageAndBodyWithExpectedActualAndEvidence) {
    const auto document = parseXml(writeJUnit(test::everyOutcomeRun()));
    const pugi::xml_node failure = findCase(document, "SS-004").child("failure");
    EXPECT_STREQ(failure.attribute("message").value(), "StopService returned 2, the rule wants 0");
    const std::string body = failure.text().get();
    EXPECT_THAT(body, HasSubstr("StopService returned 2, the rule wants 0"));
    EXPECT_THAT(body, HasSubstr("expected: ReturnValue = 0"));
    EXPECT_THAT(body, HasSubstr("actual: ReturnValue = 2"));
    EXPECT_THAT(body, HasSubstr("InvokeMethod StopService"));
    EXPECT_THAT(body, HasSubstr("before: Started=TRUE"));
    EXPECT_THAT(body, HasSubstr("after: Started=TRUE"));

    const pugi::xml_node skipped = findCase(document, "SS-003").child("skipped");
    EXPECT_STREQ(skipped.attribute("message").value(), "StopService is not implemented (returns 1)");
    EXPECT_THAT(std::string(skipped.text().get()), HasSubstr("StopService is not implemented"));
    EXPECT_THAT(std::string(findCase(document, "SS-006").child("error").text().get()),
                HasSubstr("no answer within 10 s"));
}

TEST(JUnitWriter, CarriesRunAndRuleFactsAsSuiteProperties) {
    const RunResult run = test::everyOutcomeRun();
    JUnitOptions options;
    options.toolVersion = "9.8.7";
    const auto document = parseXml(writeJUnit(run, options));
    const pugi::xml_node suite = document.child("testsuites").child("testsuite");
    EXPECT_EQ(property(suite, "wmimock.version"), "9.8.7");
    EXPECT_EQ(property(suite, "target"), "builtin:reference");
    EXPECT_EQ(property(suite, "namespace"), "root/cimv2");
    EXPECT_EQ(property(suite, "class"), "WMIMock_Service");
    EXPECT_EQ(property(suite, "instance"), "root/cimv2:WMIMock_Service.Name=\"svc\"");
    EXPECT_EQ(property(suite, "rule.SS-002.level"), "SHOULD");
    EXPECT_EQ(property(suite, "rule.SS-004.level"), "MUST");
    EXPECT_EQ(property(suite, "rule.SS-004.source"), "SVC; HV-SS");
    EXPECT_EQ(property(suite, "warning.SS-002 check of SS-002 [Name=\"svc\"]"), "Started stays TRUE for 2 s");
}

TEST(JUnitWriter, WritesTheCheckLogAndWarningsToSystemOut) {
    const auto document = parseXml(writeJUnit(test::everyOutcomeRun()));
    EXPECT_EQ(std::string(findCase(document, "SS-004").child("system-out").text().get()),
              "calling StopService\nreturned 2\n");
    EXPECT_THAT(std::string(findCase(document, "SS-002").child("system-out").text().get()),
                HasSubstr("warning: Started stays TRUE for 2 s"));
    EXPECT_THAT(std::string(document.child("testsuites").child("testsuite").child("system-err").text().get()),
                HasSubstr("restored root/cimv2"));
}

TEST(JUnitWriter, KeepsCountersConsistentWithTheChildren) {
    const auto document = parseXml(writeJUnit(test::everyOutcomeRun()));
    const pugi::xml_node root = document.child("testsuites");
    long tests = 0, failures = 0, errors = 0;
    for (pugi::xml_node suite : root.children("testsuite")) {
        long suiteTests = 0, suiteFailures = 0, suiteErrors = 0, suiteSkipped = 0;
        for (pugi::xml_node testcase : suite.children("testcase")) {
            ++suiteTests;
            suiteFailures += testcase.child("failure") ? 1 : 0;
            suiteErrors += testcase.child("error") ? 1 : 0;
            suiteSkipped += testcase.child("skipped") ? 1 : 0;
        }
        EXPECT_EQ(suite.attribute("tests").as_llong(), suiteTests);
        EXPECT_EQ(suite.attribute("failures").as_llong(), suiteFailures);
        EXPECT_EQ(suite.attribute("errors").as_llong(), suiteErrors);
        EXPECT_EQ(suite.attribute("skipped").as_llong(), suiteSkipped);
        tests += suiteTests, failures += suiteFailures, errors += suiteErrors;
    }
    EXPECT_EQ(root.attribute("tests").as_llong(), tests);
    EXPECT_EQ(root.attribute("failures").as_llong(), failures);
    EXPECT_EQ(root.attribute("errors").as_llong(), errors);
    EXPECT_EQ(tests, 7);
    EXPECT_EQ(failures, 1);
    EXPECT_EQ(errors, 3);
}

TEST(JUnitWriter, FormatsTimesWithThreeDecimalsAndTimestampsWithoutZone) {
    const auto document = parseXml(writeJUnit(test::everyOutcomeRun()));
    const std::regex seconds(R"(\d+\.\d{3})");
    for (pugi::xpath_node node : document.select_nodes("//*[@time]")) {
        EXPECT_TRUE(std::regex_match(node.node().attribute("time").value(), seconds))
            << node.node().name() << " time=" << node.node().attribute("time").value();
    }
    EXPECT_STREQ(findCase(document, "SS-001").attribute("time").value(), "0.012");
    EXPECT_STREQ(document.child("testsuites").attribute("time").value(), "1.500");
    for (pugi::xml_node suite : document.child("testsuites").children("testsuite")) {
        EXPECT_STREQ(suite.attribute("timestamp").value(), "2026-01-01T00:00:00");
        EXPECT_STRNE(suite.attribute("hostname").value(), "");
    }
}

TEST(JUnitWriter, EscapesMarkupAndDropsWhatXmlCannotCarry) {
    RunResult run;
    auto check = test::makeCheck("SS-004", Outcome::Fail,
                                 "got <b>\"2\"</b> & 'x' ]]> \x01\x07\x1b[31m bell\nsecond line \xff\xfe end");
    check.title = "returns <0> & \"more\"";
    check.evidence = {"raw \x02 control", "cdata end ]]> inside"};
    check.log = {"tab\there", "nul-free \x0b vertical tab"};
    run.results.push_back(check);
    for (const JUnitFlavor flavor : {JUnitFlavor::Jenkins, JUnitFlavor::Ant}) {
        JUnitOptions options;
        options.flavor = flavor;
        const std::string xml = writeJUnit(run, options);
        EXPECT_THAT(xml, Not(HasSubstr("\x01"))) << toString(flavor);
        EXPECT_THAT(xml, Not(HasSubstr("\x1b")));
        EXPECT_THAT(xml, Not(HasSubstr("\x0b")));
        const auto document = parseXml(xml);
        const pugi::xml_node testcase = document.select_node("//testcase").node();
        EXPECT_STREQ(testcase.attribute("name").value(), "SS-004 returns <0> & \"more\" [Name=\"svc\"]");
        const pugi::xml_node failure = testcase.child("failure");
        // One line in the attribute, control characters gone, invalid UTF-8 replaced.
        EXPECT_STREQ(failure.attribute("message").value(),
                     "got <b>\"2\"</b> & 'x' ]]> [31m bell second line \xEF\xBF\xBD\xEF\xBF\xBD end");
        EXPECT_THAT(std::string(failure.text().get()), HasSubstr("cdata end ]]> inside"));
        EXPECT_THAT(std::string(failure.text().get()), HasSubstr("raw  control"));
    }
}

TEST(JUnitWriter, AntFlavorHasTheStrictShape) {
    JUnitOptions options;
    options.flavor = JUnitFlavor::Ant;
    const auto document = parseXml(writeJUnit(test::everyOutcomeRun(), options));
    const pugi::xml_node root = document.child("testsuites");
    EXPECT_FALSE(root.first_attribute()) << "the Ant schema allows no attributes on <testsuites>";
    int id = 0;
    for (pugi::xml_node suite : root.children("testsuite")) {
        EXPECT_EQ(suite.attribute("id").as_int(-1), id++);
        EXPECT_STRNE(suite.attribute("package").value(), "");
        // properties first, then the testcases, then system-out and system-err.
        EXPECT_STREQ(suite.first_child().name(), "properties");
        EXPECT_STREQ(suite.last_child().name(), "system-err");
        EXPECT_STREQ(suite.last_child().previous_sibling().name(), "system-out");
        for (pugi::xml_node testcase : suite.children("testcase")) {
            EXPECT_FALSE(testcase.child("system-out")) << "Ant testcases have no system-out";
        }
    }
    const std::string suiteOut = root.child("testsuite").child("system-out").text().get();
    EXPECT_THAT(suiteOut, HasSubstr("[SS-004 check of SS-004 [Name=\"svc\"]] calling StopService"));
}

TEST(JUnitWriter, AddsFileAndLineOnlyWhenAsked) {
    const RunResult run = test::everyOutcomeRun();
    EXPECT_FALSE(parseXml(writeJUnit(run)).select_node("//testcase[@file]"));
    JUnitOptions options;
    options.fileLine = true;
    const auto document = parseXml(writeJUnit(run, options));
    const pugi::xml_node testcase = findCase(document, "SS-004");
    EXPECT_STREQ(testcase.attribute("file").value(), "conformance/src/checks/stop_service_checks.cpp");
    EXPECT_EQ(testcase.attribute("line").as_int(), 42);
}

TEST(JUnitWriter, TellsInstancesApartByTheirShortKey) {
    RunResult run;
    run.results.push_back(test::makeCheck("SS-001", Outcome::Pass));
    run.results.push_back(test::makeCheck("SS-001", Outcome::Pass));
    run.results.back().instancePath = "root/cimv2:WMIMock_Service.Name=\"other\"";
    run.results.push_back(test::makeCheck("SS-002", Outcome::Pass));
    const auto document = parseXml(writeJUnit(run));
    std::vector<std::string> names;
    for (pugi::xpath_node node : document.select_nodes("//testcase")) {
        names.emplace_back(node.node().attribute("name").value());
    }
    EXPECT_THAT(names, ::testing::ElementsAre("SS-001 check of SS-001 [Name=\"svc\"]",
                                              "SS-001 check of SS-001 [Name=\"other\"]",
                                              "SS-002 check of SS-002 [Name=\"svc\"]"));
    const pugi::xml_node suite = document.child("testsuites").child("testsuite");
    EXPECT_EQ(property(suite, "instance.1"), "root/cimv2:WMIMock_Service.Name=\"svc\"");
    EXPECT_EQ(property(suite, "instance.2"), "root/cimv2:WMIMock_Service.Name=\"other\"");
}

TEST(JUnitWriter, WritesAValidEmptyReport) {
    RunResult run;
    run.interrupted = true;
    const auto document = parseXml(writeJUnit(run));
    EXPECT_STREQ(document.child("testsuites").attribute("tests").value(), "0");
    EXPECT_FALSE(document.child("testsuites").child("testsuite"));
}

TEST(JUnitWriter, ParsesFlavorNames) {
    EXPECT_EQ(parseJUnitFlavor("ant"), JUnitFlavor::Ant);
    EXPECT_EQ(parseJUnitFlavor("Jenkins"), JUnitFlavor::Jenkins);
    EXPECT_EQ(parseJUnitFlavor("default"), JUnitFlavor::Jenkins);
    EXPECT_EQ(parseJUnitFlavor("surefire"), std::nullopt);
}

TEST(JUnitWriter, HandBuiltReportsValidateAgainstTheSchemas) {
    const auto schemas = test::junitSchemaDir();
    if (!schemas) GTEST_SKIP() << "../shared/data/junit not found (WMIMOCK_SHARED_DIR=" WMIMOCK_SHARED_DIR ")";
    if (!test::haveProgram("xmllint")) GTEST_SKIP() << "xmllint not installed (Debian package libxml2-utils)";
    const test::ScratchDir dir("junit-writer-schema");
    const RunResult run = test::everyOutcomeRun();

    writeJUnitFile(dir / "jenkins.xml", run);
    const auto jenkins = test::validateWithXmllint(*schemas / test::kJenkinsSchema, dir / "jenkins.xml");
    EXPECT_EQ(jenkins.exitCode, 0) << jenkins.output;

    JUnitOptions ant;
    ant.flavor = JUnitFlavor::Ant;
    writeJUnitFile(dir / "ant.xml", run, ant);
    for (const char* schema : {test::kAntSchema, test::kJenkinsSchema}) {
        const auto result = test::validateWithXmllint(*schemas / schema, dir / "ant.xml");
        EXPECT_EQ(result.exitCode, 0) << schema << ": " << result.output;
    }

    // Documented: file/line are what GitHub annotators read, and what the xunit plugin rejects.
    JUnitOptions fileLine;
    fileLine.fileLine = true;
    writeJUnitFile(dir / "file-line.xml", run, fileLine);
    const auto rejected = test::validateWithXmllint(*schemas / test::kJenkinsSchema, dir / "file-line.xml");
    EXPECT_NE(rejected.exitCode, 0);
    EXPECT_THAT(rejected.output, HasSubstr("attribute 'file'"));
}

}  // namespace
}  // namespace wmimock::reports
