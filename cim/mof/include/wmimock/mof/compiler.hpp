// The MOF compiler: DSP0004 MOF as the DMTF CIM schema uses it, and the Microsoft WMI
// dialect (mofcomp). Compiles into a SchemaRepository transactionally: a compilation with
// errors leaves the repository unchanged.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wmimock/cim/instance.hpp"
#include "wmimock/mof/schema_repository.hpp"

namespace wmimock {

struct MofDiagnostic {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    std::string file;  ///< as given or as resolved by #pragma include
    int line = 0;      ///< 1-based
    int column = 0;    ///< 1-based
    std::string message;

    /// "file:line:column: error: message" (the form compilers and editors understand).
    std::string toString() const;
};

/// Reads a source by name: `name` is what #pragma include wrote, `includingFile` the file
/// containing the pragma (empty for the top-level file). Returns the resolved name and the
/// bytes, or nullopt if not found. The default loader reads the file system, relative to
/// the including file first, then to each include path.
struct MofSource {
    std::string resolvedName;
    std::string bytes;
};
using MofSourceLoader = std::function<std::optional<MofSource>(std::string_view name, std::string_view includingFile)>;

struct MofCompileOptions {
    std::string defaultNamespace = "root/cimv2";  ///< before any #pragma namespace
    std::vector<std::filesystem::path> includePaths;
    std::size_t maxErrors = 50;  ///< stop reporting after this many errors
    MofSourceLoader loader;      ///< empty: the file system
    /// Treat every file as Microsoft WMI MOF from the start. Without it a file switches to
    /// the WMI dialect at its first WMI pragma (namespace, autorecover, classflags, ...);
    /// the dialect makes WMI's standard qualifiers implicitly declared and accepts
    /// undeclared qualifiers (typed from their value) as mofcomp does.
    bool wmiDialect = false;
};

/// An instance declared with `instance of`, with the namespace it was compiled into.
struct CompiledInstance {
    std::string nameSpace;
    Instance instance;  ///< path() set from the class keys when it has any
};

struct MofCompileStats {
    std::size_t files = 0;
    std::size_t bytes = 0;
    std::size_t classes = 0;
    std::size_t associations = 0;
    std::size_t indications = 0;
    std::size_t qualifierDecls = 0;
    std::size_t instances = 0;
    std::chrono::nanoseconds readTime{0};
    std::chrono::nanoseconds parseTime{0};
    std::chrono::nanoseconds resolveTime{0};
};

struct MofCompileResult {
    std::vector<MofDiagnostic> diagnostics;  ///< errors and warnings, in source order
    std::vector<CompiledInstance> instances;
    /// Class paths removed by #pragma deleteclass / instances by #pragma deleteinstance.
    std::vector<std::pair<std::string, std::string>> deletedClasses;    // (namespace, class)
    std::vector<std::pair<std::string, std::string>> deletedInstances;  // (namespace, path)
    MofCompileStats stats;

    bool ok() const noexcept;  ///< no error diagnostics
    std::size_t errorCount() const noexcept;
};

class MofCompiler {
public:
    explicit MofCompiler(MofCompileOptions options = {});

    /// Compiles a file and everything it includes into `repository` (unchanged on error).
    MofCompileResult compileFile(const std::filesystem::path& file, SchemaRepository& repository) const;
    /// Compiles MOF text; `sourceName` is used in diagnostics and to resolve includes.
    MofCompileResult compileString(std::string_view text, std::string_view sourceName,
                                   SchemaRepository& repository) const;

private:
    MofCompileOptions options_;
};

/// Renders a resolved class as MOF; inherited elements are marked with a comment
/// ("// inherited from CIM_Service") when `markInherited` is set.
std::string formatClassMof(const CimClass& cls, bool markInherited = true);

}  // namespace wmimock
