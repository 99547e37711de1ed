// An interrupted run: SIGINT while `wmimock conform` waits on a hanging implementation. The
// JUnit file must be valid and hold the checks that finished, and the exit code say why.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <thread>

#include "cli_test_support.hpp"

extern char** environ;

namespace wmimock::test {
namespace {

// The testcases in `file` if it parses as a report, -1 otherwise.
long finishedChecks(const std::filesystem::path& file) {
    pugi::xml_document document;
    if (!document.load_file(file.c_str())) return -1;
    return static_cast<long>(document.select_nodes("//testcase").size());
}

TEST(CliInterrupt, SigintLeavesAValidReportOfTheFinishedChecks) {
    const ScratchDir dir("cli-interrupt");
    const auto junit = dir / "junit.xml";
    // RSC checks only: RSC-008 is the one faulty-hangs blocks in.
    const std::string filter = "RSC-*";
    const auto listed = runWmimockStdout("conform --list --format json --target builtin:reference --filter " + filter);
    ASSERT_EQ(listed.exitCode, 0);
    const long referenceChecks = static_cast<long>(nlohmann::json::parse(listed.output).size());
    const auto all = runWmimockStdout("conform --list --format json --target builtin:reference --target " +
                                      std::string("builtin:faulty-hangs --filter ") + filter);
    const long allChecks = static_cast<long>(nlohmann::json::parse(all.output).size());

    // The reference runs first and fast; faulty-hangs then blocks one check for --timeout.
    std::vector<std::string> args = {
        WMIMOCK_CLI, "conform", "--quiet",   "--target", "builtin:reference", "--target",    "builtin:faulty-hangs",
        "--filter",  filter,    "--timeout", "3",        "--junit",           junit.string()};
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const std::string log = (dir / "output.txt").string();
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    pid_t pid = 0;
    ASSERT_EQ(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);

    // Wait (bounded) until the reference's checks are on disk; no timing is asserted.
    int status = 0;
    bool exitedEarly = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (finishedChecks(junit) < referenceChecks && std::chrono::steady_clock::now() < deadline) {
        if (waitpid(pid, &status, WNOHANG) == pid) {
            exitedEarly = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ASSERT_FALSE(exitedEarly) << "wmimock ended before it was interrupted:\n" << readFile(log);
    ASSERT_EQ(kill(pid, SIGINT), 0);
    ASSERT_EQ(waitpid(pid, &status, 0), pid);

    ASSERT_TRUE(WIFEXITED(status)) << "ended by signal " << WTERMSIG(status);
    EXPECT_EQ(WEXITSTATUS(status), 130) << readFile(log);
    EXPECT_THAT(readFile(log), ::testing::HasSubstr("interrupted:"));

    const long finished = finishedChecks(junit);
    EXPECT_GE(finished, referenceChecks);
    EXPECT_LT(finished, allChecks) << "the run was not cut short";
    pugi::xml_document document;
    ASSERT_TRUE(document.load_file(junit.c_str()));
    EXPECT_TRUE(document.select_node("//property[@name='run.interrupted' and @value='true']"));
    if (const auto schemas = junitSchemaDir(); schemas && haveProgram("xmllint")) {
        const auto valid = validateWithXmllint(*schemas / kJenkinsSchema, junit);
        EXPECT_EQ(valid.exitCode, 0) << valid.output;
    }
}

}  // namespace
}  // namespace wmimock::test
