// The Microsoft WMI dialect as mofcomp reads it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mof_test_support.hpp"
#include "wmimock/cim/object_path.hpp"

namespace wmimock {
namespace {

using testing::allDiagnostics;
using testing::compile;
using testing::errorsOf;
using ::testing::HasSubstr;

TEST(MofWmiDialect, NamespacePragmaAbsoluteAndRelative) {
    SchemaRepository repo;
    MofCompileOptions options;
    options.defaultNamespace = "root/default";
    const auto result = compile(R"(
        #pragma namespace("\\\\.\\root\\cimv2")
        class A { [key] string Name; };
        #pragma namespace("Sub")
        class B { [key] string Name; };
        #pragma namespace("\\\\.\\root\\other")
        class C { [key] string Name; };
        #pragma namespace("root\\third")
        class D { [key] string Name; };)",
                                repo, options);
    ASSERT_TRUE(result.ok()) << allDiagnostics(result);
    ASSERT_NE(repo.find("root/cimv2"), nullptr);
    EXPECT_NE(repo.find("root/cimv2")->findClass("A"), nullptr);
    ASSERT_NE(repo.find("root\\cimv2\\Sub"), nullptr);
    EXPECT_NE(repo.find("root/cimv2/sub")->findClass("B"), nullptr);
    EXPECT_NE(repo.find("root/other")->findClass("C"), nullptr);
    EXPECT_NE(repo.find("root/third")->findClass("D"), nullptr);
    EXPECT_EQ(repo.find("root/cimv2")->findClass("B"), nullptr);
}

TEST(MofWmiDialect, ProviderRegistrationWithSystemClassesAndAlias) {
    SchemaRepository repo;
    const auto result = compile(R"(
        #pragma namespace("\\\\.\\root\\cimv2")
        #pragma autorecover
        instance of __Win32Provider as $P { Name = "VendorProv"; CLSID = "{01}"; HostingModel = "NetworkServiceHost"; };
        instance of __InstanceProviderRegistration { Provider = $P; SupportsGet = TRUE; SupportsEnumeration = TRUE; };
        instance of __MethodProviderRegistration { Provider = $P; };
        [dynamic, provider("VendorProv")] class Vendor_Thing { [key] string Id; [implemented] uint32 Poke(); };)",
                                repo);
    ASSERT_TRUE(result.ok()) << allDiagnostics(result);
    ASSERT_EQ(result.instances.size(), 3u);
    const Instance& provider = result.instances[0].instance;
    EXPECT_EQ(provider.className(), "__Win32Provider");
    EXPECT_EQ(provider.path().toString(),
              ObjectPath::parse("root/cimv2:__Win32Provider.Name=\"VendorProv\"").toString());
    EXPECT_TRUE(provider.get("Pure").asBool());  // class default filled in
    const Value& ref = result.instances[1].instance.get("Provider");
    EXPECT_EQ(ref.asReference(), provider.path());
    const auto cls = repo.find("root/cimv2")->findClass("Vendor_Thing");
    ASSERT_NE(cls, nullptr);
    EXPECT_TRUE(cls->qualifiers.isTrue("dynamic"));
    EXPECT_EQ(cls->qualifiers.stringValue("provider"), "VendorProv");
}

TEST(MofWmiDialect, SystemClassesExistInEveryNamespace) {
    SchemaRepository repo;
    for (const char* ns : {"root/cimv2", "root/virtualization/v2", "root/x"}) {
        const SchemaNamespace& schema = repo.getOrCreate(ns);
        for (const char* cls : {"__SystemClass", "__NAMESPACE", "__Provider", "__Win32Provider", "__EventFilter",
                                "__EventConsumer", "__FilterToConsumerBinding", "__InstanceOperationEvent",
                                "__InstanceCreationEvent", "__InstanceModificationEvent", "__InstanceDeletionEvent"}) {
            EXPECT_NE(schema.findClass(cls), nullptr) << ns << " " << cls;
        }
        EXPECT_TRUE(schema.isA("__InstanceCreationEvent", "__Event"));
        EXPECT_TRUE(schema.findClass("__Win32Provider")->findProperty("Name")->isKey());
        EXPECT_TRUE(schema.findClass("__InstanceCreationEvent")->isIndication());
    }
    EXPECT_EQ(SchemaRepository::withoutSystemClasses().getOrCreate("root").classCount(), 0u);
}

TEST(MofWmiDialect, AmendedFlavorAndFlavorOnlyQualifierDeclaration) {
    SchemaRepository repo;
    const auto result = compile(R"(
        #pragma namespace("\\\\.\\root\\cimv2")
        Qualifier Description : Amended;
        [Description("base") : ToSubclass, Locale(1033)]
        class A { [key, Description("id") : Amended] string Id; };)",
                                repo);
    ASSERT_TRUE(result.ok()) << allDiagnostics(result);
    const auto cls = repo.find("root/cimv2")->findClass("A");
    const Qualifier* description = cls->qualifiers.find("Description");
    ASSERT_NE(description, nullptr);
    EXPECT_TRUE(description->flavor.amended);  // from the flavor-only declaration
    EXPECT_TRUE(cls->findProperty("Id")->qualifiers.find("Description")->flavor.amended);
}

TEST(MofWmiDialect, UndeclaredQualifiersAreTypedFromTheirValue) {
    SchemaRepository repo;
    const auto result = compile(R"(
        #pragma namespace("\\\\.\\root\\cimv2")
        [VendorFlag, VendorLevel(3), VendorTags{"a", "b"}] class A { [key] string Id; };)",
                                repo);
    ASSERT_TRUE(result.ok()) << allDiagnostics(result);
    const auto cls = repo.find("root/cimv2")->findClass("A");
    EXPECT_TRUE(cls->qualifiers.isTrue("VendorFlag"));
    EXPECT_EQ(cls->qualifiers.find("VendorLevel")->value.type(), CimType::Sint32);
    EXPECT_EQ(cls->qualifiers.stringArray("VendorTags"), (std::vector<std::string>{"a", "b"}));
}

TEST(MofWmiDialect, ImplicitQualifiersAreCheckedAgainstTheirTypes) {
    SchemaRepository repo;
    const auto result = compile(R"(
        #pragma namespace("\\\\.\\root\\cimv2")
        [Provider(5)] class A { [key] string Id; };)",
                                repo);
    ASSERT_FALSE(result.ok());
    EXPECT_THAT(errorsOf(result).at(0).message, HasSubstr("qualifier 'Provider' of type string"));
}

TEST(MofWmiDialect, ClassflagsCreateOnlyAndUpdateOnly) {
    SchemaRepository repo;
    ASSERT_TRUE(compile("#pragma namespace(\"root\\\\cimv2\")\nclass A { [key] string Id; };", repo).ok());
    const auto createAgain = compile(
        "#pragma namespace(\"root\\\\cimv2\")\n#pragma classflags(\"createonly\")\nclass A { [key] string Id; };",
        repo);
    ASSERT_EQ(errorsOf(createAgain).size(), 1u);
    EXPECT_THAT(errorsOf(createAgain)[0].message, HasSubstr("already exists"));
    const auto updateMissing =
        compile("#pragma namespace(\"root\\\\cimv2\")\n#pragma classflags(\"updateonly\")\nclass Missing { };", repo);
    ASSERT_EQ(errorsOf(updateMissing).size(), 1u);
    EXPECT_THAT(errorsOf(updateMissing)[0].message, HasSubstr("does not exist"));
    const auto force = compile(
        "#pragma namespace(\"root\\\\cimv2\")\n#pragma classflags(\"forceupdate\", \"updateonly\")\n"
        "class A { [key] string Id; uint32 Added; };",
        repo);
    EXPECT_TRUE(force.ok()) << allDiagnostics(force);
    EXPECT_NE(repo.find("root/cimv2")->findClass("A")->findProperty("Added"), nullptr);
    const auto bad = compile("#pragma classflags(\"sometimes\")\n", repo);
    EXPECT_THAT(errorsOf(bad).at(0).message, HasSubstr("unknown class flag 'sometimes'"));
}

TEST(MofWmiDialect, InstanceflagsAreValidated) {
    SchemaRepository repo;
    EXPECT_TRUE(compile("#pragma instanceflags(\"updateonly\")\n", repo).ok());
    EXPECT_FALSE(compile("#pragma instanceflags(\"forceupdate\")\n", repo).ok());
}

TEST(MofWmiDialect, DeleteClassRemovesClassAndSubclasses) {
    SchemaRepository repo;
    ASSERT_TRUE(
        compile("#pragma namespace(\"root\\\\cimv2\")\nclass A { }; class B : A { }; class Keep { };", repo).ok());
    const auto result = compile(R"(
        #pragma namespace("root\\cimv2")
        #pragma deleteclass("A", FAIL)
        #pragma deleteclass("NeverThere", NOFAIL)
        class A { string Recreated; };)",
                                repo);
    ASSERT_TRUE(result.ok()) << allDiagnostics(result);
    const SchemaNamespace* ns = repo.find("root/cimv2");
    EXPECT_EQ(ns->findClass("B"), nullptr);
    EXPECT_NE(ns->findClass("Keep"), nullptr);
    EXPECT_NE(ns->findClass("A")->findProperty("Recreated"), nullptr);
    EXPECT_EQ(result.deletedClasses.size(), 2u);
    const auto failing = compile("#pragma deleteclass(\"NeverThere\", FAIL)\n", repo);
    EXPECT_THAT(errorsOf(failing).at(0).message, HasSubstr("'NeverThere' does not exist"));
}

TEST(MofWmiDialect, DeleteInstanceIsRecordedForTheInstanceStore) {
    SchemaRepository repo;
    const auto result =
        compile("#pragma namespace(\"root\\\\cimv2\")\n#pragma deleteinstance(\"Foo.Name=\\\"x\\\"\", NOFAIL)\n", repo);
    ASSERT_TRUE(result.ok()) << allDiagnostics(result);
    ASSERT_EQ(result.deletedInstances.size(), 1u);
    EXPECT_EQ(result.deletedInstances[0].first, "root/cimv2");
    EXPECT_EQ(result.deletedInstances[0].second, "Foo.Name=\"x\"");
}

TEST(MofWmiDialect, UnknownPragmaIsAWarning) {
    SchemaRepository repo;
    const auto result = compile("#pragma frobnicate(\"x\")\nQualifier Q : boolean, Scope(any);", repo);
    EXPECT_TRUE(result.ok());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].severity, MofDiagnostic::Severity::Warning);
    EXPECT_EQ(result.diagnostics[0].toString(), "test.mof:1:1: warning: unknown pragma 'frobnicate' ignored");
}

TEST(MofWmiDialect, NamespaceInstanceCreatesTheNamespace) {
    SchemaRepository repo;
    const auto result =
        compile("#pragma namespace(\"\\\\\\\\.\\\\root\")\ninstance of __Namespace { Name = \"Vendor\"; };", repo);
    ASSERT_TRUE(result.ok()) << allDiagnostics(result);
    EXPECT_NE(repo.find("root/Vendor"), nullptr);
}

TEST(MofWmiDialect, EmbeddedObjectTypes) {
    SchemaRepository repo;
    const auto result = compile(R"(
        #pragma namespace("root\\cimv2")
        class Holder { [key] string Id; object Anything; object:Holder Nested[]; };)",
                                repo);
    ASSERT_TRUE(result.ok()) << allDiagnostics(result);
    const auto cls = repo.find("root/cimv2")->findClass("Holder");
    EXPECT_EQ(cls->findProperty("Anything")->type, CimType::Object);
    EXPECT_EQ(cls->findProperty("Nested")->referenceClass, "Holder");
    EXPECT_TRUE(cls->findProperty("Nested")->isArray);
}

// #pragma classflags when the class already has subclasses in the repository.
class ClassUpdate : public ::testing::Test {
protected:
    void SetUp() override {
        const auto result = compile(R"(#pragma autorecover
            class Upd_Base { [key] string Name; };
            class Upd_Sub : Upd_Base { uint32 Size; };
            class Upd_Leaf : Upd_Sub { };)",
                                    repo);
        ASSERT_TRUE(result.ok()) << allDiagnostics(result);
    }
    MofCompileResult update(std::string_view flags, std::string_view body) {
        return compile("#pragma classflags(\"" + std::string(flags) + "\")\nclass Upd_Base { [key] string Name; " +
                           std::string(body) + " };",
                       repo);
    }
    ClassPtr cls(std::string_view name) const { return repo.find("root/cimv2")->findClass(name); }
    SchemaRepository repo;
};

TEST_F(ClassUpdate, WithoutFlagsOnlyAQualifierChangeReachesSubclasses) {
    const auto refused = update("", "string Added;");
    ASSERT_EQ(errorsOf(refused).size(), 1u) << allDiagnostics(refused);
    EXPECT_THAT(errorsOf(refused)[0].message, HasSubstr("has subclasses in namespace root/cimv2 (Upd_Sub)"));
    EXPECT_FALSE(cls("Upd_Base")->findProperty("Added")) << "a refused update changed the repository";

    const auto result =
        compile("#pragma autorecover\n[Description(\"new\")] class Upd_Base { [key] string Name; };", repo);
    ASSERT_TRUE(result.ok()) << allDiagnostics(result);
    EXPECT_EQ(cls("Upd_Leaf")->qualifiers.stringValue("Description"), "new");
}

TEST_F(ClassUpdate, SafeUpdateRebuildsEverySubclass) {
    const auto result = update("safeupdate", "string Added;");
    ASSERT_TRUE(result.ok()) << allDiagnostics(result);
    for (const char* name : {"Upd_Sub", "Upd_Leaf"}) {
        const auto c = cls(name);
        ASSERT_TRUE(c->findProperty("Added")) << name;
        EXPECT_EQ(c->findProperty("Added")->classOrigin, "Upd_Base");
        ASSERT_TRUE(c->findProperty("Size")) << name;
        EXPECT_EQ(c->findProperty("Size")->classOrigin, "Upd_Sub");
    }
}

TEST_F(ClassUpdate, SafeUpdateRefusesAConflictAndForceUpdateDropsIt) {
    const auto refused = update("safeupdate", "string Size;");
    ASSERT_FALSE(refused.ok());
    EXPECT_THAT(errorsOf(refused)[0].message,
                HasSubstr("property 'Size' of class 'Upd_Sub' overrides Upd_Base.Size but changes its type"));
    EXPECT_EQ(cls("Upd_Sub")->findProperty("Size")->type, CimType::Uint32);

    const auto forced = update("forceupdate", "string Size;");
    ASSERT_TRUE(forced.ok()) << allDiagnostics(forced);
    EXPECT_THAT(allDiagnostics(forced), HasSubstr("warning: updating 'Upd_Base': property 'Size' of class 'Upd_Sub'"));
    EXPECT_EQ(cls("Upd_Leaf")->findProperty("Size")->type, CimType::String);
    EXPECT_EQ(cls("Upd_Leaf")->findProperty("Size")->classOrigin, "Upd_Base");
}

}  // namespace
}  // namespace wmimock
