// The client against servers that misbehave: nothing listening, a server that never
// answers, one that answers an error without Content-Length and keeps the socket open, and
// canned CIM-XML answers. Timeouts are short so that the tests stay fast; nothing here
// asserts on time.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "raw_http.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cimxml/client.hpp"

namespace wmimock::cimxml {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using testing::ScriptedServer;

CimError errorOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const CimError& e) {
        return e;
    }
    ADD_FAILURE() << "no CimError";
    return CimError(CimStatus::Success, {});
}

ClientOptions urlOnly(const std::string& url) {
    ClientOptions options;
    options.url = url;
    return options;
}

ClientOptions optionsFor(int port, std::chrono::milliseconds readTimeout = std::chrono::seconds(5)) {
    ClientOptions options;
    options.url = "http://127.0.0.1:" + std::to_string(port) + "/root/test";
    options.transport.connectTimeout = std::chrono::seconds(2);
    options.transport.readTimeout = readTimeout;
    return options;
}

std::string okResponse(const std::string& body) {
    return "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nCIMOperation: MethodResponse\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::string envelope(const std::string& response) {
    return "<?xml version=\"1.0\"?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><MESSAGE ID=\"1\" "
           "PROTOCOLVERSION=\"1.0\"><SIMPLERSP>" +
           response + "</SIMPLERSP></MESSAGE></CIM>";
}

// ---- Pull operations -------------------------------------------------------------------

std::string methodOf(const std::string& request) {
    const auto at = request.find("CIMMethod: ");
    if (at == std::string::npos) return {};
    return request.substr(at + 11, request.find('\r', at) - at - 11);
}

std::vector<std::string> methodsOf(const ScriptedServer& server) {
    std::vector<std::string> methods;
    for (const std::string& request : server.requests()) methods.push_back(methodOf(request));
    return methods;
}

std::string instanceWithPath(const std::string& name) {
    return "<VALUE.INSTANCEWITHPATH><INSTANCEPATH><NAMESPACEPATH><HOST>h</HOST><LOCALNAMESPACEPATH>"
           "<NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"test\"/></LOCALNAMESPACEPATH></NAMESPACEPATH>"
           "<INSTANCENAME CLASSNAME=\"T\"><KEYBINDING NAME=\"Name\"><KEYVALUE VALUETYPE=\"string\">" +
           name +
           "</KEYVALUE></KEYBINDING></INSTANCENAME></INSTANCEPATH><INSTANCE CLASSNAME=\"T\"><PROPERTY "
           "NAME=\"Name\" TYPE=\"string\"><VALUE>" +
           name + "</VALUE></PROPERTY></INSTANCE></VALUE.INSTANCEWITHPATH>";
}

std::string pullReply(const std::string& method, const std::string& items, const std::string& context) {
    const std::string contextParam = context.empty()
                                         ? "<PARAMVALUE NAME=\"EnumerationContext\" PARAMTYPE=\"string\"/>"
                                         : "<PARAMVALUE NAME=\"EnumerationContext\" PARAMTYPE=\"string\"><VALUE>" +
                                               context + "</VALUE></PARAMVALUE>";
    return okResponse(envelope("<IMETHODRESPONSE NAME=\"" + method + "\"><IRETURNVALUE>" + items + "</IRETURNVALUE>" +
                               contextParam + "<PARAMVALUE NAME=\"EndOfSequence\" PARAMTYPE=\"boolean\"><VALUE>" +
                               (context.empty() ? "TRUE" : "FALSE") + "</VALUE></PARAMVALUE></IMETHODRESPONSE>"));
}

TEST(CimXmlClientPull, AnEnumerationArrivesInPiecesOfMaxObjectCount) {
    ScriptedServer server([](const std::string& request) {
        if (methodOf(request) == "OpenEnumerateInstances") {
            return pullReply("OpenEnumerateInstances", instanceWithPath("a") + instanceWithPath("b"), "ctx-1");
        }
        return pullReply("PullInstancesWithPath", instanceWithPath("c"), "");
    });
    ClientOptions options = optionsFor(server.port());
    options.pullMaxObjectCount = 2;
    CimXmlClient client(options);
    const auto instances = client.enumerateInstances({}, "T");
    ASSERT_EQ(instances.size(), 3U);
    EXPECT_EQ(instances[2].get("Name"), Value::string("c"));
    EXPECT_EQ(instances[0].path().host(), "") << "paths read as the classic enumeration gives them";
    EXPECT_EQ(instances[0].path().nameSpace(), "root/test");
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 2U);
    EXPECT_THAT(requests[0], HasSubstr("<IPARAMVALUE NAME=\"MaxObjectCount\"><VALUE>2</VALUE>"));
    EXPECT_EQ(methodOf(requests[1]), "PullInstancesWithPath");
    EXPECT_THAT(requests[1], HasSubstr("<VALUE>ctx-1</VALUE>"));
}

TEST(CimXmlClientPull, AServerWithoutPullOperationsIsAskedTheClassicWayFromThenOn) {
    ScriptedServer server([](const std::string& request) {
        const std::string method = methodOf(request);
        if (method.starts_with("Open")) {
            return okResponse(envelope("<IMETHODRESPONSE NAME=\"" + method +
                                       "\"><ERROR CODE=\"7\" DESCRIPTION=\"no such operation\"/></IMETHODRESPONSE>"));
        }
        return okResponse(
            envelope("<IMETHODRESPONSE NAME=\"EnumerateInstanceNames\"><IRETURNVALUE>"
                     "<INSTANCENAME CLASSNAME=\"T\"><KEYBINDING NAME=\"Name\"><KEYVALUE>a</KEYVALUE>"
                     "</KEYBINDING></INSTANCENAME></IRETURNVALUE></IMETHODRESPONSE>"));
    });
    CimXmlClient client(optionsFor(server.port()));
    EXPECT_EQ(client.enumerateInstanceNames({}, "T").size(), 1U);
    EXPECT_EQ(client.enumerateInstanceNames({}, "T").size(), 1U);
    EXPECT_THAT(methodsOf(server), ::testing::ElementsAre("OpenEnumerateInstancePaths", "EnumerateInstanceNames",
                                                          "EnumerateInstanceNames"));
}

TEST(CimXmlClientPull, AFailingPullIsTheOperationsError) {
    ScriptedServer server([](const std::string& request) {
        if (methodOf(request) == "OpenEnumerateInstances") {
            return pullReply("OpenEnumerateInstances", instanceWithPath("a"), "ctx-1");
        }
        return okResponse(
            envelope("<IMETHODRESPONSE NAME=\"PullInstancesWithPath\"><ERROR CODE=\"21\" "
                     "DESCRIPTION=\"expired\"/></IMETHODRESPONSE>"));
    });
    CimXmlClient client(optionsFor(server.port()));
    EXPECT_EQ(errorOf([&] { client.enumerateInstances({}, "T"); }).status(), CimStatus::InvalidEnumerationContext);
    EXPECT_THAT(methodsOf(server), ::testing::ElementsAre("OpenEnumerateInstances", "PullInstancesWithPath"))
        << "no classic retry hides the failure";
}

TEST(CimXmlClientUrl, ParsesHostPortAndNamespace) {
    CimXmlClient client(urlOnly("http://127.0.0.1:15988/root/interop"));
    EXPECT_EQ(client.defaultNamespace(), "root/interop");
    EXPECT_EQ(client.endpoint(), "127.0.0.1:15988");
    CimXmlClient withDefaults(urlOnly("http://localhost"));
    EXPECT_EQ(withDefaults.defaultNamespace(), "root/cimv2");
    EXPECT_EQ(withDefaults.endpoint(), "localhost:5988");
}

TEST(CimXmlClientUrl, RejectsWhatItCannotUse) {
    for (const char* url : {"127.0.0.1:5988", "ftp://host/", "http://", "http://host:99999/", "http://host:x/"}) {
        SCOPED_TRACE(url);
        const auto error = errorOf([&] { CimXmlClient client(urlOnly(url)); });
        EXPECT_EQ(error.status(), CimStatus::InvalidParameter);
        EXPECT_THAT(error.message(), HasSubstr(url));
    }
}

TEST(CimXmlClientTransport, NothingListeningIsAClearConnectionError) {
    const int port = testing::unusedPort();
    CimXmlClient client(optionsFor(port));
    const auto error = errorOf([&] { client.enumerateClassNames({}); });
    EXPECT_EQ(error.status(), CimStatus::Failed);
    EXPECT_THAT(error.message(), HasSubstr("cannot connect to 127.0.0.1:" + std::to_string(port)));
}

TEST(CimXmlClientTransport, AServerThatNeverAnswersHitsTheReadTimeout) {
    ScriptedServer silent("");
    CimXmlClient client(optionsFor(silent.port(), std::chrono::milliseconds(300)));
    const auto error = errorOf([&] { client.getClass({}, "CIM_Service"); });
    EXPECT_EQ(error.status(), CimStatus::Failed);
    EXPECT_THAT(error.message(), AllOf(HasSubstr("no complete answer"), HasSubstr("within 300 ms")));
}

TEST(CimXmlClientTransport, AnErrorWithoutContentLengthIsReportedFromItsHeaders) {
    // The socket stays open and no length is given: reading a body would wait for the timeout.
    ScriptedServer loose("HTTP/1.1 400 Bad Request\r\nCIMError: request-not-valid\r\n\r\n");
    CimXmlClient client(optionsFor(loose.port(), std::chrono::seconds(30)));
    const auto error = errorOf([&] { client.enumerateInstanceNames({}, "CIM_Service"); });
    EXPECT_EQ(error.status(), CimStatus::Failed);
    EXPECT_THAT(error.message(), AllOf(HasSubstr("HTTP 400"), HasSubstr("CIMError: request-not-valid")));
}

TEST(CimXmlClientResponses, ErrorElementsKeepTheirStatus) {
    ScriptedServer server(
        okResponse(envelope("<IMETHODRESPONSE NAME=\"GetInstance\"><ERROR CODE=\"6\" DESCRIPTION=\"no such "
                            "service\"/></IMETHODRESPONSE>")));
    CimXmlClient client(optionsFor(server.port()));
    const auto error = errorOf([&] { client.getInstance(ObjectPath({}, "C", {{"k", Value::string("v")}})); });
    EXPECT_EQ(error.status(), CimStatus::NotFound);
    EXPECT_EQ(error.message(), "no such service");
}

TEST(CimXmlClientResponses, UndefinedCodesKeepTheirNumber) {
    // ERR-011 judges undefined codes: the client must not turn them into CIM_ERR_FAILED.
    ScriptedServer server(okResponse(envelope(
        "<IMETHODRESPONSE NAME=\"DeleteInstance\"><ERROR CODE=\"99\" DESCRIPTION=\"odd\"/></IMETHODRESPONSE>")));
    CimXmlClient client(optionsFor(server.port()));
    const auto error = errorOf([&] { client.deleteInstance(ObjectPath({}, "C", {{"k", Value::string("v")}})); });
    EXPECT_EQ(static_cast<unsigned>(error.status()), 99U);
    EXPECT_FALSE(isDefinedStatus(99));
    EXPECT_EQ(error.message(), "odd");
}

TEST(CimXmlClientResponses, AnUnreadableCodeIsFailed) {
    for (const char* code : {"abc", "12x", "", "0", "70000"}) {
        ScriptedServer server(okResponse(envelope("<IMETHODRESPONSE NAME=\"DeleteInstance\"><ERROR CODE=\"" +
                                                  std::string(code) + "\"/></IMETHODRESPONSE>")));
        CimXmlClient client(optionsFor(server.port()));
        const auto error = errorOf([&] { client.deleteInstance(ObjectPath({}, "C", {{"k", Value::string("v")}})); });
        EXPECT_EQ(error.status(), CimStatus::Failed) << code;
        EXPECT_THAT(error.message(), HasSubstr("unreadable code")) << code;
    }
}

TEST(CimXmlClientResponses, AResponseForAnotherOperationIsRefused) {
    ScriptedServer server(okResponse(envelope("<IMETHODRESPONSE NAME=\"GetClass\"/>")));
    CimXmlClient client(optionsFor(server.port()));
    const auto error = errorOf([&] { client.enumerateClassNames({}); });
    EXPECT_EQ(error.status(), CimStatus::Failed);
    EXPECT_THAT(error.message(), HasSubstr("instead of EnumerateClassNames"));
}

TEST(CimXmlClientResponses, MethodResultsAreTypedByParamType) {
    ScriptedServer server(okResponse(
        envelope("<METHODRESPONSE NAME=\"RequestStateChange\"><RETURNVALUE PARAMTYPE=\"uint32\"><VALUE>4096</VALUE>"
                 "</RETURNVALUE><PARAMVALUE NAME=\"Job\" PARAMTYPE=\"reference\"><VALUE.REFERENCE><INSTANCENAME "
                 "CLASSNAME=\"CIM_ConcreteJob\"><KEYBINDING NAME=\"InstanceID\"><KEYVALUE>job-1</KEYVALUE></KEYBINDING>"
                 "</INSTANCENAME></VALUE.REFERENCE></PARAMVALUE></METHODRESPONSE>")));
    CimXmlClient client(optionsFor(server.port()));
    const auto result = client.invokeMethod(ObjectPath({}, "C", {{"k", Value::string("v")}}), "RequestStateChange",
                                            {{"RequestedState", Value::uint16(3)}});
    EXPECT_EQ(result.returnValue.type(), CimType::Uint32);
    EXPECT_EQ(result.returnValue.asUint64(), 4096U);
    ASSERT_NE(result.out("Job"), nullptr);
    EXPECT_EQ(result.out("Job")->asReference().key("InstanceID")->asString(), "job-1");
}

TEST(CimXmlClientResponses, AnErrorInAMethodResponseIsThrown) {
    ScriptedServer server(okResponse(envelope(
        "<METHODRESPONSE NAME=\"StopService\"><ERROR CODE=\"17\" DESCRIPTION=\"no method\"/></METHODRESPONSE>")));
    CimXmlClient client(optionsFor(server.port()));
    const auto error = errorOf([&] {
        client.invokeMethod(ObjectPath({}, "C", {{"k", Value::string("v")}}), "StopService");
    });
    EXPECT_EQ(error.status(), CimStatus::MethodNotFound);
}

}  // namespace
}  // namespace wmimock::cimxml
