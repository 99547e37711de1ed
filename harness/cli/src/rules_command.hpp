// `wmimock rules`: the rules catalog the suite checks.
#pragma once

#include "listing_command.hpp"

namespace wmimock::cli {

class RulesCommand final : public ListingCommand {
public:
    explicit RulesCommand(CLI::App& parent);
    int run() const override;
};

}  // namespace wmimock::cli
