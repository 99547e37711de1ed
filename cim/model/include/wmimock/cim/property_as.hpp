// Reading a property as a C++ type when it holds one, for code that judges what an
// implementation returned and must not throw on a wrong answer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wmimock/cim/datetime.hpp"
#include "wmimock/cim/instance.hpp"

namespace wmimock {

/// The property as T, or nullopt when it is absent, NULL, of the other arity (scalar vs
/// array), of another kind, or outside T's range. Integers of any CIM integer type are read
/// by value: sint8 5 reads as std::uint16_t 5, uint32 70000 does not. Arrays of integers
/// (std::vector<std::uint16_t>) keep the elements in range and drop the others, so one bad
/// entry in a list of states does not hide the rest.
/// T is bool, std::uint16_t, std::uint32_t, std::uint64_t, std::string, CimDateTime or
/// std::vector<std::uint16_t>.
template <typename T>
std::optional<T> propertyAs(const Instance& instance, std::string_view name);

extern template std::optional<bool> propertyAs<bool>(const Instance&, std::string_view);
extern template std::optional<std::uint16_t> propertyAs<std::uint16_t>(const Instance&, std::string_view);
extern template std::optional<std::uint32_t> propertyAs<std::uint32_t>(const Instance&, std::string_view);
extern template std::optional<std::uint64_t> propertyAs<std::uint64_t>(const Instance&, std::string_view);
extern template std::optional<std::string> propertyAs<std::string>(const Instance&, std::string_view);
extern template std::optional<CimDateTime> propertyAs<CimDateTime>(const Instance&, std::string_view);
extern template std::optional<std::vector<std::uint16_t>> propertyAs<std::vector<std::uint16_t>>(const Instance&,
                                                                                                 std::string_view);

}  // namespace wmimock
