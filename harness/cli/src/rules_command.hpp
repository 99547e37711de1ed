// `wmimock rules`: the rules catalog the suite checks.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace wmimock::cli {

class RulesCommand {
public:
    explicit RulesCommand(CLI::App& parent);

    bool selected() const { return app_->parsed(); }
    int run() const;

private:
    CLI::App* app_;
    std::string format_ = "text";
};

}  // namespace wmimock::cli
