// WS-Management speed: Invoke StopService round trips over 127.0.0.1 with keep-alive, from one
// client connection and from 4 in parallel (one WsmanClient per thread), against the /wsman
// route of the CIM-XML server fronting the reference simulation; and the service alone on a
// prepared envelope (what the SOAP handling costs without the wire). Reports requests/s and
// latency percentiles (p50/p99, microseconds). Run with --benchmark_repetitions=5 and quote
// the medians next to bench_cimxml's.
#include <benchmark/benchmark.h>
#include <spdlog/spdlog.h>

#include <memory>

#include "common/round_trips.hpp"
#include "wmimock/cimxml/server.hpp"
#include "wmimock/services/builtin.hpp"
#include "wmimock/wsman/client.hpp"
#include "wmimock/wsman/service.hpp"

namespace {

using namespace wmimock;

struct LoopbackServer {
    services::BuiltinEnvironment environment = services::makeBuiltin("reference");
    std::shared_ptr<wsman::WsmanService> service;
    std::unique_ptr<cimxml::CimXmlServer> server;
    ObjectPath alpha;

    LoopbackServer() {
        spdlog::set_level(spdlog::level::warn);
        service = std::make_shared<wsman::WsmanService>(environment.cimom);
        cimxml::ServerOptions options;
        options.port = 0;
        options.routes.push_back(
            {"/wsman", "wsman", [s = service](std::string_view body) {
                 wsman::Reply reply = s->handle(body);
                 return cimxml::PostRoute::Answer{
                     reply.httpStatus, std::string(wsman::kSoapContentType), std::move(reply.body), {}};
             }});
        server = std::make_unique<cimxml::CimXmlServer>(environment.cimom, options);
        server->start();
        alpha =
            environment.cimom->enumerateInstanceNames(environment.info->nameSpace, environment.info->className).front();
    }

    static LoopbackServer& instance() {
        static LoopbackServer server;
        return server;
    }
};

void BM_WsmanInvokeStopService(benchmark::State& state) {
    auto& loopback = LoopbackServer::instance();
    wsman::ClientOptions options;
    options.url = "http://127.0.0.1:" + std::to_string(loopback.server->port()) + "/wsman";
    wsman::WsmanClient client(options);
    client.invokeMethod(loopback.alpha, "StopService");  // connect and learn the class outside the measurement
    bench::timeRoundTrips(state, [&] { return client.invokeMethod(loopback.alpha, "StopService"); });
}
BENCHMARK(BM_WsmanInvokeStopService)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_WsmanInvokeStopService)->UseRealTime()->MinTime(2.0)->Threads(4);

void BM_WsmanServiceAlone(benchmark::State& state) {
    auto& loopback = LoopbackServer::instance();
    const std::string uri = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/" + loopback.alpha.className();
    std::string selectors;
    for (const auto& key : loopback.alpha.keys()) {
        selectors += "<w:Selector Name=\"" + key.name + "\">" + key.value.toText() + "</w:Selector>";
    }
    const std::string envelope =
        "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
        "xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" "
        "xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\"><s:Header><w:ResourceURI>" +
        uri + "</w:ResourceURI><a:Action>" + uri + "/StopService</a:Action><a:MessageID>uuid:1</a:MessageID>" +
        "<w:SelectorSet>" + selectors + "<w:Selector Name=\"__cimnamespace\">" + loopback.alpha.nameSpace() +
        "</w:Selector></w:SelectorSet></s:Header><s:Body><p:StopService_INPUT xmlns:p=\"" + uri +
        "\"/></s:Body></s:Envelope>";
    for (auto _ : state) {
        const wsman::Reply reply = loopback.service->handle(envelope);
        if (reply.httpStatus != 200) state.SkipWithError(reply.body.c_str());
        benchmark::DoNotOptimize(reply);
    }
}
BENCHMARK(BM_WsmanServiceAlone);

}  // namespace

BENCHMARK_MAIN();
