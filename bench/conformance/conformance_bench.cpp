// Wall time of whole conformance runs (Google Benchmark, real time).
#include <benchmark/benchmark.h>

#include "wmimock/harness/runner.hpp"

namespace {

using wmimock::harness::RunOptions;

void runSuite(benchmark::State& state, const std::string& target, RunOptions::Isolation isolation) {
    RunOptions options;
    options.targets = {target};
    options.isolation = isolation;
    std::size_t checks = 0;
    for (auto _ : state) {
        const auto result = wmimock::harness::run(options);
        checks = result.results.size();
        if (!result.passed()) state.SkipWithError("the suite failed against this target");
        benchmark::DoNotOptimize(result);
    }
    state.counters["checks"] = static_cast<double>(checks);
}

void BM_ReferenceInProcess(benchmark::State& state) {
    runSuite(state, "builtin:reference", RunOptions::Isolation::InProcess);
}
void BM_ReferenceIsolated(benchmark::State& state) {
    runSuite(state, "builtin:reference", RunOptions::Isolation::Process);
}
BENCHMARK(BM_ReferenceInProcess)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ReferenceIsolated)->Unit(benchmark::kMillisecond)->UseRealTime();

#ifdef EXAMPLE_PLUGIN_PATH
void BM_ExamplePluginIsolated(benchmark::State& state) {
    runSuite(state, std::string("plugin:") + EXAMPLE_PLUGIN_PATH, RunOptions::Isolation::Process);
}
BENCHMARK(BM_ExamplePluginIsolated)->Unit(benchmark::kMillisecond)->UseRealTime();
#endif

}  // namespace
