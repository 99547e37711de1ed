// Semantic checks after parsing, and the resolution they guard: inheritance, qualifier
// propagation by flavor, Override, defaults and instances.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "mof_test_support.hpp"

namespace wmimock {
namespace {

using testing::allDiagnostics;
using testing::errorsOf;
using ::testing::HasSubstr;
using testing::kBasicQualifiers;

MofCompileResult compileWithQualifiers(std::string_view body, SchemaRepository& repo) {
    return testing::compile(std::string(kBasicQualifiers).append(body), repo);
}

// Compiles `body` expecting exactly one error; returns its message.
std::string onlyError(std::string_view body) {
    SchemaRepository repo;
    const auto result = compileWithQualifiers(body, repo);
    const auto errors = errorsOf(result);
    EXPECT_EQ(errors.size(), 1u) << allDiagnostics(result);
    return errors.empty() ? std::string() : errors.front().message;
}

TEST(MofSemantics, InheritanceMarksPropagatedElementsWithTheirOrigin) {
    SchemaRepository repo;
    const auto result = compileWithQualifiers(R"(
        [Abstract, Description("base")] class Ex_Base {
            [Key, Description("id")] string Id;
            uint32 Stop();
        };
        class Ex_Derived : Ex_Base { string Extra; };)",
                                              repo);
    ASSERT_TRUE(result.ok()) << allDiagnostics(result);
    const auto derived = repo.find("root/cimv2")->findClass("Ex_Derived");
    ASSERT_NE(derived, nullptr);
    EXPECT_EQ(derived->superClass, "Ex_Base");
    EXPECT_EQ(derived->derivation, std::vector<std::string>{"Ex_Base"});
    const PropertyDecl* id = derived->findProperty("id");
    ASSERT_NE(id, nullptr);
    EXPECT_TRUE(id->propagated);
    EXPECT_EQ(id->classOrigin, "Ex_Base");
    EXPECT_TRUE(id->isKey());
    EXPECT_TRUE(id->qualifiers.find("Key")->propagated);
    EXPECT_FALSE(derived->findProperty("Extra")->propagated);
    EXPECT_EQ(derived->findProperty("Extra")->classOrigin, "Ex_Derived");
    EXPECT_TRUE(derived->findMethod("Stop")->propagated);
    // Abstract is Restricted: it does not propagate. Description is ToSubclass: it does.
    EXPECT_FALSE(derived->isAbstract());
    ASSERT_NE(derived->qualifiers.find("Description"), nullptr);
    EXPECT_TRUE(derived->qualifiers.find("Description")->propagated);
    EXPECT_EQ(derived->keyNames(), std::vector<std::string>{"Id"});
}

TEST(MofSemantics, OverrideReplacesTheInheritedElementAndKeepsItsQualifiers) {
    SchemaRepository repo;
    const auto result = compileWithQualifiers(R"(
        class Ex_Base { [Key] string Id; [Description("old"), MaxLen(10)] string Text = "base"; uint32 Run(); };
        class Ex_Derived : Ex_Base {
            [Override("Text"), Description("new")] string Text;
            [Override("Run"), Description("run it")] uint32 Run([In] string How);
        };)",
                                              repo);
    ASSERT_TRUE(result.ok()) << allDiagnostics(result);
    const auto derived = repo.find("root/cimv2")->findClass("Ex_Derived");
    const PropertyDecl* text = derived->findProperty("Text");
    EXPECT_FALSE(text->propagated);
    EXPECT_EQ(text->classOrigin, "Ex_Derived");
    EXPECT_EQ(text->qualifiers.stringValue("Description"), "new");
    EXPECT_EQ(text->qualifiers.find("MaxLen")->value.asUint64(), 10u);  // inherited qualifier kept
    EXPECT_EQ(text->defaultValue.asString(), "base");                   // inherited default kept
    EXPECT_EQ(derived->properties.size(), 2u);
    EXPECT_EQ(derived->findMethod("Run")->parameters.size(), 1u);
    EXPECT_EQ(derived->findMethod("Run")->classOrigin, "Ex_Derived");
}

TEST(MofSemantics, SuperclassMustExist) {
    EXPECT_EQ(onlyError("class Ex_A : Ex_Missing { };"), "superclass 'Ex_Missing' of class 'Ex_A' is not declared");
}

TEST(MofSemantics, ClassesCompileInAnyOrder) {
    SchemaRepository repo;
    const auto result = compileWithQualifiers(R"(
        class Ex_C : Ex_B { string C; };
        [Association] class Ex_Link { Ex_A REF Left; Ex_C REF Right; };
        class Ex_B : Ex_A { string B; };
        class Ex_A { [Key] string Id; };)",
                                              repo);
    ASSERT_TRUE(result.ok()) << allDiagnostics(result);
    const auto c = repo.find("root/cimv2")->findClass("Ex_C");
    EXPECT_EQ(c->derivation, (std::vector<std::string>{"Ex_B", "Ex_A"}));
    EXPECT_NE(c->findProperty("Id"), nullptr);
    // classes() lists superclasses first.
    std::vector<std::string> order;
    for (const auto& cls : repo.find("root/cimv2")->classes()) {
        if (cls->name.starts_with("Ex_")) order.push_back(cls->name);
    }
    EXPECT_EQ(order, (std::vector<std::string>{"Ex_A", "Ex_B", "Ex_C", "Ex_Link"}));
}

TEST(MofSemantics, InheritanceCycleIsAnError) {
    EXPECT_THAT(onlyError("class Ex_A : Ex_B { }; class Ex_B : Ex_A { };"),
                HasSubstr("inheritance cycle: Ex_A -> Ex_B -> Ex_A"));
}

TEST(MofSemantics, KeyTypeMustBeAllowed) {
    EXPECT_EQ(onlyError("class Ex_A { [Key] real32 Id; };"),
              "key property 'Id' of class 'Ex_A' has type real32, which cannot be a key");
    EXPECT_EQ(onlyError("class Ex_A { [Key] string Ids[]; };"),
              "key property 'Ids' of class 'Ex_A' has type string[], which cannot be a key");
}

TEST(MofSemantics, OverrideMustNameAnInheritedElement) {
    EXPECT_EQ(onlyError("class Ex_A { string X; }; class Ex_B : Ex_A { [Override(\"Y\")] string Y; };"),
              "Override(\"Y\") on property 'Y' of class 'Ex_B': no inherited property or reference has that name");
    EXPECT_THAT(onlyError("class Ex_A { }; class Ex_B : Ex_A { [Override(\"Go\")] uint32 Go(); };"),
                HasSubstr("no inherited method has that name"));
}

TEST(MofSemantics, OverrideCannotChangeTheType) {
    EXPECT_THAT(onlyError("class Ex_A { uint16 X; }; class Ex_B : Ex_A { [Override(\"X\")] string X; };"),
                HasSubstr("changes its type from uint16 to string"));
}

TEST(MofSemantics, QualifiersMustBeDeclaredInTheDmtfDialect) {
    EXPECT_EQ(onlyError("[Bogus] class Ex_A { };"),
              "qualifier 'Bogus' is not declared (undeclared qualifiers are allowed in the WMI dialect)");
}

TEST(MofSemantics, QualifiersMustBeUsedWithinTheirScope) {
    EXPECT_EQ(onlyError("class Ex_A { [Key] uint32 Go(); };"),
              "qualifier 'Key' cannot be used on a method (its scope is property, reference)");
    EXPECT_THAT(onlyError("[Key] class Ex_A { };"), HasSubstr("cannot be used on a class"));
}

TEST(MofSemantics, QualifierValuesMatchTheDeclaredType) {
    EXPECT_THAT(onlyError("class Ex_A { [MaxLen(\"ten\")] string X; };"),
                HasSubstr("qualifier 'MaxLen' of type uint32: expected a uint32 value, found string \"ten\""));
}

TEST(MofSemantics, DisableOverrideQualifierCannotBeChanged) {
    EXPECT_THAT(onlyError("class Ex_A { [Key] string Id; }; class Ex_B : Ex_A { [Override(\"Id\"), Key(false)] "
                          "string Id; };"),
                HasSubstr("cannot be overridden: it is inherited with flavor DisableOverride"));
    // Restating the same value is fine.
    SchemaRepository repo;
    EXPECT_TRUE(compileWithQualifiers(
                    "class Ex_A { [Key] string Id; }; class Ex_B : Ex_A { [Override(\"Id\"), Key] string Id; };", repo)
                    .ok());
}

TEST(MofSemantics, RestrictedFlavorAtTheUseStopsPropagation) {
    SchemaRepository repo;
    const auto result =
        compileWithQualifiers("[Description(\"mine only\") : Restricted] class Ex_A { }; class Ex_B : Ex_A { };", repo);
    ASSERT_TRUE(result.ok()) << allDiagnostics(result);
    EXPECT_EQ(repo.find("root/cimv2")->findClass("Ex_B")->qualifiers.find("Description"), nullptr);
}

TEST(MofSemantics, DefaultValuesMatchTheDeclaredType) {
    EXPECT_EQ(onlyError("class Ex_A { uint8 Small = 256; };"),
              "default value of property 'Small' of class 'Ex_A' does not match its type uint8: value 256 is out of "
              "range for uint8");
    EXPECT_THAT(onlyError("class Ex_A { boolean Flag = \"yes\"; };"), HasSubstr("expected a boolean value"));
    EXPECT_THAT(onlyError("class Ex_A { uint16 Codes[] = 5; };"), HasSubstr("expected an array of uint16"));
    EXPECT_THAT(onlyError("class Ex_A { datetime When = \"tomorrow\"; };"),
                HasSubstr("does not match its type datetime"));
    EXPECT_THAT(onlyError("class Ex_A { sint8 Low = -129; };"), HasSubstr("value -129 is out of range for sint8"));
}

TEST(MofSemantics, DefaultValuesOfEveryType) {
    SchemaRepository repo;
    const auto result = compileWithQualifiers(R"(
        class Ex_A {
            boolean B = TRUE; sint8 S8 = -128; uint8 U8 = 0xFF; sint16 S16 = -0x10; uint16 U16 = 101b;
            sint32 S32 = 017; uint32 U32 = 4294967295; sint64 S64 = -9223372036854775808; uint64 U64 = 1;
            real32 R32 = 1.5; real64 R64 = -2.5e-3; real64 FromInt = 3; char16 C = '\x41';
            string S = "a" "b\n\x41\"";  datetime D = "20260101120000.000000+060"; string N = NULL;
            uint16 Arr[] = {1, 2, 3}; string Fixed[2] = {"x", "y"};
        };)",
                                              repo);
    ASSERT_TRUE(result.ok()) << allDiagnostics(result);
    const auto cls = repo.find("root/cimv2")->findClass("Ex_A");
    auto value = [&](const char* name) -> const Value& { return cls->findProperty(name)->defaultValue; };
    EXPECT_TRUE(value("B").asBool());
    EXPECT_EQ(value("S8").asInt64(), -128);
    EXPECT_EQ(value("U8").asUint64(), 255u);
    EXPECT_EQ(value("S16").asInt64(), -16);
    EXPECT_EQ(value("U16").asUint64(), 5u);
    EXPECT_EQ(value("S32").asInt64(), 15);
    EXPECT_EQ(value("U32").asUint64(), 4294967295u);
    EXPECT_EQ(value("S64").asInt64(), INT64_MIN);
    EXPECT_EQ(value("R32").type(), CimType::Real32);
    EXPECT_DOUBLE_EQ(value("R64").asReal(), -2.5e-3);
    EXPECT_DOUBLE_EQ(value("FromInt").asReal(), 3.0);
    EXPECT_EQ(value("C").asChar16(), u'A');
    EXPECT_EQ(value("S").asString(), "ab\nA\"");
    EXPECT_EQ(value("D").asDateTime().year(), 2026);
    EXPECT_TRUE(value("N").isNull());
    EXPECT_EQ(value("Arr").asArray().size(), 3u);
    EXPECT_EQ(cls->findProperty("Fixed")->arraySize, 2u);
}

TEST(MofSemantics, DuplicateNamesAreErrors) {
    EXPECT_EQ(onlyError("class Ex_A { string X; uint8 x; };"), "property 'x' is declared twice in class 'Ex_A'");
    EXPECT_THAT(onlyError("class Ex_A { uint32 M(string P, uint8 p); };"), HasSubstr("is declared twice"));
    EXPECT_THAT(onlyError("class Ex_A { [Description(\"a\"), Description(\"b\")] string X; };"),
                HasSubstr("appears more than once"));
    EXPECT_THAT(onlyError("Qualifier Description : uint8, Scope(any);"),
                HasSubstr("qualifier 'Description' is already declared at test.mof:"));
}

// cimmofl warns and mofcomp updates: a class declared again is replaced by the later
// declaration, and its subclasses (declared before or after) inherit from that one.
TEST(MofSemantics, ARedeclaredClassIsReplacedWithAWarning) {
    SchemaRepository repo;
    const auto result =
        compileWithQualifiers("class Ex_A { string Old; }; class Ex_B : Ex_A { }; class EX_a { string New; };", repo);
    ASSERT_TRUE(result.ok()) << allDiagnostics(result);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].severity, MofDiagnostic::Severity::Warning);
    EXPECT_THAT(result.diagnostics[0].message, HasSubstr("class 'EX_a' is already declared at test.mof:"));
    EXPECT_THAT(result.diagnostics[0].message, HasSubstr("this declaration replaces it"));
    const auto b = repo.find("root/cimv2")->findClass("Ex_B");
    ASSERT_TRUE(b);
    EXPECT_TRUE(b->findProperty("New"));
    EXPECT_FALSE(b->findProperty("Old"));
}

TEST(MofSemantics, AssociationsNeedTwoReferencesToDeclaredClasses) {
    EXPECT_THAT(onlyError("class Ex_A { }; [Association] class Ex_L { Ex_A REF Only; };"),
                HasSubstr("has 1 reference(s); an association needs at least two"));
    EXPECT_THAT(onlyError("class Ex_A { }; [Association] class Ex_L { Ex_A REF L; Ex_Nope REF R; };"),
                HasSubstr("refers to class 'Ex_Nope', which is not declared"));
}

TEST(MofSemantics, AssociationAndIndicationKindsPropagate) {
    SchemaRepository repo;
    const auto result = compileWithQualifiers(R"(
        class Ex_A { [Key] string Id; };
        [Association] class Ex_L { [Key] Ex_A REF L; [Key] Ex_A REF R; };
        class Ex_L2 : Ex_L { };
        [Indication, Abstract] class Ex_Ind { };
        class Ex_Ind2 : Ex_Ind { };)",
                                              repo);
    ASSERT_TRUE(result.ok()) << allDiagnostics(result);
    EXPECT_TRUE(repo.find("root/cimv2")->findClass("Ex_L2")->isAssociation());
    EXPECT_TRUE(repo.find("root/cimv2")->findClass("Ex_Ind2")->isIndication());
    EXPECT_EQ(result.stats.classes, 5u);
    EXPECT_EQ(result.stats.associations, 2u);
    EXPECT_EQ(result.stats.indications, 2u);
}

TEST(MofSemantics, InstancesNameExistingPropertiesWithTypedValuesAndSetKeys) {
    EXPECT_EQ(onlyError("class Ex_A { [Key] string Id; }; instance of Ex_A { Id = \"1\"; Nope = 2; };"),
              "class 'Ex_A' has no property 'Nope'");
    EXPECT_THAT(onlyError("class Ex_A { [Key] string Id; uint8 N; }; instance of Ex_A { Id = \"1\"; N = \"x\"; };"),
                HasSubstr("value of property 'N' does not match its type uint8"));
    EXPECT_EQ(onlyError("class Ex_A { [Key] string Id; string Other; }; instance of Ex_A { Other = \"x\"; };"),
              "instance of 'Ex_A' does not set key property 'Id'");
    EXPECT_EQ(onlyError("instance of Ex_Nope { };"), "instance of undeclared class 'Ex_Nope' in namespace root/cimv2");
    EXPECT_THAT(onlyError("[Abstract] class Ex_A { }; instance of Ex_A { };"), HasSubstr("abstract class"));
}

TEST(MofSemantics, InstanceAliasesResolveInAnyOrder) {
    SchemaRepository repo;
    const auto result = compileWithQualifiers(R"(
        class Ex_A { [Key] string Id; };
        [Association] class Ex_L { [Key] Ex_A REF L; [Key] Ex_A REF R; };
        instance of Ex_L { L = $First; R = $Second; };
        instance of Ex_A as $First { Id = "1"; };
        instance of Ex_A as $Second { Id = "2"; };)",
                                              repo);
    ASSERT_TRUE(result.ok()) << allDiagnostics(result);
    ASSERT_EQ(result.instances.size(), 3u);
    const Instance& link = result.instances[0].instance;
    EXPECT_EQ(link.get("L").asReference().key("Id")->asString(), "1");
    EXPECT_EQ(link.get("R").asReference().key("Id")->asString(), "2");
    EXPECT_EQ(link.path().keys().size(), 2u);
    EXPECT_EQ(onlyError("class Ex_A { [Key] string Id; }; [Association] class Ex_L { [Key] Ex_A REF L; [Key] Ex_A "
                        "REF R; }; instance of Ex_L { L = $Nobody; R = \"Ex_A.Id=\\\"1\\\"\"; };"),
              "alias '$Nobody' is not defined");
}

TEST(MofSemantics, HidingAnInheritedPropertyWithoutOverrideIsAWarning) {
    SchemaRepository repo;
    const auto result = compileWithQualifiers("class Ex_A { string X; }; class Ex_B : Ex_A { string X; };", repo);
    EXPECT_TRUE(result.ok());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].severity, MofDiagnostic::Severity::Warning);
    EXPECT_THAT(result.diagnostics[0].message, HasSubstr("without Override"));
}

}  // namespace
}  // namespace wmimock
