// A class handed to the CIMOM (Cimom::addClass, CreateClass, ModifyClass): its default
// values are converted to their properties' types, as the CIMOM converts every incoming
// value, and it is resolved against its superclass by the MOF compiler's rules
// (wmimock/mof/class_resolution.hpp).
#pragma once

#include "wmimock/cim/cim_class.hpp"
#include "wmimock/mof/schema_repository.hpp"

namespace wmimock::detail {

/// Throws CimError: InvalidSuperclass when the superclass is unknown, InvalidParameter for
/// an unnamed class, an ill-typed default or a broken rule of inheritance.
CimClass resolveIncomingClass(const SchemaNamespace& nameSpace, const CimClass& declared);

}  // namespace wmimock::detail
