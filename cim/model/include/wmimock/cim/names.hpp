// Case-insensitive, case-preserving names, as CIM and WMI use them for classes,
// properties, methods, qualifiers and namespaces.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace wmimock {

/// ASCII case-insensitive equality (CIM names are ASCII identifiers).
bool iequals(std::string_view a, std::string_view b) noexcept;

/// Three-way ASCII case-insensitive comparison: <0, 0, >0.
int icompare(std::string_view a, std::string_view b) noexcept;

/// Lower-cased copy, used as a canonical lookup key.
std::string toLower(std::string_view s);

/// Hash consistent with iequals.
std::size_t ihash(std::string_view s) noexcept;

/// Functors for unordered/ordered containers keyed by names.
struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return ihash(s); }
};
struct NameEqual {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const noexcept { return iequals(a, b); }
};
struct NameLess {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const noexcept { return icompare(a, b) < 0; }
};

}  // namespace wmimock
