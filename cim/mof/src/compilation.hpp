// One run of the MOF compiler: the file table, the diagnostics, the declarations collected
// while parsing, and the staging copy of the repository they are resolved into. Nothing
// reaches the caller's repository unless the whole compilation is free of errors.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "wmimock/cim/names.hpp"
#include "wmimock/mof/ast.hpp"
#include "wmimock/mof/compiler.hpp"
#include "wmimock/mof/parser.hpp"
#include "wmimock/mof/schema_repository.hpp"

namespace wmimock::mof::detail {

struct SourceFile {
    std::string name;
    std::string text;  // UTF-8; the AST points into it
};

struct PendingClass {
    AstClass ast;
    std::uint32_t nameSpace = 0;
    ClassFlags flags;
    bool wmiDialect = false;
    bool deleted = false;  // removed again by a later #pragma deleteclass
};

struct PendingInstance {
    AstInstance ast;
    std::uint32_t nameSpace = 0;
    bool wmiDialect = false;
};

/// Flavors set by WMI flavor-only qualifier declarations ("Qualifier X : Amended;").
using FlavorOverrides = std::unordered_map<std::string, AstFlavors, NameHash, NameEqual>;

class Compilation final : public ParseErrorSink {
public:
    Compilation(const MofCompileOptions& options, SchemaRepository& target, MofCompileResult& result);

    /// Compiles `text` (nullopt: load `name` through the loader) and commits on success.
    void run(std::string_view name, std::optional<std::string_view> text);

    // Diagnostics.
    void error(SourceLoc loc, std::string message);
    void warning(SourceLoc loc, std::string message);
    void syntaxError(SourceLoc loc, std::string message) override { error(loc, std::move(message)); }
    bool wantsMore() const override { return errorCount_ < options_.maxErrors; }
    std::size_t errorCount() const noexcept { return errorCount_; }
    std::string locationText(SourceLoc loc) const;

    // State shared with the resolvers.
    const MofCompileOptions& options() const noexcept { return options_; }
    SchemaRepository& staging() noexcept { return staging_; }
    const std::string& namespaceName(std::uint32_t index) const { return namespaces_[index]; }
    std::size_t namespaceCount() const noexcept { return namespaces_.size(); }
    std::vector<PendingClass>& classes() noexcept { return classes_; }
    std::vector<PendingInstance>& instances() noexcept { return instances_; }
    const FlavorOverrides& flavorOverrides(std::uint32_t nameSpace) const;
    MofCompileResult& result() noexcept { return result_; }
    std::uint32_t namespaceIndex(std::string_view normalizedName);

private:
    struct FileState {
        std::uint32_t nameSpace = 0;
        ClassFlags classFlags;
        bool wmiDialect = false;
    };

    std::optional<MofSource> load(std::string_view name, std::string_view includingFile);
    void parseFile(std::uint32_t fileIndex, FileState& state, int depth);
    void handlePragma(const AstPragma& pragma, std::uint32_t fileIndex, FileState& state, int depth);
    void handleQualifierDecl(const AstQualifierDecl& decl, const FileState& state);
    void deleteClass(const AstPragma& pragma, const FileState& state);
    std::string resolveNamespacePragma(std::string_view current, std::string_view argument) const;

    const MofCompileOptions& options_;
    SchemaRepository& target_;
    MofCompileResult& result_;
    SchemaRepository staging_;
    std::deque<SourceFile> files_;  // stable addresses: the AST points into the texts
    std::vector<std::string> namespaces_;
    std::unordered_map<std::string, std::uint32_t, NameHash, NameEqual> namespaceIndex_;
    std::vector<FlavorOverrides> flavorOverrides_;
    std::unordered_map<std::string, SourceLoc, NameHash, NameEqual> qualifiersDeclaredHere_;  // "ns:name"
    std::vector<PendingClass> classes_;
    std::vector<PendingInstance> instances_;
    std::vector<std::string> includeStack_;
    std::size_t errorCount_ = 0;
    bool limitReported_ = false;
    std::chrono::nanoseconds readTime_{0};
};

/// Resolves the collected classes into the staging repository (inheritance, qualifier
/// propagation, overrides, semantic checks), in dependency order.
void resolveClasses(Compilation& compilation);

/// Types and checks the collected instances, resolves aliases and fills result.instances.
void resolveInstances(Compilation& compilation);

/// Normalizes a namespace name: separators to '/', host prefix and outer slashes removed.
std::string normalizeNamespaceName(std::string_view name);

}  // namespace wmimock::mof::detail
