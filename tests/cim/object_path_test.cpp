// ObjectPath: both spellings, canonical output, key typing, equality/hash and error messages.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <unordered_set>

#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/cim/object_path.hpp"

namespace wmimock {
namespace {

using ::testing::HasSubstr;

std::string parseError(std::string_view text) {
    std::string error;
    EXPECT_FALSE(ObjectPath::tryParse(text, &error)) << text;
    return error;
}

TEST(ObjectPathParse, WbemInstancePath) {
    const auto p = ObjectPath::parse("root/cimv2:CIM_Service.Name=\"x\",SystemName=\"y\"");
    EXPECT_EQ(p.host(), "");
    EXPECT_EQ(p.nameSpace(), "root/cimv2");
    EXPECT_EQ(p.className(), "CIM_Service");
    ASSERT_EQ(p.keys().size(), 2u);
    EXPECT_EQ(p.keys()[0].name, "Name");
    EXPECT_EQ(p.keys()[0].value, Value::string("x"));
    ASSERT_NE(p.key("systemname"), nullptr);
    EXPECT_EQ(p.key("SYSTEMNAME")->asString(), "y");
    EXPECT_EQ(p.key("Other"), nullptr);
    EXPECT_FALSE(p.isClassPath());
    EXPECT_FALSE(p.isSingleton());
}

TEST(ObjectPathParse, WbemHostAndUriPrefix) {
    const auto p = ObjectPath::parse("//server.example/root/cimv2:CIM_Service.Name=\"x\"");
    EXPECT_EQ(p.host(), "server.example");
    EXPECT_EQ(p.nameSpace(), "root/cimv2");
    EXPECT_EQ(p.toString(), "//server.example/root/cimv2:CIM_Service.Name=\"x\"");
    const auto uri = ObjectPath::parse("http://server:5988/root/interop:CIM_RegisteredProfile.InstanceID=\"p\"");
    EXPECT_EQ(uri.host(), "server:5988");
    EXPECT_EQ(uri.nameSpace(), "root/interop");
    EXPECT_EQ(uri.className(), "CIM_RegisteredProfile");
    EXPECT_EQ(ObjectPath::parse("HTTPS://h/ns:C").host(), "h");
}

TEST(ObjectPathParse, WmiSpelling) {
    const auto p = ObjectPath::parse(
        "\\\\HOST\\root\\virtualization\\v2:Msvm_ComputerSystem.CreationClassName=\"Msvm_ComputerSystem\","
        "Name=\"0E5B2D3C-1234-4ABC-9DEF-001122334455\"");
    EXPECT_EQ(p.host(), "HOST");
    EXPECT_EQ(p.nameSpace(), "root/virtualization/v2");
    EXPECT_EQ(p.className(), "Msvm_ComputerSystem");
    EXPECT_EQ(p.key("name")->asString(), "0E5B2D3C-1234-4ABC-9DEF-001122334455");
    EXPECT_EQ(p.toWmiString(),
              "\\\\HOST\\root\\virtualization\\v2:Msvm_ComputerSystem.CreationClassName=\"Msvm_ComputerSystem\","
              "Name=\"0E5B2D3C-1234-4ABC-9DEF-001122334455\"");
    const auto local = ObjectPath::parse("\\\\.\\root\\cimv2:Win32_Service.Name=\"Spooler\"");
    EXPECT_EQ(local.host(), ".");
    EXPECT_EQ(local.toString(), "//./root/cimv2:Win32_Service.Name=\"Spooler\"");
}

TEST(ObjectPathParse, NamespaceAndHostAreOptional) {
    const auto rel = ObjectPath::parse("Win32_Service.Name=\"Spooler\"");
    EXPECT_EQ(rel.nameSpace(), "");
    EXPECT_EQ(rel.host(), "");
    EXPECT_EQ(rel.toString(), "Win32_Service.Name=\"Spooler\"");
    EXPECT_EQ(rel.toWmiString(), "Win32_Service.Name=\"Spooler\"");
    const auto winNs = ObjectPath::parse("root\\cimv2:Win32_Service.Name=\"Spooler\"");
    EXPECT_EQ(winNs.nameSpace(), "root/cimv2");
}

TEST(ObjectPathParse, ClassPathsAndSingletons) {
    const auto cls = ObjectPath::parse("root/cimv2:CIM_Service");
    EXPECT_TRUE(cls.isClassPath());
    EXPECT_EQ(cls.toString(), "root/cimv2:CIM_Service");
    const auto single = ObjectPath::parse("root/cimv2:Win32_WMISetting=@");
    EXPECT_TRUE(single.isSingleton());
    EXPECT_FALSE(single.isClassPath());
    EXPECT_TRUE(single.keys().empty());
    EXPECT_EQ(single.toString(), "root/cimv2:Win32_WMISetting=@");
    EXPECT_EQ(single.toWmiString(), "\\\\.\\root\\cimv2:Win32_WMISetting=@");
    EXPECT_NE(single, ObjectPath::parse("root/cimv2:Win32_WMISetting"));
}

TEST(ObjectPathParse, UnquotedKeysAreTyped) {
    const auto p = ObjectPath::parse("X.a=42,b=-7,c=TRUE,d=false,e=0x10,f=1.5,g=18446744073709551615");
    EXPECT_EQ(p.key("a")->type(), CimType::Sint64);
    EXPECT_EQ(p.key("a")->asInt64(), 42);
    EXPECT_EQ(p.key("b")->asInt64(), -7);
    EXPECT_EQ(p.key("c")->type(), CimType::Boolean);
    EXPECT_TRUE(p.key("c")->asBool());
    EXPECT_FALSE(p.key("d")->asBool());
    EXPECT_EQ(p.key("e")->asInt64(), 16);
    EXPECT_EQ(p.key("f")->type(), CimType::Real64);
    EXPECT_EQ(p.key("g")->type(), CimType::Uint64);
    EXPECT_EQ(p.toString(), "X.a=42,b=-7,c=TRUE,d=FALSE,e=16,f=1.5,g=18446744073709551615");
}

TEST(ObjectPathParse, EscapesInStrings) {
    const auto p = ObjectPath::parse(R"(X.Path="C:\\Windows\\system32",Say="a \"quoted\" word")");
    EXPECT_EQ(p.key("Path")->asString(), "C:\\Windows\\system32");
    EXPECT_EQ(p.key("Say")->asString(), "a \"quoted\" word");
    EXPECT_EQ(p.toString(), R"(X.Path="C:\\Windows\\system32",Say="a \"quoted\" word")");
    // Commas, colons, dots and equals signs inside strings are data.
    const auto q = ObjectPath::parse(R"(ns:X.k="a,b:c.d=e")");
    EXPECT_EQ(q.nameSpace(), "ns");
    EXPECT_EQ(q.key("k")->asString(), "a,b:c.d=e");
    // WMI also accepts single quotes.
    EXPECT_EQ(ObjectPath::parse("X.k='it\\'s'").key("k")->asString(), "it's");
}

TEST(ObjectPathParse, NestedReferenceKey) {
    const std::string text = R"(root/cimv2:CIM_ServiceAffectsElement.AffectedElement="root/cimv2:CIM_Foo.Id=\"1\"",)"
                             R"(AffectingElement="root/cimv2:CIM_Service.Name=\"x\"")";
    const auto p = ObjectPath::parse(text);
    const auto inner = ObjectPath::parse(p.key("AffectingElement")->asString());
    EXPECT_EQ(inner.className(), "CIM_Service");
    EXPECT_EQ(inner.key("Name")->asString(), "x");
    // A typed reference key equals the same key parsed from text.
    ObjectPath typed("root/cimv2", "CIM_ServiceAffectsElement");
    typed.setKey("AffectingElement", Value::reference(inner));
    typed.setKey("AffectedElement", Value::reference(ObjectPath::parse("root/cimv2:CIM_Foo.Id=\"1\"")));
    EXPECT_EQ(typed.toString(), text);
    EXPECT_EQ(typed, p);
    EXPECT_EQ(typed.hash(), p.hash());
}

TEST(ObjectPathParse, WmiNestedReferenceUsesWmiSpelling) {
    ObjectPath p("root/cimv2", "Assoc");
    p.setKey("Ref", Value::reference(ObjectPath::parse("root/cimv2:X.k=\"v\"")));
    EXPECT_EQ(p.toWmiString(), R"(\\.\root\cimv2:Assoc.Ref="\\\\.\\root\\cimv2:X.k=\"v\"")");
    const auto back = ObjectPath::parse(p.toWmiString());
    EXPECT_EQ(back, p);
    EXPECT_EQ(back.hash(), p.hash());
}

TEST(ObjectPathFormat, KeysSortedCaseInsensitively) {
    ObjectPath p("root/cimv2", "CIM_Service");
    p.setKey("SystemName", Value::string("y"));
    p.setKey("name", Value::string("x"));
    p.setKey("CreationClassName", Value::string("CIM_Service"));
    EXPECT_EQ(p.toString(), R"(root/cimv2:CIM_Service.CreationClassName="CIM_Service",name="x",SystemName="y")");
    EXPECT_EQ(p.toRelativeString(), R"(CIM_Service.CreationClassName="CIM_Service",name="x",SystemName="y")");
}

TEST(ObjectPathFormat, TypedKeyValues) {
    ObjectPath p("", "X");
    p.setKey("b", Value::boolean(true));
    p.setKey("c", Value::char16(u'q'));
    p.setKey("d", Value::dateTime(CimDateTime::parse("20260101000000.000000+000")));
    p.setKey("u", Value::uint16(7));
    EXPECT_EQ(p.toString(), R"(X.b=TRUE,c="q",d="20260101000000.000000+000",u=7)");
    // Parsed back, char16 and datetime keys are strings, yet the paths are the same.
    const auto back = ObjectPath::parse(p.toString());
    EXPECT_EQ(back.key("d")->type(), CimType::String);
    EXPECT_EQ(back, p);
    EXPECT_EQ(back.hash(), p.hash());
}

TEST(ObjectPathFormat, HostWithoutNamespaceStaysParseable) {
    ObjectPath p("", "X", {{"k", Value::sint64(1)}});
    p.setHost("h");
    EXPECT_EQ(p.toString(), "//h/:X.k=1");
    EXPECT_EQ(ObjectPath::parse(p.toString()).host(), "h");
    EXPECT_EQ(ObjectPath::parse(p.toString()), p);
}

TEST(ObjectPathFormat, StreamsCanonicalText) {
    std::ostringstream os;
    os << ObjectPath::parse("ns:X.b=1,a=2");
    EXPECT_EQ(os.str(), "ns:X.a=2,b=1");
}

TEST(ObjectPathSetters, NamespaceNormalization) {
    ObjectPath p;
    p.setNameSpace("/root/cimv2/");
    EXPECT_EQ(p.nameSpace(), "root/cimv2");
    p.setNameSpace("root\\virtualization\\v2");
    EXPECT_EQ(p.nameSpace(), "root/virtualization/v2");
    EXPECT_EQ(normalizeNamespace("\\\\.\\root\\cimv2"), "root/cimv2");
    EXPECT_EQ(normalizeNamespace("//host/root/cimv2"), "root/cimv2");
    EXPECT_EQ(normalizeNamespace("root//cimv2"), "root/cimv2");
    EXPECT_EQ(normalizeNamespace(""), "");
}

TEST(ObjectPathSetters, SetKeyReplacesCaseInsensitively) {
    ObjectPath p("root", "X");
    p.setKey("Name", Value::string("a"));
    p.setKey("NAME", Value::string("b"));
    ASSERT_EQ(p.keys().size(), 1u);
    EXPECT_EQ(p.keys()[0].name, "Name");
    EXPECT_EQ(p.key("name")->asString(), "b");
    p.setClassName("Y");
    p.setSingleton(false);
    EXPECT_EQ(p.toString(), "root:Y.Name=\"b\"");
}

TEST(ObjectPathEquality, CaseInsensitiveNamesOrderIndependentKeys) {
    const auto a = ObjectPath::parse(R"(root/cimv2:CIM_Service.Name="x",SystemName="y")");
    const auto b = ObjectPath::parse(R"(ROOT\CIMV2:cim_service.systemname="y",NAME="x")");
    EXPECT_EQ(a, b);
    EXPECT_EQ(a.hash(), b.hash());
    // Canonical text differs only in the spelling the caller chose.
    EXPECT_EQ(toLower(a.toString()), toLower(b.toString()));
}

TEST(ObjectPathEquality, ValuesAreCaseSensitiveAndHostIsIgnored) {
    const auto a = ObjectPath::parse(R"(//one/root:X.k="v")");
    EXPECT_EQ(a, ObjectPath::parse(R"(\\two\root:X.k="v")"));
    EXPECT_NE(a, ObjectPath::parse(R"(root:X.k="V")"));
    EXPECT_NE(a, ObjectPath::parse(R"(other:X.k="v")"));
    EXPECT_NE(a, ObjectPath::parse(R"(root:Y.k="v")"));
    EXPECT_NE(a, ObjectPath::parse(R"(root:X.k="v",j="w")"));
    EXPECT_NE(a, ObjectPath::parse(R"(root:X.j="v")"));
}

TEST(ObjectPathEquality, IntegerKeysByNumber) {
    ObjectPath typed("root", "X");
    typed.setKey("Id", Value::uint16(5));
    const auto parsed = ObjectPath::parse("root:X.Id=5");
    EXPECT_EQ(typed, parsed);
    EXPECT_EQ(typed.hash(), parsed.hash());
    EXPECT_NE(typed, ObjectPath::parse("root:X.Id=\"5\""));  // a string is not a number
}

TEST(ObjectPathEquality, UsableInHashedContainers) {
    std::unordered_set<ObjectPath, ObjectPathHash> set;
    set.insert(ObjectPath::parse(R"(root:X.a="1",b=2)"));
    set.insert(ObjectPath::parse(R"(ROOT:x.B=2,A="1")"));
    set.insert(ObjectPath::parse(R"(root:X.a="2",b=2)"));
    EXPECT_EQ(set.size(), 2u);
}

TEST(ObjectPathErrors, UnterminatedString) {
    EXPECT_EQ(parseError("X.Name=\"a"), "invalid object path 'X.Name=\"a': column 8: unterminated string");
    try {
        ObjectPath::parse("X.Name=\"a");
        FAIL();
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::InvalidParameter);
        EXPECT_STREQ(e.what(),
                     "CIM_ERR_INVALID_PARAMETER: invalid object path 'X.Name=\"a': column 8: unterminated "
                     "string");
    }
}

TEST(ObjectPathErrors, SayWhatAndWhere) {
    EXPECT_EQ(parseError("X.Name"),
              "invalid object path 'X.Name': column 7: expected '=' after key name 'Name', got "
              "end of text");
    EXPECT_EQ(parseError("X.Name\"x\""),
              "invalid object path 'X.Name\"x\"': column 7: expected '=' after key name 'Name', got '\"'");
    EXPECT_EQ(parseError("X.=\"x\""), "invalid object path 'X.=\"x\"': column 3: empty key name");
    EXPECT_EQ(parseError("X.a=1,"), "invalid object path 'X.a=1,': column 7: empty key name");
    EXPECT_EQ(parseError("X.a=\"1\"junk"),
              "invalid object path 'X.a=\"1\"junk': column 8: unexpected 'j' after the value of key 'a', expected ',' "
              "or end of path");
    EXPECT_EQ(parseError("X.a=\"\\n\""),
              "invalid object path 'X.a=\"\\n\"': column 6: bad escape '\\n' (only \\\" and \\\\ are allowed)");
    EXPECT_EQ(parseError("X.a=\"abc\\"),
              "invalid object path 'X.a=\"abc\\': column 9: unterminated escape sequence at "
              "end of text");
    EXPECT_EQ(parseError("X.a="), "invalid object path 'X.a=': column 5: missing value for key 'a'");
    EXPECT_EQ(parseError("X.a=,b=1"), "invalid object path 'X.a=,b=1': column 5: missing value for key 'a'");
    EXPECT_THAT(parseError("X.a=abc"), HasSubstr("column 5: invalid value 'abc' for key 'a' (strings must be quoted"));
    EXPECT_THAT(parseError("X.a=1,A=2"), HasSubstr("column 7: duplicate key 'A'"));
    EXPECT_THAT(parseError(""), HasSubstr("column 1: expected a class name, got end of text"));
    EXPECT_THAT(parseError("root/cimv2:"), HasSubstr("column 12: expected a class name"));
    EXPECT_THAT(parseError("9Class"), HasSubstr("column 1: expected a class name, got '9'"));
    EXPECT_THAT(parseError("X=1"), HasSubstr("column 3: expected '@' after '=' (singleton path Class=@)"));
    EXPECT_THAT(parseError("X=@junk"), HasSubstr("column 4: unexpected 'j' after singleton '=@'"));
    EXPECT_THAT(parseError("X Y"), HasSubstr("column 2: unexpected ' ' after class name"));
    EXPECT_THAT(parseError("//host"), HasSubstr("column 7: expected '/' or '\\' after the host name"));
    EXPECT_THAT(parseError("///root:X"), HasSubstr("column 3: empty host name"));
    EXPECT_THAT(parseError("\\\\host\\X.k=1"), HasSubstr("expected ':' between the namespace and the class name"));
    EXPECT_THAT(parseError("ro ot:X"), HasSubstr("column 3: unexpected ' ' in namespace"));
    EXPECT_THAT(parseError("X.k=99999999999999999999"), HasSubstr("column 5: integer 99999999999999999999 does not "
                                                                  "fit 64 bits"));
    EXPECT_THAT(parseError("X.k=-9223372036854775809"), HasSubstr("below the sint64 range"));
    EXPECT_THAT(parseError("X.1k=1"), HasSubstr("column 3: invalid key name starting with '1'"));
}

TEST(ObjectPathErrors, NoThrowFromTryParse) {
    EXPECT_FALSE(ObjectPath::tryParse("X.a=\"", nullptr).has_value());
    EXPECT_TRUE(ObjectPath::tryParse("X.a=\"\"", nullptr).has_value());
}

}  // namespace
}  // namespace wmimock
