// The fake CIMOM loaded with the project's reference fixtures and with the DMTF schema:
// real class hierarchies, inherited defaults, associations from `instance of` aliases.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "wmimock/cim.hpp"
#include "wmimock/cimom/cimom.hpp"
#include "wmimock/cimom/fixtures.hpp"
#include "wmimock/cimom/interop.hpp"

namespace wmimock {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

const std::filesystem::path kFixtures = std::filesystem::path(WMIMOCK_SOURCE_DIR) / "fixtures";
const std::filesystem::path kDmtf = std::filesystem::path(WMIMOCK_SHARED_DIR) / "data" / "cim_schema_2.49.0";

ObjectPath referenceService(std::string name) {
    return ObjectPath("root/cimv2", "WMIMock_Service",
                      {KeyBinding{"SystemCreationClassName", Value::string("WMIMock_ComputerSystem")},
                       KeyBinding{"SystemName", Value::string("wmimock-host")},
                       KeyBinding{"CreationClassName", Value::string("WMIMock_Service")},
                       KeyBinding{"Name", Value::string(std::move(name))}});
}

std::vector<std::string> names(const std::vector<Instance>& instances) {
    std::vector<std::string> out;
    for (const Instance& i : instances) out.push_back(i.get("Name").asString());
    return out;
}

class ReferenceFixtures : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        cimom_ = std::make_unique<Cimom>(std::make_shared<ManualClock>());
        cimom_->loadMofFile(kFixtures / "mof" / "reference.mof");
        cimom_->loadMofFile(kFixtures / "instances" / "reference_system.mof");
    }
    static void TearDownTestSuite() { cimom_.reset(); }
    static std::unique_ptr<Cimom> cimom_;
    Cimom& cimom = *cimom_;
};
std::unique_ptr<Cimom> ReferenceFixtures::cimom_;

TEST_F(ReferenceFixtures, ServicesAreStaticInstancesOfTheirClass) {
    EXPECT_THAT(names(cimom.enumerateInstances("root/cimv2", "CIM_Service")),
                UnorderedElementsAre("Alpha", "Beta", "Gamma", "Delta"));
    const Instance beta = cimom.getInstance(referenceService("Beta"));
    EXPECT_EQ(beta.get("EnabledState"), Value::uint16(3));
    EXPECT_EQ(beta.get("Started"), Value::boolean(false));
    EXPECT_EQ(beta.get("AvailableRequestedStates").asArray().size(), 1u);
    const ClassPtr service = cimom.findClass("root/cimv2", "WMIMock_Service");
    ASSERT_NE(service, nullptr);
    EXPECT_NE(service->findMethod("StopService"), nullptr);
    EXPECT_EQ(service->findMethod("StopService")->returnType, CimType::Uint32);
}

TEST_F(ReferenceFixtures, InheritedDefaultsApplyToNewInstances) {
    Cimom fresh;
    fresh.loadMofFile(kFixtures / "mof" / "reference.mof");
    Instance epsilon("WMIMock_Service");
    epsilon.set("SystemCreationClassName", Value::string("WMIMock_ComputerSystem"));
    epsilon.set("SystemName", Value::string("wmimock-host"));
    epsilon.set("CreationClassName", Value::string("WMIMock_Service"));
    epsilon.set("Name", Value::string("Epsilon"));
    const ObjectPath path = fresh.createInstance("root/cimv2", epsilon);
    EXPECT_EQ(fresh.getInstance(path).get("EnabledState"), Value::uint16(5));  // CIM_EnabledLogicalElement default
}

TEST_F(ReferenceFixtures, MethodsWithoutProviderAreNotAvailable) {
    try {
        cimom.invokeMethod(referenceService("Alpha"), "StopService");
        FAIL();
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::MethodNotAvailable);
    }
}

TEST_F(ReferenceFixtures, AssociationsFromTheInstanceFile) {
    const auto dependents = cimom.associatorNames(referenceService("Gamma"),
                                                  {"CIM_ServiceServiceDependency", "", "Antecedent", "Dependent"});
    EXPECT_THAT(dependents, ElementsAre(referenceService("Delta")));
    const auto hosts = cimom.associators(referenceService("Alpha"), {"CIM_HostedService", "", "", ""});
    ASSERT_EQ(hosts.size(), 1u);
    EXPECT_EQ(hosts[0].get("Name"), Value::string("wmimock-host"));
    const auto caps = cimom.associators(referenceService("Alpha"), {"CIM_ElementCapabilities", "", "", ""});
    ASSERT_EQ(caps.size(), 1u);
    EXPECT_EQ(caps[0].get("InstanceID"), Value::string("WMIMock:Capabilities:Alpha"));
    const auto viaWql =
        cimom.execQuery("root/cimv2", "WQL",
                        "ASSOCIATORS OF {WMIMock_Service.SystemCreationClassName=\"WMIMock_ComputerSystem\","
                        "SystemName=\"wmimock-host\",CreationClassName=\"WMIMock_Service\",Name=\"Delta\"} "
                        "WHERE AssocClass = CIM_Dependency ResultClass = CIM_Service");
    EXPECT_THAT(names(viaWql), ElementsAre("Gamma"));
}

TEST_F(ReferenceFixtures, WqlOverTheFixtures) {
    EXPECT_THAT(names(cimom.execQuery("root/cimv2", "WQL",
                                      "SELECT * FROM CIM_Service WHERE EnabledState = 2 AND StartMode = 'automatic'")),
                UnorderedElementsAre("Alpha", "Gamma", "Delta"));
}

TEST(DmtfSchema, CoreServiceClassesLoad) {
    if (!std::filesystem::exists(kDmtf / "cim_schema_2.49.0.mof")) {
        GTEST_SKIP() << "DMTF schema not found at " << kDmtf << " (the ../shared checkout is absent)";
    }
    Cimom cimom;
    MofCompileOptions options;
    options.includePaths.push_back(kDmtf);
    cimom.loadMofFile(kDmtf / "cim_schema_2.49.0.mof", options);
    const ClassPtr job = cimom.findClass("root/cimv2", "CIM_ConcreteJob");
    ASSERT_NE(job, nullptr);
    EXPECT_THAT(job->derivation, Contains("CIM_ManagedElement"));
    EXPECT_NE(job->findMethod("RequestStateChange"), nullptr);
    const ClassPtr service = cimom.findClass("root/cimv2", "CIM_Service");
    ASSERT_NE(service, nullptr);
    EXPECT_EQ(service->findMethod("StopService")->returnType, CimType::Uint32);
    EXPECT_TRUE(cimom.findClass("root/cimv2", "CIM_HostedService")->isAssociation());
    EXPECT_THAT(cimom.enumerateClassNames("root/cimv2", "CIM_Service"), Contains("CIM_ClusteringService"));

    // A concrete subclass of the real CIM_Service takes its inherited defaults and methods.
    CimClass mine;
    mine.name = "Test_DmtfService";
    mine.superClass = "CIM_Service";
    cimom.addClass("root/cimv2", mine);
    Instance instance("Test_DmtfService");
    instance.set("SystemCreationClassName", Value::string("CIM_ComputerSystem"));
    instance.set("SystemName", Value::string("h"));
    instance.set("CreationClassName", Value::string("Test_DmtfService"));
    instance.set("Name", Value::string("s"));
    const ObjectPath path = cimom.createInstance("root/cimv2", instance);
    EXPECT_EQ(cimom.getInstance(path).get("EnabledState"), Value::uint16(5));
    try {
        cimom.invokeMethod(path, "StopService");
        FAIL();
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::MethodNotAvailable);
    }
}

}  // namespace
}  // namespace wmimock

namespace wmimock {
namespace {

constexpr std::string_view kDscNamespace = "root/Microsoft/Windows/DesiredStateConfiguration";

// The Windows baseline: WMI provider MOF compiles against it, and a PowerShell DSC document
// loads as instances, its credential alias embedded in the resource that names it.
TEST(WindowsBaseline, ProviderMofAndDscDocumentsLoadOnIt) {
    Cimom cimom;
    loadBaseline(cimom, "windows");
    const ClassPtr service = cimom.findClass("root/cimv2", "Win32_Service");
    ASSERT_TRUE(service);
    EXPECT_TRUE(service->isA("CIM_Service"));
    EXPECT_TRUE(service->findMethod("StopService"));
    ASSERT_TRUE(cimom.findClass("root/cimv2", "Win32_PerfRawData"));
    EXPECT_TRUE(cimom.findClass("root/cimv2", "Win32_ProcessStartTrace")->isA("__ExtrinsicEvent"));
    EXPECT_EQ(cimom.findClass("root/cimv2", "Win32_Process")
                  ->findMethod("Create")
                  ->findParameter("ProcessStartupInformation")
                  ->valueType(),
              CimType::Instance);

    cimom.loadMof(R"(#pragma namespace("\\\\.\\root\\cimv2")
[dynamic, provider("VendorPerf")] class Vendor_PerfRaw_Queue : Win32_PerfRawData {
  [key] string Name; [CounterType(65536)] uint32 Depth; };)",
                  "vendor.mof");
    EXPECT_TRUE(cimom.findClass("root/cimv2", "Vendor_PerfRaw_Queue")->findProperty("Frequency_PerfTime"));

    MofCompileOptions options;
    options.defaultNamespace = std::string(kDscNamespace);
    const auto document = std::filesystem::path(WMIMOCK_SOURCE_DIR) / "fixtures" / "dsc" / "localhost.mof";
    const MofCompileResult result = cimom.loadMofFile(document, options);
    EXPECT_EQ(result.instances.size(), 4u);
    const auto files = cimom.enumerateInstances(kDscNamespace, "MSFT_FileDirectoryConfiguration");
    ASSERT_EQ(files.size(), 1u);
    const Value& credential = files[0].get("Credential");
    ASSERT_EQ(credential.type(), CimType::Instance);
    EXPECT_EQ(credential.asInstance().className(), "MSFT_Credential");
    EXPECT_EQ(credential.asInstance().get("UserName").asString(), "CONTOSO\\svc-deploy");
    const auto services = cimom.enumerateInstances(kDscNamespace, "OMI_BaseResource");
    EXPECT_EQ(services.size(), 2u);
    const auto documents = cimom.enumerateInstances(kDscNamespace, "OMI_ConfigurationDocument");
    ASSERT_EQ(documents.size(), 1u);
    EXPECT_EQ(documents[0].get("Name").asString(), "AppServer");
}

TEST(Interop, PublishesTheObjectManagerNamespacesAndProfiles) {
    Cimom cimom(std::make_shared<ManualClock>());
    cimom.createNamespace("root/virtualization/v2");
    publishInterop(cimom, {"wmimock", "1.2.3", {{2, "Virtual System", "1.0.0"}}});

    const auto managers = cimom.enumerateInstances("root/interop", "CIM_ObjectManager");
    ASSERT_EQ(managers.size(), 1u);
    EXPECT_EQ(managers[0].get("ElementName").asString(), "wmimock");
    EXPECT_THAT(managers[0].get("Description").asString(), ::testing::EndsWith("version 1.2.3"));
    EXPECT_TRUE(managers[0].get("GatherStatisticalData").asBool()) << "the class default applies";

    std::vector<std::string> namespaces;
    for (const Instance& ns : cimom.enumerateInstances("root/interop", "CIM_Namespace")) {
        namespaces.push_back(ns.get("Name").asString());
    }
    EXPECT_THAT(namespaces, UnorderedElementsAre("root/cimv2", "root/interop", "root/virtualization/v2"));
    EXPECT_EQ(cimom.associatorNames(managers[0].path(), {"CIM_NamespaceInManager", {}, {}, {}}).size(), 3u);

    std::vector<std::string> profiles;
    for (const Instance& p : cimom.enumerateInstances("root/interop", "CIM_RegisteredProfile")) {
        EXPECT_EQ(p.get("RegisteredOrganization").asUint64(), 2u) << "DMTF";
        profiles.push_back(p.get("RegisteredName").asString() + " " + p.get("RegisteredVersion").asString());
    }
    EXPECT_THAT(profiles, UnorderedElementsAre("Profile Registration 1.0.0", "Virtual System 1.0.0"));
    const auto conforming = cimom.associatorNames(managers[0].path(), {"CIM_ElementConformsToProfile", {}, {}, {}});
    ASSERT_EQ(conforming.size(), 1u);
    EXPECT_EQ(conforming[0].className(), "CIM_RegisteredProfile");

    EXPECT_THROW(publishInterop(cimom, {}), CimError) << "a second object manager is a conflict";
}

TEST(WindowsBaseline, AnUnknownBaselineIsRefusedByName) {
    Cimom cimom;
    try {
        loadBaseline(cimom, "solaris");
        FAIL() << "an unknown baseline loaded";
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::InvalidParameter);
        EXPECT_THAT(e.message(), ::testing::HasSubstr("unknown baseline 'solaris'"));
    }
}

}  // namespace
}  // namespace wmimock
