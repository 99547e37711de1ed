// `wmimock mof check FILE...` (compile, report errors as file:line:col: message) and
// `wmimock mof show CLASS` (print a resolved class as MOF, inherited elements marked).
#pragma once

#include <string>
#include <vector>

#include "wmimock/mof/compiler.hpp"

#include "subcommand.hpp"

namespace wmimock::cli {

class MofCommand final : public Subcommand {
public:
    explicit MofCommand(CLI::App& parent);

    int run() const override;

private:
    int check() const;
    int show() const;

    CLI::App* check_;
    CLI::App* show_;
    std::vector<std::string> files_, includeDirs_, mofFiles_;
    MofDialect dialect_ = MofDialect::Auto;
    std::vector<std::string> baselines_;
    std::string nameSpace_, className_;
    bool withCore_ = false;
};

}  // namespace wmimock::cli
