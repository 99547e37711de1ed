// `wmimock conform`: run the conformance suite against targets and write the reports.
#pragma once

#include <string>
#include <vector>

#include "wmimock/mof/compiler.hpp"

#include "subcommand.hpp"
#include "transport_flags.hpp"

namespace wmimock::cli {

class ConformCommand final : public Subcommand {
public:
    explicit ConformCommand(CLI::App& parent);

    int run() const override;

private:
    std::vector<std::string> targets_, mofFiles_, includeDirs_, simOptions_;
    MofDialect mofDialect_ = MofDialect::Auto;
    std::vector<std::string> baselines_;
    std::string nameSpace_, className_, instancePath_, filter_, exclude_, targetName_;
    bool list_ = false;
    double timeoutSeconds_ = 10.0;
    double pollSeconds_ = 0.25, settleSeconds_ = 30.0, jobSeconds_ = 120.0;  // CheckSettings defaults
    std::string junitFile_, junitFlavor_ = "jenkins", summaryFile_, jsonFile_;
    bool junitFileLine_ = false;
    std::string format_ = "text", color_ = "auto", shard_, isolation_ = "auto";
    bool quiet_ = false;
    TransportFlags transport_;
    bool strictStarted_ = false, lenientIdempotency_ = false;
};

}  // namespace wmimock::cli
