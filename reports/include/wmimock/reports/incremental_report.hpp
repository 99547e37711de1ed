// Keeps report files valid while a run is in progress: every `every` finished checks the
// writers are called again with the results so far, so a crash or an interrupted run leaves
// complete reports of the checks that finished. Writers are expected to replace their file
// atomically (writeJUnitFile does). Thread-safe: results may arrive from any thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <vector>

#include "wmimock/conformance/result.hpp"

namespace wmimock::reports {

class IncrementalReport {
public:
    using Writer = std::function<void(const conformance::RunResult&)>;

    explicit IncrementalReport(std::chrono::system_clock::time_point started, std::size_t every = 1);

    /// Registers a writer; it is called at once with the (empty) run so far, so that even a
    /// run that dies before its first check leaves a valid file.
    void addWriter(Writer writer);

    /// Records a finished check; rewrites every `every` checks.
    void add(const conformance::CheckResult& result);

    /// Rewrites with the final result (its notes, duration, interrupted flag).
    void finish(const conformance::RunResult& run);

    /// The results so far, with the duration measured until now.
    conformance::RunResult snapshot() const;

private:
    void writeAllLocked(const conformance::RunResult& run);

    mutable std::mutex mutex_;
    conformance::RunResult partial_;
    std::chrono::steady_clock::time_point startedSteady_;
    std::size_t every_;
    std::size_t sinceLastWrite_ = 0;
    std::vector<Writer> writers_;
};

}  // namespace wmimock::reports
