#include "verdict.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace wmimock::conformance {

Verdict& Verdict::pass(std::string message) {
    findings_.push_back({Outcome::Pass, std::move(message), {}, {}});
    return *this;
}
Verdict& Verdict::warn(std::string message) {
    findings_.push_back({Outcome::Warning, std::move(message), {}, {}});
    return *this;
}
Verdict& Verdict::notSupported(std::string message) {
    findings_.push_back({Outcome::NotSupported, std::move(message), {}, {}});
    return *this;
}
Verdict& Verdict::fail(std::string expected, std::string actual, std::string message) {
    if (message.empty()) message = "expected " + expected + ", got " + actual;
    findings_.push_back({Outcome::Fail, std::move(message), std::move(expected), std::move(actual)});
    return *this;
}
Verdict& Verdict::add(const Verdict& other) {
    findings_.insert(findings_.end(), other.findings_.begin(), other.findings_.end());
    return *this;
}

void Verdict::decide(CheckResult& result) const {
    if (findings_.empty()) {
        result.outcome = Outcome::Error;
        result.message = "the check reached no verdict";
        return;
    }
    const auto rank = [](Outcome o) {
        switch (o) {
            case Outcome::Fail:
                return 3;
            case Outcome::Warning:
                return 2;
            case Outcome::Pass:
                return 1;
            default:
                return 0;
        }
    };
    const auto worst = std::max_element(findings_.begin(), findings_.end(), [&](const Finding& a, const Finding& b) {
        return rank(a.outcome) < rank(b.outcome);
    });
    result.outcome = worst->outcome;
    result.message = worst->message;
    result.expected = worst->expected;
    result.actual = worst->actual;
    const auto same = std::count_if(findings_.begin(), findings_.end(),
                                    [&](const Finding& v) { return v.outcome == worst->outcome; });
    if (same > 1 && worst->outcome != Outcome::Pass) {
        result.message += " (and " + std::to_string(same - 1) + " more, see log)";
    }
    for (const auto& v : findings_) {
        result.log.push_back(std::string(toString(v.outcome)) + ": " + v.message);
    }
    // Catalog ERR-011 Rev. 2: an answer with an undefined status code is ERR-011's fault, and
    // no other rule passes on the strength of it: such a pass is reported as not judged.
    if (!result.undefinedStatuses.empty() && result.outcome == Outcome::Pass && result.ruleId != "ERR-011") {
        // One entry per code: how often, and the first call that got it.
        std::vector<std::pair<std::uint32_t, std::pair<int, std::string>>> byCode;
        for (const auto& u : result.undefinedStatuses) {
            auto it = std::find_if(byCode.begin(), byCode.end(), [&](const auto& e) { return e.first == u.code; });
            if (it == byCode.end()) {
                byCode.push_back({u.code, {1, u.call}});
            } else {
                ++it->second.first;
            }
        }
        std::string codes;
        for (const auto& [code, seen] : byCode) {
            codes += (codes.empty() ? "" : "; ") + std::to_string(code) + " (" + std::to_string(seen.first) +
                     " answer(s), first to " + seen.second + ")";
        }
        result.outcome = Outcome::NotSupported;
        result.message = "not judged: the target answered with undefined CIM status code " + codes +
                         ", which ERR-011 reports; without it the check would have passed (" + result.message + ")";
    }
}

}  // namespace wmimock::conformance
