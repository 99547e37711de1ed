// The findings of one check and the verdict they make. A check records as many findings as
// it has cases; the most severe decides (fail > warning > pass > not supported): a failure
// anywhere fails the check, and a pass outranks a case that could not be exercised.
#pragma once

#include <string>
#include <vector>

#include "wmimock/conformance/result.hpp"

namespace wmimock::conformance {

class Verdicts {
public:
    void pass(std::string message);
    void warn(std::string message);
    /// `message` defaults to "expected <expected>, got <actual>".
    void fail(std::string expected, std::string actual, std::string message = {});
    void notSupported(std::string message);
    /// Precondition not reachable (catalog: SKIP): reported as not-supported.
    void unreachable(const std::string& what) { notSupported("precondition not reachable: " + what); }

    bool empty() const noexcept { return findings_.empty(); }

    /// Writes the verdict into `result`: outcome, message, expected and actual of the most
    /// severe finding ("and N more" when several share it), every finding into the log.
    /// No finding is an Error ("the check reached no verdict"). Catalog ERR-011 Rev. 2: a
    /// pass of any other rule while result.undefinedStatuses is not empty is reported as
    /// not judged, naming the codes.
    void decide(CheckResult& result) const;

private:
    struct Finding {
        Outcome outcome;
        std::string message, expected, actual;
    };
    std::vector<Finding> findings_;
};

}  // namespace wmimock::conformance
