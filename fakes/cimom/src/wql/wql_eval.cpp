#include "wql_eval.hpp"

#include <cmath>
#include <compare>
#include <optional>
#include <string>

#include "instance_validator.hpp"
#include "like_pattern.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/cim/object_path.hpp"
#include "wql_lexer.hpp"

namespace wmimock::detail {

namespace {

enum class Truth { False, True, Unknown };

Truth fromBool(bool b) noexcept {
    return b ? Truth::True : Truth::False;
}

Truth negate(Truth t) noexcept {
    if (t == Truth::Unknown) return t;
    return t == Truth::True ? Truth::False : Truth::True;
}

Value operandValue(const WqlOperand& operand, const WqlContext& context) {
    return operand.isProperty ? context.property(operand.property) : operand.literal;
}

/// Text of a value compared as a string (strings, char16, datetimes, references).
std::optional<std::string> textOf(const Value& v) {
    switch (v.type()) {
        case CimType::String:
            return v.asString();
        case CimType::Char16:
        case CimType::DateTime:
        case CimType::Reference:
            return v.toText();
        default:
            return std::nullopt;
    }
}

bool isNumber(const Value& v) noexcept {
    return isNumeric(v.type());
}

std::partial_ordering compareNumbers(const Value& a, const Value& b) {
    if (isInteger(a.type()) && isInteger(b.type())) {
        const bool aNegative = isSignedInteger(a.type()) && a.asInt64() < 0;
        const bool bNegative = isSignedInteger(b.type()) && b.asInt64() < 0;
        if (aNegative || bNegative) {
            if (aNegative && bNegative) return a.asInt64() <=> b.asInt64();
            return aNegative ? std::partial_ordering::less : std::partial_ordering::greater;
        }
        return a.asUint64() <=> b.asUint64();
    }
    return a.asReal() <=> b.asReal();
}

/// Orders two non-NULL scalars; unordered when they cannot be compared.
std::partial_ordering order(const Value& a, const Value& b) {
    if (a.isArray() || b.isArray()) return std::partial_ordering::unordered;
    if (isNumber(a) && isNumber(b)) return compareNumbers(a, b);
    if (a.type() == CimType::Boolean || b.type() == CimType::Boolean) {
        if (a.type() == CimType::Boolean && b.type() == CimType::Boolean) return a.asBool() <=> b.asBool();
        const Value& text = a.type() == CimType::Boolean ? b : a;
        if (text.type() != CimType::String) return std::partial_ordering::unordered;
        const bool boolValue = (a.type() == CimType::Boolean ? a : b).asBool();
        const std::string& s = text.asString();
        if (!iequals(s, "TRUE") && !iequals(s, "FALSE")) return std::partial_ordering::unordered;
        const bool other = iequals(s, "TRUE");
        return a.type() == CimType::Boolean ? boolValue <=> other : other <=> boolValue;
    }
    if (isNumber(a) != isNumber(b)) {
        // A numeric property against a string literal ('2'): compare as numbers if it parses.
        const Value& number = isNumber(a) ? a : b;
        const Value& text = isNumber(a) ? b : a;
        if (text.type() != CimType::String) return std::partial_ordering::unordered;
        try {
            const Value parsed =
                Value::parse(isInteger(number.type()) ? CimType::Sint64 : CimType::Real64, text.asString());
            return isNumber(a) ? compareNumbers(a, parsed) : compareNumbers(parsed, a);
        } catch (const CimError&) {
            return std::partial_ordering::unordered;
        }
    }
    if (a.type() == CimType::Reference && b.type() == CimType::Reference) {
        return a == b ? std::partial_ordering::equivalent : std::partial_ordering::unordered;
    }
    if (a.type() == CimType::Reference || b.type() == CimType::Reference) {
        const Value& path = a.type() == CimType::Reference ? a : b;
        const Value& text = a.type() == CimType::Reference ? b : a;
        if (text.type() != CimType::String) return std::partial_ordering::unordered;
        const auto parsed = ObjectPath::tryParse(text.asString());
        if (!parsed) return std::partial_ordering::unordered;
        ObjectPath left = path.asReference();
        ObjectPath right = *parsed;
        if (right.nameSpace().empty()) right.setNameSpace(left.nameSpace());
        return left == right ? std::partial_ordering::equivalent : std::partial_ordering::unordered;
    }
    const auto ta = textOf(a);
    const auto tb = textOf(b);
    if (!ta || !tb) return std::partial_ordering::unordered;
    const int c = icompare(*ta, *tb);
    return c < 0   ? std::partial_ordering::less
           : c > 0 ? std::partial_ordering::greater
                   : std::partial_ordering::equivalent;
}

Truth evaluateCompare(const WqlCondition& node, const WqlContext& context) {
    const Value left = operandValue(node.left, context);
    const Value right = operandValue(node.right, context);
    // WMI treats "Prop = NULL" / "Prop <> NULL" as IS NULL / IS NOT NULL.
    const bool nullLiteral = (!node.left.isProperty && node.left.literal.isNull()) ||
                             (!node.right.isProperty && node.right.literal.isNull());
    if (nullLiteral && (node.compare == WqlCompare::Equal || node.compare == WqlCompare::NotEqual)) {
        const bool bothNull = left.isNull() && right.isNull();
        return fromBool(node.compare == WqlCompare::Equal ? bothNull : !bothNull);
    }
    if (left.isNull() || right.isNull()) return Truth::Unknown;
    const std::partial_ordering o = order(left, right);
    if (o == std::partial_ordering::unordered) {
        return node.compare == WqlCompare::NotEqual ? Truth::True : Truth::False;
    }
    switch (node.compare) {
        case WqlCompare::Equal:
            return fromBool(o == 0);
        case WqlCompare::NotEqual:
            return fromBool(o != 0);
        case WqlCompare::Less:
            return fromBool(o < 0);
        case WqlCompare::LessEqual:
            return fromBool(o <= 0);
        case WqlCompare::Greater:
            return fromBool(o > 0);
        case WqlCompare::GreaterEqual:
            return fromBool(o >= 0);
    }
    return Truth::Unknown;
}

Truth evaluateIsa(const WqlCondition& node, const WqlContext& context) {
    const Value v = operandValue(node.left, context);
    if (v.isNull() || v.isArray()) return Truth::Unknown;
    switch (v.type()) {
        case CimType::Instance:
        case CimType::Object:
            return fromBool(context.isA(v.asInstance().className(), node.pattern));
        case CimType::Reference:
            return fromBool(context.isA(v.asReference().className(), node.pattern));
        case CimType::String:
            return fromBool(context.isA(v.asString(), node.pattern));
        default:
            return Truth::False;
    }
}

Truth evaluate(const WqlCondition& node, const WqlContext& context) {
    switch (node.kind) {
        case WqlCondition::Kind::And: {
            const Truth a = evaluate(*node.children[0], context);
            if (a == Truth::False) return a;
            const Truth b = evaluate(*node.children[1], context);
            if (b == Truth::False) return b;
            return a == Truth::True && b == Truth::True ? Truth::True : Truth::Unknown;
        }
        case WqlCondition::Kind::Or: {
            const Truth a = evaluate(*node.children[0], context);
            if (a == Truth::True) return a;
            const Truth b = evaluate(*node.children[1], context);
            if (b == Truth::True) return b;
            return a == Truth::False && b == Truth::False ? Truth::False : Truth::Unknown;
        }
        case WqlCondition::Kind::Not:
            return negate(evaluate(*node.children[0], context));
        case WqlCondition::Kind::Compare:
            return evaluateCompare(node, context);
        case WqlCondition::Kind::IsNull: {
            const bool isNull = operandValue(node.left, context).isNull();
            return fromBool(node.negated ? !isNull : isNull);
        }
        case WqlCondition::Kind::Like: {
            const Value v = operandValue(node.left, context);
            if (v.isNull() || v.isArray()) return Truth::Unknown;
            const auto text = textOf(v);
            const bool match = likeMatches(text ? *text : v.toText(), node.pattern);
            return fromBool(node.negated ? !match : match);
        }
        case WqlCondition::Kind::Isa:
            return evaluateIsa(node, context);
    }
    return Truth::Unknown;
}

void validateOperand(const WqlOperand& operand, const CimClass& cls) {
    if (!operand.isProperty || isSystemPropertyName(operand.property)) return;
    if (cls.findProperty(operand.property) == nullptr) {
        throw CimError(CimStatus::InvalidQuery, "WQL error at position " + std::to_string(operand.position) +
                                                    ": class " + cls.name + " has no property '" + operand.property +
                                                    "'");
    }
}

}  // namespace

bool wqlSelects(const WqlCondition& condition, const WqlContext& context) {
    return evaluate(condition, context) == Truth::True;
}

void validateWqlCondition(const WqlCondition& condition, const CimClass& cls) {
    for (const auto& child : condition.children) validateWqlCondition(*child, cls);
    if (condition.kind == WqlCondition::Kind::And || condition.kind == WqlCondition::Kind::Or ||
        condition.kind == WqlCondition::Kind::Not) {
        return;
    }
    validateOperand(condition.left, cls);
    if (condition.kind == WqlCondition::Kind::Compare) validateOperand(condition.right, cls);
    if (condition.kind == WqlCondition::Kind::Like) {
        if (const auto offset = likePatternError(condition.pattern)) {
            throw CimError(CimStatus::InvalidQuery, "WQL error at position " + std::to_string(condition.left.position) +
                                                        ": unterminated '[' at offset " + std::to_string(*offset) +
                                                        " of LIKE pattern '" + condition.pattern + "'");
        }
    }
}

}  // namespace wmimock::detail
