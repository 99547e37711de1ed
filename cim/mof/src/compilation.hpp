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

#include "class_builder.hpp"
#include "literal_conversion.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/mof/ast.hpp"
#include "wmimock/mof/compiler.hpp"
#include "wmimock/mof/parser.hpp"
#include "wmimock/mof/schema_repository.hpp"

namespace wmimock::mof::detail {

struct SourceFile {
    std::string name;
    std::string text;  // UTF-8, dropped once the file is parsed (the AST's names are pooled)
};

struct PendingClass {
    AstClass ast;
    std::uint32_t nameSpace = 0;
    ClassFlags flags;
    bool deleted = false;   // removed again by a later #pragma deleteclass
    bool resolved = false;  // built (or refused) already
};

struct PendingInstance {
    AstInstance ast;
    std::uint32_t nameSpace = 0;
    InstanceUpdate update = InstanceUpdate::CreateOrUpdate;
};

/// One top-level input of a compilation: a file to load, or text given directly.
struct CompilationInput {
    std::string name;
    std::optional<std::string_view> text;
};

/// Flavors set by WMI flavor-only qualifier declarations ("Qualifier X : Amended;").
using FlavorOverrides = std::unordered_map<std::string, AstFlavors, NameHash, NameEqual>;

class Compilation final : public ParseErrorSink {
public:
    Compilation(const MofCompileOptions& options, SchemaRepository& target, MofCompileResult& result);

    /// Compiles the inputs in order as one compilation and commits on success.
    void run(const std::vector<CompilationInput>& inputs);

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
    StringValues& strings() noexcept { return strings_; }
    InheritedQualifiers& inheritedQualifiers() noexcept { return inherited_; }
    std::uint32_t namespaceIndex(std::string_view normalizedName);
    /// Whether a declaration at `loc` is read in the WMI dialect (final once its file is parsed).
    bool isWmi(SourceLoc loc) const { return fileWmi_[loc.file]; }

    // Classes this compilation has built, and the declarations still waiting.
    const SourceLoc* resolvedHere(std::uint32_t nameSpace, std::string_view className) const;
    void noteResolved(std::uint32_t nameSpace, std::string_view className, SourceLoc loc);
    /// True if a declaration of `className` other than classes()[self] waits to be built.
    bool pendingElsewhere(std::uint32_t nameSpace, std::string_view className, std::size_t self) const;
    /// classes()[pending] is tried again once `what` ("Class" or "qualifier Name") exists.
    void waitFor(std::uint32_t nameSpace, std::string_view what, std::size_t pending);

private:
    struct FileState {
        std::uint32_t nameSpace = 0;
        ClassFlags classFlags;
        InstanceUpdate instanceUpdate = InstanceUpdate::CreateOrUpdate;
    };

    std::optional<MofSource> load(std::string_view name, std::string_view includingFile);
    void parseFile(std::uint32_t fileIndex, FileState& state, int depth);
    void handlePragma(const AstPragma& pragma, std::uint32_t fileIndex, FileState& state, int depth);
    void handleQualifierDecl(const AstQualifierDecl& decl, const FileState& state);
    void deleteClass(const AstPragma& pragma, const FileState& state);
    void handleFlagsPragma(const AstPragma& pragma, FileState& state);
    std::uint32_t addFile(std::string name, std::string_view bytes);
    // Auto dialect: evidence that a file is WMI MOF.
    void markWmi(std::uint32_t fileIndex) { fileWmi_[fileIndex] = true; }
    bool wmiOnly(const AstPragma& pragma, std::uint32_t fileIndex);
    void noteWmiDeclaration(const AstDeclaration& declaration, std::uint32_t fileIndex);
    std::string classKey(std::uint32_t nameSpace, std::string_view className) const;
    std::string resolveNamespacePragma(std::string_view current, std::string_view argument) const;

    const MofCompileOptions& options_;
    SchemaRepository& target_;
    MofCompileResult& result_;
    SchemaRepository staging_;
    std::deque<SourceFile> files_;
    NamePool names_;        // every name the declarations hold
    StringValues strings_;  // every string value the resolved classes hold
    InheritedQualifiers inherited_;
    std::vector<bool> fileWmi_;  // per file: read in the WMI dialect
    std::vector<std::string> namespaces_;
    std::unordered_map<std::string, std::uint32_t, NameHash, NameEqual> namespaceIndex_;
    std::vector<FlavorOverrides> flavorOverrides_;
    std::unordered_map<std::string, SourceLoc, NameHash, NameEqual> qualifiersDeclaredHere_;  // "ns:name"
    std::vector<PendingClass> classes_;
    std::unordered_map<std::string, SourceLoc, NameHash, NameEqual> resolvedHere_;            // "ns:class"
    std::unordered_multimap<std::string, std::size_t, NameHash, NameEqual> waiting_;          // "ns:class" -> pending
    std::unordered_map<std::string, std::vector<std::size_t>, NameHash, NameEqual> blocked_;  // "ns:what" -> pending
    std::vector<std::size_t> woken_;  // pending classes whose blocker now exists
    void wake(std::uint32_t nameSpace, std::string_view what);
    std::vector<PendingInstance> instances_;
    std::vector<std::string> includeStack_;
    std::size_t errorCount_ = 0;
    bool limitReported_ = false;
    std::chrono::nanoseconds readTime_{0};
};

/// Resolves the collected classes into the staging repository (inheritance, qualifier
/// propagation, overrides, semantic checks), in dependency order.
void resolveClasses(Compilation& compilation);

/// Builds those of `candidates` (indexes into classes()) whose every dependency exists.
void resolveReadyClasses(Compilation& compilation, const std::vector<std::size_t>& candidates);

/// Types and checks the collected instances, resolves aliases and fills result.instances.
void resolveInstances(Compilation& compilation);

/// mofcomp's single-key path `Class="value"` (or `ns:Class=42`) as a DSP0004 path,
/// `Class.Key="value"`, when `ns` declares Class with exactly one key; nullopt otherwise.
std::optional<std::string> expandSingleKeyPath(std::string_view path, const SchemaNamespace* ns);

/// Normalizes a namespace name: separators to '/', host prefix and outer slashes removed.
std::string normalizeNamespaceName(std::string_view name);

}  // namespace wmimock::mof::detail
