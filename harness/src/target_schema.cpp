// The schema a builtin: or plugin: target gets on top of its own: --baseline fixtures, then
// --mof files compiled into the target's namespace.
#include "wmimock/cimom/fixtures.hpp"
#include "wmimock/harness/targets.hpp"

namespace wmimock::harness {

void loadExtraMof(Cimom& cimom, std::string_view nameSpace, const TargetOptions& options) {
    for (const std::string& name : options.baselines) loadBaseline(cimom, name);
    if (options.mofFiles.empty()) return;
    MofCompileOptions mof;
    mof.defaultNamespace = std::string(nameSpace);
    mof.dialect = options.mofDialect;
    for (const auto& dir : options.includeDirs) mof.includePaths.emplace_back(dir);
    cimom.loadMofFiles({options.mofFiles.begin(), options.mofFiles.end()}, mof);
}

}  // namespace wmimock::harness
