// Compiling the full DMTF CIM schema 2.49 — read, parse, resolve inheritance and
// qualifiers — from disk into a fresh repository. Target: median under 100 ms on one core,
// peak RSS 24 MB (the process alone is about 4 MB; docs/mof.md has the figures). The
// counters break each run down by phase (MofCompileStats).
// Then the same 1,631 classes given in code, as CreateClass receives them, resolved one by
// one into a fresh namespace by resolveDeclaredClass (the fake CIMOM's addClass path).
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <vector>

#include "wmimock/mof/class_resolution.hpp"
#include "wmimock/mof/compiler.hpp"

namespace {

namespace fs = std::filesystem;

double peakRssMegabytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

double milliseconds(std::chrono::nanoseconds d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

void BM_CompileDmtfSchema249(benchmark::State& state) {
    const fs::path schema = fs::path(WMIMOCK_SHARED_DIR) / "data/cim_schema_2.49.0/cim_schema_2.49.0.mof";
    if (!fs::exists(schema)) {
        state.SkipWithError("DMTF schema 2.49 not found (../shared is absent)");
        return;
    }
    const wmimock::MofCompiler compiler;
    double readMs = 0, parseMs = 0, resolveMs = 0;
    std::size_t classes = 0;
    for (auto _ : state) {
        wmimock::SchemaRepository repository = wmimock::SchemaRepository::withoutSystemClasses();
        const wmimock::MofCompileResult result = compiler.compileFile(schema, repository);
        if (!result.ok()) {
            state.SkipWithError("the schema did not compile");
            return;
        }
        readMs += milliseconds(result.stats.readTime);
        parseMs += milliseconds(result.stats.parseTime);
        resolveMs += milliseconds(result.stats.resolveTime);
        classes = result.stats.classes;
        benchmark::DoNotOptimize(repository);
    }
    const auto runs = static_cast<double>(state.iterations());
    state.counters["read_ms"] = readMs / runs;
    state.counters["parse_ms"] = parseMs / runs;
    state.counters["resolve_ms"] = resolveMs / runs;
    state.counters["classes"] = static_cast<double>(classes);
    state.counters["peak_rss_MB"] = peakRssMegabytes();
}
BENCHMARK(BM_CompileDmtfSchema249)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(9);

void BM_ResolveDmtfSchemaGivenInCode(benchmark::State& state) {
    const fs::path schema = fs::path(WMIMOCK_SHARED_DIR) / "data/cim_schema_2.49.0/cim_schema_2.49.0.mof";
    if (!fs::exists(schema)) {
        state.SkipWithError("DMTF schema 2.49 not found (../shared is absent)");
        return;
    }
    wmimock::SchemaRepository compiled = wmimock::SchemaRepository::withoutSystemClasses();
    if (!wmimock::MofCompiler().compileFile(schema, compiled).ok()) {
        state.SkipWithError("the schema did not compile");
        return;
    }
    const wmimock::SchemaNamespace& source = *compiled.find("root/cimv2");
    const std::vector<wmimock::ClassPtr> classes = source.classes();  // superclasses first
    for (auto _ : state) {
        wmimock::SchemaNamespace target("root/cimv2");
        for (const wmimock::QualifierDecl* decl : source.qualifiers()) target.putQualifier(*decl);
        for (const wmimock::ClassPtr& cls : classes) {
            target.putClass(std::make_shared<const wmimock::CimClass>(wmimock::resolveDeclaredClass(target, *cls)));
        }
        benchmark::DoNotOptimize(target);
    }
    state.counters["classes"] = static_cast<double>(classes.size());
}
BENCHMARK(BM_ResolveDmtfSchemaGivenInCode)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(9);

}  // namespace

BENCHMARK_MAIN();
