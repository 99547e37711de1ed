// Recursive-descent parser for the WQL subset (see wql_query.hpp). Grammar:
//   query      := select | (ASSOCIATORS | REFERENCES) OF path [WHERE assocword+]
//   select     := SELECT (* | name {, name}) FROM name [WHERE or]
//   or         := and {OR and}        and := not {AND not}       not := NOT not | primary
//   primary    := ( or ) | operand (cmp operand | IS [NOT] NULL | [NOT] LIKE string | ISA class)
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"
#include "wql_lexer.hpp"
#include "wql_query.hpp"

namespace wmimock::detail {

namespace {

std::string describe(const WqlToken& token) {
    switch (token.kind) {
        case WqlTokenKind::End:
            return "end of query";
        case WqlTokenKind::String:
            return "string '" + token.text + "'";
        case WqlTokenKind::PathLiteral:
            return "object path {" + token.text + "}";
        case WqlTokenKind::Identifier:
        case WqlTokenKind::Integer:
        case WqlTokenKind::Real:
            return "'" + token.text + "'";
        case WqlTokenKind::Star:
            return "'*'";
        case WqlTokenKind::Comma:
            return "','";
        case WqlTokenKind::LeftParen:
            return "'('";
        case WqlTokenKind::RightParen:
            return "')'";
        case WqlTokenKind::Minus:
            return "'-'";
        case WqlTokenKind::Invalid:
            return "unexpected character '" + token.text + "'";
        default:
            return "operator";
    }
}

bool isReserved(std::string_view word) {
    static constexpr std::string_view kReserved[] = {"SELECT", "FROM", "WHERE", "AND",  "OR",    "NOT", "IS",
                                                     "NULL",   "LIKE", "ISA",   "TRUE", "FALSE", "OF"};
    for (std::string_view r : kReserved) {
        if (iequals(r, word)) return true;
    }
    return false;
}

class Parser {
public:
    explicit Parser(std::string_view query) : tokens_(tokenizeWql(query)) {}

    WqlQuery parse() {
        if (acceptKeyword("SELECT")) return parseSelect();
        if (peekKeyword("ASSOCIATORS") || peekKeyword("REFERENCES")) return parseAssociationQuery();
        fail("expected SELECT, ASSOCIATORS OF or REFERENCES OF");
    }

private:
    const WqlToken& peek() const { return tokens_[index_]; }
    const WqlToken& take() { return tokens_[index_ < tokens_.size() - 1 ? index_++ : index_]; }
    bool peekKeyword(std::string_view word) const {
        return peek().kind == WqlTokenKind::Identifier && iequals(peek().text, word);
    }
    bool acceptKeyword(std::string_view word) {
        if (!peekKeyword(word)) return false;
        ++index_;
        return true;
    }
    bool accept(WqlTokenKind kind) {
        if (peek().kind != kind) return false;
        ++index_;
        return true;
    }
    [[noreturn]] void fail(std::string_view expectation) const {
        throwWqlSyntaxError(peek().position, std::string(expectation) + ", found " + describe(peek()));
    }
    void expectKeyword(std::string_view word) {
        if (!acceptKeyword(word)) fail("expected " + std::string(word));
    }
    const WqlToken& expectName(std::string_view what) {
        if (peek().kind != WqlTokenKind::Identifier || isReserved(peek().text)) fail("expected " + std::string(what));
        return take();
    }
    void expectEnd() {
        if (peek().kind != WqlTokenKind::End) fail("expected end of query");
    }

    WqlSelect parseSelect() {
        WqlSelect select;
        if (!accept(WqlTokenKind::Star)) {
            select.properties.emplace();
            do {
                const WqlToken& name = expectName("a property name or '*'");
                select.properties->emplace_back(name.text, name.position);
            } while (accept(WqlTokenKind::Comma));
        }
        expectKeyword("FROM");
        const WqlToken& cls = expectName("a class name");
        select.className = cls.text;
        select.classPosition = cls.position;
        if (acceptKeyword("WHERE")) select.where = parseOr();
        expectEnd();
        return select;
    }

    std::unique_ptr<WqlCondition> parseOr() {
        auto left = parseAnd();
        while (acceptKeyword("OR")) left = combine(WqlCondition::Kind::Or, std::move(left), parseAnd());
        return left;
    }
    std::unique_ptr<WqlCondition> parseAnd() {
        auto left = parseNot();
        while (acceptKeyword("AND")) left = combine(WqlCondition::Kind::And, std::move(left), parseNot());
        return left;
    }
    std::unique_ptr<WqlCondition> parseNot() {
        if (acceptKeyword("NOT")) {
            auto node = std::make_unique<WqlCondition>();
            node->kind = WqlCondition::Kind::Not;
            node->children.push_back(parseNot());
            return node;
        }
        return parsePrimary();
    }
    static std::unique_ptr<WqlCondition> combine(WqlCondition::Kind kind, std::unique_ptr<WqlCondition> a,
                                                 std::unique_ptr<WqlCondition> b) {
        auto node = std::make_unique<WqlCondition>();
        node->kind = kind;
        node->children.push_back(std::move(a));
        node->children.push_back(std::move(b));
        return node;
    }

    std::unique_ptr<WqlCondition> parsePrimary() {
        if (accept(WqlTokenKind::LeftParen)) {
            auto inner = parseOr();
            if (!accept(WqlTokenKind::RightParen)) fail("expected ')'");
            return inner;
        }
        auto node = std::make_unique<WqlCondition>();
        node->left = parseOperand();
        if (acceptKeyword("IS")) {
            node->kind = WqlCondition::Kind::IsNull;
            node->negated = acceptKeyword("NOT");
            expectKeyword("NULL");
            return node;
        }
        const bool notLike = peekKeyword("NOT") && index_ + 1 < tokens_.size() &&
                             tokens_[index_ + 1].kind == WqlTokenKind::Identifier &&
                             iequals(tokens_[index_ + 1].text, "LIKE");
        if (notLike) ++index_;
        if (acceptKeyword("LIKE")) {
            node->kind = WqlCondition::Kind::Like;
            node->negated = notLike;
            if (peek().kind != WqlTokenKind::String) fail("expected a string pattern after LIKE");
            node->pattern = take().text;
            return node;
        }
        if (acceptKeyword("ISA")) {
            node->kind = WqlCondition::Kind::Isa;
            if (peek().kind == WqlTokenKind::String) {
                node->pattern = take().text;
            } else {
                node->pattern = expectName("a class name after ISA").text;
            }
            return node;
        }
        node->kind = WqlCondition::Kind::Compare;
        switch (peek().kind) {
            case WqlTokenKind::Equal:
                node->compare = WqlCompare::Equal;
                break;
            case WqlTokenKind::NotEqual:
                node->compare = WqlCompare::NotEqual;
                break;
            case WqlTokenKind::Less:
                node->compare = WqlCompare::Less;
                break;
            case WqlTokenKind::LessEqual:
                node->compare = WqlCompare::LessEqual;
                break;
            case WqlTokenKind::Greater:
                node->compare = WqlCompare::Greater;
                break;
            case WqlTokenKind::GreaterEqual:
                node->compare = WqlCompare::GreaterEqual;
                break;
            default:
                fail("expected a comparison operator, IS, LIKE or ISA");
        }
        ++index_;
        node->right = parseOperand();
        return node;
    }

    WqlOperand parseOperand() {
        WqlOperand operand;
        operand.position = peek().position;
        const bool negative = accept(WqlTokenKind::Minus);
        const WqlToken& token = peek();
        if (negative && token.kind != WqlTokenKind::Integer && token.kind != WqlTokenKind::Real) {
            fail("expected a number after '-'");
        }
        switch (token.kind) {
            case WqlTokenKind::String:
                operand.literal = Value::string(take().text);
                return operand;
            case WqlTokenKind::Integer:
                operand.literal = integerLiteral(take(), negative);
                return operand;
            case WqlTokenKind::Real: {
                const double value = std::strtod(take().text.c_str(), nullptr);
                operand.literal = Value::real64(negative ? -value : value);
                return operand;
            }
            case WqlTokenKind::Identifier:
                if (iequals(token.text, "TRUE") || iequals(token.text, "FALSE")) {
                    operand.literal = Value::boolean(iequals(take().text, "TRUE"));
                    return operand;
                }
                if (iequals(token.text, "NULL")) {
                    take();
                    operand.literal = Value();
                    return operand;
                }
                if (isReserved(token.text)) fail("expected a property name or a literal");
                operand.isProperty = true;
                operand.property = take().text;
                return operand;
            default:
                fail("expected a property name or a literal");
        }
    }

    Value integerLiteral(const WqlToken& token, bool negative) {
        const bool hex = token.text.size() > 2 && (token.text[1] == 'x' || token.text[1] == 'X');
        errno = 0;
        char* end = nullptr;
        const unsigned long long magnitude = std::strtoull(token.text.c_str() + (hex ? 2 : 0), &end, hex ? 16 : 10);
        if (errno == ERANGE) throwWqlSyntaxError(token.position, "number " + token.text + " is out of range");
        if (!negative) return Value::uint64(magnitude);
        if (magnitude > 9223372036854775808ULL) {
            throwWqlSyntaxError(token.position, "number -" + token.text + " is out of range");
        }
        return Value::sint64(magnitude == 9223372036854775808ULL ? INT64_MIN : -static_cast<std::int64_t>(magnitude));
    }

    WqlAssociationQuery parseAssociationQuery() {
        WqlAssociationQuery query;
        query.references = peekKeyword("REFERENCES");
        take();
        expectKeyword("OF");
        if (peek().kind != WqlTokenKind::PathLiteral) fail("expected an object path in braces");
        query.pathPosition = peek().position;
        query.path = take().text;
        if (acceptKeyword("WHERE")) {
            bool any = false;
            while (peek().kind == WqlTokenKind::Identifier) {
                parseAssociationKeyword(query);
                any = true;
            }
            if (!any)
                fail(query.references ? "expected ResultClass, Role, KeysOnly or ClassDefsOnly"
                                      : "expected AssocClass, ResultClass, Role, ResultRole, KeysOnly or "
                                        "ClassDefsOnly");
        }
        expectEnd();
        return query;
    }

    void parseAssociationKeyword(WqlAssociationQuery& query) {
        const WqlToken& word = take();
        auto value = [&]() -> std::string {
            if (!accept(WqlTokenKind::Equal)) fail("expected '=' after " + word.text);
            if (peek().kind == WqlTokenKind::String) return take().text;
            return expectName("a name after " + word.text + " =").text;
        };
        const bool assoc = !query.references;
        if (assoc && iequals(word.text, "AssocClass")) {
            query.assocClass = value();
        } else if (iequals(word.text, "ResultClass")) {
            query.resultClass = value();
        } else if (iequals(word.text, "Role")) {
            query.role = value();
        } else if (assoc && iequals(word.text, "ResultRole")) {
            query.resultRole = value();
        } else if (iequals(word.text, "KeysOnly")) {
            query.keysOnly = true;
        } else if (iequals(word.text, "ClassDefsOnly") || iequals(word.text, "SchemaOnly")) {
            if (query.unsupportedKeyword.empty()) query.unsupportedKeyword = word.text;
        } else if (iequals(word.text, "RequiredQualifier") || (assoc && iequals(word.text, "RequiredAssocQualifier"))) {
            value();
            if (query.unsupportedKeyword.empty()) query.unsupportedKeyword = word.text;
        } else {
            throwWqlSyntaxError(word.position, "unknown " + std::string(assoc ? "ASSOCIATORS OF" : "REFERENCES OF") +
                                                   " keyword '" + word.text + "'");
        }
    }

    std::vector<WqlToken> tokens_;
    std::size_t index_ = 0;
};

}  // namespace

WqlQuery parseWql(std::string_view query) {
    return Parser(query).parse();
}

}  // namespace wmimock::detail
