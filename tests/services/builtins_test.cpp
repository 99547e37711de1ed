// The registry of built-ins and the embedded fixtures.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "faults.hpp"
#include "service_test_support.hpp"

namespace wmimock::services {
namespace {

using namespace testing;

TEST(Builtins, ReferenceThenFlavoursThenFaultyAlphabetically) {
    auto all = builtins();
    ASSERT_GE(all.size(), 15u);
    EXPECT_EQ(all[0].name, "reference");
    EXPECT_EQ(all[0].kind, BuiltinKind::Reference);
    EXPECT_EQ(all[1].name, "win32");
    EXPECT_EQ(all[2].name, "hyperv");
    EXPECT_EQ(all[3].name, "pegasus");
    for (std::size_t i = 1; i <= 3; ++i) EXPECT_EQ(all[i].kind, BuiltinKind::Flavour) << all[i].name;
    for (std::size_t i = 4; i < all.size(); ++i) {
        EXPECT_EQ(all[i].kind, BuiltinKind::Faulty);
        EXPECT_EQ(all[i].name.rfind("faulty-", 0), 0u) << all[i].name;
        if (i > 4) {
            EXPECT_LT(all[i - 1].name, all[i].name);
        }
    }
    for (const auto& b : all) {
        EXPECT_FALSE(b.description.empty()) << b.name;
        EXPECT_EQ(b.kind == BuiltinKind::Faulty, !b.brokenRules.empty()) << b.name;
    }
}

TEST(Builtins, FindIsCaseInsensitiveAndUnknownNamesAreNotFound) {
    ASSERT_NE(findBuiltin("HyperV"), nullptr);
    EXPECT_EQ(findBuiltin("HyperV")->nameSpace, "root/virtualization/v2");
    EXPECT_EQ(findBuiltin("nope"), nullptr);
    try {
        makeBuiltin("nope");
        FAIL() << "no error";
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::NotFound);
        EXPECT_NE(e.message().find("reference"), std::string::npos);  // lists the known ones
    }
    EXPECT_EQ(toString(BuiltinKind::Flavour), "flavour");
}

TEST(Builtins, EveryBuiltinBuildsAnIndependentEnvironmentServingItsClass) {
    for (const auto& b : builtins()) {
        auto env = makeBuiltin(b.name);
        ASSERT_TRUE(env.cimom && env.clock) << b.name;
        EXPECT_EQ(env.info, &b);
        auto services = env.cimom->enumerateInstances(b.nameSpace, b.className);
        EXPECT_FALSE(services.empty()) << b.name;
    }
    auto a = makeBuiltin("reference");
    auto b = makeBuiltin("reference");
    ASSERT_EQ(stopService(*a.cimom, referenceService("Alpha")).code, 0u);
    EXPECT_EQ(flag(b.cimom->getInstance(referenceService("Alpha")), "Started"), true);
}

TEST(Builtins, CapabilitiesAndHostingAreReachableThroughAssociations) {
    auto env = makeBuiltin("reference");
    auto caps =
        env.cimom->associators(referenceService("Alpha"), AssociatorFilter{"CIM_ElementCapabilities", "", "", ""});
    ASSERT_EQ(caps.size(), 1u);
    EXPECT_EQ(numbers(caps[0], "RequestedStatesSupported"), (std::vector<std::uint64_t>{2, 3}));
    auto host = env.cimom->associators(referenceService("Alpha"), AssociatorFilter{"CIM_HostedService", "", "", ""});
    EXPECT_EQ(host.size(), 1u);
}

TEST(EmbeddedFixtures, EveryFixtureFileIsEmbeddedByteForByte) {
    const std::filesystem::path root = std::filesystem::path(WMIMOCK_SOURCE_DIR) / "fixtures";
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (entry.path().extension() != ".mof") continue;
        auto relative = std::filesystem::relative(entry.path(), root).generic_string();
        if (relative.rfind("mof/", 0) != 0 && relative.rfind("instances/", 0) != 0) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream bytes;
        bytes << in.rdbuf();
        auto embedded = embeddedFixture(relative);
        ASSERT_TRUE(embedded.has_value()) << relative;
        EXPECT_EQ(*embedded, bytes.str()) << relative;
        ++files;
    }
    EXPECT_GE(files, 4u);
}

TEST(EmbeddedFixtures, LookupNormalizesPaths) {
    EXPECT_TRUE(embeddedFixture("mof/reference.mof").has_value());
    EXPECT_TRUE(embeddedFixture("fixtures/mof/reference.mof").has_value());
    EXPECT_TRUE(embeddedFixture("./mof\\reference.mof").has_value());
    EXPECT_TRUE(embeddedFixture("instances/../mof/reference.mof").has_value());
    EXPECT_FALSE(embeddedFixture("mof/nope.mof").has_value());
}

TEST(EmbeddedFixtures, TheLoaderResolvesIncludesRelativeToTheIncludingFile) {
    auto loader = embeddedFixtureLoader();
    auto source = loader("qualifiers.mof", "mof/reference.mof");
    ASSERT_TRUE(source.has_value());
    EXPECT_EQ(source->resolvedName, "mof/qualifiers.mof");
    EXPECT_EQ(source->bytes, *embeddedFixture("mof/qualifiers.mof"));
    EXPECT_FALSE(loader("nope.mof", "mof/reference.mof").has_value());
}

TEST(EmbeddedFixtures, EachUmbrellaCompilesIntoAFreshCimom) {
    MofCompileOptions options;
    options.loader = embeddedFixtureLoader();
    for (std::string_view file :
         {"mof/reference.mof", "mof/win32_flavour.mof", "mof/hyperv_flavour.mof", "mof/pegasus_flavour.mof"}) {
        Cimom cimom;
        auto result = cimom.loadMof(*embeddedFixture(file), file, options);
        EXPECT_TRUE(result.ok()) << file;
        EXPECT_GT(result.stats.classes, 10u) << file;
    }
}

}  // namespace
}  // namespace wmimock::services
