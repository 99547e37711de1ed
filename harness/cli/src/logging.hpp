// spdlog to stderr, at the level --log-level or WMIMOCK_LOG_LEVEL asks for (default: warn).
#pragma once

#include <string>

namespace wmimock::cli {

/// Installs the stderr loggers (wmimock's and the fake CIMOM's operation trace). `level`
/// empty: WMIMOCK_LOG_LEVEL, else the command's default ("info" for serve's request log,
/// "warn" otherwise). Unknown level -> CimError(InvalidParameter).
void setUpLogging(const std::string& level, const std::string& commandDefault = "warn");

/// The accepted level names, for --help.
inline constexpr const char* kLogLevels = "trace, debug, info, warn, error, critical, off";

}  // namespace wmimock::cli
