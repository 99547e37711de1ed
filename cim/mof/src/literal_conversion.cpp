#include "literal_conversion.hpp"

#include <cmath>
#include <limits>
#include <type_traits>
#include <utility>

#include "wmimock/cim/datetime.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/object_path.hpp"

namespace wmimock::mof::detail {

namespace {

std::string describeLiteral(const AstValue& v) {
    switch (v.kind) {
        case AstValue::Kind::Null:
            return "NULL";
        case AstValue::Kind::Boolean:
            return v.boolean ? "boolean TRUE" : "boolean FALSE";
        case AstValue::Kind::Integer:
            return std::string("integer ") + (v.negative ? "-" : "") + std::to_string(v.magnitude);
        case AstValue::Kind::Real:
            return "real " + std::to_string(v.real);
        case AstValue::Kind::String: {
            constexpr std::size_t kMax = 24;
            std::string shown = v.text.size() > kMax ? v.text.substr(0, kMax) + "..." : v.text;
            return "string \"" + shown + "\"";
        }
        case AstValue::Kind::Char16:
            return "char16 literal";
        case AstValue::Kind::Alias:
            return "alias $" + v.text;
        case AstValue::Kind::Array:
            return "array value";
    }
    return "value";
}

std::optional<Value> mismatch(const AstValue& v, CimType type, std::string& error) {
    error = "expected a " + std::string(toString(type)) + " value, found " + describeLiteral(v);
    return std::nullopt;
}

std::optional<Value> convertInteger(const AstValue& v, CimType type, std::string& error) {
    const IntegerRange range = integerRange(type);
    if (v.negative) {
        // -magnitude >= range.min  <=>  magnitude <= -range.min (computed without overflow)
        const std::uint64_t limit = static_cast<std::uint64_t>(-(range.min + 1)) + 1;
        if (range.min == 0 || v.magnitude > limit) {
            error = "value -" + std::to_string(v.magnitude) + " is out of range for " + std::string(toString(type));
            return std::nullopt;
        }
        const std::int64_t signedValue = v.magnitude == limit ? range.min : -static_cast<std::int64_t>(v.magnitude);
        return Value::integer(type, signedValue);
    }
    if (v.magnitude > range.max) {
        error = "value " + std::to_string(v.magnitude) + " is out of range for " + std::string(toString(type));
        return std::nullopt;
    }
    return Value::integer(type, v.magnitude);
}

double integerAsDouble(const AstValue& v) {
    const auto d = static_cast<double>(v.magnitude);
    return v.negative ? -d : d;
}

// Literal is `const AstValue&` (strings are copied) or `AstValue&` (strings are moved).
template <class Literal>
std::optional<Value> convertScalar(Literal& v, CimType type, std::string& error) {
    if (v.kind == AstValue::Kind::Null) return Value::null(type);
    if (v.kind == AstValue::Kind::Array) {
        error = "expected a " + std::string(toString(type)) + " value, found an array";
        return std::nullopt;
    }
    if (isInteger(type)) {
        if (v.kind != AstValue::Kind::Integer) return mismatch(v, type, error);
        return convertInteger(v, type, error);
    }
    switch (type) {
        case CimType::Boolean:
            if (v.kind != AstValue::Kind::Boolean) return mismatch(v, type, error);
            return Value::boolean(v.boolean);
        case CimType::Real32:
        case CimType::Real64: {
            double d = 0;
            if (v.kind == AstValue::Kind::Real) {
                d = v.real;
            } else if (v.kind == AstValue::Kind::Integer) {
                d = integerAsDouble(v);
            } else {
                return mismatch(v, type, error);
            }
            if (type == CimType::Real64) return Value::real64(d);
            if (std::fabs(d) > static_cast<double>(std::numeric_limits<float>::max())) {
                error = "value " + std::to_string(d) + " is out of range for real32";
                return std::nullopt;
            }
            return Value::real32(static_cast<float>(d));
        }
        case CimType::Char16:
            // pywbem and cimmofl also take a one-character string ("c") for a char16.
            if (v.kind == AstValue::Kind::String) {
                try {
                    return Value::parse(CimType::Char16, v.text);
                } catch (const std::exception&) {
                    error = "a char16 holds one character, found \"" + v.text + "\"";
                    return std::nullopt;
                }
            }
            if (v.kind != AstValue::Kind::Char16) return mismatch(v, type, error);
            return Value::char16(v.char16);
        case CimType::String:
            if (v.kind != AstValue::Kind::String) return mismatch(v, type, error);
            if constexpr (std::is_const_v<Literal>) {
                return Value::string(v.text);
            } else {
                return Value::string(std::move(v.text));
            }
        case CimType::DateTime: {
            if (v.kind != AstValue::Kind::String) return mismatch(v, type, error);
            std::string why;
            auto dt = CimDateTime::tryParse(v.text, &why);
            if (!dt) {
                error = why.empty() ? "invalid datetime \"" + v.text + "\"" : why;
                return std::nullopt;
            }
            return Value::dateTime(std::move(*dt));
        }
        case CimType::Reference: {
            if (v.kind != AstValue::Kind::String) return mismatch(v, type, error);
            std::string why;
            auto path = ObjectPath::tryParse(v.text, &why);
            if (!path) {
                error = why.empty() ? "invalid object path \"" + v.text + "\"" : why;
                return std::nullopt;
            }
            return Value::reference(std::move(*path));
        }
        case CimType::Object:
        case CimType::Instance:
            error = "embedded objects can only be initialized to NULL here, found " + describeLiteral(v);
            return std::nullopt;
        default:
            return mismatch(v, type, error);
    }
}

}  // namespace

std::string describeType(CimType type, bool isArray, std::string_view referenceClass) {
    std::string s;
    if (type == CimType::Reference && !referenceClass.empty()) {
        s = std::string(referenceClass) + " REF";
    } else {
        s = std::string(toString(type));
    }
    if (isArray) s += "[]";
    return s;
}

Value StringValues::intern(Value value) {
    // Short strings repeat (ValueMap entries, units, "DMTF Reserved"); long ones (descriptions)
    // rarely do, and hashing them would cost more time than it saves memory.
    constexpr std::size_t kLongest = 48;
    if (value.type() != CimType::String || value.isArray() || value.isNull() || value.asString().size() > kLongest) {
        return value;
    }
    if (const auto it = byText_.find(value.asString()); it != byText_.end()) return it->second;
    const std::string_view key = value.asString();  // the shared text: stable while the value lives
    byText_.emplace(key, value);
    return value;
}

namespace {
template <class Literal>
std::optional<Value> convertScalar(Literal& v, const LiteralTarget& target, std::string& error) {
    auto value = convertScalar(v, target.type, error);
    if (value && target.strings != nullptr) value = target.strings->intern(std::move(*value));
    return value;
}

template <class Literal>
std::optional<Value> convert(Literal& literal, const LiteralTarget& target, std::string& error) {
    try {
        if (literal.kind == AstValue::Kind::Null) return Value::null(target.type, target.isArray);
        if (!target.isArray) return convertScalar(literal, target, error);
        if (literal.kind != AstValue::Kind::Array) {
            if (!target.scalarMayFillArray) {
                error = "expected an array of " + std::string(toString(target.type)) + ", found " +
                        describeLiteral(literal);
                return std::nullopt;
            }
            auto element = convertScalar(literal, target, error);
            if (!element) return std::nullopt;
            return Value::array(target.type, {std::move(*element)});
        }
        std::vector<Value> elements;
        elements.reserve(literal.elements.size());
        for (auto& e : literal.elements) {
            if (e.kind == AstValue::Kind::Null) {
                error = "array elements cannot be NULL";
                return std::nullopt;
            }
            auto element = convertScalar(e, target, error);
            if (!element) return std::nullopt;
            elements.push_back(std::move(*element));
        }
        return Value::array(target.type, std::move(elements));
    } catch (const CimError& e) {
        error = e.message();
        return std::nullopt;
    }
}
}  // namespace

std::optional<Value> convertLiteral(const AstValue& literal, const LiteralTarget& target, std::string& error) {
    return convert(literal, target, error);
}

std::optional<Value> convertLiteral(AstValue&& literal, const LiteralTarget& target, std::string& error) {
    AstValue& consumed = literal;
    return convert(consumed, target, error);
}

std::optional<Value> inferLiteral(const AstValue& literal, std::string& error) {
    auto typeOf = [](const AstValue& v) {
        switch (v.kind) {
            case AstValue::Kind::Boolean:
                return CimType::Boolean;
            case AstValue::Kind::Integer:
                if (v.negative) return v.magnitude <= 0x80000000ULL ? CimType::Sint32 : CimType::Sint64;
                if (v.magnitude <= 0x7FFFFFFFULL) return CimType::Sint32;
                return v.magnitude <= 0x7FFFFFFFFFFFFFFFULL ? CimType::Sint64 : CimType::Uint64;
            case AstValue::Kind::Real:
                return CimType::Real64;
            case AstValue::Kind::Char16:
                return CimType::Char16;
            default:
                return CimType::String;
        }
    };
    if (literal.kind == AstValue::Kind::Array) {
        CimType type = literal.elements.empty() ? CimType::String : typeOf(literal.elements.front());
        for (const AstValue& e : literal.elements) {
            if (typeOf(e) == CimType::Sint64 || typeOf(e) == CimType::Uint64) type = typeOf(e);
        }
        return convertLiteral(literal, {type, true, false}, error);
    }
    if (literal.kind == AstValue::Kind::Alias) {
        error = "an alias cannot be a qualifier value";
        return std::nullopt;
    }
    return convertLiteral(literal, {typeOf(literal), false, false}, error);
}

}  // namespace wmimock::mof::detail
