// Hot paths of the fake CIMOM through its public interface. Targets on one core:
// >= 1,000,000 InvokeMethod/s, >= 2,000,000 GetInstance/s, EnumerateInstances of 10,000
// instances in <= 5 ms. (For scale: pywbem_mock manages about 500 InvokeMethod/s and
// 5,400 GetInstance/s.)
#include <benchmark/benchmark.h>

#include "test_schema.hpp"

namespace wmimock {
namespace {

using namespace wmimock::testing;

/// The cheapest possible StopService: what is left to measure is the CIMOM.
class TrivialStop : public MethodProvider {
public:
    MethodResult invokeMethod(const ProviderContext&, const ObjectPath&, const MethodDecl&,
                              const std::vector<ParamValue>&) override {
        return MethodResult{Value::uint32(0), {}};
    }
};

std::unique_ptr<Cimom> makeCimom(int services) {
    auto cimom = std::make_unique<Cimom>(std::make_shared<ManualClock>());
    addTestSchema(*cimom);
    for (int i = 0; i < services; ++i) {
        cimom->addInstance(kNs, service("svc-" + std::to_string(i))
                                    .set("EnabledState", Value::uint16(i % 2 == 0 ? 2 : 3))
                                    .set("Priority", Value::uint32(static_cast<std::uint32_t>(i))));
    }
    cimom->registerProvider(kNs, "Test_Service", nullptr, std::make_shared<TrivialStop>());
    return cimom;
}

void BM_InvokeMethod_StopService(benchmark::State& state) {
    const auto cimom = makeCimom(100);
    const ObjectPath target = servicePath("svc-42");
    CimClient& client = *cimom;
    for (auto _ : state) {
        MethodResult result = client.invokeMethod(target, "StopService", {});
        benchmark::DoNotOptimize(result);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_InvokeMethod_StopService);

// Parameter checking and conversion: a typed integer and a string array, as a client sends.
void BM_InvokeMethod_WithParameters(benchmark::State& state) {
    const auto cimom = makeCimom(100);
    const ObjectPath target = servicePath("svc-42");
    const std::vector<ParamValue> in{
        ParamValue{"Level", Value::uint8(7)},
        ParamValue{"Names", Value::array(CimType::String, {Value::string("alpha"), Value::string("beta")})}};
    CimClient& client = *cimom;
    for (auto _ : state) {
        MethodResult result = client.invokeMethod(target, "Configure", in);
        benchmark::DoNotOptimize(result);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_InvokeMethod_WithParameters);

void BM_GetInstance(benchmark::State& state) {
    const auto cimom = makeCimom(10'000);
    const ObjectPath target = servicePath("svc-4242");
    CimClient& client = *cimom;
    for (auto _ : state) {
        Instance instance = client.getInstance(target, {});
        benchmark::DoNotOptimize(instance);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_GetInstance);

void BM_EnumerateInstances_10k(benchmark::State& state) {
    const auto cimom = makeCimom(10'000);
    CimClient& client = *cimom;
    for (auto _ : state) {
        std::vector<Instance> all = client.enumerateInstances(kNs, "Test_Service", {});
        benchmark::DoNotOptimize(all);
    }
    state.SetItemsProcessed(state.iterations() * 10'000);
}
BENCHMARK(BM_EnumerateInstances_10k)->Unit(benchmark::kMillisecond);

void BM_ExecQuery_Where_10k(benchmark::State& state) {
    const auto cimom = makeCimom(10'000);
    CimClient& client = *cimom;
    for (auto _ : state) {
        std::vector<Instance> found = client.execQuery(
            kNs, "WQL", "SELECT * FROM Test_Service WHERE EnabledState = 2 AND Priority >= 5000 AND Name LIKE 'svc-%'");
        benchmark::DoNotOptimize(found);
    }
    state.SetItemsProcessed(state.iterations() * 10'000);
}
BENCHMARK(BM_ExecQuery_Where_10k)->Unit(benchmark::kMillisecond);

void BM_InvokeMethod_WithFaultRuleElsewhere(benchmark::State& state) {
    // A configured but non-matching fault rule: the cost of the fault check itself.
    const auto cimom = makeCimom(100);
    FaultRule rule;
    rule.className = "Test_Job";
    rule.error = CimStatus::Failed;
    cimom->faults().add(rule);
    const ObjectPath target = servicePath("svc-42");
    for (auto _ : state) {
        MethodResult result = cimom->invokeMethod(target, "StopService", {});
        benchmark::DoNotOptimize(result);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_InvokeMethod_WithFaultRuleElsewhere);

}  // namespace
}  // namespace wmimock
