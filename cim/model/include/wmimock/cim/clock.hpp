// Time as the simulations and the conformance checks see it. Real targets use the
// system clock; built-in simulations use a ManualClock so that a check's bounded wait
// ("poll every 250 ms for up to 30 s") costs no wall time and tests never sleep.
#pragma once

#include <atomic>
#include <chrono>

namespace wmimock {

class Clock {
public:
    using duration = std::chrono::microseconds;
    using time_point = std::chrono::time_point<std::chrono::steady_clock, duration>;

    virtual ~Clock() = default;
    /// Monotonic time, for durations and deadlines.
    virtual time_point now() const = 0;
    /// Calendar time, for CIM timestamps such as TimeOfLastStateChange.
    virtual std::chrono::system_clock::time_point wallNow() const = 0;
    /// Waits (really, or by advancing simulated time).
    virtual void sleepFor(duration d) = 0;
};

/// The real clocks; sleepFor really sleeps.
class SystemClock final : public Clock {
public:
    time_point now() const override;
    std::chrono::system_clock::time_point wallNow() const override;
    void sleepFor(duration d) override;
};

/// Simulated time: starts at a fixed instant, moves only through advance() or sleepFor()
/// (which advances instead of blocking). Thread-safe.
class ManualClock final : public Clock {
public:
    /// wallNow() at construction is 2026-01-01T00:00:00Z unless given.
    explicit ManualClock(std::chrono::system_clock::time_point wallStart =
                             std::chrono::system_clock::time_point(std::chrono::seconds(1767225600)));
    time_point now() const override;
    std::chrono::system_clock::time_point wallNow() const override;
    void sleepFor(duration d) override { advance(d); }
    void advance(duration d);

private:
    std::chrono::system_clock::time_point wallStart_;
    std::atomic<std::int64_t> elapsedMicros_{0};
};

}  // namespace wmimock
