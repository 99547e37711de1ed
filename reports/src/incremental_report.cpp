#include "wmimock/reports/incremental_report.hpp"

namespace wmimock::reports {

IncrementalReport::IncrementalReport(std::chrono::system_clock::time_point started, std::size_t every)
    : startedSteady_(std::chrono::steady_clock::now()), every_(every == 0 ? 1 : every) {
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
    partial_.duration = std::chrono::steady_clock::now() - startedSteady_;
    if (++sinceLastWrite_ >= every_) writeAllLocked(partial_);
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
    sinceLastWrite_ = 0;
    for (const Writer& writer : writers_) writer(run);
}

}  // namespace wmimock::reports
