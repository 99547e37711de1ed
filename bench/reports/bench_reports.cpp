// Report writing at scale: a run of N results written once at the end (the floor), through
// IncrementalReport with conform's policy (rewrite at most once a second, at once after a
// crash or timeout), and through IncrementalReport rewriting after every check. Each writes
// JUnit, JSON and Markdown files into a temporary folder, fsync included, as the CLI does.
//   build/default/bin/bench_reports --benchmark_repetitions=3 --benchmark_report_aggregates_only
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "wmimock/reports/incremental_report.hpp"
#include "wmimock/reports/json_writer.hpp"
#include "wmimock/reports/junit_writer.hpp"
#include "wmimock/reports/markdown_writer.hpp"

namespace {

namespace fs = std::filesystem;
using namespace wmimock;

/// A result of the size real ones have: a message, expected/actual for failures, evidence.
conformance::CheckResult resultNumber(std::size_t i) {
    conformance::CheckResult result;
    result.ruleId = "SS-" + std::to_string(100 + i % 58);
    result.title = "StopService leaves the element Disabled";
    const std::size_t kind = i % 20;
    result.outcome = kind == 0   ? conformance::Outcome::Fail
                     : kind == 1 ? conformance::Outcome::NotSupported
                     : kind == 2 ? conformance::Outcome::Warning
                                 : conformance::Outcome::Pass;
    result.message = "EnabledState went from 2 (Enabled) to 3 (Disabled) within 0.25 s; Started is FALSE";
    if (result.outcome == conformance::Outcome::Fail) {
        result.expected = "EnabledState 3 (Disabled)";
        result.actual = "EnabledState 2 (Enabled) after 30 s";
    }
    for (int line = 0; line < 5; ++line) {
        result.evidence.push_back("InvokeMethod(root/cimv2:WMIMock_Service.Name=\"svc-" + std::to_string(i) +
                                  "\", StopService) -> 0 in 0.12 ms");
    }
    result.duration = std::chrono::milliseconds(3);
    result.target = "builtin:reference";
    result.nameSpace = "root/cimv2";
    result.className = "WMIMock_Service";
    result.instancePath = "root/cimv2:WMIMock_Service.Name=\"svc-" + std::to_string(i % 40) + "\"";
    return result;
}

/// A fresh folder per benchmark, removed with it.
class Scratch {
public:
    Scratch() : path_(fs::temp_directory_path() / ("wmimock-bench-reports-" + std::to_string(::getpid()))) {
        fs::create_directories(path_);
    }
    ~Scratch() { fs::remove_all(path_); }
    fs::path operator/(const std::string& name) const { return path_ / name; }

private:
    fs::path path_;
};

void addWriters(reports::IncrementalReport& report, const Scratch& scratch) {
    report.addWriter(
        [file = scratch / "junit.xml"](const conformance::RunResult& run) { reports::writeJUnitFile(file, run); });
    report.addWriter(
        [file = scratch / "report.json"](const conformance::RunResult& run) { reports::writeJsonFile(file, run); });
    report.addWriter(
        [file = scratch / "summary.md"](const conformance::RunResult& run) { reports::writeMarkdownFile(file, run); });
}

void BM_WriteOnceAtTheEnd(benchmark::State& state) {
    const Scratch scratch;
    const auto count = static_cast<std::size_t>(state.range(0));
    conformance::RunResult run;
    run.started = std::chrono::system_clock::now();
    run.planned = count;
    for (std::size_t i = 0; i < count; ++i) run.results.push_back(resultNumber(i));
    for (auto _ : state) {
        reports::writeJUnitFile(scratch / "junit.xml", run);
        reports::writeJsonFile(scratch / "report.json", run);
        reports::writeMarkdownFile(scratch / "summary.md", run);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.counters["junit_MB"] = static_cast<double>(fs::file_size(scratch / "junit.xml")) / 1e6;
}

/// conform's policy: rewrites at most once a second (results here arrive faster than that,
/// so the cost is the first write, the adds and the final write), plus an immediate rewrite
/// after each crash or timeout (one result in 500 here).
void BM_IncrementalOncePerSecond(benchmark::State& state) {
    const Scratch scratch;
    const auto count = static_cast<std::size_t>(state.range(0));
    std::vector<conformance::CheckResult> results;
    for (std::size_t i = 0; i < count; ++i) {
        results.push_back(resultNumber(i));
        if (i % 500 == 499) results.back().outcome = conformance::Outcome::Timeout;
    }
    for (auto _ : state) {
        reports::RewritePolicy policy;
        policy.interval = std::chrono::seconds(1);
        reports::IncrementalReport report(std::chrono::system_clock::now(), policy);
        addWriters(report, scratch);
        for (const auto& result : results) report.add(result);
        conformance::RunResult run = report.snapshot();
        run.planned = count;
        report.finish(run);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

/// Rewriting after every check: what the one-second policy avoids (quadratic in the run).
void BM_IncrementalAfterEveryCheck(benchmark::State& state) {
    const Scratch scratch;
    const auto count = static_cast<std::size_t>(state.range(0));
    for (auto _ : state) {
        reports::IncrementalReport report(std::chrono::system_clock::now(), reports::RewritePolicy{});
        addWriters(report, scratch);
        for (std::size_t i = 0; i < count; ++i) report.add(resultNumber(i));
        conformance::RunResult run = report.snapshot();
        run.planned = count;
        report.finish(run);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

BENCHMARK(BM_WriteOnceAtTheEnd)->Arg(10'000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_IncrementalOncePerSecond)->Arg(10'000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_IncrementalAfterEveryCheck)->Arg(250)->Arg(1'000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
