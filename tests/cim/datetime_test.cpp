#include <gtest/gtest.h>

#include "wmimock/cim/datetime.hpp"
#include "wmimock/cim/error.hpp"

namespace wmimock {
namespace {

TEST(DateTimeSmoke, ParsesBothForms) {
    const auto ts = CimDateTime::parse("20261123101500.000000+060");
    EXPECT_TRUE(ts.isTimestamp());
    EXPECT_EQ(ts.year(), 2026);
    EXPECT_EQ(ts.utcOffsetMinutes(), 60);
    EXPECT_EQ(ts.toString(), "20261123101500.000000+060");
    const auto iv = CimDateTime::parse("00000001132312.000000:000");
    EXPECT_TRUE(iv.isInterval());
    EXPECT_EQ(iv.toDuration(), std::chrono::hours(24 + 13) + std::chrono::minutes(23) + std::chrono::seconds(12));
}

TEST(DateTimeSmoke, RejectsMonth13WithColumn) {
    std::string error;
    EXPECT_FALSE(CimDateTime::tryParse("20261323101500.000000+060", &error));
    EXPECT_EQ(error, "invalid datetime '20261323101500.000000+060': column 5: month 13 is out of range 01..12");
}

}  // namespace
}  // namespace wmimock
