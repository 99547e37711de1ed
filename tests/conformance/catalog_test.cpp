// The catalog in the code and ../shared/spec/stopservice-conformance.md stay in step: every
// rule of the spec is in rules() with the spec's level, and either has checks or says why not.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "wmimock/cim/error.hpp"
#include "wmimock/conformance/check_filter.hpp"
#include "wmimock/conformance/checks.hpp"
#include "wmimock/conformance/rule.hpp"

namespace wmimock::conformance {
namespace {

const std::filesystem::path kSpec = std::filesystem::path(WMIMOCK_SHARED_DIR) / "spec" / "stopservice-conformance.md";

struct SpecRules {
    std::vector<std::string> headings;              ///< "### SS-001 ..." in order
    std::map<std::string, std::string> indexLevel;  ///< rule index table: ID -> Level column
};

SpecRules readSpec() {
    std::ifstream in(kSpec);
    SpecRules spec;
    const std::regex heading(R"(^### ([A-Z]+-[0-9]{3}) )");
    const std::regex indexRow(R"(^\| ([A-Z]+-[0-9]{3}) \| ([A-Z/ ]+?) \|)");
    std::string line;
    std::smatch m;
    while (std::getline(in, line)) {
        if (std::regex_search(line, m, heading)) spec.headings.push_back(m[1]);
        if (std::regex_search(line, m, indexRow)) spec.indexLevel[m[1]] = m[2];
    }
    return spec;
}

class CatalogTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (!std::filesystem::exists(kSpec)) GTEST_SKIP() << "spec not found at " << kSpec << " (WMIMOCK_SHARED_DIR)";
        spec_ = readSpec();
        ASSERT_GT(spec_.headings.size(), 60U) << "the spec's rule headings could not be read from " << kSpec;
    }
    SpecRules spec_;
};

TEST_F(CatalogTest, EverySpecRuleIsInTheCatalogInOrder) {
    std::vector<std::string> ours;
    for (const Rule& r : rules()) ours.emplace_back(r.id);
    EXPECT_EQ(ours, spec_.headings);
}

TEST_F(CatalogTest, LevelsMatchTheRuleIndex) {
    for (const Rule& r : rules()) {
        const auto it = spec_.indexLevel.find(std::string(r.id));
        ASSERT_NE(it, spec_.indexLevel.end()) << r.id << " is missing from the spec's rule index";
        EXPECT_EQ(it->second, r.levelText) << r.id;
        const std::string strongest = it->second.substr(0, it->second.find_first_of("/ "));
        EXPECT_EQ(toString(r.level), strongest) << r.id;
    }
}

TEST(Catalog, CheckedRulesHaveChecksAndTheOthersSayWhy) {
    std::set<std::string_view> withChecks;
    for (const CheckInfo& c : checks()) withChecks.insert(c.ruleId);
    for (const Rule& r : rules()) {
        if (r.checked) {
            EXPECT_TRUE(withChecks.count(r.id)) << r.id << " is marked checked but has no check";
            EXPECT_TRUE(r.whyNotChecked.empty()) << r.id;
        } else {
            EXPECT_FALSE(withChecks.count(r.id)) << r.id << " is marked not checked but has a check";
            EXPECT_GT(r.whyNotChecked.size(), 20U) << r.id << " needs a reason why it is not checked";
        }
        EXPECT_FALSE(r.title.empty()) << r.id;
        EXPECT_FALSE(r.source.empty()) << r.id;
    }
}

TEST(Catalog, EveryCheckNamesAKnownRuleAndHasAUniqueName) {
    std::set<std::string> names;
    for (const CheckInfo& c : checks()) {
        EXPECT_NE(findRule(c.ruleId), nullptr) << c.ruleId;
        EXPECT_TRUE(names.insert(identifier(c)).second) << "duplicate check name " << identifier(c);
        EXPECT_TRUE(c.sourceFile.starts_with("conformance/src/checks_")) << c.sourceFile;
        EXPECT_GT(c.sourceLine, 0);
    }
}

TEST(Catalog, ChecksFollowCatalogOrderThoseJudgingTheWholeRunLast) {
    const auto all = rules();
    std::ptrdiff_t last = -1;
    bool runWideSeen = false;
    for (const CheckInfo& c : checks()) {
        if (c.afterOthers) {
            if (!runWideSeen) last = -1;  // a second catalog-ordered run of checks begins
            runWideSeen = true;
        } else {
            EXPECT_FALSE(runWideSeen) << c.ruleId << " is planned after a check that judges the whole run";
        }
        const auto pos =
            std::find_if(all.begin(), all.end(), [&](const Rule& r) { return r.id == c.ruleId; }) - all.begin();
        EXPECT_GE(pos, last) << c.ruleId;
        last = pos;
    }
    const auto err011 =
        std::find_if(checks().begin(), checks().end(), [](const CheckInfo& c) { return c.ruleId == "ERR-011"; });
    ASSERT_NE(err011, checks().end());
    EXPECT_TRUE(err011->afterOthers) << "ERR-011 (catalog Rev. 2) judges every status code the run saw";
}

TEST(Catalog, FindRuleIsCaseInsensitive) {
    ASSERT_NE(findRule("ss-001"), nullptr);
    EXPECT_EQ(findRule("ss-001")->id, "SS-001");
    EXPECT_EQ(findRule("SS-999"), nullptr);
}

TEST(Catalog, FiltersSelectByRuleIdTitleAndGlob) {
    const auto& first = checks().front();
    EXPECT_TRUE(matchesFilter(first, ""));
    EXPECT_TRUE(matchesFilter(first, "SS-*"));
    EXPECT_TRUE(matchesFilter(first, "ss-001"));
    EXPECT_TRUE(matchesFilter(first, "RSC-*, SS-00?"));
    EXPECT_TRUE(matchesFilter(first, "*ReturnS0"));
    EXPECT_FALSE(matchesFilter(first, "RSC-*"));
    EXPECT_EQ(identifier(first), "SS_001_StopServiceReturns0");
}

/// The rule IDs a filter selects, in catalog order, without repeats.
std::vector<std::string> selected(std::string_view filter, std::string_view exclude = {}) {
    const CheckFilter f(filter, exclude);
    std::vector<std::string> ids;
    for (const auto& c : checks()) {
        if (f.selects(c) && (ids.empty() || ids.back() != c.ruleId)) ids.emplace_back(c.ruleId);
    }
    return ids;
}

TEST(CheckFilter, SpeaksGoogleTestFilterSyntax) {
    EXPECT_EQ(selected("RSC-00[78]"), (std::vector<std::string>{"RSC-007", "RSC-008"}));
    EXPECT_EQ(selected("RSC-00[!1-7]"), (std::vector<std::string>{"RSC-008", "RSC-009"}));
    EXPECT_EQ(selected("SS-00?:-SS-002:SS-003"), selected("SS-001,SS-004,SS-005,SS-006,SS-007,SS-008,SS-009"))
        << "every pattern after the first negative one is negative";
    const auto allButConc = selected("-CONC-*");
    EXPECT_FALSE(allButConc.empty());
    for (const auto& id : allButConc) EXPECT_FALSE(id.starts_with("CONC-")) << id;
    EXPECT_EQ(allButConc.size() + selected("CONC-*").size(), selected("").size());
    EXPECT_EQ(selected("SS-*", "SS-00*,SS-01*"), selected("SS-02*"));
    EXPECT_TRUE(selected("SS001").empty()) << "a typo selects nothing (the runner refuses that)";
    EXPECT_EQ(selected("*idempotent*"), selected("*Idempotent*"));
}

// Many stars against every check key must stay fast (a quadratic-or-worse matcher would
// not finish); this asserts the answers, the benchmark-free way: no timing, just completion.
TEST(CheckFilter, ManyStarsMatchWithoutBacktrackingBlowUp) {
    EXPECT_TRUE(selected("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*z").empty());
    EXPECT_EQ(selected("*S*S*-*0*0*1 *"), selected("SS-001"));
    EXPECT_EQ(selected("[S]S-0[0-9][1]*"), selected("SS-001,SS-011,SS-021"));
}

TEST(CheckFilter, RefusesAnUnclosedClass) {
    EXPECT_THROW(CheckFilter("RSC-00[78"), CimError);
}

}  // namespace
}  // namespace wmimock::conformance
