// The whole conformance suite against the ExampleCo provider, inside this GoogleTest binary:
// one test per check, named by rule ID (Example/ConformanceTest.Check/SS_001_...).
#include <wmimock/conformance/gtest.hpp>

#include "register.hpp"

WMIMOCK_INSTANTIATE_CONFORMANCE(Example, [] {
    return wmimock::conformance::makeRegisteredTarget("exampleco", &exampleco::registerProvider);
});
