// `wmimock serve`: built-in targets over CIM-XML/HTTP, for WBEM clients and for
// `wmimock conform --target http://...`.
#pragma once

#include <string>
#include <vector>

#include "wmimock/mof/compiler.hpp"

#include "subcommand.hpp"

namespace wmimock::cli {

class ServeCommand final : public Subcommand {
public:
    explicit ServeCommand(CLI::App& parent);

    int run() const override;

private:
    std::string listen_ = "127.0.0.1:5988";
    std::string wsmanListen_;  ///< empty: WS-Management shares listen_'s port
    std::vector<std::string> mofFiles_, includeDirs_, targets_, simOptions_;
    MofDialect dialect_ = MofDialect::Auto;
    std::vector<std::string> baselines_;
    std::string user_, password_, ntlmUsers_, tlsCert_, tlsKey_;
    bool allowUnencrypted_ = false;
    int threads_ = 64;
    double idleSeconds_ = 5.0;
};

}  // namespace wmimock::cli
