// The DSP0201 representation, read as a specification: each test encodes a piece of the
// object model, checks the XML a peer would see where the form matters, and decodes it back.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <limits>
#include <string>

#include "wmimock/cim/error.hpp"
#include "wmimock/cimxml/codec.hpp"

namespace wmimock::cimxml {
namespace {

using ::testing::HasSubstr;

Value roundTrip(const Value& value) {
    return decodeValue(encodeValue(value), value.type());
}

void expectStatus(CimStatus status, const std::function<void()>& action, std::string_view messagePart = {}) {
    try {
        action();
        FAIL() << "expected CimError " << statusName(status);
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), status) << e.message();
        EXPECT_THAT(e.message(), HasSubstr(std::string(messagePart)));
    }
}

TEST(CimXmlValue, EveryScalarTypeRoundTrips) {
    const std::vector<Value> values{
        Value::boolean(true),
        Value::boolean(false),
        Value::sint8(-128),
        Value::uint8(255),
        Value::sint16(-32768),
        Value::uint16(65535),
        Value::sint32(std::numeric_limits<std::int32_t>::min()),
        Value::uint32(4294967295U),
        Value::sint64(std::numeric_limits<std::int64_t>::min()),
        Value::uint64(std::numeric_limits<std::uint64_t>::max()),
        Value::real32(1.5f),
        Value::real32(3.4028235e38f),
        Value::real64(0.1),
        Value::real64(-2.5e-300),
        Value::char16(u'x'),
        Value::char16(u'\u00e9'),
        Value::string("plain"),
        Value::string(""),
        Value::string("markup <a href=\"x\">&amp;</a> 'quoted'"),
        Value::string("line one\r\nline two\ttab"),
        Value::string("  leading and trailing  "),
        Value::string("caf\xc3\xa9 \xe2\x82\xac"),
        Value::dateTime(CimDateTime::parse("20260101120000.000000+060")),
        Value::dateTime(CimDateTime::parse("00000001020304.000005:000")),
    };
    for (const auto& value : values) {
        SCOPED_TRACE(value.toMof());
        const Value decoded = roundTrip(value);
        EXPECT_EQ(decoded.type(), value.type());
        EXPECT_EQ(decoded, value);
    }
}

TEST(CimXmlValue, ScalarsUseTheDsp0201Spelling) {
    EXPECT_EQ(encodeValue(Value::boolean(true)), "<VALUE>TRUE</VALUE>");
    EXPECT_EQ(encodeValue(Value::sint32(-7)), "<VALUE>-7</VALUE>");
    EXPECT_EQ(encodeValue(Value::string("a<b")), "<VALUE>a&lt;b</VALUE>");
    EXPECT_EQ(encodeValue(Value::string("cr\r")), "<VALUE>cr&#xD;</VALUE>");
}

TEST(CimXmlValue, OnlyCharactersXml10AllowsAreWritten) {
    // XML 1.0 has no way to carry U+0001..U+001F (other than TAB, LF, CR), not even as a
    // character reference, nor invalid UTF-8, surrogates, U+FFFE or U+FFFF: each becomes
    // U+FFFD so the rest of the document stays well-formed.
    const std::string fffd = "\xEF\xBF\xBD";
    EXPECT_EQ(encodeValue(Value::string("bell\x07!")), "<VALUE>bell" + fffd + "!</VALUE>");
    EXPECT_EQ(encodeValue(Value::string(std::string("nul\0", 4))), "<VALUE>nul" + fffd + "</VALUE>");
    EXPECT_EQ(encodeValue(Value::string("tab\tlf\n")), "<VALUE>tab&#x9;lf&#xA;</VALUE>");
    EXPECT_EQ(encodeValue(Value::string("bad \xC3(")), "<VALUE>bad " + fffd + "(</VALUE>") << "truncated sequence";
    EXPECT_EQ(encodeValue(Value::string("\xC0\xAF")), "<VALUE>" + fffd + fffd + "</VALUE>") << "overlong '/'";
    EXPECT_EQ(encodeValue(Value::string("\xED\xA0\x80")), "<VALUE>" + fffd + fffd + fffd + "</VALUE>") << "a surrogate";
    EXPECT_EQ(encodeValue(Value::string("\xEF\xBF\xBE")), "<VALUE>" + fffd + fffd + fffd + "</VALUE>") << "U+FFFE";
    EXPECT_EQ(encodeValue(Value::string("\xF0\x9F\x98\x80 \x7F")), "<VALUE>\xF0\x9F\x98\x80 \x7F</VALUE>")
        << "astral characters and DEL are XML characters";
    EXPECT_EQ(decodeValue(encodeValue(Value::string("a\x01"
                                                    "b")),
                          CimType::String),
              Value::string("a" + fffd + "b"));
}

TEST(CimXmlValue, NullEncodesAsNoElement) {
    EXPECT_EQ(encodeValue(Value::null(CimType::Uint32)), "");
    EXPECT_TRUE(decodeValue("<VALUE.NULL/>", CimType::Uint16).isNull());
}

TEST(CimXmlValue, ArraysRoundTripAndKeepOrder) {
    const Value numbers = Value::array(CimType::Uint16, {Value::uint16(3), Value::uint16(1), Value::uint16(2)});
    EXPECT_EQ(encodeValue(numbers), "<VALUE.ARRAY><VALUE>3</VALUE><VALUE>1</VALUE><VALUE>2</VALUE></VALUE.ARRAY>");
    EXPECT_EQ(roundTrip(numbers), numbers);

    const Value strings = Value::array(CimType::String, {Value::string("a&b"), Value::string("")});
    EXPECT_EQ(roundTrip(strings), strings);

    const Value empty = Value::array(CimType::Boolean, {});
    const Value decodedEmpty = roundTrip(empty);
    EXPECT_TRUE(decodedEmpty.isArray());
    EXPECT_TRUE(decodedEmpty.asArray().empty());
}

TEST(CimXmlValue, ReferencesUseTheMostSpecificPathForm) {
    ObjectPath local("root/cimv2", "CIM_Service", {{"Name", Value::string("Alpha")}});
    const std::string xml = encodeValue(Value::reference(local));
    EXPECT_THAT(xml,
                HasSubstr("<VALUE.REFERENCE><LOCALINSTANCEPATH><LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/>"
                          "<NAMESPACE NAME=\"cimv2\"/></LOCALNAMESPACEPATH><INSTANCENAME CLASSNAME=\"CIM_Service\">"));
    EXPECT_EQ(roundTrip(Value::reference(local)).asReference(), local);

    ObjectPath remote = local;
    remote.setHost("server.example");
    const Value decodedRemote = roundTrip(Value::reference(remote));
    EXPECT_THAT(encodeValue(Value::reference(remote)), HasSubstr("<INSTANCEPATH><NAMESPACEPATH><HOST>server.example"));
    EXPECT_EQ(decodedRemote.asReference().host(), "server.example");
    EXPECT_EQ(decodedRemote.asReference(), remote);

    const ObjectPath bare({}, "CIM_Service", {{"Name", Value::string("x")}});
    EXPECT_THAT(encodeValue(Value::reference(bare)), HasSubstr("<VALUE.REFERENCE><INSTANCENAME"));
    EXPECT_EQ(roundTrip(Value::reference(bare)).asReference(), bare);

    const Value refs = Value::array(CimType::Reference, {Value::reference(local), Value::reference(bare)});
    EXPECT_THAT(encodeValue(refs), HasSubstr("<VALUE.REFARRAY><VALUE.REFERENCE>"));
    EXPECT_EQ(roundTrip(refs), refs);
}

TEST(CimXmlValue, EmbeddedInstancesTravelAsEscapedText) {
    Instance inner("CIM_Error");
    inner.set("Message", Value::string("it <broke>"));
    inner.set("CIMStatusCode", Value::uint32(6));
    const Value embedded = Value::embedded(inner, CimType::Instance);
    const std::string xml = encodeValue(embedded);
    EXPECT_THAT(xml, HasSubstr("<VALUE>&lt;INSTANCE CLASSNAME=&quot;CIM_Error&quot;&gt;"));
    const Value decoded = decodeValue(xml, CimType::Instance);
    EXPECT_EQ(decoded.type(), CimType::Instance);
    EXPECT_EQ(decoded.asInstance(), inner);
}

TEST(CimXmlValue, BadTextIsAnInvalidParameter) {
    expectStatus(CimStatus::InvalidParameter, [] { decodeValue("<VALUE>70000</VALUE>", CimType::Uint16); });
    expectStatus(CimStatus::InvalidParameter, [] { decodeValue("<VALUE>maybe</VALUE>", CimType::Boolean); });
    expectStatus(
        CimStatus::InvalidParameter, [] { decodeValue("<KEYVALUE>1</KEYVALUE>", CimType::Uint8); },
        "not a value element");
    expectStatus(
        CimStatus::InvalidParameter, [] { decodeValue("<VALUE>1", CimType::Uint8); }, "malformed XML");
}

TEST(CimXmlPath, InstanceNamesKeepKeyTypes) {
    ObjectPath path("root/cimv2", "WMIMock_Service");
    path.setKey("Name", Value::string("Alpha \"quoted\""));
    path.setKey("Index", Value::uint32(7));
    path.setKey("Negative", Value::sint16(-3));
    path.setKey("Enabled", Value::boolean(true));
    path.setKey("Owner", Value::reference(ObjectPath("root/cimv2", "CIM_System", {{"Name", Value::string("h")}})));
    const std::string xml = encodeInstanceName(path);
    EXPECT_THAT(xml,
                HasSubstr("<KEYBINDING NAME=\"Index\"><KEYVALUE VALUETYPE=\"numeric\" TYPE=\"uint32\">7</KEYVALUE>"));
    EXPECT_THAT(xml, HasSubstr("<KEYVALUE VALUETYPE=\"boolean\" TYPE=\"boolean\">TRUE</KEYVALUE>"));
    EXPECT_THAT(xml, HasSubstr("<KEYVALUE VALUETYPE=\"string\" TYPE=\"string\">Alpha &quot;quoted&quot;</KEYVALUE>"))
        << "DSP0201 2.4 requires TYPE on every KEYVALUE";

    const ObjectPath decoded = decodeInstanceName(xml, "root/cimv2");
    EXPECT_EQ(decoded, path);
    EXPECT_EQ(decoded.key("Index")->type(), CimType::Uint32);
    EXPECT_EQ(decoded.key("Owner")->asReference().className(), "CIM_System");
}

TEST(CimXmlPath, UntypedKeyValuesFollowValueType) {
    const ObjectPath path = decodeInstanceName(
        "<INSTANCENAME CLASSNAME=\"X\">"
        "<KEYBINDING NAME=\"n\"><KEYVALUE VALUETYPE=\"numeric\">-5</KEYVALUE></KEYBINDING>"
        "<KEYBINDING NAME=\"u\"><KEYVALUE VALUETYPE=\"numeric\">5</KEYVALUE></KEYBINDING>"
        "<KEYBINDING NAME=\"b\"><KEYVALUE VALUETYPE=\"boolean\">false</KEYVALUE></KEYBINDING>"
        "<KEYBINDING NAME=\"s\"><KEYVALUE>5</KEYVALUE></KEYBINDING>"
        "</INSTANCENAME>",
        "root/x");
    EXPECT_EQ(path.nameSpace(), "root/x");
    EXPECT_EQ(path.key("n")->asInt64(), -5);
    EXPECT_EQ(path.key("u")->asUint64(), 5U);
    EXPECT_FALSE(path.key("b")->asBool());
    EXPECT_EQ(path.key("s")->type(), CimType::String);
    expectStatus(CimStatus::InvalidParameter, [] {
        decodeInstanceName(
            "<INSTANCENAME CLASSNAME=\"X\"><KEYBINDING NAME=\"n\">"
            "<KEYVALUE VALUETYPE=\"numeric\">ten</KEYVALUE></KEYBINDING></INSTANCENAME>");
    });
}

TEST(CimXmlPath, KeylessInstanceNameIsASingleton) {
    const ObjectPath path = decodeInstanceName("<INSTANCENAME CLASSNAME=\"Config\"/>", "root/cimv2");
    EXPECT_TRUE(path.isSingleton());
    EXPECT_FALSE(path.isClassPath());
}

TEST(CimXmlPath, ObjectPathFormsRoundTrip) {
    const ObjectPath classPath("root/cimv2", "CIM_Service");
    EXPECT_THAT(encodeObjectPath(classPath), HasSubstr("<LOCALCLASSPATH>"));
    EXPECT_EQ(decodeObjectPath(encodeObjectPath(classPath)), classPath);
    EXPECT_TRUE(decodeObjectPath(encodeObjectPath(classPath)).isClassPath());

    EXPECT_EQ(decodeObjectPath("<CLASSNAME NAME=\"CIM_Service\"/>").className(), "CIM_Service");
    const ObjectPath wrapped = decodeObjectPath(
        "<OBJECTPATH><INSTANCEPATH><NAMESPACEPATH><HOST>h</HOST><LOCALNAMESPACEPATH><NAMESPACE NAME=\"root/cimv2\"/>"
        "</LOCALNAMESPACEPATH></NAMESPACEPATH><INSTANCENAME CLASSNAME=\"C\"><KEYBINDING NAME=\"k\">"
        "<KEYVALUE>v</KEYVALUE></KEYBINDING></INSTANCENAME></INSTANCEPATH></OBJECTPATH>");
    EXPECT_EQ(wrapped.host(), "h");
    EXPECT_EQ(wrapped.nameSpace(), "root/cimv2");
    EXPECT_EQ(wrapped.key("k")->asString(), "v");
}

TEST(CimXmlInstance, PropertiesOfEveryKindRoundTrip) {
    Instance instance("WMIMock_Service");
    instance.set("Name", Value::string("Alpha"));
    instance.set("Started", Value::boolean(true));
    instance.set("EnabledState", Value::uint16(2));
    instance.set("AvailableRequestedStates", Value::array(CimType::Uint16, {Value::uint16(3)}));
    instance.set("Description", Value::null(CimType::String));
    instance.set("OperationalStatus", Value::null(CimType::Uint16, true));
    instance.set("TimeOfLastStateChange", Value::dateTime(CimDateTime::parse("20260101000000.000000+000")));
    instance.set("System", Value::reference(ObjectPath("root/cimv2", "CIM_System", {{"Name", Value::string("h")}})));
    const std::string xml = encodeInstance(instance);
    EXPECT_THAT(xml, HasSubstr("<PROPERTY NAME=\"Description\" TYPE=\"string\"></PROPERTY>"));
    EXPECT_THAT(xml, HasSubstr("<PROPERTY.ARRAY NAME=\"AvailableRequestedStates\" TYPE=\"uint16\">"));
    EXPECT_THAT(xml, HasSubstr("<PROPERTY.REFERENCE NAME=\"System\">"));

    const Instance decoded = decodeInstance(xml);
    EXPECT_EQ(decoded, instance);
    EXPECT_TRUE(decoded.get("Description").isNull());
    EXPECT_TRUE(decoded.get("OperationalStatus").isArray());
    EXPECT_EQ(decoded.get("EnabledState").type(), CimType::Uint16);
}

TEST(CimXmlInstance, NamedInstanceCarriesThePath) {
    const Instance decoded = decodeInstance(
        "<VALUE.NAMEDINSTANCE><INSTANCENAME CLASSNAME=\"C\"><KEYBINDING NAME=\"k\"><KEYVALUE>v</KEYVALUE>"
        "</KEYBINDING></INSTANCENAME><INSTANCE CLASSNAME=\"C\"><QUALIFIER NAME=\"q\" TYPE=\"boolean\"><VALUE>TRUE"
        "</VALUE></QUALIFIER><PROPERTY NAME=\"k\"><VALUE>v</VALUE></PROPERTY></INSTANCE></VALUE.NAMEDINSTANCE>");
    EXPECT_EQ(decoded.path().className(), "C");
    EXPECT_EQ(decoded.path().key("k")->asString(), "v");
    EXPECT_EQ(decoded.get("k").asString(), "v");  // untyped property: a string
}

PropertyDecl property(std::string name, CimType type) {
    PropertyDecl decl;
    decl.name = std::move(name);
    decl.type = type;
    return decl;
}

ParameterDecl parameter(std::string name, CimType type) {
    ParameterDecl decl;
    decl.name = std::move(name);
    decl.type = type;
    return decl;
}

TEST(CimXmlClass, DeclarationsRoundTrip) {
    CimClass cls;
    cls.name = "WMIMock_Service";
    cls.superClass = "CIM_Service";
    Flavor translatable;
    translatable.translatable = true;
    Flavor fixed;
    fixed.overridable = false;
    fixed.toSubclass = false;
    cls.qualifiers.set({"Description", Value::string("A service"), translatable, false});
    cls.qualifiers.set({"Abstract", Value::boolean(false), fixed, false});
    PropertyDecl name = property("Name", CimType::String);
    name.classOrigin = "CIM_Service";
    name.propagated = true;
    Flavor keyFlavor;
    keyFlavor.overridable = false;
    name.qualifiers.set({"Key", Value::boolean(true), keyFlavor, true});
    PropertyDecl states = property("States", CimType::Uint16);
    states.isArray = true;
    states.arraySize = 4;
    states.defaultValue = Value::array(CimType::Uint16, {Value::uint16(2), Value::uint16(3)});
    PropertyDecl system = property("System", CimType::Reference);
    system.referenceClass = "CIM_System";
    cls.properties = {name, states, system};
    MethodDecl request;
    request.name = "RequestStateChange";
    request.returnType = CimType::Uint32;
    ParameterDecl job = parameter("Job", CimType::Reference);
    job.referenceClass = "CIM_ConcreteJob";
    job.qualifiers.set({"Out", Value::boolean(true), {}, false});
    ParameterDecl values = parameter("Values", CimType::String);
    values.isArray = true;
    request.parameters = {parameter("RequestedState", CimType::Uint16), job,
                          parameter("TimeoutPeriod", CimType::DateTime), values};
    request.qualifiers.set(
        {"ValueMap", Value::array(CimType::String, {Value::string("0"), Value::string("1")}), {}, false});
    cls.methods = {request};

    const std::string xml = encodeClass(cls);
    EXPECT_THAT(xml, HasSubstr("<CLASS NAME=\"WMIMock_Service\" SUPERCLASS=\"CIM_Service\">"));
    EXPECT_THAT(xml,
                HasSubstr("<QUALIFIER NAME=\"Abstract\" TYPE=\"boolean\" OVERRIDABLE=\"false\" TOSUBCLASS=\"false\">"));
    EXPECT_THAT(xml, HasSubstr("<PARAMETER.REFERENCE NAME=\"Job\" REFERENCECLASS=\"CIM_ConcreteJob\">"));

    const CimClass decoded = decodeClass(xml);
    EXPECT_EQ(decoded.name, cls.name);
    EXPECT_EQ(decoded.superClass, cls.superClass);
    ASSERT_EQ(decoded.qualifiers.size(), 2U);
    EXPECT_TRUE(decoded.qualifiers.find("Description")->flavor.translatable);
    EXPECT_FALSE(decoded.qualifiers.find("Abstract")->flavor.overridable);
    EXPECT_FALSE(decoded.qualifiers.find("Abstract")->flavor.toSubclass);
    ASSERT_EQ(decoded.properties.size(), 3U);
    EXPECT_TRUE(decoded.properties[0].isKey());
    EXPECT_TRUE(decoded.properties[0].propagated);
    EXPECT_TRUE(decoded.properties[0].qualifiers.find("Key")->propagated);
    EXPECT_EQ(decoded.properties[0].classOrigin, "CIM_Service");
    EXPECT_TRUE(decoded.properties[1].isArray);
    EXPECT_EQ(decoded.properties[1].arraySize, 4U);
    EXPECT_EQ(decoded.properties[1].defaultValue, states.defaultValue);
    EXPECT_EQ(decoded.properties[2].type, CimType::Reference);
    EXPECT_EQ(decoded.properties[2].referenceClass, "CIM_System");
    ASSERT_EQ(decoded.methods.size(), 1U);
    const MethodDecl& method = decoded.methods[0];
    EXPECT_EQ(method.returnType, CimType::Uint32);
    EXPECT_EQ(method.qualifiers.stringArray("ValueMap"), (std::vector<std::string>{"0", "1"}));
    ASSERT_EQ(method.parameters.size(), 4U);
    EXPECT_EQ(method.parameters[0].type, CimType::Uint16);
    EXPECT_EQ(method.parameters[1].type, CimType::Reference);
    EXPECT_TRUE(method.parameters[1].isOut());
    EXPECT_EQ(method.parameters[2].type, CimType::DateTime);
    EXPECT_TRUE(method.parameters[3].isArray);
}

TEST(CimXmlClass, AssociationQualifierMakesAnAssociation) {
    const CimClass cls = decodeClass(
        "<CLASS NAME=\"A\"><QUALIFIER NAME=\"Association\" TYPE=\"boolean\"><VALUE>TRUE</VALUE></QUALIFIER></CLASS>");
    EXPECT_TRUE(cls.isAssociation());
}

TEST(CimXmlLimits, DepthIsCheckedBeforeParsing) {
    std::string deep;
    for (int i = 0; i < 70; ++i) deep += "<a>";
    for (int i = 0; i < 70; ++i) deep += "</a>";
    expectStatus(
        CimStatus::InvalidParameter, [&] { checkXmlLimits(deep, {}); }, "deeper than 64");
    EXPECT_NO_THROW(checkXmlLimits(deep, {.maxBytes = 1 << 20, .maxDepth = 70}));

    // Self-closing tags, comments, CDATA and quoted '>' do not count as nesting.
    std::string flat = "<?xml version=\"1.0\"?><!-- <a><a> --><r>";
    for (int i = 0; i < 100; ++i) flat += "<v a=\"x>y\"/><![CDATA[<a><a>]]>";
    flat += "</r>";
    EXPECT_NO_THROW(checkXmlLimits(flat, {.maxBytes = 1 << 20, .maxDepth = 2}));
    expectStatus(
        CimStatus::InvalidParameter, [&] { checkXmlLimits(flat, {.maxBytes = 100, .maxDepth = 64}); },
        "exceeds the limit of 100 bytes");
}

TEST(CimXmlLimits, EmbeddedObjectsCannotNestWithoutBound) {
    Instance instance("Leaf");
    for (int level = 0; level < 12; ++level) {
        Instance outer("Level" + std::to_string(level));
        outer.set("Inner", Value::embedded(instance));
        instance = outer;
    }
    const std::string xml = encodeInstance(instance);
    expectStatus(
        CimStatus::InvalidParameter, [&] { decodeInstance(xml); }, "nested too deeply");
}

TEST(CimXmlType, NamesFollowDsp0201) {
    EXPECT_EQ(xmlTypeName(CimType::Uint32), "uint32");
    EXPECT_EQ(xmlTypeName(CimType::DateTime), "datetime");
    EXPECT_EQ(xmlTypeName(CimType::Reference), "reference");
    EXPECT_EQ(xmlTypeName(CimType::Instance), "string");
}

}  // namespace
}  // namespace wmimock::cimxml
