// Schema side of the fake CIMOM: programmatic classes with inheritance, GetClass options,
// class enumeration, removal, and MOF loading into the repository.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_schema.hpp"

namespace wmimock {
namespace {

using namespace wmimock::testing;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

CimStatus statusOf(const std::function<void()>& call) {
    try {
        call();
    } catch (const CimError& e) {
        return e.status();
    }
    return CimStatus::Success;
}

std::vector<std::string> propertyNames(const CimClass& cls) {
    std::vector<std::string> out;
    for (const PropertyDecl& p : cls.properties) out.push_back(p.name);
    return out;
}

class SchemaTest : public ::testing::Test {
protected:
    void SetUp() override { addTestSchema(cimom); }
    Cimom cimom;
};

TEST_F(SchemaTest, AddClassResolvesInheritance) {
    const ClassPtr special = cimom.findClass(kNs, "test_specialservice");
    ASSERT_NE(special, nullptr);
    EXPECT_THAT(special->derivation, ElementsAre("Test_Service", "Test_EnabledElement", "Test_ManagedElement"));
    const PropertyDecl* enabled = special->findProperty("EnabledState");
    ASSERT_NE(enabled, nullptr);
    EXPECT_TRUE(enabled->propagated);
    EXPECT_EQ(enabled->classOrigin, "Test_EnabledElement");
    EXPECT_EQ(enabled->defaultValue, Value::uint16(5));
    EXPECT_TRUE(special->findProperty("Name")->isKey());
    ASSERT_NE(special->findMethod("RequestStateChange"), nullptr);
    EXPECT_FALSE(special->isAbstract()) << "Abstract is Restricted: it does not flow to subclasses";
    EXPECT_TRUE(cimom.findClass(kNs, "Test_Dependency")->isAssociation());
}

TEST_F(SchemaTest, AddClassErrors) {
    EXPECT_EQ(statusOf([&] { cimom.addClass(kNs, makeClass("Test_Service", "", {})); }), CimStatus::AlreadyExists);
    EXPECT_EQ(statusOf([&] { cimom.addClass(kNs, makeClass("Test_Orphan", "No_Parent", {})); }),
              CimStatus::InvalidSuperclass);
    EXPECT_EQ(statusOf([&] {
                  cimom.addClass(kNs, makeClass("Test_BadDefault", "",
                                                {property("P", CimType::Uint8, {}, Value::string("not a number"))}));
              }),
              CimStatus::InvalidParameter);
    EXPECT_EQ(cimom.findClass(kNs, "Test_BadDefault"), nullptr) << "a failed edit leaves the schema unchanged";
}

TEST_F(SchemaTest, OverridingAPropertyKeepsInheritedQualifiersAndDefault) {
    PropertyDecl overridden = property("EnabledState", CimType::Uint16, {flag("Write")});
    cimom.addClass(kNs, makeClass("Test_Writable", "Test_Service", {overridden}));
    const ClassPtr cls = cimom.findClass(kNs, "Test_Writable");
    const PropertyDecl* p = cls->findProperty("EnabledState");
    EXPECT_FALSE(p->propagated);
    EXPECT_EQ(p->classOrigin, "Test_Writable");
    EXPECT_TRUE(p->qualifiers.isTrue("Write"));
    EXPECT_EQ(p->defaultValue, Value::uint16(5));
}

// A class given in code follows the rules of a class compiled from MOF: both are built by
// the MOF compiler's resolver.
TEST_F(SchemaTest, OverrideMayNameTheInheritedPropertyItReplaces) {
    Qualifier renames{"Override", Value::string("Priority"), {}, false};
    renames.flavor.toSubclass = false;
    cimom.addClass(kNs, makeClass("Test_Renamed", "Test_Service", {property("Urgency", CimType::Uint32, {renames})}));
    const ClassPtr cls = cimom.findClass(kNs, "Test_Renamed");
    EXPECT_EQ(cls->findProperty("Priority"), nullptr) << "Override(\"Priority\") replaces the inherited property";
    ASSERT_NE(cls->findProperty("Urgency"), nullptr);
    EXPECT_EQ(cls->findProperty("Urgency")->classOrigin, "Test_Renamed");
    EXPECT_TRUE(cls->findProperty("Urgency")->qualifiers.isTrue("Write")) << "it inherits Priority's qualifiers";

    Qualifier dangling{"Override", Value::string("NoSuchProperty"), {}, false};
    try {
        cimom.addClass(kNs, makeClass("Test_Dangling", "Test_Service", {property("X", CimType::String, {dangling})}));
        ADD_FAILURE() << "an Override that names nothing was accepted";
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::InvalidParameter);
        EXPECT_THAT(e.message(), HasSubstr("Override(\"NoSuchProperty\")"));
    }
}

TEST_F(SchemaTest, AQualifierInheritedWithDisableOverrideKeepsItsValue) {
    Qualifier locked{"Units", Value::string("Seconds"), {}, false};
    locked.flavor.overridable = false;
    cimom.addClass(kNs, makeClass("Test_Locked", "", {property("Delay", CimType::Uint32, {locked})}));
    const Qualifier same{"Units", Value::string("Seconds"), {}, false};
    cimom.addClass(kNs, makeClass("Test_Restates", "Test_Locked", {property("Delay", CimType::Uint32, {same})}));
    EXPECT_NE(cimom.findClass(kNs, "Test_Restates"), nullptr) << "restating the same value is no change";

    const Qualifier changed{"Units", Value::string("Minutes"), {}, false};
    try {
        cimom.addClass(kNs, makeClass("Test_Unlocks", "Test_Locked", {property("Delay", CimType::Uint32, {changed})}));
        ADD_FAILURE() << "a DisableOverride qualifier was overridden";
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::InvalidParameter);
        EXPECT_THAT(e.message(), HasSubstr("qualifier 'Units' on property 'Delay' of class 'Test_Unlocks' cannot be "
                                           "overridden: it is inherited with flavor DisableOverride"));
    }
    EXPECT_EQ(cimom.findClass(kNs, "Test_Unlocks"), nullptr);
}

TEST_F(SchemaTest, ClassRulesOfTheCompilerHoldForClassesGivenInCode) {
    const auto refused = [&](CimClass cls, const char* why) {
        try {
            cimom.createClass(kNs, cls);
        } catch (const CimError& e) {
            EXPECT_EQ(e.status(), CimStatus::InvalidParameter) << cls.name;
            EXPECT_THAT(e.message(), HasSubstr(why)) << cls.name;
            EXPECT_EQ(cimom.findClass(kNs, cls.name), nullptr) << cls.name;
            return;
        }
        ADD_FAILURE() << cls.name << " was accepted; expected: " << why;
    };
    refused(makeClass("Test_Retyped", "Test_Service", {property("Priority", CimType::String)}),
            "overrides Test_Service.Priority but changes its type from uint32 to string");
    refused(makeClass("Test_Lonely", "", {reference("Only", "Test_Service")}, {}, {flag("Association")}),
            "association 'Test_Lonely' has 1 reference(s)");
    refused(makeClass("Test_ArrayKey", "", {[] {
                          PropertyDecl names = key("Names");
                          names.isArray = true;
                          return names;
                      }()}),
            "cannot be a key");
    refused(makeClass("Test_Clash", "", {property("Go", CimType::String)}, {method("Go", CimType::Uint32)}),
            "'Go' is declared as both a property and a method");
    refused(makeClass("Test_Dangling", "", {reference("A", "Test_Nowhere"), reference("B", "Test_Service")}, {},
                      {flag("Association")}),
            "refers to class 'Test_Nowhere', which is not declared");
}

TEST(ClassesGivenInCode, QualifiersTheNamespaceDeclaresKeepTheirScopeAndType) {
    Cimom cimom;
    cimom.loadMof(R"(
Qualifier Key : boolean = false, Scope(property, reference), Flavor(DisableOverride, ToSubclass);
Qualifier MaxLen : uint32 = null, Scope(property, method, parameter);
)",
                  "quals.mof");
    Qualifier maxLen{"MaxLen", Value::sint64(64), {}, false};
    cimom.addClass("root/cimv2", makeClass("Test_Sized", "", {property("Label", CimType::String, {maxLen})}));
    const Qualifier* stored =
        cimom.findClass("root/cimv2", "Test_Sized")->findProperty("Label")->qualifiers.find("MaxLen");
    ASSERT_NE(stored, nullptr);
    EXPECT_EQ(stored->value, Value::uint32(64)) << "an integer takes the declared type";

    try {
        cimom.addClass("root/cimv2", makeClass("Test_KeyClass", "", {}, {}, {flag("Key")}));
        ADD_FAILURE() << "Key was accepted on a class";
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::InvalidParameter);
        EXPECT_THAT(e.message(), HasSubstr("qualifier 'Key' cannot be used on a class"));
    }
    cimom.addClass("root/cimv2",
                   makeClass("Test_Free", "", {}, {}, {Qualifier{"Vendor_Tag", Value::string("x"), {}, false}}));
    EXPECT_TRUE(cimom.findClass("root/cimv2", "Test_Free")->qualifiers.has("Vendor_Tag"))
        << "an undeclared qualifier is taken as written";
}

TEST_F(SchemaTest, GetClassOptions) {
    const CimClass local = cimom.getClass(kNs, "Test_SpecialService");  // DSP0200 defaults: LocalOnly
    EXPECT_THAT(propertyNames(local), ElementsAre("Extra"));
    EXPECT_THAT(local.methods, IsEmpty());

    GetClassOptions all;
    all.localOnly = false;
    const CimClass full = cimom.getClass(kNs, "Test_SpecialService", all);
    EXPECT_THAT(propertyNames(full), Contains("EnabledState"));
    EXPECT_NE(full.findMethod("StopService"), nullptr);
    EXPECT_TRUE(full.findProperty("Name")->qualifiers.isTrue("Key"));
    EXPECT_TRUE(full.findProperty("Name")->classOrigin.empty()) << "IncludeClassOrigin is false by default";

    all.includeClassOrigin = true;
    all.includeQualifiers = false;
    all.propertyList = std::vector<std::string>{"name", "Extra"};
    const CimClass trimmed = cimom.getClass(kNs, "Test_SpecialService", all);
    EXPECT_THAT(propertyNames(trimmed), ElementsAre("Name", "Extra"));
    EXPECT_EQ(trimmed.findProperty("Name")->classOrigin, "Test_Service");
    EXPECT_TRUE(trimmed.findProperty("Name")->qualifiers.empty());

    EXPECT_EQ(statusOf([&] { cimom.getClass(kNs, "No_Class"); }), CimStatus::NotFound);
    EXPECT_EQ(statusOf([&] { cimom.getClass("root/none", "Test_Service"); }), CimStatus::InvalidNamespace);
}

TEST_F(SchemaTest, EnumerateClassesShallowAndDeep) {
    EXPECT_THAT(cimom.enumerateClassNames(kNs, "Test_EnabledElement"),
                UnorderedElementsAre("Test_Service", "Test_System"));
    EXPECT_THAT(cimom.enumerateClassNames(kNs, "Test_EnabledElement", true),
                UnorderedElementsAre("Test_Service", "Test_System", "Test_SpecialService"));
    const auto roots = cimom.enumerateClassNames(kNs);
    EXPECT_THAT(roots, Contains("Test_ManagedElement"));
    EXPECT_THAT(roots, Contains("Test_Job"));
    EXPECT_THAT(roots, Not(Contains("Test_Service")));
    const auto deep = cimom.enumerateClassNames(kNs, {}, true);
    EXPECT_THAT(deep, Contains("Test_SpecialService"));

    const auto classes = cimom.enumerateClasses(kNs, "Test_Service", false, GetClassOptions{false, true, false, {}});
    ASSERT_EQ(classes.size(), 1u);
    EXPECT_EQ(classes[0].name, "Test_SpecialService");
    EXPECT_NE(classes[0].findProperty("Name"), nullptr);
    EXPECT_EQ(statusOf([&] { cimom.enumerateClassNames(kNs, "No_Class"); }), CimStatus::InvalidClass);
    EXPECT_EQ(statusOf([&] { cimom.enumerateClasses("root/none"); }), CimStatus::InvalidNamespace);
}

TEST_F(SchemaTest, RemoveClass) {
    cimom.addInstance(kNs, service("Gamma", "Test_SpecialService"));
    EXPECT_EQ(statusOf([&] { cimom.removeClass(kNs, "Test_Service"); }), CimStatus::ClassHasChildren);
    cimom.removeClass(kNs, "Test_SpecialService");
    EXPECT_EQ(cimom.findClass(kNs, "Test_SpecialService"), nullptr);
    EXPECT_TRUE(cimom.enumerateInstances(kNs, "Test_Service").empty()) << "its instances went with it";
    EXPECT_EQ(statusOf([&] { cimom.removeClass(kNs, "Test_SpecialService"); }), CimStatus::InvalidClass);
    EXPECT_EQ(statusOf([&] { cimom.removeClass("root/none", "X"); }), CimStatus::InvalidNamespace);
}

TEST_F(SchemaTest, ClassLevelAssociationsFollowTheReferenceDeclarations) {
    const AssociatorFilter any;
    EXPECT_THAT(cimom.associatorClassNames(kNs, "Test_Service", any),
                UnorderedElementsAre("Test_Service", "Test_System"));
    EXPECT_THAT(cimom.associatorClassNames(kNs, "test_specialservice", any),
                UnorderedElementsAre("Test_Service", "Test_System"))
        << "a reference to a superclass refers to its subclasses too";
    EXPECT_THAT(cimom.associatorClassNames(kNs, "Test_System", any), ElementsAre("Test_Service"));
    EXPECT_THAT(cimom.associatorClassNames(kNs, "Test_Job", any), IsEmpty());
    EXPECT_THAT(cimom.associatorClassNames(kNs, "Test_Service", {"Test_HostedService", "", "", ""}),
                ElementsAre("Test_System"));
    EXPECT_THAT(cimom.associatorClassNames(kNs, "Test_Service", {"", "Test_System", "", ""}),
                ElementsAre("Test_System"));
    EXPECT_THAT(cimom.associatorClassNames(kNs, "Test_Service", {"", "", "Antecedent", ""}),
                ElementsAre("Test_Service"))
        << "only Test_Dependency has a service as Antecedent";
    EXPECT_THAT(cimom.associatorClassNames(kNs, "Test_Service", {"", "", "", "Antecedent"}),
                UnorderedElementsAre("Test_Service", "Test_System"));
    EXPECT_THAT(cimom.associatorClassNames(kNs, "Test_Service", {"", "", "Dependent", "Antecedent"}),
                UnorderedElementsAre("Test_Service", "Test_System"));

    const std::vector<CimClass> classes = cimom.associatorClasses(kNs, "Test_System", any, GetClassOptions{});
    ASSERT_EQ(classes.size(), 1U);
    EXPECT_EQ(classes.front().name, "Test_Service");
    EXPECT_NE(classes.front().findMethod("StopService"), nullptr) << "the whole definition comes back";

    EXPECT_THAT(cimom.referenceClassNames(kNs, "Test_Service", {}),
                UnorderedElementsAre("Test_Dependency", "Test_HostedService"));
    EXPECT_THAT(cimom.referenceClassNames(kNs, "Test_Service", {"", "Antecedent"}), ElementsAre("Test_Dependency"));
    EXPECT_THAT(cimom.referenceClassNames(kNs, "Test_Service", {"Test_HostedService", ""}),
                ElementsAre("Test_HostedService"));
    EXPECT_THAT(cimom.referenceClasses(kNs, "Test_System", {}, GetClassOptions{}).front().name, "Test_HostedService");

    EXPECT_EQ(statusOf([&] { cimom.associatorClassNames(kNs, "No_Such", any); }), CimStatus::NotFound);
    EXPECT_EQ(statusOf([&] {
                  cimom.associatorClassNames(kNs, "Test_Service", {"No_Such", "", "", ""});
              }),
              CimStatus::InvalidParameter);
    EXPECT_EQ(statusOf([&] { cimom.referenceClassNames("root/none", "Test_Service", {}); }),
              CimStatus::InvalidNamespace);
}

TEST_F(SchemaTest, QualifierDeclarationsAreSetReplacedAndDeleted) {
    QualifierDecl decl;
    decl.name = "Test_Marker";
    decl.type = CimType::String;
    decl.scope = Scope::Class | Scope::Property;
    decl.defaultValue = Value::string("first");
    cimom.setQualifier(kNs, decl);
    EXPECT_EQ(cimom.getQualifier(kNs, "test_marker").defaultValue, Value::string("first"));
    decl.defaultValue = Value::string("second");
    cimom.setQualifier(kNs, decl);
    EXPECT_EQ(cimom.getQualifier(kNs, "Test_Marker").defaultValue, Value::string("second")) << "replaced";
    cimom.deleteQualifier(kNs, "TEST_MARKER");
    EXPECT_EQ(statusOf([&] { cimom.getQualifier(kNs, "Test_Marker"); }), CimStatus::NotFound);
    EXPECT_EQ(statusOf([&] { cimom.deleteQualifier(kNs, "Test_Marker"); }), CimStatus::NotFound);
    EXPECT_EQ(statusOf([&] { cimom.setQualifier("root/none", decl); }), CimStatus::InvalidNamespace);
    decl.name.clear();
    EXPECT_EQ(statusOf([&] { cimom.setQualifier(kNs, decl); }), CimStatus::InvalidParameter);
}

TEST_F(SchemaTest, ClassesAreCreatedModifiedAndDeletedOverTheWbemInterface) {
    cimom.createClass(kNs, makeClass("Test_OtherService", "Test_Service", {property("Color", CimType::String)}));
    const CimClass created = cimom.getClass(kNs, "Test_OtherService", GetClassOptions{false, true, false, {}});
    EXPECT_NE(created.findProperty("Name"), nullptr) << "inherited from Test_Service";
    EXPECT_EQ(statusOf([&] { cimom.createClass(kNs, makeClass("Test_OtherService", "", {})); }),
              CimStatus::AlreadyExists);
    EXPECT_EQ(statusOf([&] { cimom.createClass(kNs, makeClass("Test_Orphan", "No_Parent", {})); }),
              CimStatus::InvalidSuperclass);
    EXPECT_EQ(statusOf([&] { cimom.createClass("root/none", makeClass("Test_X", "", {})); }),
              CimStatus::InvalidNamespace)
        << "CreateClass does not create namespaces";

    cimom.modifyClass(kNs, makeClass("Test_Job", "", {key("InstanceID"), property("Progress", CimType::Uint16)}));
    const CimClass job = cimom.getClass(kNs, "Test_Job");
    EXPECT_NE(job.findProperty("Progress"), nullptr);
    EXPECT_EQ(job.findProperty("JobState"), nullptr) << "the new definition replaces the old one";
    EXPECT_EQ(statusOf([&] { cimom.modifyClass(kNs, makeClass("Test_Service", "Test_EnabledElement", {})); }),
              CimStatus::ClassHasChildren);
    cimom.addInstance(kNs, service("Gamma", "Test_SpecialService"));
    EXPECT_EQ(statusOf([&] { cimom.modifyClass(kNs, makeClass("Test_SpecialService", "Test_Service", {})); }),
              CimStatus::ClassHasInstances);
    EXPECT_EQ(statusOf([&] { cimom.modifyClass(kNs, makeClass("No_Such", "", {})); }), CimStatus::NotFound);

    EXPECT_EQ(statusOf([&] { cimom.deleteClass(kNs, "Test_Service"); }), CimStatus::ClassHasChildren);
    EXPECT_EQ(statusOf([&] { cimom.deleteClass(kNs, "Test_SpecialService"); }), CimStatus::ClassHasInstances);
    EXPECT_THAT(cimom.enumerateInstanceNames(kNs, "Test_SpecialService"), Not(IsEmpty())) << "nothing was lost";
    cimom.deleteClass(kNs, "Test_OtherService");
    EXPECT_EQ(statusOf([&] { cimom.getClass(kNs, "Test_OtherService"); }), CimStatus::NotFound);
    EXPECT_EQ(statusOf([&] { cimom.deleteClass(kNs, "Test_OtherService"); }), CimStatus::NotFound);
}

constexpr std::string_view kMof = R"(
Qualifier Key : boolean = false, Scope(property, reference), Flavor(DisableOverride, ToSubclass);
Qualifier Write : boolean = false, Scope(property);
Qualifier Association : boolean = false, Scope(association), Flavor(DisableOverride, ToSubclass);

class Mof_Base {
    [Key] string Id;
    uint16 State = 5;
    [Write] string Note;
};

class Mof_Derived : Mof_Base {
    uint32 Count;
};

instance of Mof_Derived { Id = "one"; Count = 1; };
instance of Mof_Base { Id = "two"; State = 2; };
)";

TEST(MofLoading, ClassesAndInstancesFromMof) {
    Cimom cimom;
    const MofCompileResult result = cimom.loadMof(kMof, "inline.mof");
    EXPECT_TRUE(result.ok());
    const auto found = cimom.enumerateInstances("root/cimv2", "Mof_Base");
    ASSERT_EQ(found.size(), 2u);
    const Instance one = cimom.getInstance(ObjectPath::parse("Mof_Derived.Id=\"one\""));
    EXPECT_EQ(one.get("State"), Value::uint16(5)) << "inherited default";
    EXPECT_EQ(one.get("Count"), Value::uint32(1));
    EXPECT_EQ(cimom.getInstance(ObjectPath::parse("Mof_Base.Id=\"two\"")).get("State"), Value::uint16(2));
}

TEST(MofLoading, ErrorsLeaveTheRepositoryUnchanged) {
    Cimom cimom;
    try {
        cimom.loadMof("class Broken { string A }", "broken.mof");
        FAIL() << "expected a compilation error";
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::InvalidParameter);
        EXPECT_THAT(e.message(), HasSubstr("broken.mof:1:"));
    }
    EXPECT_EQ(cimom.findClass("root/cimv2", "Broken"), nullptr);

    // An instance that does not fit its class rejects the whole load, classes included.
    constexpr std::string_view badInstance = R"(
Qualifier Key : boolean = false, Scope(property, reference), Flavor(DisableOverride, ToSubclass);
class Mof_Keyed { [Key] string Id; uint8 Small; };
instance of Mof_Keyed { Small = 3; };
)";
    EXPECT_THROW(cimom.loadMof(badInstance, "bad.mof"), CimError);
    EXPECT_EQ(cimom.findClass("root/cimv2", "Mof_Keyed"), nullptr);
}

TEST(MofLoading, PragmaNamespaceCreatesTheNamespace) {
    Cimom cimom;
    cimom.loadMof(R"(#pragma namespace("root/virtualization/v2")
Qualifier Key : boolean = false, Scope(property, reference), Flavor(DisableOverride, ToSubclass);
class Msvm_Thing { [Key] string Name; };
instance of Msvm_Thing { Name = "vm1"; };
)",
                  "ns.mof");
    EXPECT_TRUE(cimom.hasNamespace("root\\virtualization\\v2"));
    EXPECT_EQ(cimom.enumerateInstanceNames("root/virtualization/v2", "Msvm_Thing").size(), 1u);
}

// mofcomp's #pragma instanceflags: createonly refuses an existing instance, updateonly a
// missing one; either way the whole load is refused and nothing changes.
TEST(MofLoading, InstanceFlagsDecideBetweenCreateAndUpdate) {
    Cimom cimom;
    cimom.loadMof(R"(#pragma autorecover
class Mof_Setting { [key] string Name; uint32 Value; };
instance of Mof_Setting { Name = "retries"; Value = 3; };
)",
                  "base.mof");
    const ObjectPath retries = ObjectPath::parse("Mof_Setting.Name=\"retries\"");
    auto expectRefused = [&](std::string_view mof, CimStatus status, std::string_view fragment) {
        try {
            cimom.loadMof(mof, "flags.mof");
            ADD_FAILURE() << "loaded although its instance flags forbid it:\n" << mof;
        } catch (const CimError& e) {
            EXPECT_EQ(e.status(), status) << e.message();
            EXPECT_THAT(e.message(), HasSubstr(fragment));
        }
    };
    expectRefused(R"(#pragma instanceflags("createonly")
instance of Mof_Setting { Name = "retries"; Value = 4; };
)",
                  CimStatus::AlreadyExists, "createonly");
    expectRefused(R"(#pragma instanceflags("updateonly")
instance of Mof_Setting { Name = "retries"; Value = 5; };
instance of Mof_Setting { Name = "timeout"; Value = 30; };
)",
                  CimStatus::NotFound, "Mof_Setting.Name=\"timeout\"");
    EXPECT_EQ(cimom.getInstance(retries).get("Value"), Value::uint32(3)) << "a refused load changed an instance";
    cimom.loadMof(R"(#pragma instanceflags("updateonly")
instance of Mof_Setting { Name = "retries"; Value = 6; };
)",
                  "update.mof");
    EXPECT_EQ(cimom.getInstance(retries).get("Value"), Value::uint32(6));
}

}  // namespace
}  // namespace wmimock
