// Atomic replacement and incremental rewriting: at every point of a run the report files
// on disk are complete documents of the checks that finished.
#include "wmimock/reports/incremental_report.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>
#include <pugixml.hpp>

#include "support/test_support.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/reports/atomic_file.hpp"
#include "wmimock/reports/junit_writer.hpp"

namespace wmimock::reports {
namespace {

using conformance::Outcome;

long testcasesIn(const std::filesystem::path& file) {
    pugi::xml_document document;
    const auto parsed = document.load_file(file.c_str());
    EXPECT_TRUE(parsed) << file << ": " << parsed.description();
    return static_cast<long>(document.select_nodes("//testcase").size());
}

std::vector<std::string> filesIn(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) names.push_back(entry.path().filename());
    std::sort(names.begin(), names.end());
    return names;
}

TEST(AtomicFile, ReplacesContentAndLeavesNoTemporaryFile) {
    const test::ScratchDir dir("atomic-file");
    writeFileAtomically(dir / "report.xml", "first");
    writeFileAtomically(dir / "report.xml", "second");
    EXPECT_EQ(test::readFile(dir / "report.xml"), "second");
    EXPECT_THAT(filesIn(dir.path()), ::testing::ElementsAre("report.xml"));
}

TEST(AtomicFile, CreatesMissingDirectories) {
    const test::ScratchDir dir("atomic-file-dirs");
    writeFileAtomically(dir / "a/b/report.xml", "x");
    EXPECT_EQ(test::readFile(dir / "a/b/report.xml"), "x");
}

TEST(AtomicFile, ThrowsNamingTheFileWhenItCannotWrite) {
    const test::ScratchDir dir("atomic-file-error");
    std::filesystem::create_directories(dir / "report.xml");  // a directory where the file should go
    try {
        writeFileAtomically(dir / "report.xml", "x");
        FAIL() << "expected CimError";
    } catch (const CimError& error) {
        EXPECT_EQ(error.status(), CimStatus::Failed);
        EXPECT_THAT(error.message(), ::testing::HasSubstr("report.xml"));
    }
    EXPECT_THAT(filesIn(dir.path()), ::testing::ElementsAre("report.xml")) << "temporary file left behind";
}

TEST(IncrementalReport, KeepsAValidReportOfTheFinishedChecksAtEveryStep) {
    const test::ScratchDir dir("incremental");
    const auto file = dir / "junit.xml";
    IncrementalReport report(std::chrono::system_clock::now());
    report.addWriter([&](const conformance::RunResult& run) { writeJUnitFile(file, run); });
    EXPECT_EQ(testcasesIn(file), 0) << "a run that dies before its first check still leaves a valid file";

    const auto run = test::everyOutcomeRun();
    for (std::size_t i = 0; i < run.results.size(); ++i) {
        report.add(run.results[i]);
        EXPECT_EQ(testcasesIn(file), static_cast<long>(i + 1));
    }
    conformance::RunResult final = run;
    final.interrupted = true;
    report.finish(final);
    pugi::xml_document document;
    ASSERT_TRUE(document.load_file(file.c_str()));
    EXPECT_TRUE(document.select_node("//property[@name='run.interrupted' and @value='true']"));
}

TEST(IncrementalReport, AnIntervalSpreadsRewritesButCrashesAndTimeoutsAreWrittenAtOnce) {
    int writes = 0;
    std::size_t lastSize = 0;
    RewritePolicy policy;
    policy.interval = std::chrono::hours(1);  // longer than the test: only the urgent rewrites happen
    IncrementalReport report(std::chrono::system_clock::now(), policy);
    report.addWriter([&](const conformance::RunResult& run) {
        ++writes;
        lastSize = run.results.size();
    });
    for (int i = 0; i < 5; ++i) report.add(test::makeCheck("SS-001", Outcome::Pass));
    report.add(test::makeCheck("SS-002", Outcome::Fail));
    EXPECT_EQ(writes, 1) << "only the initial empty write before the interval";
    report.add(test::makeCheck("SS-003", Outcome::Crash));
    EXPECT_EQ(writes, 2);
    EXPECT_EQ(lastSize, 7u);
    report.add(test::makeCheck("SS-004", Outcome::Timeout));
    EXPECT_EQ(writes, 3);
    report.add(test::makeCheck("SS-005", Outcome::Pass));
    EXPECT_EQ(writes, 3);
    EXPECT_EQ(report.snapshot().results.size(), 9u);
    report.finish(report.snapshot());
    EXPECT_EQ(writes, 4);
    EXPECT_EQ(lastSize, 9u);
}

// A check that finished within the interval of the last write is written once the interval
// has passed, even when no other check finishes (the next one may hang for minutes).
TEST(IncrementalReport, AResultStillPendingIsWrittenWhileTheNextCheckHangs) {
    std::mutex mutex;
    std::condition_variable written;
    std::size_t lastSize = 0;
    RewritePolicy policy;
    policy.interval = std::chrono::milliseconds(100);
    IncrementalReport report(std::chrono::system_clock::now(), policy);
    report.addWriter([&](const conformance::RunResult& run) {
        std::lock_guard lock(mutex);
        lastSize = run.results.size();
        written.notify_all();
    });
    report.add(test::makeCheck("SS-001", Outcome::Pass));  // within the interval: pending
    std::unique_lock lock(mutex);
    // Generous bound: the flush is due after 100 ms; this only keeps a broken build from hanging.
    EXPECT_TRUE(written.wait_for(lock, std::chrono::seconds(20), [&] { return lastSize == 1; }))
        << "the pending result was never written";
}

TEST(IncrementalReport, FinalWritersAreCalledOnceAtTheEnd) {
    int rewrites = 0, finals = 0;
    IncrementalReport report(std::chrono::system_clock::now());
    report.addWriter([&](const conformance::RunResult&) { ++rewrites; });
    report.addFinalWriter([&](const conformance::RunResult&) { ++finals; });
    for (int i = 0; i < 3; ++i) report.add(test::makeCheck("SS-001", Outcome::Pass));
    EXPECT_EQ(finals, 0);
    report.finish(report.snapshot());
    EXPECT_EQ(finals, 1);
    EXPECT_EQ(rewrites, 5);  // initial, three checks, final
}

TEST(IncrementalReport, UrgentRewritesCanBeTurnedOff) {
    int writes = 0;
    RewritePolicy policy;
    policy.interval = std::chrono::hours(1);
    policy.atOnceAfterCrashOrTimeout = false;
    IncrementalReport report(std::chrono::system_clock::now(), policy);
    report.addWriter([&](const conformance::RunResult&) { ++writes; });
    report.add(test::makeCheck("SS-003", Outcome::Crash));
    report.add(test::makeCheck("SS-004", Outcome::Timeout));
    EXPECT_EQ(writes, 1);
}

}  // namespace
}  // namespace wmimock::reports
