// WQL (SELECT with WHERE, ASSOCIATORS OF, REFERENCES OF) and the association operations
// with every filter.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_schema.hpp"

namespace wmimock {
namespace {

using namespace wmimock::testing;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

class QueryTest : public ::testing::Test {
protected:
    void SetUp() override {
        addTestSchema(cimom);
        cimom.addInstance(kNs, service("Alpha")
                                   .set("Started", Value::boolean(true))
                                   .set("EnabledState", Value::uint16(2))
                                   .set("StartMode", Value::string("Auto"))
                                   .set("Priority", Value::uint32(10)));
        cimom.addInstance(kNs, service("Beta")
                                   .set("Started", Value::boolean(false))
                                   .set("EnabledState", Value::uint16(3))
                                   .set("StartMode", Value::string("Manual"))
                                   .set("Priority", Value::uint32(20)));
        cimom.addInstance(kNs, service("Gamma", "Test_SpecialService")
                                   .set("Started", Value::boolean(true))
                                   .set("EnabledState", Value::uint16(2))
                                   .set("Caption", Value::string("it's special")));
        cimom.addInstance(kNs, Instance("Test_System").set("Name", Value::string("host")));
        // Delta depends on Gamma; Gamma and Beta depend on Alpha; the host hosts all three.
        addDependency("Alpha", "Beta");
        addDependency("Alpha", "Gamma", "Test_SpecialService");
        for (auto [name, cls] : {std::pair{"Alpha", "Test_Service"}, std::pair{"Beta", "Test_Service"},
                                 std::pair{"Gamma", "Test_SpecialService"}}) {
            cimom.addInstance(kNs, Instance("Test_HostedService")
                                       .set("Antecedent", Value::reference(systemPath("host")))
                                       .set("Dependent", Value::reference(servicePath(name, cls))));
        }
    }
    void addDependency(const std::string& antecedent, const std::string& dependent,
                       const std::string& dependentClass = "Test_Service") {
        cimom.addInstance(kNs, Instance("Test_Dependency")
                                   .set("Antecedent", Value::reference(servicePath(antecedent)))
                                   .set("Dependent", Value::reference(servicePath(dependent, dependentClass))));
    }
    std::vector<std::string> select(std::string_view wql) { return names(cimom.execQuery(kNs, "WQL", wql)); }
    CimError queryError(std::string_view wql, std::string_view language = "WQL") {
        try {
            cimom.execQuery(kNs, language, wql);
        } catch (const CimError& e) {
            return e;
        }
        return CimError(CimStatus::Success, "no error");
    }

    Cimom cimom{std::make_shared<ManualClock>()};
};

TEST_F(QueryTest, SelectStarWithComparisons) {
    EXPECT_THAT(select("SELECT * FROM Test_Service"), ElementsAre("Alpha", "Beta", "Gamma"));
    EXPECT_THAT(select("select * from test_service where EnabledState = 2"), ElementsAre("Alpha", "Gamma"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE EnabledState <> 2"), ElementsAre("Beta"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE EnabledState != 2"), ElementsAre("Beta"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE Priority < 20"), ElementsAre("Alpha"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE Priority <= 20"), ElementsAre("Alpha", "Beta"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE Priority > 10"), ElementsAre("Beta"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE Priority >= 10"), ElementsAre("Alpha", "Beta"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE 15 < Priority"), ElementsAre("Beta"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE Started = TRUE"), ElementsAre("Alpha", "Gamma"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE Priority = 0x14"), ElementsAre("Beta"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE Priority > -5"), ElementsAre("Alpha", "Beta"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE EnabledState = '3'"), ElementsAre("Beta"));
}

TEST_F(QueryTest, StringsCompareCaseInsensitivelyAndQuotesEscape) {
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE Name = 'alpha'"), ElementsAre("Alpha"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE Name = \"BETA\""), ElementsAre("Beta"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE Caption = 'it''s special'"), ElementsAre("Gamma"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE Caption = 'it\\'s special'"), ElementsAre("Gamma"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE Name > 'b'"), ElementsAre("Beta", "Gamma"));
}

TEST_F(QueryTest, LogicAndNulls) {
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE Started = TRUE AND NOT Name = 'Gamma'"), ElementsAre("Alpha"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE Name = 'Beta' OR (EnabledState = 2 AND Priority = 10)"),
                ElementsAre("Alpha", "Beta"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE Priority IS NULL"), ElementsAre("Gamma"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE Priority IS NOT NULL"), ElementsAre("Alpha", "Beta"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE Priority = NULL"), ElementsAre("Gamma"));
    // Comparisons with NULL are unknown, and NOT unknown is still unknown.
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE NOT Priority = 10"), ElementsAre("Beta"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE Priority < 100 OR Started = TRUE"),
                ElementsAre("Alpha", "Beta", "Gamma"));
}

TEST_F(QueryTest, LikeAndIsa) {
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE Name LIKE 'a%'"), ElementsAre("Alpha"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE Name LIKE '%a'"), ElementsAre("Alpha", "Beta", "Gamma"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE Name LIKE '_eta'"), ElementsAre("Beta"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE Name LIKE '[ab]%'"), ElementsAre("Alpha", "Beta"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE Name LIKE '[^ab]%'"), ElementsAre("Gamma"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE Name LIKE '[c-h]%'"), ElementsAre("Gamma"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE Name NOT LIKE '%mm%'"), ElementsAre("Alpha", "Beta"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE __CLASS ISA 'Test_SpecialService'"), ElementsAre("Gamma"));
    EXPECT_THAT(select("SELECT * FROM Test_Service WHERE __CLASS = 'Test_Service'"), ElementsAre("Alpha", "Beta"));
}

TEST_F(QueryTest, SelectListProjects) {
    const auto found = cimom.execQuery(kNs, "wql", "SELECT Name, Priority FROM Test_Service WHERE Name = 'Alpha'");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].properties().size(), 2u);
    EXPECT_EQ(found[0].get("Priority"), Value::uint32(10));
    EXPECT_EQ(found[0].path(), servicePath("Alpha"));
    const auto withPath = cimom.execQuery(kNs, "WQL", "SELECT __PATH, Name FROM Test_Service WHERE Name = 'Beta'");
    ASSERT_EQ(withPath.size(), 1u);
    EXPECT_EQ(withPath[0].properties().size(), 2u);
    EXPECT_EQ(ObjectPath::parse(withPath[0].get("__PATH").asString()), servicePath("Beta"));
}

TEST_F(QueryTest, SyntaxErrorsNameThePosition) {
    auto expectSyntax = [&](std::string_view wql, std::string_view position) {
        const CimError e = queryError(wql);
        EXPECT_EQ(e.status(), CimStatus::InvalidQuery) << wql;
        EXPECT_THAT(e.message(), HasSubstr(std::string("position ") + std::string(position))) << wql;
    };
    expectSyntax("SELECT FROM Test_Service", "8");
    expectSyntax("SELECT * Test_Service", "10");
    expectSyntax("SELECT * FROM Test_Service WHERE", "33");
    expectSyntax("SELECT * FROM Test_Service WHERE Name = 'open", "41");
    expectSyntax("SELECT * FROM Test_Service WHERE Name == 'x'", "40");
    expectSyntax("SELECT * FROM Test_Service WHERE (Name = 'x'", "45");
    expectSyntax("SELECT * FROM Test_Service WHERE Name = 'x' garbage", "45");
    expectSyntax("SELECT * FROM Test_Service WHERE Name ~ 'x'", "39");
    expectSyntax("DELETE FROM Test_Service", "1");
    expectSyntax("SELECT * FROM Test_Service WHERE NoSuch = 1", "34");
    expectSyntax("SELECT Nope FROM Test_Service", "8");
    expectSyntax("SELECT * FROM Test_Service WHERE Name LIKE '[ab'", "34");
    expectSyntax("ASSOCIATORS OF Test_Service.Name='x'", "16");
    expectSyntax("ASSOCIATORS OF {Test_Service.Name='x'", "16");
}

TEST_F(QueryTest, QueryLevelErrors) {
    EXPECT_EQ(queryError("SELECT * FROM No_Class").status(), CimStatus::InvalidClass);
    EXPECT_EQ(queryError("SELECT * FROM Test_Service", "CQL").status(), CimStatus::QueryLanguageNotSupported);
    try {
        cimom.execQuery("root/none", "WQL", "SELECT * FROM Test_Service");
        FAIL();
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::InvalidNamespace);
    }
}

TEST_F(QueryTest, AssociatorsOfAndReferencesOf) {
    const std::string alpha = "{Test_Service.SystemName=\"host\",Name=\"Alpha\"}";
    EXPECT_THAT(select("ASSOCIATORS OF " + alpha), UnorderedElementsAre("Beta", "Gamma", "host"));
    EXPECT_THAT(select("ASSOCIATORS OF " + alpha + " WHERE AssocClass = Test_Dependency"),
                UnorderedElementsAre("Beta", "Gamma"));
    EXPECT_THAT(select("associators of " + alpha + " where ResultClass = Test_SpecialService"), ElementsAre("Gamma"));
    EXPECT_THAT(select("ASSOCIATORS OF " + alpha + " WHERE Role = Dependent"), ElementsAre("host"));
    EXPECT_THAT(select("ASSOCIATORS OF " + alpha + " WHERE ResultRole = Dependent AssocClass = Test_Dependency"),
                UnorderedElementsAre("Beta", "Gamma"));
    const auto keys =
        cimom.execQuery(kNs, "WQL", "ASSOCIATORS OF " + alpha + " WHERE ResultClass = Test_System KeysOnly");
    ASSERT_EQ(keys.size(), 1u);
    EXPECT_EQ(keys[0].properties().size(), 1u);

    const auto refs = cimom.execQuery(kNs, "WQL", "REFERENCES OF " + alpha);
    EXPECT_EQ(refs.size(), 3u);
    const auto deps = cimom.execQuery(
        kNs, "WQL", "REFERENCES OF " + alpha + " WHERE ResultClass = Test_Dependency Role = Antecedent");
    EXPECT_EQ(deps.size(), 2u);
    EXPECT_EQ(queryError("ASSOCIATORS OF " + alpha + " WHERE ClassDefsOnly").status(), CimStatus::NotSupported);
    EXPECT_EQ(queryError("ASSOCIATORS OF {Test_Service.SystemName=\"host\",Name=\"Nope\"}").status(),
              CimStatus::NotFound);
}

TEST_F(QueryTest, AssociatorsWithEveryFilter) {
    const ObjectPath alpha = servicePath("Alpha");
    auto assoc = [&](AssociatorFilter f) { return cimom.associatorNames(alpha, f); };
    EXPECT_THAT(assoc({}), UnorderedElementsAre(servicePath("Beta"), servicePath("Gamma", "Test_SpecialService"),
                                                systemPath("host")));
    EXPECT_THAT(assoc({"Test_HostedService", "", "", ""}), ElementsAre(systemPath("host")));
    EXPECT_THAT(assoc({"", "Test_System", "", ""}), ElementsAre(systemPath("host")));
    EXPECT_THAT(
        assoc({"", "Test_EnabledElement", "", ""}),
        UnorderedElementsAre(servicePath("Beta"), servicePath("Gamma", "Test_SpecialService"), systemPath("host")));
    EXPECT_THAT(assoc({"", "", "Antecedent", ""}),
                UnorderedElementsAre(servicePath("Beta"), servicePath("Gamma", "Test_SpecialService")));
    EXPECT_THAT(assoc({"", "", "dependent", ""}), ElementsAre(systemPath("host")));
    EXPECT_THAT(assoc({"", "", "", "Antecedent"}), ElementsAre(systemPath("host")));
    EXPECT_THAT(assoc({"", "", "Antecedent", "Antecedent"}), IsEmpty());
    EXPECT_THAT(assoc({"Test_Dependency", "Test_SpecialService", "Antecedent", "Dependent"}),
                ElementsAre(servicePath("Gamma", "Test_SpecialService")));

    const auto instances = cimom.associators(servicePath("Gamma", "Test_SpecialService"));
    EXPECT_THAT(names(instances), UnorderedElementsAre("Alpha", "host"));
    InstanceOptions options;
    options.includeSystemProperties = true;
    options.propertyList = std::vector<std::string>{"Name"};
    const auto shaped = cimom.associators(servicePath("Beta"), {"Test_HostedService", "", "", ""}, options);
    ASSERT_EQ(shaped.size(), 1u);
    EXPECT_EQ(shaped[0].get("__CLASS"), Value::string("Test_System"));
    EXPECT_FALSE(shaped[0].has("EnabledState"));

    try {
        cimom.associatorNames(alpha, {"No_Class", "", "", ""});
        FAIL();
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::InvalidParameter);
    }
    try {
        cimom.associatorNames(ObjectPath(std::string(kNs), "Test_Service"));
        FAIL();
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::NotSupported);
    }
}

TEST_F(QueryTest, ReferencesWithEveryFilter) {
    const ObjectPath alpha = servicePath("Alpha");
    EXPECT_EQ(cimom.referenceNames(alpha).size(), 3u);
    EXPECT_EQ(cimom.referenceNames(alpha, {"Test_Dependency", ""}).size(), 2u);
    EXPECT_EQ(cimom.referenceNames(alpha, {"", "Dependent"}).size(), 1u);
    EXPECT_EQ(cimom.referenceNames(alpha, {"Test_HostedService", "Antecedent"}).size(), 0u);
    const auto refs = cimom.references(systemPath("host"), {"Test_HostedService", "Antecedent"});
    ASSERT_EQ(refs.size(), 3u);
    for (const Instance& r : refs) {
        EXPECT_EQ(r.className(), "Test_HostedService");
        EXPECT_EQ(r.get("Antecedent").asReference(), systemPath("host"));
    }
    try {
        cimom.references(servicePath("Nope"));
        FAIL();
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::NotFound);
    }
}

}  // namespace
}  // namespace wmimock
