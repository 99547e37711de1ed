// `--sim-option KEY=VALUE` as `wmimock conform` and `wmimock serve` take it.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace wmimock::cli {

/// The pairs as a key -> value map (a later key wins); the simulations check keys and values.
/// A pair without '=' or with an empty key -> CimError(InvalidParameter) naming it.
std::map<std::string, std::string> parseSimOptions(const std::vector<std::string>& pairs);

}  // namespace wmimock::cli
