// A fake CIMOM with a small service schema (arrays, datetimes, references, an association,
// a method with a Job out-parameter), served by WsmanService behind the CIM-XML server's
// /wsman route on an ephemeral loopback port, with a WsmanClient for it.
#pragma once

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <memory>
#include <string>

#include "wmimock/cim/names.hpp"
#include "wmimock/cimom/cimom.hpp"
#include "wmimock/cimxml/server.hpp"
#include "wmimock/wsman/client.hpp"
#include "wmimock/wsman/service.hpp"

namespace wmimock::wsman::testing {

inline constexpr std::string_view kSchema = R"(
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
    datetime InstallDate;
    datetime Uptime;
    real64 Load;
    sint32 Offset;
    uint32 StopService();
    uint32 RequestStateChange([In] uint16 RequestedState, [In(false), Out] Test_Job REF Job,
                              [In] datetime TimeoutPeriod);
    uint32 Echo([In] string Words[], [In(false), Out] string Said[], [In] sint64 Number, [In(false), Out] sint64 Twice);
};
[Association]
class Test_Hosts {
    [Key] Test_Host REF Host;
    [Key] Test_Service REF Service;
};
instance of Test_Host { Name = "h1"; };
instance of Test_Service { Name = "Alpha"; Started = TRUE; EnabledState = 2; Tags = {1, 2};
    InstallDate = "20261202101500.123456+060"; Uptime = "00000001020304.000005:000"; Load = 0.25; Offset = -7; };
instance of Test_Service { Name = "Beta & <Gamma>"; Started = FALSE; EnabledState = 3; };
instance of Test_Hosts { Host = "Test_Host.Name=\"h1\""; Service = "Test_Service.Name=\"Alpha\""; };
)";

/// StopService stops the instance; RequestStateChange answers 4096 with a Job reference and
/// records the TimeoutPeriod it was given; Echo returns its inputs.
class TestServiceMethods final : public MethodProvider {
public:
    std::atomic<int> timeoutGiven{-1};  ///< -1 none, 0 NULL, 1 a value

private:
    std::atomic<int> jobs_{0};

public:
    MethodResult invokeMethod(const ProviderContext& ctx, const ObjectPath& target, const MethodDecl& method,
                              const std::vector<ParamValue>& in) override {
        MethodResult result;
        if (iequals(method.name, "Echo")) {
            for (const auto& p : in) {
                if (iequals(p.name, "Words")) result.outParameters.push_back({"Said", p.value});
                if (iequals(p.name, "Number") && !p.value.isNull()) {
                    result.outParameters.push_back({"Twice", Value::sint64(p.value.asInt64() * 2)});
                }
            }
            result.returnValue = Value::uint32(0);
            return result;
        }
        Instance instance = ctx.cimom.getInstance(target);
        if (iequals(method.name, "StopService")) {
            instance.set("Started", Value::boolean(false));
            instance.set("EnabledState", Value::uint16(3));
            ctx.cimom.modifyInstance(instance);
            result.returnValue = Value::uint32(0);
            return result;
        }
        for (const auto& p : in) {
            if (iequals(p.name, "TimeoutPeriod")) timeoutGiven = p.value.isNull() ? 0 : 1;
        }
        Instance job("Test_Job");
        job.set("InstanceID", Value::string("job-" + instance.get("Name").asString() + "-" + std::to_string(++jobs_)));
        job.set("JobState", Value::uint16(7));
        const ObjectPath jobPath = ctx.cimom.createInstance(ctx.nameSpace, job);
        result.returnValue = Value::uint32(4096);
        result.outParameters.push_back({"Job", Value::reference(jobPath)});
        return result;
    }
};

class WsmanTest : public ::testing::Test {
protected:
    void SetUp() override {
        spdlog::set_level(spdlog::level::warn);
        methods_ = std::make_shared<TestServiceMethods>();
        cimom_ = std::make_shared<Cimom>();
        MofCompileOptions mof;
        mof.defaultNamespace = "root/test";
        mof.dialect = MofDialect::Wmi;
        cimom_->loadMof(kSchema, "test.mof", mof);
        cimom_->registerProvider("root/test", "Test_Service", nullptr, methods_);
        start({}, {});
    }

    void start(ServiceOptions serviceOptions, cimxml::ServerOptions serverOptions) {
        server_.reset();
        serviceOptions.defaultNamespace = "root/test";
        service_ = std::make_shared<WsmanService>(cimom_, serviceOptions);
        serverOptions.port = 0;
        if (serverOptions.idleTimeout == cimxml::ServerOptions{}.idleTimeout) {
            serverOptions.idleTimeout = std::chrono::seconds(2);
        }
        serverOptions.routes.push_back({"/wsman", "wsman", [service = service_, this](std::string_view body) {
                                            ++requests_;
                                            Reply reply = service->handle(body);
                                            return cimxml::PostRoute::Answer{reply.httpStatus,
                                                                             std::string(kSoapContentType),
                                                                             std::move(reply.body), reply.summary};
                                        }});
        server_ = std::make_unique<cimxml::CimXmlServer>(cimom_, serverOptions);
        server_->start();
    }

    ClientOptions clientOptions(ResourceUris uris = ResourceUris::Dmtf) const {
        ClientOptions options;
        options.url = "http://127.0.0.1:" + std::to_string(server_->port()) + "/wsman";
        options.nameSpace = "root/test";
        options.transport.readTimeout = std::chrono::seconds(10);
        options.resourceUris = uris;
        return options;
    }

    static ObjectPath service(const std::string& name) {
        return ObjectPath("root/test", "Test_Service", {{"Name", Value::string(name)}});
    }

    std::shared_ptr<TestServiceMethods> methods_;
    std::shared_ptr<Cimom> cimom_;
    std::shared_ptr<WsmanService> service_;
    std::atomic<int> requests_{0};  ///< envelopes the server received (declared before the server it outlives)
    std::unique_ptr<cimxml::CimXmlServer> server_;
};

}  // namespace wmimock::wsman::testing
