// WsmanClient against WsmanService (behind the CIM-XML server's /wsman route) in front of an
// in-process Cimom, in both resource URI styles: every remote outcome is compared with the
// same call made in process. The wire carries no types, so equality here also proves that
// the client types what it reads from the class definitions.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <optional>

#include "wmimock/cim/error.hpp"
#include "wsman_fixture.hpp"

namespace wmimock::wsman::testing {
namespace {

using ::testing::HasSubstr;

class WsmanClientTest : public WsmanTest, public ::testing::WithParamInterface<ResourceUris> {
protected:
    void SetUp() override {
        WsmanTest::SetUp();
        client_ = std::make_unique<WsmanClient>(clientOptions(GetParam()));
    }

    /// `count` more Test_Host instances, host-0 .. host-(count-1).
    void addHosts(int count) {
        for (int i = 0; i < count; ++i) {
            Instance host("Test_Host");
            host.set("Name", Value::string("host-" + std::to_string(i)));
            cimom_->createInstance("root/test", host);
        }
    }

    /// Runs `call` in process and remotely: same status, or equal results.
    template <typename Result>
    void expectSameOutcome(const std::function<Result(CimClient&)>& call) {
        std::optional<CimStatus> local, remote;
        std::optional<Result> localResult, remoteResult;
        std::string remoteMessage;
        try {
            localResult = call(*cimom_);
        } catch (const CimError& e) {
            local = e.status();
        }
        try {
            remoteResult = call(*client_);
        } catch (const CimError& e) {
            remote = e.status();
            remoteMessage = e.message();
        }
        ASSERT_EQ(local, remote) << remoteMessage;
        if (localResult) {
            EXPECT_EQ(*localResult, *remoteResult);
        }
    }

    std::unique_ptr<WsmanClient> client_;
};

TEST_P(WsmanClientTest, IdentifyNamesTheProtocolAndProduct) {
    const Identity identity = client_->identify();
    EXPECT_EQ(identity.protocolVersion, "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd");
    EXPECT_EQ(identity.productVendor, "wmimock");
}

TEST_P(WsmanClientTest, GetInstanceGivesTheTypedInstance) {
    for (const char* name : {"Alpha", "Beta & <Gamma>"}) {
        expectSameOutcome<Instance>([&](CimClient& c) { return c.getInstance(service(name)); });
    }
    const Instance alpha = client_->getInstance(service("Alpha"));
    EXPECT_EQ(alpha.get("InstallDate").asDateTime().toString(), "20261202101500.123456+060");
    EXPECT_EQ(alpha.get("Uptime").asDateTime().toString(), "00000001020304.000005:000");
    EXPECT_EQ(alpha.get("Tags"), Value::array(CimType::Uint16, {Value::uint16(1), Value::uint16(2)}));
    EXPECT_TRUE(alpha.get("Caption").isNull());
    EXPECT_EQ(alpha.path(), service("Alpha"));
}

TEST_P(WsmanClientTest, MissingThingsFailWithTheirCimStatus) {
    expectSameOutcome<Instance>([&](CimClient& c) { return c.getInstance(service("Nobody")); });
    expectSameOutcome<Instance>([&](CimClient& c) {
        return c.getInstance(ObjectPath("root/test", "Test_Nothing", {{"Name", Value::string("x")}}));
    });
    expectSameOutcome<Instance>([&](CimClient& c) {
        return c.getInstance(ObjectPath("root/nowhere", "Test_Service", {{"Name", Value::string("Alpha")}}));
    });
    expectSameOutcome<Value>(
        [&](CimClient& c) { return c.invokeMethod(service("Alpha"), "NoSuchMethod").returnValue; });
    expectSameOutcome<Value>(
        [&](CimClient& c) { return c.invokeMethod(service("Nobody"), "StopService").returnValue; });
}

TEST_P(WsmanClientTest, EnumerationsGiveWhatTheCimomHas) {
    expectSameOutcome<std::vector<ObjectPath>>(
        [&](CimClient& c) { return c.enumerateInstanceNames("root/test", "Test_Service"); });
    expectSameOutcome<std::vector<Instance>>(
        [&](CimClient& c) { return c.enumerateInstances("root/test", "Test_Service"); });
    // Polymorphic: the subclasses of Test_Element, each under its own class.
    expectSameOutcome<std::vector<ObjectPath>>(
        [&](CimClient& c) { return c.enumerateInstanceNames("root/test", "Test_Element"); });
}

TEST_P(WsmanClientTest, EnumerationsLongerThanOnePullComeWhole) {
    addHosts(25);
    ClientOptions small = clientOptions(GetParam());
    small.maxElements = 4;
    WsmanClient client(small);
    const auto remote = client.enumerateInstances("root/test", "Test_Host");
    EXPECT_EQ(remote, cimom_->enumerateInstances("root/test", "Test_Host"));
    EXPECT_EQ(service_->openEnumerations(), 0U);
}

TEST_P(WsmanClientTest, AnEnumerationPastItsBoundIsAnErrorNotAnEndlessPull) {
    addHosts(25);
    ClientOptions bounded = clientOptions(GetParam());
    bounded.maxElements = 4;
    bounded.maxEnumerationItems = 10;
    WsmanClient client(bounded);
    try {
        client.enumerateInstanceNames("root/test", "Test_Host");
        ADD_FAILURE() << "26 items came through a bound of 10";
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::Failed);
        EXPECT_THAT(e.what(), HasSubstr("more than 10 items"));
    }
    EXPECT_EQ(service_->openEnumerations(), 0U) << "the abandoned enumeration was not released";
    bounded.maxEnumerationItems = 26;
    EXPECT_EQ(WsmanClient(bounded).enumerateInstanceNames("root/test", "Test_Host").size(), 26U);
}

TEST_P(WsmanClientTest, AssociationsAndQueriesGiveWhatTheCimomHas) {
    const ObjectPath host("root/test", "Test_Host", {{"Name", Value::string("h1")}});
    expectSameOutcome<std::vector<ObjectPath>>([&](CimClient& c) { return c.associatorNames(host); });
    expectSameOutcome<std::vector<Instance>>([&](CimClient& c) { return c.associators(host); });
    expectSameOutcome<std::vector<ObjectPath>>([&](CimClient& c) {
        return c.associatorNames(host, {"Test_Hosts", "Test_Service", "Host", "Service"});
    });
    expectSameOutcome<std::vector<ObjectPath>>([&](CimClient& c) {
        return c.associatorNames(host, {"", "Test_Job", "", ""});
    });
    expectSameOutcome<std::vector<ObjectPath>>([&](CimClient& c) { return c.referenceNames(service("Alpha")); });
    expectSameOutcome<std::vector<Instance>>([&](CimClient& c) { return c.references(service("Alpha")); });
    expectSameOutcome<std::vector<Instance>>([&](CimClient& c) {
        return c.execQuery("root/test", "WQL", "SELECT * FROM Test_Service WHERE EnabledState = 2");
    });
    expectSameOutcome<std::vector<Instance>>(
        [&](CimClient& c) { return c.execQuery("root/test", "WQL", "SELECT * FROM"); });
}

TEST_P(WsmanClientTest, MethodsTakeAndGiveTypedParameters) {
    const MethodResult stop = client_->invokeMethod(service("Alpha"), "StopService");
    EXPECT_EQ(stop.returnValue, Value::uint32(0));
    EXPECT_FALSE(cimom_->getInstance(service("Alpha")).get("Started").asBool());

    const MethodResult job =
        client_->invokeMethod(service("Beta & <Gamma>"), "RequestStateChange", {{"RequestedState", Value::uint16(2)}});
    EXPECT_EQ(job.returnValue, Value::uint32(4096));
    ASSERT_NE(job.out("Job"), nullptr);
    const ObjectPath jobPath = job.out("Job")->asReference();
    EXPECT_EQ(jobPath, ObjectPath("root/test", "Test_Job", {{"InstanceID", Value::string("job-Beta & <Gamma>-1")}}));
    EXPECT_EQ(client_->getInstance(jobPath).get("JobState"), Value::uint16(7));

    const Value words = Value::array(CimType::String, {Value::string("a b"), Value::string(""), Value::string("<&>")});
    const MethodResult echo =
        client_->invokeMethod(service("Alpha"), "Echo", {{"Words", words}, {"Number", Value::sint64(-21)}});
    ASSERT_NE(echo.out("Said"), nullptr);
    EXPECT_EQ(*echo.out("Said"), words);
    EXPECT_EQ(*echo.out("Twice"), Value::sint64(-42));
}

TEST_P(WsmanClientTest, NullAndAbsentParametersStayDistinct) {
    client_->invokeMethod(service("Alpha"), "RequestStateChange", {{"RequestedState", Value::uint16(3)}});
    EXPECT_EQ(methods_->timeoutGiven, -1);
    client_->invokeMethod(service("Alpha"), "RequestStateChange",
                          {{"RequestedState", Value::uint16(3)}, {"TimeoutPeriod", Value::null(CimType::DateTime)}});
    EXPECT_EQ(methods_->timeoutGiven, 0);
    client_->invokeMethod(service("Alpha"), "RequestStateChange",
                          {{"RequestedState", Value::uint16(3)},
                           {"TimeoutPeriod", Value::dateTime(CimDateTime::interval(std::chrono::seconds(0)))}});
    EXPECT_EQ(methods_->timeoutGiven, 1);
}

TEST_P(WsmanClientTest, WhatTheWireCannotCarryIsNotSent) {
    const auto oneElementArray = Value::array(CimType::Uint16, {Value::uint16(3)});
    try {
        client_->invokeMethod(service("Alpha"), "RequestStateChange", {{"RequestedState", oneElementArray}});
        FAIL() << "a one-element array for a scalar parameter was sent";
    } catch (const InexpressibleRequest& e) {
        EXPECT_THAT(e.message(), HasSubstr("RequestedState"));
    }
    EXPECT_THROW(client_->invokeMethod(service("Alpha"), "Echo", {{"Words", Value::array(CimType::String, {})}}),
                 InexpressibleRequest);
    EXPECT_TRUE(cimom_->getInstance(service("Alpha")).get("Started").asBool()) << "nothing may have been invoked";
    // Selectors are text: a number for a string key would arrive as the string.
    EXPECT_THROW(client_->getInstance(ObjectPath("root/test", "Test_Service", {{"Name", Value::uint32(42)}})),
                 InexpressibleRequest);
    // Two elements for a scalar are a wire-level type error, as over CIM-XML.
    try {
        client_->invokeMethod(
            service("Alpha"), "RequestStateChange",
            {{"RequestedState", Value::array(CimType::Uint16, {Value::uint16(3), Value::uint16(2)})}});
        FAIL() << "accepted";
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::InvalidParameter) << e.what();
    }
}

TEST_P(WsmanClientTest, InstancesAreCreatedModifiedAndDeleted) {
    Instance host("Test_Host");
    host.set("Name", Value::string("new"));
    host.set("Caption", Value::string("made over WS-Management"));
    const ObjectPath created = client_->createInstance("root/test", host);
    EXPECT_EQ(created, ObjectPath("root/test", "Test_Host", {{"Name", Value::string("new")}}));
    EXPECT_EQ(cimom_->getInstance(created).get("Caption"), Value::string("made over WS-Management"));

    Instance alpha = client_->getInstance(service("Alpha"));
    alpha.set("Caption", Value::string("changed"));
    alpha.set("EnabledState", Value::uint16(6));
    client_->modifyInstance(alpha, std::vector<std::string>{"Caption"});
    EXPECT_EQ(cimom_->getInstance(service("Alpha")).get("Caption"), Value::string("changed"));
    EXPECT_EQ(cimom_->getInstance(service("Alpha")).get("EnabledState"), Value::uint16(2));

    client_->deleteInstance(created);
    EXPECT_THROW(cimom_->getInstance(created), CimError);
    expectSameOutcome<int>([&](CimClient& c) {
        c.deleteInstance(created);
        return 0;
    });
}

TEST_P(WsmanClientTest, GetClassGivesTheClassWithItsChain) {
    GetClassOptions all;
    all.localOnly = false;
    const CimClass remote = client_->getClass("root/test", "Test_Service", all);
    const CimClass local = cimom_->getClass("root/test", "Test_Service", all);
    EXPECT_EQ(remote.name, local.name);
    EXPECT_EQ(remote.superClass, "Test_Element");
    EXPECT_EQ(remote.derivation, local.derivation);
    ASSERT_EQ(remote.properties.size(), local.properties.size());
    ASSERT_NE(remote.findMethod("RequestStateChange"), nullptr);
    EXPECT_TRUE(remote.findMethod("RequestStateChange")->findParameter("Job")->isOut());
    // The superclass chain is walked once per client: a second GetClass is one request.
    const int before = requests_;
    client_->getClass("root/test", "Test_Service", all);
    EXPECT_EQ(requests_ - before, 1);
    const CimClass localOnly = client_->getClass("root/test", "Test_Service");
    EXPECT_EQ(localOnly.findProperty("Caption"), nullptr);
    EXPECT_THROW(client_->enumerateClassNames("root/test"), CimError);
}

INSTANTIATE_TEST_SUITE_P(BothUriStyles, WsmanClientTest, ::testing::Values(ResourceUris::Dmtf, ResourceUris::Wmi),
                         [](const ::testing::TestParamInfo<ResourceUris>& p) {
                             return p.param == ResourceUris::Dmtf ? std::string("Dmtf") : std::string("Wmi");
                         });

TEST_F(WsmanTest, CredentialsAreRequiredWhenTheServerHasAUser) {
    cimxml::ServerOptions options;
    options.user = "alice";
    options.password = "secret";
    start({}, options);
    WsmanClient anonymous(clientOptions());
    try {
        anonymous.getInstance(service("Alpha"));
        FAIL() << "served without credentials";
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::AccessDenied);
    }
    ClientOptions withCredentials = clientOptions();
    withCredentials.transport.user = "alice";
    withCredentials.transport.password = "secret";
    EXPECT_EQ(WsmanClient(withCredentials).getInstance(service("Alpha")).get("Name"), Value::string("Alpha"));
}

TEST(WsmanClientOptions, BadUrlsAreNamed) {
    for (const char* url : {"ftp://host/wsman", "http:///wsman", "http://host:0/wsman", "host:5985"}) {
        ClientOptions options;
        options.url = url;
        try {
            WsmanClient client(options);
            FAIL() << url;
        } catch (const CimError& e) {
            EXPECT_EQ(e.status(), CimStatus::InvalidParameter);
            EXPECT_THAT(e.message(), HasSubstr(url));
        }
    }
    ClientOptions options;
    options.url = "wsman+https://example.org";
    EXPECT_EQ(WsmanClient(options).endpoint(), "example.org:5986");
}

TEST(WsmanClientOptions, AServerThatIsNotThereIsAFailureNamingIt) {
    ClientOptions options;
    options.url = "http://127.0.0.1:9/wsman";
    options.transport.connectTimeout = std::chrono::milliseconds(500);
    try {
        WsmanClient(options).identify();
        FAIL();
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::Failed);
        EXPECT_THAT(e.message(), HasSubstr("127.0.0.1:9"));
    }
}

}  // namespace
}  // namespace wmimock::wsman::testing
