// CimXmlServer in front of an in-process Cimom, driven by CimXmlClient and by raw HTTP (for
// what loose real-world clients send). Every remote outcome is compared with the same call
// made in process: the wire must not change results or error codes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <functional>
#include <thread>

#include "raw_http.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cimom/cimom.hpp"
#include "wmimock/cimxml/client.hpp"
#include "wmimock/cimxml/server.hpp"

namespace wmimock::cimxml {
namespace {

using testing::cimRequest;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::RawConnection;

constexpr std::string_view kSchema = R"(
[Abstract, Description("Root of the test classes")]
class Test_Element {
    [Write] string Caption;
};
class Test_Host : Test_Element {
    [Key] string Name;
};
class Test_Job : Test_Element {
    [Key] string InstanceID;
    uint16 JobState;
};
class Test_Service : Test_Element {
    [Key] string Name;
    [Write] boolean Started;
    [Write] uint16 EnabledState;
    uint16 Tags[];
    uint32 StopService();
    uint32 RequestStateChange([In] uint16 RequestedState, [In(false), Out] Test_Job REF Job,
                              [In] datetime TimeoutPeriod);
};
[Association]
class Test_Hosts {
    [Key] Test_Host REF Host;
    [Key] Test_Service REF Service;
};
instance of Test_Host { Name = "h1"; };
instance of Test_Service { Name = "Alpha"; Started = TRUE; EnabledState = 2; Tags = {1, 2}; };
instance of Test_Service { Name = "Beta"; Started = FALSE; EnabledState = 3; };
instance of Test_Hosts { Host = "Test_Host.Name=\"h1\""; Service = "Test_Service.Name=\"Alpha\""; };
)";

/// StopService stops the instance; RequestStateChange records the type it was given and
/// answers 4096 with a Job reference.
class TestServiceMethods final : public MethodProvider {
public:
    std::atomic<int> requestedStateType{-1};

    MethodResult invokeMethod(const ProviderContext& ctx, const ObjectPath& target, const MethodDecl& method,
                              const std::vector<ParamValue>& in) override {
        Instance instance = ctx.cimom.getInstance(target);
        MethodResult result;
        if (iequals(method.name, "StopService")) {
            instance.set("Started", Value::boolean(false));
            instance.set("EnabledState", Value::uint16(3));
            ctx.cimom.modifyInstance(instance);
            result.returnValue = Value::uint32(0);
            return result;
        }
        for (const auto& param : in) {
            if (iequals(param.name, "RequestedState")) requestedStateType = static_cast<int>(param.value.type());
        }
        Instance job("Test_Job");
        job.set("InstanceID", Value::string("job-" + instance.get("Name").asString()));
        job.set("JobState", Value::uint16(4));
        const ObjectPath jobPath = ctx.cimom.createInstance(ctx.nameSpace, job);
        result.returnValue = Value::uint32(4096);
        result.outParameters.push_back({"Job", Value::reference(jobPath)});
        return result;
    }
};

std::shared_ptr<Cimom> makeCimom(const std::shared_ptr<TestServiceMethods>& methods) {
    auto cimom = std::make_shared<Cimom>();
    MofCompileOptions options;
    options.defaultNamespace = "root/test";
    options.dialect = MofDialect::Wmi;
    cimom->loadMof(kSchema, "test.mof", options);
    cimom->registerProvider("root/test", "Test_Service", nullptr, methods);
    return cimom;
}

class CimXmlServerTest : public ::testing::Test {
protected:
    void SetUp() override {
        spdlog::set_level(spdlog::level::warn);
        methods_ = std::make_shared<TestServiceMethods>();
        cimom_ = makeCimom(methods_);
        startServer({});
    }

    void startServer(ServerOptions options) {
        server_.reset();
        options.port = 0;
        options.idleTimeout = std::chrono::seconds(2);
        server_ = std::make_unique<CimXmlServer>(cimom_, options);
        server_->start();
        client_ = std::make_unique<CimXmlClient>(clientOptions());
    }

    ClientOptions clientOptions() const {
        ClientOptions options;
        options.url = "http://127.0.0.1:" + std::to_string(server_->port()) + "/root/test";
        options.transport.readTimeout = std::chrono::seconds(10);
        return options;
    }

    static ObjectPath service(const std::string& name) {
        return ObjectPath("root/test", "Test_Service", {{"Name", Value::string(name)}});
    }

    /// Runs `call` in process and remotely: same status, or same result.
    template <typename Result>
    void expectSameOutcome(const std::function<Result(CimClient&)>& call) {
        std::optional<CimStatus> local, remote;
        std::optional<Result> localResult, remoteResult;
        try {
            localResult = call(*cimom_);
        } catch (const CimError& e) {
            local = e.status();
        }
        try {
            remoteResult = call(*client_);
        } catch (const CimError& e) {
            remote = e.status();
        }
        EXPECT_EQ(local, remote);
        EXPECT_EQ(localResult, remoteResult);
    }

    std::shared_ptr<TestServiceMethods> methods_;
    std::shared_ptr<Cimom> cimom_;
    std::unique_ptr<CimXmlServer> server_;
    std::unique_ptr<CimXmlClient> client_;
};

GetClassOptions allInherited() {
    GetClassOptions options;
    options.localOnly = false;
    return options;
}

std::vector<ObjectPath> sorted(std::vector<ObjectPath> paths) {
    std::sort(paths.begin(), paths.end(),
              [](const ObjectPath& a, const ObjectPath& b) { return a.toString() < b.toString(); });
    return paths;
}

std::vector<Instance> sorted(std::vector<Instance> instances) {
    std::sort(instances.begin(), instances.end(),
              [](const Instance& a, const Instance& b) { return a.path().toString() < b.path().toString(); });
    return instances;
}

TEST_F(CimXmlServerTest, GetClassCarriesDeclarationsAndDerivation) {
    const CimClass local = cimom_->getClass("root/test", "Test_Service", allInherited());
    const CimClass remote = client_->getClass("root/test", "Test_Service", allInherited());
    EXPECT_EQ(remote.name, local.name);
    EXPECT_EQ(remote.superClass, "Test_Element");
    EXPECT_EQ(remote.derivation, std::vector<std::string>{"Test_Element"});
    EXPECT_TRUE(remote.isA("Test_Element"));
    ASSERT_EQ(remote.properties.size(), local.properties.size());
    EXPECT_TRUE(remote.findProperty("Name")->isKey());
    EXPECT_TRUE(remote.findProperty("Tags")->isArray);
    const MethodDecl* method = remote.findMethod("RequestStateChange");
    ASSERT_NE(method, nullptr);
    ASSERT_EQ(method->parameters.size(), 3U);
    EXPECT_EQ(method->findParameter("RequestedState")->type, CimType::Uint16);
    EXPECT_EQ(method->findParameter("Job")->type, CimType::Reference);
    EXPECT_EQ(method->findParameter("Job")->referenceClass, "Test_Job");
    EXPECT_TRUE(method->findParameter("Job")->isOut());
    EXPECT_TRUE(client_->getClass("root/test", "Test_Element").isAbstract());
}

TEST_F(CimXmlServerTest, ClassEnumerationsMatchInProcess) {
    expectSameOutcome<std::vector<std::string>>(
        [](CimClient& c) { return c.enumerateClassNames("root/test", "Test_Element", true); });
    expectSameOutcome<std::vector<std::string>>([](CimClient& c) { return c.enumerateClassNames("root/test"); });
    const auto classes = client_->enumerateClasses("root/test", "Test_Element", true);
    EXPECT_EQ(classes.size(), cimom_->enumerateClasses("root/test", "Test_Element", true).size());
}

TEST_F(CimXmlServerTest, InstanceReadsMatchInProcess) {
    expectSameOutcome<std::vector<ObjectPath>>(
        [](CimClient& c) { return sorted(c.enumerateInstanceNames("root/test", "Test_Service")); });
    expectSameOutcome<std::vector<Instance>>(
        [](CimClient& c) { return sorted(c.enumerateInstances("root/test", "Test_Element")); });
    expectSameOutcome<Instance>([](CimClient& c) { return c.getInstance(service("Alpha")); });
    InstanceOptions onlyName;
    onlyName.propertyList = std::vector<std::string>{"Name"};
    expectSameOutcome<Instance>([&](CimClient& c) { return c.getInstance(service("Alpha"), onlyName); });

    const auto remote = sorted(client_->enumerateInstances("root/test", "Test_Service"));
    ASSERT_EQ(remote.size(), 2U);
    EXPECT_EQ(remote[0].path(), service("Alpha"));
    EXPECT_EQ(remote[0].get("Tags"), Value::array(CimType::Uint16, {Value::uint16(1), Value::uint16(2)}));
}

TEST_F(CimXmlServerTest, ManyInstancesArriveWholeThroughPullOperationsInPieces) {
    for (int i = 0; i < 250; ++i) {
        Instance extra("Test_Service");
        extra.set("Name", Value::string("Extra" + std::to_string(i)));
        cimom_->addInstance("root/test", extra);
    }
    ClientOptions options = clientOptions();
    options.pullMaxObjectCount = 40;  // seven pieces
    CimXmlClient pulling(options);
    const auto local = sorted(cimom_->enumerateInstances("root/test", "Test_Service"));
    ASSERT_EQ(local.size(), 252U);
    EXPECT_EQ(sorted(pulling.enumerateInstances("root/test", "Test_Service")), local);
    EXPECT_EQ(sorted(pulling.enumerateInstanceNames("root/test", "Test_Service")),
              sorted(cimom_->enumerateInstanceNames("root/test", "Test_Service")));
    options.pullMaxObjectCount = 0;
    CimXmlClient classic(options);
    EXPECT_EQ(sorted(classic.enumerateInstances("root/test", "Test_Service")), local);
}

TEST_F(CimXmlServerTest, CreateModifyDeleteRoundTrip) {
    Instance gamma("Test_Service");
    gamma.set("Name", Value::string("Gamma"));
    gamma.set("Started", Value::boolean(true));
    const ObjectPath path = client_->createInstance("root/test", gamma);
    EXPECT_EQ(path, service("Gamma"));
    EXPECT_TRUE(cimom_->getInstance(path).get("Started").asBool());

    Instance changed = cimom_->getInstance(path);
    changed.set("Started", Value::boolean(false));
    changed.set("Caption", Value::string("changed <remotely>"));
    client_->modifyInstance(changed);
    EXPECT_FALSE(cimom_->getInstance(path).get("Started").asBool());
    EXPECT_EQ(cimom_->getInstance(path).get("Caption").asString(), "changed <remotely>");

    client_->deleteInstance(path);
    expectSameOutcome<Instance>([&](CimClient& c) { return c.getInstance(path); });
    expectSameOutcome<ObjectPath>(
        [&](CimClient& c) { return c.createInstance("root/test", cimom_->getInstance(service("Alpha"))); });
}

TEST_F(CimXmlServerTest, AssociationsAndQueriesMatchInProcess) {
    const ObjectPath host("root/test", "Test_Host", {{"Name", Value::string("h1")}});
    expectSameOutcome<std::vector<ObjectPath>>([&](CimClient& c) { return sorted(c.associatorNames(host)); });
    expectSameOutcome<std::vector<Instance>>([&](CimClient& c) { return sorted(c.associators(host)); });
    expectSameOutcome<std::vector<ObjectPath>>([&](CimClient& c) { return sorted(c.referenceNames(host)); });
    expectSameOutcome<std::vector<Instance>>([&](CimClient& c) {
        return sorted(c.references(service("Alpha"), {.resultClass = "Test_Hosts", .role = "Service"}));
    });
    expectSameOutcome<std::vector<ObjectPath>>([&](CimClient& c) {
        return sorted(c.associatorNames(
            host,
            {.assocClass = "Test_Hosts", .resultClass = "Test_Service", .role = "Host", .resultRole = "Service"}));
    });
    EXPECT_EQ(client_->associatorNames(host).size(), 1U);
    expectSameOutcome<std::vector<Instance>>([](CimClient& c) {
        return sorted(c.execQuery("root/test", "WQL", "SELECT * FROM Test_Service WHERE Started = TRUE"));
    });
    EXPECT_EQ(client_->execQuery("root/test", "WQL", "SELECT * FROM Test_Service").size(), 2U);
    expectSameOutcome<std::vector<Instance>>(
        [](CimClient& c) { return c.execQuery("root/test", "CQL", "SELECT * FROM Test_Service"); });
    expectSameOutcome<std::vector<Instance>>(
        [](CimClient& c) { return c.execQuery("root/test", "WQL", "SELECT FROM WHERE"); });
}

TEST_F(CimXmlServerTest, MethodsReturnTypedValuesAndOutParameters) {
    const MethodResult stopped = client_->invokeMethod(service("Alpha"), "StopService");
    EXPECT_EQ(stopped.returnValue.type(), CimType::Uint32);
    EXPECT_EQ(stopped.returnValue.asUint64(), 0U);
    EXPECT_FALSE(cimom_->getInstance(service("Alpha")).get("Started").asBool());

    const MethodResult requested =
        client_->invokeMethod(service("Beta"), "RequestStateChange", {{"RequestedState", Value::uint16(2)}});
    EXPECT_EQ(requested.returnValue.asUint64(), 4096U);
    ASSERT_NE(requested.out("Job"), nullptr);
    const ObjectPath job = requested.out("Job")->asReference();
    EXPECT_EQ(job.className(), "Test_Job");
    EXPECT_EQ(client_->getInstance(job).get("JobState").asUint64(), 4U);
}

TEST_F(CimXmlServerTest, ErrorsKeepTheirStatusCodes) {
    expectSameOutcome<Instance>([](CimClient& c) { return c.getInstance(service("Nobody")); });
    expectSameOutcome<std::string>([](CimClient& c) { return c.getClass("root/test", "No_Such_Class").name; });
    expectSameOutcome<std::string>([](CimClient& c) { return c.getClass("root/nowhere", "Test_Service").name; });
    expectSameOutcome<std::vector<Instance>>(
        [](CimClient& c) { return c.enumerateInstances("root/nowhere", "Test_Service"); });
    for (const auto& [target, method] : std::vector<std::pair<ObjectPath, std::string>>{
             {service("Nobody"), "StopService"}, {service("Alpha"), "NoSuchMethod"}}) {
        std::optional<CimStatus> local, remote;
        try {
            cimom_->invokeMethod(target, method);
        } catch (const CimError& e) {
            local = e.status();
        }
        try {
            client_->invokeMethod(target, method);
        } catch (const CimError& e) {
            remote = e.status();
        }
        ASSERT_TRUE(local.has_value());
        EXPECT_EQ(local, remote) << method;
    }
}

// ---- Raw HTTP: what loose clients send, and what every answer must carry ------------------

constexpr const char* kNamespaceXml =
    "<LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"test\"/></LOCALNAMESPACEPATH>";

std::string message(const std::string& call) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><MESSAGE ID=\"77\" "
           "PROTOCOLVERSION=\"1.0\"><SIMPLEREQ>" +
           call + "</SIMPLEREQ></MESSAGE></CIM>";
}

std::string methodCall(const std::string& method, const std::string& name, const std::string& params = {}) {
    return message("<METHODCALL NAME=\"" + method + "\"><LOCALINSTANCEPATH>" + kNamespaceXml +
                   "<INSTANCENAME CLASSNAME=\"Test_Service\"><KEYBINDING NAME=\"Name\"><KEYVALUE>" + name +
                   "</KEYVALUE></KEYBINDING></INSTANCENAME></LOCALINSTANCEPATH>" + params + "</METHODCALL>");
}

std::string enumerateNamesCall() {
    return message(std::string("<IMETHODCALL NAME=\"EnumerateInstanceNames\">") + kNamespaceXml +
                   "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"Test_Service\"/></IPARAMVALUE></IMETHODCALL>");
}

class CimXmlServerRawTest : public CimXmlServerTest {
protected:
    testing::RawResponse exchange(const std::string& request) {
        RawConnection connection(server_->port());
        connection.send(request);
        auto response = connection.receive();
        EXPECT_TRUE(response.has_value()) << "no complete answer";
        return response.value_or(testing::RawResponse{});
    }
};

TEST_F(CimXmlServerRawTest, UntypedMethodParametersAreTypedFromTheDeclaration) {
    const auto response = exchange(cimRequest(
        methodCall("RequestStateChange", "Beta", "<PARAMVALUE NAME=\"RequestedState\"><VALUE>2</VALUE></PARAMVALUE>"),
        "RequestStateChange", "root%2Ftest:Test_Service.Name=\"Beta\""));
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.header("CIMOperation"), "MethodResponse");
    EXPECT_THAT(response.body, HasSubstr("<RETURNVALUE PARAMTYPE=\"uint32\"><VALUE>4096</VALUE></RETURNVALUE>"));
    EXPECT_THAT(response.body, HasSubstr("<PARAMVALUE NAME=\"Job\" PARAMTYPE=\"reference\"><VALUE.REFERENCE>"));
    EXPECT_EQ(methods_->requestedStateType.load(), static_cast<int>(CimType::Uint16));
}

TEST_F(CimXmlServerRawTest, AMethodErrorComesWithoutReturnValue) {
    const auto response =
        exchange(cimRequest(methodCall("StopService", "Nobody"), "StopService", "root/test:Test_Service"));
    EXPECT_EQ(response.status, 200);
    EXPECT_THAT(response.body, HasSubstr("<METHODRESPONSE NAME=\"StopService\"><ERROR CODE=\"6\""));
    EXPECT_THAT(response.body, Not(HasSubstr("RETURNVALUE")));
}

TEST_F(CimXmlServerRawTest, UnsupportedIntrinsicOperationIsNotSupported) {
    const auto response = exchange(
        cimRequest(message(std::string("<IMETHODCALL NAME=\"SetProperty\">") + kNamespaceXml + "</IMETHODCALL>"),
                   "SetProperty", "root/test"));
    EXPECT_EQ(response.status, 200);
    EXPECT_THAT(response.body, HasSubstr("<ERROR CODE=\"7\""));
}

std::string intrinsicCall(const std::string& name, const std::string& params) {
    return message("<IMETHODCALL NAME=\"" + name + "\">" + kNamespaceXml + params + "</IMETHODCALL>");
}

std::string param(const std::string& name, const std::string& value) {
    return "<IPARAMVALUE NAME=\"" + name + "\"><VALUE>" + value + "</VALUE></IPARAMVALUE>";
}

/// The EnumerationContext a pull response carries (empty at the end of the sequence).
std::string contextOf(const std::string& body) {
    const std::string marker = "<PARAMVALUE NAME=\"EnumerationContext\" PARAMTYPE=\"string\"><VALUE>";
    const auto start = body.find(marker);
    if (start == std::string::npos) return {};
    const auto from = start + marker.size();
    return body.substr(from, body.find('<', from) - from);
}

std::size_t countOf(const std::string& body, const std::string& what) {
    std::size_t n = 0;
    for (auto at = body.find(what); at != std::string::npos; at = body.find(what, at + 1)) ++n;
    return n;
}

TEST_F(CimXmlServerRawTest, PullOperationsHandOutAnEnumerationInPieces) {
    const std::string className = "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"Test_Service\"/></IPARAMVALUE>";
    auto response =
        exchange(cimRequest(intrinsicCall("OpenEnumerateInstances", className + param("MaxObjectCount", "1")),
                            "OpenEnumerateInstances", "root/test"));
    ASSERT_EQ(response.status, 200);
    EXPECT_EQ(countOf(response.body, "<VALUE.INSTANCEWITHPATH>"), 1u) << response.body;
    EXPECT_THAT(response.body, HasSubstr("<PARAMVALUE NAME=\"EndOfSequence\" PARAMTYPE=\"boolean\"><VALUE>FALSE"));
    const std::string context = contextOf(response.body);
    ASSERT_EQ(context.size(), 32u) << "an unguessable 128-bit name";

    response = exchange(cimRequest(intrinsicCall("EnumerationCount", param("EnumerationContext", context)),
                                   "EnumerationCount", "root/test"));
    EXPECT_THAT(response.body, HasSubstr("<IRETURNVALUE><VALUE>1</VALUE></IRETURNVALUE>")) << "two services, one sent";

    const std::string pull =
        intrinsicCall("PullInstancesWithPath", param("EnumerationContext", context) + param("MaxObjectCount", "5"));
    response = exchange(cimRequest(pull, "PullInstancesWithPath", "root/test"));
    EXPECT_EQ(countOf(response.body, "<VALUE.INSTANCEWITHPATH>"), 1u) << response.body;
    EXPECT_THAT(response.body, HasSubstr("<PARAMVALUE NAME=\"EndOfSequence\" PARAMTYPE=\"boolean\"><VALUE>TRUE"));
    EXPECT_EQ(contextOf(response.body), "") << "a finished enumeration has no context";

    response = exchange(cimRequest(pull, "PullInstancesWithPath", "root/test"));
    EXPECT_THAT(response.body, HasSubstr("<ERROR CODE=\"21\"")) << "CIM_ERR_INVALID_ENUMERATION_CONTEXT";

    response = exchange(cimRequest(intrinsicCall("OpenEnumerateInstances", className + param("MaxObjectCount", " 2 ")),
                                   "OpenEnumerateInstances", "root/test"));
    EXPECT_EQ(countOf(response.body, "<VALUE.INSTANCEWITHPATH>"), 2u) << "a uint32 may carry whitespace";
    response = exchange(cimRequest(intrinsicCall("OpenEnumerateInstances", className + param("MaxObjectCount", "2x")),
                                   "OpenEnumerateInstances", "root/test"));
    EXPECT_THAT(response.body, HasSubstr("<ERROR CODE=\"4\"")) << "CIM_ERR_INVALID_PARAMETER";
}

TEST_F(CimXmlServerRawTest, OpenEnumerationsAreBounded) {
    ServerOptions options;
    options.maxOpenEnumerations = 2;
    startServer(options);
    const std::string open =
        intrinsicCall("OpenEnumerateInstancePaths",
                      "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"Test_Service\"/></IPARAMVALUE>" +
                          param("MaxObjectCount", "0"));
    std::vector<std::string> contexts;
    for (int i = 0; i < 2; ++i) {
        contexts.push_back(contextOf(exchange(cimRequest(open, "OpenEnumerateInstancePaths", "root/test")).body));
        EXPECT_FALSE(contexts.back().empty());
    }
    EXPECT_THAT(exchange(cimRequest(open, "OpenEnumerateInstancePaths", "root/test")).body,
                HasSubstr("<ERROR CODE=\"27\""))
        << "CIM_ERR_SERVER_LIMITS_EXCEEDED";
    EXPECT_THAT(exchange(cimRequest(intrinsicCall("CloseEnumeration", param("EnumerationContext", contexts[0])),
                                    "CloseEnumeration", "root/test"))
                    .body,
                HasSubstr("<IMETHODRESPONSE NAME=\"CloseEnumeration\"></IMETHODRESPONSE>"));
    EXPECT_FALSE(contextOf(exchange(cimRequest(open, "OpenEnumerateInstancePaths", "root/test")).body).empty())
        << "closing one makes room";
    EXPECT_THAT(exchange(cimRequest(intrinsicCall("OpenEnumerateInstancePaths",
                                                  "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"Test_Service\"/>"
                                                  "</IPARAMVALUE>" +
                                                      param("OperationTimeout", "0")),
                                    "OpenEnumerateInstancePaths", "root/test"))
                    .body,
                HasSubstr("<ERROR CODE=\"22\""))
        << "an enumeration that never expires is refused";
}

TEST_F(CimXmlServerRawTest, SixtyFourKeepAliveClientsDoNotStallOneAnother) {
    // Every connection stays open (keep-alive) while the next one is served; with fewer
    // workers than open connections a request would wait for an idle one to time out (2 s).
    constexpr std::chrono::milliseconds kPrompt{1000};
    std::vector<std::unique_ptr<RawConnection>> connections;
    const std::string request = cimRequest(enumerateNamesCall(), "EnumerateInstanceNames", "root/test");
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < 64; ++i) {
            if (round == 0) connections.push_back(std::make_unique<RawConnection>(server_->port()));
            connections[static_cast<std::size_t>(i)]->send(request);
            const auto response = connections[static_cast<std::size_t>(i)]->receive(kPrompt);
            ASSERT_TRUE(response.has_value()) << "connection " << i << " of round " << round << " was not served";
            EXPECT_EQ(response->status, 200);
        }
    }
}

TEST_F(CimXmlServerRawTest, ABurstOfConnectionsIsQueuedNotDropped) {
    // 128 clients connect at the same instant. httplib listens with a backlog of 5: past it
    // the kernel dropped handshakes, and a client whose connect had "succeeded" waited for a
    // SYN-ACK retransmission (or longer) before its request was read.
    constexpr int kClients = 128;
    const std::string request = cimRequest(enumerateNamesCall(), "EnumerateInstanceNames", "root/test");
    std::atomic<int> ready{0};
    std::atomic<int> served{0};
    std::vector<std::thread> clients;
    for (int i = 0; i < kClients; ++i) {
        clients.emplace_back([&] {
            ++ready;
            while (ready.load() < kClients) std::this_thread::yield();
            RawConnection connection(server_->port());
            connection.send(request);
            const auto response = connection.receive(std::chrono::milliseconds(800));
            if (response && response->status == 200) ++served;
        });
    }
    for (auto& c : clients) c.join();
    EXPECT_EQ(served.load(), kClients);
}

// ---- A corpus of malformed and unusual requests, with DSP0200's answer for each ----------

/// `request` with every CRLF of its head turned into a bare LF.
std::string withLfLines(const std::string& request) {
    const std::size_t bodyStart = request.find("\r\n\r\n") + 4;
    std::string head = request.substr(0, bodyStart);
    std::string lf;
    for (char c : head) {
        if (c != '\r') lf += c;
    }
    return lf + request.substr(bodyStart);
}

/// `request` with its Content-Length header replaced by `headers`.
std::string withLengthHeaders(const std::string& request, const std::string& headers) {
    const std::size_t at = request.find("Content-Length: ");
    const std::size_t end = request.find("\r\n", at) + 2;
    return request.substr(0, at) + headers + request.substr(end);
}

std::string namesWith(const std::string& valueText) {
    return intrinsicCall("EnumerateClassNames",
                         "<IPARAMVALUE NAME=\"DeepInheritance\"><VALUE>" + valueText + "</VALUE></IPARAMVALUE>");
}

/// `count` copies of a valid DeepInheritance parameter.
std::string manyParams(int count) {
    std::string params;
    for (int i = 0; i < count; ++i) params += "<IPARAMVALUE NAME=\"DeepInheritance\"><VALUE>TRUE</VALUE></IPARAMVALUE>";
    return params;
}

struct CorpusCase {
    const char* name;
    std::string request;
    int status;
    const char* cimError;  ///< the CIMError header expected ("" for none)
};

TEST_F(CimXmlServerRawTest, MalformedRequestCorpusGetsDsp0200Answers) {
    const std::string names = enumerateNamesCall();
    const std::string valid = cimRequest(names, "EnumerateInstanceNames", "root/test");
    const std::string man =
        "M-POST /cimom HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\n"
        "Man: http://www.dmtf.org/cim/mapping/http/v1.0;ns=11\r\n11-CIMOperation: MethodCall\r\n"
        "11-CIMMethod: EnumerateInstanceNames\r\n11-CIMObject: root/test\r\nContent-Length: " +
        std::to_string(names.size()) + "\r\n\r\n" + names;
    auto call = [](const std::string& body, const char* method = "EnumerateClassNames") {
        return cimRequest(body, method, "root/test");
    };
    const std::vector<CorpusCase> corpus = {
        {"LF-only header lines", withLfLines(valid), 200, ""},
        {"empty lines before the request line", "\r\n" + valid, 200, ""},
        {"M-POST with the /mapping/http/ Man form", man, 200, ""},
        {"boolean with spaces", call(namesWith(" TRUE ")), 200, ""},
        {"decimal reference with a hex digit", call(namesWith("&#1a;")), 400, "request-not-well-formed"},
        {"empty character reference", call(namesWith("&#;")), 400, "request-not-well-formed"},
        {"unknown entity", call(namesWith("&bogus;")), 400, "request-not-well-formed"},
        {"reference to a control character", call(namesWith("&#x7;")), 400, "request-not-well-formed"},
        {"raw control character", call(namesWith("TR\x01UE")), 400, "request-not-well-formed"},
        {"unterminated reference", call(namesWith("&amp")), 400, "request-not-well-formed"},
        {"not XML", call("this is not xml"), 400, "request-not-well-formed"},
        {"root element is not CIM", call("<?xml version=\"1.0\"?><NOTCIM/>"), 400, "request-not-valid"},
        {"IMETHODCALL without LOCALNAMESPACEPATH",
         call(message("<IMETHODCALL NAME=\"EnumerateClassNames\"></IMETHODCALL>")), 400, "request-not-valid"},
        {"MESSAGE without ID",
         call("<?xml version=\"1.0\"?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><MESSAGE PROTOCOLVERSION=\"1.0\">"
              "<SIMPLEREQ/></MESSAGE></CIM>"),
         400, "request-not-valid"},
        {"IPARAMVALUE without NAME",
         call(intrinsicCall("EnumerateClassNames", "<IPARAMVALUE><VALUE>TRUE</VALUE></IPARAMVALUE>")), 400,
         "request-not-valid"},
        {"two values in one IPARAMVALUE",
         call(intrinsicCall("EnumerateClassNames",
                            "<IPARAMVALUE NAME=\"DeepInheritance\"><VALUE>TRUE</VALUE><VALUE>TRUE</VALUE>"
                            "</IPARAMVALUE>")),
         400, "request-not-valid"},
        {"an element DSP0201 does not know", call(namesWith("<BOGUS/>")), 400, "request-not-valid"},
        {"text between parameters",
         call(message(std::string("<IMETHODCALL NAME=\"EnumerateClassNames\">") + kNamespaceXml +
                      "stray</IMETHODCALL>")),
         400, "request-not-valid"},
        {"KEYBINDING without NAME",
         call(message("<METHODCALL NAME=\"StopService\"><LOCALINSTANCEPATH>" + std::string(kNamespaceXml) +
                      "<INSTANCENAME CLASSNAME=\"Test_Service\"><KEYBINDING><KEYVALUE>a</KEYVALUE></KEYBINDING>"
                      "</INSTANCENAME></LOCALINSTANCEPATH></METHODCALL>"),
              "StopService"),
         400, "request-not-valid"},
        {"a PROPERTY of an unknown TYPE",
         call(intrinsicCall("CreateInstance",
                            "<IPARAMVALUE NAME=\"NewInstance\"><INSTANCE CLASSNAME=\"Test_Service\">"
                            "<PROPERTY NAME=\"Name\" TYPE=\"text\"><VALUE>x</VALUE></PROPERTY>"
                            "</INSTANCE></IPARAMVALUE>"),
              "CreateInstance"),
         400, "request-not-valid"},
        {"a response element in a request",
         call("<?xml version=\"1.0\"?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><MESSAGE ID=\"1\" "
              "PROTOCOLVERSION=\"1.0\"><SIMPLERSP/></MESSAGE></CIM>"),
         400, "request-not-valid"},
        {"70 parameters (past the one-word fast path of the content check)",
         call(intrinsicCall("EnumerateClassNames", manyParams(70))), 200, ""},
        {"50,000 parameters (a long list is checked in linear time, not quadratic)",
         call(intrinsicCall("EnumerateClassNames", manyParams(50000))), 200, ""},
        {"70 parameters and then a stray VALUE",
         call(intrinsicCall("EnumerateClassNames", manyParams(70) + "<VALUE>x</VALUE>")), 400, "request-not-valid"},
        {"CORRELATOR before the call",
         call(message("<CORRELATOR NAME=\"trace\" TYPE=\"string\"><VALUE>abc</VALUE></CORRELATOR>" +
                      std::string("<IMETHODCALL NAME=\"EnumerateClassNames\">") + kNamespaceXml + "</IMETHODCALL>")),
         200, ""},
        {"Content-Length with a letter", withLengthHeaders(valid, "Content-Length: 845a\r\n"), 400, ""},
        {"negative Content-Length", withLengthHeaders(valid, "Content-Length: -5\r\n"), 400, ""},
        {"two different Content-Length headers",
         withLengthHeaders(valid, "Content-Length: " + std::to_string(names.size()) + "\r\nContent-Length: 3\r\n"), 400,
         ""},
        {"two equal Content-Length headers",
         withLengthHeaders(valid, "Content-Length: " + std::to_string(names.size()) +
                                      "\r\nContent-Length: " + std::to_string(names.size()) + "\r\n"),
         200, ""},
        {"OPTIONS", "OPTIONS /cimom HTTP/1.1\r\nHost: x\r\n\r\n", 405, ""},
        {"an unknown method", "BREW /cimom HTTP/1.1\r\nHost: x\r\n\r\n", 501, ""},
        {"not an HTTP request line", "HELLO\r\n\r\n", 400, ""},
    };
    for (const CorpusCase& c : corpus) {
        SCOPED_TRACE(c.name);
        const auto response = exchange(c.request);
        EXPECT_EQ(response.status, c.status) << response.body;
        EXPECT_EQ(response.header("CIMError"), c.cimError);
        EXPECT_TRUE(response.hasContentLength) << "every answer carries Content-Length";
        if (c.status == 200) {
            EXPECT_THAT(response.body, Not(HasSubstr("<ERROR"))) << "the operation itself succeeds";
        }
    }
}

TEST_F(CimXmlServerRawTest, AValueTheDtdAllowsButTheOperationCannotTakeIsAnOperationError) {
    // DSP0200 keeps 400 for requests the DTD refuses; a well-shaped request with a bad
    // value reaches the operation, which answers CIM_ERR_INVALID_PARAMETER.
    const auto response = exchange(cimRequest(namesWith("maybe"), "EnumerateClassNames", "root/test"));
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.header("CIMError"), "");
    EXPECT_THAT(response.body, HasSubstr("<ERROR CODE=\"4\""));
}

TEST_F(CimXmlServerRawTest, AnOversizedContentLengthIsRefusedBeforeTheBody) {
    RawConnection connection(server_->port());
    // Only the head is sent: the answer must not wait for 1 TB of body (or for a timeout).
    connection.send(
        "POST /cimom HTTP/1.1\r\nHost: x\r\nCIMOperation: MethodCall\r\nContent-Length: "
        "1000000000000\r\n\r\n");
    const auto response = connection.receive(std::chrono::milliseconds(1000));
    ASSERT_TRUE(response.has_value()) << "no prompt answer";
    EXPECT_EQ(response->status, 413);
    EXPECT_TRUE(response->hasContentLength);
}

TEST_F(CimXmlServerRawTest, OtherMethodsLearnWhichAreAllowed) {
    const auto response = exchange("GET /cimom HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(response.status, 405);
    EXPECT_EQ(response.header("Allow"), "POST, M-POST");
}

TEST_F(CimXmlServerRawTest, ExtensionPostWithPrefixedHeadersIsAccepted) {
    const auto response =
        exchange(cimRequest(enumerateNamesCall(), "EnumerateInstanceNames", "root/test", {}, "M-POST"));
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.header("73-CIMOperation"), "MethodResponse");
    EXPECT_TRUE(response.headers.count("Ext"));
    EXPECT_THAT(response.body, HasSubstr("<KEYVALUE VALUETYPE=\"string\" TYPE=\"string\">Alpha</KEYVALUE>"));
}

TEST_F(CimXmlServerRawTest, ExtensionPostWithoutManHeaderIsRefused) {
    std::string request = cimRequest(enumerateNamesCall(), "EnumerateInstanceNames", "root/test", {}, "M-POST");
    request.erase(request.find("Man: "), request.find("\r\n", request.find("Man: ")) + 2 - request.find("Man: "));
    const auto response = exchange(request);
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.header("CIMError"), "header-mismatch");
    EXPECT_TRUE(response.hasContentLength);
}

TEST_F(CimXmlServerRawTest, HeaderProblemsAre400WithCimErrorAndContentLength) {
    auto response = exchange(cimRequest(enumerateNamesCall(), "GetClass", "root/test"));
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.header("CIMError"), "header-mismatch");
    EXPECT_TRUE(response.hasContentLength);

    response = exchange(cimRequest(enumerateNamesCall(), "EnumerateInstanceNames", "root%2Fother"));
    EXPECT_EQ(response.header("CIMError"), "header-mismatch");

    std::string noOperation = cimRequest(enumerateNamesCall(), "EnumerateInstanceNames", "root/test");
    noOperation.replace(noOperation.find("CIMOperation: MethodCall"), 24, "CIMOperation: Whatever");
    response = exchange(noOperation);
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.header("CIMError"), "unsupported-operation");
    EXPECT_TRUE(response.hasContentLength);
}

TEST_F(CimXmlServerRawTest, MalformedRequestsGetAnAnswerWithContentLength) {
    auto response = exchange(cimRequest("<CIM><MESSAGE", "GetClass", "root/test"));
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.header("CIMError"), "request-not-well-formed");
    EXPECT_TRUE(response.hasContentLength);

    response = exchange("THIS IS NOT HTTP\r\n\r\n");
    EXPECT_EQ(response.status, 400);
    EXPECT_TRUE(response.hasContentLength);

    response = exchange("GET /cimom HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(response.status, 405);
    EXPECT_TRUE(response.hasContentLength);
}

TEST_F(CimXmlServerRawTest, DepthLimitIsAClearError) {
    std::string deep;
    for (int i = 0; i < 200; ++i) deep += "<VALUE.ARRAY>";
    const auto response = exchange(cimRequest(message(deep), "GetClass", "root/test"));
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.header("CIMError"), "request-not-well-formed");
    EXPECT_THAT(response.body, HasSubstr("deeper than 64"));
}

TEST_F(CimXmlServerRawTest, BodySizeLimitIs413AndTheServerCarriesOn) {
    ServerOptions options;
    options.maxBodyBytes = 2048;
    startServer(options);
    const std::string padding(4096, ' ');
    RawConnection connection(server_->port());
    connection.send(cimRequest(enumerateNamesCall() + padding, "EnumerateInstanceNames", "root/test"));
    const auto response = connection.receive();
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(response->status, 413);
    EXPECT_TRUE(response->hasContentLength);
    EXPECT_EQ(exchange(cimRequest(enumerateNamesCall(), "EnumerateInstanceNames", "root/test")).status, 200);
}

TEST_F(CimXmlServerRawTest, KeepAliveServesManyRequestsOnOneConnection) {
    RawConnection connection(server_->port());
    for (int i = 0; i < 5; ++i) {
        connection.send(cimRequest(enumerateNamesCall(), "EnumerateInstanceNames", "root/test"));
        const auto response = connection.receive();
        ASSERT_TRUE(response.has_value()) << "request " << i;
        EXPECT_EQ(response->status, 200);
        EXPECT_THAT(response->header("Connection"), Not(HasSubstr("close")));
    }
    // Pipelined: two requests in one write, two answers in order.
    const std::string request = cimRequest(enumerateNamesCall(), "EnumerateInstanceNames", "root/test");
    connection.send(request + request);
    EXPECT_EQ(connection.receive()->status, 200);
    EXPECT_EQ(connection.receive()->status, 200);
}

TEST_F(CimXmlServerRawTest, BasicAuthenticationWhenAUserIsConfigured) {
    ServerOptions options;
    options.user = "admin";
    options.password = "s3cret";
    startServer(options);

    const auto anonymous = exchange(cimRequest(enumerateNamesCall(), "EnumerateInstanceNames", "root/test"));
    EXPECT_EQ(anonymous.status, 401);
    EXPECT_THAT(anonymous.header("WWW-Authenticate"), HasSubstr("Basic"));
    EXPECT_TRUE(anonymous.hasContentLength);

    try {
        client_->enumerateInstanceNames("root/test", "Test_Service");
        FAIL() << "accepted without credentials";
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::AccessDenied);
        EXPECT_THAT(e.message(), HasSubstr("HTTP 401"));
    }
    ClientOptions wrong = clientOptions();
    wrong.transport.user = "admin";
    wrong.transport.password = "guess";
    try {
        CimXmlClient(wrong).enumerateInstanceNames("root/test", "Test_Service");
        FAIL() << "accepted a wrong password";
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::AccessDenied);
    }
    ClientOptions right = clientOptions();
    right.transport.user = "admin";
    right.transport.password = "s3cret";
    EXPECT_EQ(CimXmlClient(right).enumerateInstanceNames("root/test", "Test_Service").size(), 2U);
}

TEST_F(CimXmlServerTest, ParallelClientsAreServed) {
    constexpr int kClients = 4;
    constexpr int kCalls = 25;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kClients; ++t) {
        threads.emplace_back([&] {
            CimXmlClient client(clientOptions());
            for (int i = 0; i < kCalls; ++i) {
                try {
                    if (client.getInstance(service("Alpha")).get("Name").asString() != "Alpha") ++failures;
                } catch (const CimError&) {
                    ++failures;
                }
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(failures.load(), 0);
}

TEST_F(CimXmlServerTest, StopClosesIdleConnectionsAndRefusesNewOnes) {
    EXPECT_EQ(client_->enumerateInstanceNames("root/test", "Test_Service").size(), 2U);  // connection now idle
    const int port = server_->port();
    server_->stop();
    EXPECT_FALSE(server_->running());
    server_->stop();  // idempotent
    try {
        ClientOptions options;
        options.url = "http://127.0.0.1:" + std::to_string(port);
        options.transport.connectTimeout = std::chrono::seconds(1);
        CimXmlClient(options).enumerateClassNames({});
        FAIL() << "a stopped server answered";
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::Failed);
    }
}

TEST(CimXmlServerLifecycle, BindFailureIsACimError) {
    auto cimom = std::make_shared<Cimom>();
    ServerOptions ephemeral;
    ephemeral.port = 0;
    CimXmlServer first(cimom, ephemeral);
    first.start();
    ServerOptions clash;
    clash.port = first.port();
    CimXmlServer second(cimom, clash);
    try {
        second.start();
        FAIL() << "bound a port in use";
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::Failed);
        EXPECT_THAT(e.message(), HasSubstr("127.0.0.1:" + std::to_string(first.port())));
    }
}

}  // namespace
}  // namespace wmimock::cimxml
