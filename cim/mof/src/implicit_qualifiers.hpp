// Qualifiers that need no declaration: WMI does not require qualifier declarations, so the
// standard and WMI-specific qualifiers real Microsoft-dialect MOF uses (dynamic, provider,
// implemented, Locale, read, key, ...) are implicitly declared in every namespace. An
// explicit declaration in the namespace always takes precedence.
#pragma once

#include <string_view>

#include "wmimock/cim/qualifier.hpp"

namespace wmimock::mof::detail {

/// The implicit declaration of `name` (scope Any), or nullptr if it has none.
const QualifierDecl* findImplicitQualifier(std::string_view name) noexcept;

}  // namespace wmimock::mof::detail
