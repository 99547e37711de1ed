// `wmimock get|enum|names|invoke|query|classes|class TARGET ...`: the command line as a WBEM
// client, like wbemcli or pywbemcli, to look at what a provider answers on any target kind —
// builtin:NAME, plugin:PATH, a CIM-XML server or a WS-Management one — with the same target
// options as `conform`. Prints MOF (instances, classes), one object path or class name per
// line, or JSON with --format json. An operation the target refuses is exit 1 with its CIM
// status; bad usage is exit 2.
#pragma once

#include <string>
#include <vector>

#include "subcommand.hpp"
#include "transport_flags.hpp"
#include "wmimock/mof/compiler.hpp"

namespace wmimock::cli {

enum class WbemVerb { Get, Enumerate, Names, Invoke, Query, Classes, Class };

class WbemCommand final : public Subcommand {
public:
    WbemCommand(CLI::App& parent, WbemVerb verb);

    int run() const override;

private:
    WbemVerb verb_;
    std::string target_, subject_, method_, nameSpace_, format_ = "mof", language_ = "WQL";
    std::vector<std::string> parameters_;
    bool deep_ = false;
    TransportFlags transport_;
    std::vector<std::string> simOptions_, mofFiles_, includeDirs_, baselines_;
    MofDialect dialect_ = MofDialect::Auto;
};

}  // namespace wmimock::cli
