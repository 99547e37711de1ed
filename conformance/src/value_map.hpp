// A method's ValueMap/Values qualifiers, read as the catalog reads them (SS-005, RSC-001):
// which returned numbers are documented, which only hit a reserved range.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "wmimock/cim/qualifier.hpp"

namespace wmimock::conformance {

class ValueMap {
public:
    struct Entry {
        std::string text;        ///< as written: "0", "4100..32767", ".."
        bool otherwise = false;  ///< ".." (every value not listed elsewhere)
        std::uint64_t low = 0, high = 0;
        std::string label;      ///< the Values string at the same index, if any
        bool reserved = false;  ///< ".." or a "DMTF Reserved" / "Method Reserved" range
    };
    struct Match {
        const Entry* entry = nullptr;  ///< null: the value matches nothing
        bool documented() const noexcept { return entry != nullptr && !entry->reserved; }
    };

    /// Null when the list has no ValueMap.
    static std::optional<ValueMap> of(const QualifierList& qualifiers);
    /// The ValueMap of CIM_EnabledLogicalElement.RequestStateChange (codes.md §4), used when
    /// the class declares none.
    static ValueMap requestStateChangeDefault();

    /// Exact entries first, then ranges, then "..".
    Match lookup(std::uint64_t value) const;
    /// The Values string for `value`, empty if none.
    std::string labelOf(std::uint64_t value) const;

    const std::vector<Entry>& entries() const noexcept { return entries_; }
    std::size_t valueMapSize() const noexcept { return valueMapSize_; }
    std::size_t valuesSize() const noexcept { return valuesSize_; }
    bool hasValues() const noexcept { return valuesSize_ > 0; }
    /// Entries whose text did not parse as a number or a range (reported, never matched).
    const std::vector<std::string>& malformed() const noexcept { return malformed_; }

private:
    static ValueMap build(const std::vector<std::string>& valueMap, const std::vector<std::string>& values);
    std::vector<Entry> entries_;
    std::vector<std::string> malformed_;
    std::size_t valueMapSize_ = 0, valuesSize_ = 0;
};

/// Case-insensitive substring test for Values strings.
bool labelContains(std::string_view label, std::string_view word);

}  // namespace wmimock::conformance
