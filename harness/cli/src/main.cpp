// wmimock: a fake CIMOM and the CIM_Service.StopService / RequestStateChange conformance
// suite on the command line. Each subcommand lives in its own file; this one parses, runs
// the chosen command and turns exceptions into the documented exit codes.
#include <poll.h>
#include <unistd.h>

#include <csignal>
#include <exception>
#include <initializer_list>
#include <iostream>
#include <memory>
#include <vector>

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "conform_command.hpp"
#include "exit_codes.hpp"
#include "logging.hpp"
#include "mof_command.hpp"
#include "rules_command.hpp"
#include "serve_command.hpp"
#include "targets_command.hpp"
#include "wbem_command.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/version.hpp"

namespace {

constexpr const char* kExamples = R"(Examples:
  wmimock conform                                  run the suite against builtin:reference
  wmimock conform --target builtin:faulty-stays-started --junit conformance.xml --summary summary.md
  wmimock targets                                  the built-in implementations
  wmimock rules --format json                      the rules catalog
  wmimock mof check -I schema/ provider.mof        compile MOF, errors as file:line:col
  wmimock serve --listen 127.0.0.1:5988            the fake CIMOM over CIM-XML
  wmimock enum builtin:win32 Win32_Service         what a target answers (also get, names,
                                                   invoke, query, classes, class)

Run `wmimock COMMAND --help` for a command's options.
Environment: WMIMOCK_LOG_LEVEL (like --log-level), NO_COLOR, GTEST_SHARD_INDEX/GTEST_TOTAL_SHARDS.

)";

/// A reader that closed our standard output (`wmimock conform | head -2`).
bool stdoutReaderGone() {
    pollfd fd{STDOUT_FILENO, POLLOUT, 0};
    return ::poll(&fd, 1, 0) == 1 && (fd.revents & POLLERR) != 0;
}

/// Ends as a program killed by SIGPIPE, which shells treat as a quiet, normal end of a
/// pipeline (status 141), instead of reporting an error nobody asked for.
[[noreturn]] void endLikeSigpipe() {
    std::signal(SIGPIPE, SIG_DFL);
    std::raise(SIGPIPE);
    _exit(128 + SIGPIPE);
}

}  // namespace

int main(int argc, char** argv) {
    using namespace wmimock;
    namespace exit_code = cli::exit_code;

    CLI::App app{"wmimock: a fake WMI/CIM object manager and a conformance suite for CIM_Service.StopService",
                 "wmimock"};
    app.set_version_flag("-V,--version", std::string("wmimock ") + std::string(kVersion));
    app.require_subcommand(1);
    app.fallthrough();  // global options may follow the subcommand
    std::string logLevel;
    app.add_option("--log-level", logLevel,
                   std::string("log level on stderr: ") + cli::kLogLevels + " (default: WMIMOCK_LOG_LEVEL or warn)");
    app.footer(std::string(kExamples) + exit_code::kHelpText);

    const cli::ConformCommand conform(app);
    const cli::RulesCommand rules(app);
    const cli::TargetsCommand targets(app);
    const cli::MofCommand mof(app);
    const cli::ServeCommand serve(app);
    const std::vector<std::unique_ptr<cli::WbemCommand>> wbem = [&] {
        std::vector<std::unique_ptr<cli::WbemCommand>> commands;
        for (const cli::WbemVerb verb :
             {cli::WbemVerb::Get, cli::WbemVerb::Enumerate, cli::WbemVerb::Names, cli::WbemVerb::Invoke,
              cli::WbemVerb::Query, cli::WbemVerb::Classes, cli::WbemVerb::Class}) {
            commands.push_back(std::make_unique<cli::WbemCommand>(app, verb));
        }
        return commands;
    }();

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        // --help and --version end parsing "successfully"; everything else is bad usage.
        const int code = app.exit(error);
        return code == 0 ? exit_code::kSuccess : exit_code::kBadInput;
    }

    try {
        // serve's request log is what a mock server is watched for: on unless turned down.
        cli::setUpLogging(logLevel, serve.selected() ? "info" : "warn");
        int code = exit_code::kBadInput;
        std::vector<const cli::Subcommand*> commands{&conform, &rules, &targets, &mof, &serve};
        for (const auto& command : wbem) commands.push_back(command.get());
        for (const cli::Subcommand* command : commands) {
            if (command->selected()) code = command->run();
        }
        // Output nobody can read (a full disk) must not look like success; a closed pipe
        // ends quietly, as other tools in a pipeline do.
        if (!std::cout.flush()) {
            if (stdoutReaderGone()) endLikeSigpipe();
            std::cerr << "wmimock: internal error: cannot write to standard output\n";
            return exit_code::kInternalError;
        }
        return code;
    } catch (const CimError& error) {
        // CimError at the API edges means the input was refused: unknown target, MOF error,
        // no such class or namespace, a report path that cannot be written.
        std::cerr << "wmimock: error: " << error.message() << '\n';
        return exit_code::kBadInput;
    } catch (const EnvironmentError& error) {
        std::cerr << "wmimock: environment error: " << error.what() << '\n';
        return exit_code::kInternalError;
    } catch (const std::exception& error) {
        std::cerr << "wmimock: internal error: " << error.what() << '\n';
        return exit_code::kInternalError;
    } catch (...) {
        std::cerr << "wmimock: internal error: unknown exception\n";
        return exit_code::kInternalError;
    }
}
