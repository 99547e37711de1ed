// CimClass helpers: lookups, keys, derivation, pathOf; parameters' IN/OUT.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "wmimock/cim/cim_class.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/instance.hpp"
#include "wmimock/cim/object_path.hpp"

namespace wmimock {
namespace {

Qualifier qualifier(std::string name, Value value) {
    Qualifier q;
    q.name = std::move(name);
    q.value = std::move(value);
    return q;
}

using ::testing::HasSubstr;

PropertyDecl property(std::string name, CimType type, bool key = false) {
    PropertyDecl p;
    p.name = std::move(name);
    p.type = type;
    if (key) p.qualifiers.set(qualifier("Key", Value::boolean(true)));
    return p;
}

CimClass serviceClass() {
    CimClass c;
    c.name = "Wm_Service";
    c.superClass = "CIM_Service";
    c.derivation = {"CIM_Service", "CIM_EnabledLogicalElement", "CIM_ManagedElement"};
    c.properties.push_back(property("SystemCreationClassName", CimType::String, true));
    c.properties.push_back(property("SystemName", CimType::String, true));
    c.properties.push_back(property("Name", CimType::String, true));
    c.properties.push_back(property("Index", CimType::Uint16, true));
    c.properties.push_back(property("Started", CimType::Boolean));
    MethodDecl stop;
    stop.name = "StopService";
    c.methods.push_back(stop);
    MethodDecl rsc;
    rsc.name = "RequestStateChange";
    ParameterDecl requested;
    requested.name = "RequestedState";
    requested.type = CimType::Uint16;
    requested.qualifiers.set(qualifier("In", Value::boolean(true)));
    ParameterDecl job;
    job.name = "Job";
    job.type = CimType::Reference;
    job.qualifiers.set(qualifier("In", Value::boolean(false)));
    job.qualifiers.set(qualifier("Out", Value::boolean(true)));
    ParameterDecl timeout;
    timeout.name = "TimeoutPeriod";
    timeout.type = CimType::DateTime;
    rsc.parameters = {requested, job, timeout};
    c.methods.push_back(rsc);
    return c;
}

Instance serviceInstance() {
    Instance i("Wm_Service");
    i.set("SystemCreationClassName", Value::string("CIM_ComputerSystem"));
    i.set("SystemName", Value::string("host"));
    i.set("name", Value::string("spooler"));
    i.set("Index", Value::sint64(3));  // untyped integer, as a client might send it
    i.set("Started", Value::boolean(true));
    return i;
}

TEST(CimClass, FindsPropertiesAndMethodsCaseInsensitively) {
    CimClass c = serviceClass();
    ASSERT_NE(c.findProperty("systemname"), nullptr);
    EXPECT_EQ(c.findProperty("SYSTEMNAME")->name, "SystemName");
    EXPECT_EQ(c.findProperty("Missing"), nullptr);
    c.findProperty("started")->defaultValue = Value::boolean(false);  // mutable lookup
    EXPECT_EQ(std::as_const(c).findProperty("Started")->defaultValue, Value::boolean(false));
    ASSERT_NE(c.findMethod("stopservice"), nullptr);
    EXPECT_EQ(c.findMethod("STOPSERVICE")->name, "StopService");
    EXPECT_EQ(c.findMethod("StartService"), nullptr);
    EXPECT_EQ(c.findMethod("requeststatechange")->findParameter("REQUESTEDSTATE")->type, CimType::Uint16);
    EXPECT_EQ(c.findMethod("RequestStateChange")->findParameter("Missing"), nullptr);
}

TEST(CimClass, EmbeddingQualifiersGiveTheTypeOfTheValuesHeld) {
    PropertyDecl p;
    p.type = CimType::String;
    EXPECT_EQ(p.valueType(), CimType::String);
    p.qualifiers.set(Qualifier{"EmbeddedObject", Value::boolean(true), {}, false});
    EXPECT_EQ(p.valueType(), CimType::Object);
    p.qualifiers.set(Qualifier{"EmbeddedInstance", Value::string("CIM_Error"), {}, false});
    EXPECT_EQ(p.valueType(), CimType::Instance) << "the narrower qualifier wins";
    ParameterDecl q;
    q.type = CimType::Uint32;
    q.qualifiers.set(Qualifier{"EmbeddedObject", Value::boolean(true), {}, false});
    EXPECT_EQ(q.valueType(), CimType::Uint32) << "only strings embed";
    q.type = CimType::String;
    q.qualifiers.set(Qualifier{"EmbeddedObject", Value::boolean(false), {}, false});
    EXPECT_EQ(q.valueType(), CimType::String) << "EmbeddedObject(false)";
}

TEST(CimClass, KeyNamesInDeclarationOrder) {
    EXPECT_EQ(serviceClass().keyNames(),
              (std::vector<std::string>{"SystemCreationClassName", "SystemName", "Name", "Index"}));
    EXPECT_TRUE(CimClass{}.keyNames().empty());
}

TEST(CimClass, IsAFollowsDerivation) {
    const CimClass c = serviceClass();
    EXPECT_TRUE(c.isA("wm_service"));
    EXPECT_TRUE(c.isA("CIM_SERVICE"));
    EXPECT_TRUE(c.isA("CIM_ManagedElement"));
    EXPECT_FALSE(c.isA("CIM_Job"));
}

TEST(CimClass, KindsAndAbstract) {
    CimClass c;
    EXPECT_FALSE(c.isAssociation());
    c.kind = ClassKind::Association;
    EXPECT_TRUE(c.isAssociation());
    c.kind = ClassKind::Indication;
    EXPECT_TRUE(c.isIndication());
    EXPECT_FALSE(c.isAbstract());
    c.qualifiers.set(qualifier("Abstract", Value::boolean(true)));
    EXPECT_TRUE(c.isAbstract());
}

TEST(CimClass, PathOfTypesKeysAsDeclared) {
    const ObjectPath p = serviceClass().pathOf(serviceInstance(), "root\\cimv2");
    EXPECT_EQ(p.nameSpace(), "root/cimv2");
    EXPECT_EQ(p.className(), "Wm_Service");
    ASSERT_EQ(p.keys().size(), 4u);
    EXPECT_EQ(p.key("Index")->type(), CimType::Uint16);
    EXPECT_EQ(p.keys()[2].name, "Name");  // spelled as declared
    EXPECT_EQ(p.key("Started"), nullptr);
    EXPECT_EQ(p.toString(),
              "root/cimv2:Wm_Service.Index=3,Name=\"spooler\",SystemCreationClassName=\"CIM_ComputerSystem\","
              "SystemName=\"host\"");
}

TEST(CimClass, PathOfUsesTheInstancesOwnClass) {
    Instance derived = serviceInstance();
    derived.setClassName("Wm_SpecialService");
    EXPECT_EQ(serviceClass().pathOf(derived, "root").className(), "Wm_SpecialService");
}

TEST(CimClass, PathOfRejectsMissingNullAndBadKeys) {
    Instance missing = serviceInstance();
    missing.erase("Name");
    try {
        serviceClass().pathOf(missing, "root");
        FAIL();
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::InvalidParameter);
        EXPECT_EQ(e.message(), "instance of Wm_Service has no value for key property 'Name'");
    }
    Instance null = serviceInstance();
    null.set("SystemName", Value());
    try {
        serviceClass().pathOf(null, "root");
        FAIL();
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::InvalidParameter);
        EXPECT_THAT(e.message(), HasSubstr("'SystemName' (it is NULL)"));
    }
    Instance outOfRange = serviceInstance();
    outOfRange.set("Index", Value::sint64(70000));
    try {
        serviceClass().pathOf(outOfRange, "root");
        FAIL();
    } catch (const CimError& e) {
        EXPECT_EQ(e.status(), CimStatus::InvalidParameter);
        EXPECT_THAT(e.message(),
                    HasSubstr("key property 'Index' of Wm_Service: value 70000 is out of range for uint16"));
    }
}

TEST(CimClass, PathOfSingleton) {
    CimClass c;
    c.name = "Wm_Settings";
    c.qualifiers.set(qualifier("Singleton", Value::boolean(true)));
    EXPECT_TRUE(c.pathOf(Instance("Wm_Settings"), "root").isSingleton());
    c.qualifiers.erase("Singleton");
    EXPECT_TRUE(c.pathOf(Instance("Wm_Settings"), "root").isClassPath());
}

TEST(PropertyDecl, KeyAndReference) {
    EXPECT_TRUE(property("Name", CimType::String, true).isKey());
    EXPECT_FALSE(property("Name", CimType::String).isKey());
    EXPECT_TRUE(property("Antecedent", CimType::Reference).isReference());
}

TEST(ParameterDecl, InUnlessInFalse) {
    const CimClass c = serviceClass();
    const MethodDecl& rsc = *c.findMethod("RequestStateChange");
    EXPECT_TRUE(rsc.findParameter("RequestedState")->isIn());
    EXPECT_FALSE(rsc.findParameter("RequestedState")->isOut());
    EXPECT_FALSE(rsc.findParameter("Job")->isIn());
    EXPECT_TRUE(rsc.findParameter("Job")->isOut());
    EXPECT_TRUE(rsc.findParameter("TimeoutPeriod")->isIn());  // no In qualifier at all
    ParameterDecl bare;
    bare.qualifiers.set(qualifier("In", Value::null(CimType::Boolean)));
    bare.qualifiers.set(qualifier("Required", Value::boolean(true)));
    EXPECT_TRUE(bare.isIn());
    EXPECT_TRUE(bare.isRequired());
}

}  // namespace
}  // namespace wmimock
