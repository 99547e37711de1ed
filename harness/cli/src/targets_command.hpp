// `wmimock targets`: the built-in implementations the suite can run against.
#pragma once

#include "listing_command.hpp"

namespace wmimock::cli {

class TargetsCommand final : public ListingCommand {
public:
    explicit TargetsCommand(CLI::App& parent);
    int run() const override;
};

}  // namespace wmimock::cli
