// Recursive-descent parser for DSP0004 MOF and the WMI dialect. It yields one declaration
// at a time so the compiler can act on pragmas (include, namespace) in source order, and
// recovers from syntax errors at the next property or declaration so that one pass reports
// every error in a file.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wmimock/mof/ast.hpp"
#include "wmimock/mof/lexer.hpp"
#include "wmimock/mof/name_pool.hpp"

namespace wmimock::mof {

/// Receives syntax errors. Returning false from wantsMore() stops the parser (error limit).
class ParseErrorSink {
public:
    virtual ~ParseErrorSink() = default;
    /// `message` reads like "expected ';' after property declaration, found '}'".
    virtual void syntaxError(SourceLoc loc, std::string message) = 0;
    virtual bool wantsMore() const = 0;
};

class Parser {
public:
    /// `text` (UTF-8) must outlive the parser. The names in the declarations it returns
    /// point into `text`, or into `names` when given (then `text` may go once parsed).
    Parser(std::string_view text, std::uint32_t fileIndex, ParseErrorSink& errors, NamePool* names = nullptr);

    /// The next declaration, or nullopt at the end of the input (or when the sink stops).
    std::optional<AstDeclaration> next();

private:
    struct SyntaxError {};  // unwinds to the nearest recovery point after reporting

    void advance();
    SourceLoc loc() const noexcept { return {file_, current_.line, current_.column}; }
    bool atKeyword(std::string_view keyword) const noexcept;
    [[noreturn]] void fail(std::string message);
    [[noreturn]] void expected(std::string_view what, std::string_view context);
    void expect(TokenKind kind, std::string_view what, std::string_view context);
    std::string_view expectIdentifier(std::string_view what, std::string_view context);
    std::string_view keep(std::string_view name) { return names_ ? names_->intern(name) : name; }

    AstDeclaration parseDeclaration();
    AstPragma parsePragma();
    AstQualifierDecl parseQualifierDecl();
    AstClass parseClass(std::vector<AstQualifier> qualifiers);
    AstInstance parseInstance(std::vector<AstQualifier> qualifiers);
    void parseFeature(AstClass& cls);
    std::vector<AstQualifier> parseQualifierList();
    AstQualifier parseQualifier();
    void parseFlavorList(AstFlavors& flavors, bool parenthesized);
    bool parseFlavorWord(AstFlavors& flavors);
    Scope parseScopeList();
    std::optional<AstType> typeFromKeyword(std::string_view word) const;
    AstType parseType(std::string_view context);
    void parseArraySuffix(AstType& type);
    AstValue parseValue(bool allowArray);
    AstValue parseScalar();
    AstValue parseArray();
    void skipDeclaration();
    void skipFeature(std::uint32_t bodyDepth);

    Lexer lexer_;
    Token current_;
    std::uint32_t file_;
    std::uint32_t depth_ = 0;
    bool afterLexicalError_ = false;  // the current token directly follows a reported lexical error  // '{' consumed
                                      // and not yet closed, for error recovery
    ParseErrorSink& errors_;
    NamePool* names_;
};

/// Parses a whole text, collecting declarations and error messages ("line:column: message");
/// for tests and tools that want the syntax tree without compiling.
struct ParsedMof {
    std::vector<AstDeclaration> declarations;
    std::vector<std::string> errors;
};
ParsedMof parseMof(std::string_view text, std::size_t maxErrors = 50);

}  // namespace wmimock::mof
