// `wmimock serve`: built-in targets over CIM-XML/HTTP, for WBEM clients and for
// `wmimock conform --target http://...`.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace wmimock::cli {

class ServeCommand {
public:
    explicit ServeCommand(CLI::App& parent);

    bool selected() const { return app_->parsed(); }
    int run() const;

private:
    CLI::App* app_;
    std::string listen_ = "127.0.0.1:5988";
    std::vector<std::string> mofFiles_, includeDirs_, targets_, simOptions_;
    std::string user_, password_;
    int threads_ = 4;
};

}  // namespace wmimock::cli
