// What every `wmimock` subcommand shares: the CLI11 app it registered on the parent, whether
// the command line chose it, and running it. main() runs the chosen one.
#pragma once

#include <CLI/CLI.hpp>

namespace wmimock::cli {

class Subcommand {
public:
    virtual ~Subcommand() = default;
    Subcommand(const Subcommand&) = delete;
    Subcommand& operator=(const Subcommand&) = delete;

    bool selected() const { return app_->parsed(); }
    /// Runs the command; returns its exit code (exit_codes.hpp). Throws CimError for bad input.
    virtual int run() const = 0;

protected:
    explicit Subcommand(CLI::App* app) : app_(app) {}

    CLI::App* app_;
};

}  // namespace wmimock::cli
