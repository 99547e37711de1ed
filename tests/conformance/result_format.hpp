// Test helper: failing results as readable text.
#pragma once

#include <sstream>
#include <string>

#include "wmimock/conformance/result.hpp"

namespace wmimock::conformance::testing {

inline std::string describe(const CheckResult& r, bool withEvidence = true) {
    std::ostringstream out;
    out << r.ruleId << " " << r.title << " [" << toString(r.outcome) << "] " << r.instancePath << ": " << r.message;
    if (!r.expected.empty()) out << "\n    expected: " << r.expected;
    if (!r.actual.empty()) out << "\n    actual:   " << r.actual;
    if (withEvidence) {
        for (const auto& e : r.evidence) out << "\n      " << e;
    }
    return out.str();
}

inline std::string failures(const RunResult& run) {
    std::string out;
    for (const auto& r : run.results) {
        if (isFailure(r.outcome)) out += describe(r) + "\n";
    }
    return out;
}

}  // namespace wmimock::conformance::testing
