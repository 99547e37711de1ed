// A Markdown summary of a run for a CI step summary (GitHub's $GITHUB_STEP_SUMMARY,
// GitLab's markdown artifacts): a verdict, a totals table, one row per check (rule ID,
// level, outcome, message) and the details of every failing check.
#pragma once

#include <filesystem>
#include <string>

#include "wmimock/conformance/result.hpp"

namespace wmimock::reports {

struct MarkdownOptions {
    std::string title = "wmimock conformance";
    bool includePassed = true;  ///< false: the check table lists only checks that did not pass
};

std::string writeMarkdown(const conformance::RunResult& run, const MarkdownOptions& options = {});
void writeMarkdownFile(const std::filesystem::path& file, const conformance::RunResult& run,
                       const MarkdownOptions& options = {});

}  // namespace wmimock::reports
