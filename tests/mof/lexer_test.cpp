#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "wmimock/mof/lexer.hpp"

namespace wmimock::mof {
namespace {

std::vector<Token> lexAll(std::string_view text) {
    Lexer lexer(text);
    std::vector<Token> tokens;
    for (Token t = lexer.next();; t = lexer.next()) {
        tokens.push_back(t);
        if (t.kind == TokenKind::End) break;
    }
    return tokens;
}

std::string unescape(std::string_view raw) {
    std::string out;
    appendUnescaped(raw, out);
    return out;
}

TEST(MofLexer, PunctuationIdentifiersAndPositions) {
    const auto tokens = lexAll("class Foo : Bar {\n  [Key] string Name;\n};");
    ASSERT_EQ(tokens.size(), 14u);
    EXPECT_EQ(tokens[0].kind, TokenKind::Identifier);
    EXPECT_EQ(tokens[0].text, "class");
    EXPECT_EQ(tokens[2].kind, TokenKind::Colon);
    EXPECT_EQ(tokens[4].kind, TokenKind::LBrace);
    EXPECT_EQ(tokens[5].kind, TokenKind::LBracket);
    EXPECT_EQ(tokens[5].line, 2u);
    EXPECT_EQ(tokens[5].column, 3u);
    EXPECT_EQ(tokens[9].text, "Name");
    EXPECT_EQ(tokens[9].column, 16u);
    EXPECT_EQ(tokens[11].kind, TokenKind::RBrace);
    EXPECT_EQ(tokens[11].line, 3u);
    EXPECT_EQ(tokens[13].kind, TokenKind::End);
}

TEST(MofLexer, CommentsOfBothKindsAreSkippedAndCountLines) {
    const auto tokens = lexAll("// line comment\n/* block\n comment */ a /* x */ b");
    ASSERT_EQ(tokens.size(), 3u);
    EXPECT_EQ(tokens[0].text, "a");
    EXPECT_EQ(tokens[0].line, 3u);
    EXPECT_EQ(tokens[0].column, 13u);
    EXPECT_EQ(tokens[1].text, "b");
}

TEST(MofLexer, MixedLineEndingsCountAsOneLineBreakEach) {
    const auto tokens = lexAll("a\r\nb\rc\nd\r\n\r\ne");
    ASSERT_EQ(tokens.size(), 6u);
    EXPECT_EQ(tokens[1].line, 2u);
    EXPECT_EQ(tokens[2].line, 3u);
    EXPECT_EQ(tokens[3].line, 4u);
    EXPECT_EQ(tokens[4].line, 6u);
    EXPECT_EQ(tokens[4].column, 1u);
}

TEST(MofLexer, NumbersInEveryBase) {
    const auto tokens = lexAll("42 0x1F 0X1f 1010b 0777 0 1.5 .25 3e10 2.5E-3");
    ASSERT_EQ(tokens.size(), 11u);
    for (int i = 0; i < 6; ++i) EXPECT_EQ(tokens[static_cast<std::size_t>(i)].kind, TokenKind::Integer) << i;
    for (int i = 6; i < 10; ++i) EXPECT_EQ(tokens[static_cast<std::size_t>(i)].kind, TokenKind::Real) << i;
    EXPECT_EQ(tokens[3].text, "1010b");
    EXPECT_EQ(tokens[9].text, "2.5E-3");
}

TEST(MofLexer, SignsAreSeparateTokens) {
    const auto tokens = lexAll("-5 +1.5");
    ASSERT_EQ(tokens.size(), 5u);
    EXPECT_EQ(tokens[0].kind, TokenKind::Minus);
    EXPECT_EQ(tokens[1].kind, TokenKind::Integer);
    EXPECT_EQ(tokens[2].kind, TokenKind::Plus);
    EXPECT_EQ(tokens[3].kind, TokenKind::Real);
}

TEST(MofLexer, MalformedNumbersAreInvalidTokens) {
    for (std::string_view bad : {"0x", "12ab", "0789", "1.", "1012b", "1.5e"}) {
        const auto tokens = lexAll(bad);
        ASSERT_FALSE(tokens.empty());
        EXPECT_EQ(tokens[0].kind, TokenKind::Invalid) << bad;
        EXPECT_NE(tokens[0].error, nullptr) << bad;
    }
}

TEST(MofLexer, StringsKeepQuotesAndDecodeEscapes) {
    const auto tokens = lexAll(R"("a\"b" "\x41\X263A\n\t\\")");
    ASSERT_EQ(tokens.size(), 3u);
    EXPECT_EQ(tokens[0].kind, TokenKind::String);
    EXPECT_EQ(tokens[0].text, R"("a\"b")");
    EXPECT_EQ(unescape(tokens[0].text), "a\"b");
    EXPECT_EQ(unescape(tokens[1].text), "A\xE2\x98\xBA\n\t\\");
}

TEST(MofLexer, UnterminatedStringStopsAtTheLineEnd) {
    const auto tokens = lexAll("\"abc\nnext");
    ASSERT_EQ(tokens.size(), 3u);
    EXPECT_EQ(tokens[0].kind, TokenKind::Invalid);
    EXPECT_STREQ(tokens[0].error, "unterminated string literal");
    EXPECT_EQ(tokens[1].text, "next");
    EXPECT_EQ(tokens[1].line, 2u);
}

TEST(MofLexer, InvalidEscapeIsReportedAtTheBackslash) {
    const auto tokens = lexAll(R"(  "ab\qc")");
    ASSERT_FALSE(tokens.empty());
    EXPECT_EQ(tokens[0].kind, TokenKind::Invalid);
    EXPECT_EQ(tokens[0].column, 6u);
    EXPECT_EQ(tokens[0].text, "\\q");
}

TEST(MofLexer, Char16LiteralsHoldOneCharacter) {
    auto tokens = lexAll(R"('a' '\n' '\x263A' 'ab')");
    ASSERT_EQ(tokens.size(), 5u);
    EXPECT_EQ(tokens[0].kind, TokenKind::Char);
    EXPECT_EQ(tokens[1].kind, TokenKind::Char);
    EXPECT_EQ(tokens[2].kind, TokenKind::Char);
    EXPECT_EQ(tokens[3].kind, TokenKind::Invalid);
}

TEST(MofLexer, PragmaIsCaseInsensitiveAndAliasesDropTheDollar) {
    const auto tokens = lexAll("#PRAGMA include $MyAlias #Pragma");
    ASSERT_EQ(tokens.size(), 5u);
    EXPECT_EQ(tokens[0].kind, TokenKind::Pragma);
    EXPECT_EQ(tokens[2].kind, TokenKind::Alias);
    EXPECT_EQ(tokens[2].text, "MyAlias");
    EXPECT_EQ(tokens[3].kind, TokenKind::Pragma);
}

TEST(MofLexer, UnterminatedBlockCommentEndsTheInput) {
    const auto tokens = lexAll("a /* never closed\n b c");
    ASSERT_EQ(tokens.size(), 3u);
    EXPECT_EQ(tokens[1].kind, TokenKind::Invalid);
    EXPECT_STREQ(tokens[1].error, "unterminated comment");
    EXPECT_EQ(tokens[1].column, 3u);
    EXPECT_EQ(tokens[2].kind, TokenKind::End);
}

TEST(MofLexer, StrayBytesAreInvalidAndTheLexerMovesOn) {
    const std::string text = std::string("a ") + '\0' + " @ b";
    const auto tokens = lexAll(text);
    ASSERT_EQ(tokens.size(), 5u);
    EXPECT_EQ(tokens[1].kind, TokenKind::Invalid);
    EXPECT_EQ(tokens[2].kind, TokenKind::Invalid);
    EXPECT_EQ(tokens[3].text, "b");
}

TEST(MofLexer, DescribeTokenTruncatesLongStrings) {
    Token t;
    t.kind = TokenKind::String;
    t.text = "\"a very long string literal that goes on\"";
    EXPECT_EQ(describeToken(t), "\"a very long string ...\"");
    t.kind = TokenKind::End;
    EXPECT_EQ(describeToken(t), "end of file");
    t.kind = TokenKind::RBrace;
    t.text = "}";
    EXPECT_EQ(describeToken(t), "'}'");
}

TEST(MofSourceDecoding, Utf8BomIsStripped) {
    EXPECT_EQ(decodeMofSource("\xEF\xBB\xBF"
                              "class"),
              "class");
    EXPECT_EQ(decodeMofSource("plain"), "plain");
}

TEST(MofSourceDecoding, Utf16LittleAndBigEndianWithBom) {
    const std::string le(
        "\xFF\xFE"
        "a\0\xE9\0=\x26",
        8);  // a, e-acute, U+263D
    EXPECT_EQ(decodeMofSource(le), "a\xC3\xA9\xE2\x98\xBD");
    const std::string be("\xFE\xFF\0a\0b", 6);
    EXPECT_EQ(decodeMofSource(be), "ab");
}

TEST(MofSourceDecoding, SurrogatePairsAndLoneSurrogates) {
    const std::string pair("\xFF\xFE\x3D\xD8\x00\xDE", 6);  // U+1F600
    EXPECT_EQ(decodeMofSource(pair), "\xF0\x9F\x98\x80");
    const std::string lone(
        "\xFF\xFE\x00\xD8"
        "a\0",
        6);
    EXPECT_EQ(decodeMofSource(lone),
              "\xEF\xBF\xBD"
              "a");
}

}  // namespace
}  // namespace wmimock::mof
