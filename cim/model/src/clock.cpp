#include "wmimock/cim/clock.hpp"

#include <thread>

namespace wmimock {

Clock::time_point SystemClock::now() const {
    return std::chrono::time_point_cast<duration>(std::chrono::steady_clock::now());
}

std::chrono::system_clock::time_point SystemClock::wallNow() const {
    return std::chrono::system_clock::now();
}

void SystemClock::sleepFor(duration d) {
    if (d > duration::zero()) std::this_thread::sleep_for(d);
}

ManualClock::ManualClock(std::chrono::system_clock::time_point wallStart) : wallStart_(wallStart) {}

Clock::time_point ManualClock::now() const {
    return time_point(duration(elapsedMicros_.load(std::memory_order_acquire)));
}

std::chrono::system_clock::time_point ManualClock::wallNow() const {
    return wallStart_ + std::chrono::duration_cast<std::chrono::system_clock::duration>(
                            duration(elapsedMicros_.load(std::memory_order_acquire)));
}

void ManualClock::advance(duration d) {
    // Time never runs backwards: a negative step is ignored rather than breaking deadlines.
    if (d <= duration::zero()) return;
    elapsedMicros_.fetch_add(d.count(), std::memory_order_acq_rel);
}

}  // namespace wmimock
