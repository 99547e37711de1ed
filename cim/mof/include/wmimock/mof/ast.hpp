// The syntax tree the MOF parser produces, one declaration at a time. Names are views into
// the source text (which must outlive the tree); literal strings are decoded copies.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "wmimock/cim/cim_type.hpp"
#include "wmimock/cim/qualifier.hpp"

namespace wmimock::mof {

/// A position in a compilation: `file` indexes the compilation's file table.
struct SourceLoc {
    std::uint32_t file = 0;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

struct AstValue {
    enum class Kind : std::uint8_t { Null, Boolean, Integer, Real, String, Char16, Alias, Array };
    Kind kind = Kind::Null;
    SourceLoc loc;
    bool boolean = false;
    bool negative = false;           ///< Integer: value is -magnitude
    std::uint64_t magnitude = 0;     ///< Integer
    double real = 0;                 ///< Real
    char16_t char16 = 0;             ///< Char16
    std::string text;                ///< String (decoded, adjacent literals joined) or Alias name
    std::vector<AstValue> elements;  ///< Array

    /// "integer", "string", "array", ... for messages.
    std::string_view kindName() const noexcept;
};

/// Flavors written at a qualifier use or declaration; unset members keep the default.
struct AstFlavors {
    std::optional<bool> overridable;
    std::optional<bool> toSubclass;
    std::optional<bool> translatable;
    std::optional<bool> amended;
    std::optional<bool> toInstance;

    bool empty() const noexcept { return !overridable && !toSubclass && !translatable && !amended && !toInstance; }
    /// `base` with the written flavors applied.
    Flavor applyTo(Flavor base) const noexcept;
};

struct AstQualifier {
    std::string_view name;
    SourceLoc loc;
    std::optional<AstValue> value;
    AstFlavors flavors;
};

struct AstType {
    CimType type = CimType::String;
    std::string_view referenceClass;  ///< `X REF`, WMI `object:X`, or the class of `X Name`
    bool isArray = false;
    std::optional<std::uint32_t> arraySize;
    bool isVoid = false;      ///< WMI: `void` method (no return value)
    bool classNamed = false;  ///< WMI/MI: `X Name`, an embedded instance of class X
    SourceLoc loc;            ///< where the type is written
};

struct AstProperty {
    std::vector<AstQualifier> qualifiers;
    AstType type;
    std::string_view name;
    SourceLoc loc;
    std::optional<AstValue> defaultValue;
};

struct AstParameter {
    std::vector<AstQualifier> qualifiers;
    AstType type;
    std::string_view name;
    SourceLoc loc;
};

struct AstMethod {
    std::vector<AstQualifier> qualifiers;
    AstType returnType;
    std::string_view name;
    SourceLoc loc;
    std::vector<AstParameter> parameters;
};

/// Options of #pragma classflags in effect for a class.
struct ClassFlags {
    bool createOnly = false;
    bool updateOnly = false;
    bool safeUpdate = false;   ///< update even with subclasses, if none conflicts
    bool forceUpdate = false;  ///< update even with subclasses; conflicting ones are removed
};

struct AstClass {
    std::vector<AstQualifier> qualifiers;
    std::string_view name;
    std::string_view alias;
    std::string_view superClass;
    SourceLoc loc;
    SourceLoc superLoc;
    std::vector<AstProperty> properties;  ///< properties and references
    std::vector<AstMethod> methods;
};

struct AstQualifierDecl {
    std::string_view name;
    SourceLoc loc;
    /// WMI: "Qualifier DisplayName : Amended;" sets only flavors; type/scope are absent.
    bool flavorOnly = false;
    AstType type;
    std::optional<AstValue> defaultValue;
    Scope scope = Scope::None;
    AstFlavors flavors;
};

struct AstPropertyValue {
    std::vector<AstQualifier> qualifiers;
    std::string_view name;
    SourceLoc loc;
    AstValue value;
    bool hasValue = true;  ///< WMI: `Name;` lists a property without setting it
};

struct AstInstance {
    std::vector<AstQualifier> qualifiers;
    std::string_view className;
    std::string_view alias;
    SourceLoc loc;
    std::vector<AstPropertyValue> values;
};

struct AstPragma {
    std::string_view name;
    SourceLoc loc;
    /// Arguments as written: decoded strings, bare words (FAIL, NOFAIL) and numbers as text.
    /// For `include` the file name with every backslash read as '/'.
    std::vector<std::string> arguments;
    bool backslashPath = false;  ///< include: the file name was written with backslashes
};

using AstDeclaration = std::variant<AstQualifierDecl, AstClass, AstInstance, AstPragma>;

}  // namespace wmimock::mof
