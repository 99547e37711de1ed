// Resolving a class written in code (a CimClass handed to a CIMOM's CreateClass or
// ModifyClass, or to Cimom::addClass) against its superclass, by the rules and the code the
// MOF compiler uses for a class written in MOF: Override and DisableOverride, type-stable
// overrides, key types, associations with two references, qualifiers within their
// declared scope and of their declared type.
#pragma once

#include "wmimock/cim/cim_class.hpp"
#include "wmimock/mof/schema_repository.hpp"

namespace wmimock {

/// `declared` holds what the class writes: its qualifiers, properties and methods (elements
/// and qualifiers marked propagated, as in a class read back from a repository, are
/// inherited afresh). Default values must already have their property's type. Qualifiers
/// are taken with the flavors they carry; one the namespace declares must fit the
/// declaration's scope and type (integers convert), and one it does not declare is
/// accepted as written, as the WMI dialect does.
/// Throws CimError: InvalidSuperclass when the superclass is not in `nameSpace`,
/// InvalidParameter naming every rule the class breaks.
CimClass resolveDeclaredClass(const SchemaNamespace& nameSpace, const CimClass& declared);

}  // namespace wmimock
