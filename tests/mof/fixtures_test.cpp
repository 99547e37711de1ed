// The project's own fixtures compile cleanly: each umbrella file, then the instance files
// that seed the matching simulation, into the same repository.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "mof_test_support.hpp"

namespace wmimock {
namespace {

namespace fs = std::filesystem;
using testing::allDiagnostics;

struct FixtureSet {
    const char* umbrella;                    // under fixtures/mof
    std::vector<const char*> instanceFiles;  // under fixtures/instances
    const char* nameSpace;
    const char* serviceClass;  // a concrete CIM_Service subclass the flavour defines
};

class MofFixtures : public ::testing::TestWithParam<FixtureSet> {};

TEST_P(MofFixtures, CompileWithoutErrors) {
    const FixtureSet& set = GetParam();
    const fs::path root = fs::path(WMIMOCK_SOURCE_DIR) / "fixtures";
    const fs::path umbrella = root / "mof" / set.umbrella;
    if (!fs::exists(umbrella)) GTEST_SKIP() << umbrella << " does not exist yet";

    SchemaRepository repo;
    const auto schema = MofCompiler().compileFile(umbrella, repo);
    ASSERT_TRUE(schema.ok()) << allDiagnostics(schema);
    EXPECT_EQ(schema.diagnostics.size(), 0u) << "warnings:\n" << allDiagnostics(schema);
    const SchemaNamespace* ns = repo.find(set.nameSpace);
    ASSERT_NE(ns, nullptr) << set.nameSpace;
    const auto service = ns->findClass(set.serviceClass);
    ASSERT_NE(service, nullptr) << set.serviceClass;
    EXPECT_TRUE(service->isA("CIM_Service"));
    ASSERT_NE(service->findMethod("StopService"), nullptr);
    EXPECT_NE(service->findMethod("RequestStateChange"), nullptr);
    EXPECT_NE(ns->findClass("__Win32Provider"), nullptr);

    for (const char* file : set.instanceFiles) {
        const fs::path path = root / "instances" / file;
        if (!fs::exists(path)) continue;
        SCOPED_TRACE(file);
        const auto instances = MofCompiler().compileFile(path, repo);
        ASSERT_TRUE(instances.ok()) << allDiagnostics(instances);
        EXPECT_GT(instances.instances.size(), 0u);
        for (const CompiledInstance& compiled : instances.instances) {
            EXPECT_FALSE(compiled.instance.path().className().empty()) << compiled.instance.className();
        }
    }
}

INSTANTIATE_TEST_SUITE_P(
    Flavours, MofFixtures,
    ::testing::Values(
        FixtureSet{
            "reference.mof", {"reference_system.mof", "simulation_defaults.mof"}, "root/cimv2", "WMIMock_Service"},
        FixtureSet{"win32_flavour.mof", {"win32_system.mof"}, "root/cimv2", "Win32_Service"},
        FixtureSet{"hyperv_flavour.mof",
                   {"hyperv_system.mof"},
                   "root/virtualization/v2",
                   "Msvm_VirtualSystemManagementService"},
        FixtureSet{"pegasus_flavour.mof", {"pegasus_system.mof"}, "root/PG_InterOp", "PG_IndicationService"}),
    [](const auto& info) { return std::string(fs::path(info.param.umbrella).stem()); });

}  // namespace
}  // namespace wmimock
