// The interop namespace of DMTF DSP1033 (Profile Registration): what a WBEM client reads to
// discover a server — its brand and version (CIM_ObjectManager), its namespaces
// (CIM_Namespace) and the management profiles it implements (CIM_RegisteredProfile) — so
// that discovery such as pywbem's WBEMServer works against the fake CIMOM.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "wmimock/cimom/cimom.hpp"

namespace wmimock {

struct RegisteredProfileInfo {
    std::uint16_t organization = 2;  ///< RegisteredOrganization: 2 = DMTF
    std::string name;                ///< RegisteredName, e.g. "Profile Registration"
    std::string version;             ///< RegisteredVersion, e.g. "1.0.0"
};

struct InteropInfo {
    std::string brand = "wmimock";  ///< CIM_ObjectManager.ElementName
    std::string version;            ///< named in CIM_ObjectManager.Description ("... version X")
    /// Advertised besides DSP1033's own Profile Registration 1.0.0, which always is.
    std::vector<RegisteredProfileInfo> profiles;
};

/// Loads the core and interop classes into root/interop (when missing) and publishes one
/// CIM_ObjectManager, a CIM_Namespace (with its CIM_NamespaceInManager) for every
/// namespace the CIMOM holds now, and the registered profiles, Profile Registration tied to
/// the object manager by CIM_ElementConformsToProfile. Call it once every namespace exists
/// (after the MOF is loaded); a second call throws CimError(AlreadyExists).
void publishInterop(Cimom& cimom, const InteropInfo& info);

}  // namespace wmimock
