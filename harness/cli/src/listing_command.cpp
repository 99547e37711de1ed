#include "listing_command.hpp"

#include "exit_codes.hpp"
#include "wmimock/cim/names.hpp"

namespace wmimock::cli {

ListingCommand::ListingCommand(CLI::App& parent, const std::string& name, const std::string& description,
                               std::string_view examples)
    : Subcommand(parent.add_subcommand(name, description)) {
    app_->add_option("--format", format_, "text or json")
        ->capture_default_str()
        ->check(CLI::IsMember({"text", "json"}, CLI::ignore_case));
    app_->footer(std::string(examples) + "\n" + exit_code::kHelpText);
}

bool ListingCommand::json() const {
    return iequals(format_, "json");
}

}  // namespace wmimock::cli
