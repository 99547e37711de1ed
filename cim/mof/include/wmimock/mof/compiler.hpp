// The MOF compiler: DSP0004 MOF as the DMTF CIM schema uses it, and the Microsoft WMI
// dialect (mofcomp). Compiles into a SchemaRepository transactionally: a compilation with
// errors leaves the repository unchanged.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
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

/// Which MOF a file is read as. DSP0004 (Dmtf) requires every qualifier to be declared and
/// refuses mofcomp's extensions; the WMI dialect (Wmi) follows mofcomp: undeclared
/// qualifiers typed from their value, `void` methods, properties typed by a class name,
/// valueless instance properties, WMI path forms, and the WMI pragmas with their update
/// semantics. Auto reads a whole file as WMI when anything in it shows it is one: UTF-16
/// text, a WMI pragma (autorecover, classflags, instanceflags, deleteclass, deleteinstance,
/// or a namespace written with backslashes), a system class (`__Name`, as class,
/// superclass or instance), or a `[Dynamic]` or `[Provider(...)]` class; otherwise as
/// DSP0004. A file included by a WMI file is WMI too.
enum class MofDialect : std::uint8_t { Auto, Dmtf, Wmi };

/// "auto", "dmtf", "wmi" (case-insensitive); nullopt for anything else.
std::optional<MofDialect> parseMofDialect(std::string_view text) noexcept;
std::string_view toString(MofDialect dialect) noexcept;

struct MofCompileOptions {
    std::string defaultNamespace = "root/cimv2";  ///< before any #pragma namespace
    std::vector<std::filesystem::path> includePaths;
    std::size_t maxErrors = 50;  ///< stop reporting after this many errors
    MofSourceLoader loader;      ///< empty: the file system
    MofDialect dialect = MofDialect::Auto;
};

/// How an instance declaration may change the instance store (WMI `#pragma instanceflags`).
enum class InstanceUpdate : std::uint8_t {
    CreateOrUpdate,  ///< the default: create it, or update the instance with the same path
    CreateOnly,      ///< fail if an instance with that path exists
    UpdateOnly,      ///< fail unless an instance with that path exists
};

/// An instance declared with `instance of`, with the namespace it was compiled into.
struct CompiledInstance {
    std::string nameSpace;
    Instance instance;  ///< path() set from the class keys when it has any
    InstanceUpdate update = InstanceUpdate::CreateOrUpdate;
    /// An instance of a class without keys, declared to be the value of an embedded-instance
    /// property (`Credential = $cred;`): it lives inside that value and has no path of its
    /// own, so a CIMOM does not store it.
    bool embeddedOnly = false;
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
    /// Compiles several files, in order, as one compilation: a later file sees what an
    /// earlier one declares even when the earlier one has errors (so one mistake does not
    /// cascade into "not declared" errors elsewhere), and `repository` changes only if
    /// every file compiles.
    MofCompileResult compileFiles(const std::vector<std::filesystem::path>& files, SchemaRepository& repository) const;
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
