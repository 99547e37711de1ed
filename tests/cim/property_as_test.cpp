// propertyAs: reading what an implementation returned without throwing on a wrong answer.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "wmimock/cim/property_as.hpp"

namespace wmimock {
namespace {

Instance withProperty(Value value) {
    Instance i("CIM_Service");
    i.set("P", std::move(value));
    return i;
}

TEST(PropertyAs, AbsentAndNullAreNothing) {
    EXPECT_EQ(propertyAs<std::uint16_t>(Instance("CIM_Service"), "P"), std::nullopt);
    EXPECT_EQ(propertyAs<std::uint16_t>(withProperty(Value::null(CimType::Uint16)), "P"), std::nullopt);
    EXPECT_EQ(propertyAs<bool>(withProperty(Value::null(CimType::Boolean)), "P"), std::nullopt);
}

TEST(PropertyAs, AnyIntegerTypeReadsByValueWithinRange) {
    EXPECT_EQ(propertyAs<std::uint16_t>(withProperty(Value::uint16(2)), "P"), 2);
    EXPECT_EQ(propertyAs<std::uint16_t>(withProperty(Value::sint8(5)), "P"), 5);
    EXPECT_EQ(propertyAs<std::uint16_t>(withProperty(Value::uint64(65535)), "P"), 65535);
    EXPECT_EQ(propertyAs<std::uint16_t>(withProperty(Value::uint32(70000)), "P"), std::nullopt);
    EXPECT_EQ(propertyAs<std::uint32_t>(withProperty(Value::uint32(70000)), "P"), 70000U);
    EXPECT_EQ(propertyAs<std::uint16_t>(withProperty(Value::sint32(-1)), "P"), std::nullopt);
    EXPECT_EQ(propertyAs<std::uint64_t>(withProperty(Value::sint64(-1)), "P"), std::nullopt);
}

TEST(PropertyAs, AnotherKindOrArityIsNothing) {
    EXPECT_EQ(propertyAs<std::uint16_t>(withProperty(Value::string("2")), "P"), std::nullopt);
    EXPECT_EQ(propertyAs<std::uint16_t>(withProperty(Value::real64(2.0)), "P"), std::nullopt);
    EXPECT_EQ(propertyAs<bool>(withProperty(Value::uint8(1)), "P"), std::nullopt);
    EXPECT_EQ(propertyAs<std::string>(withProperty(Value::uint8(1)), "P"), std::nullopt);
    const Value states = Value::array(CimType::Uint16, {Value::uint16(2), Value::uint16(3)});
    EXPECT_EQ(propertyAs<std::uint16_t>(withProperty(states), "P"), std::nullopt);
    EXPECT_EQ(propertyAs<std::vector<std::uint16_t>>(withProperty(Value::uint16(2)), "P"), std::nullopt);
}

TEST(PropertyAs, ScalarsOfTheirOwnKind) {
    EXPECT_EQ(propertyAs<bool>(withProperty(Value::boolean(false)), "P"), false);
    EXPECT_EQ(propertyAs<std::string>(withProperty(Value::string("Manual")), "P"), "Manual");
    const CimDateTime when = CimDateTime::parse("20261203120000.000000+000");
    EXPECT_EQ(propertyAs<CimDateTime>(withProperty(Value::dateTime(when)), "P"), when);
}

TEST(PropertyAs, IntegerArraysKeepTheElementsInRange) {
    const Value states = Value::array(CimType::Uint32, {Value::uint32(2), Value::uint32(70000), Value::uint32(3)});
    EXPECT_EQ(propertyAs<std::vector<std::uint16_t>>(withProperty(states), "P"), (std::vector<std::uint16_t>{2, 3}));
    EXPECT_EQ(propertyAs<std::vector<std::uint16_t>>(withProperty(Value::array(CimType::Uint16, {})), "P"),
              std::vector<std::uint16_t>{});
    const Value names = Value::array(CimType::String, {Value::string("2")});
    EXPECT_EQ(propertyAs<std::vector<std::uint16_t>>(withProperty(names), "P"), std::nullopt);
}

}  // namespace
}  // namespace wmimock
