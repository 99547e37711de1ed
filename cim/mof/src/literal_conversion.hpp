// Typing of MOF literals: a parsed literal becomes a Value of the declared CIM type, or an
// explanation of why it cannot ("value 70000 is out of range for uint16").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "wmimock/cim/value.hpp"
#include "wmimock/mof/ast.hpp"

namespace wmimock::mof::detail {

/// Equal string values made one: a schema repeats the same strings thousands of times
/// (ValueMap entries, "DMTF Reserved", units), and a Value copy shares its text.
class StringValues {
public:
    Value intern(Value value);

private:
    std::unordered_map<std::string_view, Value> byText_;  // keys view the values' own text
};

struct LiteralTarget {
    CimType type = CimType::String;
    bool isArray = false;
    /// Qualifier values may give a single element for an array type ({"x"} or ("x")).
    bool scalarMayFillArray = false;
    StringValues* strings = nullptr;  ///< when set, string values (and elements) are interned
};

/// The typed value, or nullopt with `error` set. Aliases are not handled here.
std::optional<Value> convertLiteral(const AstValue& literal, const LiteralTarget& target, std::string& error);
/// Same, but moves the literal's strings into the value (the literal is left unspecified).
std::optional<Value> convertLiteral(AstValue&& literal, const LiteralTarget& target, std::string& error);

/// The value a literal has when no type is declared (WMI's undeclared qualifiers):
/// boolean, sint32 (sint64/uint64 when larger), real64, string, char16 or arrays of those.
std::optional<Value> inferLiteral(const AstValue& literal, std::string& error);

/// "uint16", "string[]", "CIM_System REF" for messages.
std::string describeType(CimType type, bool isArray, std::string_view referenceClass = {});

}  // namespace wmimock::mof::detail
