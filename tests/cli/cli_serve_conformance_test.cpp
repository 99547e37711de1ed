// The conformance suite through the CIM-XML client and through the WS-Management client
// against `wmimock serve` gives the verdicts of the same built-in run in-process, rule by
// rule: for the reference, the two flavours and every faulty target. What differs over the wire is only time (real,
// paced by `serve`, instead of simulated) and the transport, so any other difference is a bug in the codec, the server,
// the client or a check that leans on in-process details.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <set>
#include <string>

#include "cli_test_support.hpp"
#include "result_format.hpp"
#include "serve_process.hpp"
#include "wmimock/harness/runner.hpp"
#include "wmimock/services/builtin.hpp"

namespace wmimock::test {
namespace {

using conformance::CheckResult;
using conformance::RunResult;
using harness::RunOptions;

// Short transitions, polls and waits keep the real-time run short; both runs use the same
// values. faulty-hangs blocks past the check timeout (6.2 s for the remote run) but frees the
// server after 8 s.
const std::vector<std::string> kSimOptionArgs = {"--sim-option", "transition_ms=50", "--sim-option",
                                                 "hang_cap_ms=8000"};
const wmimock::services::SimulationOptions kSimOptions = {.transition = std::chrono::milliseconds(50),
                                                          .hangCap = std::chrono::milliseconds(8000)};

RunOptions optionsFor(const std::string& target, const std::string& instancePath) {
    RunOptions o;
    o.targets = {target};
    o.session.instancePath = instancePath;
    o.session.settings.pollInterval = std::chrono::duration<double>(0.05);
    o.session.settings.jobTimeout = std::chrono::duration<double>(1.0);  // twenty times a 50 ms transition
    o.session.settings.settleTimeout = std::chrono::duration<double>(1.0);
    o.session.settings.retentionWait = std::chrono::duration<double>(1.0);  // JOB-006
    // The limit of a remote (real-clock) check is then max(5 s, 1 s + 4 polls + 5 s) = 6.2 s.
    o.checkTimeout = std::chrono::duration<double>(5.0);
    // Both in a child process: faulty-crashes aborts in-process, and a hang must end as a
    // timeout on either side.
    o.isolation = RunOptions::Isolation::Process;
    return o;
}

/// The first instance the built-in serves, as "namespace:Class.keys".
std::string firstInstance(const std::string& name) {
    const auto env = services::makeBuiltin(name, kSimOptions);
    return env.cimom->enumerateInstanceNames(env.info->nameSpace, env.info->className).front().toString();
}

std::string verdicts(const RunResult& run) {
    std::string out;
    for (const CheckResult& r : run.results) out += conformance::testing::describe(r, false) + "\n";
    return out;
}

std::vector<std::string> builtinNames() {
    std::vector<std::string> names;
    for (const auto& info : services::builtins()) names.push_back(info.name);
    return names;
}

/// Built-ins whose WS-Management run is compared: all of them, or under the sanitizers (where
/// each run costs several times as much) the flavours and the faults that exercise what
/// WS-Management writes differently: references and jobs, undefined codes, keys of the
/// wrong type, embedded instances.
bool comparedOverWsman(const std::string& name) {
#ifdef WMIMOCK_SANITIZED
    static const std::set<std::string> few = {"reference", "win32", "hyperv", "faulty-undefined-status",
                                              "faulty-wrong-error-missing-instance"};
    return few.count(name) > 0;
#else
    (void)name;
    return true;
#endif
}

/// Verdicts that depend on what the protocol can carry. WS-Management sends parameters as
/// text that the server types by the class declaration before any provider sees them (as
/// OpenPegasus's dispatcher does for untyped CIM-XML values), so the pegasus flavour's
/// unchecked parameters (a RequestedState typed as a string, a repeated parameter) do not
/// reach it that way: RSC-010 and ERR-004 pass there.
bool shapedByProtocol(const std::string& builtin, bool wsman, const std::string& rule) {
    return wsman && builtin == "pegasus" && (rule == "RSC-010" || rule == "ERR-004");
}

class SuiteOverHttp : public ::testing::TestWithParam<std::string> {};

TEST_P(SuiteOverHttp, GivesTheInProcessVerdicts) {
    const services::BuiltinInfo* info = services::findBuiltin(GetParam());
    ASSERT_NE(info, nullptr);
    const std::string instance = firstInstance(info->name);
    // A provider crash takes the whole server down: past that check the remote verdicts are
    // about a dead server, and the check itself sees a lost connection where in-process sees
    // a crash. Compared on the rules it breaks, where both runs must fail.
    const bool killsTheServer = info->name == "faulty-crashes";
    std::string filter;
    for (const auto& rule : info->brokenRules) filter += (filter.empty() ? "" : ",") + rule;

    const std::vector<std::string> serveArgs = kSimOptionArgs;
    const ScratchDir dir("serve-suite-" + info->name);
    ServeProcess serve(dir, "builtin:" + info->name, std::chrono::seconds(60), serveArgs);
    ASSERT_FALSE(serve.url().empty()) << serve.output();

    RunOptions local = optionsFor("builtin:" + info->name, instance);
    local.target.simOptions = kSimOptions;
    if (killsTheServer) local.filter = filter;
    const RunResult here = harness::run(local);
    ASSERT_FALSE(here.results.empty());

    // The served namespace is the URL's path; WS-Management names it apart.
    const std::string base = serve.url().substr(0, serve.url().find('/', std::string("http://").size()));
    const std::string nameSpace = serve.url().substr(base.size() + 1);
    const std::set<std::string> raceDependent(info->raceDependentRules.begin(), info->raceDependentRules.end());
    for (const std::string protocol : {"CIM-XML", "WS-Management"}) {
        SCOPED_TRACE(protocol);
        const bool wsman = protocol == "WS-Management";
        if (wsman && !comparedOverWsman(info->name)) continue;
        RunOptions remote = optionsFor(wsman ? base + "/wsman" : serve.url(), instance);
        if (wsman) remote.target.nameSpace = remote.session.nameSpace = nameSpace;
        if (killsTheServer) {
            if (wsman) break;  // the CIM-XML run killed it
            remote.filter = filter;
        }
        const RunResult overHttp = harness::run(remote);
        ASSERT_EQ(overHttp.results.size(), here.results.size()) << verdicts(overHttp) << "---\n" << verdicts(here);
        for (std::size_t i = 0; i < here.results.size(); ++i) {
            const CheckResult& a = overHttp.results[i];
            const CheckResult& b = here.results[i];
            ASSERT_EQ(a.ruleId, b.ruleId);
            if (raceDependent.count(a.ruleId)) continue;  // declared to depend on thread timing
            if (shapedByProtocol(info->name, wsman, a.ruleId)) {
                EXPECT_FALSE(conformance::isFailure(a.outcome))
                    << a.ruleId << " over " << protocol << ": " << a.message;
                continue;
            }
            if (killsTheServer) {
                EXPECT_TRUE(conformance::isFailure(a.outcome) && conformance::isFailure(b.outcome))
                    << a.ruleId << " over " << protocol << ": " << conformance::toString(a.outcome) << " (" << a.message
                    << "); in-process: " << conformance::toString(b.outcome) << " (" << b.message << ")";
            } else {
                EXPECT_EQ(a.outcome, b.outcome) << a.ruleId << " " << a.title << "\n  over " << protocol << ": "
                                                << a.message << "\n  in-process: " << b.message;
            }
        }
    }
    if (!killsTheServer) {
        EXPECT_TRUE(serve.running()) << "the server died:\n" << serve.output();
        EXPECT_EQ(serve.stop(), 0) << serve.output();
    }
}

INSTANTIATE_TEST_SUITE_P(EveryBuiltin, SuiteOverHttp, ::testing::ValuesIn(builtinNames()),
                         [](const ::testing::TestParamInfo<std::string>& p) {
                             std::string name = p.param;
                             for (char& c : name) {
                                 if (c == '-') c = '_';
                             }
                             return name;
                         });

}  // namespace
}  // namespace wmimock::test
