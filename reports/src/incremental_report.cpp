#include "wmimock/reports/incremental_report.hpp"

#include <pthread.h>

#include <algorithm>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace wmimock::reports {
namespace {

/// The reports whose flushing thread runs, for the fork() handlers.
struct LiveReports {
    std::mutex mutex;
    std::vector<IncrementalReport*> reports;
};

LiveReports& live() {
    static LiveReports* reports = new LiveReports;  // never destroyed: fork() may run at exit
    return *reports;
}

}  // namespace

void IncrementalReport::lockAllForFork() noexcept {
    live().mutex.lock();
    for (IncrementalReport* r : live().reports) r->mutex_.lock();
}

void IncrementalReport::unlockAllAfterFork() noexcept {
    for (IncrementalReport* r : live().reports) r->mutex_.unlock();
    live().mutex.unlock();
}

IncrementalReport::IncrementalReport(std::chrono::system_clock::time_point started, RewritePolicy policy)
    : startedSteady_(std::chrono::steady_clock::now()), policy_(policy), lastWrite_(startedSteady_) {
    partial_.started = started;
    if (policy_.interval > std::chrono::milliseconds::zero()) {
        static std::once_flag registered;
        std::call_once(registered, [] { ::pthread_atfork(&lockAllForFork, &unlockAllAfterFork, &unlockAllAfterFork); });
        {
            std::lock_guard lock(live().mutex);
            live().reports.push_back(this);
        }
        flusher_ = std::jthread([this](std::stop_token stop) {
            flusherStarted_ = true;
            flushLoop(stop);
        });
        // A thread that is starting allocates (its runtime, a sanitizer's per-thread state)
        // outside mutex_, where the fork() handlers cannot cover it: let it finish first.
        while (!flusherStarted_) std::this_thread::yield();
    }
}

IncrementalReport::~IncrementalReport() {
    std::lock_guard lock(live().mutex);
    std::erase(live().reports, this);
    // flusher_ (the last member) stops and joins next, before the members it uses go.
}

void IncrementalReport::addWriter(Writer writer) {
    std::lock_guard lock(mutex_);
    writer(partial_);
    writers_.push_back(std::move(writer));
}

void IncrementalReport::addFinalWriter(Writer writer) {
    std::lock_guard lock(mutex_);
    finalWriters_.push_back(std::move(writer));
}

void IncrementalReport::add(const conformance::CheckResult& result) {
    std::lock_guard lock(mutex_);
    partial_.results.push_back(result);
    const auto now = std::chrono::steady_clock::now();
    partial_.duration = now - startedSteady_;
    const bool urgent = policy_.atOnceAfterCrashOrTimeout && (result.outcome == conformance::Outcome::Crash ||
                                                              result.outcome == conformance::Outcome::Timeout);
    if (urgent || now - lastWrite_ >= policy_.interval) {
        writeAllLocked(partial_);
    } else {
        dirty_ = true;
        pending_.notify_one();
    }
}

void IncrementalReport::finish(const conformance::RunResult& run) {
    std::lock_guard lock(mutex_);
    partial_ = run;
    std::exception_ptr first;
    const auto attempt = [&](const Writer& writer) {
        try {
            writer(partial_);
        } catch (...) {
            if (!first) first = std::current_exception();
        }
    };
    for (const Writer& writer : writers_) attempt(writer);
    for (const Writer& writer : finalWriters_) attempt(writer);
    lastWrite_ = std::chrono::steady_clock::now();
    dirty_ = false;
    if (first) std::rethrow_exception(first);
}

conformance::RunResult IncrementalReport::snapshot() const {
    std::lock_guard lock(mutex_);
    conformance::RunResult copy = partial_;
    copy.duration = std::chrono::steady_clock::now() - startedSteady_;
    return copy;
}

void IncrementalReport::writeAllLocked(const conformance::RunResult& run) {
    lastWrite_ = std::chrono::steady_clock::now();
    dirty_ = false;
    for (const Writer& writer : writers_) writer(run);
}

// Results that arrived within the interval of the last write are written once the interval
// has passed, even when no further check finishes (a later check may hang for minutes).
void IncrementalReport::flushLoop(std::stop_token stop) {
    std::unique_lock lock(mutex_);
    while (!stop.stop_requested()) {
        if (!pending_.wait(lock, stop, [this] { return dirty_; })) return;
        pending_.wait_until(lock, stop, lastWrite_ + policy_.interval, [] { return false; });
        if (stop.stop_requested()) return;
        if (!dirty_ || std::chrono::steady_clock::now() < lastWrite_ + policy_.interval) continue;
        try {
            partial_.duration = std::chrono::steady_clock::now() - startedSteady_;
            writeAllLocked(partial_);
        } catch (const std::exception&) {
            dirty_ = false;  // a full disk: the next result or the final write tries again
        }
    }
}

}  // namespace wmimock::reports
