// A typed CIM value: scalar or array, possibly NULL. NULL is distinct from an empty
// string and from an empty array.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "wmimock/cim/cim_type.hpp"
#include "wmimock/cim/datetime.hpp"

namespace wmimock {

class ObjectPath;
class Instance;

class Value {
public:
    /// A NULL string scalar.
    Value() noexcept = default;

    // Typed factories. Each checks nothing more than its C++ argument allows.
    static Value null(CimType type, bool isArray = false);
    static Value boolean(bool v);
    static Value sint8(std::int8_t v);
    static Value sint16(std::int16_t v);
    static Value sint32(std::int32_t v);
    static Value sint64(std::int64_t v);
    static Value uint8(std::uint8_t v);
    static Value uint16(std::uint16_t v);
    static Value uint32(std::uint32_t v);
    static Value uint64(std::uint64_t v);
    static Value real32(float v);
    static Value real64(double v);
    static Value char16(char16_t v);
    static Value string(std::string v);
    static Value dateTime(CimDateTime v);
    static Value reference(ObjectPath v);
    /// Embedded instance (type Instance) or embedded object (type Object).
    static Value embedded(Instance v, CimType type = CimType::Instance);

    /// An integer of any integer type, range-checked: throws CimError(InvalidParameter)
    /// "value 70000 is out of range for uint16".
    static Value integer(CimType type, std::int64_t v);
    static Value integer(CimType type, std::uint64_t v);
    /// Any other integral argument (int, unsigned, long long...): avoids ambiguous calls
    /// such as Value::integer(CimType::Uint16, 70000).
    template <std::integral T>
    requires(!std::same_as<T, bool> && !std::same_as<T, std::int64_t> && !std::same_as<T, std::uint64_t>) static Value
        integer(CimType type, T v) {
        if constexpr (std::is_signed_v<T>) {
            return integer(type, static_cast<std::int64_t>(v));
        } else {
            return integer(type, static_cast<std::uint64_t>(v));
        }
    }

    /// An array of the given element type; every element must be a non-NULL scalar of
    /// that type (use convertTo first when unsure). Throws CimError(TypeMismatch).
    static Value array(CimType elementType, std::vector<Value> elements);

    /// Parses the textual form used by CIM-XML VALUE elements and untyped WBEM URI keys:
    /// "TRUE", "42", "-1", "0x1F", "101b", "1.5e3", "INF", "20261123101500.000000+060", a path for
    /// Reference. Booleans are case-insensitive; integers are decimal (leading zeros are not
    /// octal), 0x hexadecimal or b-suffixed binary, optionally signed; surrounding whitespace is
    /// ignored except for String and Char16 (exactly one UCS-2 character).
    /// Range- and syntax-checked: throws CimError(InvalidParameter). Object/Instance cannot be
    /// parsed from plain text: CimError(NotSupported).
    static Value parse(CimType type, std::string_view text);

    CimType type() const noexcept { return type_; }
    bool isArray() const noexcept { return array_; }
    bool isNull() const noexcept { return std::holds_alternative<std::monostate>(data_); }

    // Accessors: throw CimError(TypeMismatch) if NULL, an array, or of another kind.
    bool asBool() const;
    /// Any integer type whose value fits int64.
    std::int64_t asInt64() const;
    /// Any integer type whose value is non-negative.
    std::uint64_t asUint64() const;
    /// Real or integer types.
    double asReal() const;
    char16_t asChar16() const;
    const std::string& asString() const;
    const CimDateTime& asDateTime() const;
    const ObjectPath& asReference() const;
    const Instance& asInstance() const;
    /// Elements of an array value (each a scalar Value of the element type).
    const std::vector<Value>& asArray() const;

    /// Converts to another type following the rules a CIMOM applies to incoming values:
    /// integer <-> integer with range check, integer -> real, real32 <-> real64 (range-checked),
    /// string -> any type parse() accepts (datetime, reference, char16, and the untyped numbers
    /// and booleans of CIM-XML), object <-> instance, NULL -> NULL of the target type,
    /// element-wise for arrays. Real -> integer is a TypeMismatch (no silent truncation).
    /// Scalar <-> array and anything else -> CimError(TypeMismatch); out of range or
    /// unparsable -> CimError(InvalidParameter). Identity conversion is free.
    Value convertTo(CimType target, bool isArray) const;

    /// MOF literal: TRUE, 42, 1.5, 'c', "escaped \"text\"", {1, 2}, NULL;
    /// references as quoted path strings; embedded instances as their MOF.
    std::string toMof() const;
    /// Plain text as in a CIM-XML VALUE element (no quotes; arrays as "{a,b}" for display;
    /// NULL as "NULL", so check isNull() before encoding). Reals use the shortest text that
    /// reads back to the same number; parse(type(), toText()) == *this for every scalar.
    std::string toText() const;

    /// Same type family, array-ness and content. Integers compare by numeric value across
    /// integer types (a uint16 3 equals a sint64 3); strings case-sensitively.
    friend bool operator==(const Value& a, const Value& b);
    friend std::ostream& operator<<(std::ostream& os, const Value& v);  // toMof()

    /// Hash consistent with operator== (integers hashed by numeric value).
    std::size_t hash() const noexcept;

private:
    // Strings, datetimes, paths, instances and arrays are immutable once built, so they are
    // shared: copying a Value (e.g. a Description qualifier inherited by every subclass) costs
    // a reference-count increment, not a copy of the text, and a Value stays 32 bytes.
    using StringPtr = std::shared_ptr<const std::string>;
    using DateTimePtr = std::shared_ptr<const CimDateTime>;
    using ArrayPtr = std::shared_ptr<const std::vector<Value>>;
    using PathPtr = std::shared_ptr<const ObjectPath>;
    using InstancePtr = std::shared_ptr<const Instance>;
    using Data = std::variant<std::monostate, bool, std::int64_t, std::uint64_t, double, char16_t, StringPtr,
                              DateTimePtr, PathPtr, InstancePtr, ArrayPtr>;

    Value(CimType type, bool isArray, Data data) : type_(type), array_(isArray), data_(std::move(data)) {}

    CimType type_ = CimType::String;
    bool array_ = false;
    Data data_;
};

}  // namespace wmimock
