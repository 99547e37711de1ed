// The parsed form of a WQL query: a SELECT with an optional condition tree, or an
// ASSOCIATORS OF / REFERENCES OF query with its WHERE keywords.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "wmimock/cim/value.hpp"

namespace wmimock::detail {

/// A property name or a literal (string, number, TRUE/FALSE, NULL).
struct WqlOperand {
    bool isProperty = false;
    std::string property;
    Value literal;  ///< NULL for the NULL keyword
    std::size_t position = 0;
};

enum class WqlCompare { Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual };

struct WqlCondition {
    enum class Kind { And, Or, Not, Compare, IsNull, Like, Isa };
    Kind kind = Kind::Compare;
    std::vector<std::unique_ptr<WqlCondition>> children;  ///< And/Or: two; Not: one
    WqlOperand left;
    WqlOperand right;  ///< Compare
    WqlCompare compare = WqlCompare::Equal;
    bool negated = false;  ///< IS NOT NULL, NOT LIKE
    std::string pattern;   ///< LIKE pattern / ISA class name
};

struct WqlSelect {
    std::string className;
    std::size_t classPosition = 0;
    /// Selected properties with their positions; nullopt for SELECT *.
    std::optional<std::vector<std::pair<std::string, std::size_t>>> properties;
    std::unique_ptr<WqlCondition> where;
};

/// ASSOCIATORS OF {path} / REFERENCES OF {path} and their WHERE keywords.
struct WqlAssociationQuery {
    bool references = false;  ///< REFERENCES OF (else ASSOCIATORS OF)
    std::string path;
    std::size_t pathPosition = 0;
    std::string assocClass;
    std::string resultClass;
    std::string role;
    std::string resultRole;
    bool keysOnly = false;
    /// A WHERE keyword this CIMOM does not implement (ClassDefsOnly, SchemaOnly,
    /// RequiredQualifier, RequiredAssocQualifier): rejected with CIM_ERR_NOT_SUPPORTED.
    std::string unsupportedKeyword;
};

using WqlQuery = std::variant<WqlSelect, WqlAssociationQuery>;

/// Parses a WQL query. Throws CimError(InvalidQuery) "WQL syntax error at position N: ...".
WqlQuery parseWql(std::string_view query);

}  // namespace wmimock::detail
