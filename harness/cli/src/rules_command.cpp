#include "rules_command.hpp"

#include <iostream>
#include <sstream>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "exit_codes.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/conformance/checks.hpp"
#include "wmimock/conformance/rule.hpp"
#include "wmimock/services/builtin.hpp"

namespace wmimock::cli {
namespace {

using conformance::Rule;

std::vector<std::string_view> splitSources(std::string_view source) {
    std::vector<std::string_view> parts;
    while (!source.empty()) {
        const auto semicolon = source.find(';');
        std::string_view part = source.substr(0, semicolon);
        while (part.starts_with(' ')) part.remove_prefix(1);
        while (part.ends_with(' ')) part.remove_suffix(1);
        if (!part.empty()) parts.push_back(part);
        if (semicolon == std::string_view::npos) break;
        source.remove_prefix(semicolon + 1);
    }
    return parts;
}

/// The verdicts the procedure names, in the order the report uses.
std::vector<std::string_view> outcomesOf(const Rule& rule) {
    std::vector<std::string_view> outcomes;
    for (const std::string_view verdict : {"PASS", "FAIL", "WARN", "NOT SUPPORTED", "UNREACHABLE"}) {
        if (rule.procedure.find(verdict) != std::string_view::npos) outcomes.push_back(verdict);
    }
    return outcomes;
}

std::vector<std::string> brokenBy(const Rule& rule) {
    std::vector<std::string> targets;
    for (const services::BuiltinInfo& info : services::builtins()) {
        for (const std::string& broken : info.brokenRules) {
            if (iequals(broken, rule.id)) targets.push_back("builtin:" + info.name);
        }
    }
    return targets;
}

std::vector<const conformance::CheckInfo*> checksOf(const Rule& rule) {
    std::vector<const conformance::CheckInfo*> found;
    for (const conformance::CheckInfo& check : conformance::checks()) {
        if (check.ruleId == rule.id) found.push_back(&check);
    }
    return found;
}

constexpr std::string_view kAlwaysPossible =
    "any check also ends in ERROR, TIMEOUT or CRASH when the target stops answering, hangs or kills its worker";

/// Words wrapped at `width` columns, continuation lines indented by `indent`.
std::string wrapped(std::string_view text, std::size_t indent, std::size_t width = 100) {
    std::string out;
    std::size_t column = indent;
    std::istringstream words{std::string(text)};
    std::string word;
    bool first = true;
    while (words >> word) {
        if (!first && column + 1 + word.size() > width) {
            out += '\n' + std::string(indent, ' ');
            column = indent;
        } else if (!first) {
            out += ' ';
            ++column;
        }
        out += word;
        column += word.size();
        first = false;
    }
    return out;
}

void printText(const Rule& rule) {
    constexpr std::size_t kIndent = 13;
    auto field = [&](std::string_view name, std::string_view text) {
        std::cout << fmt::format("{:<{}}", name, kIndent) << wrapped(text, kIndent) << '\n';
    };
    std::cout << rule.id << "  " << rule.title << "\n\n";
    field("Level", fmt::format("{}. {}", rule.levelText, rule.levelWhy));
    field("Statement", rule.statement);
    bool firstSource = true;
    for (const std::string_view source : splitSources(rule.source)) {
        const auto* term = conformance::findSourceTerm(source);
        field(firstSource ? "Sources" : "",
              fmt::format("{}: {}", source, term ? term->meaning : "(not in the glossary)"));
        firstSource = false;
    }
    field(rule.checked ? "Check" : "Not checked", rule.checked ? rule.procedure : rule.whyNotChecked);
    if (rule.checked) {
        field("Outcomes", fmt::format("{}; {}", fmt::join(outcomesOf(rule), ", "), kAlwaysPossible));
        for (const auto* check : checksOf(rule)) {
            field("Code",
                  fmt::format("{} ({}:{})", conformance::identifier(*check), check->sourceFile, check->sourceLine));
        }
        const auto targets = brokenBy(rule);
        field("Broken by",
              targets.empty() ? std::string("no built-in faulty target") : fmt::format("{}", fmt::join(targets, ", ")));
    }
}

nlohmann::ordered_json toJson(const Rule& rule) {
    nlohmann::ordered_json entry = {{"id", rule.id},
                                    {"level", conformance::toString(rule.level)},
                                    {"levelText", rule.levelText},
                                    {"levelWhy", rule.levelWhy},
                                    {"title", rule.title},
                                    {"statement", rule.statement},
                                    {"source", rule.source},
                                    {"procedure", rule.procedure},
                                    {"checked", rule.checked}};
    if (!rule.checked) entry["whyNotChecked"] = rule.whyNotChecked;
    entry["brokenBy"] = brokenBy(rule);
    return entry;
}

void printMarkdown() {
    std::cout << "# The conformance rules\n\n"
                 "<!-- Generated by `wmimock rules --format markdown` from the rule definitions beside the\n"
                 "     checks (conformance/src/checks_*.cpp). Do not edit: a test fails when it is stale. -->\n\n"
                 "Each rule is one requirement on a `CIM_Service` implementation's `StopService` and the\n"
                 "methods it must agree with. The level says how strong it is and whether a source states it\n"
                 "or it is our reading; the check says how `wmimock conform` judges it. `wmimock rules ID`\n"
                 "prints one rule in full.\n\n"
                 "## Sources\n\n| abbreviation | what it is |\n|---|---|\n";
    for (const auto& term : conformance::sourceGlossary()) {
        std::cout << "| " << term.abbreviation << " | " << term.meaning << " |\n";
    }
    std::cout << "\n## Rules\n\n| rule | level | title |\n|---|---|---|\n";
    for (const Rule& rule : conformance::rules()) {
        std::cout << fmt::format("| [{}](#{}) | {} | {}{} |\n", rule.id, toLower(std::string(rule.id)), rule.levelText,
                                 rule.title, rule.checked ? "" : " (not checked)");
    }
    for (const Rule& rule : conformance::rules()) {
        std::cout << fmt::format("\n### {}\n\n**{}**\n\n", rule.id, rule.title);
        std::cout << fmt::format("- **Level**: {}. {}\n", rule.levelText, rule.levelWhy);
        std::cout << fmt::format("- **Statement**: {}\n", rule.statement);
        std::cout << fmt::format("- **Sources**: {}\n", rule.source);
        if (rule.checked) {
            std::cout << fmt::format("- **Check**: {}\n", rule.procedure);
            std::vector<std::string> code;
            for (const auto* check : checksOf(rule))
                code.push_back(fmt::format("`{}`", conformance::identifier(*check)));
            std::cout << fmt::format("- **Code**: {}\n", fmt::join(code, ", "));
            const auto targets = brokenBy(rule);
            std::cout << fmt::format("- **Broken by**: {}\n", targets.empty()
                                                                  ? std::string("no built-in faulty target")
                                                                  : fmt::format("`{}`", fmt::join(targets, "`, `")));
        } else {
            std::cout << fmt::format("- **Not checked**: {}\n", rule.whyNotChecked);
        }
    }
}

}  // namespace

RulesCommand::RulesCommand(CLI::App& parent)
    : Subcommand(parent.add_subcommand("rules", "The conformance rules: one line each, or one rule in full")) {
    app_->add_option("ID", id_, "a rule ID (SS-007): print that rule in full");
    app_->add_option("--format", format_, "text, json or markdown (the whole catalog as docs/rules.md)")
        ->capture_default_str()
        ->check(CLI::IsMember({"text", "json", "markdown"}, CLI::ignore_case));
    app_->footer(std::string("Examples:\n  wmimock rules\n  wmimock rules SS-007\n"
                             "  wmimock rules --format json | jq '.[].id'\n"
                             "  wmimock rules --format markdown > docs/rules.md\n\n") +
                 exit_code::kHelpText);
}

int RulesCommand::run() const {
    const auto rules = conformance::rules();
    if (!id_.empty()) {
        const Rule* rule = conformance::findRule(id_);
        if (rule == nullptr) {
            throw CimError(CimStatus::InvalidParameter, "unknown rule '" + id_ + "' (`wmimock rules` lists the " +
                                                            std::to_string(rules.size()) + " rules)");
        }
        if (iequals(format_, "json")) {
            std::cout << toJson(*rule).dump(2) << '\n';
        } else {
            printText(*rule);
        }
        return exit_code::kSuccess;
    }
    if (iequals(format_, "markdown")) {
        printMarkdown();
        return exit_code::kSuccess;
    }
    if (iequals(format_, "json")) {
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (const Rule& rule : rules) out.push_back(toJson(rule));
        std::cout << out.dump(2) << '\n';
        return exit_code::kSuccess;
    }
    std::size_t checked = 0;
    for (const Rule& rule : rules) {
        std::cout << fmt::format("{:<8} {:<12} {}", rule.id, rule.levelText, rule.title);
        if (!rule.source.empty()) std::cout << "  [" << rule.source << "]";
        if (!rule.checked) std::cout << "  (not checked)";
        std::cout << '\n';
        checked += rule.checked ? 1 : 0;
    }
    std::cout << fmt::format("{} rules, {} checked; `wmimock rules ID` explains one in full\n", rules.size(), checked);
    return exit_code::kSuccess;
}

}  // namespace wmimock::cli
