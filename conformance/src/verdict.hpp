// What a check returns: its findings, and the verdict they make. A check that judges one case
// returns one finding (`return verdict::pass("...")`); one with several cases collects them
// (`Verdict found; found.fail(...); ... return found;`). The most severe decides (fail >
// warning > pass > not supported): a failure anywhere fails the check, and a pass outranks a
// case that could not be exercised.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "wmimock/conformance/result.hpp"

namespace wmimock::conformance {

class Verdict {
public:
    Verdict& pass(std::string message);
    Verdict& warn(std::string message);
    /// `message` defaults to "expected <expected>, got <actual>".
    Verdict& fail(std::string expected, std::string actual, std::string message = {});
    Verdict& notSupported(std::string message);
    /// Precondition not reachable (catalog: SKIP): reported as not-supported.
    Verdict& unreachable(const std::string& what) { return notSupported("precondition not reachable: " + what); }
    /// Adds the findings of `other` (a verdict a helper or a precondition reached).
    Verdict& add(const Verdict& other);

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

/// A verdict of one finding, for a check (or a helper) that has judged its case.
namespace verdict {
inline Verdict pass(std::string message) {
    Verdict one;
    one.pass(std::move(message));
    return one;
}
inline Verdict warn(std::string message) {
    Verdict one;
    one.warn(std::move(message));
    return one;
}
inline Verdict fail(std::string expected, std::string actual, std::string message = {}) {
    Verdict one;
    one.fail(std::move(expected), std::move(actual), std::move(message));
    return one;
}
inline Verdict notSupported(std::string message) {
    Verdict one;
    one.notSupported(std::move(message));
    return one;
}
inline Verdict unreachable(const std::string& what) {
    Verdict one;
    one.unreachable(what);
    return one;
}
}  // namespace verdict

}  // namespace wmimock::conformance
