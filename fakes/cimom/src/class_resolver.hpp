// Resolves a class declared programmatically (Cimom::addClass) against its superclass in a
// namespace: inherited properties and methods are added (propagated, with their class
// origin), ToSubclass qualifiers flow down, the derivation chain is filled in.
#pragma once

#include "wmimock/cim/cim_class.hpp"
#include "wmimock/mof/schema_repository.hpp"

namespace wmimock::detail {

/// `declared` may be a local declaration or an already resolved class (elements marked
/// propagated are dropped and inherited afresh). Throws CimError: InvalidSuperclass when the
/// superclass is unknown, InvalidParameter for an unnamed class or an ill-typed default.
CimClass resolveClass(const SchemaNamespace& nameSpace, const CimClass& declared);

}  // namespace wmimock::detail
