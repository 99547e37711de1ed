// Qualifier lists, scopes and flavors.
#include <gtest/gtest.h>

#include "wmimock/cim/qualifier.hpp"

namespace wmimock {
namespace {

Qualifier qualifier(std::string name, Value value) {
    Qualifier q;
    q.name = std::move(name);
    q.value = std::move(value);
    return q;
}

TEST(Scope, ToString) {
    EXPECT_EQ(toString(Scope::Class | Scope::Property), "class, property");
    EXPECT_EQ(toString(Scope::Method), "method");
    EXPECT_EQ(toString(Scope::Any), "any");
    EXPECT_EQ(toString(Scope::None), "");
    EXPECT_EQ(toString(Scope::Association | Scope::Indication | Scope::Reference | Scope::Parameter | Scope::Qualifier),
              "association, indication, reference, parameter, qualifier");
    EXPECT_TRUE(hasScope(Scope::Any, Scope::Parameter));
    EXPECT_FALSE(hasScope(Scope::Class | Scope::Property, Scope::Method));
}

TEST(Flavor, DefaultsAndToString) {
    const Flavor defaults;
    EXPECT_TRUE(defaults.overridable);
    EXPECT_TRUE(defaults.toSubclass);
    EXPECT_FALSE(defaults.translatable);
    EXPECT_EQ(toString(defaults), "EnableOverride, ToSubclass");
    Flavor f;
    f.overridable = false;
    f.toSubclass = false;
    f.translatable = true;
    f.toInstance = true;
    f.amended = true;
    EXPECT_EQ(toString(f), "DisableOverride, Restricted, Translatable, ToInstance, Amended");
    EXPECT_NE(f, defaults);
}

QualifierList sample() {
    QualifierList list;
    list.set(qualifier("Key", Value::boolean(true)));
    list.set(qualifier("Description", Value::string("The name.")));
    list.set(qualifier("ValueMap", Value::array(CimType::String, {Value::string("0"), Value::string("1")})));
    list.set(qualifier("Override", Value::null(CimType::Boolean)));
    return list;
}

TEST(QualifierList, CaseInsensitiveLookup) {
    const QualifierList list = sample();
    EXPECT_EQ(list.size(), 4u);
    ASSERT_NE(list.find("key"), nullptr);
    EXPECT_EQ(list.find("KEY")->name, "Key");
    EXPECT_TRUE(list.has("description"));
    EXPECT_FALSE(list.has("Required"));
    EXPECT_FALSE(list.empty());
    int count = 0;
    for (const Qualifier& q : list) count += q.name.empty() ? 0 : 1;
    EXPECT_EQ(count, 4);
}

TEST(QualifierList, SetReplacesInPlace) {
    QualifierList list = sample();
    list.set(qualifier("KEY", Value::boolean(false)));
    EXPECT_EQ(list.size(), 4u);
    EXPECT_EQ(list.items().front().name, "KEY");
    EXPECT_FALSE(list.isTrue("Key"));
    EXPECT_TRUE(list.erase("key"));
    EXPECT_FALSE(list.erase("key"));
    EXPECT_EQ(list.size(), 3u);
}

TEST(QualifierList, TypedReaders) {
    const QualifierList list = sample();
    EXPECT_TRUE(list.isTrue("Key"));
    EXPECT_TRUE(list.isTrue("override"));  // bare flag: a NULL boolean means TRUE
    EXPECT_FALSE(list.isTrue("Description"));
    EXPECT_FALSE(list.isTrue("Missing"));
    EXPECT_EQ(list.stringValue("description"), "The name.");
    EXPECT_FALSE(list.stringValue("Key"));
    EXPECT_FALSE(list.stringValue("Missing"));
    EXPECT_EQ(list.stringArray("valuemap"), (std::vector<std::string>{"0", "1"}));
    EXPECT_TRUE(list.stringArray("Values").empty());
    EXPECT_EQ(list.stringArray("Description"), (std::vector<std::string>{"The name."}));
}

}  // namespace
}  // namespace wmimock
