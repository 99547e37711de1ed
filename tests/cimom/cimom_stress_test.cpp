// Many threads of mixed operations on one CIMOM (run it under the tsan preset). Each
// thread owns a set of instances it creates, modifies, invokes methods on and deletes,
// while all threads also read and enumerate shared instances; at the end the store must
// hold exactly what the threads' own bookkeeping says.
#include <gtest/gtest.h>

#include <atomic>
#include <random>
#include <thread>

#include "test_schema.hpp"

namespace wmimock {
namespace {

using namespace wmimock::testing;

#ifdef WMIMOCK_SANITIZED
constexpr int kIterations = 200;
#else
constexpr int kIterations = 1000;
#endif
constexpr int kThreads = 8;
constexpr int kShared = 16;

/// Counts StopService calls and flips EnabledState through the CIMOM, re-entrantly.
class CountingStop : public MethodProvider {
public:
    MethodResult invokeMethod(const ProviderContext& ctx, const ObjectPath& target, const MethodDecl&,
                              const std::vector<ParamValue>&) override {
        calls.fetch_add(1, std::memory_order_relaxed);
        if (target.key("Name")->asString().starts_with("own-")) {
            Instance current = ctx.cimom.getInstance(target);
            current.set("EnabledState", Value::uint16(3));
            static_cast<Cimom&>(ctx.cimom).putInstance(target, current);
        }
        return MethodResult{Value::uint32(0), {}};
    }
    std::atomic<long> calls{0};
};

TEST(Stress, MixedOperationsFromManyThreadsKeepTheStoreConsistent) {
    Cimom cimom{std::make_shared<ManualClock>()};
    addTestSchema(cimom);
    auto provider = std::make_shared<CountingStop>();
    cimom.registerProvider(kNs, "Test_Service", nullptr, provider);
    for (int i = 0; i < kShared; ++i) cimom.addInstance(kNs, service("shared-" + std::to_string(i)));
    FaultRule latency;
    latency.operation = Operation::GetInstance;
    latency.className = "Test_Job";
    latency.latency = std::chrono::milliseconds(1);
    cimom.faults().add(latency);

    std::atomic<long> expectedStops{0};
    std::atomic<int> unexpectedErrors{0};
    std::vector<int> survivors(kThreads, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            std::mt19937 random(static_cast<unsigned>(t) + 1);
            int live = 0;
            for (int i = 0; i < kIterations; ++i) {
                try {
                    const std::string own = "own-" + std::to_string(t) + "-" + std::to_string(live);
                    switch (random() % 8) {
                        case 0:
                            cimom.createInstance(kNs, service(own).set("StartMode", Value::string("Auto")));
                            ++live;
                            break;
                        case 1:
                            if (live > 0) {
                                --live;
                                cimom.deleteInstance(
                                    servicePath("own-" + std::to_string(t) + "-" + std::to_string(live)));
                            }
                            break;
                        case 2:
                            if (live > 0) {
                                Instance change = service("own-" + std::to_string(t) + "-" + std::to_string(live - 1));
                                change.setPath(servicePath(change.get("Name").asString()));
                                change.set("Priority", Value::uint32(static_cast<std::uint32_t>(i)));
                                cimom.modifyInstance(change, std::vector<std::string>{"Priority"});
                            }
                            break;
                        case 3:
                            if (live > 0) {
                                cimom.invokeMethod(
                                    servicePath("own-" + std::to_string(t) + "-" + std::to_string(live - 1)),
                                    "StopService");
                                expectedStops.fetch_add(1);
                            }
                            break;
                        case 4:
                            cimom.getInstance(servicePath("shared-" + std::to_string(random() % kShared)));
                            break;
                        case 5:
                            cimom.invokeMethod(servicePath("shared-" + std::to_string(random() % kShared)),
                                               "StopService");
                            expectedStops.fetch_add(1);
                            break;
                        case 6:
                            if (cimom.enumerateInstanceNames(kNs, "Test_Service").size() < kShared) {
                                unexpectedErrors.fetch_add(1);
                            }
                            break;
                        default:
                            cimom.execQuery(kNs, "WQL", "SELECT Name FROM Test_Service WHERE Name LIKE 'shared-1%'");
                            break;
                    }
                } catch (const CimError& e) {
                    unexpectedErrors.fetch_add(1);
                    ADD_FAILURE() << "thread " << t << ": " << e.what();
                }
            }
            survivors[static_cast<std::size_t>(t)] = live;
        });
    }
    // Schema edits and provider registration while operations run.
    for (int i = 0; i < 20; ++i) {
        cimom.addClass(kNs, makeClass("Test_Extra" + std::to_string(i), "Test_Job", {}));
        cimom.registerProvider(kNs, "Test_Extra" + std::to_string(i), nullptr, provider);
    }
    for (std::thread& th : threads) th.join();

    EXPECT_EQ(unexpectedErrors.load(), 0);
    EXPECT_EQ(provider->calls.load(), expectedStops.load());
    int expectedLive = kShared;
    for (int live : survivors) expectedLive += live;
    const auto all = cimom.enumerateInstances(kNs, "Test_Service");
    EXPECT_EQ(static_cast<int>(all.size()), expectedLive);
    for (int t = 0; t < kThreads; ++t) {
        for (int n = 0; n < survivors[static_cast<std::size_t>(t)]; ++n) {
            EXPECT_NO_THROW(cimom.getInstance(servicePath("own-" + std::to_string(t) + "-" + std::to_string(n))));
        }
    }
}

}  // namespace
}  // namespace wmimock
