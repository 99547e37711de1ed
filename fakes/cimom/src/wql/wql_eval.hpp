// Evaluates a WQL WHERE condition on one instance with SQL's three-valued logic: a
// comparison involving NULL is unknown, and only conditions that are true select.
// Strings compare case-insensitively, as in WMI; "Prop = NULL" means "Prop IS NULL".
#pragma once

#include <functional>
#include <string_view>

#include "wmimock/cim/cim_class.hpp"
#include "wmimock/cim/instance.hpp"
#include "wql_query.hpp"

namespace wmimock::detail {

struct WqlContext {
    /// The value of a property of the instance being tested (system properties included);
    /// NULL when absent.
    std::function<Value(std::string_view property)> property;
    /// True if class `className` is `ancestor` or derives from it (for ISA).
    std::function<bool(std::string_view className, std::string_view ancestor)> isA;
};

bool wqlSelects(const WqlCondition& condition, const WqlContext& context);

/// Checks that every property the condition names exists in `cls` (or is a system
/// property) and that LIKE patterns are well formed. Throws CimError(InvalidQuery).
void validateWqlCondition(const WqlCondition& condition, const CimClass& cls);

}  // namespace wmimock::detail
