// CIM-XML speed: InvokeMethod StopService round trips over 127.0.0.1 with keep-alive, from
// one client connection and from 4, 16 and 64 in parallel (one connection per thread), against
// CimXmlServer fronting the reference simulation. Reports requests/s and per-request
// latency percentiles (p50/p99, microseconds). Target: >= 20,000 requests/s on 2 cores and
// p99 < 1 ms at moderate load. Run with --benchmark_repetitions=5 and quote the medians.
#include <benchmark/benchmark.h>
#include <spdlog/spdlog.h>

#include <memory>

#include "common/round_trips.hpp"
#include "wmimock/cimxml/client.hpp"
#include "wmimock/cimxml/codec.hpp"
#include "wmimock/cimxml/request.hpp"
#include "wmimock/cimxml/server.hpp"
#include "wmimock/services/builtin.hpp"

namespace {

using namespace wmimock;

struct LoopbackServer {
    services::BuiltinEnvironment environment = services::makeBuiltin("reference");
    std::unique_ptr<cimxml::CimXmlServer> server;
    ObjectPath alpha;

    LoopbackServer() {
        spdlog::set_level(spdlog::level::warn);
        cimxml::ServerOptions options;
        options.port = 0;
        options.threads = 64;  // the default: one worker per open keep-alive connection
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

void BM_InvokeStopService(benchmark::State& state) {
    auto& loopback = LoopbackServer::instance();
    cimxml::ClientOptions options;
    options.url = "http://127.0.0.1:" + std::to_string(loopback.server->port());
    cimxml::CimXmlClient client(options);
    client.invokeMethod(loopback.alpha, "StopService");  // connect outside the measurement
    bench::timeRoundTrips(state, [&] { return client.invokeMethod(loopback.alpha, "StopService"); });
}
// 1, 4, 16 and 64 concurrent keep-alive connections (one client thread each).
BENCHMARK(BM_InvokeStopService)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_InvokeStopService)->UseRealTime()->MinTime(2.0)->Threads(4);
BENCHMARK(BM_InvokeStopService)->UseRealTime()->MinTime(2.0)->Threads(16);
BENCHMARK(BM_InvokeStopService)->UseRealTime()->MinTime(2.0)->Threads(64);

/// The same call without the wire: what the protocol adds is the difference.
void BM_InProcessStopService(benchmark::State& state) {
    auto& loopback = LoopbackServer::instance();
    for (auto _ : state)
        benchmark::DoNotOptimize(loopback.environment.cimom->invokeMethod(loopback.alpha, "StopService"));
}
BENCHMARK(BM_InProcessStopService);

void BM_EncodeDecodeInstance(benchmark::State& state) {
    auto& loopback = LoopbackServer::instance();
    const Instance instance = loopback.environment.cimom->getInstance(loopback.alpha);
    for (auto _ : state) {
        const std::string xml = cimxml::encodeInstance(instance);
        benchmark::DoNotOptimize(cimxml::decodeInstance(xml));
    }
}
BENCHMARK(BM_EncodeDecodeInstance);

/// What the server does with a request body before the operation runs: the character
/// check, parsing, DSP0201 validation and decoding (an InvokeMethod StopService as wbemcli
/// and pywbem send it).
void BM_DecodeStopServiceRequest(benchmark::State& state) {
    const std::string body =
        "<?xml version=\"1.0\" encoding=\"utf-8\" ?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><MESSAGE "
        "ID=\"1001\" PROTOCOLVERSION=\"1.0\"><SIMPLEREQ><METHODCALL NAME=\"StopService\"><LOCALINSTANCEPATH>"
        "<LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"cimv2\"/></LOCALNAMESPACEPATH>"
        "<INSTANCENAME CLASSNAME=\"WMIMock_Service\"><KEYBINDING NAME=\"CreationClassName\"><KEYVALUE "
        "VALUETYPE=\"string\" TYPE=\"string\">WMIMock_Service</KEYVALUE></KEYBINDING><KEYBINDING NAME=\"Name\">"
        "<KEYVALUE VALUETYPE=\"string\" TYPE=\"string\">Alpha</KEYVALUE></KEYBINDING><KEYBINDING "
        "NAME=\"SystemCreationClassName\"><KEYVALUE VALUETYPE=\"string\" TYPE=\"string\">WMIMock_ComputerSystem"
        "</KEYVALUE></KEYBINDING><KEYBINDING NAME=\"SystemName\"><KEYVALUE VALUETYPE=\"string\" "
        "TYPE=\"string\">wmimock-host</KEYVALUE></KEYBINDING></INSTANCENAME></LOCALINSTANCEPATH></METHODCALL>"
        "</SIMPLEREQ></MESSAGE></CIM>";
    for (auto _ : state) benchmark::DoNotOptimize(cimxml::decodeRequest(body));
}
BENCHMARK(BM_DecodeStopServiceRequest);

}  // namespace

BENCHMARK_MAIN();
