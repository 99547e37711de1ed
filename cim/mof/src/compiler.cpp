#include "wmimock/mof/compiler.hpp"

#include <algorithm>
#include <utility>

#include "compilation.hpp"

namespace wmimock {

std::string MofDiagnostic::toString() const {
    std::string s = file;
    s += ':';
    s += std::to_string(line);
    s += ':';
    s += std::to_string(column);
    s += severity == Severity::Error ? ": error: " : ": warning: ";
    s += message;
    return s;
}

bool MofCompileResult::ok() const noexcept {
    return errorCount() == 0;
}

std::size_t MofCompileResult::errorCount() const noexcept {
    return static_cast<std::size_t>(std::count_if(diagnostics.begin(), diagnostics.end(), [](const MofDiagnostic& d) {
        return d.severity == MofDiagnostic::Severity::Error;
    }));
}

MofCompiler::MofCompiler(MofCompileOptions options) : options_(std::move(options)) {}

MofCompileResult MofCompiler::compileFile(const std::filesystem::path& file, SchemaRepository& repository) const {
    MofCompileResult result;
    mof::detail::Compilation(options_, repository, result).run(file.string(), std::nullopt);
    return result;
}

MofCompileResult MofCompiler::compileString(std::string_view text, std::string_view sourceName,
                                            SchemaRepository& repository) const {
    MofCompileResult result;
    mof::detail::Compilation(options_, repository, result).run(sourceName, text);
    return result;
}

}  // namespace wmimock
