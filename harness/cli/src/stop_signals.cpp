#include "stop_signals.hpp"

#include <csignal>

namespace wmimock::cli {

namespace {

volatile std::sig_atomic_t gReceived = 0;
struct sigaction gPreviousInt {};
struct sigaction gPreviousTerm {};
struct sigaction gPreviousPipe {};

extern "C" void onStopSignal(int signal) {
    gReceived = signal;
}

}  // namespace

StopSignals::StopSignals() {
    gReceived = 0;
    struct sigaction action {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;  // the second signal takes the default action
    sigaction(SIGINT, &action, &gPreviousInt);
    sigaction(SIGTERM, &action, &gPreviousTerm);
    // A pipe to an isolated child that has already ended must cost at most that check, not
    // the run: with SIGPIPE ignored the write fails with EPIPE and the runner carries on.
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGPIPE, &ignore, &gPreviousPipe);
}

StopSignals::~StopSignals() {
    sigaction(SIGINT, &gPreviousInt, nullptr);
    sigaction(SIGTERM, &gPreviousTerm, nullptr);
    sigaction(SIGPIPE, &gPreviousPipe, nullptr);
}

int StopSignals::received() noexcept {
    return gReceived;
}

}  // namespace wmimock::cli
