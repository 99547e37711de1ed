// Running the built `wmimock` from the CLI tests.
#pragma once

#include <string>

#include "support/test_support.hpp"

namespace wmimock::test {

/// Runs `wmimock ARGS` (ARGS already shell-quoted where needed) with colour off.
inline CommandResult runWmimock(const std::string& arguments) {
    return runShell("NO_COLOR=1 " + shellQuote(WMIMOCK_CLI) + " " + arguments);
}

/// Same, stdout only (stderr to /dev/null): for output that must parse.
inline CommandResult runWmimockStdout(const std::string& arguments) {
    return runShell("NO_COLOR=1 " + shellQuote(WMIMOCK_CLI) + " " + arguments + " 2>/dev/null");
}

}  // namespace wmimock::test
