// The exit codes of every wmimock command (documented in --help and docs/cli.md).
#pragma once

namespace wmimock::cli::exit_code {

inline constexpr int kSuccess = 0;          ///< every check passed (skips and warnings allowed)
inline constexpr int kChecksFailed = 1;     ///< a check failed, errored, timed out or crashed
inline constexpr int kOperationFailed = 1;  ///< get/enum/...: the target refused or could not be reached
inline constexpr int kBadInput = 2;         ///< bad usage or input: options, MOF, unknown target
inline constexpr int kInternalError = 3;    ///< a bug or an environment problem in wmimock itself

/// After SIGINT/SIGTERM the reports are completed and the process exits 128 + signal
/// (130 / 143), as shells report a process ended by that signal.
constexpr int interruptedBy(int signal) noexcept {
    return 128 + signal;
}

inline constexpr const char* kHelpText =
    "Exit codes:\n"
    "  0    all checks passed (not-supported and warnings allowed); other commands: success\n"
    "  1    at least one check failed, errored, timed out or crashed\n"
    "  2    bad usage or bad input (unknown option or target, MOF error, no such class)\n"
    "  3    internal error\n"
    "  130  interrupted by SIGINT (143: SIGTERM); the reports hold the checks that finished\n";

}  // namespace wmimock::cli::exit_code
