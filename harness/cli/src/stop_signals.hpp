// SIGINT/SIGTERM during a conformance run: the first one asks the runner to stop after the
// check in progress (the reports are then completed); the handler resets itself, so a
// second one ends the process at once — the JUnit file on disk stays valid either way,
// because it is replaced atomically after every check. SIGPIPE is ignored meanwhile.
#pragma once

namespace wmimock::cli {

class StopSignals {
public:
    StopSignals();   ///< installs the handlers
    ~StopSignals();  ///< restores the previous ones
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

    /// The signal received, 0 if none.
    static int received() noexcept;
};

}  // namespace wmimock::cli
