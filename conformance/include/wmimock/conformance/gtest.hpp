// The suite inside a provider developer's own GoogleTest binary (the "interface tests"
// pattern): one line registers one test per check, named by rule ID, against any Target.
//
//     #include <wmimock/conformance/gtest.hpp>
//     #include <wmimock/conformance/plugin.hpp>
//
//     WMIMOCK_INSTANTIATE_CONFORMANCE(MyService, [] {
//         return wmimock::conformance::makeRegisteredTarget("my-service", &registerMyProvider);
//     });
//
// gives MyService/ConformanceTest.Check/SS_001_StopServiceReturns0, ... Each test opens a
// fresh target, runs its check on every instance of the target's class and restores them.
// not-supported -> GTEST_SKIP(); fail, error, timeout, crash -> a failure at the check's
// source line; warning -> a "warning.N" test property and a printed line. Link
// wmimock::conformance_gtest. Checks run in the test process: a provider that crashes
// takes the test binary down, and one that hangs is not timed out here (give the test a
// ctest TIMEOUT); `wmimock conform` isolates both.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "wmimock/conformance/checks.hpp"
#include "wmimock/conformance/session.hpp"
#include "wmimock/conformance/target.hpp"

namespace wmimock::conformance::gtest {

using TargetFactory = std::function<std::unique_ptr<Target>()>;

struct ConformanceCase {
    const CheckInfo* check = nullptr;
    TargetFactory factory;
    SessionOptions options;  ///< namespace / class / instance / settings; defaults from the target
};

/// One case per check (catalog order), all sharing the factory and options.
std::vector<ConformanceCase> cases(TargetFactory factory, SessionOptions options = {});
/// "SS_001_StopServiceReturns0".
std::string caseName(const ::testing::TestParamInfo<ConformanceCase>& info);
void PrintTo(const ConformanceCase& c, std::ostream* os);

class ConformanceTest : public ::testing::TestWithParam<ConformanceCase> {};

}  // namespace wmimock::conformance::gtest

// GoogleTest pastes the suite name into identifiers, so it must be written unqualified.
#define WMIMOCK_INSTANTIATE_CONFORMANCE(prefix, ...)                                                 \
    using ::wmimock::conformance::gtest::ConformanceTest;                                            \
    INSTANTIATE_TEST_SUITE_P(prefix, ConformanceTest,                                                \
                             ::testing::ValuesIn(::wmimock::conformance::gtest::cases(__VA_ARGS__)), \
                             ::wmimock::conformance::gtest::caseName)
