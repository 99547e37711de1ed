#include "rules_command.hpp"

#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "exit_codes.hpp"
#include "wmimock/conformance/rule.hpp"

namespace wmimock::cli {

RulesCommand::RulesCommand(CLI::App& parent)
    : ListingCommand(parent, "rules", "List the conformance rules (ID, level, title, source)",
                     "Examples:\n  wmimock rules\n  wmimock rules --format json | jq '.[].id'\n") {}

int RulesCommand::run() const {
    const auto rules = conformance::rules();
    if (json()) {
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (const conformance::Rule& rule : rules) {
            nlohmann::ordered_json entry = {{"id", rule.id},
                                            {"level", conformance::toString(rule.level)},
                                            {"levelText", rule.levelText},
                                            {"title", rule.title},
                                            {"source", rule.source},
                                            {"checked", rule.checked}};
            if (!rule.checked) entry["whyNotChecked"] = rule.whyNotChecked;
            out.push_back(std::move(entry));
        }
        std::cout << out.dump(2) << '\n';
        return exit_code::kSuccess;
    }
    std::size_t checked = 0;
    for (const conformance::Rule& rule : rules) {
        std::cout << fmt::format("{:<8} {:<12} {}", rule.id,
                                 rule.levelText.empty() ? conformance::toString(rule.level) : rule.levelText,
                                 rule.title);
        if (!rule.source.empty()) std::cout << "  [" << rule.source << "]";
        if (!rule.checked) std::cout << "  (not checked: " << rule.whyNotChecked << ")";
        std::cout << '\n';
        checked += rule.checked ? 1 : 0;
    }
    std::cout << fmt::format("{} rules, {} checked\n", rules.size(), checked);
    return exit_code::kSuccess;
}

}  // namespace wmimock::cli
