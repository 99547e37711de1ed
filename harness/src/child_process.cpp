#include "child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include "wmimock/cim/error.hpp"

namespace wmimock::harness {
namespace {

std::string signalName(int sig) {
    const char* abbrev = sigabbrev_np(sig);
    return std::to_string(sig) + (abbrev != nullptr ? " (SIG" + std::string(abbrev) + ")" : std::string());
}

void closeFd(int& fd) {
    if (fd >= 0) {
        ::close(fd);
        fd = -1;
    }
}

std::string describeStatus(int status) {
    if (WIFSIGNALED(status)) return "killed by signal " + signalName(WTERMSIG(status));
    return "exited with code " + std::to_string(WEXITSTATUS(status));
}

}  // namespace

void ChildChannel::send(std::string_view line) {
    std::string data(line);
    data += '\n';
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(reportFd_, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            ::_exit(0);  // the parent is gone: nobody to report to
        }
        done += static_cast<std::size_t>(n);
    }
}

bool ChildChannel::stopRequested() {
    if (stop_) return true;
    char c = 0;
    const ssize_t n = ::read(controlFd_, &c, 1);
    if (n >= 0) stop_ = true;  // end of file: the parent closed the control pipe (or is gone)
    return stop_;
}

ChildProcess::ChildProcess(const std::function<void(ChildChannel&)>& body) {
    int report[2];
    int control[2];
    if (::pipe2(report, O_CLOEXEC) != 0) {
        throw EnvironmentError(std::string("cannot create a pipe: ") + std::strerror(errno));
    }
    if (::pipe2(control, O_CLOEXEC) != 0) {
        ::close(report[0]);
        ::close(report[1]);
        throw EnvironmentError(std::string("cannot create a pipe: ") + std::strerror(errno));
    }
    const pid_t parent = ::getpid();
    pid_ = ::fork();
    if (pid_ < 0) {
        for (const int fd : {report[0], report[1], control[0], control[1]}) ::close(fd);
        throw EnvironmentError(std::string("cannot fork: ") + std::strerror(errno));
    }
    if (pid_ == 0) {
        ::close(report[0]);
        ::close(control[1]);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(0);
        std::signal(SIGINT, SIG_IGN);
        std::signal(SIGTERM, SIG_IGN);
        std::signal(SIGPIPE, SIG_IGN);
        ::fcntl(control[0], F_SETFL, O_NONBLOCK);
        int code = 0;
        try {
            ChildChannel channel(report[1], control[0]);
            body(channel);
        } catch (...) {
            code = 70;
        }
        ::_exit(code);
    }
    ::close(report[1]);
    ::close(control[0]);
    reportFd_ = report[0];
    controlFd_ = control[1];
}

ChildProcess::~ChildProcess() {
    if (!ended_) kill();
    closeFd(reportFd_);
    closeFd(controlFd_);
}

ChildProcess::Read ChildProcess::readLine(std::string& line, std::chrono::steady_clock::time_point deadline) {
    for (;;) {
        if (const auto nl = buffer_.find('\n'); nl != std::string::npos) {
            line = buffer_.substr(0, nl);
            buffer_.erase(0, nl + 1);
            return Read::Line;
        }
        if (reportFd_ < 0) return Read::Closed;
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return Read::Timeout;
        pollfd p{reportFd_, POLLIN, 0};
        const int r = ::poll(&p, 1, static_cast<int>(left.count()) + 1);
        if (r < 0 && errno != EINTR) return Read::Closed;
        if (r <= 0) continue;
        char chunk[65536];
        const ssize_t n = ::read(reportFd_, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            closeFd(reportFd_);
            buffer_.clear();  // a last line without newline: the child died mid-write
            return Read::Closed;
        }
        buffer_.append(chunk, static_cast<std::size_t>(n));
    }
}

void ChildProcess::requestStop() {
    // Closing, not writing: the child reads end of file as a stop request, and a write to a
    // child that already exited would raise SIGPIPE in a caller that does not ignore it.
    closeFd(controlFd_);
}

void ChildProcess::kill() {
    if (pid_ > 0 && !ended_) {
        ::kill(pid_, SIGKILL);
        wait();
    }
}

std::string ChildProcess::wait() {
    if (ended_) return *ended_;
    int status = 0;
    pid_t r = -1;
    do {
        r = ::waitpid(pid_, &status, 0);
    } while (r < 0 && errno == EINTR);
    ended_ = r < 0 ? std::string("could not be reaped") : describeStatus(status);
    closeFd(reportFd_);
    return *ended_;
}

}  // namespace wmimock::harness
