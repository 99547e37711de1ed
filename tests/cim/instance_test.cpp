// Instance: case-insensitive properties, copy-on-write sharing, equality and MOF.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "wmimock/cim/error.hpp"
#include "wmimock/cim/instance.hpp"

namespace wmimock {
namespace {

TEST(Instance, DefaultIsEmpty) {
    const Instance i;
    EXPECT_EQ(i.className(), "");
    EXPECT_TRUE(i.properties().empty());
    EXPECT_TRUE(i.path().isClassPath());
    EXPECT_EQ(i.path().className(), "");
}

TEST(Instance, CaseInsensitiveCasePreservingProperties) {
    Instance i("CIM_Service");
    i.set("Name", Value::string("a")).set("Started", Value::boolean(true));
    i.set("NAME", Value::string("b"));
    ASSERT_EQ(i.properties().size(), 2u);
    EXPECT_EQ(i.properties()[0].name, "Name");  // first spelling kept
    EXPECT_EQ(i.get("name").asString(), "b");
    EXPECT_TRUE(i.has("STARTED"));
    EXPECT_EQ(i.find("Missing"), nullptr);
    EXPECT_TRUE(i.erase("started"));
    EXPECT_FALSE(i.erase("started"));
    EXPECT_FALSE(i.has("Started"));
}

TEST(Instance, GetMissingPropertyIsNoSuchProperty) {
    const Instance i("CIM_Service");
    try {
        i.get("Bogus");
        FAIL();
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::NoSuchProperty);
        EXPECT_EQ(e.message(), "instance of CIM_Service has no property 'Bogus'");
    }
}

TEST(Instance, CopiesShareUntilWritten) {
    Instance original("X");
    original.set("a", Value::uint8(1));
    const Instance copy = original;  // NOLINT(performance-unnecessary-copy-initialization)
    // A copy is the same body, not a deep copy.
    EXPECT_EQ(&copy.properties(), &original.properties());
    original.set("a", Value::uint8(2));
    EXPECT_NE(&copy.properties(), &original.properties());
    EXPECT_EQ(copy.get("a").asUint64(), 1u);
    EXPECT_EQ(original.get("a").asUint64(), 2u);
}

TEST(Instance, EveryMutatorDetaches) {
    Instance base("X");
    base.set("a", Value::uint8(1));
    {
        Instance c = base;
        c.setClassName("Y");
        EXPECT_EQ(base.className(), "X");
    }
    {
        Instance c = base;
        c.erase("a");
        EXPECT_TRUE(base.has("a"));
    }
    {
        Instance c = base;
        c.setPath(ObjectPath("root", "X", {{"a", Value::uint8(1)}}));
        EXPECT_TRUE(base.path().isClassPath());
        EXPECT_EQ(c.path().key("a")->asUint64(), 1u);
    }
    {
        Instance c = base;
        EXPECT_FALSE(c.erase("missing"));  // a no-op keeps sharing
        EXPECT_EQ(&c.properties(), &base.properties());
    }
}

TEST(Instance, EqualityIgnoresOrderPathAndClassCase) {
    Instance a("CIM_Service");
    a.set("Name", Value::string("x")).set("Index", Value::uint16(3));
    Instance b("cim_service");
    b.set("index", Value::sint64(3)).set("NAME", Value::string("x"));
    b.setPath(ObjectPath::parse("root:CIM_Service.Name=\"x\""));
    EXPECT_EQ(a, b);
    b.set("Name", Value::string("X"));
    EXPECT_NE(a, b);
    Instance c = a;
    c.set("Extra", Value());
    EXPECT_NE(a, c);
    EXPECT_NE(a, Instance("Other"));
}

TEST(Instance, ToMof) {
    Instance i("CIM_Service");
    i.set("Name", Value::string("spool \"er\""));
    i.set("Index", Value::uint16(3));
    i.set("Caption", Value());
    i.set("Tags", Value::array(CimType::String, {Value::string("a")}));
    const std::string expected =
        "instance of CIM_Service\n"
        "{\n"
        "    Name = \"spool \\\"er\\\"\";\n"
        "    Index = 3;\n"
        "    Caption = NULL;\n"
        "    Tags = {\"a\"};\n"
        "};\n";
    EXPECT_EQ(i.toMof(), expected);
    std::ostringstream os;
    os << i;
    EXPECT_EQ(os.str(), expected);
}

}  // namespace
}  // namespace wmimock
