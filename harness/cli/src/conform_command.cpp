#include "conform_command.hpp"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "exit_codes.hpp"
#include "option_kinds.hpp"
#include "shard.hpp"
#include "sim_options.hpp"
#include "stop_signals.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/harness/runner.hpp"
#include "wmimock/reports/console_reporter.hpp"
#include "wmimock/reports/incremental_report.hpp"
#include "wmimock/reports/json_writer.hpp"
#include "wmimock/reports/junit_writer.hpp"
#include "wmimock/reports/markdown_writer.hpp"
#include "wmimock/reports/report_output.hpp"

namespace wmimock::cli {

namespace {

constexpr const char* kExamples = R"(Examples:
  wmimock conform                                   the reference simulation, console output
  wmimock conform --target builtin:faulty-stays-started --junit out/conformance.xml
  wmimock conform --target plugin:./libmyprovider.so --mof my.mof -I schema/ \
                  --junit conformance.xml --summary summary.md --quiet
  wmimock conform --target http://127.0.0.1:5988/root/cimv2 --user u --password p
  wmimock conform --target http://winhost:5985/wsman --namespace root/cimv2 --class Win32_Service --user u --password p
  wmimock conform --filter 'SS-00*' --list          what would run, without running it
  wmimock conform --shard 0/4 --junit shard0.xml    first of four CI jobs

)";

}  // namespace

ConformCommand::ConformCommand(CLI::App& parent)
    : Subcommand(parent.add_subcommand("conform", "Run the StopService/RequestStateChange conformance suite")) {
    app_->add_option("-t,--target", targets_,
                     "builtin:NAME (see `wmimock targets`), plugin:PATH, http(s)://HOST:PORT/NAMESPACE (CIM-XML) "
                     "or http(s)://HOST:PORT/wsman (WS-Management, with --namespace); repeatable (default: "
                     "builtin:reference)");
    addRepeatable(*app_, "--mof", mofFiles_,
                  "extra MOF compiled into the namespace of builtin: and plugin: targets (repeatable)");
    addRepeatable(*app_, "-I,--include", includeDirs_, "directory searched by #pragma include (repeatable)");
    addMofDialect(*app_, mofDialect_);
    addBaseline(*app_, baselines_);
    app_->add_option("-n,--namespace", nameSpace_, "namespace of the service class (default: the target's)");
    app_->add_option("-c,--class", className_, "service class to test (default: the target's)");
    app_->add_option("--instance", instancePath_, "test only this instance (object path)");
    app_->add_option("-f,--filter", filter_,
                     "GoogleTest-style patterns on the rule ID, the title or \"RULE-ID title\" ('*', '?', "
                     "'[...]'; ',' or ':' between patterns; a pattern starting with '-' begins the excluded "
                     "ones), e.g. 'SS-*:-SS-002', 'RSC-00[78]', '-CONC-*', '*Idempotent*'");
    app_->add_option("--exclude", exclude_, "patterns of checks not to run, e.g. 'CONC-*,JOB-*'");
    app_->add_flag("-l,--list", list_, "list the checks that would run, and exit");
    addSeconds(*app_, "--timeout", timeoutSeconds_,
               "per-check time limit in seconds; for plugins and remote servers never shorter than the "
               "longest wait a check may make (the settle or job timeout, plus polls)");
    addSeconds(*app_, "--poll-interval", pollSeconds_, "seconds between two reads of an instance while waiting");
    addSeconds(*app_, "--settle-timeout", settleSeconds_,
               "seconds to wait for a state change to settle (catalog Settle; target clock)");
    addSeconds(*app_, "--job-timeout", jobSeconds_, "seconds to wait for a job to finish (target clock)");
    app_->add_option("--junit", junitFile_,
                     "write a JUnit XML report (kept complete while the run lasts; - for stdout)");
    app_->add_option("--junit-flavor", junitFlavor_,
                     "jenkins: validates against the Jenkins xunit junit-10.xsd; "
                     "ant: also against the strict Ant schema")
        ->capture_default_str()
        ->check(CLI::IsMember({"jenkins", "default", "ant"}, CLI::ignore_case));
    app_->add_option("--target-name", targetName_,
                     "the target's name in JUnit suite and class names (default: stable without ports or "
                     "directories, e.g. plugin:libx.so, http://host/root/cimv2); needs exactly one --target");
    app_->add_flag("--junit-file-line", junitFileLine_,
                   "add file/line of each check's source for GitHub annotators (the Jenkins xunit plugin "
                   "rejects such files)");
    app_->add_option("--summary", summaryFile_, "write a Markdown summary (e.g. $GITHUB_STEP_SUMMARY; - for stdout)");
    app_->add_option("--json", jsonFile_, "write the results as JSON (- for stdout)");
    app_->add_option("--format", format_, "console output: text, or json (the JSON report on stdout)")
        ->capture_default_str()
        ->check(CLI::IsMember({"text", "json"}, CLI::ignore_case));
    app_->add_flag("-q,--quiet", quiet_, "print only checks that did not pass, and the totals");
    app_->add_option("--color", color_, "auto, always or never")
        ->capture_default_str()
        ->check(CLI::IsMember({"auto", "always", "never"}, CLI::ignore_case));
    app_->add_option("--shard", shard_,
                     "run shard INDEX of COUNT (0-based), e.g. 0/4; default from GTEST_SHARD_INDEX and "
                     "GTEST_TOTAL_SHARDS");
    addRepeatable(*app_, "--sim-option", simOptions_,
                  "KEY=VALUE for builtin: targets only: latency_ms, transition_ms, failure_rate, seed, "
                  "refuse_state, not_supported, decline_with, async, timeout_supported, hang_cap_ms (repeatable)");
    app_->add_option("--isolation", isolation_,
                     "process: each target in a child process, so a crash or hang costs one check; "
                     "in-process: faster, but a crash ends the run and --timeout is not enforced; "
                     "auto: process where fork() exists")
        ->capture_default_str()
        ->check(CLI::IsMember({"auto", "process", "in-process"}, CLI::ignore_case));
    transport_.addTo(*app_);
    app_->add_flag("--strict-started", strictStarted_, "CON-002 violations fail instead of warn");
    app_->add_flag("--lenient-idempotency", lenientIdempotency_,
                   "SS-008: a non-zero code without a ValueMap entry warns instead of failing");
    app_->footer(std::string(kExamples) + exit_code::kHelpText);
}

int ConformCommand::run() const {
    harness::RunOptions options;
    if (!targets_.empty()) options.targets = targets_;
    options.target.mofFiles = mofFiles_;
    options.target.includeDirs = includeDirs_;
    options.target.mofDialect = mofDialect_;
    options.target.baselines = baselines_;
    options.target.simOptions = parseSimOptions(simOptions_);
    transport_.applyTo(options.target);
    options.target.nameSpace = nameSpace_;
    options.session.nameSpace = nameSpace_;
    options.session.className = className_;
    options.session.instancePath = instancePath_;
    options.session.settings.strictStarted = strictStarted_;
    options.session.settings.lenientIdempotency = lenientIdempotency_;
    options.session.settings.pollInterval = std::chrono::duration<double>(pollSeconds_);
    options.session.settings.settleTimeout = std::chrono::duration<double>(settleSeconds_);
    options.session.settings.jobTimeout = std::chrono::duration<double>(jobSeconds_);
    options.filter = filter_;
    options.exclude = exclude_;
    options.checkTimeout = std::chrono::duration<double>(timeoutSeconds_);
    options.shard = shard_.empty() ? shardFromEnvironment() : std::optional(parseShard(shard_));
    if (iequals(isolation_, "process")) options.isolation = harness::RunOptions::Isolation::Process;
    if (iequals(isolation_, "in-process")) options.isolation = harness::RunOptions::Isolation::InProcess;

    reports::JUnitOptions junitOptions;
    junitOptions.flavor = reports::parseJUnitFlavor(junitFlavor_).value_or(reports::JUnitFlavor::Jenkins);
    junitOptions.fileLine = junitFileLine_;
    if (!targetName_.empty()) {
        if (options.targets.size() != 1) {
            throw CimError(CimStatus::InvalidParameter, "--target-name names one target; there are " +
                                                            std::to_string(options.targets.size()) +
                                                            " --target options");
        }
        junitOptions.targetNames[options.targets.front()] = targetName_;
    }

    // Planning validates targets, MOF and classes before anything is written.
    const std::vector<harness::PlannedCheck> planned = harness::plan(options);
    if (planned.empty() && options.shard) {
        std::cerr << fmt::format(
            "wmimock: shard {}/{} is empty (the plan has fewer checks than shards): nothing to run\n",
            options.shard->first, options.shard->second);
    }
    if (list_) {
        if (iequals(format_, "json")) {
            nlohmann::ordered_json checks = nlohmann::ordered_json::array();
            for (const auto& check : planned) {
                checks.push_back({{"target", check.target},
                                  {"ruleId", check.ruleId},
                                  {"title", check.title},
                                  {"instancePath", check.instancePath}});
            }
            std::cout << checks.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
        } else {
            for (const auto& check : planned) {
                std::cout << fmt::format("{}  {}  {}  {}\n", check.target, check.ruleId, check.title,
                                         check.instancePath);
            }
            std::cout << planned.size() << (planned.size() == 1 ? " check\n" : " checks\n");
        }
        return exit_code::kSuccess;
    }

    // A report on standard output (`--junit -`, `--format json`) moves the console to stderr.
    const bool jsonOnStdout = iequals(format_, "json");
    const bool reportOnStdout = jsonOnStdout || junitFile_ == "-" || summaryFile_ == "-" || jsonFile_ == "-";
    std::ostream& consoleStream = reportOnStdout ? std::cerr : std::cout;
    reports::ConsoleOptions consoleOptions;
    consoleOptions.color =
        iequals(color_, "always") || (iequals(color_, "auto") && reports::wantsColor(reportOnStdout ? stderr : stdout));
    consoleOptions.quiet = quiet_;
    consoleOptions.expectedChecks = planned.size();
    // The live "running ..." line rewrites itself: only where a person watches a terminal.
    consoleOptions.liveIndicator = !jsonOnStdout && ::isatty(reportOnStdout ? STDERR_FILENO : STDOUT_FILENO) == 1;
    reports::ConsoleReporter console(consoleStream, consoleOptions);

    // Reports on disk stay complete while the run lasts: rewritten when a check finishes a
    // second or more after the last write, at once after a crash or timeout, and by a
    // background flush a second after a result that is still unwritten (a later check may
    // hang), so a killed job loses at most a second of results without paying an fsync per
    // check. Standard output, pipes and devices get the report once, at the end.
    reports::RewritePolicy rewrite;
    rewrite.interval = std::chrono::seconds(1);
    reports::IncrementalReport incremental(std::chrono::system_clock::now(), rewrite);
    const auto addReport = [&](const std::string& file, reports::IncrementalReport::Writer writer) {
        if (file.empty()) return;
        if (reports::rewritable(file)) {
            incremental.addWriter(std::move(writer));
        } else {
            incremental.addFinalWriter(std::move(writer));
        }
    };
    addReport(junitFile_, [file = junitFile_, junitOptions](const conformance::RunResult& run) {
        reports::writeJUnitFile(file, run, junitOptions);
    });
    addReport(summaryFile_,
              [file = summaryFile_](const conformance::RunResult& run) { reports::writeMarkdownFile(file, run); });
    addReport(jsonFile_, [file = jsonFile_](const conformance::RunResult& run) { reports::writeJsonFile(file, run); });

    const StopSignals stopSignals;
    options.stopRequested = [] { return StopSignals::received() != 0; };
    options.onCheckStarted = [&](const harness::PlannedCheck& check) {
        if (!jsonOnStdout) console.onCheckStarted(check.ruleId, check.instancePath);
    };
    options.onResult = [&](const conformance::CheckResult& result) {
        if (!jsonOnStdout) console.onResult(result);
        try {
            incremental.add(result);
        } catch (const std::exception& error) {
            // A full disk must not lose the run: keep going, the final write tries again.
            spdlog::error("{}", error.what());
        }
    };

    conformance::RunResult result = harness::run(options);
    const int signal = StopSignals::received();
    if (signal != 0) result.interrupted = true;
    bool reportsWritten = true;
    try {
        incremental.finish(result);
    } catch (const std::exception& error) {
        // The paths were writable when the run started (the first write would have failed
        // as bad input): this is the environment failing, e.g. a full disk or a closed pipe.
        spdlog::error("{}", error.what());
        reportsWritten = false;
    }
    if (jsonOnStdout) {
        std::cout << reports::writeJson(result);
    } else {
        console.onFinish(result);  // the totals, also when a report could not be written
    }
    if (!reportsWritten) return exit_code::kInternalError;
    if (signal != 0) return exit_code::interruptedBy(signal);
    return result.passed() ? exit_code::kSuccess : exit_code::kChecksFailed;
}

}  // namespace wmimock::cli
