#include "wmimock/cim/value.hpp"

#include <cmath>
#include <limits>
#include <ostream>

#include "literal_text.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/instance.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/cim/object_path.hpp"

namespace wmimock {

namespace {

// Groups of types whose values compare with each other.
enum class Family { Boolean, Integer, Real, Char16, String, DateTime, Reference, Embedded };

Family familyOf(CimType t) noexcept {
    if (isInteger(t)) return Family::Integer;
    if (isReal(t)) return Family::Real;
    switch (t) {
        case CimType::Boolean:
            return Family::Boolean;
        case CimType::Char16:
            return Family::Char16;
        case CimType::DateTime:
            return Family::DateTime;
        case CimType::Reference:
            return Family::Reference;
        case CimType::Object:
        case CimType::Instance:
            return Family::Embedded;
        default:
            return Family::String;
    }
}

std::string typeLabel(CimType type, bool isArray) {
    std::string s(toString(type));
    if (isArray) s += "[]";
    return s;
}

[[noreturn]] void outOfRange(std::string_view valueText, CimType type) {
    throw CimError(CimStatus::InvalidParameter,
                   "value " + std::string(valueText) + " is out of range for " + std::string(toString(type)));
}

bool fitsSigned(CimType type, std::int64_t v) noexcept {
    const IntegerRange r = integerRange(type);
    return v >= r.min && (v < 0 || static_cast<std::uint64_t>(v) <= r.max);
}

bool fitsUnsigned(CimType type, std::uint64_t v) noexcept {
    return v <= integerRange(type).max;
}

void requireInteger(CimType type) {
    if (!isInteger(type)) {
        throw CimError(CimStatus::TypeMismatch, std::string(toString(type)) + " is not an integer type");
    }
}

// Doubles at or beyond the midpoint between FLT_MAX and 2^128 round to infinity as floats.
bool fitsReal32(double d) noexcept {
    static const double limit = std::ldexp(1.0, 128) - std::ldexp(1.0, 103);
    return !std::isfinite(d) || std::fabs(d) < limit;
}

std::size_t mix(std::size_t seed, std::size_t value) noexcept {
    return seed ^ (value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

}  // namespace

Value Value::null(CimType type, bool isArray) {
    return Value(type, isArray, std::monostate{});
}
Value Value::boolean(bool v) {
    return Value(CimType::Boolean, false, v);
}
Value Value::sint8(std::int8_t v) {
    return Value(CimType::Sint8, false, std::int64_t{v});
}
Value Value::sint16(std::int16_t v) {
    return Value(CimType::Sint16, false, std::int64_t{v});
}
Value Value::sint32(std::int32_t v) {
    return Value(CimType::Sint32, false, std::int64_t{v});
}
Value Value::sint64(std::int64_t v) {
    return Value(CimType::Sint64, false, v);
}
Value Value::uint8(std::uint8_t v) {
    return Value(CimType::Uint8, false, std::uint64_t{v});
}
Value Value::uint16(std::uint16_t v) {
    return Value(CimType::Uint16, false, std::uint64_t{v});
}
Value Value::uint32(std::uint32_t v) {
    return Value(CimType::Uint32, false, std::uint64_t{v});
}
Value Value::uint64(std::uint64_t v) {
    return Value(CimType::Uint64, false, v);
}
Value Value::real32(float v) {
    return Value(CimType::Real32, false, static_cast<double>(v));
}
Value Value::real64(double v) {
    return Value(CimType::Real64, false, v);
}
Value Value::char16(char16_t v) {
    return Value(CimType::Char16, false, v);
}
Value Value::string(std::string v) {
    return Value(CimType::String, false, std::make_shared<const std::string>(std::move(v)));
}
Value Value::dateTime(CimDateTime v) {
    return Value(CimType::DateTime, false, std::make_shared<const CimDateTime>(std::move(v)));
}
Value Value::reference(ObjectPath v) {
    return Value(CimType::Reference, false, std::make_shared<const ObjectPath>(std::move(v)));
}
Value Value::embedded(Instance v, CimType type) {
    if (type != CimType::Instance && type != CimType::Object) {
        throw CimError(CimStatus::TypeMismatch,
                       "an embedded instance needs type instance or object, not " + std::string(toString(type)));
    }
    return Value(type, false, std::make_shared<const Instance>(std::move(v)));
}

Value Value::integer(CimType type, std::int64_t v) {
    requireInteger(type);
    if (!fitsSigned(type, v)) outOfRange(std::to_string(v), type);
    if (isUnsignedInteger(type)) return Value(type, false, static_cast<std::uint64_t>(v));
    return Value(type, false, v);
}

Value Value::integer(CimType type, std::uint64_t v) {
    requireInteger(type);
    if (!fitsUnsigned(type, v)) outOfRange(std::to_string(v), type);
    if (isSignedInteger(type)) return Value(type, false, static_cast<std::int64_t>(v));
    return Value(type, false, v);
}

Value Value::array(CimType elementType, std::vector<Value> elements) {
    for (std::size_t i = 0; i < elements.size(); ++i) {
        const Value& e = elements[i];
        if (e.isArray() || e.isNull() || e.type() != elementType) {
            throw CimError(CimStatus::TypeMismatch,
                           "element " + std::to_string(i) + " of a " + typeLabel(elementType, true) + " array is " +
                               (e.isNull() ? std::string("NULL") : "a " + typeLabel(e.type(), e.isArray())));
        }
    }
    return Value(elementType, true, std::make_shared<const std::vector<Value>>(std::move(elements)));
}

Value Value::parse(CimType type, std::string_view text) {
    const auto invalid = [&](std::string_view what) -> CimError {
        return CimError(CimStatus::InvalidParameter, "invalid " + std::string(toString(type)) + " value '" +
                                                         std::string(text) + "': " + std::string(what));
    };
    if (isInteger(type)) {
        const std::string_view t = detail::trimSpaces(text);
        const auto lit = detail::parseIntegerLiteral(t);
        if (!lit) throw invalid("expected a decimal, 0x hexadecimal or b-suffixed binary integer");
        if (lit->overflow) outOfRange(t, type);
        if (lit->negative) {
            if (lit->magnitude == 0) return integer(type, std::uint64_t{0});
            const IntegerRange r = integerRange(type);
            // |min| as unsigned, without overflowing on INT64_MIN.
            const std::uint64_t limit = r.min == 0 ? 0 : static_cast<std::uint64_t>(-(r.min + 1)) + 1;
            if (lit->magnitude > limit) outOfRange(t, type);
            const auto v = static_cast<std::int64_t>(0 - lit->magnitude);  // two's complement, in range
            return integer(type, v);
        }
        if (!fitsUnsigned(type, lit->magnitude)) outOfRange(t, type);
        return integer(type, lit->magnitude);
    }
    switch (type) {
        case CimType::Boolean: {
            const std::string_view t = detail::trimSpaces(text);
            if (iequals(t, "TRUE")) return boolean(true);
            if (iequals(t, "FALSE")) return boolean(false);
            throw invalid("expected TRUE or FALSE");
        }
        case CimType::Real32:
        case CimType::Real64: {
            const std::string_view t = detail::trimSpaces(text);
            const auto v = detail::parseRealLiteral(t);
            if (!v) throw invalid("expected a real number such as 1.5, -2e10, INF or NaN");
            if (std::isinf(*v) && !detail::isInfinityLiteral(t)) outOfRange(t, type);
            if (type == CimType::Real64) return real64(*v);
            if (!fitsReal32(*v)) outOfRange(t, type);
            return real32(static_cast<float>(*v));
        }
        case CimType::Char16: {
            auto c = detail::decodeSingleUtf8(text);
            // " x " is the character x with the padding a CIM-XML VALUE may carry.
            if (!c && !detail::trimSpaces(text).empty()) c = detail::decodeSingleUtf8(detail::trimSpaces(text));
            if (!c) throw invalid("expected exactly one UCS-2 character");
            return char16(*c);
        }
        case CimType::String:
            return string(std::string(text));
        case CimType::DateTime:
            return dateTime(CimDateTime::parse(detail::trimSpaces(text)));
        case CimType::Reference:
            return reference(ObjectPath::parse(detail::trimSpaces(text)));
        case CimType::Object:
        case CimType::Instance:
            throw CimError(CimStatus::NotSupported,
                           "an embedded " + std::string(toString(type)) +
                               " cannot be parsed from VALUE text; decode its MOF or CIM-XML instead");
        default:
            break;
    }
    throw invalid("unknown type");
}

namespace {
[[noreturn]] void wrongKind(const Value& v, std::string_view wanted) {
    std::string what = "cannot read ";
    if (v.isNull()) {
        what += "a NULL " + typeLabel(v.type(), v.isArray());
    } else {
        what += "a " + typeLabel(v.type(), v.isArray()) + " value";
    }
    what += " as ";
    what += wanted;
    throw CimError(CimStatus::TypeMismatch, what);
}
}  // namespace

bool Value::asBool() const {
    if (array_ || !std::holds_alternative<bool>(data_)) wrongKind(*this, "boolean");
    return std::get<bool>(data_);
}

std::int64_t Value::asInt64() const {
    if (!array_) {
        if (const auto* s = std::get_if<std::int64_t>(&data_)) return *s;
        if (const auto* u = std::get_if<std::uint64_t>(&data_)) {
            if (*u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
                outOfRange(std::to_string(*u), CimType::Sint64);
            }
            return static_cast<std::int64_t>(*u);
        }
    }
    wrongKind(*this, "sint64");
}

std::uint64_t Value::asUint64() const {
    if (!array_) {
        if (const auto* u = std::get_if<std::uint64_t>(&data_)) return *u;
        if (const auto* s = std::get_if<std::int64_t>(&data_)) {
            if (*s < 0) outOfRange(std::to_string(*s), CimType::Uint64);
            return static_cast<std::uint64_t>(*s);
        }
    }
    wrongKind(*this, "uint64");
}

double Value::asReal() const {
    if (!array_) {
        if (const auto* d = std::get_if<double>(&data_)) return *d;
        if (const auto* s = std::get_if<std::int64_t>(&data_)) return static_cast<double>(*s);
        if (const auto* u = std::get_if<std::uint64_t>(&data_)) return static_cast<double>(*u);
    }
    wrongKind(*this, "real64");
}

char16_t Value::asChar16() const {
    if (array_ || !std::holds_alternative<char16_t>(data_)) wrongKind(*this, "char16");
    return std::get<char16_t>(data_);
}

const std::string& Value::asString() const {
    if (array_ || !std::holds_alternative<StringPtr>(data_)) wrongKind(*this, "string");
    return *std::get<StringPtr>(data_);
}

const CimDateTime& Value::asDateTime() const {
    if (array_ || !std::holds_alternative<DateTimePtr>(data_)) wrongKind(*this, "datetime");
    return *std::get<DateTimePtr>(data_);
}

const ObjectPath& Value::asReference() const {
    if (array_ || !std::holds_alternative<PathPtr>(data_)) wrongKind(*this, "reference");
    return *std::get<PathPtr>(data_);
}

const Instance& Value::asInstance() const {
    if (array_ || !std::holds_alternative<InstancePtr>(data_)) wrongKind(*this, "embedded instance");
    return *std::get<InstancePtr>(data_);
}

const std::vector<Value>& Value::asArray() const {
    if (!array_ || !std::holds_alternative<ArrayPtr>(data_)) wrongKind(*this, "an array");
    return *std::get<ArrayPtr>(data_);
}

Value Value::convertTo(CimType target, bool isArray) const {
    if (target == type_ && isArray == array_) return *this;
    const auto mismatch = [&]() -> CimError {
        return CimError(CimStatus::TypeMismatch,
                        "cannot convert a " + typeLabel(type_, array_) + " value to " + typeLabel(target, isArray));
    };
    if (isArray != array_) throw mismatch();
    if (isNull()) return null(target, isArray);
    if (array_) {
        std::vector<Value> converted;
        converted.reserve(asArray().size());
        for (const Value& e : asArray()) converted.push_back(e.convertTo(target, false));
        return Value(target, true, std::make_shared<const std::vector<Value>>(std::move(converted)));
    }
    if (isInteger(type_) && isInteger(target)) {
        if (const auto* s = std::get_if<std::int64_t>(&data_)) return integer(target, *s);
        return integer(target, std::get<std::uint64_t>(data_));
    }
    if (isInteger(type_) && isReal(target)) {
        const double d = asReal();
        return target == CimType::Real32 ? real32(static_cast<float>(d)) : real64(d);
    }
    if (isReal(type_) && isReal(target)) {
        const double d = std::get<double>(data_);
        if (target == CimType::Real64) return real64(d);
        if (!fitsReal32(d)) outOfRange(detail::formatReal64(d), target);
        return real32(static_cast<float>(d));
    }
    if (familyOf(type_) == Family::Embedded && familyOf(target) == Family::Embedded) {
        return Value(target, false, data_);
    }
    if (type_ == CimType::String && target != CimType::Object && target != CimType::Instance) {
        // Untyped CIM-XML values and WBEM URI keys arrive as text.
        return parse(target, *std::get<StringPtr>(data_));
    }
    throw mismatch();
}

namespace {
std::string scalarMof(const Value& v);

std::string scalarText(const Value& v) {
    switch (v.type()) {
        case CimType::Boolean:
            return v.asBool() ? "TRUE" : "FALSE";
        case CimType::Real32:
            return detail::formatReal32(static_cast<float>(v.asReal()));
        case CimType::Real64:
            return detail::formatReal64(v.asReal());
        case CimType::Char16: {
            std::string s;
            detail::appendUtf8(s, v.asChar16());
            return s;
        }
        case CimType::String:
            return v.asString();
        case CimType::DateTime:
            return v.asDateTime().toString();
        case CimType::Reference:
            return v.asReference().toString();
        case CimType::Object:
        case CimType::Instance:
            return v.asInstance().toMof();
        default:
            if (isSignedInteger(v.type())) return std::to_string(v.asInt64());
            return std::to_string(v.asUint64());
    }
}

// Appends rather than prepends: `"'" + body` trips GCC 12's -Wrestrict false positive.
std::string quoted(std::string_view body, char quote) {
    std::string out;
    out.reserve(body.size() + 2);
    out += quote;
    out += body;
    out += quote;
    return out;
}

std::string scalarMof(const Value& v) {
    switch (v.type()) {
        case CimType::Real32:
        case CimType::Real64: {
            // MOF real literals need a '.' in the mantissa ("1.0e+20", not "1e+20").
            std::string s = scalarText(v);
            if (s.find_first_of(".IN") == std::string::npos) {
                const auto e = s.find_first_of("eE");
                s.insert(e == std::string::npos ? s.size() : e, ".0");
            }
            return s;
        }
        case CimType::Char16:
            return quoted(detail::escapeMof(scalarText(v), '\''), '\'');
        case CimType::String:
        case CimType::DateTime:
        case CimType::Reference:
        case CimType::Object:
        case CimType::Instance:
            return quoted(detail::escapeMof(scalarText(v), '"'), '"');
        default:
            return scalarText(v);
    }
}
}  // namespace

std::string Value::toMof() const {
    if (isNull()) return "NULL";
    if (!array_) return scalarMof(*this);
    std::string out = "{";
    bool first = true;
    for (const Value& e : asArray()) {
        if (!first) out += ", ";
        first = false;
        out += e.toMof();
    }
    out += "}";
    return out;
}

std::string Value::toText() const {
    if (isNull()) return "NULL";
    if (!array_) return scalarText(*this);
    std::string out = "{";
    bool first = true;
    for (const Value& e : asArray()) {
        if (!first) out += ",";
        first = false;
        out += e.toText();
    }
    out += "}";
    return out;
}

bool operator==(const Value& a, const Value& b) {
    if (a.array_ != b.array_ || familyOf(a.type_) != familyOf(b.type_)) return false;
    if (a.isNull() || b.isNull()) return a.isNull() && b.isNull();
    if (a.array_) {
        const auto& x = a.asArray();
        const auto& y = b.asArray();
        if (x.size() != y.size()) return false;
        for (std::size_t i = 0; i < x.size(); ++i) {
            if (!(x[i] == y[i])) return false;
        }
        return true;
    }
    switch (familyOf(a.type_)) {
        case Family::Integer: {
            const auto* as = std::get_if<std::int64_t>(&a.data_);
            const auto* bs = std::get_if<std::int64_t>(&b.data_);
            if (as && bs) return *as == *bs;
            const auto* au = std::get_if<std::uint64_t>(&a.data_);
            const auto* bu = std::get_if<std::uint64_t>(&b.data_);
            if (au && bu) return *au == *bu;
            // One signed, one unsigned: equal only if the signed one is non-negative and matches.
            const std::int64_t s = as ? *as : *bs;
            const std::uint64_t u = au ? *au : *bu;
            return s >= 0 && static_cast<std::uint64_t>(s) == u;
        }
        case Family::Real: {
            const double x = std::get<double>(a.data_);
            const double y = std::get<double>(b.data_);
            return x == y || (std::isnan(x) && std::isnan(y));
        }
        case Family::String:
            return a.asString() == b.asString();
        case Family::DateTime:
            return a.asDateTime() == b.asDateTime();
        case Family::Reference:
            return a.asReference() == b.asReference();
        case Family::Embedded:
            return a.asInstance() == b.asInstance();
        default:
            return a.data_ == b.data_;
    }
}

std::size_t Value::hash() const noexcept {
    std::size_t h = static_cast<std::size_t>(familyOf(type_)) * 31 + (array_ ? 1 : 0);
    if (isNull()) return mix(h, 0x6e756c6c);
    try {
        if (array_) {
            for (const Value& e : asArray()) h = mix(h, e.hash());
            return h;
        }
        switch (familyOf(type_)) {
            case Family::Integer:
                // Non-negative values hash as uint64 whichever alternative holds them.
                if (const auto* s = std::get_if<std::int64_t>(&data_); s && *s < 0) {
                    return mix(h, std::hash<std::int64_t>{}(*s));
                }
                return mix(h, std::hash<std::uint64_t>{}(asUint64()));
            case Family::Real: {
                const double d = std::get<double>(data_);
                if (std::isnan(d)) return mix(h, 0x4e614e);
                return mix(h, std::hash<double>{}(d == 0.0 ? 0.0 : d));  // +0 and -0 are equal
            }
            case Family::Boolean:
                return mix(h, std::get<bool>(data_) ? 1 : 2);
            case Family::Char16:
                return mix(h, std::hash<char16_t>{}(std::get<char16_t>(data_)));
            case Family::String:
                return mix(h, std::hash<std::string>{}(*std::get<StringPtr>(data_)));
            case Family::DateTime:
                return mix(h, std::hash<std::string>{}(asDateTime().toString()));
            case Family::Reference:
                return mix(h, asReference().hash());
            case Family::Embedded:
                return mix(h, ihash(asInstance().className()));
        }
    } catch (...) {
        // Only allocation can fail here; a weaker hash is still consistent with operator==.
    }
    return h;
}

std::ostream& operator<<(std::ostream& os, const Value& v) {
    return os << v.toMof();
}

}  // namespace wmimock
