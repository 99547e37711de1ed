// spdlog to stderr, at the level --log-level or WMIMOCK_LOG_LEVEL asks for (default: warn).
#pragma once

#include <string>

namespace wmimock::cli {

/// Installs the stderr logger. `level` empty: WMIMOCK_LOG_LEVEL, else "warn".
/// Unknown level -> CimError(InvalidParameter).
void setUpLogging(const std::string& level);

/// The accepted level names, for --help.
inline constexpr const char* kLogLevels = "trace, debug, info, warn, error, critical, off";

}  // namespace wmimock::cli
