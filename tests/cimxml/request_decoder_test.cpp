// The request decoder: what the server accepts, what it refuses at the HTTP level (with
// DSP0200's CIMError values) and how parameters are typed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "wmimock/cim/error.hpp"
#include "wmimock/cimxml/request.hpp"

namespace wmimock::cimxml {
namespace {

using ::testing::HasSubstr;

std::string envelope(std::string_view call, std::string_view cimVersion = "2.0",
                     std::string_view protocolVersion = "1.0") {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?><CIM CIMVERSION=\"" + std::string(cimVersion) +
           "\" DTDVERSION=\"2.0\"><MESSAGE ID=\"42\" PROTOCOLVERSION=\"" + std::string(protocolVersion) +
           "\"><SIMPLEREQ>" + std::string(call) + "</SIMPLEREQ></MESSAGE></CIM>";
}

constexpr std::string_view kNamespace =
    "<LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"cimv2\"/></LOCALNAMESPACEPATH>";

std::string stopServiceCall(std::string_view params = {}) {
    return envelope("<METHODCALL NAME=\"StopService\"><LOCALINSTANCEPATH>" + std::string(kNamespace) +
                    "<INSTANCENAME CLASSNAME=\"WMIMock_Service\"><KEYBINDING NAME=\"Name\"><KEYVALUE>Alpha</KEYVALUE>"
                    "</KEYBINDING></INSTANCENAME></LOCALINSTANCEPATH>" +
                    std::string(params) + "</METHODCALL>");
}

RequestError refusal(std::string_view body, const DecodeLimits& limits = {}) {
    try {
        decodeRequest(body, limits);
    } catch (const RequestError& e) {
        return e;
    }
    ADD_FAILURE() << "the request was accepted";
    return RequestError(0, {}, {});
}

TEST(CimXmlRequestDecoder, ReadsAnIntrinsicCall) {
    const auto request = decodeRequest(envelope(
        "<IMETHODCALL NAME=\"GetInstance\">" + std::string(kNamespace) +
        "<IPARAMVALUE NAME=\"InstanceName\"><INSTANCENAME CLASSNAME=\"WMIMock_Service\"><KEYBINDING NAME=\"Name\">"
        "<KEYVALUE VALUETYPE=\"string\">Alpha</KEYVALUE></KEYBINDING></INSTANCENAME></IPARAMVALUE>"
        "<IPARAMVALUE NAME=\"LocalOnly\"><VALUE>FALSE</VALUE></IPARAMVALUE>"
        "<IPARAMVALUE NAME=\"PropertyList\"><VALUE.ARRAY><VALUE>Name</VALUE><VALUE>Started</VALUE></VALUE.ARRAY>"
        "</IPARAMVALUE></IMETHODCALL>"));
    EXPECT_TRUE(request.intrinsic);
    EXPECT_EQ(request.messageId, "42");
    EXPECT_EQ(request.protocolVersion, "1.0");
    EXPECT_EQ(request.methodName, "GetInstance");
    EXPECT_EQ(request.nameSpace, "root/cimv2");
    ASSERT_EQ(request.params.size(), 3U);
    const WireParam* name = request.param("instancename");
    ASSERT_NE(name, nullptr);
    EXPECT_EQ(name->kind, WireParam::Kind::InstanceName);
    EXPECT_EQ(name->paths.front(), ObjectPath("root/cimv2", "WMIMock_Service", {{"Name", Value::string("Alpha")}}));
    EXPECT_EQ(request.param("LocalOnly")->texts.front(), "FALSE");
    EXPECT_EQ(request.param("PropertyList")->texts, (std::vector<std::string>{"Name", "Started"}));
    EXPECT_FALSE(request.parameterError.has_value());
}

TEST(CimXmlRequestDecoder, ReadsAMethodCallWithTypedAndUntypedParameters) {
    const auto request =
        decodeRequest(stopServiceCall("<PARAMVALUE NAME=\"RequestedState\"><VALUE>3</VALUE></PARAMVALUE>"
                                      "<PARAMVALUE NAME=\"TimeoutPeriod\" "
                                      "PARAMTYPE=\"datetime\"><VALUE>00000000000010.000000:000</VALUE></PARAMVALUE>"
                                      "<PARAMVALUE NAME=\"Nothing\"/>"));
    EXPECT_FALSE(request.intrinsic);
    EXPECT_EQ(request.methodName, "StopService");
    EXPECT_EQ(request.nameSpace, "root/cimv2");
    EXPECT_EQ(request.target.className(), "WMIMock_Service");
    EXPECT_EQ(request.target.nameSpace(), "root/cimv2");

    const WireParam& untyped = *request.param("RequestedState");
    EXPECT_FALSE(untyped.wireType.has_value());
    EXPECT_EQ(untyped.toValue().type(), CimType::String);  // nothing better without a declaration
    const Value typed = untyped.toValue(CimType::Uint16, false);
    EXPECT_EQ(typed.type(), CimType::Uint16);
    EXPECT_EQ(typed.asUint64(), 3U);

    const WireParam& timeout = *request.param("TimeoutPeriod");
    EXPECT_EQ(timeout.wireType, CimType::DateTime);
    EXPECT_EQ(timeout.toValue().asDateTime().toDuration(), std::chrono::seconds(10));
    EXPECT_TRUE(request.param("Nothing")->toValue(CimType::Uint16, false).isNull());
}

TEST(CimXmlRequestDecoder, TypingErrorsNameTheParameter) {
    const auto request =
        decodeRequest(stopServiceCall("<PARAMVALUE NAME=\"RequestedState\"><VALUE>three</VALUE></PARAMVALUE>"
                                      "<PARAMVALUE NAME=\"List\"><VALUE.ARRAY><VALUE>1</VALUE>"
                                      "</VALUE.ARRAY></PARAMVALUE>"));
    try {
        request.param("RequestedState")->toValue(CimType::Uint16, false);
        FAIL();
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::InvalidParameter);
        EXPECT_THAT(e.message(), HasSubstr("parameter 'RequestedState'"));
    }
    try {
        request.param("List")->toValue(CimType::Uint16, false);
        FAIL();
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::TypeMismatch);
    }
    EXPECT_EQ(request.param("List")->toValue(CimType::Uint8, true).asArray().size(), 1U);
}

TEST(CimXmlRequestDecoder, ParameterProblemsAreKeptForAnErrorElement) {
    const auto request = decodeRequest(envelope(
        "<IMETHODCALL NAME=\"GetInstance\">" + std::string(kNamespace) +
        "<IPARAMVALUE NAME=\"InstanceName\"><INSTANCENAME CLASSNAME=\"C\"><KEYBINDING NAME=\"k\">"
        "<KEYVALUE VALUETYPE=\"numeric\">x</KEYVALUE></KEYBINDING></INSTANCENAME></IPARAMVALUE></IMETHODCALL>"));
    ASSERT_TRUE(request.parameterError.has_value());
    EXPECT_EQ(request.parameterError->status(), CimStatus::InvalidParameter);
    EXPECT_EQ(request.methodName, "GetInstance");
}

TEST(CimXmlRequestDecoder, MalformedXmlIsNotWellFormed) {
    const auto error = refusal("<CIM CIMVERSION=\"2.0\"><MESSAGE");
    EXPECT_EQ(error.httpStatus(), 400);
    EXPECT_EQ(error.cimError(), "request-not-well-formed");
    EXPECT_EQ(refusal("").cimError(), "request-not-well-formed");
}

TEST(CimXmlRequestDecoder, TooDeepIsRefusedBeforeParsing) {
    std::string deep;
    for (int i = 0; i < 100; ++i) deep += "<VALUE.ARRAY>";
    const auto error = refusal(envelope(deep), {.maxBytes = 1 << 20, .maxDepth = 64});
    EXPECT_EQ(error.httpStatus(), 400);
    EXPECT_EQ(error.cimError(), "request-not-well-formed");
    EXPECT_THAT(error.what(), HasSubstr("deeper than 64"));
}

TEST(CimXmlRequestDecoder, TooLargeIs413) {
    const auto error = refusal(stopServiceCall(), {.maxBytes = 100, .maxDepth = 64});
    EXPECT_EQ(error.httpStatus(), 413);
}

TEST(CimXmlRequestDecoder, WrongStructureIsNotValid) {
    EXPECT_EQ(refusal("<NOTCIM/>").cimError(), "request-not-valid");
    EXPECT_EQ(refusal(envelope("<IMETHODCALL NAME=\"GetClass\"/>")).cimError(), "request-not-valid");
    EXPECT_EQ(refusal(envelope("<IMETHODCALL>" + std::string(kNamespace) + "</IMETHODCALL>")).cimError(),
              "request-not-valid");
    EXPECT_EQ(refusal(envelope("<EXPMETHODCALL NAME=\"x\"/>")).cimError(), "request-not-valid");
    EXPECT_EQ(
        refusal(envelope("<METHODCALL NAME=\"StopService\">" + std::string(kNamespace) + "</METHODCALL>")).cimError(),
        "request-not-valid");
}

TEST(CimXmlRequestDecoder, UnsupportedVersionsAndMultiRequestsAre501) {
    auto error = refusal(envelope("", "3.0"));
    EXPECT_EQ(error.httpStatus(), 501);
    EXPECT_EQ(error.cimError(), "unsupported-cim-version");
    error = refusal(envelope("", "2.0", "2.0"));
    EXPECT_EQ(error.cimError(), "unsupported-protocol-version");
    error = refusal(
        "<CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><MESSAGE ID=\"1\" "
        "PROTOCOLVERSION=\"1.0\"><MULTIREQ/></MESSAGE></CIM>");
    EXPECT_EQ(error.httpStatus(), 501);
    EXPECT_EQ(error.cimError(), "multiple-requests-unsupported");
}

}  // namespace
}  // namespace wmimock::cimxml
