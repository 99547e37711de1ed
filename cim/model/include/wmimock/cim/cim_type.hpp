// The CIM data types of DSP0004.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace wmimock {

enum class CimType : std::uint8_t {
    Boolean,
    Sint8,
    Uint8,
    Sint16,
    Uint16,
    Sint32,
    Uint32,
    Sint64,
    Uint64,
    Real32,
    Real64,
    Char16,
    String,
    DateTime,
    Reference,  ///< a REF to an instance (value is an ObjectPath)
    Object,     ///< embedded object (EmbeddedObject qualifier / WMI `object`): class or instance
    Instance,   ///< embedded instance (EmbeddedInstance qualifier)
};

/// MOF spelling: "uint16", "datetime", "ref" for Reference, "object", "instance".
std::string_view toString(CimType type) noexcept;

/// Parses a MOF/CIM-XML type name ("uint16", "UINT16", "datetime", "reference").
std::optional<CimType> parseCimType(std::string_view name) noexcept;

bool isInteger(CimType type) noexcept;
bool isSignedInteger(CimType type) noexcept;
bool isUnsignedInteger(CimType type) noexcept;
bool isReal(CimType type) noexcept;
bool isNumeric(CimType type) noexcept;

/// Inclusive range of an integer type (as int128-safe pair of bounds).
struct IntegerRange {
    std::int64_t min;
    std::uint64_t max;
};
IntegerRange integerRange(CimType type) noexcept;

/// Types DSP0004 allows for key properties (not real32/real64, arrays or embedded objects).
bool isValidKeyType(CimType type) noexcept;

}  // namespace wmimock
