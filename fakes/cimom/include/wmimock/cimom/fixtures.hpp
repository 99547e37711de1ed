// The project's fixture MOF (fixtures/mof, fixtures/instances), embedded in the library so
// that the fake CIMOM, the simulations and plugins work from an installed binary anywhere.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

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
/// The same core schema compiled into `nameSpace` of a repository (`mof check --with-core`).
MofCompileResult compileCoreSchema(SchemaRepository& repository, std::string_view nameSpace);

/// The baselines `--baseline` names: "windows" (fixtures/baseline/windows.mof: the
/// root/cimv2 classes WMI provider MOF builds on, and the PowerShell DSC classes in
/// root/Microsoft/Windows/DesiredStateConfiguration).
std::vector<std::string_view> baselineNames();

/// Compiles a baseline into `repository` / loads it into `cimom`. Throws
/// CimError(InvalidParameter) for a name baselineNames() does not list.
MofCompileResult compileBaseline(std::string_view name, SchemaRepository& repository);
void loadBaseline(Cimom& cimom, std::string_view name);

}  // namespace wmimock
