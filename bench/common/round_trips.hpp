// Timing of client round trips in Google Benchmark: runs `call` once per iteration, then
// reports requests/s and the p50 / p99 latency in microseconds (averaged over threads).
#pragma once

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <vector>

namespace wmimock::bench {

inline double percentile(std::vector<double>& samples, double fraction) {
    if (samples.empty()) return 0;
    const auto at = static_cast<std::size_t>(fraction * static_cast<double>(samples.size() - 1));
    std::nth_element(samples.begin(), samples.begin() + static_cast<std::ptrdiff_t>(at), samples.end());
    return samples[at];
}

template <class Call>
void timeRoundTrips(benchmark::State& state, Call&& call) {
    std::vector<double> latencies;
    latencies.reserve(1 << 16);
    for (auto _ : state) {
        const auto started = std::chrono::steady_clock::now();
        auto result = call();
        latencies.push_back(
            std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - started).count());
        benchmark::DoNotOptimize(result);
    }
    state.counters["requests/s"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["p50_us"] = benchmark::Counter(percentile(latencies, 0.50), benchmark::Counter::kAvgThreads);
    state.counters["p99_us"] = benchmark::Counter(percentile(latencies, 0.99), benchmark::Counter::kAvgThreads);
}

}  // namespace wmimock::bench
