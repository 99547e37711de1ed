#include "wmimock/reports/markdown_writer.hpp"

#include <sstream>

#include "text_cleanup.hpp"
#include "wmimock/reports/console_reporter.hpp"
#include "wmimock/reports/report_context.hpp"
#include "wmimock/reports/report_output.hpp"

namespace wmimock::reports {

using conformance::CheckResult;
using conformance::Outcome;

namespace {

// A table cell: one line, pipes escaped, Markdown and HTML specials neutralised so that an
// implementation's message cannot restructure the page.
std::string cell(std::string_view text) {
    std::string out;
    for (const char c : detail::truncated(detail::oneLine(text), 300)) {
        switch (c) {
            case '|':
                out += "\\|";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '&':
                out += "&amp;";
                break;
            case '`':
                out += "\\`";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string_view outcomeLabel(Outcome outcome) noexcept {
    switch (outcome) {
        case Outcome::Pass:
            return "✅ pass";
        case Outcome::Warning:
            return "⚠️ warning";
        case Outcome::NotSupported:
            return "⏭️ not supported";
        case Outcome::Fail:
            return "❌ fail";
        case Outcome::Error:
            return "💥 error";
        case Outcome::Timeout:
            return "⏱️ timeout";
        case Outcome::Crash:
            return "💥 crash";
    }
    return "?";
}

// A fenced block that no line of `text` can close early.
std::string fenced(std::string_view text) {
    std::string fence = "```";
    while (text.find(fence) != std::string_view::npos) fence += '`';
    return fence + "text\n" + detail::xmlSafe(text) + (text.empty() || text.back() == '\n' ? "" : "\n") + fence + "\n";
}

}  // namespace

std::string writeMarkdown(const conformance::RunResult& run, const MarkdownOptions& options) {
    const conformance::RunSummary s = run.summary();
    std::ostringstream md;
    const bool ok = run.passed() && !run.interrupted;
    md << "## " << (ok ? "✅ " : "❌ ") << options.title << ": "
       << (run.interrupted ? "interrupted" : (run.passed() ? "passed" : "failed")) << "\n\n";
    md << totalsLine(run) << " (started " << formatTimestamp(run.started) << " UTC)\n\n";

    md << "| planned | reported | passed | warnings | not supported | failed | errors | timeouts | crashes |\n"
       << "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
       << "| " << s.planned << " | " << s.total << " | " << s.passed << " | " << s.warnings << " | " << s.notSupported
       << " | " << s.failed << " | " << s.errors << " | " << s.timeouts << " | " << s.crashes << " |\n\n";

    std::vector<const CheckResult*> rows;
    for (const CheckResult& check : run.results) {
        if (options.includePassed || check.outcome != Outcome::Pass) rows.push_back(&check);
    }
    if (!rows.empty()) {
        md << "| rule | level | outcome | target | instance | check | message |\n"
           << "|---|---|---|---|---|---|---|\n";
        for (const CheckResult* check : rows) {
            md << "| " << cell(check->ruleId) << " | " << conformance::toString(check->level) << " | "
               << outcomeLabel(check->outcome) << " | " << cell(check->target) << " | "
               << cell(detail::shortInstance(check->instancePath)) << " | " << cell(check->title) << " | "
               << cell(check->message) << " |\n";
        }
        md << "\n";
    }

    bool headed = false;
    for (const CheckResult& check : run.results) {
        if (!conformance::isFailure(check.outcome)) continue;
        if (!headed) md << "### Failures\n\n";
        headed = true;
        md << "<details><summary>" << cell(check.ruleId) << " " << cell(check.title)
           << (check.instancePath.empty() ? "" : " [" + cell(detail::shortInstance(check.instancePath)) + "]") << " — "
           << conformance::toString(check.outcome) << "</summary>\n\n";
        std::string body;
        if (!check.message.empty()) body += check.message + "\n";
        if (!check.expected.empty()) body += "expected: " + check.expected + "\n";
        if (!check.actual.empty()) body += "actual: " + check.actual + "\n";
        if (!check.instancePath.empty()) body += "instance: " + check.instancePath + "\n";
        if (!check.evidence.empty()) body += "evidence:\n";
        for (const std::string& line : check.evidence) body += "  " + line + "\n";
        md << fenced(body) << "\n</details>\n\n";
    }
    for (const std::string& note : run.notes) md << "> " << cell(note) << "\n";
    return md.str();
}

void writeMarkdownFile(const std::filesystem::path& file, const conformance::RunResult& run,
                       const MarkdownOptions& options) {
    writeReport(file, writeMarkdown(run, options));
}

}  // namespace wmimock::reports
