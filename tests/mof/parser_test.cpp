#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "wmimock/mof/parser.hpp"

namespace wmimock::mof {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

template <class T>
const T& only(const ParsedMof& parsed) {
    EXPECT_TRUE(parsed.errors.empty()) << parsed.errors.front();
    EXPECT_EQ(parsed.declarations.size(), 1u);
    return std::get<T>(parsed.declarations.at(0));
}

TEST(MofParser, QualifierDeclarationWithTypeDefaultScopeAndFlavor) {
    const auto parsed = parseMof(
        "Qualifier ValueMap : string[] = {\"a\", \"b\"}, Scope(property, method, parameter), "
        "Flavor(DisableOverride, Restricted, Translatable);");
    const auto& decl = only<AstQualifierDecl>(parsed);
    EXPECT_EQ(decl.name, "ValueMap");
    EXPECT_EQ(decl.type.type, CimType::String);
    EXPECT_TRUE(decl.type.isArray);
    ASSERT_TRUE(decl.defaultValue.has_value());
    ASSERT_EQ(decl.defaultValue->elements.size(), 2u);
    EXPECT_EQ(decl.defaultValue->elements[1].text, "b");
    EXPECT_EQ(decl.scope, Scope::Property | Scope::Method | Scope::Parameter);
    const Flavor f = decl.flavors.applyTo(Flavor{});
    EXPECT_FALSE(f.overridable);
    EXPECT_FALSE(f.toSubclass);
    EXPECT_TRUE(f.translatable);
}

TEST(MofParser, FixedSizeArrayQualifierType) {
    const auto parsed = parseMof("Qualifier Q : uint8[4], Scope(any);");
    const auto& decl = only<AstQualifierDecl>(parsed);
    EXPECT_TRUE(decl.type.isArray);
    EXPECT_EQ(decl.type.arraySize, 4u);
    EXPECT_EQ(decl.scope, Scope::Any);
}

TEST(MofParser, ClassWithPropertiesReferencesMethodsAndParameters) {
    const auto parsed = parseMof(R"(
        [Association, Description("links" " two")]
        class Ex_Link : Ex_Base {
            [Key] Ex_A REF Antecedent;
            Ex_B ref Dependent = "Ex_B.Name=\"x\"";
            uint16 Codes[] = {1, 0x2, 11b, 07};
            sint8 Fixed[3];
            real64 Ratio = -1.5e2;
            char16 Letter = 'z';
            string Text = NULL;
            datetime When = "20260101000000.000000+000";
            [ValueMap {"0", "1"}] uint32 Run([In] string Name, [In, Out] Ex_A REF Target, uint8 Data[]);
            Ex_A REF Locate();
        };)");
    const auto& cls = only<AstClass>(parsed);
    EXPECT_EQ(cls.name, "Ex_Link");
    EXPECT_EQ(cls.superClass, "Ex_Base");
    ASSERT_EQ(cls.qualifiers.size(), 2u);
    EXPECT_EQ(cls.qualifiers[1].value->text, "links two");  // adjacent literals concatenate
    ASSERT_EQ(cls.properties.size(), 8u);
    EXPECT_EQ(cls.properties[0].type.type, CimType::Reference);
    EXPECT_EQ(cls.properties[0].type.referenceClass, "Ex_A");
    EXPECT_EQ(cls.properties[1].defaultValue->text, "Ex_B.Name=\"x\"");
    const auto& codes = cls.properties[2];
    EXPECT_TRUE(codes.type.isArray);
    ASSERT_EQ(codes.defaultValue->elements.size(), 4u);
    EXPECT_EQ(codes.defaultValue->elements[1].magnitude, 2u);
    EXPECT_EQ(codes.defaultValue->elements[2].magnitude, 3u);
    EXPECT_EQ(codes.defaultValue->elements[3].magnitude, 7u);
    EXPECT_EQ(cls.properties[3].type.arraySize, 3u);
    EXPECT_DOUBLE_EQ(cls.properties[4].defaultValue->real, -150.0);
    EXPECT_EQ(cls.properties[5].defaultValue->char16, u'z');
    EXPECT_EQ(cls.properties[6].defaultValue->kind, AstValue::Kind::Null);
    ASSERT_EQ(cls.methods.size(), 2u);
    const auto& run = cls.methods[0];
    EXPECT_EQ(run.returnType.type, CimType::Uint32);
    ASSERT_EQ(run.parameters.size(), 3u);
    EXPECT_EQ(run.parameters[1].type.referenceClass, "Ex_A");
    EXPECT_TRUE(run.parameters[2].type.isArray);
    EXPECT_EQ(cls.methods[1].returnType.type, CimType::Reference);
}

TEST(MofParser, NegativeIntegersAndLimits) {
    const auto parsed = parseMof("class A { sint64 Min = -9223372036854775808; uint64 Max = 18446744073709551615; };");
    const auto& cls = only<AstClass>(parsed);
    EXPECT_TRUE(cls.properties[0].defaultValue->negative);
    EXPECT_EQ(cls.properties[0].defaultValue->magnitude, 9223372036854775808ULL);
    EXPECT_EQ(cls.properties[1].defaultValue->magnitude, 18446744073709551615ULL);
    const auto overflow = parseMof("class A { uint64 X = 18446744073709551616; };");
    ASSERT_EQ(overflow.errors.size(), 1u);
    EXPECT_THAT(overflow.errors[0], HasSubstr("out of range"));
}

TEST(MofParser, InstanceWithAliasAndAliasReference) {
    const auto parsed = parseMof(R"(
        instance of Ex_A as $First { Name = "a"; Tags = {"x", "y"}; };
        instance of Ex_Link { Antecedent = $First; };)");
    ASSERT_TRUE(parsed.errors.empty());
    ASSERT_EQ(parsed.declarations.size(), 2u);
    const auto& first = std::get<AstInstance>(parsed.declarations[0]);
    EXPECT_EQ(first.className, "Ex_A");
    EXPECT_EQ(first.alias, "First");
    ASSERT_EQ(first.values.size(), 2u);
    const auto& link = std::get<AstInstance>(parsed.declarations[1]);
    EXPECT_EQ(link.values[0].value.kind, AstValue::Kind::Alias);
    EXPECT_EQ(link.values[0].value.text, "First");
}

TEST(MofParser, PragmasWithAndWithoutArguments) {
    const auto parsed = parseMof(
        "#pragma include (\"Core/\" \"CIM_X.mof\")\n#PRAGMA AUTORECOVER\n"
        "#pragma deleteclass(\"Old\", NOFAIL)\n#pragma locale(0x409)\n");
    ASSERT_TRUE(parsed.errors.empty()) << parsed.errors.front();
    ASSERT_EQ(parsed.declarations.size(), 4u);
    EXPECT_THAT(std::get<AstPragma>(parsed.declarations[0]).arguments, ElementsAre("Core/CIM_X.mof"));
    EXPECT_EQ(std::get<AstPragma>(parsed.declarations[1]).name, "AUTORECOVER");
    EXPECT_TRUE(std::get<AstPragma>(parsed.declarations[1]).arguments.empty());
    EXPECT_THAT(std::get<AstPragma>(parsed.declarations[2]).arguments, ElementsAre("Old", "NOFAIL"));
    EXPECT_THAT(std::get<AstPragma>(parsed.declarations[3]).arguments, ElementsAre("0x409"));
}

TEST(MofParser, KeywordsAreCaseInsensitive) {
    const auto parsed = parseMof("CLASS A { }; Class B : A { }; INSTANCE OF A { }; QUALIFIER Q : BOOLEAN, SCOPE(ANY);");
    EXPECT_TRUE(parsed.errors.empty()) << parsed.errors.front();
    EXPECT_EQ(parsed.declarations.size(), 4u);
}

TEST(MofParser, WmiQualifierFlavorsAfterColon) {
    const auto parsed =
        parseMof("[Description(\"x\") : Amended ToSubclass, Key : ToInstance DisableOverride] class A { };");
    const auto& cls = only<AstClass>(parsed);
    ASSERT_EQ(cls.qualifiers.size(), 2u);
    EXPECT_EQ(cls.qualifiers[0].flavors.amended, true);
    EXPECT_EQ(cls.qualifiers[0].flavors.toSubclass, true);
    EXPECT_EQ(cls.qualifiers[1].flavors.toInstance, true);
    EXPECT_EQ(cls.qualifiers[1].flavors.overridable, false);
}

TEST(MofParser, WmiFlavorOnlyQualifierDeclaration) {
    const auto parsed = parseMof("Qualifier DisplayName : Amended;");
    const auto& decl = only<AstQualifierDecl>(parsed);
    EXPECT_TRUE(decl.flavorOnly);
    EXPECT_EQ(decl.flavors.amended, true);
}

TEST(MofParser, ErrorNamesExpectationAndFoundToken) {
    const auto parsed = parseMof("class A {\n  string Name\n};\n");
    ASSERT_EQ(parsed.errors.size(), 1u);
    EXPECT_EQ(parsed.errors[0], "3:1: expected ';' after property declaration, found '}'");
}

TEST(MofParser, RecoversAtTheNextPropertyAndDeclaration) {
    const auto parsed = parseMof(R"(class A {
  string = 5;
  uint16 Good;
  bogus Type Here;
};
class B { string Fine; };
garbage here;
class C { };
)");
    ASSERT_EQ(parsed.errors.size(), 3u);
    EXPECT_EQ(parsed.errors[0], "2:10: expected a name after the data type, found '='");
    // `bogus Type` reads as a property typed by a class name (the compiler checks the class).
    EXPECT_EQ(parsed.errors[1], "4:14: expected ';' after property declaration, found 'Here'");
    EXPECT_THAT(parsed.errors[2], HasSubstr("7:1: expected a class, instance or qualifier declaration"));
    ASSERT_EQ(parsed.declarations.size(), 3u);
    const auto& a = std::get<AstClass>(parsed.declarations[0]);
    ASSERT_EQ(a.properties.size(), 1u);
    EXPECT_EQ(a.properties[0].name, "Good");
    EXPECT_EQ(std::get<AstClass>(parsed.declarations[2]).name, "C");
}

TEST(MofParser, ErrorCountIsBounded) {
    std::string text;
    for (int i = 0; i < 100; ++i) text += "class X { string 1; };\n";
    const auto parsed = parseMof(text, 10);
    EXPECT_EQ(parsed.errors.size(), 10u);
}

TEST(MofParser, TruncatedInputEndsWithAnErrorNotAHang) {
    for (std::string_view text : {"class", "class A {", "class A { uint8 x[", "[Key", "instance of A { x = {1,",
                                  "Qualifier Q : string = ", "#pragma include(", "class A { uint32 M([In"}) {
        const auto parsed = parseMof(text);
        EXPECT_FALSE(parsed.errors.empty()) << text;
        EXPECT_THAT(parsed.errors.back(), HasSubstr("end of file")) << text;
    }
}

}  // namespace
}  // namespace wmimock::mof
