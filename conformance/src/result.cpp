// Outcome names and run summaries.
#include <algorithm>

#include "wmimock/conformance/result.hpp"

namespace wmimock::conformance {

std::string_view toString(Outcome outcome) noexcept {
    switch (outcome) {
        case Outcome::Pass:
            return "pass";
        case Outcome::Warning:
            return "warning";
        case Outcome::NotSupported:
            return "not-supported";
        case Outcome::Fail:
            return "fail";
        case Outcome::Error:
            return "error";
        case Outcome::Timeout:
            return "timeout";
        case Outcome::Crash:
            return "crash";
    }
    return "error";
}

bool isFailure(Outcome outcome) noexcept {
    return outcome == Outcome::Fail || outcome == Outcome::Error || outcome == Outcome::Timeout ||
           outcome == Outcome::Crash;
}

RunSummary RunResult::summary() const {
    RunSummary s;
    s.total = results.size();
    s.planned = std::max(planned, results.size());
    for (const auto& r : results) {
        switch (r.outcome) {
            case Outcome::Pass:
                ++s.passed;
                break;
            case Outcome::Warning:
                ++s.warnings;
                break;
            case Outcome::NotSupported:
                ++s.notSupported;
                break;
            case Outcome::Fail:
                ++s.failed;
                break;
            case Outcome::Error:
                ++s.errors;
                break;
            case Outcome::Timeout:
                ++s.timeouts;
                break;
            case Outcome::Crash:
                ++s.crashes;
                break;
        }
    }
    return s;
}

bool RunResult::passed() const {
    return results.size() >= planned &&
           std::none_of(results.begin(), results.end(), [](const CheckResult& r) { return isFailure(r.outcome); });
}

}  // namespace wmimock::conformance
