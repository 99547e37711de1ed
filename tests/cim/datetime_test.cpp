// CimDateTime: the two 25-character forms of DSP0004, their validation and conversions.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

#include "wmimock/cim/datetime.hpp"
#include "wmimock/cim/error.hpp"

namespace wmimock {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;

std::string parseError(std::string_view text) {
    std::string error;
    EXPECT_FALSE(CimDateTime::tryParse(text, &error)) << text;
    return error;
}

TEST(CimDateTime, DefaultIsTheZeroInterval) {
    const CimDateTime zero;
    EXPECT_TRUE(zero.isInterval());
    EXPECT_EQ(zero.toString(), "00000000000000.000000:000");
    EXPECT_EQ(zero.toDuration(), 0us);
    EXPECT_EQ(zero, CimDateTime::parse("00000000000000.000000:000"));
}

TEST(CimDateTime, ParsesTimestampFields) {
    const auto ts = CimDateTime::parse("20261123101500.123456+060");
    EXPECT_TRUE(ts.isTimestamp());
    EXPECT_FALSE(ts.isInterval());
    EXPECT_FALSE(ts.hasWildcards());
    EXPECT_EQ(ts.year(), 2026);
    EXPECT_EQ(ts.month(), 11);
    EXPECT_EQ(ts.day(), 23);
    EXPECT_EQ(ts.hours(), 10);
    EXPECT_EQ(ts.minutes(), 15);
    EXPECT_EQ(ts.seconds(), 0);
    EXPECT_EQ(ts.microseconds(), 123456);
    EXPECT_EQ(ts.utcOffsetMinutes(), 60);
    EXPECT_EQ(ts.days(), 0);
    EXPECT_EQ(ts.toString(), "20261123101500.123456+060");
}

TEST(CimDateTime, ParsesNegativeOffset) {
    const auto ts = CimDateTime::parse("20011031180519.000000-360");
    EXPECT_EQ(ts.utcOffsetMinutes(), -360);
    EXPECT_EQ(ts.toString(), "20011031180519.000000-360");
}

TEST(CimDateTime, ParsesIntervalFields) {
    const auto iv = CimDateTime::parse("00000001132312.000250:000");
    EXPECT_TRUE(iv.isInterval());
    EXPECT_EQ(iv.days(), 1);
    EXPECT_EQ(iv.hours(), 13);
    EXPECT_EQ(iv.minutes(), 23);
    EXPECT_EQ(iv.seconds(), 12);
    EXPECT_EQ(iv.microseconds(), 250);
    EXPECT_EQ(iv.year(), 0);
    EXPECT_EQ(iv.toDuration(), 24h + 13h + 23min + 12s + 250us);
    EXPECT_EQ(iv.toString(), "00000001132312.000250:000");
}

TEST(CimDateTime, LargestInterval) {
    const auto iv = CimDateTime::parse("99999999235959.999999:000");
    EXPECT_EQ(iv.days(), 99999999);
    EXPECT_EQ(CimDateTime::interval(iv.toDuration()), iv);
}

TEST(CimDateTime, LeapYearsFollowTheGregorianRules) {
    EXPECT_NO_THROW(CimDateTime::parse("20240229000000.000000+000"));  // divisible by 4
    EXPECT_NO_THROW(CimDateTime::parse("20000229000000.000000+000"));  // divisible by 400
    EXPECT_THAT(parseError("20230229000000.000000+000"), HasSubstr("column 7: day 29 is out of range 01..28"));
    EXPECT_THAT(parseError("19000229000000.000000+000"),
                HasSubstr("day 29 is out of range 01..28 for month 2 of 1900"));
}

TEST(CimDateTime, DaysPerMonth) {
    EXPECT_NO_THROW(CimDateTime::parse("20260131000000.000000+000"));
    EXPECT_NO_THROW(CimDateTime::parse("20260430000000.000000+000"));
    EXPECT_THAT(parseError("20260431000000.000000+000"),
                HasSubstr("column 7: day 31 is out of range 01..30 for month 4"));
    EXPECT_THAT(parseError("20260100000000.000000+000"), HasSubstr("column 7: day 0 is out of range"));
    EXPECT_THAT(parseError("20261232000000.000000+000"), HasSubstr("day 32 is out of range 01..31"));
}

TEST(CimDateTime, RejectsOutOfRangeTimeFields) {
    EXPECT_EQ(parseError("20261323101500.000000+060"),
              "invalid datetime '20261323101500.000000+060': column 5: month 13 is out of range 01..12");
    EXPECT_THAT(parseError("20260023101500.000000+060"), HasSubstr("column 5: month 0 is out of range"));
    EXPECT_THAT(parseError("20261123241500.000000+060"), HasSubstr("column 9: hours 24 is out of range 00..23"));
    EXPECT_THAT(parseError("20261123106000.000000+060"), HasSubstr("column 11: minutes 60 is out of range 00..59"));
    // Leap seconds are rejected on purpose (see datetime.cpp).
    EXPECT_THAT(parseError("20261123101560.000000+060"), HasSubstr("column 13: seconds 60 is out of range 00..59"));
    EXPECT_THAT(parseError("00000000240000.000000:000"), HasSubstr("column 9: hours 24"));
}

TEST(CimDateTime, RejectsWrongLength) {
    EXPECT_EQ(parseError("2026112310150.000000+060"),
              "invalid datetime '2026112310150.000000+060': column 25: unexpected end: a datetime has exactly 25 "
              "characters, got 24");
    EXPECT_THAT(parseError("20261123101500.000000+0600"), HasSubstr("column 26: unexpected characters after the 25th"));
    EXPECT_THAT(parseError(""), HasSubstr("column 1: unexpected end"));
}

TEST(CimDateTime, RejectsBadSeparators) {
    EXPECT_EQ(parseError("20261123101500,000000+060"),
              "invalid datetime '20261123101500,000000+060': column 15: expected '.', got ','");
    EXPECT_THAT(parseError("20261123101500.000000 060"),
                HasSubstr("column 22: expected '+' or '-' (timestamp) or ':' (interval), got ' '"));
    EXPECT_THAT(parseError("00000001132312.000000:001"), HasSubstr("column 23: an interval must end with ':000'"));
    EXPECT_THAT(parseError("2026112310150a.000000+060"),
                HasSubstr("column 14: expected a digit in the seconds field, got 'a'"));
    EXPECT_THAT(parseError("20261123101500.000000+06x"), HasSubstr("column 25: expected a digit in the UTC offset"));
    EXPECT_THAT(parseError("-0261123101500.000000+060"), HasSubstr("column 1: expected a digit in the year field"));
}

TEST(CimDateTime, ParseThrowsInvalidParameter) {
    try {
        CimDateTime::parse("bogus");
        FAIL() << "expected CimError";
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::InvalidParameter);
        EXPECT_THAT(e.message(), HasSubstr("invalid datetime 'bogus'"));
    }
}

TEST(CimDateTime, AcceptsWholeFieldWildcards) {
    const auto ts = CimDateTime::parse("2026112310****.******+060");
    EXPECT_TRUE(ts.hasWildcards());
    EXPECT_EQ(ts.year(), 2026);
    EXPECT_EQ(ts.hours(), 10);
    EXPECT_EQ(ts.toString(), "2026112310****.******+060");
    // WMI writes unknown leading fields as asterisks too ("any year").
    const auto anyYear = CimDateTime::parse("****0229000000.000000+000");
    EXPECT_EQ(anyYear.month(), 2);
    EXPECT_EQ(anyYear.day(), 29);
    EXPECT_THAT(parseError("****0230000000.000000+000"), HasSubstr("day 30 is out of range 01..29"));
}

TEST(CimDateTime, AcceptsReducedPrecisionMicroseconds) {
    const auto ts = CimDateTime::parse("20261123101500.12****+000");
    EXPECT_TRUE(ts.hasWildcards());
    EXPECT_EQ(ts.microseconds(), 120000);
    EXPECT_EQ(ts.toString(), "20261123101500.12****+000");
    EXPECT_NE(ts, CimDateTime::parse("20261123101500.120000+000"));
}

TEST(CimDateTime, RejectsMisplacedWildcards) {
    EXPECT_THAT(parseError("20261123101500.1*3456+000"),
                HasSubstr("column 18: digit after '*' in the microseconds field"));
    EXPECT_THAT(parseError("202*1123101500.000000+000"),
                HasSubstr("column 4: the year field must be all digits or all asterisks"));
}

TEST(CimDateTime, WildcardsHaveNoDurationOrInstant) {
    EXPECT_THROW(CimDateTime::parse("2026112310****.******+060").toTimePoint(), CimError);
    EXPECT_THROW(CimDateTime::parse("00000001******.******:000").toDuration(), CimError);
}

TEST(CimDateTime, IntervalFromDuration) {
    const auto iv = CimDateTime::interval(30s);
    EXPECT_EQ(iv.toString(), "00000000000030.000000:000");
    EXPECT_EQ(CimDateTime::interval(5min).toString(), "00000000000500.000000:000");
    EXPECT_EQ(CimDateTime::interval(3 * 24h + 1h + 1us).toString(), "00000003010000.000001:000");
    EXPECT_EQ(CimDateTime::interval(0us), CimDateTime());
}

TEST(CimDateTime, IntervalRejectsNegativeAndHugeLengths) {
    try {
        CimDateTime::interval(-1s);
        FAIL() << "expected CimError";
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::InvalidParameter);
        EXPECT_THAT(e.message(), HasSubstr("cannot be negative"));
    }
    EXPECT_THROW(CimDateTime::interval(std::chrono::hours(24) * 100'000'000), CimError);
}

TEST(CimDateTime, TimestampFromTimePoint) {
    // 2026-01-01T00:00:00Z
    const std::chrono::system_clock::time_point newYear{std::chrono::seconds(1767225600)};
    EXPECT_EQ(CimDateTime::timestamp(newYear).toString(), "20260101000000.000000+000");
    EXPECT_EQ(CimDateTime::timestamp(newYear, 60).toString(), "20260101010000.000000+060");
    EXPECT_EQ(CimDateTime::timestamp(newYear, -90).toString(), "20251231223000.000000-090");
    EXPECT_EQ(CimDateTime::timestamp(newYear + 1500ms).toString(), "20260101000001.500000+000");
    EXPECT_THROW(CimDateTime::timestamp(newYear, 1000), CimError);
}

TEST(CimDateTime, TimestampBeforeTheEpoch) {
    const std::chrono::system_clock::time_point before{-std::chrono::microseconds(1)};
    EXPECT_EQ(CimDateTime::timestamp(before).toString(), "19691231235959.999999+000");
}

TEST(CimDateTime, ToTimePointHonoursTheOffset) {
    const auto utc = CimDateTime::parse("20260101000000.000000+000").toTimePoint();
    EXPECT_EQ(CimDateTime::parse("20260101010000.000000+060").toTimePoint(), utc);
    EXPECT_EQ(CimDateTime::parse("20251231223000.000000-090").toTimePoint(), utc);
    EXPECT_EQ(utc.time_since_epoch(), std::chrono::seconds(1767225600));
}

TEST(CimDateTime, KindMismatchThrowsTypeMismatch) {
    try {
        CimDateTime::parse("20260101000000.000000+000").toDuration();
        FAIL() << "expected CimError";
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::TypeMismatch);
    }
    try {
        CimDateTime().toTimePoint();
        FAIL() << "expected CimError";
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::TypeMismatch);
    }
}

TEST(CimDateTime, EqualityIsTextual) {
    // The same instant with different offsets is a different value (as in CIM-XML).
    EXPECT_NE(CimDateTime::parse("20260101010000.000000+060"), CimDateTime::parse("20260101000000.000000+000"));
    EXPECT_EQ(CimDateTime::parse("20260101010000.000000+060"), CimDateTime::parse("20260101010000.000000+060"));
    EXPECT_NE(CimDateTime::parse("00000000000001.000000:000"), CimDateTime::parse("00000000000002.000000:000"));
}

}  // namespace
}  // namespace wmimock
