// libFuzzer entry point: any bytes, as a MOF file, through the whole compiler. Includes are
// served from memory (the input itself under any name, one level deep) so the fuzzer
// reaches #pragma include handling without touching the file system.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "wmimock/mof/compiler.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    wmimock::MofCompileOptions options;
    options.maxErrors = 20;
    options.loader = [&](std::string_view name, std::string_view including) -> std::optional<wmimock::MofSource> {
        if (including != "fuzz.mof") return std::nullopt;
        return wmimock::MofSource{"included/" + std::string(name), std::string(text)};
    };
    wmimock::SchemaRepository repository;
    const wmimock::MofCompiler compiler(options);
    const wmimock::MofCompileResult result = compiler.compileString(text, "fuzz.mof", repository);
    // Exercise the formatter and the diagnostics on whatever compiled.
    for (const auto& d : result.diagnostics) (void)d.toString();
    if (result.ok()) {
        for (const std::string& ns : repository.namespaces()) {
            for (const auto& cls : repository.find(ns)->classes()) {
                if (!cls->name.starts_with("__")) (void)wmimock::formatClassMof(*cls);
            }
        }
    }
    return 0;
}
