// Instance operations of the fake CIMOM against a programmatic schema: validation,
// defaults, the static store, DSP0200 errors and WMI system properties.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_schema.hpp"

namespace wmimock {
namespace {

using namespace wmimock::testing;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

CimStatus statusOf(const std::function<void()>& call) {
    try {
        call();
    } catch (const CimError& e) {
        return e.status();
    }
    return CimStatus::Success;
}

class InstancesTest : public ::testing::Test {
protected:
    void SetUp() override {
        addTestSchema(cimom);
        cimom.addInstance(kNs, service("Alpha").set("Started", Value::boolean(true)));
        cimom.addInstance(kNs, service("Beta"));
        cimom.addInstance(kNs, service("Gamma", "Test_SpecialService").set("Extra", Value::string("x")));
    }
    Cimom cimom{std::make_shared<ManualClock>()};
};

TEST_F(InstancesTest, AddInstanceAppliesInheritedDefaultsAndAssignsThePath) {
    const Instance alpha = cimom.getInstance(servicePath("Alpha"));
    EXPECT_EQ(alpha.get("EnabledState"), Value::uint16(5));  // default declared on Test_EnabledElement
    EXPECT_EQ(alpha.get("EnabledState").type(), CimType::Uint16);
    EXPECT_EQ(alpha.get("RequestedState"), Value::uint16(12));
    EXPECT_TRUE(alpha.get("Caption").isNull());  // every class property is present, NULL when unset
    EXPECT_EQ(alpha.get("Started"), Value::boolean(true));
    EXPECT_EQ(alpha.path(), servicePath("Alpha"));
    EXPECT_EQ(alpha.path().nameSpace(), "root/cimv2");
}

TEST_F(InstancesTest, AddInstanceRejectsUnknownPropertiesWrongTypesAndMissingKeys) {
    EXPECT_EQ(statusOf([&] { cimom.addInstance(kNs, service("X").set("NoSuch", Value::string("v"))); }),
              CimStatus::InvalidParameter);
    EXPECT_EQ(statusOf([&] { cimom.addInstance(kNs, service("X").set("EnabledState", Value::string("many"))); }),
              CimStatus::InvalidParameter);
    EXPECT_EQ(statusOf([&] { cimom.addInstance(kNs, service("X").set("EnabledState", Value::uint32(70000))); }),
              CimStatus::InvalidParameter);
    EXPECT_EQ(statusOf([&] { cimom.addInstance(kNs, service("X").set("Tags", Value::string("scalar for an array"))); }),
              CimStatus::TypeMismatch);
    Instance keyless("Test_Service");
    keyless.set("Name", Value::string("NoSystem"));
    EXPECT_EQ(statusOf([&] { cimom.addInstance(kNs, keyless); }), CimStatus::InvalidParameter);
    EXPECT_EQ(statusOf([&] { cimom.addInstance(kNs, Instance("Test_ManagedElement")); }), CimStatus::InvalidClass)
        << "abstract classes have no instances";
    EXPECT_EQ(statusOf([&] { cimom.addInstance(kNs, Instance("No_Such_Class")); }), CimStatus::InvalidClass);
    EXPECT_EQ(statusOf([&] { cimom.addInstance("root/none", service("X")); }), CimStatus::InvalidNamespace);
    EXPECT_EQ(statusOf([&] { cimom.addInstance(kNs, service("Alpha")); }), CimStatus::AlreadyExists);
}

TEST_F(InstancesTest, UntypedStringValuesAreConvertedToTheDeclaredType) {
    cimom.addInstance(kNs, service("Delta").set("EnabledState", Value::string("3")).set("Priority", Value::uint8(7)));
    const Instance delta = cimom.getInstance(servicePath("Delta"));
    EXPECT_EQ(delta.get("EnabledState").type(), CimType::Uint16);
    EXPECT_EQ(delta.get("EnabledState"), Value::uint16(3));
    EXPECT_EQ(delta.get("Priority").type(), CimType::Uint32);
}

TEST_F(InstancesTest, GetInstanceErrors) {
    EXPECT_EQ(statusOf([&] { cimom.getInstance(servicePath("Nope")); }), CimStatus::NotFound);
    ObjectPath wrongNs = servicePath("Alpha");
    wrongNs.setNameSpace("root/nowhere");
    EXPECT_EQ(statusOf([&] { cimom.getInstance(wrongNs); }), CimStatus::InvalidNamespace);
    EXPECT_EQ(statusOf([&] { cimom.getInstance(ObjectPath::parse("root/cimv2:No_Class.Name=\"x\"")); }),
              CimStatus::InvalidClass);
    EXPECT_EQ(statusOf([&] { cimom.getInstance(ObjectPath::parse("root/cimv2:Test_Service")); }),
              CimStatus::InvalidParameter);
}

TEST_F(InstancesTest, ErrorsMapToTheirWbemEquivalents) {
    auto hresultOf = [](const std::function<void()>& call) -> std::uint32_t {
        try {
            call();
        } catch (const CimError& e) {
            return toWbemHResult(e.status());
        }
        return 0;
    };
    EXPECT_EQ(hresultOf([&] { cimom.getInstance(servicePath("Nope")); }), 0x80041002u);  // WBEM_E_NOT_FOUND
    EXPECT_EQ(hresultOf([&] { cimom.enumerateInstances("root/none", "Test_Service"); }),
              0x8004100Eu);                                                             // WBEM_E_INVALID_NAMESPACE
    EXPECT_EQ(hresultOf([&] { cimom.enumerateInstances(kNs, "Nope"); }), 0x80041010u);  // WBEM_E_INVALID_CLASS
    EXPECT_EQ(wbemName(hresultOf([&] { cimom.addInstance(kNs, service("X").set("NoSuch", Value::string("v"))); })),
              "WBEM_E_INVALID_METHOD_PARAMETERS");  // codes.md §2.3, preferred column
}

TEST_F(InstancesTest, PathsAreMatchedWhateverTheirSpelling) {
    // WMI spelling, other key order, other case, host set, no namespace (means root/cimv2).
    EXPECT_EQ(cimom.getInstance(ObjectPath::parse(R"(\\.\ROOT\CIMV2:test_service.Name="Alpha",SystemName="host")"))
                  .get("Name"),
              Value::string("Alpha"));
    EXPECT_EQ(cimom.getInstance(ObjectPath::parse(R"(Test_Service.SystemName="host",Name="Beta")")).get("Name"),
              Value::string("Beta"));
}

TEST_F(InstancesTest, IntegerKeysMatchAcrossIntegerTypesAndUntypedText) {
    cimom.addClass(kNs,
                   makeClass("Test_Numbered", "", {key("Id", CimType::Uint16), property("Label", CimType::String)}));
    cimom.addInstance(kNs, Instance("Test_Numbered").set("Id", Value::uint16(7)).set("Label", Value::string("seven")));
    EXPECT_EQ(cimom.getInstance(ObjectPath::parse("Test_Numbered.Id=7")).get("Label"), Value::string("seven"));
    EXPECT_EQ(cimom.getInstance(ObjectPath(std::string(kNs), "Test_Numbered", {KeyBinding{"Id", Value::string("7")}}))
                  .get("Label"),
              Value::string("seven"));
}

TEST_F(InstancesTest, EnumerateInstancesIncludesSubclassesInInsertionOrder) {
    EXPECT_THAT(names(cimom.enumerateInstances(kNs, "Test_Service")), ElementsAre("Alpha", "Beta", "Gamma"));
    EXPECT_THAT(names(cimom.enumerateInstances(kNs, "Test_SpecialService")), ElementsAre("Gamma"));
    EXPECT_THAT(names(cimom.enumerateInstances(kNs, "Test_ManagedElement")), ElementsAre("Alpha", "Beta", "Gamma"));
    EXPECT_TRUE(cimom.enumerateInstances(kNs, "Test_Job").empty());
    EXPECT_EQ(statusOf([&] { cimom.enumerateInstances(kNs, "Nope"); }), CimStatus::InvalidClass);
    EXPECT_EQ(statusOf([&] { cimom.enumerateInstances("root/none", "Test_Service"); }), CimStatus::InvalidNamespace);
}

TEST_F(InstancesTest, ShallowEnumerationAndPropertyListsFilterProperties) {
    InstanceOptions shallow;
    shallow.deepInheritance = false;
    const auto found = cimom.enumerateInstances(kNs, "Test_Service", shallow);
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[2].className(), "Test_SpecialService");
    EXPECT_FALSE(found[2].has("Extra")) << "shallow: only properties of the requested class";
    EXPECT_TRUE(found[2].has("Name"));

    InstanceOptions listed;
    listed.propertyList = std::vector<std::string>{"name", "EnabledState"};
    const Instance alpha = cimom.getInstance(servicePath("Alpha"), listed);
    ASSERT_EQ(alpha.properties().size(), 2u);
    EXPECT_TRUE(alpha.has("Name"));
    EXPECT_TRUE(alpha.has("EnabledState"));
    EXPECT_EQ(alpha.path(), servicePath("Alpha")) << "the path survives the filter";

    listed.propertyList = std::vector<std::string>{};
    EXPECT_TRUE(cimom.getInstance(servicePath("Alpha"), listed).properties().empty());
}

TEST_F(InstancesTest, EnumerateInstanceNames) {
    EXPECT_THAT(cimom.enumerateInstanceNames(kNs, "Test_Service"),
                ElementsAre(servicePath("Alpha"), servicePath("Beta"), servicePath("Gamma", "Test_SpecialService")));
}

TEST_F(InstancesTest, CreateInstance) {
    const ObjectPath created = cimom.createInstance(kNs, service("Delta").set("StartMode", Value::string("Manual")));
    EXPECT_EQ(created, servicePath("Delta"));
    EXPECT_EQ(cimom.getInstance(created).get("StartMode"), Value::string("Manual"));
    EXPECT_EQ(statusOf([&] { cimom.createInstance(kNs, service("Delta")); }), CimStatus::AlreadyExists);
    EXPECT_EQ(statusOf([&] { cimom.createInstance(kNs, Instance("Nope")); }), CimStatus::InvalidClass);
    EXPECT_EQ(statusOf([&] { cimom.createInstance("root/none", service("E")); }), CimStatus::InvalidNamespace);
}

TEST_F(InstancesTest, ModifyInstanceHonoursWriteAndPropertyList) {
    Instance change = cimom.getInstance(servicePath("Alpha"));
    change.set("StartMode", Value::string("Disabled"));
    cimom.modifyInstance(change);  // unchanged read-only values in the instance are fine
    EXPECT_EQ(cimom.getInstance(servicePath("Alpha")).get("StartMode"), Value::string("Disabled"));

    change.set("EnabledState", Value::uint16(3));  // no Write qualifier
    EXPECT_EQ(statusOf([&] { cimom.modifyInstance(change); }), CimStatus::InvalidParameter);
    EXPECT_EQ(cimom.getInstance(servicePath("Alpha")).get("EnabledState"), Value::uint16(5)) << "nothing changed";

    // With a PropertyList only the listed properties count: EnabledState is ignored.
    change.set("Priority", Value::uint32(9));
    cimom.modifyInstance(change, std::vector<std::string>{"Priority"});
    const Instance after = cimom.getInstance(servicePath("Alpha"));
    EXPECT_EQ(after.get("Priority"), Value::uint32(9));
    EXPECT_EQ(after.get("EnabledState"), Value::uint16(5));

    EXPECT_EQ(statusOf([&] { cimom.modifyInstance(change, std::vector<std::string>{"NoSuch"}); }),
              CimStatus::InvalidParameter);
    Instance ghost = service("Ghost");
    ghost.setPath(servicePath("Ghost"));
    EXPECT_EQ(statusOf([&] { cimom.modifyInstance(ghost); }), CimStatus::NotFound);
}

TEST_F(InstancesTest, DeleteInstance) {
    cimom.deleteInstance(servicePath("Beta"));
    EXPECT_EQ(statusOf([&] { cimom.getInstance(servicePath("Beta")); }), CimStatus::NotFound);
    EXPECT_EQ(statusOf([&] { cimom.deleteInstance(servicePath("Beta")); }), CimStatus::NotFound);
    EXPECT_THAT(names(cimom.enumerateInstances(kNs, "Test_Service")), ElementsAre("Alpha", "Gamma"));
}

TEST_F(InstancesTest, PutAndRemoveInstanceWorkOnTheStaticStore) {
    cimom.putInstance(servicePath("Beta"), service("Beta").set("EnabledState", Value::uint16(2)));
    EXPECT_EQ(cimom.getInstance(servicePath("Beta")).get("EnabledState"), Value::uint16(2));
    EXPECT_EQ(statusOf([&] { cimom.putInstance(servicePath("Beta"), service("Other")); }), CimStatus::InvalidParameter);
    EXPECT_EQ(statusOf([&] { cimom.putInstance(servicePath("Nope"), service("Nope")); }), CimStatus::NotFound);
    cimom.removeInstance(servicePath("Beta"));
    EXPECT_EQ(statusOf([&] { cimom.removeInstance(servicePath("Beta")); }), CimStatus::NotFound);
}

TEST_F(InstancesTest, SystemPropertiesWhenAsked) {
    cimom.setHostName("TESTHOST");
    InstanceOptions options;
    options.includeSystemProperties = true;
    const Instance gamma = cimom.getInstance(servicePath("Gamma", "Test_SpecialService"), options);
    EXPECT_EQ(gamma.get("__CLASS"), Value::string("Test_SpecialService"));
    EXPECT_EQ(gamma.get("__SUPERCLASS"), Value::string("Test_Service"));
    EXPECT_EQ(gamma.get("__DYNASTY"), Value::string("Test_ManagedElement"));
    EXPECT_EQ(gamma.get("__SERVER"), Value::string("TESTHOST"));
    EXPECT_EQ(gamma.get("__NAMESPACE"), Value::string("root\\cimv2"));
    EXPECT_EQ(gamma.get("__GENUS"), Value::sint32(2));
    EXPECT_EQ(gamma.get("__DERIVATION"),
              Value::array(CimType::String, {Value::string("Test_Service"), Value::string("Test_EnabledElement"),
                                             Value::string("Test_ManagedElement")}));
    EXPECT_THAT(gamma.get("__RELPATH").asString(), HasSubstr("Test_SpecialService."));
    EXPECT_THAT(gamma.get("__PATH").asString(), HasSubstr(R"(\\TESTHOST\root\cimv2:Test_SpecialService.)"));
    EXPECT_EQ(ObjectPath::parse(gamma.get("__PATH").asString()), servicePath("Gamma", "Test_SpecialService"));
    EXPECT_EQ(gamma.get("__PROPERTY_COUNT"),
              Value::sint32(static_cast<std::int32_t>(cimom.findClass(kNs, "Test_SpecialService")->properties.size())));

    EXPECT_FALSE(cimom.getInstance(servicePath("Alpha")).has("__CLASS")) << "only when asked";
    const auto all = cimom.enumerateInstances(kNs, "Test_Service", options);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].get("__CLASS"), Value::string("Test_Service"));
    EXPECT_TRUE(all[0].get("__SUPERCLASS") == Value::string("Test_EnabledElement"));
}

TEST_F(InstancesTest, NamespacesAreCreatedOnDemandAndAcceptBackslashes) {
    EXPECT_TRUE(cimom.hasNamespace("root/cimv2"));
    EXPECT_TRUE(cimom.hasNamespace("ROOT\\CIMV2"));
    EXPECT_TRUE(cimom.hasNamespace("root/interop"));
    EXPECT_FALSE(cimom.hasNamespace("root/virtualization/v2"));
    cimom.createNamespace("root\\virtualization\\v2");
    EXPECT_TRUE(cimom.hasNamespace("root/virtualization/v2"));
    addTestSchema(cimom, "root/virtualization/v2");
    cimom.addInstance("root\\virtualization\\v2", service("Vm"));
    EXPECT_THAT(names(cimom.enumerateInstances("root/virtualization/v2", "Test_Service")), ElementsAre("Vm"));
    EXPECT_THAT(names(cimom.enumerateInstances(kNs, "Test_Service")), ElementsAre("Alpha", "Beta", "Gamma"))
        << "namespaces keep separate stores";
    const auto all = cimom.namespaces();
    EXPECT_EQ(std::count(all.begin(), all.end(), "root/virtualization/v2"), 1);
}

}  // namespace
}  // namespace wmimock
