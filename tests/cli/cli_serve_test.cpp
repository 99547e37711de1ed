// `wmimock serve`: a built-in target answers a CIM-XML client, its simulated time follows
// real time (an asynchronous job served over HTTP finishes), and SIGTERM stops it cleanly.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
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

/// A running `wmimock serve --listen 127.0.0.1:0 --target TARGET`: its stdout comes through
/// a pipe, read until it names the URL it serves; stderr goes to a log for diagnostics.
class ServeProcess {
public:
    ServeProcess(const ScratchDir& dir, const std::string& target, std::chrono::seconds startLimit)
        : log_((dir / "serve-stderr.txt").string()) {
        std::vector<std::string> args = {WMIMOCK_CLI, "serve", "--listen", "127.0.0.1:0", "--target", target};
        std::vector<char*> argv;
        for (auto& arg : args) argv.push_back(arg.data());
        argv.push_back(nullptr);
        int pipeFds[2];
        if (::pipe(pipeFds) != 0) return;
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDOUT_FILENO);
        posix_spawn_file_actions_addclose(&actions, pipeFds[0]);
        posix_spawn_file_actions_addclose(&actions, pipeFds[1]);
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
        posix_spawn_file_actions_destroy(&actions);
        ::close(pipeFds[1]);
        stdout_ = pipeFds[0];
        if (pid_ > 0) awaitUrl(target, startLimit);
    }
    ~ServeProcess() {
        if (pid_ > 0 && stop() < 0) ADD_FAILURE() << "wmimock serve did not stop";
        if (stdout_ >= 0) ::close(stdout_);
    }
    ServeProcess(const ServeProcess&) = delete;
    ServeProcess& operator=(const ServeProcess&) = delete;

    /// "http://127.0.0.1:PORT/NAMESPACE", empty when the server did not come up.
    const std::string& url() const noexcept { return url_; }
    /// Everything read from stdout and stderr so far, for failure messages.
    std::string output() const { return stdoutText_ + readFile(log_); }

    /// SIGTERM, then the wait for the exit: the exit code, or -1 when it ended by a signal.
    int stop() {
        int status = 0;
        if (::kill(pid_, SIGTERM) != 0 || ::waitpid(pid_, &status, 0) != pid_) return -1;
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

private:
    void awaitUrl(const std::string& target, std::chrono::seconds limit) {
        const std::regex serving("serving " + target + R"( at (http://127\.0\.0\.1:[0-9]+/\S+))");
        const auto deadline = std::chrono::steady_clock::now() + limit;
        std::smatch match;
        while (!std::regex_search(stdoutText_, match, serving)) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            pollfd descriptor{stdout_, POLLIN, 0};
            if (left.count() <= 0 || ::poll(&descriptor, 1, static_cast<int>(left.count())) <= 0) return;
            char buffer[512];
            const ssize_t n = ::read(stdout_, buffer, sizeof buffer);
            if (n <= 0) return;  // the server ended before it was serving
            stdoutText_.append(buffer, static_cast<std::size_t>(n));
        }
        url_ = match[1];
    }

    std::string log_;
    pid_t pid_ = -1;
    int stdout_ = -1;
    std::string stdoutText_;
    std::string url_;
};

cimxml::CimXmlClient clientFor(const std::string& url) {
    cimxml::ClientOptions options;
    options.url = url;
    return cimxml::CimXmlClient(options);
}

std::uint64_t numberProperty(const Instance& instance, std::string_view name) {
    const Value* value = instance.find(name);
    return value != nullptr && !value->isNull() ? value->asUint64() : ~std::uint64_t{0};
}

TEST(CliServe, ServesABuiltinTargetOverCimXmlUntilSigterm) {
    const ScratchDir dir("cli-serve");
    ServeProcess serve(dir, "builtin:reference", std::chrono::seconds(60));
    ASSERT_FALSE(serve.url().empty()) << serve.output();
    {
        const services::BuiltinInfo* reference = services::findBuiltin("reference");
        ASSERT_NE(reference, nullptr);
        auto client = clientFor(serve.url());
        const auto names = client.enumerateInstanceNames(reference->nameSpace, reference->className);
        EXPECT_FALSE(names.empty()) << "no " << reference->className << " instance served at " << serve.url();
    }
    EXPECT_EQ(serve.stop(), 0) << serve.output();
}

// Simulations run on a ManualClock: `serve` must advance it in real time, or the job a
// remote client waits for would never finish. The default hyperv transition takes 500 ms.
TEST(CliServe, ServedJobsFinishInRealTime) {
    const ScratchDir dir("cli-serve-job");
    ServeProcess serve(dir, "builtin:hyperv", std::chrono::seconds(60));
    ASSERT_FALSE(serve.url().empty()) << serve.output();
    const services::BuiltinInfo* hyperv = services::findBuiltin("hyperv");
    ASSERT_NE(hyperv, nullptr);
    auto client = clientFor(serve.url());
    const auto services = client.enumerateInstanceNames(hyperv->nameSpace, hyperv->className);
    ASSERT_FALSE(services.empty()) << serve.output();
    const ObjectPath& service = services.front();

    const MethodResult result =
        client.invokeMethod(service, "RequestStateChange", {{"RequestedState", Value::uint16(3)}});
    ASSERT_EQ(result.returnValue.asUint64(), 4096u) << "hyperv answers RequestStateChange with a job";
    const Value* job = result.out("Job");
    ASSERT_TRUE(job != nullptr && !job->isNull()) << "no Job reference";
    const ObjectPath jobPath = job->asReference();

    // A bounded real-time wait: the server's clock is the only thing that can finish the job.
    std::uint64_t jobState = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
        jobState = numberProperty(client.getInstance(jobPath), "JobState");
        if (jobState != 2 && jobState != 4) break;  // neither New nor Running
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_EQ(jobState, 7u) << "the job did not complete (7) within 10 s";
    EXPECT_EQ(numberProperty(client.getInstance(service), "EnabledState"), 3u) << "the service is not Disabled";
    EXPECT_EQ(serve.stop(), 0) << serve.output();
}

TEST(CliServe, RefusesTargetsItCannotServe) {
    EXPECT_EQ(runWmimock("serve --target http://127.0.0.1:1/root/cimv2").exitCode, 2);
    EXPECT_EQ(runWmimock("serve --listen 127.0.0.1:notaport").exitCode, 2);
}

}  // namespace
}  // namespace wmimock::test
