// Where a qualifier may be used, by its declaration's scope.
#pragma once

#include <string_view>

#include "wmimock/cim/qualifier.hpp"

namespace wmimock::mof::detail {

/// "class", "property", ... for messages.
std::string_view scopeWord(Scope element) noexcept;

/// True when a qualifier declared with scope `declared` may be used on `element`.
/// Associations and indications are classes, so class-scoped qualifiers apply to them too.
bool scopeAllows(Scope declared, Scope element) noexcept;

}  // namespace wmimock::mof::detail
