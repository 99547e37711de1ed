// Value: typed factories, accessors, parsing of VALUE text, conversions, MOF/text output, equality.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <sstream>

#include "wmimock/cim/error.hpp"
#include "wmimock/cim/instance.hpp"
#include "wmimock/cim/object_path.hpp"
#include "wmimock/cim/value.hpp"

namespace wmimock {
namespace {

using ::testing::HasSubstr;

// Runs `f`, expecting a CimError with `status` whose message contains `fragment`.
template <typename F>
void expectCimError(F&& f, CimStatus status, std::string_view fragment) {
    try {
        f();
        ADD_FAILURE() << "expected CimError " << statusName(status);
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), status) << e.what();
        EXPECT_THAT(e.message(), HasSubstr(std::string(fragment)));
    }
}

TEST(Value, DefaultIsNullString) {
    const Value v;
    EXPECT_TRUE(v.isNull());
    EXPECT_FALSE(v.isArray());
    EXPECT_EQ(v.type(), CimType::String);
}

TEST(Value, NullIsDistinctFromEmptyStringAndEmptyArray) {
    EXPECT_NE(Value(), Value::string(""));
    EXPECT_FALSE(Value::string("").isNull());
    const Value emptyArray = Value::array(CimType::Uint8, {});
    EXPECT_FALSE(emptyArray.isNull());
    EXPECT_TRUE(emptyArray.asArray().empty());
    EXPECT_NE(emptyArray, Value::null(CimType::Uint8, true));
    EXPECT_EQ(Value::null(CimType::Uint8, true), Value::null(CimType::Uint8, true));
}

TEST(Value, TypedFactoriesKeepTypeAndValue) {
    EXPECT_EQ(Value::sint8(-128).asInt64(), -128);
    EXPECT_EQ(Value::sint8(-128).type(), CimType::Sint8);
    EXPECT_EQ(Value::sint16(-300).asInt64(), -300);
    EXPECT_EQ(Value::sint32(-70000).asInt64(), -70000);
    EXPECT_EQ(Value::sint64(std::numeric_limits<std::int64_t>::min()).asInt64(),
              std::numeric_limits<std::int64_t>::min());
    EXPECT_EQ(Value::uint8(255).asUint64(), 255u);
    EXPECT_EQ(Value::uint16(65535).type(), CimType::Uint16);
    EXPECT_EQ(Value::uint32(4000000000u).asUint64(), 4000000000u);
    EXPECT_EQ(Value::uint64(std::numeric_limits<std::uint64_t>::max()).asUint64(),
              std::numeric_limits<std::uint64_t>::max());
    EXPECT_FLOAT_EQ(static_cast<float>(Value::real32(1.25f).asReal()), 1.25f);
    EXPECT_DOUBLE_EQ(Value::real64(-2.5).asReal(), -2.5);
    EXPECT_EQ(Value::char16(u'\u00e9').asChar16(), u'\u00e9');
    EXPECT_EQ(Value::string("x").asString(), "x");
    EXPECT_TRUE(Value::boolean(true).asBool());
    EXPECT_EQ(Value::dateTime(CimDateTime()).asDateTime(), CimDateTime());
    const ObjectPath p("root/cimv2", "CIM_Service", {{"Name", Value::string("x")}});
    EXPECT_EQ(Value::reference(p).asReference(), p);
    EXPECT_EQ(Value::reference(p).type(), CimType::Reference);
}

TEST(Value, EmbeddedInstances) {
    Instance inner("CIM_Error");
    inner.set("CIMStatusCode", Value::uint32(6));
    const Value v = Value::embedded(inner);
    EXPECT_EQ(v.type(), CimType::Instance);
    EXPECT_EQ(v.asInstance().className(), "CIM_Error");
    EXPECT_EQ(Value::embedded(inner, CimType::Object).type(), CimType::Object);
    EXPECT_EQ(v, Value::embedded(inner, CimType::Object));  // same family
    expectCimError([&] { Value::embedded(inner, CimType::String); }, CimStatus::TypeMismatch, "instance or object");
}

TEST(Value, IntegerFactoryChecksRange) {
    EXPECT_EQ(Value::integer(CimType::Uint16, 65535).asUint64(), 65535u);
    EXPECT_EQ(Value::integer(CimType::Sint8, -128).asInt64(), -128);
    EXPECT_EQ(Value::integer(CimType::Uint64, std::numeric_limits<std::uint64_t>::max()).type(), CimType::Uint64);
    expectCimError([] { Value::integer(CimType::Uint16, 70000); }, CimStatus::InvalidParameter,
                   "value 70000 is out of range for uint16");
    expectCimError([] { Value::integer(CimType::Uint32, -1); }, CimStatus::InvalidParameter,
                   "value -1 is out of range for uint32");
    expectCimError([] { Value::integer(CimType::Sint8, 128u); }, CimStatus::InvalidParameter,
                   "value 128 is out of range for sint8");
    expectCimError([] { Value::integer(CimType::Sint64, std::numeric_limits<std::uint64_t>::max()); },
                   CimStatus::InvalidParameter, "out of range for sint64");
    expectCimError([] { Value::integer(CimType::String, 1); }, CimStatus::TypeMismatch, "not an integer type");
}

TEST(Value, ArrayFactoryChecksElements) {
    const Value a = Value::array(CimType::Uint16, {Value::uint16(1), Value::uint16(2)});
    EXPECT_TRUE(a.isArray());
    EXPECT_EQ(a.type(), CimType::Uint16);
    ASSERT_EQ(a.asArray().size(), 2u);
    EXPECT_EQ(a.asArray()[1].asUint64(), 2u);
    expectCimError(
        [] {
            Value::array(CimType::Uint16, {Value::uint16(1), Value::uint32(2)});
        },
        CimStatus::TypeMismatch, "element 1 of a uint16[] array is a uint32");
    expectCimError([] { Value::array(CimType::String, {Value()}); }, CimStatus::TypeMismatch, "is NULL");
}

TEST(Value, AccessorsRejectOtherKinds) {
    expectCimError([] { Value::string("1").asInt64(); }, CimStatus::TypeMismatch, "cannot read a string value as");
    expectCimError([] { Value::null(CimType::Uint32).asUint64(); }, CimStatus::TypeMismatch, "a NULL uint32");
    expectCimError([] { Value::uint8(1).asBool(); }, CimStatus::TypeMismatch, "as boolean");
    expectCimError([] { Value::array(CimType::Uint8, {}).asUint64(); }, CimStatus::TypeMismatch, "uint8[]");
    expectCimError([] { Value::uint8(1).asArray(); }, CimStatus::TypeMismatch, "an array");
    expectCimError([] { Value::string("x").asReference(); }, CimStatus::TypeMismatch, "reference");
    expectCimError([] { Value::string("x").asInstance(); }, CimStatus::TypeMismatch, "embedded instance");
    expectCimError([] { Value::boolean(true).asDateTime(); }, CimStatus::TypeMismatch, "datetime");
    expectCimError([] { Value::uint8(1).asChar16(); }, CimStatus::TypeMismatch, "char16");
    expectCimError([] { Value::uint8(1).asString(); }, CimStatus::TypeMismatch, "string");
}

TEST(Value, IntegerAccessorsCrossSignedness) {
    EXPECT_EQ(Value::uint32(7).asInt64(), 7);
    EXPECT_EQ(Value::sint16(7).asUint64(), 7u);
    EXPECT_DOUBLE_EQ(Value::sint16(-7).asReal(), -7.0);
    expectCimError([] { Value::sint8(-1).asUint64(); }, CimStatus::InvalidParameter, "-1 is out of range for uint64");
    expectCimError([] { Value::uint64(std::numeric_limits<std::uint64_t>::max()).asInt64(); },
                   CimStatus::InvalidParameter, "out of range for sint64");
}

TEST(ValueParse, Booleans) {
    EXPECT_TRUE(Value::parse(CimType::Boolean, "TRUE").asBool());
    EXPECT_TRUE(Value::parse(CimType::Boolean, "true").asBool());
    EXPECT_FALSE(Value::parse(CimType::Boolean, "False").asBool());
    EXPECT_TRUE(Value::parse(CimType::Boolean, " TRUE\n").asBool());
    expectCimError([] { Value::parse(CimType::Boolean, "1"); }, CimStatus::InvalidParameter,
                   "invalid boolean value '1': expected TRUE or FALSE");
    expectCimError([] { Value::parse(CimType::Boolean, "yes"); }, CimStatus::InvalidParameter, "expected TRUE");
}

TEST(ValueParse, DecimalHexAndBinaryIntegers) {
    EXPECT_EQ(Value::parse(CimType::Uint32, "42").asUint64(), 42u);
    EXPECT_EQ(Value::parse(CimType::Uint32, "+42").asUint64(), 42u);
    EXPECT_EQ(Value::parse(CimType::Uint32, "007").asUint64(), 7u);  // decimal, not octal
    EXPECT_EQ(Value::parse(CimType::Sint32, "-1").asInt64(), -1);
    EXPECT_EQ(Value::parse(CimType::Uint32, "0x1F").asUint64(), 31u);
    EXPECT_EQ(Value::parse(CimType::Uint32, "0X1f").asUint64(), 31u);
    EXPECT_EQ(Value::parse(CimType::Sint16, "-0x8000").asInt64(), -32768);
    EXPECT_EQ(Value::parse(CimType::Uint8, "101b").asUint64(), 5u);
    EXPECT_EQ(Value::parse(CimType::Uint8, "11111111B").asUint64(), 255u);
    EXPECT_EQ(Value::parse(CimType::Uint8, "-0").asUint64(), 0u);
    EXPECT_EQ(Value::parse(CimType::Uint16, "42").type(), CimType::Uint16);
}

TEST(ValueParse, IntegerBoundsOfEveryType) {
    const struct {
        CimType type;
        const char* min;
        const char* max;
        const char* belowMin;
        const char* aboveMax;
    } cases[] = {
        {CimType::Sint8, "-128", "127", "-129", "128"},
        {CimType::Uint8, "0", "255", "-1", "256"},
        {CimType::Sint16, "-32768", "32767", "-32769", "32768"},
        {CimType::Uint16, "0", "65535", "-1", "65536"},
        {CimType::Sint32, "-2147483648", "2147483647", "-2147483649", "2147483648"},
        {CimType::Uint32, "0", "4294967295", "-1", "4294967296"},
        {CimType::Sint64, "-9223372036854775808", "9223372036854775807", "-9223372036854775809", "9223372036854775808"},
        {CimType::Uint64, "0", "18446744073709551615", "-1", "18446744073709551616"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(std::string(toString(c.type)));
        EXPECT_EQ(Value::parse(c.type, c.min).toText(), c.min);
        EXPECT_EQ(Value::parse(c.type, c.max).toText(), c.max);
        expectCimError([&] { Value::parse(c.type, c.belowMin); }, CimStatus::InvalidParameter,
                       std::string("value ") + c.belowMin + " is out of range for " + std::string(toString(c.type)));
        expectCimError([&] { Value::parse(c.type, c.aboveMax); }, CimStatus::InvalidParameter,
                       std::string("value ") + c.aboveMax + " is out of range for " + std::string(toString(c.type)));
    }
}

TEST(ValueParse, OverflowingIntegersSayWhatAndWhere) {
    try {
        Value::parse(CimType::Uint16, "70000");
        FAIL();
    } catch (const CimError& e) {
        EXPECT_STREQ(e.what(), "CIM_ERR_INVALID_PARAMETER: value 70000 is out of range for uint16");
    }
    // 2^64 and beyond do not wrap.
    expectCimError([] { Value::parse(CimType::Uint64, "18446744073709551616"); }, CimStatus::InvalidParameter,
                   "value 18446744073709551616 is out of range for uint64");
    expectCimError([] { Value::parse(CimType::Uint64, "99999999999999999999999999"); }, CimStatus::InvalidParameter,
                   "out of range for uint64");
    expectCimError([] { Value::parse(CimType::Uint64, "0x10000000000000000"); }, CimStatus::InvalidParameter,
                   "out of range for uint64");
}

TEST(ValueParse, MalformedIntegers) {
    for (const char* bad : {"", "-", "+", "abc", "12a", "1.5", "0x", "0xG", "1 2", "2b", "--1", "1e3"}) {
        SCOPED_TRACE(bad);
        expectCimError([&] { Value::parse(CimType::Sint32, bad); }, CimStatus::InvalidParameter,
                       "invalid sint32 value '" + std::string(bad) + "'");
    }
}

TEST(ValueParse, Reals) {
    EXPECT_DOUBLE_EQ(Value::parse(CimType::Real64, "1.5e3").asReal(), 1500.0);
    EXPECT_DOUBLE_EQ(Value::parse(CimType::Real64, "-0.25").asReal(), -0.25);
    EXPECT_DOUBLE_EQ(Value::parse(CimType::Real64, ".5").asReal(), 0.5);
    EXPECT_DOUBLE_EQ(Value::parse(CimType::Real64, "+2").asReal(), 2.0);
    EXPECT_DOUBLE_EQ(Value::parse(CimType::Real64, "42").asReal(), 42.0);
    EXPECT_EQ(Value::parse(CimType::Real32, "1.25").type(), CimType::Real32);
    EXPECT_TRUE(std::isinf(Value::parse(CimType::Real64, "-INF").asReal()));
    EXPECT_TRUE(std::isnan(Value::parse(CimType::Real64, "NaN").asReal()));
    EXPECT_DOUBLE_EQ(Value::parse(CimType::Real64, "1e-400").asReal(), 0.0);  // underflow rounds to zero
    expectCimError([] { Value::parse(CimType::Real64, "1e400"); }, CimStatus::InvalidParameter,
                   "value 1e400 is out of range for real64");
    expectCimError([] { Value::parse(CimType::Real32, "1e39"); }, CimStatus::InvalidParameter,
                   "value 1e39 is out of range for real32");
    EXPECT_FLOAT_EQ(static_cast<float>(Value::parse(CimType::Real32, "3.4028235e+38").asReal()),
                    std::numeric_limits<float>::max());
    for (const char* bad : {"", "x", "1.2.3", "0x1p3", "1,5", "e5"}) {
        SCOPED_TRACE(bad);
        expectCimError([&] { Value::parse(CimType::Real64, bad); }, CimStatus::InvalidParameter, "invalid real64");
    }
}

TEST(ValueParse, Char16) {
    EXPECT_EQ(Value::parse(CimType::Char16, "a").asChar16(), u'a');
    EXPECT_EQ(Value::parse(CimType::Char16, "\xc3\xa9").asChar16(), u'\u00e9');
    EXPECT_EQ(Value::parse(CimType::Char16, "\xe2\x82\xac").asChar16(), u'\u20ac');
    EXPECT_EQ(Value::parse(CimType::Char16, " ").asChar16(), u' ');
    for (const char* bad : {"", "ab", "\xf0\x9f\x98\x80", "\xc3", "\xc0\x80", "\xed\xa0\x80"}) {
        expectCimError([&] { Value::parse(CimType::Char16, bad); }, CimStatus::InvalidParameter,
                       "expected exactly one UCS-2 character");
    }
}

TEST(ValueParse, StringsAreTakenVerbatim) {
    EXPECT_EQ(Value::parse(CimType::String, "  spaced \"q\"  ").asString(), "  spaced \"q\"  ");
    EXPECT_EQ(Value::parse(CimType::String, "").asString(), "");
}

TEST(ValueParse, DateTimeAndReference) {
    EXPECT_EQ(Value::parse(CimType::DateTime, "20261123101500.000000+060").asDateTime().year(), 2026);
    expectCimError([] { Value::parse(CimType::DateTime, "20261323101500.000000+060"); }, CimStatus::InvalidParameter,
                   "column 5: month 13");
    const Value ref = Value::parse(CimType::Reference, "root/cimv2:CIM_Service.Name=\"x\"");
    EXPECT_EQ(ref.asReference().className(), "CIM_Service");
    expectCimError([] { Value::parse(CimType::Reference, "X.Name=\"a"); }, CimStatus::InvalidParameter,
                   "unterminated string");
}

TEST(ValueParse, EmbeddedObjectsNeedADecoder) {
    expectCimError([] { Value::parse(CimType::Instance, "instance of X {};"); }, CimStatus::NotSupported,
                   "cannot be parsed from VALUE text");
}

TEST(ValueConvert, IdentityAndNull) {
    const Value v = Value::uint16(5);
    EXPECT_EQ(v.convertTo(CimType::Uint16, false), v);
    const Value n = Value().convertTo(CimType::Uint32, false);
    EXPECT_TRUE(n.isNull());
    EXPECT_EQ(n.type(), CimType::Uint32);
    const Value na = Value::null(CimType::String, true).convertTo(CimType::Uint8, true);
    EXPECT_TRUE(na.isNull());
    EXPECT_TRUE(na.isArray());
}

TEST(ValueConvert, IntegersWithRangeCheck) {
    const Value small = Value::sint64(300).convertTo(CimType::Uint16, false);
    EXPECT_EQ(small.type(), CimType::Uint16);
    EXPECT_EQ(small.asUint64(), 300u);
    expectCimError([] { Value::sint64(70000).convertTo(CimType::Uint16, false); }, CimStatus::InvalidParameter,
                   "value 70000 is out of range for uint16");
    expectCimError([] { Value::sint32(-1).convertTo(CimType::Uint8, false); }, CimStatus::InvalidParameter,
                   "value -1 is out of range for uint8");
    expectCimError([] { Value::uint64(1ULL << 63).convertTo(CimType::Sint64, false); }, CimStatus::InvalidParameter,
                   "out of range for sint64");
}

TEST(ValueConvert, IntegerToRealAndRealToReal) {
    const Value r = Value::uint32(7).convertTo(CimType::Real64, false);
    EXPECT_EQ(r.type(), CimType::Real64);
    EXPECT_DOUBLE_EQ(r.asReal(), 7.0);
    EXPECT_EQ(Value::sint8(-2).convertTo(CimType::Real32, false).type(), CimType::Real32);
    EXPECT_EQ(Value::real32(1.5f).convertTo(CimType::Real64, false).asReal(), 1.5);
    expectCimError([] { Value::real64(1e300).convertTo(CimType::Real32, false); }, CimStatus::InvalidParameter,
                   "out of range for real32");
    // Reals never silently become integers.
    expectCimError([] { Value::real64(3.0).convertTo(CimType::Uint16, false); }, CimStatus::TypeMismatch,
                   "cannot convert a real64 value to uint16");
}

TEST(ValueConvert, StringsAreParsed) {
    EXPECT_EQ(Value::string("20261123101500.000000+060").convertTo(CimType::DateTime, false).type(), CimType::DateTime);
    EXPECT_EQ(Value::string("X.k=1").convertTo(CimType::Reference, false).asReference().className(), "X");
    EXPECT_EQ(Value::string("c").convertTo(CimType::Char16, false).asChar16(), u'c');
    EXPECT_EQ(Value::string("12").convertTo(CimType::Uint8, false).asUint64(), 12u);
    expectCimError([] { Value::string("300").convertTo(CimType::Uint8, false); }, CimStatus::InvalidParameter,
                   "out of range for uint8");
    expectCimError([] { Value::string("not a date").convertTo(CimType::DateTime, false); }, CimStatus::InvalidParameter,
                   "invalid datetime");
    expectCimError([] { Value::string("x").convertTo(CimType::Instance, false); }, CimStatus::TypeMismatch,
                   "cannot convert a string value to instance");
}

TEST(ValueConvert, ScalarArrayMismatchIsTypeMismatch) {
    expectCimError([] { Value::uint16(1).convertTo(CimType::Uint16, true); }, CimStatus::TypeMismatch,
                   "cannot convert a uint16 value to uint16[]");
    expectCimError([] { Value::array(CimType::Uint16, {}).convertTo(CimType::Uint16, false); }, CimStatus::TypeMismatch,
                   "uint16[]");
    expectCimError([] { Value::null(CimType::Uint16, true).convertTo(CimType::Uint16, false); },
                   CimStatus::TypeMismatch, "cannot convert");
}

TEST(ValueConvert, ArraysElementWise) {
    const Value a = Value::array(CimType::Sint64, {Value::sint64(1), Value::sint64(2)});
    const Value b = a.convertTo(CimType::Uint8, true);
    EXPECT_EQ(b.type(), CimType::Uint8);
    ASSERT_EQ(b.asArray().size(), 2u);
    EXPECT_EQ(b.asArray()[0].type(), CimType::Uint8);
    EXPECT_EQ(b.asArray()[1].asUint64(), 2u);
    const Value bad = Value::array(CimType::Sint64, {Value::sint64(1), Value::sint64(256)});
    expectCimError([&] { bad.convertTo(CimType::Uint8, true); }, CimStatus::InvalidParameter,
                   "value 256 is out of range for uint8");
}

TEST(ValueConvert, UnrelatedTypesAreTypeMismatch) {
    expectCimError([] { Value::boolean(true).convertTo(CimType::Uint8, false); }, CimStatus::TypeMismatch, "boolean");
    expectCimError([] { Value::uint8(1).convertTo(CimType::String, false); }, CimStatus::TypeMismatch, "string");
    expectCimError([] { Value::dateTime(CimDateTime()).convertTo(CimType::String, false); }, CimStatus::TypeMismatch,
                   "datetime");
}

TEST(ValueText, ScalarsAsInCimXml) {
    EXPECT_EQ(Value::boolean(true).toText(), "TRUE");
    EXPECT_EQ(Value::boolean(false).toText(), "FALSE");
    EXPECT_EQ(Value::sint32(-5).toText(), "-5");
    EXPECT_EQ(Value::uint64(18446744073709551615ULL).toText(), "18446744073709551615");
    EXPECT_EQ(Value::real64(1.5).toText(), "1.5");
    EXPECT_EQ(Value::real32(0.1f).toText(), "0.1");  // shortest text that reads back as the same float
    EXPECT_EQ(Value::real64(std::numeric_limits<double>::infinity()).toText(), "INF");
    EXPECT_EQ(Value::char16(u'\u20ac').toText(), "\xe2\x82\xac");
    EXPECT_EQ(Value::string("a \"b\"").toText(), "a \"b\"");
    EXPECT_EQ(Value::dateTime(CimDateTime()).toText(), "00000000000000.000000:000");
    EXPECT_EQ(Value::reference(ObjectPath("root/cimv2", "X", {{"k", Value::uint8(1)}})).toText(), "root/cimv2:X.k=1");
    EXPECT_EQ(Value::array(CimType::Uint8, {Value::uint8(1), Value::uint8(2)}).toText(), "{1,2}");
    EXPECT_EQ(Value().toText(), "NULL");
}

TEST(ValueMof, Literals) {
    EXPECT_EQ(Value::boolean(true).toMof(), "TRUE");
    EXPECT_EQ(Value::uint16(42).toMof(), "42");
    EXPECT_EQ(Value::real64(1.5).toMof(), "1.5");
    EXPECT_EQ(Value::real64(2).toMof(), "2.0");
    EXPECT_EQ(Value::real64(1e20).toMof(), "1.0e+20");
    EXPECT_EQ(Value::char16(u'c').toMof(), "'c'");
    EXPECT_EQ(Value::char16(u'\'').toMof(), "'\\''");
    EXPECT_EQ(Value::string("say \"hi\"\\\n").toMof(), "\"say \\\"hi\\\"\\\\\\n\"");
    EXPECT_EQ(Value::string(std::string(1, '\x01')).toMof(), "\"\\x0001\"");
    EXPECT_EQ(Value::dateTime(CimDateTime()).toMof(), "\"00000000000000.000000:000\"");
    EXPECT_EQ(Value::reference(ObjectPath("", "X", {{"k", Value::string("v")}})).toMof(), "\"X.k=\\\"v\\\"\"");
    EXPECT_EQ(Value::array(CimType::String, {Value::string("a"), Value::string("b")}).toMof(), "{\"a\", \"b\"}");
    EXPECT_EQ(Value::array(CimType::String, {}).toMof(), "{}");
    EXPECT_EQ(Value::null(CimType::Uint32).toMof(), "NULL");
    std::ostringstream os;
    os << Value::uint8(7);
    EXPECT_EQ(os.str(), "7");
}

TEST(ValueMof, EmbeddedInstanceIsAQuotedMofString) {
    Instance inner("X");
    inner.set("k", Value::string("v"));
    EXPECT_EQ(Value::embedded(inner).toMof(), "\"instance of X\\n{\\n    k = \\\"v\\\";\\n};\\n\"");
}

TEST(ValueEquality, IntegersByNumberAcrossTypes) {
    EXPECT_EQ(Value::uint16(3), Value::sint64(3));
    EXPECT_EQ(Value::sint8(0), Value::uint64(0));
    EXPECT_NE(Value::sint64(-1), Value::uint64(std::numeric_limits<std::uint64_t>::max()));
    EXPECT_NE(Value::uint16(3), Value::uint16(4));
    EXPECT_EQ(Value::uint16(3).hash(), Value::sint64(3).hash());
    EXPECT_EQ(Value::uint64(0).hash(), Value::sint8(0).hash());
}

TEST(ValueEquality, FamiliesDoNotMix) {
    EXPECT_NE(Value::uint16(3), Value::real64(3));
    EXPECT_NE(Value::string("3"), Value::uint8(3));
    EXPECT_NE(Value::boolean(true), Value::uint8(1));
    EXPECT_NE(Value::null(CimType::String), Value::null(CimType::Uint8));
    EXPECT_EQ(Value::null(CimType::Uint8), Value::null(CimType::Sint64));
    EXPECT_NE(Value::uint8(1), Value::array(CimType::Uint8, {Value::uint8(1)}));
}

TEST(ValueEquality, StringsAreCaseSensitive) {
    EXPECT_NE(Value::string("abc"), Value::string("ABC"));
    EXPECT_EQ(Value::string("abc"), Value::string("abc"));
}

TEST(ValueEquality, RealsIncludingSpecialValues) {
    EXPECT_EQ(Value::real32(1.5f), Value::real64(1.5));
    EXPECT_EQ(Value::real64(0.0), Value::real64(-0.0));
    EXPECT_EQ(Value::real64(0.0).hash(), Value::real64(-0.0).hash());
    const double nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(Value::real64(nan), Value::real64(nan));
    EXPECT_EQ(Value::real64(nan).hash(), Value::real64(nan).hash());
}

TEST(ValueEquality, ArraysElementWise) {
    const auto a = Value::array(CimType::Uint8, {Value::uint8(1), Value::uint8(2)});
    const auto b = Value::array(CimType::Sint32, {Value::sint32(1), Value::sint32(2)});
    const auto c = Value::array(CimType::Uint8, {Value::uint8(2), Value::uint8(1)});
    EXPECT_EQ(a, b);
    EXPECT_EQ(a.hash(), b.hash());
    EXPECT_NE(a, c);
    EXPECT_NE(a, Value::array(CimType::Uint8, {Value::uint8(1)}));
}

TEST(ValueEquality, ReferencesAsPaths) {
    const Value a = Value::reference(ObjectPath::parse("ROOT/cimv2:cim_service.NAME=\"x\""));
    const Value b = Value::reference(ObjectPath::parse("root/cimv2:CIM_Service.Name=\"x\""));
    EXPECT_EQ(a, b);
    EXPECT_EQ(a.hash(), b.hash());
    EXPECT_NE(a, Value::reference(ObjectPath::parse("root/cimv2:CIM_Service.Name=\"X\"")));
}

}  // namespace
}  // namespace wmimock
