// `wmimock targets`: the built-in implementations the suite can run against.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace wmimock::cli {

class TargetsCommand {
public:
    explicit TargetsCommand(CLI::App& parent);

    bool selected() const { return app_->parsed(); }
    int run() const;

private:
    CLI::App* app_;
    std::string format_ = "text";
};

}  // namespace wmimock::cli
