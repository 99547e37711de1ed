// WsmanService answering raw envelopes, as WinRM clients write them: the message shapes of
// DSP0226 / DSP0227, enumeration contexts, filters and faults.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <thread>

#include "wsman_fixture.hpp"

namespace wmimock::wsman::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kDmtf = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
constexpr const char* kWmi = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/test/";

/// An envelope with other prefixes than the service's own, as independent clients write.
std::string envelope(const std::string& action, const std::string& resourceUri, const std::string& selectors,
                     const std::string& body, const std::string& extraHeaders = "") {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"
    xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing"
    xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd"
    xmlns:n="http://schemas.xmlsoap.org/ws/2004/09/enumeration">
 <env:Header>
  <a:To>http://localhost:5985/wsman</a:To>
  <w:ResourceURI env:mustUnderstand="true">)" +
           resourceUri + R"(</w:ResourceURI>
  <a:ReplyTo><a:Address env:mustUnderstand="true">http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>
  <a:Action env:mustUnderstand="true">)" +
           action + R"(</a:Action>
  <a:MessageID>uuid:11111111-2222-3333-4444-555555555555</a:MessageID>
  <w:MaxEnvelopeSize env:mustUnderstand="true">153600</w:MaxEnvelopeSize>
  )" + (selectors.empty() ? std::string() : "<w:SelectorSet>" + selectors + "</w:SelectorSet>") +
           extraHeaders + R"(
 </env:Header>
 <env:Body>)" +
           body +
           R"(</env:Body>
</env:Envelope>)";
}

std::string selector(const std::string& name, const std::string& value) {
    return "<w:Selector Name=\"" + name + "\">" + value + "</w:Selector>";
}

const std::string kGet = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get";
const std::string kEnumerate = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate";
const std::string kPull = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Pull";
const std::string kRelease = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Release";

class WsmanServiceTest : public WsmanTest {
protected:
    /// Handles `request`; the parsed answer, with the HTTP status checked.
    pugi::xml_document answer(const std::string& request, int expectedStatus = 200) {
        last_ = service_->handle(request);
        EXPECT_EQ(last_.httpStatus, expectedStatus) << last_.body;
        pugi::xml_document document;
        EXPECT_TRUE(document.load_string(last_.body.c_str())) << last_.body;
        return document;
    }
    static std::string text(const pugi::xml_document& d, const char* xpath) {
        return d.select_node(xpath).node().text().get();
    }
    /// The fault's subcode and the CIM status in its detail.
    std::pair<std::string, std::string> fault(const std::string& request) {
        const pugi::xml_document d = answer(request, 500);
        return {text(d, "//*[local-name()='Subcode']/*[local-name()='Value']"),
                text(d, "//*[local-name()='CIMStatusCode']")};
    }
    Reply last_;
};

TEST_F(WsmanServiceTest, IdentifyNeedsNoAction) {
    const auto d = answer(R"(<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"
        xmlns:wsmid="http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd"><s:Header/>
        <s:Body><wsmid:Identify/></s:Body></s:Envelope>)");
    EXPECT_EQ(text(d, "//*[local-name()='ProtocolVersion']"), "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd");
    EXPECT_EQ(text(d, "//*[local-name()='ProductVendor']"), "wmimock");
}

TEST_F(WsmanServiceTest, GetAnswersTheInstanceInTheClassNamespaceWithHeaders) {
    const auto d = answer(envelope(kGet, std::string(kDmtf) + "Test_Service",
                                   selector("Name", "Alpha") + selector("__cimnamespace", "root/test"), ""));
    const pugi::xml_node instance = d.select_node("//*[local-name()='Body']/*").node();
    EXPECT_STREQ(instance.name(), "p:Test_Service");
    EXPECT_STREQ(instance.attribute("xmlns:p").value(),
                 "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_Service");
    EXPECT_EQ(text(d, "//p:Test_Service/p:Started"), "true");
    EXPECT_EQ(d.select_nodes("//p:Test_Service/p:Tags").size(), 2U);
    EXPECT_STREQ(d.select_node("//p:Test_Service/p:Caption").node().attribute("xsi:nil").value(), "true");
    EXPECT_EQ(text(d, "//p:InstallDate/cim:Datetime"), "2026-12-02T10:15:00.123456+01:00");
    EXPECT_EQ(text(d, "//p:Uptime/cim:Interval"), "P1DT2H3M4.000005S");
    EXPECT_EQ(text(d, "//*[local-name()='RelatesTo']"), "uuid:11111111-2222-3333-4444-555555555555");
    EXPECT_EQ(text(d, "//*[local-name()='Action']"), "http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse");
    EXPECT_THAT(last_.summary, HasSubstr("Get Test_Service -> ok"));
}

TEST_F(WsmanServiceTest, WmiUrisCarryTheNamespaceInThePath) {
    const auto d =
        answer(envelope(kGet, std::string(kWmi) + "Test_Service", selector("Name", "Beta &amp; &lt;Gamma&gt;"), ""));
    EXPECT_EQ(text(d, "//p:Test_Service/p:Name"), "Beta & <Gamma>");
    EXPECT_STREQ(d.select_node("//p:Test_Service").node().attribute("xmlns:p").value(),
                 "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/test/Test_Service");
}

TEST_F(WsmanServiceTest, FaultsCarryTheSubcodeOfTheirStatusAndTheStatus) {
    EXPECT_EQ(fault(envelope(kGet, std::string(kWmi) + "Test_Service", selector("Name", "Nobody"), "")),
              std::make_pair(std::string("wsa:DestinationUnreachable"), std::string("6")));
    EXPECT_THAT(last_.body, HasSubstr("MSFT_WmiError"));
    EXPECT_THAT(last_.body, HasSubstr("2147749890"));  // WBEM_E_NOT_FOUND, as WinRM reports it
    EXPECT_EQ(fault(envelope(kGet, std::string(kDmtf) + "Test_Service",
                             selector("Name", "Alpha") + selector("__cimnamespace", "root/nowhere"), "")),
              std::make_pair(std::string("wsa:DestinationUnreachable"), std::string("3")));
    EXPECT_THAT(last_.body, HasSubstr("CIM_Error"));
    EXPECT_EQ(fault(envelope(kGet, "http://example.org/not/a/cim/uri", "", "")).first, "wsa:DestinationUnreachable");
    EXPECT_EQ(fault(envelope("http://example.org/Frobnicate", std::string(kDmtf) + "Test_Service", "", "")),
              std::make_pair(std::string("wsa:ActionNotSupported"), std::string("7")));
    EXPECT_EQ(fault(envelope(std::string(kDmtf) + "Test_Service/NoSuchMethod", std::string(kDmtf) + "Test_Service",
                             selector("Name", "Alpha") + selector("__cimnamespace", "root/test"),
                             "<p:NoSuchMethod_INPUT xmlns:p=\"x\"/>")),
              std::make_pair(std::string("wsa:ActionNotSupported"), std::string("17")));
    EXPECT_EQ(fault("<not xml").first, "wsman:SchemaValidationError");
    EXPECT_EQ(fault("<Envelope xmlns=\"http://schemas.xmlsoap.org/soap/envelope/\"><Body/></Envelope>").first,
              "wsman:SchemaValidationError");
    EXPECT_THAT(last_.body, HasSubstr("SOAP 1.2"));
}

TEST_F(WsmanServiceTest, AnUnknownHeaderThatMustBeUnderstoodFailsTheRequest) {
    const std::string uri = std::string(kWmi) + "Test_Service";
    const auto d =
        answer(envelope(kGet, uri, selector("Name", "Alpha"), "",
                        "<x:Transaction xmlns:x=\"urn:example\" env:mustUnderstand=\"true\">1</x:Transaction>"),
               500);
    EXPECT_EQ(text(d, "//*[local-name()='Code']/*[local-name()='Value']"), "s:MustUnderstand");
    EXPECT_THAT(last_.body, HasSubstr("x:Transaction"));
    // The same header that may be ignored, and WinRM's own headers, are fine.
    answer(envelope(kGet, uri, selector("Name", "Alpha"), "",
                    "<x:Transaction xmlns:x=\"urn:example\" env:mustUnderstand=\"false\">1</x:Transaction>"
                    "<p:SessionId xmlns:p=\"http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd\" "
                    "env:mustUnderstand=\"true\">uuid:1</p:SessionId>"));
}

TEST_F(WsmanServiceTest, AResponseLargerThanMaxEnvelopeSizeIsAnEncodingLimitFault) {
    // One instance fits in the smallest envelope a client may ask for; 200 do not.
    std::string request = envelope(kGet, std::string(kWmi) + "Test_Service", selector("Name", "Alpha"), "");
    request.replace(request.find("153600"), 6, "8192");
    answer(request);
    for (int i = 0; i < 200; ++i) {
        Instance host("Test_Host");
        host.set("Name", Value::string("bulk-" + std::to_string(i)));
        host.set("Caption", Value::string(std::string(100, 'x')));
        cimom_->createInstance("root/test", host);
    }
    const std::string enumerate = envelope(kEnumerate, std::string(kWmi) + "Test_Host", "",
                                           "<n:Enumerate><w:OptimizeEnumeration/><w:MaxElements>500</w:MaxElements>"
                                           "</n:Enumerate>");
    std::string small = enumerate;
    small.replace(small.find("153600"), 6, "8192");
    EXPECT_EQ(fault(small).first, "wsman:EncodingLimit");
    EXPECT_EQ(fault(envelope(kGet, std::string(kWmi) + "Test_Service", selector("Name", "Alpha"), "",
                             "<w:FragmentTransfer>Name</w:FragmentTransfer>"))
                  .first,
              "wsman:UnsupportedFeature");
}

TEST_F(WsmanServiceTest, EnumerateAndPullHandOutEveryItemOnceAndEnd) {
    const auto first = answer(envelope(kEnumerate, std::string(kWmi) + "Test_Element", "",
                                       "<n:Enumerate><w:OptimizeEnumeration/><w:MaxElements>2</w:MaxElements>"
                                       "<w:EnumerationMode>EnumerateObjectAndEPR</w:EnumerationMode></n:Enumerate>"));
    EXPECT_EQ(first.select_nodes("//*[local-name()='Items']/*[local-name()='Item']").size(), 2U);
    EXPECT_FALSE(first.select_node("//*[local-name()='EndOfSequence']"));
    const std::string context = text(first, "//*[local-name()='EnumerationContext']");
    ASSERT_FALSE(context.empty());
    EXPECT_EQ(service_->openEnumerations(), 1U);

    const std::string pullBody = "<n:Pull><n:EnumerationContext>" + context +
                                 "</n:EnumerationContext><n:MaxElements>10</n:MaxElements></n:Pull>";
    const auto rest = answer(envelope(kPull, std::string(kWmi) + "Test_Element", "", pullBody));
    // Test_Host h1 and Test_Service Alpha and Beta: three elements in all.
    EXPECT_EQ(rest.select_nodes("//*[local-name()='Items']/*[local-name()='Item']").size(), 1U);
    EXPECT_TRUE(rest.select_node("//*[local-name()='EndOfSequence']"));
    EXPECT_FALSE(rest.select_node("//*[local-name()='PullResponse']/*[local-name()='EnumerationContext']"));
    EXPECT_EQ(service_->openEnumerations(), 0U);
    EXPECT_EQ(fault(envelope(kPull, std::string(kWmi) + "Test_Element", "", pullBody)),
              std::make_pair(std::string("wsen:InvalidEnumerationContext"), std::string("21")));
}

TEST_F(WsmanServiceTest, ContextsCanBeReleasedAndExpire) {
    ServiceOptions options;
    options.enumerationTimeout = std::chrono::milliseconds(200);
    start(options, {});
    const std::string enumerate =
        envelope(kEnumerate, std::string(kWmi) + "Test_Service", "",
                 "<n:Enumerate><w:EnumerationMode>EnumerateEPR</w:EnumerationMode></n:Enumerate>");
    const std::string released = text(answer(enumerate), "//*[local-name()='EnumerationContext']");
    answer(envelope(kRelease, std::string(kWmi) + "Test_Service", "",
                    "<n:Release><n:EnumerationContext>" + released + "</n:EnumerationContext></n:Release>"));
    EXPECT_EQ(service_->openEnumerations(), 0U);

    const std::string expiring = text(answer(enumerate), "//*[local-name()='EnumerationContext']");
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    EXPECT_EQ(fault(envelope(kPull, std::string(kWmi) + "Test_Service", "",
                             "<n:Pull><n:EnumerationContext>" + expiring + "</n:EnumerationContext></n:Pull>"))
                  .first,
              "wsen:InvalidEnumerationContext");
}

TEST_F(WsmanServiceTest, FiltersSelectWhatTheyName) {
    const std::string wql =
        answer(envelope(kEnumerate, "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/test/*", "",
                        "<n:Enumerate><w:OptimizeEnumeration/><w:MaxElements>9</w:MaxElements>"
                        "<w:Filter Dialect=\"http://schemas.microsoft.com/wbem/wsman/1/WQL\">"
                        "SELECT Name FROM Test_Service WHERE Started = FALSE</w:Filter></n:Enumerate>"))
            .select_node("//*[local-name()='Name']")
            .node()
            .text()
            .get();
    EXPECT_EQ(wql, "Beta & <Gamma>");
    const auto bySelector = answer(
        envelope(kEnumerate, std::string(kWmi) + "Test_Service", "",
                 "<n:Enumerate><w:OptimizeEnumeration/><w:MaxElements>9</w:MaxElements>"
                 "<w:Filter Dialect=\"http://schemas.dmtf.org/wbem/wsman/1/wsman/SelectorFilter\"><w:SelectorSet>" +
                     selector("Name", "Alpha") + "</w:SelectorSet></w:Filter></n:Enumerate>"));
    EXPECT_EQ(bySelector.select_nodes("//*[local-name()='Items']/*").size(), 1U);
    EXPECT_EQ(
        fault(envelope(kEnumerate, std::string(kWmi) + "Test_Service", "",
                       "<n:Enumerate><w:Filter Dialect=\"http://www.w3.org/TR/1999/REC-xpath-19991116\">/</w:Filter>"
                       "</n:Enumerate>")),
        std::make_pair(std::string("wsen:FilterDialectRequestedUnavailable"), std::string("14")));
}

TEST_F(WsmanServiceTest, MethodsAnswerTheirOutputElement) {
    const std::string uri = std::string(kWmi) + "Test_Service";
    const auto d = answer(envelope(uri + "/RequestStateChange", uri, selector("Name", "Alpha"),
                                   "<p:RequestStateChange_INPUT xmlns:p=\"" + uri +
                                       "\"><p:RequestedState>3</p:RequestedState></p:RequestStateChange_INPUT>"));
    EXPECT_EQ(text(d, "//p:RequestStateChange_OUTPUT/p:ReturnValue"), "4096");
    EXPECT_EQ(text(d, "//p:Job/*[local-name()='ReferenceParameters']/*[local-name()='ResourceURI']"),
              "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/test/Test_Job");
    EXPECT_EQ(text(d, "//*[local-name()='Action']"), uri + "/RequestStateChangeResponse");
    EXPECT_EQ(fault(envelope(uri + "/StopService", uri, selector("Name", "Alpha"),
                             "<p:StartService_INPUT xmlns:p=\"" + uri + "\"/>"))
                  .first,
              "wsman:SchemaValidationError");
    EXPECT_EQ(fault(envelope(uri + "/RequestStateChange", uri, selector("Name", "Alpha"),
                             "<p:RequestStateChange_INPUT xmlns:p=\"" + uri +
                                 "\"><p:RequestedState>abc</p:RequestedState></p:RequestStateChange_INPUT>")),
              std::make_pair(std::string("wsman:InvalidParameter"), std::string("4")));
    EXPECT_TRUE(cimom_->getInstance(service("Alpha")).get("Started").asBool());
}

TEST_F(WsmanServiceTest, TheClassDefinitionComesAsCimXml) {
    const auto d = answer(envelope(kGet, "http://schemas.dmtf.org/wbem/cim-xml/2/cim-schema/2/Test_Service",
                                   selector("__cimnamespace", "root/test"), ""));
    const pugi::xml_node cls = d.select_node("//CLASS").node();
    EXPECT_STREQ(cls.attribute("NAME").value(), "Test_Service");
    EXPECT_STREQ(cls.attribute("SUPERCLASS").value(), "Test_Element");
}

}  // namespace
}  // namespace wmimock::wsman::testing
