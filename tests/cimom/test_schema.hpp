// A small schema built through Cimom::addClass, so the CIMOM tests do not depend on the
// MOF compiler: a service hierarchy with methods, jobs, systems and two associations.
//
//   Test_ManagedElement            Caption, ElementName
//   └─ Test_EnabledElement         EnabledState = 5, RequestedState = 12, RequestStateChange()
//      ├─ Test_Service             keys SystemName, Name; Started; StartMode [Write];
//      │  │                        StartService(), StopService(), Configure(...)
//      │  └─ Test_SpecialService   Extra
//      └─ Test_System              key Name
//   Test_Job                       key InstanceID; JobState
//   Test_Dependency  [Association] Antecedent, Dependent : REF Test_Service
//   Test_HostedService [Association] Antecedent : REF Test_System, Dependent : REF Test_Service
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "wmimock/cim.hpp"
#include "wmimock/cimom/cimom.hpp"

namespace wmimock::testing {

inline constexpr std::string_view kNs = "root/cimv2";

inline Qualifier flag(std::string name, bool value = true) {
    return Qualifier{std::move(name), Value::boolean(value), Flavor{}, false};
}

inline PropertyDecl property(std::string name, CimType type, std::vector<Qualifier> qualifiers = {},
                             Value defaultValue = Value(), bool isArray = false) {
    PropertyDecl p;
    p.name = std::move(name);
    p.type = type;
    p.isArray = isArray;
    p.defaultValue = std::move(defaultValue);
    for (Qualifier& q : qualifiers) p.qualifiers.set(std::move(q));
    return p;
}

inline PropertyDecl key(std::string name, CimType type = CimType::String) {
    Qualifier k = flag("Key");
    k.flavor.overridable = false;
    return property(std::move(name), type, {k});
}

inline PropertyDecl reference(std::string name, std::string refClass, bool isKey = true) {
    PropertyDecl p = isKey ? key(std::move(name), CimType::Reference) : property(std::move(name), CimType::Reference);
    p.referenceClass = std::move(refClass);
    return p;
}

inline ParameterDecl parameter(std::string name, CimType type, std::vector<Qualifier> qualifiers = {},
                               bool isArray = false) {
    ParameterDecl p;
    p.name = std::move(name);
    p.type = type;
    p.isArray = isArray;
    for (Qualifier& q : qualifiers) p.qualifiers.set(std::move(q));
    return p;
}

inline MethodDecl method(std::string name, CimType returnType, std::vector<ParameterDecl> parameters = {}) {
    MethodDecl m;
    m.name = std::move(name);
    m.returnType = returnType;
    m.parameters = std::move(parameters);
    return m;
}

inline CimClass makeClass(std::string name, std::string superClass, std::vector<PropertyDecl> properties,
                          std::vector<MethodDecl> methods = {}, std::vector<Qualifier> qualifiers = {}) {
    CimClass c;
    c.name = std::move(name);
    c.superClass = std::move(superClass);
    c.properties = std::move(properties);
    c.methods = std::move(methods);
    for (Qualifier& q : qualifiers) c.qualifiers.set(std::move(q));
    return c;
}

inline void addTestSchema(Cimom& cimom, std::string_view ns = kNs) {
    Qualifier abstract = flag("Abstract");
    abstract.flavor.toSubclass = false;
    // Declared first: RequestStateChange's Job parameter refers to it.
    cimom.addClass(ns, makeClass("Test_Job", "", {key("InstanceID"), property("JobState", CimType::Uint16)}));
    cimom.addClass(ns, makeClass("Test_ManagedElement", "",
                                 {property("Caption", CimType::String), property("ElementName", CimType::String)}, {},
                                 {abstract}));
    cimom.addClass(
        ns, makeClass(
                "Test_EnabledElement", "Test_ManagedElement",
                {property("EnabledState", CimType::Uint16, {}, Value::uint16(5)),
                 property("RequestedState", CimType::Uint16, {}, Value::uint16(12))},
                {method("RequestStateChange", CimType::Uint32,
                        {parameter("RequestedState", CimType::Uint16, {flag("In"), flag("Required")}),
                         [] {
                             ParameterDecl job = parameter("Job", CimType::Reference, {flag("In", false), flag("Out")});
                             job.referenceClass = "Test_Job";
                             return job;
                         }(),
                         parameter("TimeoutPeriod", CimType::DateTime, {flag("In")})})},
                {abstract}));
    cimom.addClass(ns,
                   makeClass("Test_Service", "Test_EnabledElement",
                             {key("SystemName"), key("Name"), property("Started", CimType::Boolean),
                              property("StartMode", CimType::String, {flag("Write")}),
                              property("Priority", CimType::Uint32, {flag("Write")}),
                              property("Tags", CimType::String, {flag("Write")}, Value(), true)},
                             {method("StartService", CimType::Uint32), method("StopService", CimType::Uint32),
                              [] {
                                  MethodDecl install = method("Install", CimType::Uint32);
                                  install.qualifiers.set(flag("Static"));
                                  return install;
                              }(),
                              method("Configure", CimType::Sint32,
                                     {parameter("Level", CimType::Uint8), parameter("Names", CimType::String, {}, true),
                                      parameter("When", CimType::DateTime),
                                      parameter("Report", CimType::String, {flag("In", false), flag("Out")})})}));
    cimom.addClass(ns, makeClass("Test_SpecialService", "Test_Service", {property("Extra", CimType::String)}));
    cimom.addClass(ns, makeClass("Test_System", "Test_EnabledElement", {key("Name")}));
    cimom.addClass(ns, makeClass("Test_Dependency", "",
                                 {reference("Antecedent", "Test_Service"), reference("Dependent", "Test_Service")}, {},
                                 {flag("Association")}));
    cimom.addClass(ns, makeClass("Test_HostedService", "",
                                 {reference("Antecedent", "Test_System"), reference("Dependent", "Test_Service")}, {},
                                 {flag("Association")}));
}

inline Instance service(std::string name, std::string className = "Test_Service") {
    Instance i(std::move(className));
    i.set("SystemName", Value::string("host"));
    i.set("Name", Value::string(std::move(name)));
    return i;
}

inline ObjectPath servicePath(std::string name, std::string className = "Test_Service") {
    return ObjectPath(
        std::string(kNs), std::move(className),
        {KeyBinding{"SystemName", Value::string("host")}, KeyBinding{"Name", Value::string(std::move(name))}});
}

inline ObjectPath systemPath(std::string name) {
    return ObjectPath(std::string(kNs), "Test_System", {KeyBinding{"Name", Value::string(std::move(name))}});
}

/// Returns the instances' Name properties, in order.
inline std::vector<std::string> names(const std::vector<Instance>& instances) {
    std::vector<std::string> out;
    for (const Instance& i : instances) {
        const Value* v = i.find("Name");
        out.push_back(v == nullptr || v->isNull() ? std::string("<none>") : v->asString());
    }
    return out;
}

}  // namespace wmimock::testing
