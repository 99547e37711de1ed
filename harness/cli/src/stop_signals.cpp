#include "stop_signals.hpp"

#include <csignal>

namespace wmimock::cli {

namespace {

volatile std::sig_atomic_t gReceived = 0;
struct sigaction gPreviousInt {};
struct sigaction gPreviousTerm {};

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
}

StopSignals::~StopSignals() {
    sigaction(SIGINT, &gPreviousInt, nullptr);
    sigaction(SIGTERM, &gPreviousTerm, nullptr);
}

int StopSignals::received() noexcept {
    return gReceived;
}

}  // namespace wmimock::cli
