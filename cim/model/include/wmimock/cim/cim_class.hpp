// Class declarations: properties, references, methods and parameters.
// A class handed out by a repository is "resolved": `properties` and `methods` include the
// inherited ones (propagated = true, classOrigin = the declaring class), and effective
// qualifiers have been propagated per their flavors.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wmimock/cim/cim_type.hpp"
#include "wmimock/cim/qualifier.hpp"
#include "wmimock/cim/shared_string.hpp"
#include "wmimock/cim/value.hpp"

namespace wmimock {

class Instance;
class ObjectPath;

/// The type of the values a declared element holds. DSP0004: a string qualified
/// EmbeddedInstance holds instances, one qualified EmbeddedObject holds instances or
/// classes; any other element holds values of its declared type.
CimType embeddedValueType(CimType declared, const QualifierList& qualifiers) noexcept;

struct PropertyDecl {
    std::string name;
    CimType type = CimType::String;
    bool isArray = false;
    bool propagated = false;                 ///< inherited unchanged from a superclass
    std::optional<std::uint32_t> arraySize;  ///< fixed-size array [N]
    std::string referenceClass;              ///< for Reference: the REF class; for embedded: the class
    Value defaultValue;                      ///< NULL when none
    QualifierList qualifiers;
    SharedString classOrigin;  ///< class that declared (or last overrode) the property

    bool isKey() const noexcept { return qualifiers.isTrue("Key"); }
    bool isReference() const noexcept { return type == CimType::Reference; }
    CimType valueType() const noexcept { return embeddedValueType(type, qualifiers); }
};

struct ParameterDecl {
    std::string name;
    CimType type = CimType::String;
    bool isArray = false;
    std::optional<std::uint32_t> arraySize;
    std::string referenceClass;
    QualifierList qualifiers;

    /// DSP0004: a parameter is IN unless qualified In(false).
    bool isIn() const noexcept;
    bool isOut() const noexcept { return qualifiers.isTrue("Out"); }
    bool isRequired() const noexcept { return qualifiers.isTrue("Required"); }
    CimType valueType() const noexcept { return embeddedValueType(type, qualifiers); }
};

struct MethodDecl {
    std::string name;
    CimType returnType = CimType::Uint32;  ///< unused when returnsVoid
    std::string returnReferenceClass;
    bool returnsVoid = false;  ///< WMI: `void Name(...)`, a method without a return value
    bool propagated = false;
    std::vector<ParameterDecl> parameters;
    QualifierList qualifiers;
    SharedString classOrigin;

    const ParameterDecl* findParameter(std::string_view name) const noexcept;
};

enum class ClassKind : std::uint8_t { Class, Association, Indication };

struct CimClass {
    std::string name;
    std::string superClass;  ///< empty for a root class
    ClassKind kind = ClassKind::Class;
    QualifierList qualifiers;
    std::vector<PropertyDecl> properties;
    std::vector<MethodDecl> methods;
    /// Superclass chain, nearest first (WMI __DERIVATION). Filled by resolution.
    std::vector<std::string> derivation;

    bool isAssociation() const noexcept { return kind == ClassKind::Association; }
    bool isIndication() const noexcept { return kind == ClassKind::Indication; }
    bool isAbstract() const noexcept { return qualifiers.isTrue("Abstract"); }

    const PropertyDecl* findProperty(std::string_view name) const noexcept;
    PropertyDecl* findProperty(std::string_view name) noexcept;
    const MethodDecl* findMethod(std::string_view name) const noexcept;
    /// Names of key properties, in declaration order.
    std::vector<std::string> keyNames() const;
    /// True if `ancestor` is this class or in its derivation (case-insensitive).
    bool isA(std::string_view ancestor) const noexcept;

    /// The instance path of `instance` in `nameSpace`, from its key properties (typed as
    /// declared). Throws CimError(InvalidParameter) if a key is missing or NULL.
    ObjectPath pathOf(const Instance& instance, std::string_view nameSpace) const;
};

using ClassPtr = std::shared_ptr<const CimClass>;

}  // namespace wmimock
