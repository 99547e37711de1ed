// Builds one resolved class from its superclass and its own declarations, by DSP0004's
// inheritance rules. Inherited elements keep their class origin and carry only their
// ToSubclass qualifiers. A declaration overrides the inherited element of its name, or the
// one its Override qualifier names, and may not change its type. A qualifier inherited with
// DisableOverride keeps its value. Keys have key types; an association has two references.
//
// Every class has this one builder behind it: the classes the MOF compiler compiles, the
// subclasses a class update rebuilds (class_update.hpp), and the classes given to the fake
// CIMOM in code (class_resolution.hpp). Each caller turns its own input into model elements
// first (literals converted, qualifiers checked against their declarations) and says where
// a finding belongs in that input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "wmimock/cim/cim_class.hpp"

namespace wmimock::mof::detail {

/// The kind of a class: its superclass's when that is an association or an indication,
/// else what its own Association or Indication qualifier says, else `declared`.
ClassKind classKind(const CimClass* super, bool association, bool indication,
                    ClassKind declared = ClassKind::Class) noexcept;
/// The scope a class's own qualifiers are checked against.
Scope scopeOf(ClassKind kind) noexcept;

/// The inherited form of each list of local qualifiers, made once per list: every
/// subclass of CIM_ManagedElement inherits the same Caption qualifiers, so they share one.
class InheritedQualifiers {
public:
    template <class Make>
    QualifierList get(const QualifierList& local, Make&& make) {
        const void* identity = local.identity();
        if (identity == nullptr) return make(local);
        auto [it, inserted] = cache_.try_emplace(identity);
        if (inserted) it->second = {local, make(local)};  // keeping `local` keeps its address unique
        return it->second.second;
    }

private:
    std::unordered_map<const void*, std::pair<QualifierList, QualifierList>> cache_;
};

/// A broken rule and where it belongs in the declaration of the element being added: the
/// element itself, one of its qualifiers, or one of its parameters (and a qualifier there).
struct ClassFinding {
    bool warning = false;
    std::string message = {};
    std::string qualifier = {};                 ///< empty: not about one qualifier
    std::optional<std::size_t> parameter = {};  ///< index in the method's parameters
};
using ClassFindingSink = std::function<void(ClassFinding)>;

struct InheritanceRules {
    /// DSP0004 asks for Override on a declaration that hides an inherited element, and a
    /// finding (a warning) without it; the WMI dialect and classes built in code do not.
    bool wantOverride = false;
    /// A subclass rebuilt on a changed superclass (mofcomp's forceupdate): a declaration
    /// that breaks a rule gives way to the inherited element, and the finding is reported.
    bool inheritedWins = false;
};

/// How a message names an element: "property 'X' of class 'Y'", "parameter 'P' of method
/// 'Y.M'", "class 'Y'". Built only when a message is, as most elements never need one.
struct ElementName {
    std::string_view kind;  ///< "property", "reference", "method", "parameter"; empty: the class
    std::string_view name;
    std::string_view owner;   ///< the class
    std::string_view method;  ///< a parameter's method
    std::string text() const;
};

class ClassBuilder {
public:
    /// `super` must outlive the builder; null for a root class.
    ClassBuilder(std::string name, const CimClass* super, InheritanceRules rules, InheritedQualifiers& cache,
                 ClassFindingSink report);

    /// Room for the class's own declarations, so that the element lists allocate once.
    void reserve(std::size_t properties, std::size_t methods);
    /// A kind stated apart from the qualifiers (a CimClass built in code). A superclass's
    /// kind other than Class still wins.
    void declareKind(ClassKind kind);
    /// The class's own qualifiers; Association and Indication set its kind.
    bool addQualifiers(const QualifierList& own);
    /// A property or reference declared by the class. `own.qualifiers` holds what it writes
    /// (not what it inherits); `hasDefault` false keeps an overridden element's default.
    bool addProperty(PropertyDecl own, bool hasDefault);
    bool addMethod(MethodDecl own);
    /// The class, or nothing when an error was found (warnings do not count).
    std::optional<CimClass> finish();

    const std::string& name() const noexcept { return cls_.name; }
    ClassKind kind() const noexcept;

private:
    struct OverrideWords {
        std::string_view candidates;  ///< what an Override may name: "property or reference"
        std::string_view self;        ///< what the element is: "reference"
    };
    /// The inherited element `own` overrides, if any; reports an Override that names none,
    /// and (DSP0004) a declaration that hides one without Override.
    template <class Element>
    std::optional<std::size_t> overridden(const std::vector<Element>& elements, const std::vector<bool>& local,
                                          const Element& own, const OverrideWords& words, const ElementName& element);
    /// `own` over what `inherited` passes down; false when a locked qualifier changes.
    bool mergeQualifiers(QualifierList& merged, const QualifierList& own, const ElementName& element,
                         std::optional<std::size_t> parameter = std::nullopt);
    void error(std::string message, std::string qualifier = {}, std::optional<std::size_t> parameter = std::nullopt);

    CimClass cls_;
    const CimClass* super_;
    InheritanceRules rules_;
    InheritedQualifiers& cache_;
    ClassFindingSink report_;
    SharedString origin_;  // the class's name, shared by the elements it declares
    std::vector<bool> localProperty_;
    std::vector<bool> localMethod_;
    std::optional<ClassKind> declaredKind_;
    bool ok_ = true;
};

}  // namespace wmimock::mof::detail
