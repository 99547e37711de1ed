// Markdown summary, JSON and console output over the same results.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "support/test_support.hpp"
#include "wmimock/conformance/result_json.hpp"
#include "wmimock/reports/console_reporter.hpp"
#include "wmimock/reports/json_writer.hpp"
#include "wmimock/reports/markdown_writer.hpp"
#include "wmimock/reports/report_context.hpp"
#include "wmimock/version.hpp"

namespace wmimock::reports {
namespace {

using conformance::Outcome;
using ::testing::HasSubstr;
using ::testing::Not;

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

TEST(MarkdownWriter, SummarisesTotalsAndListsEveryCheck) {
    const std::string md = writeMarkdown(test::everyOutcomeRun());
    EXPECT_THAT(md, HasSubstr("## ❌ wmimock conformance: failed"));
    EXPECT_THAT(md, HasSubstr("| 7 | 1 | 1 | 1 | 1 | 1 | 1 | 1 |"));
    EXPECT_THAT(md, HasSubstr("| SS-004 | MUST | ❌ fail | builtin:reference | Name=\"svc\" | check of SS-004 | "
                              "StopService returned 2, the rule wants 0 |"));
    EXPECT_THAT(md, HasSubstr("| SS-002 | SHOULD | ⚠️ warning |"));
    EXPECT_THAT(md, HasSubstr("expected: ReturnValue = 0"));
    std::size_t rows = 0;
    for (const std::string& line : linesOf(md)) rows += line.starts_with("| SS-") ? 1 : 0;
    EXPECT_EQ(rows, 7u);
}

TEST(MarkdownWriter, KeepsHostileMessagesInsideTheirCell) {
    conformance::RunResult run;
    run.results.push_back(test::makeCheck("SS-004", Outcome::Fail, "a | b\n| c <script>x</script>"));
    const std::string md = writeMarkdown(run);
    for (const std::string& line : linesOf(md)) {
        if (!line.starts_with("| SS-004")) continue;
        EXPECT_THAT(line, ::testing::EndsWith("| a \\| b \\| c &lt;script&gt;x&lt;/script&gt; |"));
    }
    // The details block shows the message verbatim, but inside a fence it cannot close.
    EXPECT_THAT(md, HasSubstr("```text\na | b\n| c <script>x</script>\n"));
}

TEST(MarkdownWriter, SaysPassedWhenNothingFailed) {
    conformance::RunResult run;
    run.results.push_back(test::makeCheck("SS-001", Outcome::Pass));
    run.results.push_back(test::makeCheck("SS-003", Outcome::NotSupported, "declined"));
    EXPECT_THAT(writeMarkdown(run), HasSubstr("## ✅ wmimock conformance: passed"));
    EXPECT_THAT(writeMarkdown(run), Not(HasSubstr("### Failures")));
}

TEST(JsonWriter, WritesEveryFieldAndTheSummary) {
    const auto json = nlohmann::json::parse(writeJson(test::everyOutcomeRun()));
    EXPECT_EQ(json["version"], std::string(kVersion));
    EXPECT_EQ(json["passed"], false);
    EXPECT_EQ(json["summary"]["total"], 7);
    EXPECT_EQ(json["summary"]["failed"], 1);
    EXPECT_EQ(json["summary"]["timeouts"], 1);
    ASSERT_EQ(json["results"].size(), 7u);
    const auto& failure = json["results"][3];
    EXPECT_EQ(failure["ruleId"], "SS-004");
    EXPECT_EQ(failure["outcome"], "fail");
    EXPECT_EQ(failure["level"], "MUST");
    EXPECT_EQ(failure["expected"], "ReturnValue = 0");
    EXPECT_EQ(failure["evidence"].size(), 3u);
    EXPECT_EQ(failure["sourceLine"], 42);
    EXPECT_EQ(json["started"], "2026-01-01T00:00:00Z");
}

TEST(JsonWriter, ResultsReadBackAsWritten) {
    const auto run = test::everyOutcomeRun();
    const auto json = nlohmann::ordered_json::parse(writeJson(run));
    ASSERT_EQ(json["results"].size(), run.results.size());
    for (std::size_t i = 0; i < run.results.size(); ++i) {
        const conformance::CheckResult& original = run.results[i];
        const conformance::CheckResult back = conformance::checkResultFromJson(json["results"][i]);
        EXPECT_EQ(back.ruleId, original.ruleId);
        EXPECT_EQ(back.title, original.title);
        EXPECT_EQ(back.level, original.level);
        EXPECT_EQ(back.ruleSource, original.ruleSource);
        EXPECT_EQ(back.outcome, original.outcome) << original.ruleId;
        EXPECT_EQ(back.message, original.message);
        EXPECT_EQ(back.expected, original.expected);
        EXPECT_EQ(back.actual, original.actual);
        EXPECT_EQ(back.evidence, original.evidence);
        EXPECT_EQ(back.log, original.log);
        EXPECT_DOUBLE_EQ(back.duration.count(), original.duration.count());
        EXPECT_EQ(back.target, original.target);
        EXPECT_EQ(back.nameSpace, original.nameSpace);
        EXPECT_EQ(back.className, original.className);
        EXPECT_EQ(back.instancePath, original.instancePath);
        EXPECT_EQ(back.sourceFile, original.sourceFile);
        EXPECT_EQ(back.sourceLine, original.sourceLine);
    }
}

TEST(JsonWriter, AResultWithMissingOrUnknownFieldsReadsWithDefaults) {
    const auto back = conformance::checkResultFromJson(
        nlohmann::ordered_json{{"ruleId", "SS-001"}, {"outcome", "exploded"}, {"level", nullptr}});
    EXPECT_EQ(back.ruleId, "SS-001");
    EXPECT_EQ(back.outcome, Outcome::Error);
    EXPECT_EQ(back.level, conformance::Level::Must);
    EXPECT_TRUE(back.evidence.empty());
    EXPECT_THROW(conformance::checkResultFromJson(nlohmann::ordered_json{{"sourceLine", "x"}}),
                 nlohmann::json::exception);
}

TEST(JsonWriter, ReplacesInvalidUtf8InsteadOfThrowing) {
    conformance::RunResult run;
    run.results.push_back(test::makeCheck("SS-004", Outcome::Fail, "bad \xff byte"));
    const auto json = nlohmann::json::parse(writeJson(run));
    EXPECT_EQ(json["results"][0]["message"], "bad \xEF\xBF\xBD byte");
}

TEST(ConsoleReporter, PrintsOneLinePerCheckWithProgressAndTotals) {
    std::ostringstream out;
    const auto run = test::everyOutcomeRun();
    ConsoleReporter console(out, {.color = false, .quiet = false, .expectedChecks = run.results.size()});
    for (const auto& check : run.results) console.onResult(check);
    console.onFinish(run);
    const std::string text = out.str();
    EXPECT_THAT(text, HasSubstr("[1/7] PASS    SS-001 check of SS-001"));
    EXPECT_THAT(text, HasSubstr("[4/7] FAIL    SS-004 check of SS-004"));
    EXPECT_THAT(text, HasSubstr("        StopService returned 2, the rule wants 0"));
    EXPECT_THAT(text, HasSubstr("[6/7] TIMEOUT SS-006"));
    EXPECT_THAT(text, Not(HasSubstr("\x1b[")));
    EXPECT_EQ(linesOf(text).back(),
              "7 of 7 planned checks: 1 passed, 1 warning, 1 not supported, 1 failed, 1 error, "
              "1 timeout, 1 crash in 1.500 s");
}

// On a terminal, a check that runs long shows a live line, replaced by its result.
TEST(ConsoleReporter, ALongCheckShowsALiveLineThatItsResultReplaces) {
    std::ostringstream out;
    const auto run = test::everyOutcomeRun();
    {
        ConsoleReporter console(out, {.expectedChecks = run.results.size(),
                                      .liveIndicator = true,
                                      .indicatorAfter = std::chrono::milliseconds(50)});
        console.onCheckStarted("SS-002", "root/cimv2:WMIMock_Service.Name=\"Alpha\"");
        std::this_thread::sleep_for(std::chrono::milliseconds(1200));
        console.onResult(run.results.front());
        console.onFinish(run);
    }
    const std::string text = out.str();
    const auto live = text.find("running SS-002 on Name=\"Alpha\" (");
    ASSERT_NE(live, std::string::npos) << text;
    const auto cleared = text.find("\r\x1b[K[1/7] PASS", live);
    EXPECT_NE(cleared, std::string::npos) << "the live line was not cleared before the result: " << text;

    std::ostringstream quick;
    {
        ConsoleReporter console(quick, {.liveIndicator = true, .indicatorAfter = std::chrono::seconds(30)});
        console.onCheckStarted("SS-001", "");
        console.onResult(run.results.front());
    }
    EXPECT_EQ(quick.str().find("running"), std::string::npos) << "a quick check showed a live line";
}

// The end of a console run recaps what did not pass and how to re-run just that.
TEST(ConsoleReporter, RecapsTheFailuresWithAFilterToRerunThem) {
    const auto run = test::everyOutcomeRun();
    const std::string recap = failureRecap(run);
    EXPECT_THAT(recap, HasSubstr("4 checks did not pass:"));
    EXPECT_THAT(recap, HasSubstr("FAIL    SS-004 [builtin:reference Name=\"svc\"]: StopService returned 2"));
    EXPECT_THAT(recap, HasSubstr("CRASH   SS-007 [plugin:/opt/x/libprovider.so Name=\"svc\"]"));
    EXPECT_THAT(recap, HasSubstr("re-run them with: --filter 'SS-004:SS-005:SS-006:SS-007'"));
    conformance::RunResult clean;
    clean.results.push_back(test::makeCheck("SS-001", Outcome::Pass));
    EXPECT_EQ(failureRecap(clean), "");
}

// Catalog §0.3 Rev. 2: a run with fewer results than planned says so and does not pass, even
// when every result it has passed.
TEST(ConsoleReporter, TheTotalsShowPlannedVersusReported) {
    conformance::RunResult run;
    run.results.resize(2);
    run.planned = 5;
    EXPECT_FALSE(run.passed());
    EXPECT_EQ(totalsLine(run), "2 of 5 planned checks: 2 passed, 0 failed in 0.000 s");
    const std::string md = writeMarkdown(run);
    EXPECT_THAT(md, HasSubstr("| 5 | 2 | 2 |"));
    run.planned = 2;
    EXPECT_TRUE(run.passed());
}

TEST(ConsoleReporter, QuietModeShowsOnlyWhatNeedsAttention) {
    std::ostringstream out;
    const auto run = test::everyOutcomeRun();
    ConsoleReporter console(out, {.color = false, .quiet = true, .expectedChecks = 0});
    for (const auto& check : run.results) console.onResult(check);
    console.onFinish(run);
    EXPECT_THAT(out.str(), Not(HasSubstr("PASS")));
    EXPECT_THAT(out.str(), Not(HasSubstr("SKIP")));
    EXPECT_THAT(out.str(), HasSubstr("FAIL    SS-004"));
    EXPECT_THAT(out.str(), HasSubstr("WARN    SS-002"));
}

TEST(ConsoleReporter, NamesTheInstanceByItsNameKey) {
    std::ostringstream out;
    ConsoleReporter console(out, {});
    auto check = test::makeCheck("SS-001", Outcome::Pass);
    check.instancePath =
        "root/cimv2:WMIMock_Service.CreationClassName=\"WMIMock_Service\",Name=\"A,b\",SystemName=\"h\"";
    console.onResult(check);
    check.instancePath = "root/cimv2:Other_Service.Id=\"7\",Host=\"h\"";
    console.onResult(check);
    EXPECT_THAT(out.str(), HasSubstr("(builtin:reference Name=\"A,b\", 0.012 s)"));
    EXPECT_THAT(out.str(), HasSubstr("(builtin:reference Id=\"7\",Host=\"h\", 0.012 s)"));
}

TEST(ConsoleReporter, ColoursOutcomesWhenAsked) {
    std::ostringstream out;
    ConsoleReporter console(out, {.color = true, .quiet = false, .expectedChecks = 0});
    console.onResult(test::makeCheck("SS-004", Outcome::Fail, "broken"));
    EXPECT_THAT(out.str(), HasSubstr("\x1b[31;1mFAIL"));
}

TEST(ReportContext, FormatsSecondsAndTimestamps) {
    using Seconds = std::chrono::duration<double>;
    EXPECT_EQ(formatSeconds(Seconds(0.0004)), "0.000");
    EXPECT_EQ(formatSeconds(Seconds(12.3456)), "12.346");
    EXPECT_EQ(formatSeconds(Seconds(-1)), "0.000");
    EXPECT_EQ(formatSeconds(Seconds(std::numeric_limits<double>::quiet_NaN())), "0.000");
    EXPECT_EQ(formatTimestamp(std::chrono::system_clock::time_point(std::chrono::seconds(1767225600 + 3723))),
              "2026-01-01T01:02:03");
    EXPECT_FALSE(localHostname().empty());
}

}  // namespace
}  // namespace wmimock::reports
