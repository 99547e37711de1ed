#include <gtest/gtest.h>

#include "wmimock/cim/error.hpp"
#include "wmimock/cim/instance.hpp"
#include "wmimock/cim/object_path.hpp"
#include "wmimock/cim/value.hpp"

namespace wmimock {
namespace {

TEST(ValueSmoke, ParsesAndRangeChecksIntegers) {
    EXPECT_EQ(Value::parse(CimType::Uint16, "42").asUint64(), 42u);
    EXPECT_EQ(Value::parse(CimType::Sint32, "-0x10").asInt64(), -16);
    try {
        Value::parse(CimType::Uint16, "70000");
        FAIL() << "expected an error";
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::InvalidParameter);
        EXPECT_STREQ(e.what(), "CIM_ERR_INVALID_PARAMETER: value 70000 is out of range for uint16");
    }
}

TEST(ValueSmoke, NullIsDistinctFromEmpty) {
    EXPECT_TRUE(Value().isNull());
    EXPECT_FALSE(Value::string("").isNull());
    EXPECT_NE(Value(), Value::string(""));
}

TEST(ValueSmoke, IntegersCompareByNumberAcrossTypes) {
    EXPECT_EQ(Value::uint16(3), Value::sint64(3));
    EXPECT_NE(Value::uint16(3), Value::real64(3));
}

}  // namespace
}  // namespace wmimock
