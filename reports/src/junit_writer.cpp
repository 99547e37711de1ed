#include "wmimock/reports/junit_writer.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include <pugixml.hpp>

#include "text_cleanup.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/reports/report_context.hpp"
#include "wmimock/reports/report_output.hpp"
#include "wmimock/version.hpp"

namespace wmimock::reports {

using conformance::CheckResult;
using conformance::Outcome;
using conformance::RunResult;

std::string_view toString(JUnitFlavor flavor) noexcept {
    return flavor == JUnitFlavor::Ant ? "ant" : "jenkins";
}

std::optional<JUnitFlavor> parseJUnitFlavor(std::string_view text) noexcept {
    if (iequals(text, "jenkins") || iequals(text, "default") || iequals(text, "xunit")) return JUnitFlavor::Jenkins;
    if (iequals(text, "ant")) return JUnitFlavor::Ant;
    return std::nullopt;
}

namespace {

std::string dottedPart(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (keep) {
            out += c;
        } else if (out.empty() || out.back() != '_') {
            out += '_';  // runs of separators collapse so "http://h:1/" stays readable
        }
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out.empty() ? "_" : out;
}

// The checks of one target on one class, in the order the run produced them.
struct Suite {
    std::string target;
    std::string nameSpace;
    std::string className;
    std::vector<const CheckResult*> checks;
    std::vector<std::string> caseNames;  // unique within the suite, parallel to checks
};

std::string baseCaseName(const CheckResult& check) {
    std::string name = check.ruleId.empty() ? std::string("check") : check.ruleId;
    if (!check.title.empty()) name += " " + check.title;
    return detail::oneLine(name);
}

// "RULE-ID title [Name=\"Alpha\"]": the instance's short key, which stays the same from
// run to run (the full path, with host names, is in the body), and a counter should even
// that repeat.
void nameCases(Suite& suite) {
    std::set<std::string> used;
    for (const CheckResult* check : suite.checks) {
        std::string name = baseCaseName(*check);
        if (!check->instancePath.empty()) {
            name += " [" + detail::oneLine(detail::shortInstance(check->instancePath)) + "]";
        }
        std::string unique = name;
        for (int n = 2; used.count(unique) != 0; ++n) unique = name + " #" + std::to_string(n);
        used.insert(unique);
        suite.caseNames.push_back(std::move(unique));
    }
}

std::vector<Suite> groupIntoSuites(const RunResult& run) {
    std::vector<Suite> suites;
    for (const CheckResult& check : run.results) {
        auto it = std::find_if(suites.begin(), suites.end(), [&](const Suite& s) {
            return s.target == check.target && iequals(s.nameSpace, check.nameSpace) &&
                   iequals(s.className, check.className);
        });
        if (it == suites.end()) {
            suites.push_back(Suite{check.target, check.nameSpace, check.className, {}, {}});
            it = std::prev(suites.end());
        }
        it->checks.push_back(&check);
    }
    for (Suite& suite : suites) nameCases(suite);
    return suites;
}

struct Counts {
    std::size_t tests = 0, failures = 0, errors = 0, skipped = 0;
    std::chrono::duration<double> time{0};
};

Counts countSuite(const Suite& suite) {
    Counts counts;
    for (const CheckResult* check : suite.checks) {
        ++counts.tests;
        if (check->outcome == Outcome::Fail) ++counts.failures;
        if (check->outcome == Outcome::Error || check->outcome == Outcome::Timeout ||
            check->outcome == Outcome::Crash) {
            ++counts.errors;
        }
        if (check->outcome == Outcome::NotSupported) ++counts.skipped;
        if (check->duration.count() > 0) counts.time += check->duration;
    }
    return counts;
}

std::string_view errorType(Outcome outcome) noexcept {
    switch (outcome) {
        case Outcome::Timeout:
            return "Timeout";
        case Outcome::Crash:
            return "Crash";
        default:
            return "HarnessError";
    }
}

std::string outcomeMessage(const CheckResult& check) {
    if (!check.message.empty()) return detail::truncated(detail::oneLine(check.message), 500);
    return std::string(conformance::toString(check.outcome));
}

// The body of <failure>/<error>/<skipped>: the reason again (GitLab shows only the body),
// then what the rule wanted, what happened and how we know.
std::string outcomeBody(const CheckResult& check) {
    std::ostringstream body;
    body << (check.message.empty() ? std::string(conformance::toString(check.outcome)) : check.message) << '\n';
    body << "rule: " << check.ruleId << " (" << conformance::toString(check.level) << ")";
    if (!check.ruleSource.empty()) body << ", source: " << check.ruleSource;
    body << '\n';
    if (!check.expected.empty()) body << "expected: " << check.expected << '\n';
    if (!check.actual.empty()) body << "actual: " << check.actual << '\n';
    if (!check.target.empty()) body << "target: " << check.target << '\n';
    if (!check.instancePath.empty()) body << "instance: " << check.instancePath << '\n';
    if (!check.evidence.empty()) {
        body << "evidence:\n";
        for (const std::string& line : check.evidence) body << "  " << line << '\n';
    }
    return detail::xmlSafe(body.str());
}

void addProperty(pugi::xml_node properties, std::string_view name, std::string_view value) {
    pugi::xml_node property = properties.append_child("property");
    property.append_attribute("name").set_value(detail::oneLine(name).c_str());
    property.append_attribute("value").set_value(detail::xmlSafe(value).c_str());
}

void setText(pugi::xml_node node, std::string_view text) {
    node.append_child(pugi::node_pcdata).set_value(detail::xmlSafe(text).c_str());
}

void setCount(pugi::xml_node node, const char* name, std::size_t value) {
    node.append_attribute(name).set_value(std::to_string(value).c_str());
}

void writeProperties(pugi::xml_node suiteNode, const Suite& suite, const RunResult& run, const JUnitOptions& options) {
    pugi::xml_node properties = suiteNode.append_child("properties");
    addProperty(properties, "wmimock.version",
                options.toolVersion.empty() ? std::string(kVersion) : options.toolVersion);
    addProperty(properties, "target", suite.target);
    addProperty(properties, "namespace", suite.nameSpace);
    addProperty(properties, "class", suite.className);
    const conformance::RunSummary summary = run.summary();
    addProperty(properties, "run.planned", std::to_string(summary.planned));
    addProperty(properties, "run.reported", std::to_string(summary.total));

    std::vector<std::string> instances;
    for (const CheckResult* check : suite.checks) {
        if (!check->instancePath.empty() &&
            std::find(instances.begin(), instances.end(), check->instancePath) == instances.end()) {
            instances.push_back(check->instancePath);
        }
    }
    if (instances.size() == 1) {
        addProperty(properties, "instance", instances.front());
    } else {
        for (std::size_t i = 0; i < instances.size(); ++i) {
            addProperty(properties, "instance." + std::to_string(i + 1), instances[i]);
        }
    }

    // JUnit has no per-testcase properties that every schema allows, so the rule facts go
    // into the suite, keyed by rule ID (level and source are the same for all its checks).
    std::set<std::string> rulesSeen;
    for (const CheckResult* check : suite.checks) {
        if (check->ruleId.empty() || !rulesSeen.insert(check->ruleId).second) continue;
        addProperty(properties, "rule." + check->ruleId + ".level", conformance::toString(check->level));
        if (!check->ruleSource.empty()) addProperty(properties, "rule." + check->ruleId + ".source", check->ruleSource);
    }
    for (std::size_t i = 0; i < suite.checks.size(); ++i) {
        if (suite.checks[i]->outcome == Outcome::Warning) {
            addProperty(properties, "warning." + suite.caseNames[i], outcomeMessage(*suite.checks[i]));
        }
    }
    if (run.interrupted) addProperty(properties, "run.interrupted", "true");
}

std::string checkLog(const CheckResult& check) {
    std::string log;
    if (check.outcome == Outcome::Warning) log += "warning: " + outcomeMessage(check) + "\n";
    for (const std::string& line : check.log) log += line + "\n";
    return log;
}

void writeTestcase(pugi::xml_node suiteNode, const CheckResult& check, const std::string& caseName,
                   const std::string& className, const JUnitOptions& options) {
    pugi::xml_node testcase = suiteNode.append_child("testcase");
    testcase.append_attribute("name").set_value(caseName.c_str());
    testcase.append_attribute("classname").set_value(className.c_str());
    testcase.append_attribute("time").set_value(formatSeconds(check.duration).c_str());
    if (options.fileLine && !check.sourceFile.empty()) {
        testcase.append_attribute("file").set_value(detail::xmlSafe(check.sourceFile).c_str());
        if (check.sourceLine > 0) testcase.append_attribute("line").set_value(check.sourceLine);
    }

    const char* element = nullptr;
    std::string type;
    switch (check.outcome) {
        case Outcome::Fail:
            element = "failure", type = check.ruleId.empty() ? "Failure" : check.ruleId;
            break;
        case Outcome::Error:
        case Outcome::Timeout:
        case Outcome::Crash:
            element = "error", type = errorType(check.outcome);
            break;
        case Outcome::NotSupported:
            element = "skipped";
            break;
        case Outcome::Pass:
        case Outcome::Warning:
            break;
    }
    if (element != nullptr) {
        pugi::xml_node outcome = testcase.append_child(element);
        outcome.append_attribute("message").set_value(outcomeMessage(check).c_str());
        if (!type.empty()) outcome.append_attribute("type").set_value(detail::oneLine(type).c_str());
        setText(outcome, outcomeBody(check));
    }
    if (options.flavor == JUnitFlavor::Jenkins) {
        const std::string log = checkLog(check);
        if (!log.empty()) setText(testcase.append_child("system-out"), log);
    }
}

std::string runNotes(const RunResult& run) {
    std::string notes;
    if (run.interrupted) {
        notes += "run interrupted after " + std::to_string(run.results.size()) + " checks\n";
    }
    for (const std::string& note : run.notes) notes += note + "\n";
    return notes;
}

}  // namespace

std::string stableTargetName(std::string_view spec) {
    if (spec.starts_with("plugin:")) {
        const std::string_view path = spec.substr(7);
        const std::size_t slash = path.find_last_of('/');
        return "plugin:" + std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
    }
    const std::size_t scheme = spec.find("://");
    if (scheme != std::string_view::npos) {
        const std::size_t hostStart = scheme + 3;
        const std::size_t pathStart = std::min(spec.find('/', hostStart), spec.size());
        std::string_view host = spec.substr(hostStart, pathStart - hostStart);
        if (const std::size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
        // The port is the part after the last ':' unless that ':' is inside an IPv6 literal.
        if (const std::size_t colon = host.rfind(':');
            colon != std::string_view::npos && host.find(']', colon) == std::string_view::npos) {
            host = host.substr(0, colon);
        }
        return std::string(spec.substr(0, hostStart)) + std::string(host) + std::string(spec.substr(pathStart));
    }
    return std::string(spec);
}

std::string junitSuiteName(std::string_view prefix, std::string_view target, std::string_view className) {
    std::string name(prefix);
    if (!name.empty()) name += '.';
    return name + dottedPart(target) + "." + dottedPart(className.empty() ? "unknown" : className);
}

std::string writeJUnit(const RunResult& run, const JUnitOptions& options) {
    const std::vector<Suite> suites = groupIntoSuites(run);
    const std::string hostname = options.hostname.empty() ? localHostname() : detail::oneLine(options.hostname);
    const std::string timestamp = formatTimestamp(run.started);
    const bool ant = options.flavor == JUnitFlavor::Ant;

    pugi::xml_document document;
    pugi::xml_node declaration = document.append_child(pugi::node_declaration);
    declaration.append_attribute("version").set_value("1.0");
    declaration.append_attribute("encoding").set_value("UTF-8");
    pugi::xml_node root = document.append_child("testsuites");

    Counts total;
    for (const Suite& suite : suites) {
        const Counts counts = countSuite(suite);
        total.tests += counts.tests, total.failures += counts.failures, total.errors += counts.errors;
        total.skipped += counts.skipped, total.time += counts.time;
    }
    if (!ant) {  // the strict Ant schema allows no attributes on the root
        root.append_attribute("name").set_value(options.suitePrefix.empty() ? "wmimock" : options.suitePrefix.c_str());
        setCount(root, "tests", total.tests);
        setCount(root, "failures", total.failures);
        setCount(root, "errors", total.errors);
        const auto runTime = run.duration.count() > 0 ? run.duration : total.time;
        root.append_attribute("time").set_value(formatSeconds(runTime).c_str());
    }

    const std::string notes = runNotes(run);
    for (std::size_t index = 0; index < suites.size(); ++index) {
        const Suite& suite = suites[index];
        const Counts counts = countSuite(suite);
        const auto named = options.targetNames.find(suite.target);
        const std::string targetName =
            named != options.targetNames.end() ? named->second : stableTargetName(suite.target);
        const std::string suiteName = junitSuiteName(options.suitePrefix, targetName, suite.className);
        pugi::xml_node node = root.append_child("testsuite");
        node.append_attribute("name").set_value(suiteName.c_str());
        if (ant) {
            node.append_attribute("package").set_value(junitSuiteName(options.suitePrefix, targetName, {}).c_str());
            setCount(node, "id", index);
        }
        setCount(node, "tests", counts.tests);
        setCount(node, "failures", counts.failures);
        setCount(node, "errors", counts.errors);
        setCount(node, "skipped", counts.skipped);
        node.append_attribute("time").set_value(formatSeconds(counts.time).c_str());
        node.append_attribute("timestamp").set_value(timestamp.c_str());
        node.append_attribute("hostname").set_value(hostname.c_str());

        writeProperties(node, suite, run, options);
        std::string suiteOut;
        for (std::size_t i = 0; i < suite.checks.size(); ++i) {
            writeTestcase(node, *suite.checks[i], suite.caseNames[i], suiteName, options);
            if (ant) {
                const std::string log = checkLog(*suite.checks[i]);
                for (std::size_t start = 0; start < log.size();) {
                    const std::size_t end = log.find('\n', start);
                    suiteOut += "[" + suite.caseNames[i] + "] " + log.substr(start, end - start) + "\n";
                    start = end + 1;
                }
            }
        }
        // Ant requires both elements; Jenkins allows them. Run notes go to the first suite.
        setText(node.append_child("system-out"), suiteOut);
        setText(node.append_child("system-err"), index == 0 ? notes : std::string());
    }

    std::ostringstream out;
    document.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
    return out.str();
}

void writeJUnitFile(const std::filesystem::path& file, const RunResult& run, const JUnitOptions& options) {
    writeReport(file, writeJUnit(run, options));
}

}  // namespace wmimock::reports
