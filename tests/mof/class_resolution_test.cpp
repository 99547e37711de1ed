// resolveDeclaredClass on input a CIMOM's caller can send: a class whose superclass is itself
// or one of its own subclasses is refused, not given a derivation that loops.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "mof_test_support.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/mof/class_resolution.hpp"

namespace wmimock {
namespace {

using testing::allDiagnostics;
using ::testing::HasSubstr;

CimClass declaredClass(std::string name, std::string superClass) {
    CimClass cls;
    cls.name = std::move(name);
    cls.superClass = std::move(superClass);
    return cls;
}

TEST(ResolveDeclaredClass, ASuperclassThatDerivesFromTheClassIsAnInheritanceCycle) {
    SchemaRepository repo = SchemaRepository::withoutSystemClasses();
    const MofCompileResult result = MofCompiler().compileString(
        "class Cy_Top { string Name; };\nclass Cy_Middle : Cy_Top { };\nclass Cy_Leaf : Cy_Middle { };\n", "cy.mof",
        repo);
    ASSERT_TRUE(result.ok()) << allDiagnostics(result);
    const SchemaNamespace& ns = *repo.find("root/cimv2");

    for (const auto& [name, super] :
         {std::pair{"Cy_Top", "Cy_Leaf"}, std::pair{"Cy_Top", "Cy_Top"}, std::pair{"Cy_Middle", "Cy_Leaf"}}) {
        try {
            (void)resolveDeclaredClass(ns, declaredClass(name, super));
            ADD_FAILURE() << name << " : " << super << " was resolved";
        } catch (const CimError& e) {
            EXPECT_EQ(e.status(), CimStatus::InvalidSuperclass) << name << " : " << super;
            EXPECT_THAT(e.message(), HasSubstr("inheritance cycle")) << name << " : " << super;
        }
    }
    // Moving a class under a sibling's branch is no cycle.
    const CimClass moved = resolveDeclaredClass(ns, declaredClass("Cy_Leaf", "Cy_Top"));
    EXPECT_EQ(moved.derivation, std::vector<std::string>{"Cy_Top"});
}

}  // namespace
}  // namespace wmimock
