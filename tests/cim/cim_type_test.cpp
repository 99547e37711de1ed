// CimType names, predicates and ranges.
#include <gtest/gtest.h>

#include <limits>

#include "wmimock/cim/cim_type.hpp"

namespace wmimock {
namespace {

constexpr CimType kAllTypes[] = {
    CimType::Boolean, CimType::Sint8,    CimType::Uint8,     CimType::Sint16, CimType::Uint16,  CimType::Sint32,
    CimType::Uint32,  CimType::Sint64,   CimType::Uint64,    CimType::Real32, CimType::Real64,  CimType::Char16,
    CimType::String,  CimType::DateTime, CimType::Reference, CimType::Object, CimType::Instance};

TEST(CimType, NamesRoundTrip) {
    for (CimType t : kAllTypes) EXPECT_EQ(parseCimType(toString(t)), t) << toString(t);
    EXPECT_EQ(toString(CimType::Uint16), "uint16");
    EXPECT_EQ(toString(CimType::Reference), "ref");
    EXPECT_EQ(toString(CimType::DateTime), "datetime");
}

TEST(CimType, ParsesOtherSpellings) {
    EXPECT_EQ(parseCimType("UINT16"), CimType::Uint16);
    EXPECT_EQ(parseCimType("reference"), CimType::Reference);
    EXPECT_EQ(parseCimType("DateTime"), CimType::DateTime);
    EXPECT_FALSE(parseCimType("int"));
    EXPECT_FALSE(parseCimType(""));
    EXPECT_FALSE(parseCimType("uint128"));
}

TEST(CimType, Predicates) {
    int integers = 0, signedCount = 0, reals = 0;
    for (CimType t : kAllTypes) {
        integers += isInteger(t);
        signedCount += isSignedInteger(t);
        reals += isReal(t);
        EXPECT_EQ(isNumeric(t), isInteger(t) || isReal(t));
        EXPECT_EQ(isInteger(t), isSignedInteger(t) || isUnsignedInteger(t));
    }
    EXPECT_EQ(integers, 8);
    EXPECT_EQ(signedCount, 4);
    EXPECT_EQ(reals, 2);
    EXPECT_TRUE(isUnsignedInteger(CimType::Uint64));
    EXPECT_FALSE(isInteger(CimType::Char16));
}

TEST(CimType, IntegerRanges) {
    EXPECT_EQ(integerRange(CimType::Sint8).min, -128);
    EXPECT_EQ(integerRange(CimType::Sint8).max, 127u);
    EXPECT_EQ(integerRange(CimType::Uint16).min, 0);
    EXPECT_EQ(integerRange(CimType::Uint16).max, 65535u);
    EXPECT_EQ(integerRange(CimType::Sint64).min, std::numeric_limits<std::int64_t>::min());
    EXPECT_EQ(integerRange(CimType::Uint64).max, std::numeric_limits<std::uint64_t>::max());
    EXPECT_EQ(integerRange(CimType::String).max, 0u);
}

TEST(CimType, KeyTypes) {
    EXPECT_TRUE(isValidKeyType(CimType::String));
    EXPECT_TRUE(isValidKeyType(CimType::Uint32));
    EXPECT_TRUE(isValidKeyType(CimType::Reference));
    EXPECT_TRUE(isValidKeyType(CimType::DateTime));
    EXPECT_FALSE(isValidKeyType(CimType::Real32));
    EXPECT_FALSE(isValidKeyType(CimType::Real64));
    EXPECT_FALSE(isValidKeyType(CimType::Object));
    EXPECT_FALSE(isValidKeyType(CimType::Instance));
}

}  // namespace
}  // namespace wmimock
