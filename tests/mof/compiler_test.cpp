// Compilation as a whole: transactions, includes, encodings, diagnostics, formatting.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "mof_test_support.hpp"

namespace wmimock {
namespace {

using testing::allDiagnostics;
using testing::compile;
using testing::errorsOf;
using ::testing::HasSubstr;
using testing::kBasicQualifiers;

namespace fs = std::filesystem;

class TempDir {
public:
    TempDir() {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        path_ =
            fs::temp_directory_path() / (std::string("wmimock_mof_") + info->name() + "_" + std::to_string(::getpid()));
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }
    fs::path write(const std::string& relative, std::string_view bytes) const {
        const fs::path file = path_ / relative;
        fs::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << bytes;
        return file;
    }

private:
    fs::path path_;
};

std::string utf16le(std::string_view ascii) {
    std::string out("\xFF\xFE", 2);
    for (char c : ascii) {
        out.push_back(c);
        out.push_back('\0');
    }
    return out;
}

TEST(MofCompiler, FailedCompilationLeavesTheRepositoryUnchanged) {
    SchemaRepository repo;
    ASSERT_TRUE(compile(std::string(kBasicQualifiers) + "class Ex_A { [Key] string Id; };", repo).ok());
    const auto before = repo.find("root/cimv2")->classCount();
    const auto result = compile(R"(
        #pragma namespace("root\\elsewhere")
        class Ex_New { };
        #pragma namespace("root\\cimv2")
        class Ex_B : Ex_A { string Fine; };
        class Ex_A { [Key] string Id; string Replaced; };
        Qualifier Fresh : boolean, Scope(any);
        class Ex_C : Ex_Missing { };)",
                                repo);
    ASSERT_EQ(result.errorCount(), 1u) << allDiagnostics(result);
    EXPECT_EQ(repo.find("root/cimv2")->classCount(), before);
    EXPECT_EQ(repo.find("root/cimv2")->findClass("Ex_B"), nullptr);
    EXPECT_EQ(repo.find("root/cimv2")->findClass("Ex_A")->findProperty("Replaced"), nullptr);
    EXPECT_EQ(repo.find("root/cimv2")->findQualifier("Fresh"), nullptr);
    EXPECT_EQ(repo.find("root/elsewhere"), nullptr);
}

TEST(MofCompiler, ReportsAllErrorsOfAFileUpToTheLimit) {
    std::string text(kBasicQualifiers);
    for (int i = 0; i < 30; ++i) text += "class Ex_" + std::to_string(i) + " : Ex_Missing { };\n";
    SchemaRepository repo;
    EXPECT_EQ(compile(text, repo).errorCount(), 30u);
    MofCompileOptions options;
    options.maxErrors = 5;
    const auto limited = compile(text, repo, options);
    EXPECT_EQ(limited.errorCount(), 6u);  // five, plus the notice that compilation stopped
    EXPECT_THAT(limited.diagnostics.back().message, HasSubstr("too many errors (5)"));
}

TEST(MofCompiler, DiagnosticFormat) {
    SchemaRepository repo;
    const auto result = MofCompiler().compileString("class A {\n  string Name\n};\n", "CIM_Foo.mof", repo);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].toString(),
              "CIM_Foo.mof:3:1: error: expected ';' after property declaration, found '}'");
}

TEST(MofCompiler, IncludeRelativeToTheIncludingFileThenSearchPaths) {
    TempDir dir;
    dir.write("schema/top.mof", "#pragma include (\"sub/quals.mof\")\n#pragma include (\"shared.mof\")\n");
    dir.write("schema/sub/quals.mof", std::string(kBasicQualifiers) + "#pragma include (\"../classes.mof\")\n");
    dir.write("schema/classes.mof", "class Ex_A { [Key] string Id; };\n");
    dir.write("lib/shared.mof", "class Ex_B : Ex_A { };\n");
    SchemaRepository repo;
    const auto missing = MofCompiler().compileFile(dir.path() / "schema/top.mof", repo);
    ASSERT_EQ(missing.errorCount(), 1u);
    EXPECT_THAT(missing.diagnostics[0].message, HasSubstr("cannot find included file 'shared.mof'"));
    EXPECT_THAT(missing.diagnostics[0].file, HasSubstr("top.mof"));
    EXPECT_EQ(missing.diagnostics[0].line, 2);

    MofCompileOptions options;
    options.includePaths.push_back(dir.path() / "lib");
    const auto result = MofCompiler(options).compileFile(dir.path() / "schema/top.mof", repo);
    ASSERT_TRUE(result.ok()) << allDiagnostics(result);
    EXPECT_EQ(result.stats.files, 4u);
    EXPECT_NE(repo.find("root/cimv2")->findClass("Ex_B"), nullptr);
}

TEST(MofCompiler, ErrorsInIncludedFilesNameThatFile) {
    TempDir dir;
    dir.write("top.mof", "#pragma include (\"bad.mof\")\n");
    dir.write("bad.mof", "\n\nclass {\n");
    SchemaRepository repo;
    const auto result = MofCompiler().compileFile(dir.path() / "top.mof", repo);
    ASSERT_GE(result.errorCount(), 1u);
    EXPECT_EQ(fs::path(result.diagnostics[0].file).filename(), "bad.mof");
    EXPECT_EQ(result.diagnostics[0].line, 3);
    EXPECT_EQ(result.diagnostics[0].column, 7);
}

TEST(MofCompiler, RecursiveIncludeIsAnError) {
    TempDir dir;
    dir.write("a.mof", "#pragma include (\"b.mof\")\n");
    dir.write("b.mof", "#pragma include (\"a.mof\")\n");
    SchemaRepository repo;
    const auto result = MofCompiler().compileFile(dir.path() / "a.mof", repo);
    ASSERT_EQ(result.errorCount(), 1u);
    EXPECT_THAT(result.diagnostics[0].message, HasSubstr("is recursive"));
}

TEST(MofCompiler, MissingTopLevelFile) {
    SchemaRepository repo;
    const auto result = MofCompiler().compileFile("/nonexistent/wmimock/none.mof", repo);
    ASSERT_EQ(result.errorCount(), 1u);
    EXPECT_EQ(result.diagnostics[0].message, "cannot read file '/nonexistent/wmimock/none.mof'");
}

TEST(MofCompiler, CustomLoaderServesIncludes) {
    std::map<std::string, std::string> files{{"quals.mof", std::string(kBasicQualifiers)},
                                             {"a.mof", "class Ex_A { [Key] string Id; };"}};
    MofCompileOptions options;
    options.loader = [&](std::string_view name, std::string_view) -> std::optional<MofSource> {
        const auto it = files.find(std::string(name));
        if (it == files.end()) return std::nullopt;
        return MofSource{"mem:" + it->first, it->second};
    };
    SchemaRepository repo;
    const auto result =
        MofCompiler(options).compileString("#pragma include(\"quals.mof\")\n#pragma include(\"a.mof\")\n", "top", repo);
    ASSERT_TRUE(result.ok()) << allDiagnostics(result);
    EXPECT_NE(repo.find("root/cimv2")->findClass("Ex_A"), nullptr);
}

TEST(MofCompiler, Utf16LittleEndianWithBomAndCrlf) {
    TempDir dir;
    const std::string text = std::string(kBasicQualifiers) +
                             "#pragma namespace(\"\\\\\\\\.\\\\root\\\\cimv2\")\r\n"
                             "[Description(\"caf\\xE9\")]\r\nclass Ex_Wide\r\n{\r\n  [Key] string Id;\r\n};\r\n"
                             "class Ex_Bad : Nope { };\r\n";
    const fs::path file = dir.write("wide.mof", utf16le(text));
    SchemaRepository repo;
    const auto result = MofCompiler().compileFile(file, repo);
    const auto errors = errorsOf(result);
    ASSERT_EQ(errors.size(), 1u) << allDiagnostics(result);
    // Line numbers count CRLF once: the bad class is on the line after "};".
    const int expectedLine = static_cast<int>(std::count(kBasicQualifiers.begin(), kBasicQualifiers.end(), '\n')) + 7;
    EXPECT_EQ(errors[0].line, expectedLine);
    EXPECT_EQ(errors[0].column, 16);

    const fs::path good = dir.write("good.mof", utf16le(text.substr(0, text.find("class Ex_Bad"))));
    const auto ok = MofCompiler().compileFile(good, repo);
    ASSERT_TRUE(ok.ok()) << allDiagnostics(ok);
    EXPECT_EQ(repo.find("root/cimv2")->findClass("Ex_Wide")->qualifiers.stringValue("Description"), "caf\xC3\xA9");
}

TEST(MofCompiler, Utf8WithBomAndMixedLineEndings) {
    SchemaRepository repo;
    const std::string text = "\xEF\xBB\xBF" + std::string(kBasicQualifiers) + "class Ex_A\r{\n [Key] string Id;\r\n};";
    const auto result = compile(text, repo);
    EXPECT_TRUE(result.ok()) << allDiagnostics(result);
}

// Several files are one compilation: the second file sees the first one's qualifiers even
// though the first has an error, so the only error reported is the real one.
TEST(MofCompiler, ABrokenFirstFileDoesNotCascadeIntoTheNext) {
    TempDir dir;
    const fs::path first = dir.write("first.mof", std::string(kBasicQualifiers) + "class Ex_Broken { string };\n");
    const fs::path second = dir.write("second.mof", "[Description(\"ok\")] class Ex_Good { [Key] string Id; };\n");
    SchemaRepository repo;
    const auto result = MofCompiler().compileFiles({first, second}, repo);
    const auto errors = errorsOf(result);
    ASSERT_EQ(errors.size(), 1u) << allDiagnostics(result);
    EXPECT_EQ(fs::path(errors[0].file).filename(), "first.mof");
    EXPECT_EQ(repo.find("root/cimv2"), nullptr) << "the repository changed although a file has an error";
    EXPECT_EQ(result.stats.files, 2u);

    SchemaRepository clean;
    const fs::path fixed = dir.write("fixed.mof", std::string(kBasicQualifiers) + "class Ex_Fixed { };\n");
    const auto ok = MofCompiler().compileFiles({fixed, second}, clean);
    ASSERT_TRUE(ok.ok()) << allDiagnostics(ok);
    EXPECT_TRUE(clean.find("root/cimv2")->findClass("Ex_Good"));
}

// Auto reads a whole file as WMI on any sign of it, wherever in the file it is.
TEST(MofCompiler, TheAutoDialectFollowsTheFilesSigns) {
    TempDir dir;
    const std::string wmiBody = "[key] string Name; };\n";
    struct Case {
        const char* name;
        std::string bytes;
        bool wmi;
    };
    const std::vector<Case> cases{
        {"plain.mof", "class A { " + wmiBody, false},
        {"utf16.mof", utf16le("class A { " + wmiBody), true},
        {"pragma_late.mof", "class A { " + wmiBody + "#pragma autorecover\n", true},
        {"system.mof", "class A : __EventConsumer { " + wmiBody, true},
        {"dynamic.mof", "[Dynamic] class A { " + wmiBody, true},
        {"provider.mof", "[provider(\"P\")] class A { " + wmiBody, true},
        {"windows_ns.mof",
         R"(#pragma namespace("\\\\.\\root\\cimv2"))"
         "\nclass A { " +
             wmiBody,
         true},
        {"dmtf_ns.mof", "#pragma namespace(\"root/cimv2\")\nclass A { " + wmiBody, false},
    };
    for (const Case& c : cases) {
        SchemaRepository repo;
        const auto result = MofCompiler().compileFile(dir.write(c.name, c.bytes), repo);
        EXPECT_EQ(result.ok(), c.wmi) << c.name << "\n" << allDiagnostics(result);
    }
}

// An include written with a Windows path, whether its backslashes are escaped
// (sub\\a.mof, DSP0004's spelling) or not (sub\b.mof, as mofcomp reads it).
TEST(MofCompiler, IncludeBackslashesEscapedOrNotAreSeparators) {
    TempDir dir;
    dir.write("sub/a.mof", std::string(kBasicQualifiers) + "class Ex_A { };\n");
    dir.write("sub/b.mof", "class Ex_B : Ex_A { };\n");
    const fs::path top = dir.write("top.mof", R"(#pragma include("sub\\a.mof")
#pragma include("sub\b.mof")
)");
    SchemaRepository repo;
    const auto result = MofCompiler().compileFile(top, repo);
    ASSERT_TRUE(result.ok()) << allDiagnostics(result);
    EXPECT_TRUE(repo.find("root/cimv2")->findClass("Ex_B")->isA("Ex_A"));
    EXPECT_EQ(result.diagnostics.size(), 2u) << "one warning per include written with backslashes";
}

TEST(MofCompiler, StatsCountWhatWasCompiled) {
    SchemaRepository repo;
    const auto result = compile(std::string(kBasicQualifiers) + R"(
        class Ex_A { [Key] string Id; };
        [Association] class Ex_L { Ex_A REF L; Ex_A REF R; };
        [Indication] class Ex_I { };
        instance of Ex_A { Id = "x"; };)",
                                repo);
    ASSERT_TRUE(result.ok()) << allDiagnostics(result);
    EXPECT_EQ(result.stats.classes, 3u);
    EXPECT_EQ(result.stats.associations, 1u);
    EXPECT_EQ(result.stats.indications, 1u);
    EXPECT_EQ(result.stats.qualifierDecls, 14u);
    EXPECT_EQ(result.stats.instances, 1u);
    EXPECT_EQ(result.stats.files, 1u);
    EXPECT_GT(result.stats.bytes, 0u);
}

TEST(MofCompiler, FormatClassMofMarksInheritedElements) {
    SchemaRepository repo;
    ASSERT_TRUE(compile(std::string(kBasicQualifiers) + R"(
        [Description("Base")] class Ex_Base { [Key] string Id; uint32 Stop([In] string Why); };
        class Ex_Svc : Ex_Base { [ValueMap{"0", "1"}] uint16 Mode = 1; };)",
                        repo)
                    .ok());
    const std::string mof = formatClassMof(*repo.find("root/cimv2")->findClass("Ex_Svc"));
    EXPECT_THAT(mof, HasSubstr("class Ex_Svc : Ex_Base\n{"));
    EXPECT_THAT(mof, HasSubstr("    // inherited from Ex_Base\n    [Key]\n    string Id;"));
    EXPECT_THAT(mof, HasSubstr("ValueMap{\"0\", \"1\"}"));
    EXPECT_THAT(mof, HasSubstr("uint16 Mode = 1;"));
    EXPECT_THAT(mof, HasSubstr("uint32 Stop(\n        [In]\n        string Why);"));
    EXPECT_EQ(formatClassMof(*repo.find("root/cimv2")->findClass("Ex_Svc"), false).find("inherited"),
              std::string::npos);
    // The output is MOF the compiler reads back to the same class.
    SchemaRepository again;
    const auto base = formatClassMof(*repo.find("root/cimv2")->findClass("Ex_Base"), false);
    const auto reread = compile(std::string(kBasicQualifiers) + base + mof, again);
    EXPECT_EQ(reread.errorCount(), 0u) << allDiagnostics(reread) << base << mof;
}

}  // namespace
}  // namespace wmimock
