// The project's fixture MOF (fixtures/mof, fixtures/instances), embedded in the library so
// that the fake CIMOM, the simulations and plugins work from an installed binary anywhere.
#pragma once

#include <optional>
#include <string_view>

#include "wmimock/cimom/cimom.hpp"

namespace wmimock {

/// A fixture by its path under fixtures/ ("mof/reference.mof", "instances/win32_system.mof").
/// Separators, "./", ".." and a leading "fixtures/" are normalised; case is ignored.
std::optional<std::string_view> embeddedFixture(std::string_view relativePath) noexcept;

/// A MofSourceLoader over the embedded fixtures (`#pragma include` relative to the
/// including file, then to fixtures/, then to fixtures/mof).
MofSourceLoader embeddedFixtureLoader();

/// Creates `nameSpace` if needed and compiles the CIM core schema the project ships into it
/// (the standard qualifier declarations, CIM_ManagedElement .. CIM_Service,
/// CIM_EnabledLogicalElement, CIM_ConcreteJob, the capabilities classes). Throws CimError
/// when the namespace already holds conflicting declarations.
void loadCoreSchema(Cimom& cimom, std::string_view nameSpace);

}  // namespace wmimock
