#include "wmimock/reports/console_reporter.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "text_cleanup.hpp"
#include "wmimock/reports/report_context.hpp"

namespace wmimock::reports {

using conformance::Outcome;

namespace {

struct Style {
    std::string_view label;
    std::string_view color;  // ANSI SGR
};

Style styleOf(Outcome outcome) noexcept {
    switch (outcome) {
        case Outcome::Pass:
            return {"PASS", "\x1b[32m"};
        case Outcome::Warning:
            return {"WARN", "\x1b[33m"};
        case Outcome::NotSupported:
            return {"SKIP", "\x1b[36m"};
        case Outcome::Fail:
            return {"FAIL", "\x1b[31;1m"};
        case Outcome::Error:
            return {"ERROR", "\x1b[31;1m"};
        case Outcome::Timeout:
            return {"TIMEOUT", "\x1b[35;1m"};
        case Outcome::Crash:
            return {"CRASH", "\x1b[35;1m"};
    }
    return {"?", ""};
}

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kDim = "\x1b[2m";

}  // namespace

bool wantsColor(std::FILE* stream) noexcept {
    if (const char* noColor = std::getenv("NO_COLOR"); noColor != nullptr && *noColor != '\0') return false;
    if (const char* term = std::getenv("TERM"); term != nullptr && std::strcmp(term, "dumb") == 0) return false;
    return stream != nullptr && ::isatty(::fileno(stream)) == 1;
}

ConsoleReporter::ConsoleReporter(std::ostream& out, ConsoleOptions options) : out_(out), options_(options) {
    if (options_.liveIndicator) ticker_ = std::jthread([this](std::stop_token stop) { tick(stop); });
}

ConsoleReporter::~ConsoleReporter() {
    if (ticker_.joinable()) {
        ticker_.request_stop();
        wake_.notify_all();
        ticker_.join();
    }
}

void ConsoleReporter::onCheckStarted(const std::string& ruleId, const std::string& instancePath) {
    std::lock_guard lock(mutex_);
    running_ = ruleId + (instancePath.empty() ? "" : " on " + detail::shortInstance(instancePath));
    runningSince_ = std::chrono::steady_clock::now();
}

void ConsoleReporter::clearLiveLineLocked() {
    if (!liveLineShown_) return;
    out_ << "\r\033[K" << std::flush;
    liveLineShown_ = false;
}

void ConsoleReporter::tick(std::stop_token stop) {
    std::unique_lock lock(mutex_);
    while (!stop.stop_requested()) {
        wake_.wait_for(lock, stop, std::chrono::milliseconds(500), [] { return false; });
        if (stop.stop_requested() || running_.empty()) continue;
        const auto elapsed = std::chrono::steady_clock::now() - runningSince_;
        if (elapsed < options_.indicatorAfter) continue;
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(elapsed).count();
        out_ << "\r\033[K" << fmt::format("running {} ({} s)", detail::oneLine(running_), seconds) << std::flush;
        liveLineShown_ = true;
    }
}

void ConsoleReporter::onResult(const conformance::CheckResult& result) {
    std::lock_guard lock(mutex_);
    clearLiveLineLocked();
    running_.clear();
    ++done_;
    if (options_.quiet && (result.outcome == Outcome::Pass || result.outcome == Outcome::NotSupported)) return;

    const Style style = styleOf(result.outcome);
    std::string line;
    if (options_.expectedChecks > 0) {
        const int width = static_cast<int>(std::to_string(options_.expectedChecks).size());
        line += fmt::format("[{:>{}}/{}] ", done_, width, options_.expectedChecks);
    }
    const std::string label = fmt::format("{:<7}", style.label);
    line += options_.color ? fmt::format("{}{}{}", style.color, label, kReset) : label;
    line += " " + detail::oneLine(result.ruleId + " " + result.title);
    std::string where = result.target;
    if (!result.instancePath.empty()) where += " " + detail::shortInstance(result.instancePath);
    const std::string details = fmt::format("({}, {} s)", detail::oneLine(where), formatSeconds(result.duration));
    line += " " + (options_.color ? fmt::format("{}{}{}", kDim, details, kReset) : details);
    if (result.outcome != Outcome::Pass && !result.message.empty()) {
        line += "\n        " + detail::truncated(detail::oneLine(result.message), 300);
    }
    out_ << line << '\n' << std::flush;
}

void ConsoleReporter::onFinish(const conformance::RunResult& run) {
    std::lock_guard lock(mutex_);
    clearLiveLineLocked();
    running_.clear();
    for (const std::string& note : run.notes) out_ << "note: " << detail::oneLine(note) << '\n';
    out_ << failureRecap(run);
    std::string totals = totalsLine(run);
    if (run.interrupted) {
        totals = "interrupted: " + totals;
    }
    if (options_.color) {
        const std::string_view color = run.passed() && !run.interrupted ? "\x1b[32;1m" : "\x1b[31;1m";
        totals = fmt::format("{}{}{}", color, totals, kReset);
    }
    out_ << totals << '\n' << std::flush;
}

std::string failureRecap(const conformance::RunResult& run) {
    std::string lines;
    std::vector<std::string> rules;
    std::size_t count = 0;
    for (const auto& r : run.results) {
        if (!conformance::isFailure(r.outcome)) continue;
        ++count;
        std::string where = r.target;
        if (!r.instancePath.empty()) where += " " + detail::shortInstance(r.instancePath);
        const std::string id = r.ruleId.empty() ? r.title : r.ruleId;
        lines += fmt::format("  {:<7} {} [{}]: {}\n", styleOf(r.outcome).label, id, detail::oneLine(where),
                             detail::truncated(detail::oneLine(r.message), 160));
        if (!r.ruleId.empty() && std::find(rules.begin(), rules.end(), r.ruleId) == rules.end()) {
            rules.push_back(r.ruleId);
        }
    }
    if (count == 0) return {};
    std::string recap = fmt::format("\n{} check{} did not pass:\n", count, count == 1 ? "" : "s") + lines;
    if (!rules.empty()) recap += fmt::format("re-run them with: --filter '{}'\n", fmt::join(rules, ":"));
    return recap + "\n";
}

std::string totalsLine(const conformance::RunResult& run) {
    const conformance::RunSummary s = run.summary();
    // Planned vs reported: a run that lost checks must say so on the line CI shows.
    std::string line =
        fmt::format("{} of {} planned check{}: {} passed", s.total, s.planned, s.planned == 1 ? "" : "s", s.passed);
    const auto add = [&line](std::size_t count, std::string_view singular, std::string_view plural, bool always) {
        if (count > 0 || always) line += fmt::format(", {} {}", count, count == 1 ? singular : plural);
    };
    add(s.warnings, "warning", "warnings", false);
    add(s.notSupported, "not supported", "not supported", false);
    add(s.failed, "failed", "failed", true);
    add(s.errors, "error", "errors", false);
    add(s.timeouts, "timeout", "timeouts", false);
    add(s.crashes, "crash", "crashes", false);
    return line + fmt::format(" in {} s", formatSeconds(run.duration));
}

}  // namespace wmimock::reports
