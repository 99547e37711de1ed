// `wmimock serve`: a built-in target answers a CIM-XML client, and SIGTERM stops it cleanly.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <regex>
#include <thread>

#include "cli_test_support.hpp"
#include "wmimock/cimxml/client.hpp"
#include "wmimock/services/builtin.hpp"

extern char** environ;

namespace wmimock::test {
namespace {

TEST(CliServe, ServesABuiltinTargetOverCimXmlUntilSigterm) {
    const ScratchDir dir("cli-serve");
    const std::string log = (dir / "serve.txt").string();
    std::vector<std::string> args = {WMIMOCK_CLI, "serve", "--listen", "127.0.0.1:0", "--target", "builtin:reference"};
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    pid_t pid = 0;
    ASSERT_EQ(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);

    // The ephemeral port is printed as "serving builtin:reference at http://127.0.0.1:PORT/NS".
    const std::regex serving(R"(serving builtin:reference at (http://127\.0\.0\.1:[0-9]+/\S+))");
    std::smatch match;
    std::string output;
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!std::regex_search(output, match, serving) && std::chrono::steady_clock::now() < deadline) {
        ASSERT_NE(waitpid(pid, &status, WNOHANG), pid) << "wmimock serve ended early:\n" << readFile(log);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        output = readFile(log);
    }
    ASSERT_TRUE(std::regex_search(output, match, serving)) << output;
    const std::string url = match[1];

    {
        const services::BuiltinInfo* reference = services::findBuiltin("reference");
        ASSERT_NE(reference, nullptr);
        cimxml::ClientOptions options;
        options.url = url;
        cimxml::CimXmlClient client(options);
        const auto names = client.enumerateInstanceNames(reference->nameSpace, reference->className);
        EXPECT_FALSE(names.empty()) << "no " << reference->className << " instance served at " << url;
    }

    ASSERT_EQ(kill(pid, SIGTERM), 0);
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status)) << "ended by signal " << WTERMSIG(status);
    EXPECT_EQ(WEXITSTATUS(status), 0) << readFile(log);
}

TEST(CliServe, RefusesTargetsItCannotServe) {
    EXPECT_EQ(runWmimock("serve --target http://127.0.0.1:1/root/cimv2").exitCode, 2);
    EXPECT_EQ(runWmimock("serve --listen 127.0.0.1:notaport").exitCode, 2);
}

}  // namespace
}  // namespace wmimock::test
