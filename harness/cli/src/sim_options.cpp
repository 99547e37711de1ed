#include "sim_options.hpp"

#include "wmimock/cim/error.hpp"

namespace wmimock::cli {

std::map<std::string, std::string> parseSimOptions(const std::vector<std::string>& pairs) {
    std::map<std::string, std::string> options;
    for (const std::string& pair : pairs) {
        const std::size_t equals = pair.find('=');
        if (equals == 0 || equals == std::string::npos) {
            throw CimError(CimStatus::InvalidParameter, "bad --sim-option '" + pair + "': want KEY=VALUE");
        }
        options[pair.substr(0, equals)] = pair.substr(equals + 1);
    }
    return options;
}

}  // namespace wmimock::cli
