#include "test_support.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace wmimock::test {

CommandResult runShell(const std::string& command) {
    CommandResult result;
    const std::string withStderr = "(" + command + ") 2>&1";
    FILE* pipe = ::popen(withStderr.c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("popen failed for: " + command);
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
    const int status = ::pclose(pipe);
    if (WIFEXITED(status)) result.exitCode = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result.exitCode = 128 + WTERMSIG(status);
    return result;
}

std::string shellQuote(const std::string& text) {
    std::string quoted = "'";
    for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

bool haveProgram(const std::string& program) {
    return runShell("command -v " + shellQuote(program) + " >/dev/null").exitCode == 0;
}

ScratchDir::ScratchDir(const std::string& name) {
    path_ = std::filesystem::path(WMIMOCK_BINARY_DIR) / "test-scratch" / (name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
}

ScratchDir::~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

void writeFile(const std::filesystem::path& file, const std::string& content) {
    std::ofstream out(file, std::ios::binary);
    out << content;
    if (!out) throw std::runtime_error("cannot write " + file.string());
}

std::optional<std::filesystem::path> junitSchemaDir() {
    const std::filesystem::path dir = std::filesystem::path(WMIMOCK_SHARED_DIR) / "data" / "junit";
    if (std::filesystem::exists(dir / kJenkinsSchema) && std::filesystem::exists(dir / kAntSchema)) return dir;
    return std::nullopt;
}

CommandResult validateWithXmllint(const std::filesystem::path& schema, const std::filesystem::path& file) {
    return runShell("xmllint --noout --schema " + shellQuote(schema.string()) + " " + shellQuote(file.string()));
}

conformance::CheckResult makeCheck(std::string ruleId, conformance::Outcome outcome, std::string message,
                                   std::string target) {
    conformance::CheckResult check;
    check.ruleId = std::move(ruleId);
    check.title = "check of " + check.ruleId;
    check.level = conformance::Level::Must;
    check.ruleSource = "SVC; HV-SS";
    check.outcome = outcome;
    check.message = std::move(message);
    check.target = std::move(target);
    check.nameSpace = "root/cimv2";
    check.className = "WMIMock_Service";
    check.instancePath = "root/cimv2:WMIMock_Service.Name=\"svc\"";
    check.duration = std::chrono::duration<double>(0.0123456);
    check.sourceFile = "conformance/src/checks/stop_service_checks.cpp";
    check.sourceLine = 42;
    return check;
}

conformance::RunResult everyOutcomeRun() {
    using conformance::Outcome;
    conformance::RunResult run;
    run.started = std::chrono::system_clock::time_point(std::chrono::seconds(1767225600));  // 2026-01-01
    run.duration = std::chrono::duration<double>(1.5);
    run.results.push_back(makeCheck("SS-001", Outcome::Pass));
    run.results.push_back(makeCheck("SS-002", Outcome::Warning, "Started stays TRUE for 2 s"));
    run.results.back().level = conformance::Level::Should;
    run.results.push_back(makeCheck("SS-003", Outcome::NotSupported, "StopService is not implemented (returns 1)"));
    auto fail = makeCheck("SS-004", Outcome::Fail, "StopService returned 2, the rule wants 0");
    fail.expected = "ReturnValue = 0";
    fail.actual = "ReturnValue = 2";
    fail.evidence = {"InvokeMethod StopService on root/cimv2:WMIMock_Service.Name=\"svc\" -> 2",
                     "before: Started=TRUE State=\"Running\"", "after: Started=TRUE State=\"Running\""};
    fail.log = {"calling StopService", "returned 2"};
    run.results.push_back(fail);
    run.results.push_back(makeCheck("SS-005", Outcome::Error, "GetInstance failed: CIM_ERR_FAILED"));
    run.results.push_back(makeCheck("SS-006", Outcome::Timeout, "no answer within 10 s", "builtin:faulty-hangs"));
    run.results.back().className = "WMIMock_HangingService";
    run.results.push_back(
        makeCheck("SS-007", Outcome::Crash, "provider process killed by SIGSEGV", "plugin:/opt/x/libprovider.so"));
    run.notes = {"restored root/cimv2:WMIMock_Service.Name=\"svc\""};
    return run;
}

}  // namespace wmimock::test
