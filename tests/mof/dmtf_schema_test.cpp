// The full DMTF CIM schema 2.49 compiles without errors, with the counts found by
// counting the declarations in the schema files (1,631 classes — the number OpenPegasus
// and pywbem report — of which 643 associations and 24 indications, and 70 qualifier
// declarations), and resolves the classes the conformance suite relies on correctly.
// The same classes, handed back as code, resolve to the same result through the fake
// CIMOM's entry (resolveDeclaredClass). One compilation, one test: the schema is large.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "mof_test_support.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/mof/class_resolution.hpp"

namespace wmimock {
namespace {

namespace fs = std::filesystem;
using testing::allDiagnostics;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

TEST(MofDmtfSchema, Cim249CompilesAndResolves) {
    const fs::path schema = fs::path(WMIMOCK_SHARED_DIR) / "data/cim_schema_2.49.0/cim_schema_2.49.0.mof";
    if (!fs::exists(schema)) GTEST_SKIP() << "DMTF schema not available at " << schema << " (../shared is absent)";

    SchemaRepository repo = SchemaRepository::withoutSystemClasses();
    const MofCompileResult result = MofCompiler().compileFile(schema, repo);
    ASSERT_TRUE(result.ok()) << allDiagnostics(result);
    EXPECT_TRUE(result.diagnostics.empty()) << allDiagnostics(result);

    // Counted independently in the schema files (see docs/mof.md).
    EXPECT_EQ(result.stats.files, 1634u);
    EXPECT_EQ(result.stats.classes, 1631u);
    EXPECT_EQ(result.stats.associations, 643u);
    EXPECT_EQ(result.stats.indications, 24u);
    EXPECT_EQ(result.stats.qualifierDecls, 70u);
    const SchemaNamespace* ns = repo.find("root/cimv2");
    ASSERT_NE(ns, nullptr);
    EXPECT_EQ(ns->classCount(), 1631u);
    EXPECT_EQ(ns->qualifiers().size(), 70u);

    // CIM_Service.StopService: uint32, deprecated in favour of RequestStateChange.
    const ClassPtr service = ns->findClass("CIM_Service");
    ASSERT_NE(service, nullptr);
    EXPECT_EQ(service->derivation, (std::vector<std::string>{"CIM_EnabledLogicalElement", "CIM_LogicalElement",
                                                             "CIM_ManagedSystemElement", "CIM_ManagedElement"}));
    EXPECT_TRUE(service->isAbstract());
    const MethodDecl* stop = service->findMethod("StopService");
    ASSERT_NE(stop, nullptr);
    EXPECT_EQ(stop->returnType, CimType::Uint32);
    EXPECT_TRUE(stop->parameters.empty());
    EXPECT_FALSE(stop->propagated);
    EXPECT_EQ(stop->classOrigin, "CIM_Service");
    EXPECT_THAT(stop->qualifiers.stringArray("Deprecated"), ElementsAre("CIM_Service.RequestStateChange"));
    EXPECT_THAT(stop->qualifiers.stringValue("Description").value_or(""),
                ::testing::StartsWith("The StopService method places the Service in the stopped state."));
    EXPECT_THAT(service->keyNames(),
                UnorderedElementsAre("SystemCreationClassName", "SystemName", "CreationClassName", "Name"));
    EXPECT_EQ(service->findProperty("Name")->classOrigin, "CIM_Service");  // Override("Name")
    EXPECT_EQ(service->findProperty("Name")->qualifiers.find("MaxLen")->value.asUint64(), 256u);

    // CIM_EnabledLogicalElement.RequestStateChange and its parameters.
    const ClassPtr ele = ns->findClass("CIM_EnabledLogicalElement");
    ASSERT_NE(ele, nullptr);
    const MethodDecl* rsc = ele->findMethod("RequestStateChange");
    ASSERT_NE(rsc, nullptr);
    EXPECT_EQ(rsc->returnType, CimType::Uint32);
    EXPECT_THAT(rsc->qualifiers.stringArray("ValueMap"),
                ElementsAre("0", "1", "2", "3", "4", "5", "6", "..", "4096", "4097", "4098", "4099", "4100..32767",
                            "32768..65535"));
    ASSERT_EQ(rsc->parameters.size(), 3u);
    const ParameterDecl& requested = rsc->parameters[0];
    EXPECT_EQ(requested.name, "RequestedState");
    EXPECT_EQ(requested.type, CimType::Uint16);
    EXPECT_TRUE(requested.isIn());
    EXPECT_THAT(requested.qualifiers.stringArray("ValueMap"),
                ElementsAre("2", "3", "4", "6", "7", "8", "9", "10", "11", "..", "32768..65535"));
    EXPECT_EQ(requested.qualifiers.stringArray("Values").at(1), "Disabled");
    const ParameterDecl& job = rsc->parameters[1];
    EXPECT_EQ(job.type, CimType::Reference);
    EXPECT_EQ(job.referenceClass, "CIM_ConcreteJob");
    EXPECT_FALSE(job.isIn());
    EXPECT_TRUE(job.isOut());
    EXPECT_EQ(rsc->parameters[2].type, CimType::DateTime);

    // A subclass inherits the keys and methods of CIM_Service; the Restricted Deprecated
    // qualifier stays behind while the ToSubclass Description comes along.
    const ClassPtr bios = ns->findClass("CIM_BIOSService");
    ASSERT_NE(bios, nullptr);
    EXPECT_TRUE(bios->isA("CIM_Service"));
    EXPECT_FALSE(bios->isAbstract());
    EXPECT_THAT(bios->keyNames(),
                UnorderedElementsAre("SystemCreationClassName", "SystemName", "CreationClassName", "Name"));
    for (const char* key : {"SystemCreationClassName", "SystemName", "CreationClassName", "Name"}) {
        const PropertyDecl* p = bios->findProperty(key);
        EXPECT_TRUE(p->propagated) << key;
        EXPECT_EQ(p->classOrigin, "CIM_Service") << key;
        EXPECT_TRUE(p->qualifiers.find("Key")->propagated) << key;
    }
    const MethodDecl* inheritedStop = bios->findMethod("StopService");
    ASSERT_NE(inheritedStop, nullptr);
    EXPECT_TRUE(inheritedStop->propagated);
    EXPECT_EQ(inheritedStop->classOrigin, "CIM_Service");
    EXPECT_FALSE(inheritedStop->qualifiers.has("Deprecated"));
    EXPECT_TRUE(inheritedStop->qualifiers.has("Description"));
    EXPECT_EQ(bios->findMethod("RequestStateChange")->classOrigin, "CIM_EnabledLogicalElement");

    // An association and an indication.
    const ClassPtr hosted = ns->findClass("CIM_HostedService");
    ASSERT_NE(hosted, nullptr);
    EXPECT_TRUE(hosted->isAssociation());
    EXPECT_EQ(hosted->findProperty("Antecedent")->referenceClass, "CIM_System");
    EXPECT_EQ(hosted->findProperty("Dependent")->referenceClass, "CIM_Service");
    EXPECT_TRUE(ns->findClass("CIM_InstModification")->isIndication());

    // Qualifier declarations keep type, scope and flavor.
    const QualifierDecl* key = ns->findQualifier("Key");
    ASSERT_NE(key, nullptr);
    EXPECT_EQ(key->type, CimType::Boolean);
    EXPECT_FALSE(key->flavor.overridable);
    EXPECT_TRUE(key->flavor.toSubclass);
    EXPECT_EQ(key->scope, Scope::Property | Scope::Reference);

    // One resolver: every class handed back as code (what it declares itself, as a CIMOM's
    // CreateClass receives it) resolves to the class the compiler built from MOF.
    SchemaNamespace inCode("root/cimv2");
    for (const QualifierDecl* decl : ns->qualifiers()) inCode.putQualifier(*decl);
    std::size_t compared = 0;
    for (const ClassPtr& compiled : ns->classes()) {
        CimClass resolved;
        try {
            resolved = resolveDeclaredClass(inCode, *compiled);
        } catch (const CimError& e) {
            ADD_FAILURE() << compiled->name << ": " << e.what();
            continue;
        }
        EXPECT_EQ(formatClassMof(resolved), formatClassMof(*compiled)) << compiled->name;
        EXPECT_EQ(resolved.kind, compiled->kind) << compiled->name;
        EXPECT_EQ(resolved.derivation, compiled->derivation) << compiled->name;
        inCode.putClass(std::make_shared<const CimClass>(std::move(resolved)));
        ++compared;
    }
    EXPECT_EQ(compared, 1631u);
}

}  // namespace
}  // namespace wmimock
