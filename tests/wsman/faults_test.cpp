// Faults both ways: what the service writes carries the status and reads back as it; a fault
// from another server (no CIMStatusCode in its detail) reads back by its subcode.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "faults.hpp"
#include "soap.hpp"

namespace wmimock::wsman::detail {
namespace {

CimError readBack(const std::string& envelope) {
    pugi::xml_document document;
    EXPECT_TRUE(document.load_string(envelope.c_str())) << envelope;
    const pugi::xml_node fault = childOf(childOf(firstElement(document), xmlns::kSoap, "Body"), xmlns::kSoap, "Fault");
    EXPECT_TRUE(fault) << envelope;
    return errorFromFault(fault);
}

TEST(WsmanFaults, EveryStatusReadsBackAsItself) {
    for (std::uint32_t code = 1; code <= 30; ++code) {
        for (const UriStyle style : {UriStyle::Dmtf, UriStyle::Wmi}) {
            const CimError error(static_cast<CimStatus>(code), "status " + std::to_string(code));
            const CimError back = readBack(writeFaultEnvelope(WsmanFault::fromCimError(error), "uuid:1", style));
            EXPECT_EQ(static_cast<std::uint32_t>(back.status()), code);
            EXPECT_EQ(back.message(), error.message());
        }
    }
}

TEST(WsmanFaults, AFaultWithoutAStatusReadsBackByItsSubcode) {
    auto winrm = [](const std::string& subcode) {
        return R"(<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"
            xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing"
            xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd"><s:Header/><s:Body><s:Fault>
            <s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>)" +
               subcode + R"(</s:Value></s:Subcode></s:Code>
            <s:Reason><s:Text xml:lang="en-US">The WS-Management service cannot process the request.</s:Text></s:Reason>
            <s:Detail><f:WSManFault xmlns:f="http://schemas.microsoft.com/wbem/wsman/1/wsmanfault" Code="2150858752"/>
            </s:Detail></s:Fault></s:Body></s:Envelope>)";
    };
    EXPECT_EQ(readBack(winrm("a:DestinationUnreachable")).status(), CimStatus::NotFound);
    EXPECT_EQ(readBack(winrm("w:AccessDenied")).status(), CimStatus::AccessDenied);
    EXPECT_EQ(readBack(winrm("w:InvalidSelectors")).status(), CimStatus::InvalidParameter);
    EXPECT_EQ(readBack(winrm("a:ActionNotSupported")).status(), CimStatus::NotSupported);
    const CimError unknown = readBack(winrm("w:SomethingNew"));
    EXPECT_EQ(unknown.status(), CimStatus::Failed);
    EXPECT_THAT(unknown.message(), ::testing::HasSubstr("w:SomethingNew"));
    EXPECT_THAT(unknown.message(), ::testing::HasSubstr("cannot process the request"));
}

}  // namespace
}  // namespace wmimock::wsman::detail
