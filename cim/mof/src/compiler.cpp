#include "wmimock/mof/compiler.hpp"

#include <algorithm>
#include <utility>

#include "compilation.hpp"
#include "wmimock/cim/names.hpp"

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

std::optional<MofDialect> parseMofDialect(std::string_view text) noexcept {
    if (iequals(text, "auto")) return MofDialect::Auto;
    if (iequals(text, "dmtf")) return MofDialect::Dmtf;
    if (iequals(text, "wmi")) return MofDialect::Wmi;
    return std::nullopt;
}

std::string_view toString(MofDialect dialect) noexcept {
    switch (dialect) {
        case MofDialect::Dmtf:
            return "dmtf";
        case MofDialect::Wmi:
            return "wmi";
        case MofDialect::Auto:
            break;
    }
    return "auto";
}

MofCompiler::MofCompiler(MofCompileOptions options) : options_(std::move(options)) {}

MofCompileResult MofCompiler::compileFile(const std::filesystem::path& file, SchemaRepository& repository) const {
    return compileFiles({file}, repository);
}

MofCompileResult MofCompiler::compileFiles(const std::vector<std::filesystem::path>& files,
                                           SchemaRepository& repository) const {
    std::vector<mof::detail::CompilationInput> inputs;
    inputs.reserve(files.size());
    for (const auto& file : files) inputs.push_back({file.string(), std::nullopt});
    MofCompileResult result;
    mof::detail::Compilation(options_, repository, result).run(inputs);
    return result;
}

MofCompileResult MofCompiler::compileString(std::string_view text, std::string_view sourceName,
                                            SchemaRepository& repository) const {
    MofCompileResult result;
    mof::detail::Compilation(options_, repository, result).run({{std::string(sourceName), text}});
    return result;
}

}  // namespace wmimock
