// Clocks: ManualClock moves only when told; SystemClock is monotonic.
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "wmimock/cim/clock.hpp"
#include "wmimock/cim/datetime.hpp"

namespace wmimock {
namespace {

using namespace std::chrono_literals;

TEST(ManualClock, StartsAtAFixedInstant) {
    const ManualClock a;
    const ManualClock b;
    EXPECT_EQ(a.now(), b.now());
    EXPECT_EQ(a.now().time_since_epoch(), 0us);
    EXPECT_EQ(CimDateTime::timestamp(a.wallNow()).toString(), "20260101000000.000000+000");
}

TEST(ManualClock, CustomWallStart) {
    const std::chrono::system_clock::time_point start{std::chrono::seconds(86400)};
    const ManualClock clock(start);
    EXPECT_EQ(clock.wallNow(), start);
}

TEST(ManualClock, SleepAndAdvanceMoveBothClocks) {
    ManualClock clock;
    const auto start = clock.now();
    const auto wallStart = clock.wallNow();
    clock.sleepFor(250ms);
    EXPECT_EQ(clock.now() - start, 250ms);
    EXPECT_EQ(clock.wallNow() - wallStart, 250ms);
    clock.advance(30s);
    EXPECT_EQ(clock.now() - start, 30250ms);
    EXPECT_EQ(clock.wallNow() - wallStart, 30250ms);
}

TEST(ManualClock, NeverRunsBackwards) {
    ManualClock clock;
    clock.advance(1s);
    const auto t = clock.now();
    clock.advance(-500ms);
    clock.sleepFor(0us);
    EXPECT_EQ(clock.now(), t);
}

TEST(ManualClock, ConcurrentAdvancesAllCount) {
    ManualClock clock;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&clock] {
            for (int i = 0; i < 1000; ++i) clock.advance(1us);
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(clock.now().time_since_epoch(), 4000us);
}

TEST(ManualClock, UsableThroughTheInterface) {
    ManualClock manual;
    Clock& clock = manual;
    const auto deadline = clock.now() + 30s;
    int polls = 0;
    while (clock.now() < deadline) {  // a bounded poll costs no wall time
        clock.sleepFor(250ms);
        ++polls;
    }
    EXPECT_EQ(polls, 120);
}

TEST(SystemClock, IsMonotonicAndZeroSleepReturns) {
    SystemClock clock;
    const auto a = clock.now();
    clock.sleepFor(0us);
    clock.sleepFor(-1s);  // negative sleeps do not block
    const auto b = clock.now();
    EXPECT_LE(a, b);
    EXPECT_GT(clock.wallNow().time_since_epoch().count(), 0);
}

}  // namespace
}  // namespace wmimock
