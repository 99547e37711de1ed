#include "wmimock/cimom/interop.hpp"

#include "wmimock/cim/error.hpp"
#include "wmimock/cimom/fixtures.hpp"

namespace wmimock {
namespace {

constexpr std::string_view kInterop = "root/interop";
constexpr std::string_view kSystemClass = "CIM_ComputerSystem";

Instance objectManager(const Cimom& cimom, const InteropInfo& info) {
    Instance manager("CIM_ObjectManager");
    manager.set("SystemCreationClassName", Value::string(std::string(kSystemClass)));
    manager.set("SystemName", Value::string(cimom.hostName()));
    manager.set("CreationClassName", Value::string("CIM_ObjectManager"));
    manager.set("Name", Value::string(info.brand));
    manager.set("ElementName", Value::string(info.brand));
    // pywbem and other clients read the version from "... version X" in Description.
    manager.set("Description", Value::string(info.brand + " fake CIM object manager" +
                                             (info.version.empty() ? std::string() : " version " + info.version)));
    return manager;
}

Instance namespaceInstance(const Instance& manager, const std::string& name) {
    Instance ns("CIM_Namespace");
    ns.set("SystemCreationClassName", manager.get("SystemCreationClassName"));
    ns.set("SystemName", manager.get("SystemName"));
    ns.set("ObjectManagerCreationClassName", manager.get("CreationClassName"));
    ns.set("ObjectManagerName", manager.get("Name"));
    ns.set("CreationClassName", Value::string("CIM_Namespace"));
    ns.set("Name", Value::string(name));
    ns.set("ClassInfo", Value::uint16(9));  // "CIM 2.6" and later: the closest the table offers
    return ns;
}

Instance profileInstance(const RegisteredProfileInfo& profile) {
    Instance registered("CIM_RegisteredProfile");
    registered.set("InstanceID", Value::string("wmimock:" + std::to_string(profile.organization) + ":" + profile.name +
                                               ":" + profile.version));
    registered.set("SpecificationType", Value::uint16(2));  // Profile
    registered.set("RegisteredOrganization", Value::uint16(profile.organization));
    registered.set("RegisteredName", Value::string(profile.name));
    registered.set("RegisteredVersion", Value::string(profile.version));
    registered.set("AdvertiseTypes", Value::array(CimType::Uint16, {Value::uint16(2)}));  // Not Advertised
    return registered;
}

Instance association(std::string_view className, std::string_view first, const ObjectPath& a, std::string_view second,
                     const ObjectPath& b) {
    Instance link{std::string(className)};
    link.set(first, Value::reference(a));
    link.set(second, Value::reference(b));
    return link;
}

}  // namespace

void publishInterop(Cimom& cimom, const InteropInfo& info) {
    if (!cimom.findClass(kInterop, "CIM_ManagedElement")) loadCoreSchema(cimom, kInterop);
    if (!cimom.findClass(kInterop, "CIM_ObjectManager")) {
        const auto text = embeddedFixture("mof/interop.mof");
        if (!text) throw CimError(CimStatus::Failed, "the embedded fixtures lack mof/interop.mof");
        MofCompileOptions options;
        options.defaultNamespace = std::string(kInterop);
        cimom.loadMof(*text, "mof/interop.mof", options);
    }
    const Instance manager = objectManager(cimom, info);
    const ObjectPath managerPath = cimom.addInstance(kInterop, manager);
    for (const std::string& name : cimom.namespaces()) {
        const ObjectPath nsPath = cimom.addInstance(kInterop, namespaceInstance(manager, name));
        cimom.addInstance(kInterop,
                          association("CIM_NamespaceInManager", "Antecedent", managerPath, "Dependent", nsPath));
    }
    const ObjectPath registration = cimom.addInstance(kInterop, profileInstance({2, "Profile Registration", "1.0.0"}));
    cimom.addInstance(kInterop, association("CIM_ElementConformsToProfile", "ConformantStandard", registration,
                                            "ManagedElement", managerPath));
    for (const RegisteredProfileInfo& profile : info.profiles) cimom.addInstance(kInterop, profileInstance(profile));
}

}  // namespace wmimock
