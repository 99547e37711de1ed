// The GoogleTest adapter as a provider developer uses it: one line, one test per check.
#include "wmimock/conformance/gtest.hpp"
#include "wmimock/harness/targets.hpp"

WMIMOCK_INSTANTIATE_CONFORMANCE(Reference, [] { return wmimock::harness::openTarget("builtin:reference"); });

namespace {

TEST(GtestAdapter, RegistersOneTestPerCheckNamedByRule) {
    const auto* unit = ::testing::UnitTest::GetInstance();
    int conformanceTests = 0;
    bool sawFirst = false;
    for (int i = 0; i < unit->total_test_suite_count(); ++i) {
        const auto* suite = unit->GetTestSuite(i);
        if (std::string(suite->name()) != "Reference/ConformanceTest") continue;
        for (int j = 0; j < suite->total_test_count(); ++j) {
            ++conformanceTests;
            if (std::string(suite->GetTestInfo(j)->name()) == "Check/SS_001_StopServiceReturns0") sawFirst = true;
        }
    }
    EXPECT_EQ(static_cast<std::size_t>(conformanceTests), wmimock::conformance::checks().size());
    EXPECT_TRUE(sawFirst);
}

}  // namespace
