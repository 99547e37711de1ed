// A `wmimock serve` child process for tests: started on an ephemeral port, its URL read from
// stdout, stopped with SIGTERM. Header-only: each test executable that serves includes it.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "support/test_support.hpp"

extern char** environ;

namespace wmimock::test {

/// A running `wmimock serve --listen 127.0.0.1:0 --target TARGET`: its stdout comes through
/// a pipe, read until it names the URL it serves; stderr goes to a log for diagnostics.
class ServeProcess {
public:
    /// `extra` arguments follow the target, e.g. {"--sim-option", "transition_ms=50"}.
    ServeProcess(const ScratchDir& dir, const std::string& target, std::chrono::seconds startLimit,
                 std::vector<std::string> extra = {})
        : log_((dir / "serve-stderr.txt").string()) {
        std::vector<std::string> args = {WMIMOCK_CLI, "serve", "--listen", "127.0.0.1:0", "--target", target};
        args.insert(args.end(), extra.begin(), extra.end());
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
        if (pid_ > 0) stop();
        if (stdout_ >= 0) ::close(stdout_);
    }
    ServeProcess(const ServeProcess&) = delete;
    ServeProcess& operator=(const ServeProcess&) = delete;

    /// "http(s)://127.0.0.1:PORT/NAMESPACE", empty when the server did not come up.
    const std::string& url() const noexcept { return url_; }
    /// Everything read from stdout and stderr so far, for failure messages.
    std::string output() const { return stdoutText_ + readFile(log_); }

    /// SIGTERM, then the wait for the exit: the exit code, or -1 when it ended by a signal
    /// (before or because of the SIGTERM). A server that ignores SIGTERM for kStopLimit is
    /// killed, and that is -1 too: a broken shutdown fails the test instead of hanging it.
    int stop() {
        static constexpr std::chrono::seconds kStopLimit{15};
        if (pid_ <= 0) return -1;
        const pid_t pid = pid_;
        pid_ = -1;
        ::kill(pid, SIGTERM);  // fails harmlessly when the server already died
        int status = 0;
        const auto deadline = std::chrono::steady_clock::now() + kStopLimit;
        pid_t reaped = 0;
        while ((reaped = ::waitpid(pid, &status, WNOHANG)) == 0 && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        if (reaped == 0) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
        }
        return reaped == pid && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    /// The server is still running (not exited, not killed); reaps it when it is gone.
    bool running() {
        if (pid_ <= 0) return false;
        if (::waitpid(pid_, nullptr, WNOHANG) != pid_) return true;
        pid_ = -1;
        return false;
    }

private:
    void awaitUrl(const std::string& target, std::chrono::seconds limit) {
        const std::regex serving("serving " + target + R"( at (https?://127\.0\.0\.1:[0-9]+/\S+))");
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

}  // namespace wmimock::test
