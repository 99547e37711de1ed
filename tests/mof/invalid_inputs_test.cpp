// Data-driven: every fixtures/invalid/*.mof starts with "// expect: <file>:<line>:<col>:
// error: <message>" and must produce exactly that as its first error, with the repository
// left unchanged.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "mof_test_support.hpp"

namespace wmimock {
namespace {

namespace fs = std::filesystem;
using testing::allDiagnostics;
using testing::errorsOf;

const fs::path& invalidDir() {
    static const fs::path dir = fs::path(WMIMOCK_SOURCE_DIR) / "fixtures" / "invalid";
    return dir;
}

std::vector<std::string> invalidFiles() {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(invalidDir(), ec)) {
        if (entry.path().extension() == ".mof") names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::string expectation(const fs::path& file) {
    std::ifstream in(file);
    std::string first;
    std::getline(in, first);
    constexpr std::string_view kPrefix = "// expect: ";
    return first.starts_with(kPrefix) ? first.substr(kPrefix.size()) : std::string();
}

void replaceAll(std::string& text, const std::string& from, const std::string& to) {
    for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) {
        text.replace(pos, from.size(), to);
    }
}

class MofInvalidInput : public ::testing::TestWithParam<std::string> {};

TEST_P(MofInvalidInput, ProducesTheExpectedFirstError) {
    const fs::path file = invalidDir() / GetParam();
    const std::string expected = expectation(file);
    ASSERT_FALSE(expected.empty()) << file << " does not start with '// expect: '";

    SchemaRepository repo;
    const std::size_t classesBefore = repo.getOrCreate("root/cimv2").classCount();
    const auto result = MofCompiler().compileFile(file, repo);
    const auto errors = errorsOf(result);
    ASSERT_FALSE(errors.empty()) << "no error for " << file;
    std::string actual = errors.front().toString();
    replaceAll(actual, invalidDir().string() + "/", "");
    EXPECT_EQ(actual, expected) << allDiagnostics(result);
    EXPECT_EQ(repo.find("root/cimv2")->classCount(), classesBefore);
    EXPECT_TRUE(repo.find("root/cimv2")->qualifiers().empty());
}

INSTANTIATE_TEST_SUITE_P(Catalog, MofInvalidInput, ::testing::ValuesIn(invalidFiles()),
                         [](const auto& info) { return fs::path(info.param).stem().string(); });

TEST(MofInvalidCatalog, CoversLexerParserAndSemanticErrors) {
    const auto files = invalidFiles();
    EXPECT_GE(files.size(), 15u);
    for (const char* prefix : {"lex_", "parse_", "sem_"}) {
        EXPECT_GE(
            std::count_if(files.begin(), files.end(), [&](const std::string& f) { return f.starts_with(prefix); }), 3)
            << prefix;
    }
}

}  // namespace
}  // namespace wmimock
