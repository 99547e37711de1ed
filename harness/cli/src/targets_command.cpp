#include "targets_command.hpp"

#include <iostream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "exit_codes.hpp"
#include "wmimock/services/builtin.hpp"

namespace wmimock::cli {

TargetsCommand::TargetsCommand(CLI::App& parent)
    : ListingCommand(parent, "targets",
                     "List the built-in targets: the reference, real-world flavours and faulty implementations",
                     "Examples:\n  wmimock targets\n"
                     "  wmimock targets --format json | jq -r '.[] | select(.kind==\"faulty\") | .target'\n"
                     "Other targets: plugin:PATH (a provider library) and http(s)://HOST:PORT/NAMESPACE.\n") {}

int TargetsCommand::run() const {
    const auto all = services::builtins();
    if (json()) {
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (const services::BuiltinInfo& info : all) {
            out.push_back({{"target", "builtin:" + info.name},
                           {"name", info.name},
                           {"kind", services::toString(info.kind)},
                           {"description", info.description},
                           {"brokenRules", info.brokenRules},
                           {"raceDependentRules", info.raceDependentRules},
                           {"namespace", info.nameSpace},
                           {"class", info.className}});
        }
        std::cout << out.dump(2) << '\n';
        return exit_code::kSuccess;
    }
    std::size_t width = 0;
    for (const services::BuiltinInfo& info : all) width = std::max(width, info.name.size() + 8);
    for (const services::BuiltinInfo& info : all) {
        std::cout << fmt::format("{:<{}}  {:<9}  {}", "builtin:" + info.name, width, services::toString(info.kind),
                                 info.description);
        if (!info.brokenRules.empty()) std::cout << fmt::format("  (breaks {})", fmt::join(info.brokenRules, ", "));
        std::cout << '\n';
    }
    return exit_code::kSuccess;
}

}  // namespace wmimock::cli
