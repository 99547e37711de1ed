// Helpers shared by the reports and CLI tests: child processes, scratch directories, the
// JUnit schemas from ../shared and a RunResult with every outcome in it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "wmimock/conformance/result.hpp"

namespace wmimock::test {

struct CommandResult {
    int exitCode = -1;   ///< the exit status, or 128 + signal when killed
    std::string output;  ///< stdout and stderr, interleaved
};

/// Runs `command` through /bin/sh (stdout and stderr captured together).
CommandResult runShell(const std::string& command);

/// Quotes `text` for /bin/sh.
std::string shellQuote(const std::string& text);

/// True if `program` is on PATH.
bool haveProgram(const std::string& program);

/// A fresh directory under the build tree, removed with everything in it on destruction.
class ScratchDir {
public:
    explicit ScratchDir(const std::string& name);
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::filesystem::path& path() const noexcept { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

std::string readFile(const std::filesystem::path& file);
void writeFile(const std::filesystem::path& file, const std::string& content);

/// ../shared/data/junit when present.
std::optional<std::filesystem::path> junitSchemaDir();
inline constexpr const char* kJenkinsSchema = "jenkins-xunit-junit-10.xsd";
inline constexpr const char* kAntSchema = "windyroad-JUnit.xsd";

/// xmllint --noout --schema SCHEMA FILE.
CommandResult validateWithXmllint(const std::filesystem::path& schema, const std::filesystem::path& file);

/// One check of every outcome (pass, warning, not-supported, fail, error, timeout, crash),
/// on two targets, with evidence and log lines.
conformance::RunResult everyOutcomeRun();

conformance::CheckResult makeCheck(std::string ruleId, conformance::Outcome outcome, std::string message = {},
                                   std::string target = "builtin:reference");

}  // namespace wmimock::test
