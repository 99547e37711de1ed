// JUnit XML for a conformance run, in the shapes CI systems read.
//
//   <testsuites>                                 one document per run
//     <testsuite name="wmimock.conformance.builtin_reference.WMIMock_Service" ...>
//       <properties>                             target, namespace, class, instance,
//                                                wmimock version, rule levels and sources
//       <testcase name="SS-001 successful StopService returns 0"
//                 classname="wmimock.conformance.builtin_reference.WMIMock_Service" time="0.004">
//         <failure type="SS-001" message="...">message, expected, actual, evidence</failure>
//
// Outcomes map to exactly one child element: fail -> <failure type=RULE-ID>, error /
// timeout / crash -> <error type=HarnessError|Timeout|Crash>, not-supported -> <skipped>,
// pass and warning -> none (a warning is recorded as a property and in the log). The reason
// is in both the message attribute and the body, because GitLab shows only the body.
//
// Flavors:
//  - Jenkins (default): validates against the Jenkins xunit plugin's junit-10.xsd; each
//    testcase carries its log lines in <system-out>.
//  - Ant: also validates against the strict Apache Ant schema (windyroad JUnit.xsd): root
//    without attributes, every testsuite with package, id, properties, system-out and
//    system-err, testcases with a single outcome child; log lines move to the suite's
//    <system-out>, prefixed with the testcase name.
//  - fileLine (either flavor): testcase@file/@line point at the check's source, which GitHub
//    annotators read; neither schema allows them, so the xunit plugin drops such files.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "wmimock/conformance/result.hpp"

namespace wmimock::reports {

enum class JUnitFlavor { Jenkins, Ant };
std::string_view toString(JUnitFlavor flavor) noexcept;  // "jenkins", "ant"
/// Accepts "jenkins", "default", "xunit" and "ant" (case-insensitive).
std::optional<JUnitFlavor> parseJUnitFlavor(std::string_view text) noexcept;

struct JUnitOptions {
    JUnitFlavor flavor = JUnitFlavor::Jenkins;
    bool fileLine = false;    ///< add testcase@file/@line (breaks both schemas)
    std::string hostname;     ///< empty: localHostname()
    std::string toolVersion;  ///< empty: wmimock's own version
    std::string suitePrefix = "wmimock.conformance";
    /// Stable names to use for targets instead of stableTargetName(spec), by spec
    /// (`wmimock conform --target-name`).
    std::map<std::string, std::string> targetNames;
};

/// A target's name that stays the same from one CI run to the next, for suite names and
/// testcase classnames: "builtin:reference" -> "builtin:reference", "plugin:/abs/libx.so" ->
/// "plugin:libx.so" (no directory), "http://h:5988/root/cimv2" -> "http://h/root/cimv2" (no
/// port: tests often use ephemeral ones).
std::string stableTargetName(std::string_view spec);

/// The stable dotted name of the suite holding a target's checks on a class:
/// "<prefix>.<target>.<class>" with every character outside [A-Za-z0-9_-] of the target
/// and class replaced by '_' ("builtin:reference" -> "builtin_reference"). `target` is a
/// stable name (stableTargetName), not necessarily the spec.
std::string junitSuiteName(std::string_view prefix, std::string_view target, std::string_view className);

/// The whole report as UTF-8 XML. Text that XML cannot carry (control characters, invalid
/// UTF-8) is replaced, so any CheckResult yields a well-formed document.
std::string writeJUnit(const conformance::RunResult& run, const JUnitOptions& options = {});

/// writeJUnit() into `file`, atomically (see atomic_file.hpp).
void writeJUnitFile(const std::filesystem::path& file, const conformance::RunResult& run,
                    const JUnitOptions& options = {});

}  // namespace wmimock::reports
