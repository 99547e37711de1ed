#include "wmimock/mof/parser.hpp"

#include <array>
#include <charconv>
#include <limits>
#include <utility>

#include "wmimock/cim/names.hpp"

namespace wmimock::mof {

namespace {

struct TypeKeyword {
    std::string_view name;
    CimType type;
};
constexpr std::array<TypeKeyword, 15> kTypeKeywords{{
    {"boolean", CimType::Boolean},
    {"sint8", CimType::Sint8},
    {"uint8", CimType::Uint8},
    {"sint16", CimType::Sint16},
    {"uint16", CimType::Uint16},
    {"sint32", CimType::Sint32},
    {"uint32", CimType::Uint32},
    {"sint64", CimType::Sint64},
    {"uint64", CimType::Uint64},
    {"real32", CimType::Real32},
    {"real64", CimType::Real64},
    {"char16", CimType::Char16},
    {"string", CimType::String},
    {"datetime", CimType::DateTime},
    {"object", CimType::Object},  // WMI: embedded object, optionally object:ClassName
}};

struct ScopeKeyword {
    std::string_view name;
    Scope scope;
};
constexpr std::array<ScopeKeyword, 9> kScopeKeywords{{
    {"class", Scope::Class},
    {"association", Scope::Association},
    {"indication", Scope::Indication},
    {"property", Scope::Property},
    {"reference", Scope::Reference},
    {"method", Scope::Method},
    {"parameter", Scope::Parameter},
    {"qualifier", Scope::Qualifier},
    {"any", Scope::Any},
}};

// Decodes an Integer token's text (no sign). False if it does not fit 64 bits.
bool decodeInteger(std::string_view text, std::uint64_t& out) {
    unsigned base = 10;
    std::string_view digits = text;
    if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        base = 16;
        digits = text.substr(2);
    } else if (text.size() > 1 && (text.back() == 'b' || text.back() == 'B')) {
        base = 2;
        digits = text.substr(0, text.size() - 1);
    } else if (text.size() > 1 && text[0] == '0') {
        base = 8;
        digits = text.substr(1);
    }
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out, static_cast<int>(base));
    return ec == std::errc() && ptr == digits.data() + digits.size();
}

}  // namespace

std::string_view AstValue::kindName() const noexcept {
    switch (kind) {
        case Kind::Null:
            return "NULL";
        case Kind::Boolean:
            return "boolean";
        case Kind::Integer:
            return "integer";
        case Kind::Real:
            return "real";
        case Kind::String:
            return "string";
        case Kind::Char16:
            return "char16";
        case Kind::Alias:
            return "alias";
        case Kind::Array:
            return "array";
    }
    return "value";
}

Flavor AstFlavors::applyTo(Flavor base) const noexcept {
    if (overridable) base.overridable = *overridable;
    if (toSubclass) base.toSubclass = *toSubclass;
    if (translatable) base.translatable = *translatable;
    if (amended) base.amended = *amended;
    if (toInstance) base.toInstance = *toInstance;
    return base;
}

Parser::Parser(std::string_view text, std::uint32_t fileIndex, ParseErrorSink& errors, NamePool* names)
    : lexer_(text), file_(fileIndex), errors_(errors), names_(names) {
    advance();
}

void Parser::advance() {
    if (current_.kind == TokenKind::LBrace) ++depth_;
    if (current_.kind == TokenKind::RBrace && depth_ > 0) --depth_;
    current_ = lexer_.next();
    // Lexical errors are reported here, once, and the bad token skipped; the syntax error
    // it usually causes next is a consequence and is not reported again.
    afterLexicalError_ = false;
    while (current_.kind == TokenKind::Invalid) {
        afterLexicalError_ = true;
        if (errors_.wantsMore())
            errors_.syntaxError(loc(), std::string(current_.error) + " " + describeToken(current_));
        current_ = lexer_.next();
    }
}

bool Parser::atKeyword(std::string_view keyword) const noexcept {
    return current_.kind == TokenKind::Identifier && iequals(current_.text, keyword);
}

void Parser::fail(std::string message) {
    if (!afterLexicalError_) errors_.syntaxError(loc(), std::move(message));
    throw SyntaxError{};
}

void Parser::expected(std::string_view what, std::string_view context) {
    std::string message = "expected ";
    message += what;
    if (!context.empty()) {
        message += ' ';
        message += context;
    }
    message += ", found ";
    message += describeToken(current_);
    fail(std::move(message));
}

void Parser::expect(TokenKind kind, std::string_view what, std::string_view context) {
    if (current_.kind != kind) expected(what, context);
    advance();
}

std::string_view Parser::expectIdentifier(std::string_view what, std::string_view context) {
    if (current_.kind != TokenKind::Identifier) expected(what, context);
    const std::string_view name = keep(current_.text);
    advance();
    return name;
}

std::optional<AstDeclaration> Parser::next() {
    while (current_.kind != TokenKind::End && errors_.wantsMore()) {
        try {
            return parseDeclaration();
        } catch (const SyntaxError&) {
            skipDeclaration();
        }
    }
    return std::nullopt;
}

// After an error outside a class body: resume after the ';' that ends the declaration
// (or at the next pragma).
void Parser::skipDeclaration() {
    while (current_.kind != TokenKind::End) {
        if (depth_ == 0 && current_.kind == TokenKind::Semicolon) {
            advance();
            return;
        }
        if (depth_ == 0 && current_.kind == TokenKind::Pragma) return;
        advance();
    }
}

// After an error inside a class or instance body: resume at the next feature, or stop at
// the '}' that closes the body.
void Parser::skipFeature(std::uint32_t bodyDepth) {
    while (current_.kind != TokenKind::End) {
        if (depth_ == bodyDepth && current_.kind == TokenKind::Semicolon) {
            advance();
            return;
        }
        if (depth_ == bodyDepth && current_.kind == TokenKind::RBrace) return;
        if (depth_ < bodyDepth) return;
        advance();
    }
}

AstDeclaration Parser::parseDeclaration() {
    if (current_.kind == TokenKind::Pragma) return parsePragma();
    std::vector<AstQualifier> qualifiers;
    if (current_.kind == TokenKind::LBracket) qualifiers = parseQualifierList();
    if (atKeyword("class")) return parseClass(std::move(qualifiers));
    if (atKeyword("instance")) return parseInstance(std::move(qualifiers));
    if (qualifiers.empty() && atKeyword("qualifier")) return parseQualifierDecl();
    if (!qualifiers.empty()) expected("'class' or 'instance'", "after qualifier list");
    expected("a class, instance or qualifier declaration or a #pragma", "");
}

AstPragma Parser::parsePragma() {
    AstPragma pragma;
    pragma.loc = loc();
    advance();
    pragma.name = expectIdentifier("a pragma name", "after '#pragma'");
    if (current_.kind != TokenKind::LParen) return pragma;  // #pragma autorecover
    // mofcomp reads an include's file name literally, so "System\CIM_X.mof" is a Windows
    // path, not an escape; the name is lexed that way and its backslashes become '/'.
    const bool include = iequals(pragma.name, "include");
    lexer_.setLiteralBackslashes(include);
    advance();
    lexer_.setLiteralBackslashes(false);
    while (current_.kind != TokenKind::RParen) {
        if (current_.kind == TokenKind::String && include) {
            std::string text;
            while (current_.kind == TokenKind::String) {
                const std::string_view raw = current_.text.substr(1, current_.text.size() - 2);
                for (std::size_t i = 0; i < raw.size(); ++i) {
                    const char next = i + 1 < raw.size() ? raw[i + 1] : '\0';
                    if (raw[i] != '\\') {
                        text.push_back(raw[i]);
                    } else if (next == '"') {
                        text.push_back('"');
                        ++i;
                    } else {  // "dir\file" or the escaped "dir\\file": one separator
                        pragma.backslashPath = true;
                        text.push_back('/');
                        if (next == '\\') ++i;
                    }
                }
                lexer_.setLiteralBackslashes(true);
                advance();
                lexer_.setLiteralBackslashes(false);
            }
            pragma.arguments.push_back(std::move(text));
        } else if (current_.kind == TokenKind::String) {
            std::string text;
            while (current_.kind == TokenKind::String) {
                appendUnescaped(current_.text, text);
                advance();
            }
            pragma.arguments.push_back(std::move(text));
        } else if (current_.kind == TokenKind::Identifier || current_.kind == TokenKind::Integer) {
            pragma.arguments.emplace_back(current_.text);
            advance();
        } else {
            expected("a string or a word", "in pragma arguments");
        }
        if (current_.kind == TokenKind::Comma) {
            advance();
        } else if (current_.kind != TokenKind::RParen) {
            expected("',' or ')'", "in pragma arguments");
        }
    }
    advance();
    return pragma;
}

std::optional<AstType> Parser::typeFromKeyword(std::string_view word) const {
    for (const auto& k : kTypeKeywords) {
        if (iequals(word, k.name)) {
            AstType type;
            type.type = k.type;
            return type;
        }
    }
    return std::nullopt;
}

// A data type keyword, `object[:Class]`, `Class REF`, or a bare class name (WMI/MI: an
// embedded instance of that class; the compiler decides whether the dialect allows it and
// whether the class exists). `void` comes out as a class name and parseFeature reads it.
AstType Parser::parseType(std::string_view context) {
    const SourceLoc typeLoc = loc();
    AstType type;
    type.loc = typeLoc;
    if (auto keyword = typeFromKeyword(current_.text)) {
        type = *keyword;
        type.loc = typeLoc;
        advance();
        if (type.type == CimType::Object && current_.kind == TokenKind::Colon) {
            advance();
            type.referenceClass = expectIdentifier("a class name", "after 'object:'");
        }
        return type;
    }
    const std::string_view word = keep(current_.text);  // a class name
    advance();
    if (atKeyword("ref")) {
        advance();
        type.type = CimType::Reference;
        type.referenceClass = word;
        return type;
    }
    if (current_.kind == TokenKind::Identifier) {
        type.classNamed = true;
        type.referenceClass = word;
        return type;
    }
    expected("'REF' after class name", context);
}

void Parser::parseArraySuffix(AstType& type) {
    if (current_.kind != TokenKind::LBracket) return;
    advance();
    type.isArray = true;
    if (current_.kind == TokenKind::Integer) {
        std::uint64_t size = 0;
        if (!decodeInteger(current_.text, size) || size > std::numeric_limits<std::uint32_t>::max()) {
            fail("array size " + describeToken(current_) + " is out of range");
        }
        type.arraySize = static_cast<std::uint32_t>(size);
        advance();
    }
    expect(TokenKind::RBracket, "']'", "after array size");
}

AstQualifierDecl Parser::parseQualifierDecl() {
    AstQualifierDecl decl;
    advance();  // 'qualifier'
    decl.loc = loc();
    decl.name = expectIdentifier("a qualifier name", "after 'qualifier'");
    expect(TokenKind::Colon, "':'", "after qualifier name");
    if (current_.kind != TokenKind::Identifier) expected("a data type", "in qualifier declaration");
    if (auto type = typeFromKeyword(current_.text); type && type->type != CimType::Object) {
        decl.type = *type;
        advance();
        parseArraySuffix(decl.type);
        if (current_.kind == TokenKind::Equals) {
            advance();
            decl.defaultValue = parseValue(true);
        }
        bool haveScope = false;
        bool haveFlavor = false;
        while (current_.kind == TokenKind::Comma) {
            advance();
            if (atKeyword("scope") && !haveScope) {
                advance();
                decl.scope = parseScopeList();
                haveScope = true;
            } else if (atKeyword("flavor") && !haveFlavor) {
                advance();
                parseFlavorList(decl.flavors, true);
                haveFlavor = true;
            } else {
                expected(haveScope ? "'Flavor'" : "'Scope'", "in qualifier declaration");
            }
        }
        if (!haveScope) expected("', Scope(...)'", "in qualifier declaration");
    } else {
        // WMI: flavor-only declaration, "Qualifier DisplayName : Amended;"
        decl.flavorOnly = true;
        while (current_.kind == TokenKind::Identifier) {
            if (!parseFlavorWord(decl.flavors)) expected("a data type or a flavor", "in qualifier declaration");
            if (current_.kind == TokenKind::Comma) advance();
        }
        if (decl.flavors.empty()) expected("a data type", "in qualifier declaration");
    }
    expect(TokenKind::Semicolon, "';'", "after qualifier declaration");
    return decl;
}

Scope Parser::parseScopeList() {
    expect(TokenKind::LParen, "'('", "after 'Scope'");
    Scope scope = Scope::None;
    while (true) {
        if (current_.kind != TokenKind::Identifier) expected("a scope (class, property, ...)", "in Scope list");
        bool known = false;
        for (const auto& k : kScopeKeywords) {
            if (iequals(current_.text, k.name)) {
                scope = scope | k.scope;
                known = true;
                break;
            }
        }
        if (!known)
            expected(
                "a scope (class, association, indication, property, reference, method, "
                "parameter, qualifier or any)",
                "in Scope list");
        advance();
        if (current_.kind == TokenKind::Comma) {
            advance();
            continue;
        }
        expect(TokenKind::RParen, "',' or ')'", "in Scope list");
        return scope;
    }
}

bool Parser::parseFlavorWord(AstFlavors& flavors) {
    const std::string_view w = current_.text;
    if (iequals(w, "EnableOverride")) {
        flavors.overridable = true;
    } else if (iequals(w, "DisableOverride")) {
        flavors.overridable = false;
    } else if (iequals(w, "ToSubclass")) {
        flavors.toSubclass = true;
    } else if (iequals(w, "Restricted") || iequals(w, "NotToSubclass")) {
        flavors.toSubclass = false;
    } else if (iequals(w, "Translatable")) {
        flavors.translatable = true;
    } else if (iequals(w, "Amended")) {
        flavors.amended = true;
    } else if (iequals(w, "ToInstance")) {
        flavors.toInstance = true;
    } else if (iequals(w, "NotToInstance")) {
        flavors.toInstance = false;
    } else {
        return false;
    }
    advance();
    return true;
}

void Parser::parseFlavorList(AstFlavors& flavors, bool parenthesized) {
    if (parenthesized) expect(TokenKind::LParen, "'('", "after 'Flavor'");
    while (true) {
        if (current_.kind != TokenKind::Identifier || !parseFlavorWord(flavors)) {
            expected(
                "a flavor (EnableOverride, DisableOverride, ToSubclass, Restricted, Translatable, "
                "Amended, ToInstance)",
                parenthesized ? "in Flavor list" : "after ':'");
        }
        if (!parenthesized) {
            // WMI writes "Description(...) : Amended ToSubclass" with spaces between flavors.
            if (current_.kind != TokenKind::Identifier) return;
            continue;
        }
        if (current_.kind == TokenKind::Comma) {
            advance();
            continue;
        }
        expect(TokenKind::RParen, "',' or ')'", "in Flavor list");
        return;
    }
}

std::vector<AstQualifier> Parser::parseQualifierList() {
    std::vector<AstQualifier> list;
    advance();  // '['
    while (true) {
        list.push_back(parseQualifier());
        if (current_.kind == TokenKind::Comma) {
            advance();
            continue;
        }
        expect(TokenKind::RBracket, "',' or ']'", "in qualifier list");
        return list;
    }
}

AstQualifier Parser::parseQualifier() {
    AstQualifier q;
    q.loc = loc();
    q.name = expectIdentifier("a qualifier name", "in qualifier list");
    if (current_.kind == TokenKind::LParen) {
        advance();
        q.value = parseValue(true);
        expect(TokenKind::RParen, "')'", "after qualifier value");
    } else if (current_.kind == TokenKind::LBrace) {
        q.value = parseArray();
    }
    if (current_.kind == TokenKind::Colon) {
        advance();
        parseFlavorList(q.flavors, false);
    }
    return q;
}

AstClass Parser::parseClass(std::vector<AstQualifier> qualifiers) {
    AstClass cls;
    cls.qualifiers = std::move(qualifiers);
    advance();  // 'class'
    cls.loc = loc();
    cls.name = expectIdentifier("a class name", "after 'class'");
    if (atKeyword("as")) {
        advance();
        if (current_.kind != TokenKind::Alias) expected("an alias ($Name)", "after 'as'");
        cls.alias = keep(current_.text);
        advance();
    }
    if (current_.kind == TokenKind::Colon) {
        advance();
        cls.superLoc = loc();
        cls.superClass = expectIdentifier("a superclass name", "after ':'");
    }
    expect(TokenKind::LBrace, "'{'", "to open the class body");
    const std::uint32_t bodyDepth = depth_;
    while (current_.kind != TokenKind::RBrace && current_.kind != TokenKind::End && errors_.wantsMore()) {
        try {
            parseFeature(cls);
        } catch (const SyntaxError&) {
            skipFeature(bodyDepth);
        }
    }
    expect(TokenKind::RBrace, "'}'", "to close the class body");
    expect(TokenKind::Semicolon, "';'", "after class declaration");
    return cls;
}

void Parser::parseFeature(AstClass& cls) {
    std::vector<AstQualifier> qualifiers;
    if (current_.kind == TokenKind::LBracket) qualifiers = parseQualifierList();
    if (current_.kind != TokenKind::Identifier) expected("a property, reference or method declaration", "");
    AstType type = parseType("in reference declaration");
    const SourceLoc nameLoc = loc();
    const std::string_view name = expectIdentifier("a name", "after the data type");
    if (current_.kind == TokenKind::LParen) {
        if (type.classNamed && iequals(type.referenceClass, "void")) {
            type = AstType{};
            type.isVoid = true;
        }
        AstMethod method;
        method.qualifiers = std::move(qualifiers);
        method.returnType = type;
        method.name = name;
        method.loc = nameLoc;
        advance();
        while (current_.kind != TokenKind::RParen) {
            AstParameter param;
            if (current_.kind == TokenKind::LBracket) param.qualifiers = parseQualifierList();
            if (current_.kind != TokenKind::Identifier) expected("a parameter declaration", "in parameter list");
            param.type = parseType("in parameter declaration");
            param.loc = loc();
            param.name = expectIdentifier("a parameter name", "after the parameter type");
            parseArraySuffix(param.type);
            if (current_.kind == TokenKind::Equals) {  // WMI tolerates defaults on parameters
                advance();
                (void)parseValue(true);
            }
            method.parameters.push_back(std::move(param));
            if (current_.kind == TokenKind::Comma) {
                advance();
            } else if (current_.kind != TokenKind::RParen) {
                expected("',' or ')'", "in parameter list");
            }
        }
        advance();
        expect(TokenKind::Semicolon, "';'", "after method declaration");
        cls.methods.push_back(std::move(method));
        return;
    }
    if (type.classNamed && iequals(type.referenceClass, "void")) {
        errors_.syntaxError(nameLoc,
                            "'void' is a method's return type; property '" + std::string(name) + "' needs a data type");
        throw SyntaxError{};
    }
    AstProperty property;
    property.qualifiers = std::move(qualifiers);
    property.type = type;
    property.name = name;
    property.loc = nameLoc;
    parseArraySuffix(property.type);
    if (current_.kind == TokenKind::Equals) {
        advance();
        property.defaultValue = parseValue(true);
    }
    expect(TokenKind::Semicolon, "';'",
           type.type == CimType::Reference ? "after reference declaration" : "after property declaration");
    cls.properties.push_back(std::move(property));
}

AstInstance Parser::parseInstance(std::vector<AstQualifier> qualifiers) {
    AstInstance inst;
    inst.qualifiers = std::move(qualifiers);
    inst.loc = loc();
    advance();  // 'instance'
    if (!atKeyword("of")) expected("'of'", "after 'instance'");
    advance();
    inst.className = expectIdentifier("a class name", "after 'instance of'");
    if (atKeyword("as")) {
        advance();
        if (current_.kind != TokenKind::Alias) expected("an alias ($Name)", "after 'as'");
        inst.alias = keep(current_.text);
        advance();
    }
    expect(TokenKind::LBrace, "'{'", "to open the instance body");
    const std::uint32_t bodyDepth = depth_;
    while (current_.kind != TokenKind::RBrace && current_.kind != TokenKind::End && errors_.wantsMore()) {
        try {
            AstPropertyValue pv;
            if (current_.kind == TokenKind::LBracket) pv.qualifiers = parseQualifierList();
            pv.loc = loc();
            pv.name = expectIdentifier("a property name", "in instance body");
            if (current_.kind == TokenKind::Semicolon) {  // WMI: listed without a value
                pv.hasValue = false;
                advance();
                inst.values.push_back(std::move(pv));
                continue;
            }
            expect(TokenKind::Equals, "'=' or ';'", "after property name");
            pv.value = parseValue(true);
            expect(TokenKind::Semicolon, "';'", "after property value");
            inst.values.push_back(std::move(pv));
        } catch (const SyntaxError&) {
            skipFeature(bodyDepth);
        }
    }
    expect(TokenKind::RBrace, "'}'", "to close the instance body");
    expect(TokenKind::Semicolon, "';'", "after instance declaration");
    return inst;
}

AstValue Parser::parseValue(bool allowArray) {
    if (current_.kind == TokenKind::LBrace) {
        if (!allowArray) expected("a value", "");
        return parseArray();
    }
    return parseScalar();
}

AstValue Parser::parseArray() {
    AstValue array;
    array.kind = AstValue::Kind::Array;
    array.loc = loc();
    advance();  // '{'
    while (current_.kind != TokenKind::RBrace) {
        array.elements.push_back(parseScalar());
        if (current_.kind == TokenKind::Comma) {
            advance();
        } else if (current_.kind != TokenKind::RBrace) {
            expected("',' or '}'", "in array value");
        }
    }
    advance();
    return array;
}

AstValue Parser::parseScalar() {
    AstValue v;
    v.loc = loc();
    bool negative = false;
    if (current_.kind == TokenKind::Minus || current_.kind == TokenKind::Plus) {
        negative = current_.kind == TokenKind::Minus;
        advance();
        if (current_.kind != TokenKind::Integer && current_.kind != TokenKind::Real) {
            expected("a number", "after sign");
        }
    }
    switch (current_.kind) {
        case TokenKind::Integer:
            v.kind = AstValue::Kind::Integer;
            v.negative = negative;
            if (!decodeInteger(current_.text, v.magnitude)) {
                fail("integer literal " + describeToken(current_) + " is out of range");
            }
            if (v.magnitude == 0) v.negative = false;
            advance();
            return v;
        case TokenKind::Real: {
            v.kind = AstValue::Kind::Real;
            const std::string_view t = current_.text;
            const auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v.real);
            if (ec != std::errc() || ptr != t.data() + t.size()) {
                fail("real literal " + describeToken(current_) + " is out of range");
            }
            if (negative) v.real = -v.real;
            advance();
            return v;
        }
        case TokenKind::String:
            v.kind = AstValue::Kind::String;
            while (current_.kind == TokenKind::String) {  // adjacent literals concatenate
                appendUnescaped(current_.text, v.text);
                advance();
            }
            // Each append may double the capacity; a schema keeps tens of thousands of these
            // texts (descriptions written as many adjacent literals), so drop the slack.
            v.text.shrink_to_fit();
            return v;
        case TokenKind::Char: {
            std::string decoded;
            appendUnescaped(current_.text, decoded);
            // Decode the single UTF-8 character into a UTF-16 unit.
            std::uint32_t cp = static_cast<unsigned char>(decoded[0]);
            if (cp >= 0x80) {
                const int extra = cp >= 0xF0 ? 3 : cp >= 0xE0 ? 2 : 1;
                cp &= (0x3Fu >> extra);
                for (int i = 1; i <= extra && i < static_cast<int>(decoded.size()); ++i) {
                    cp = (cp << 6) | (static_cast<unsigned char>(decoded[static_cast<std::size_t>(i)]) & 0x3F);
                }
            }
            if (cp > 0xFFFF) fail("char16 literal " + describeToken(current_) + " is outside the 16-bit range");
            v.kind = AstValue::Kind::Char16;
            v.char16 = static_cast<char16_t>(cp);
            advance();
            return v;
        }
        case TokenKind::Alias:
            v.kind = AstValue::Kind::Alias;
            v.text = std::string(current_.text);
            advance();
            return v;
        case TokenKind::Identifier:
            if (iequals(current_.text, "true") || iequals(current_.text, "false")) {
                v.kind = AstValue::Kind::Boolean;
                v.boolean = iequals(current_.text, "true");
                advance();
                return v;
            }
            if (iequals(current_.text, "null")) {
                v.kind = AstValue::Kind::Null;
                advance();
                return v;
            }
            [[fallthrough]];
        default:
            expected("a value", "");
    }
}

namespace {
class CollectingSink final : public ParseErrorSink {
public:
    CollectingSink(std::vector<std::string>& out, std::size_t max) : out_(out), max_(max) {}
    void syntaxError(SourceLoc loc, std::string message) override {
        out_.push_back(std::to_string(loc.line) + ":" + std::to_string(loc.column) + ": " + message);
    }
    bool wantsMore() const override { return out_.size() < max_; }

private:
    std::vector<std::string>& out_;
    std::size_t max_;
};
}  // namespace

ParsedMof parseMof(std::string_view text, std::size_t maxErrors) {
    ParsedMof result;
    CollectingSink sink(result.errors, maxErrors);
    Parser parser(text, 0, sink);
    while (auto decl = parser.next()) result.declarations.push_back(std::move(*decl));
    return result;
}

}  // namespace wmimock::mof
