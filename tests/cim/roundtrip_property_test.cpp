// Property-based round trips: every text this library writes reads back to the same value.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "wmimock/cim/datetime.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/cim/object_path.hpp"
#include "wmimock/cim/value.hpp"

namespace wmimock {
namespace {

std::string padded(std::int64_t v, int width) {
    std::string s = std::to_string(v);
    return std::string(static_cast<std::size_t>(width) - s.size(), '0') + s;
}

int daysIn(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

rc::Gen<std::string> genTimestampText() {
    return rc::gen::exec([] {
        const int year = *rc::gen::inRange(0, 10000);
        const int month = *rc::gen::inRange(1, 13);
        const int day = *rc::gen::inRange(1, daysIn(year, month) + 1);
        const int offset = *rc::gen::inRange(-999, 1000);
        return padded(year, 4) + padded(month, 2) + padded(day, 2) + padded(*rc::gen::inRange(0, 24), 2) +
               padded(*rc::gen::inRange(0, 60), 2) + padded(*rc::gen::inRange(0, 60), 2) + "." +
               padded(*rc::gen::inRange(0, 1000000), 6) + (offset < 0 ? "-" : "+") +
               padded(offset < 0 ? -offset : offset, 3);
    });
}

rc::Gen<std::string> genIntervalText() {
    return rc::gen::exec([] {
        return padded(*rc::gen::inRange(0, 100000000), 8) + padded(*rc::gen::inRange(0, 24), 2) +
               padded(*rc::gen::inRange(0, 60), 2) + padded(*rc::gen::inRange(0, 60), 2) + "." +
               padded(*rc::gen::inRange(0, 1000000), 6) + ":000";
    });
}

rc::Gen<std::string> genIdentifier() {
    return rc::gen::exec([] {
        static const std::string kStart = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_";
        static const std::string kRest = kStart + "0123456789";
        std::string s(1, kStart[static_cast<std::size_t>(*rc::gen::inRange<int>(0, int(kStart.size())))]);
        const int extra = *rc::gen::inRange(0, 12);
        for (int i = 0; i < extra; ++i)
            s += kRest[static_cast<std::size_t>(*rc::gen::inRange<int>(0, int(kRest.size())))];
        return s;
    });
}

// Strings rich in the characters paths must escape.
rc::Gen<std::string> genTrickyString() {
    return rc::gen::oneOf(rc::gen::arbitrary<std::string>(),
                          rc::gen::container<std::string>(
                              rc::gen::element('"', '\\', ',', '.', '=', ':', '@', '\'', 'a', 'Z', ' ', '/')));
}

rc::Gen<Value> genKeyValue(bool allowReferences);

rc::Gen<ObjectPath> genPath(bool allowReferences) {
    return rc::gen::exec([allowReferences] {
        ObjectPath p;
        if (*rc::gen::arbitrary<bool>()) p.setHost(*rc::gen::element<std::string>(".", "localhost", "srv01.example"));
        const int segments = *rc::gen::inRange(0, 4);
        std::string ns;
        for (int i = 0; i < segments; ++i) {
            if (i > 0) ns += '/';
            ns += *genIdentifier();
        }
        p.setNameSpace(ns);
        p.setClassName(*genIdentifier());
        const int shape = *rc::gen::inRange(0, 10);
        if (shape == 0) {
            p.setSingleton(true);
        } else if (shape > 1) {
            const int keys = *rc::gen::inRange(1, 5);
            for (int i = 0; i < keys; ++i) {
                const std::string name = *genIdentifier();
                if (p.key(name) == nullptr) p.setKey(name, *genKeyValue(allowReferences));
            }
        }
        return p;
    });
}

rc::Gen<Value> genKeyValue(bool allowReferences) {
    std::vector<rc::Gen<Value>> gens = {
        rc::gen::map(genTrickyString(), [](std::string s) { return Value::string(std::move(s)); }),
        rc::gen::map(rc::gen::arbitrary<std::int64_t>(), [](std::int64_t v) { return Value::sint64(v); }),
        rc::gen::map(rc::gen::arbitrary<std::uint64_t>(), [](std::uint64_t v) { return Value::uint64(v); }),
        rc::gen::map(rc::gen::arbitrary<std::uint16_t>(), [](std::uint16_t v) { return Value::uint16(v); }),
        rc::gen::map(rc::gen::arbitrary<bool>(), [](bool v) { return Value::boolean(v); }),
        rc::gen::map(genTimestampText(), [](std::string s) { return Value::dateTime(CimDateTime::parse(s)); }),
    };
    if (allowReferences) {
        gens.push_back(rc::gen::map(genPath(false), [](ObjectPath p) {
            p.setHost("");  // a nested reference's host is not part of its identity
            return Value::reference(std::move(p));
        }));
    }
    return rc::gen::exec(
        [gens] { return *gens[static_cast<std::size_t>(*rc::gen::inRange<int>(0, int(gens.size())))]; });
}

char16_t toBmp(char16_t c) {
    return (c >= 0xD800 && c <= 0xDFFF) ? char16_t(c - 0x1000) : c;
}

// Value::parse(type, v.toText()) == v for every scalar type.
RC_GTEST_PROP(ValueRoundTrip, Boolean, (bool v)) {
    RC_ASSERT(Value::parse(CimType::Boolean, Value::boolean(v).toText()) == Value::boolean(v));
}

RC_GTEST_PROP(ValueRoundTrip, Integers, (std::int64_t s, std::uint64_t u)) {
    const Value values[] = {Value::sint8(static_cast<std::int8_t>(s)),
                            Value::uint8(static_cast<std::uint8_t>(u)),
                            Value::sint16(static_cast<std::int16_t>(s)),
                            Value::uint16(static_cast<std::uint16_t>(u)),
                            Value::sint32(static_cast<std::int32_t>(s)),
                            Value::uint32(static_cast<std::uint32_t>(u)),
                            Value::sint64(s),
                            Value::uint64(u)};
    for (const Value& v : values) {
        const Value back = Value::parse(v.type(), v.toText());
        RC_ASSERT(back.type() == v.type());
        RC_ASSERT(back == v);
    }
}

RC_GTEST_PROP(ValueRoundTrip, Reals, (float f, double d)) {
    const Value r32 = Value::real32(f);
    const Value r64 = Value::real64(d);
    RC_ASSERT(Value::parse(CimType::Real32, r32.toText()) == r32);
    RC_ASSERT(Value::parse(CimType::Real64, r64.toText()) == r64);
}

RC_GTEST_PROP(ValueRoundTrip, Char16, (char16_t c)) {
    const Value v = Value::char16(toBmp(c));
    RC_ASSERT(Value::parse(CimType::Char16, v.toText()) == v);
}

RC_GTEST_PROP(ValueRoundTrip, String, (std::string s)) {
    RC_ASSERT(Value::parse(CimType::String, Value::string(s).toText()) == Value::string(s));
}

RC_GTEST_PROP(ValueRoundTrip, DateTimeAndReference, ()) {
    const Value dt = Value::dateTime(CimDateTime::parse(*genTimestampText()));
    RC_ASSERT(Value::parse(CimType::DateTime, dt.toText()) == dt);
    ObjectPath p = *genPath(true);
    p.setHost("");
    const Value ref = Value::reference(p);
    RC_ASSERT(Value::parse(CimType::Reference, ref.toText()) == ref);
}

RC_GTEST_PROP(ValueRoundTrip, ArbitraryTextParsesOrThrowsCimError, (std::string text)) {
    static constexpr CimType kTypes[] = {CimType::Boolean,  CimType::Sint8,    CimType::Uint16, CimType::Sint64,
                                         CimType::Uint64,   CimType::Real32,   CimType::Real64, CimType::Char16,
                                         CimType::DateTime, CimType::Reference};
    for (CimType type : kTypes) {
        try {
            const Value v = Value::parse(type, text);
            RC_ASSERT(v.type() == type);
            RC_ASSERT(Value::parse(type, v.toText()) == v);  // whatever was accepted is written back readably
        } catch (const CimError& e) {
            RC_ASSERT(e.status() == CimStatus::InvalidParameter);
        }
    }
}

RC_GTEST_PROP(ValueRoundTrip, IntegersConvertBackAndForth, (std::int64_t s)) {
    // Widening then narrowing is lossless whenever the narrow type can hold the value.
    const Value wide = Value::sint64(s);
    const bool fits = s >= 0 && s <= 65535;
    if (fits) {
        RC_ASSERT(wide.convertTo(CimType::Uint16, false).convertTo(CimType::Sint64, false) == wide);
    } else {
        RC_ASSERT_THROWS_AS(wide.convertTo(CimType::Uint16, false), CimError);
    }
}

RC_GTEST_PROP(DateTimeRoundTrip, Timestamps, ()) {
    const std::string text = *genTimestampText();
    const CimDateTime dt = CimDateTime::parse(text);
    RC_ASSERT(dt.isTimestamp());
    RC_ASSERT(dt.toString() == text);
    RC_ASSERT(CimDateTime::parse(dt.toString()) == dt);
    // Through time_point and back with the same offset, where system_clock can hold the instant.
    if (dt.year() > 1678 && dt.year() < 2262) {
        RC_ASSERT(CimDateTime::timestamp(dt.toTimePoint(), dt.utcOffsetMinutes()) == dt);
    } else if (dt.year() < 1677 || dt.year() > 2262) {
        RC_ASSERT_THROWS_AS(dt.toTimePoint(), CimError);
    }
}

RC_GTEST_PROP(DateTimeRoundTrip, Intervals, ()) {
    const std::string text = *genIntervalText();
    const CimDateTime dt = CimDateTime::parse(text);
    RC_ASSERT(dt.isInterval());
    RC_ASSERT(dt.toString() == text);
    RC_ASSERT(CimDateTime::interval(dt.toDuration()) == dt);
}

RC_GTEST_PROP(ObjectPathRoundTrip, BothSpellings, ()) {
    const ObjectPath p = *genPath(true);
    const std::string wbem = p.toString();
    const ObjectPath fromWbem = ObjectPath::parse(wbem);
    RC_ASSERT(fromWbem == p);
    RC_ASSERT(fromWbem.hash() == p.hash());
    RC_ASSERT(fromWbem.host() == p.host());
    RC_ASSERT(fromWbem.toString() == wbem);  // canonical text is a fixed point

    const ObjectPath fromWmi = ObjectPath::parse(p.toWmiString());
    RC_ASSERT(fromWmi == p);
    RC_ASSERT(fromWmi.hash() == p.hash());
    if (!p.host().empty()) RC_ASSERT(fromWmi.host() == p.host());

    const ObjectPath relative = ObjectPath::parse(p.toRelativeString());
    RC_ASSERT(iequals(relative.className(), p.className()));
    RC_ASSERT(relative.keys().size() == p.keys().size());
}

RC_GTEST_PROP(ObjectPathRoundTrip, KeyOrderAndCaseDoNotMatter, ()) {
    ObjectPath p = *genPath(false);
    p.setSingleton(false);
    p.setKey("Key_A", *genKeyValue(false));
    p.setKey("key_b", *genKeyValue(false));
    std::vector<KeyBinding> reversed(p.keys().rbegin(), p.keys().rend());
    for (KeyBinding& k : reversed) k.name = toLower(k.name);
    const ObjectPath q(toLower(p.nameSpace()), toLower(p.className()), reversed);
    RC_ASSERT(q == p);
    RC_ASSERT(q.hash() == p.hash());
}

RC_GTEST_PROP(ObjectPathRoundTrip, ArbitraryTextNeverCrashes, (std::string text)) {
    std::string error;
    const auto p = ObjectPath::tryParse(text, &error);
    if (p) {
        RC_ASSERT(ObjectPath::parse(p->toString()) == *p);
    } else {
        RC_ASSERT(error.rfind("invalid object path '", 0) == 0);
        RC_ASSERT(error.find("': column ") != std::string::npos);
    }
}

RC_GTEST_PROP(DateTimeRoundTrip, ArbitraryTextNeverCrashes, (std::string text)) {
    std::string error;
    if (const auto dt = CimDateTime::tryParse(text, &error)) {
        RC_ASSERT(dt->toString().size() == 25u);
    } else {
        RC_ASSERT(error.find("column ") != std::string::npos);
    }
}

}  // namespace
}  // namespace wmimock
