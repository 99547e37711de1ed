// The TEST_P behind WMIMOCK_INSTANTIATE_CONFORMANCE. It lives in the same translation unit
// as cases(), so linking a binary that instantiates the suite always links the test too.
#include <ostream>
#include <sstream>

#include "wmimock/conformance/gtest.hpp"
#include "wmimock/conformance/result.hpp"

namespace wmimock::conformance::gtest {

std::vector<ConformanceCase> cases(TargetFactory factory, SessionOptions options) {
    std::vector<ConformanceCase> out;
    for (const CheckInfo& c : checks()) out.push_back({&c, factory, options});
    return out;
}

std::string caseName(const ::testing::TestParamInfo<ConformanceCase>& info) {
    return identifier(*info.param.check);
}

void PrintTo(const ConformanceCase& c, std::ostream* os) {
    *os << filterKey(*c.check);
}

namespace {

std::string describe(const CheckResult& r) {
    std::ostringstream out;
    out << "[" << r.ruleId << " " << toString(r.outcome) << "] " << r.instancePath << ": " << r.message;
    if (!r.expected.empty()) out << "\n  expected: " << r.expected;
    if (!r.actual.empty()) out << "\n  actual:   " << r.actual;
    if (!r.evidence.empty()) {
        out << "\n  evidence:";
        for (const auto& e : r.evidence) out << "\n    " << e;
    }
    return out.str();
}

}  // namespace

TEST_P(ConformanceTest, Check) {
    const ConformanceCase& c = GetParam();
    ASSERT_NE(c.check, nullptr);
    ASSERT_TRUE(c.factory) << "no target factory";
    const std::unique_ptr<Target> target = c.factory();
    ASSERT_NE(target, nullptr) << "the target factory returned null";
    Session session(*target, c.options);
    ASSERT_FALSE(session.instances().empty())
        << "no instance of " << session.className() << " in " << session.nameSpace() << " to test";
    std::vector<std::string> skipped;
    int warnings = 0;
    for (const ObjectPath& instance : session.instances()) {
        const CheckResult r = session.run(*c.check, instance);
        switch (r.outcome) {
            case Outcome::Pass:
                break;
            case Outcome::NotSupported:
                skipped.push_back(r.instancePath + ": " + r.message);
                break;
            case Outcome::Warning:
                RecordProperty("warning." + std::to_string(++warnings), r.instancePath + ": " + r.message);
                std::cout << "[  WARNING ] " << r.ruleId << " " << r.instancePath << ": " << r.message << '\n';
                break;
            default:
                ADD_FAILURE_AT(r.sourceFile.c_str(), r.sourceLine) << describe(r);
                break;
        }
    }
    for (const auto& note : session.restore()) {
        RecordProperty("restore", note);
        std::cout << "[  WARNING ] " << note << '\n';
    }
    if (!HasFailure() && skipped.size() == session.instances().size()) {
        std::string why;
        for (const auto& s : skipped) why += (why.empty() ? "" : "; ") + s;
        GTEST_SKIP() << "not supported: " << why;
    }
}

}  // namespace wmimock::conformance::gtest

GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ConformanceTest);
