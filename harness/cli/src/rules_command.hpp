// `wmimock rules [ID]`: the rules catalog the suite checks, one line per rule, or one rule in
// full (statement, level and why, sources explained, the check's procedure and outcomes, the
// built-in faulty targets that break it). `--format markdown` writes docs/rules.md.
#pragma once

#include <string>

#include "subcommand.hpp"

namespace wmimock::cli {

class RulesCommand final : public Subcommand {
public:
    explicit RulesCommand(CLI::App& parent);
    int run() const override;

private:
    std::string format_ = "text";
    std::string id_;
};

}  // namespace wmimock::cli
