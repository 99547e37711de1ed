// Case-insensitive, case-preserving names.
#include <gtest/gtest.h>

#include <map>
#include <unordered_map>

#include "wmimock/cim/names.hpp"
#include "wmimock/cim/shared_string.hpp"

namespace wmimock {
namespace {

TEST(Names, IEquals) {
    EXPECT_TRUE(iequals("CIM_Service", "cim_SERVICE"));
    EXPECT_TRUE(iequals("", ""));
    EXPECT_FALSE(iequals("Name", "Names"));
    EXPECT_FALSE(iequals("a_b", "a-b"));
    EXPECT_FALSE(iequals("\xc3\xa9", "\xc3\x89"));  // ASCII only: non-ASCII bytes compare exactly
}

TEST(Names, ICompareOrdersLikeLowerCase) {
    EXPECT_EQ(icompare("abc", "ABC"), 0);
    EXPECT_LT(icompare("Apple", "banana"), 0);
    EXPECT_GT(icompare("b", "A"), 0);
    EXPECT_LT(icompare("ab", "ABC"), 0);
    EXPECT_GT(icompare("abcd", "ABC"), 0);
    EXPECT_GT(icompare("Z", "_"), 0);  // as lower case: 'z' (0x7a) sorts after '_' (0x5f)
    EXPECT_LT(icompare("_", "a"), 0);
}

TEST(Names, ToLowerAndHash) {
    EXPECT_EQ(toLower("Root/CIMV2"), "root/cimv2");
    EXPECT_EQ(ihash("CIM_Service"), ihash("cim_service"));
    EXPECT_NE(ihash("CIM_Service"), ihash("CIM_Services"));
}

TEST(Names, ContainerFunctors) {
    std::unordered_map<std::string, int, NameHash, NameEqual> byName;
    byName["Name"] = 1;
    EXPECT_EQ(byName.count("NAME"), 1u);
    EXPECT_EQ(byName.find(std::string_view("name"))->second, 1);  // heterogeneous lookup
    std::map<std::string, int, NameLess> ordered{{"b", 2}, {"A", 1}};
    EXPECT_EQ(ordered.begin()->first, "A");
    EXPECT_EQ(ordered.count("B"), 1u);
}

}  // namespace
}  // namespace wmimock

TEST(SharedString, CopiesShareOneBufferAndCompareAsText) {
    const wmimock::SharedString origin(std::string("CIM_ManagedSystemElement"));
    const wmimock::SharedString copy = origin;  // NOLINT(performance-unnecessary-copy-initialization)
    EXPECT_EQ(&origin.str(), &copy.str()) << "a copy points at the same text";
    EXPECT_EQ(copy, "CIM_ManagedSystemElement");
    EXPECT_EQ(copy, std::string("CIM_ManagedSystemElement"));
    EXPECT_EQ(copy, wmimock::SharedString("CIM_ManagedSystemElement")) << "equal text from another buffer";
    EXPECT_FALSE(copy == "cim_managedsystemelement") << "comparison is exact, as for std::string";
    EXPECT_EQ("from " + copy + ".", "from CIM_ManagedSystemElement.");
    EXPECT_EQ(std::string_view(copy).size(), 24u);
}

TEST(SharedString, EmptyAndCleared) {
    wmimock::SharedString s;
    EXPECT_TRUE(s.empty());
    EXPECT_EQ(s, "");
    EXPECT_STREQ(s.c_str(), "");
    s = wmimock::SharedString("X");
    EXPECT_FALSE(s.empty());
    s.clear();
    EXPECT_TRUE(s.empty());
    EXPECT_TRUE(wmimock::SharedString(std::string()).empty()) << "empty text holds no buffer";
}
