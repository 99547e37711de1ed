// Data-driven: every fixtures/wmi/*.mof is MOF that mofcomp accepts. Each compiles clean
// in the WMI dialect; its first line says what the DMTF dialect makes of it: "ok", or the
// error it must give (which names the WMI dialect). Then what each feature compiles to.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "mof_test_support.hpp"
#include "wmimock/cim/object_path.hpp"

namespace wmimock {
namespace {

namespace fs = std::filesystem;
using testing::allDiagnostics;
using testing::errorsOf;
using ::testing::HasSubstr;

const fs::path& wmiDir() {
    static const fs::path dir = fs::path(WMIMOCK_SOURCE_DIR) / "fixtures" / "wmi";
    return dir;
}

std::vector<std::string> wmiFiles() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(wmiDir())) {
        if (entry.path().extension() == ".mof") names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

// The first line's "// dmtf: <expectation>".
std::string dmtfExpectation(const fs::path& file) {
    std::ifstream in(file);
    std::string first;
    std::getline(in, first);
    constexpr std::string_view kPrefix = "// dmtf: ";
    return first.starts_with(kPrefix) ? first.substr(kPrefix.size()) : std::string();
}

MofCompileResult compileIn(MofDialect dialect, const fs::path& file, SchemaRepository& repo) {
    MofCompileOptions options;
    options.dialect = dialect;
    return MofCompiler(options).compileFile(file, repo);
}

class WmiFixture : public ::testing::TestWithParam<std::string> {};

TEST_P(WmiFixture, CompilesInTheWmiDialect) {
    SchemaRepository repo;
    const auto result = compileIn(MofDialect::Wmi, wmiDir() / GetParam(), repo);
    EXPECT_TRUE(result.ok()) << allDiagnostics(result);
    EXPECT_GT(result.stats.classes + result.stats.instances, 0u);
}

TEST_P(WmiFixture, TheDmtfDialectGivesTheExpectedAnswer) {
    const fs::path file = wmiDir() / GetParam();
    const std::string expected = dmtfExpectation(file);
    ASSERT_FALSE(expected.empty()) << file << " does not start with '// dmtf: '";
    SchemaRepository repo;
    const auto result = compileIn(MofDialect::Dmtf, file, repo);
    if (expected == "ok") {
        EXPECT_TRUE(result.ok()) << allDiagnostics(result);
        return;
    }
    const auto errors = errorsOf(result);
    ASSERT_FALSE(errors.empty()) << "the DMTF dialect accepted " << file;
    EXPECT_THAT(errors.front().message, HasSubstr(expected)) << allDiagnostics(result);
    EXPECT_THAT(errors.front().message, HasSubstr("allowed in the WMI dialect"));
    EXPECT_EQ(repo.find("root/cimv2"), nullptr) << "a failed compilation changed the repository";
}

INSTANTIATE_TEST_SUITE_P(Fixtures, WmiFixture, ::testing::ValuesIn(wmiFiles()),
                         [](const auto& info) { return fs::path(info.param).stem().string(); });

// One compiled fixture, in the WMI dialect.
struct Compiled {
    SchemaRepository repo;
    MofCompileResult result;
    explicit Compiled(const std::string& name) : result(compileIn(MofDialect::Wmi, wmiDir() / name, repo)) {}
    ClassPtr cls(std::string_view name) const { return repo.find("root/cimv2")->findClass(name); }
    const Instance& instance(std::size_t i) const { return result.instances.at(i).instance; }
};

TEST(WmiFeatures, UndeclaredQualifiersTakeTheTypeOfTheirValue) {
    const Compiled c("undeclared_qualifiers.mof");
    ASSERT_TRUE(c.result.ok()) << allDiagnostics(c.result);
    const auto cls = c.cls("Vendor_Widget");
    ASSERT_TRUE(cls);
    EXPECT_EQ(cls->qualifiers.stringValue("Provider"), "VendorProvider");
    EXPECT_EQ(cls->qualifiers.find("Locale")->value.type(), CimType::Sint32);
    EXPECT_TRUE(cls->findProperty("Name")->isKey());
    EXPECT_EQ(cls->findProperty("Labels")->qualifiers.stringArray("CustomTag"), (std::vector<std::string>{"a", "b"}));
}

TEST(WmiFeatures, LocaleIsAStringOrAnInteger) {
    const Compiled c("locale_string.mof");
    ASSERT_TRUE(c.result.ok()) << allDiagnostics(c.result);
    EXPECT_EQ(c.cls("Vendor_WidgetText")->qualifiers.stringValue("Locale"), "MS\\0x409");
    EXPECT_EQ(c.cls("Vendor_WidgetLegacyText")->qualifiers.find("Locale")->value, Value::sint32(0x409));
}

TEST(WmiFeatures, VoidMethodsHaveNoReturnValue) {
    const Compiled c("void_method.mof");
    ASSERT_TRUE(c.result.ok()) << allDiagnostics(c.result);
    const auto cls = c.cls("Vendor_Resettable");
    EXPECT_TRUE(cls->findMethod("Reset")->returnsVoid);
    EXPECT_FALSE(cls->findMethod("ResetTo")->returnsVoid);
    EXPECT_THAT(formatClassMof(*cls), HasSubstr("void Reset("));
}

TEST(WmiFeatures, AClassTypedPropertyIsAnEmbeddedInstance) {
    const Compiled c("class_typed_property.mof");
    ASSERT_TRUE(c.result.ok()) << allDiagnostics(c.result);
    const auto cls = c.cls("Vendor_Task");
    for (const char* name : {"RunAs", "Alternates"}) {
        const PropertyDecl* p = cls->findProperty(name);
        ASSERT_TRUE(p) << name;
        EXPECT_EQ(p->type, CimType::String);
        EXPECT_EQ(p->valueType(), CimType::Instance);
        EXPECT_EQ(p->qualifiers.stringValue("EmbeddedInstance"), "Vendor_Credential");
    }
    EXPECT_TRUE(cls->findProperty("Alternates")->isArray);
    const ParameterDecl* param = cls->findMethod("Start")->findParameter("Credential");
    EXPECT_EQ(param->valueType(), CimType::Instance);
    EXPECT_EQ(param->qualifiers.stringValue("EmbeddedInstance"), "Vendor_Credential");
}

TEST(WmiFeatures, AClassTypedPropertyNeedsADeclaredClass) {
    SchemaRepository repo;
    MofCompileOptions options;
    options.dialect = MofDialect::Wmi;
    const auto result = testing::compile("class A { [key] string K; Vendor_Missing Inner; };", repo, options);
    const auto errors = errorsOf(result);
    ASSERT_EQ(errors.size(), 1u) << allDiagnostics(result);
    EXPECT_EQ(errors[0].toString(), "test.mof:1:27: error: unknown data type 'Vendor_Missing'");
}

TEST(WmiFeatures, ASingleKeyPathNamesTheKey) {
    const Compiled c("single_key_path.mof");
    ASSERT_TRUE(c.result.ok()) << allDiagnostics(c.result);
    const Instance& link = c.instance(2);
    EXPECT_EQ(link.get("From").asReference(), ObjectPath::parse("Vendor_Node.Name=\"a\""));
    EXPECT_EQ(link.get("To").asReference(), ObjectPath::parse("Vendor_Node.Name=\"b\""));
}

TEST(WmiFeatures, AValuelessPropertyStaysUnset) {
    const Compiled c("valueless_property.mof");
    ASSERT_TRUE(c.result.ok()) << allDiagnostics(c.result);
    const Instance& volume = c.instance(0);
    EXPECT_EQ(volume.get("Name").asString(), "C");
    EXPECT_TRUE(volume.find("Size") == nullptr || volume.find("Size")->isNull());
    EXPECT_EQ(volume.get("Label").asString(), "unnamed");  // defaults still apply
}

TEST(WmiFeatures, PragmasTakeEffect) {
    const Compiled c("wmi_pragmas.mof");
    ASSERT_TRUE(c.result.ok()) << allDiagnostics(c.result);
    EXPECT_FALSE(c.cls("Vendor_Obsolete"));
    ASSERT_EQ(c.result.instances.size(), 2u);
    EXPECT_EQ(c.result.instances[0].update, InstanceUpdate::CreateOnly);
    EXPECT_EQ(c.result.instances[1].update, InstanceUpdate::UpdateOnly);
    ASSERT_EQ(c.result.deletedInstances.size(), 1u);
    EXPECT_EQ(c.result.deletedInstances[0].second, "Vendor_Setting.Name=\"legacy\"");
}

TEST(WmiFeatures, IncludesWithBackslashesAndAnotherCaseAreFoundWithAWarning) {
    for (const MofDialect dialect : {MofDialect::Wmi, MofDialect::Dmtf}) {
        SchemaRepository repo;
        const auto result = compileIn(dialect, wmiDir() / "include_backslash.mof", repo);
        ASSERT_TRUE(result.ok()) << allDiagnostics(result);
        EXPECT_TRUE(repo.find("root/cimv2")->findClass("Vendor_Derived")->findProperty("Name"));
        const auto warnings = std::count_if(result.diagnostics.begin(), result.diagnostics.end(), [](const auto& d) {
            return d.severity == MofDiagnostic::Severity::Warning &&
                   d.message.find("backslashes read as path separators") != std::string::npos;
        });
        EXPECT_EQ(warnings, 2) << allDiagnostics(result);
    }
}

TEST(WmiFeatures, AnAliasFillsAnEmbeddedInstanceProperty) {
    const Compiled c("embedded_alias.mof");
    ASSERT_TRUE(c.result.ok()) << allDiagnostics(c.result);
    const Instance& job = c.instance(2);
    ASSERT_EQ(job.className(), "Vendor_Job");
    const Value& credential = job.get("Credential");
    ASSERT_EQ(credential.type(), CimType::Instance);
    EXPECT_EQ(credential.asInstance().get("UserName").asString(), "svc");
    const auto& fallbacks = job.get("Fallbacks").asArray();
    ASSERT_EQ(fallbacks.size(), 2u);
    EXPECT_EQ(fallbacks[1].asInstance().get("Password").asString(), "p2");
}

}  // namespace
}  // namespace wmimock
