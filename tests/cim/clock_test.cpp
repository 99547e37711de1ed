#include <gtest/gtest.h>

#include "wmimock/cim/clock.hpp"

namespace wmimock {
namespace {

TEST(ManualClockSmoke, SleepAdvancesBothClocks) {
    ManualClock clock;
    const auto start = clock.now();
    const auto wallStart = clock.wallNow();
    clock.sleepFor(std::chrono::milliseconds(250));
    EXPECT_EQ(clock.now() - start, std::chrono::milliseconds(250));
    EXPECT_EQ(clock.wallNow() - wallStart, std::chrono::milliseconds(250));
}

}  // namespace
}  // namespace wmimock
