#include "wmimock/cim/cim_type.hpp"

#include <array>
#include <limits>

#include "wmimock/cim/names.hpp"

namespace wmimock {

namespace {
struct TypeName {
    CimType type;
    std::string_view name;
};
constexpr std::array<TypeName, 17> kTypeNames{{
    {CimType::Boolean, "boolean"},
    {CimType::Sint8, "sint8"},
    {CimType::Uint8, "uint8"},
    {CimType::Sint16, "sint16"},
    {CimType::Uint16, "uint16"},
    {CimType::Sint32, "sint32"},
    {CimType::Uint32, "uint32"},
    {CimType::Sint64, "sint64"},
    {CimType::Uint64, "uint64"},
    {CimType::Real32, "real32"},
    {CimType::Real64, "real64"},
    {CimType::Char16, "char16"},
    {CimType::String, "string"},
    {CimType::DateTime, "datetime"},
    {CimType::Reference, "ref"},
    {CimType::Object, "object"},
    {CimType::Instance, "instance"},
}};
}  // namespace

std::string_view toString(CimType type) noexcept {
    for (const auto& t : kTypeNames) {
        if (t.type == type) return t.name;
    }
    return "unknown";
}

std::optional<CimType> parseCimType(std::string_view name) noexcept {
    for (const auto& t : kTypeNames) {
        if (iequals(t.name, name)) return t.type;
    }
    if (iequals(name, "reference")) return CimType::Reference;  // CIM-XML spelling
    return std::nullopt;
}

bool isSignedInteger(CimType type) noexcept {
    return type == CimType::Sint8 || type == CimType::Sint16 || type == CimType::Sint32 || type == CimType::Sint64;
}

bool isUnsignedInteger(CimType type) noexcept {
    return type == CimType::Uint8 || type == CimType::Uint16 || type == CimType::Uint32 || type == CimType::Uint64;
}

bool isInteger(CimType type) noexcept {
    return isSignedInteger(type) || isUnsignedInteger(type);
}

bool isReal(CimType type) noexcept {
    return type == CimType::Real32 || type == CimType::Real64;
}

bool isNumeric(CimType type) noexcept {
    return isInteger(type) || isReal(type);
}

IntegerRange integerRange(CimType type) noexcept {
    switch (type) {
        case CimType::Sint8:
            return {std::numeric_limits<std::int8_t>::min(), std::numeric_limits<std::int8_t>::max()};
        case CimType::Uint8:
            return {0, std::numeric_limits<std::uint8_t>::max()};
        case CimType::Sint16:
            return {std::numeric_limits<std::int16_t>::min(), std::numeric_limits<std::int16_t>::max()};
        case CimType::Uint16:
            return {0, std::numeric_limits<std::uint16_t>::max()};
        case CimType::Sint32:
            return {std::numeric_limits<std::int32_t>::min(), std::numeric_limits<std::int32_t>::max()};
        case CimType::Uint32:
            return {0, std::numeric_limits<std::uint32_t>::max()};
        case CimType::Sint64:
            return {std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()};
        case CimType::Uint64:
            return {0, std::numeric_limits<std::uint64_t>::max()};
        default:
            return {0, 0};
    }
}

bool isValidKeyType(CimType type) noexcept {
    return !isReal(type) && type != CimType::Object && type != CimType::Instance;
}

}  // namespace wmimock
