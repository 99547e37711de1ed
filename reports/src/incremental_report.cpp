#include "wmimock/reports/incremental_report.hpp"

namespace wmimock::reports {

IncrementalReport::IncrementalReport(std::chrono::system_clock::time_point started, RewritePolicy policy)
    : startedSteady_(std::chrono::steady_clock::now()), policy_(policy), lastWrite_(startedSteady_) {
    partial_.started = started;
}

void IncrementalReport::addWriter(Writer writer) {
    std::lock_guard lock(mutex_);
    writer(partial_);
    writers_.push_back(std::move(writer));
}

void IncrementalReport::add(const conformance::CheckResult& result) {
    std::lock_guard lock(mutex_);
    partial_.results.push_back(result);
    const auto now = std::chrono::steady_clock::now();
    partial_.duration = now - startedSteady_;
    const bool urgent = policy_.atOnceAfterCrashOrTimeout && (result.outcome == conformance::Outcome::Crash ||
                                                              result.outcome == conformance::Outcome::Timeout);
    if (urgent || now - lastWrite_ >= policy_.interval) writeAllLocked(partial_);
}

void IncrementalReport::finish(const conformance::RunResult& run) {
    std::lock_guard lock(mutex_);
    partial_ = run;
    writeAllLocked(partial_);
}

conformance::RunResult IncrementalReport::snapshot() const {
    std::lock_guard lock(mutex_);
    conformance::RunResult copy = partial_;
    copy.duration = std::chrono::steady_clock::now() - startedSteady_;
    return copy;
}

void IncrementalReport::writeAllLocked(const conformance::RunResult& run) {
    lastWrite_ = std::chrono::steady_clock::now();
    for (const Writer& writer : writers_) writer(run);
}

}  // namespace wmimock::reports
