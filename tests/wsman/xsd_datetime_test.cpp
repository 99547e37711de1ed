// CIM datetimes in their XML Schema forms: exact round trips, and clear errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "wmimock/cim/error.hpp"
#include "xsd_datetime.hpp"

namespace wmimock::wsman::detail {
namespace {

TEST(XsdDateTime, TimestampsRoundTripExactly) {
    for (const char* cim : {"20261202101500.123456+060", "19700101000000.000000+000", "20240229235959.999999-300",
                            "99991231235959.000001+840"}) {
        const CimDateTime t = CimDateTime::parse(cim);
        const auto xsd = toXsdDateTime(t);
        ASSERT_TRUE(xsd) << cim;
        EXPECT_EQ(fromXsdDateTime(*xsd), t) << cim << " as " << *xsd;
    }
    EXPECT_EQ(*toXsdDateTime(CimDateTime::parse("20261202101500.123456+060")), "2026-12-02T10:15:00.123456+01:00");
}

TEST(XsdDateTime, WhatXsdCannotHoldIsLeftToTheCimText) {
    EXPECT_FALSE(toXsdDateTime(CimDateTime::parse("2026120210****.******+060")));
    EXPECT_FALSE(toXsdDateTime(CimDateTime::parse("20261202101500.000000+900")));  // past +14:00
}

TEST(XsdDateTime, ReadsTheFormsClientsWrite) {
    EXPECT_EQ(fromXsdDateTime("2026-12-02T10:15:00Z").toString(), "20261202101500.000000+000");
    EXPECT_EQ(fromXsdDateTime("2026-12-02T10:15:00").toString(), "20261202101500.000000+000");
    EXPECT_EQ(fromXsdDateTime("2026-12-02T10:15:00.5-05:30").toString(), "20261202101500.500000-330");
    EXPECT_EQ(fromXsdDateTime("2026-12-02T10:15:00.1234567+00:00").toString(), "20261202101500.123456+000");
}

TEST(XsdDateTime, RejectsWhatIsNotADateTime) {
    for (const char* bad : {"", "2026-12-02", "2026-13-02T00:00:00Z", "2026-02-30T00:00:00Z", "2026-12-02T10:15:00.Z",
                            "2026-12-02T10:15:00+0100", "2026-12-02T10:15:00Zjunk"}) {
        EXPECT_THROW(fromXsdDateTime(bad), CimError) << bad;
    }
}

TEST(XsdDuration, IntervalsRoundTripExactly) {
    for (const char* cim : {"00000000000000.000000:000", "00000001020304.000005:000", "99999999235959.999999:000"}) {
        const CimDateTime i = CimDateTime::parse(cim);
        EXPECT_EQ(fromXsdDuration(toXsdDuration(i)), i) << cim << " as " << toXsdDuration(i);
    }
    EXPECT_EQ(toXsdDuration(CimDateTime::parse("00000001020304.000005:000")), "P1DT2H3M4.000005S");
}

TEST(XsdDuration, ReadsUnnormalizedDurations) {
    EXPECT_EQ(fromXsdDuration("PT90M").toString(), "00000000013000.000000:000");
    EXPECT_EQ(fromXsdDuration("PT36H").toString(), "00000001120000.000000:000");
    EXPECT_EQ(fromXsdDuration("P0Y0M2D").toString(), "00000002000000.000000:000");
    EXPECT_EQ(fromXsdDuration("PT0.25S").toString(), "00000000000000.250000:000");
}

TEST(XsdDuration, RejectsWhatIsNotACimInterval) {
    for (const char* bad : {"", "P", "PT", "-PT1S", "P1Y", "P2M", "PT1.5M", "P1H", "PT1D", "P1DT", "PT1S2",
                            "P100000000D", "P99999999999999999999D"}) {
        EXPECT_THROW(fromXsdDuration(bad), CimError) << bad;
    }
}

}  // namespace
}  // namespace wmimock::wsman::detail
