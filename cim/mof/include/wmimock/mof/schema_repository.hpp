// The schema side of a repository: per namespace, qualifier declarations and resolved
// classes. The MOF compiler compiles into it; the fake CIMOM serves classes from it.
// Not internally synchronized: the CIMOM guards it (readers share, a compilation swaps in
// a new copy). Copies are cheap: classes are shared immutable ClassPtr.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "wmimock/cim/cim_class.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/cim/qualifier.hpp"

namespace wmimock {

class SchemaNamespace {
public:
    explicit SchemaNamespace(std::string name = {});

    const std::string& name() const noexcept { return name_; }

    const QualifierDecl* findQualifier(std::string_view name) const noexcept;
    void putQualifier(QualifierDecl decl);
    /// False when no such declaration exists.
    bool removeQualifier(std::string_view name);
    std::vector<const QualifierDecl*> qualifiers() const;
    std::size_t qualifierCount() const noexcept { return qualifiers_.size(); }

    /// The resolved class (inherited elements included) or nullptr.
    ClassPtr findClass(std::string_view name) const noexcept;
    /// Adds or replaces a resolved class; keeps the subclass index up to date.
    void putClass(ClassPtr resolved);
    /// Removes a class (not its subclasses). Returns false if absent.
    bool removeClass(std::string_view name);
    /// All classes, superclasses before subclasses.
    std::vector<ClassPtr> classes() const;
    std::size_t classCount() const noexcept { return classes_.size(); }

    /// Direct (or, with deep, all) subclass names of `className`; root classes when empty.
    std::vector<std::string> subclassNames(std::string_view className, bool deep) const;
    /// True if `className` is `ancestor` or derives from it.
    bool isA(std::string_view className, std::string_view ancestor) const;

private:
    std::string name_;
    std::unordered_map<std::string, QualifierDecl, NameHash, NameEqual> qualifiers_;
    std::unordered_map<std::string, ClassPtr, NameHash, NameEqual> classes_;
    std::unordered_map<std::string, std::vector<std::string>, NameHash, NameEqual> children_;  // "" = roots
    std::vector<std::string> order_;  // insertion order (superclasses first)
};

class SchemaRepository {
public:
    SchemaRepository() = default;
    /// A repository whose new namespaces start without the WMI system classes (a pure
    /// DMTF CIMOM view, and how the system classes themselves are compiled).
    static SchemaRepository withoutSystemClasses();

    /// The namespace (names normalized: "root\\cimv2" == "root/cimv2") or nullptr.
    const SchemaNamespace* find(std::string_view nameSpace) const noexcept;
    SchemaNamespace* find(std::string_view nameSpace) noexcept;
    /// Creates the namespace on first use, seeded with the WMI system classes
    /// (__SystemClass, __Namespace, __Provider, __Win32Provider, ...).
    SchemaNamespace& getOrCreate(std::string_view nameSpace);
    std::vector<std::string> namespaces() const;

private:
    std::map<std::string, SchemaNamespace, NameLess> namespaces_;
    bool seedSystemClasses_ = true;
};

}  // namespace wmimock
