// A forked child that reports to its parent line by line over a pipe, with a control pipe
// back, a deadline-bounded read and a kill switch: the isolation the runner builds on.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace wmimock::harness {

/// The child's side: send lines, look for a stop request.
class ChildChannel {
public:
    ChildChannel(int reportFd, int controlFd) : reportFd_(reportFd), controlFd_(controlFd) {}
    /// Writes one line (a newline is appended). Exits the child if the parent is gone.
    void send(std::string_view line);
    /// True once the parent asked the child to stop (non-blocking).
    bool stopRequested();

private:
    int reportFd_;
    int controlFd_;
    bool stop_ = false;
};

class ChildProcess {
public:
    /// Forks; the child runs `body` and exits with _exit(0) (exit code 70 if it throws),
    /// never returning into the caller's stack. SIGINT/SIGTERM are ignored in the child (the
    /// parent decides when to stop) and it dies with its parent. Throws CimError(Failed) if
    /// fork or pipe fails.
    explicit ChildProcess(const std::function<void(ChildChannel&)>& body);
    ~ChildProcess();  ///< kills and reaps a child still running
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    enum class Read { Line, Timeout, Closed };
    /// Next line (without the newline), waiting at most until `deadline`.
    Read readLine(std::string& line, std::chrono::steady_clock::time_point deadline);
    /// Asks the child to stop between checks (closes the control pipe; never raises SIGPIPE).
    void requestStop();
    /// SIGKILL and reap.
    void kill();
    /// Reaps the child and describes how it ended: "exited with code 0", "killed by signal 11 (SIGSEGV)".
    std::string wait();

private:
    pid_t pid_ = -1;
    int reportFd_ = -1;
    int controlFd_ = -1;
    std::string buffer_;
    std::optional<std::string> ended_;
};

}  // namespace wmimock::harness
