#include <string>
#include <vector>

#include "embedded_fixture_table.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/cimom/fixtures.hpp"

namespace wmimock {
namespace {

/// "./mof\\x.mof", "fixtures/mof/x.mof", "mof/../mof/x.mof" -> "mof/x.mof".
std::string normalize(std::string_view path) {
    std::string text(path);
    for (char& c : text) {
        if (c == '\\') c = '/';
    }
    std::vector<std::string> parts;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        auto slash = text.find('/', pos);
        auto part = text.substr(pos, slash == std::string::npos ? std::string::npos : slash - pos);
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        if (slash == std::string::npos) break;
        pos = slash + 1;
    }
    if (!parts.empty() && iequals(parts.front(), "fixtures")) parts.erase(parts.begin());
    std::string result;
    for (const auto& p : parts) result += (result.empty() ? "" : "/") + p;
    return result;
}

std::string directoryOf(std::string_view path) {
    auto slash = path.find_last_of("/\\");
    return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash + 1));
}

}  // namespace

std::optional<std::string_view> embeddedFixture(std::string_view relativePath) noexcept {
    try {
        std::string wanted = normalize(relativePath);
        for (const auto& file : detail::embeddedFiles()) {
            if (iequals(file.path, wanted)) return file.bytes;
        }
    } catch (...) {
        // Allocation failure while normalizing: report "not found".
    }
    return std::nullopt;
}

MofSourceLoader embeddedFixtureLoader() {
    return [](std::string_view name, std::string_view includingFile) -> std::optional<MofSource> {
        std::vector<std::string> candidates;
        if (!includingFile.empty()) candidates.push_back(normalize(directoryOf(includingFile) + std::string(name)));
        candidates.push_back(normalize(name));
        candidates.push_back(normalize("mof/" + std::string(name)));
        for (const auto& candidate : candidates) {
            if (auto bytes = embeddedFixture(candidate)) return MofSource{candidate, std::string(*bytes)};
        }
        return std::nullopt;
    };
}

namespace {
constexpr std::string_view kCoreSchemaFiles[] = {"mof/qualifiers.mof", "mof/cim_core.mof"};

std::string_view coreSchemaText(std::string_view file) {
    const auto text = embeddedFixture(file);
    if (!text) throw CimError(CimStatus::Failed, "the embedded core schema lacks " + std::string(file));
    return *text;
}
}  // namespace

void loadCoreSchema(Cimom& cimom, std::string_view nameSpace) {
    cimom.createNamespace(nameSpace);
    MofCompileOptions options;
    options.defaultNamespace = std::string(nameSpace);
    for (const std::string_view file : kCoreSchemaFiles) cimom.loadMof(coreSchemaText(file), file, options);
}

MofCompileResult compileCoreSchema(SchemaRepository& repository, std::string_view nameSpace) {
    MofCompileOptions options;
    options.defaultNamespace = std::string(nameSpace);
    MofCompileResult all;
    for (const std::string_view file : kCoreSchemaFiles) {
        MofCompileResult result = MofCompiler(options).compileString(coreSchemaText(file), file, repository);
        all.diagnostics.insert(all.diagnostics.end(), result.diagnostics.begin(), result.diagnostics.end());
        if (!result.ok()) break;
    }
    return all;
}

namespace {
// The baselines: a name and the umbrella file under fixtures/ that loads it.
struct Baseline {
    std::string_view name;
    std::string_view file;
};
constexpr Baseline kBaselines[] = {{"windows", "baseline/windows.mof"}};

const Baseline& findBaseline(std::string_view name) {
    for (const Baseline& baseline : kBaselines) {
        if (iequals(name, baseline.name)) return baseline;
    }
    std::string known;
    for (const Baseline& baseline : kBaselines) known += (known.empty() ? "" : ", ") + std::string(baseline.name);
    throw CimError(CimStatus::InvalidParameter,
                   "unknown baseline '" + std::string(name) + "': the baselines are: " + known);
}

std::string_view baselineText(const Baseline& baseline) {
    if (auto text = embeddedFixture(baseline.file)) return *text;
    throw CimError(CimStatus::Failed, "the embedded fixtures lack " + std::string(baseline.file));
}

MofCompileOptions baselineOptions() {
    MofCompileOptions options;
    options.loader = embeddedFixtureLoader();
    options.dialect = MofDialect::Wmi;
    return options;
}
}  // namespace

std::vector<std::string_view> baselineNames() {
    std::vector<std::string_view> names;
    for (const Baseline& baseline : kBaselines) names.push_back(baseline.name);
    return names;
}

MofCompileResult compileBaseline(std::string_view name, SchemaRepository& repository) {
    const Baseline& baseline = findBaseline(name);
    return MofCompiler(baselineOptions()).compileString(baselineText(baseline), baseline.file, repository);
}

void loadBaseline(Cimom& cimom, std::string_view name) {
    const Baseline& baseline = findBaseline(name);
    cimom.loadMof(baselineText(baseline), baseline.file, baselineOptions());
}

}  // namespace wmimock
