// InvokeMethod and provider dispatch: parameter checks and conversion, DSP0200 error
// precedence, most-derived provider selection, static-store fallback, enumeration merging,
// re-entrancy, and provider failures turned into CIM_ERR_FAILED.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <stdexcept>

#include "test_schema.hpp"

namespace wmimock {
namespace {

using namespace wmimock::testing;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

CimError errorOf(const std::function<void()>& call) {
    try {
        call();
    } catch (const CimError& e) {
        return e;
    }
    return CimError(CimStatus::Success, "no error");
}

/// Records the calls it gets and answers with a scripted result.
class RecordingMethods : public MethodProvider {
public:
    MethodResult invokeMethod(const ProviderContext& ctx, const ObjectPath& target, const MethodDecl& method,
                              const std::vector<ParamValue>& in) override {
        std::lock_guard lock(mutex);
        calls.push_back(std::string(ctx.targetClass.name) + "." + method.name);
        lastTarget = target;
        lastIn = in;
        if (answer) return answer(target, method, in);
        return MethodResult{Value::uint32(0), {}};
    }
    std::mutex mutex;
    std::vector<std::string> calls;
    ObjectPath lastTarget;
    std::vector<ParamValue> lastIn;
    std::function<MethodResult(const ObjectPath&, const MethodDecl&, const std::vector<ParamValue>&)> answer;
};

/// An instance provider keeping its own map of instances.
class MapInstances : public InstanceProvider {
public:
    explicit MapInstances(std::vector<Instance> initial) {
        for (Instance& i : initial) items.push_back(std::move(i));
    }
    Instance getInstance(const ProviderContext& ctx, const ObjectPath& path) override {
        ++gets;
        for (Instance& i : items) {
            if (ctx.targetClass.pathOf(i, ctx.nameSpace) == path) return i;
        }
        throw CimError(CimStatus::NotFound, "provider has no " + path.toString());
    }
    std::vector<Instance> enumerateInstances(const ProviderContext&, std::string_view) override { return items; }
    std::vector<Instance> items;
    std::atomic<int> gets{0};
};

class MethodsTest : public ::testing::Test {
protected:
    void SetUp() override {
        addTestSchema(cimom);
        cimom.addInstance(kNs, service("Alpha"));
        cimom.addInstance(kNs, service("Gamma", "Test_SpecialService"));
        cimom.registerProvider(kNs, "Test_EnabledElement", nullptr, methods);
    }
    Cimom cimom{std::make_shared<ManualClock>()};
    std::shared_ptr<RecordingMethods> methods = std::make_shared<RecordingMethods>();
};

TEST_F(MethodsTest, InheritedMethodOnAStaticInstanceReachesTheProvider) {
    const MethodResult result = cimom.invokeMethod(servicePath("Alpha"), "StopService");
    EXPECT_EQ(result.returnValue, Value::uint32(0));
    EXPECT_EQ(result.returnValue.type(), CimType::Uint32);
    EXPECT_THAT(methods->calls, ElementsAre("Test_Service.StopService"));
    EXPECT_EQ(methods->lastTarget, servicePath("Alpha"));
}

TEST_F(MethodsTest, ReturnValueIsTypedAsDeclared) {
    methods->answer = [](auto&&...) { return MethodResult{Value::sint64(4096), {}}; };
    const MethodResult result = cimom.invokeMethod(servicePath("Alpha"), "StopService");
    EXPECT_EQ(result.returnValue.type(), CimType::Uint32);
    EXPECT_EQ(result.returnValue.asUint64(), 4096u);

    methods->answer = [](auto&&...) { return MethodResult{Value::sint64(-1), {}}; };
    const CimError error = errorOf([&] { cimom.invokeMethod(servicePath("Alpha"), "StopService"); });
    EXPECT_EQ(error.status(), CimStatus::Failed) << "out of range for uint32 is a malformed result";
}

TEST_F(MethodsTest, InParametersAreConvertedAndOutParametersReturned) {
    methods->answer = [](const ObjectPath&, const MethodDecl&, const std::vector<ParamValue>&) {
        return MethodResult{Value::sint32(-2), {ParamValue{"report", Value::string("done")}}};
    };
    const MethodResult result =
        cimom.invokeMethod(servicePath("Alpha"), "Configure",
                           {ParamValue{"Level", Value::string("7")},
                            ParamValue{"names", Value::array(CimType::String, {Value::string("a")})},
                            ParamValue{"When", Value::string("20260101000000.000000+000")}});
    ASSERT_EQ(methods->lastIn.size(), 3u);
    EXPECT_EQ(methods->lastIn[0].value.type(), CimType::Uint8);
    EXPECT_EQ(methods->lastIn[0].value, Value::uint8(7));
    EXPECT_EQ(methods->lastIn[1].name, "Names") << "names take the declared spelling";
    EXPECT_EQ(methods->lastIn[2].value.type(), CimType::DateTime);
    EXPECT_EQ(result.returnValue, Value::sint32(-2));
    ASSERT_NE(result.out("Report"), nullptr);
    EXPECT_EQ(*result.out("Report"), Value::string("done"));
}

// DSP0004: a string qualified EmbeddedInstance / EmbeddedObject carries embedded objects, so
// an embedded value for it is kept (and a provider may answer with one); text stays text.
TEST(EmbeddedParameters, EmbeddedValuesPassForQualifiedStringsAndNowhereElse) {
    Cimom cimom{std::make_shared<ManualClock>()};
    const Qualifier embeddedError{"EmbeddedInstance", Value::string("Test_Error"), Flavor{}, false};
    cimom.addClass(kNs, makeClass("Test_Error", "", {property("Message", CimType::String)}));
    cimom.addClass(
        kNs,
        makeClass("Test_Reporter", "",
                  {key("Name"), property("Last", CimType::String, {flag("EmbeddedObject"), flag("Write")})},
                  {method("Diagnose", CimType::Uint32,
                          {parameter("Errors", CimType::String, {flag("In", false), flag("Out"), embeddedError}, true),
                           parameter("Detail", CimType::String, {flag("In"), flag("EmbeddedObject")}),
                           parameter("Plain", CimType::String, {flag("In")})})}));
    Instance reporter("Test_Reporter");
    reporter.set("Name", Value::string("r"));
    cimom.addInstance(kNs, reporter);
    auto methods = std::make_shared<RecordingMethods>();
    cimom.registerProvider(kNs, "Test_Reporter", nullptr, methods);
    Instance error("Test_Error");
    error.set("Message", Value::string("disk on fire"));
    methods->answer = [&](const ObjectPath&, const MethodDecl&, const std::vector<ParamValue>&) {
        return MethodResult{Value::uint32(0),
                            {ParamValue{"Errors", Value::array(CimType::Instance, {Value::embedded(error)})}}};
    };
    const ObjectPath target(std::string(kNs), "Test_Reporter", {KeyBinding{"Name", Value::string("r")}});

    const MethodResult result = cimom.invokeMethod(
        target, "Diagnose",
        {ParamValue{"Detail", Value::embedded(error, CimType::Instance)}, ParamValue{"Plain", Value::string("x")}});
    ASSERT_NE(result.out("Errors"), nullptr);
    ASSERT_EQ(result.out("Errors")->asArray().size(), 1u);
    EXPECT_EQ(result.out("Errors")->asArray()[0].asInstance().get("Message"), Value::string("disk on fire"));
    ASSERT_EQ(methods->lastIn.size(), 2u);
    EXPECT_EQ(methods->lastIn[0].value.type(), CimType::Object) << "EmbeddedObject: an object, instance or class";
    EXPECT_EQ(methods->lastIn[0].value.asInstance().className(), "Test_Error");

    // Text for an embedded parameter stays text; an embedded value for a plain string does not pass.
    cimom.invokeMethod(target, "Diagnose", {ParamValue{"Detail", Value::string("instance of Test_Error {};")}});
    EXPECT_EQ(methods->lastIn[0].value.type(), CimType::String);
    EXPECT_NE(errorOf([&] {
                  cimom.invokeMethod(target, "Diagnose", {ParamValue{"Plain", Value::embedded(error)}});
              }).status(),
              CimStatus::Success);

    // The same for properties: ModifyInstance keeps an embedded value of an EmbeddedObject string.
    Instance changed = reporter;
    changed.set("Last", Value::embedded(error, CimType::Object));
    changed.setPath(target);
    cimom.modifyInstance(changed);
    const Value last = cimom.getInstance(target).get("Last");
    ASSERT_EQ(last.type(), CimType::Object);
    EXPECT_EQ(last.asInstance().get("Message"), Value::string("disk on fire"));
}

TEST_F(MethodsTest, ParameterErrors) {
    const ObjectPath alpha = servicePath("Alpha");
    auto status = [&](std::string_view method, std::vector<ParamValue> in) {
        return errorOf([&] { cimom.invokeMethod(alpha, method, in); }).status();
    };
    EXPECT_EQ(status("Configure", {ParamValue{"Bogus", Value::uint8(1)}}), CimStatus::InvalidParameter);
    EXPECT_EQ(status("Configure", {ParamValue{"Level", Value::uint8(1)}, ParamValue{"LEVEL", Value::uint8(2)}}),
              CimStatus::InvalidParameter)
        << "duplicate";
    EXPECT_EQ(status("Configure", {ParamValue{"Level", Value::uint32(300)}}), CimStatus::InvalidParameter)
        << "out of range";
    EXPECT_EQ(status("Configure", {ParamValue{"Level", Value::string("lots")}}), CimStatus::InvalidParameter);
    EXPECT_EQ(status("Configure", {ParamValue{"Level", Value::boolean(true)}}), CimStatus::InvalidParameter)
        << "wrong type";
    EXPECT_EQ(status("Configure", {ParamValue{"Names", Value::string("scalar")}}), CimStatus::TypeMismatch);
    EXPECT_EQ(status("Configure", {ParamValue{"Report", Value::string("out only")}}), CimStatus::InvalidParameter);
    EXPECT_EQ(status("RequestStateChange", {}), CimStatus::InvalidParameter) << "Required RequestedState missing";
    EXPECT_EQ(status("RequestStateChange", {ParamValue{"RequestedState", Value::uint16(3)}}), CimStatus::Success);
    EXPECT_TRUE(methods->calls.size() == 1u) << "the provider runs only for valid calls";
}

TEST_F(MethodsTest, ErrorPrecedenceFollowsDsp0200) {
    auto status = [&](const ObjectPath& target, std::string_view method, std::vector<ParamValue> in = {}) {
        return errorOf([&] { cimom.invokeMethod(target, method, in); }).status();
    };
    ObjectPath badNs = servicePath("Alpha");
    badNs.setNameSpace("root/none");
    const std::vector<ParamValue> duplicate{ParamValue{"A", Value::uint8(1)}, ParamValue{"a", Value::uint8(1)}};
    EXPECT_EQ(status(badNs, "Nope", duplicate), CimStatus::InvalidNamespace);
    EXPECT_EQ(status(ObjectPath::parse("No_Class.Name=\"x\""), "Nope", duplicate), CimStatus::InvalidParameter);
    EXPECT_EQ(status(ObjectPath::parse("No_Class.Name=\"x\""), "Nope"), CimStatus::NotFound) << "missing class";
    EXPECT_EQ(status(servicePath("Ghost"), "StopService", {ParamValue{"Bogus", Value::uint8(1)}}),
              CimStatus::InvalidParameter);
    EXPECT_EQ(status(servicePath("Ghost"), "StopService"), CimStatus::NotFound) << "missing instance";
    EXPECT_EQ(status(servicePath("Ghost"), "NoSuchMethod"), CimStatus::NotFound);
    EXPECT_EQ(status(servicePath("Alpha"), "NoSuchMethod"), CimStatus::MethodNotFound);
    EXPECT_EQ(status(ObjectPath::parse("Test_Job.InstanceID=\"j\""), "StopService"), CimStatus::NotFound);
    cimom.addInstance(kNs, Instance("Test_Job").set("InstanceID", Value::string("j")));
    EXPECT_EQ(status(ObjectPath::parse("Test_Job.InstanceID=\"j\""), "StopService"), CimStatus::MethodNotFound);

    cimom.unregisterProvider(kNs, "Test_EnabledElement");
    EXPECT_EQ(status(servicePath("Alpha"), "StopService"), CimStatus::MethodNotAvailable);
    EXPECT_EQ(errorOf([&] { cimom.unregisterProvider(kNs, "Test_EnabledElement"); }).status(), CimStatus::NotFound);
}

TEST_F(MethodsTest, TheMostDerivedRegistrationWins) {
    auto special = std::make_shared<RecordingMethods>();
    cimom.registerProvider(kNs, "Test_SpecialService", nullptr, special);
    cimom.invokeMethod(servicePath("Gamma", "Test_SpecialService"), "StopService");
    cimom.invokeMethod(servicePath("Alpha"), "StopService");
    EXPECT_THAT(special->calls, ElementsAre("Test_SpecialService.StopService"));
    EXPECT_THAT(methods->calls, ElementsAre("Test_Service.StopService"));

    cimom.unregisterProvider(kNs, "Test_SpecialService");
    cimom.invokeMethod(servicePath("Gamma", "Test_SpecialService"), "StopService");
    EXPECT_EQ(methods->calls.size(), 2u) << "back to the base registration";
}

TEST_F(MethodsTest, StaticMethodsOnAClassPath) {
    cimom.invokeMethod(ObjectPath(std::string(kNs), "Test_Service"), "Install");
    EXPECT_TRUE(methods->lastTarget.isClassPath());
}

TEST_F(MethodsTest, AnInstanceMethodOnAClassPathIsNotSupported) {
    const CimError error =
        errorOf([&] { cimom.invokeMethod(ObjectPath(std::string(kNs), "Test_Service"), "StartService"); });
    EXPECT_EQ(error.status(), CimStatus::NotSupported);
    EXPECT_THAT(error.message(), HasSubstr("not Static"));
    EXPECT_TRUE(methods->calls.empty()) << "the provider is not called";
}

TEST_F(MethodsTest, ProviderExceptionsBecomeCimErrFailedAndTheCimomCarriesOn) {
    methods->answer = [](auto&&...) -> MethodResult { throw std::runtime_error("disk on fire"); };
    const CimError error = errorOf([&] { cimom.invokeMethod(servicePath("Alpha"), "StopService"); });
    EXPECT_EQ(error.status(), CimStatus::Failed);
    EXPECT_THAT(error.message(), HasSubstr("disk on fire"));

    methods->answer = [](auto&&...) -> MethodResult { throw 42; };
    EXPECT_EQ(errorOf([&] { cimom.invokeMethod(servicePath("Alpha"), "StopService"); }).status(), CimStatus::Failed);

    methods->answer = [](auto&&...) -> MethodResult { throw CimError(CimStatus::AccessDenied, "nope"); };
    EXPECT_EQ(errorOf([&] { cimom.invokeMethod(servicePath("Alpha"), "StopService"); }).status(),
              CimStatus::AccessDenied)
        << "CimError passes through unchanged";

    methods->answer = [](auto&&...) {
        return MethodResult{Value::uint32(0), {ParamValue{"NotAnOutParam", Value::uint32(1)}}};
    };
    EXPECT_EQ(errorOf([&] { cimom.invokeMethod(servicePath("Alpha"), "StopService"); }).status(), CimStatus::Failed);

    methods->answer = nullptr;
    EXPECT_EQ(cimom.invokeMethod(servicePath("Alpha"), "StopService").returnValue, Value::uint32(0));
    EXPECT_EQ(cimom.getInstance(servicePath("Alpha")).get("Name"), Value::string("Alpha"));
}

TEST_F(MethodsTest, ProvidersMayCallBackIntoTheCimom) {
    methods->answer = [this](const ObjectPath& target, const MethodDecl&, const std::vector<ParamValue>&) {
        // Re-entrant: read and update the target, create a job, while the call is in flight.
        Instance current = cimom.getInstance(target);
        current.set("EnabledState", Value::uint16(3));
        cimom.putInstance(target, current);
        const ObjectPath job = cimom.createInstance(kNs, Instance("Test_Job").set("InstanceID", Value::string("J1")));
        return MethodResult{Value::uint32(4096), {ParamValue{"Job", Value::reference(job)}}};
    };
    const MethodResult result = cimom.invokeMethod(servicePath("Alpha"), "RequestStateChange",
                                                   {ParamValue{"RequestedState", Value::uint16(3)}});
    EXPECT_EQ(result.returnValue, Value::uint32(4096));
    ASSERT_NE(result.out("Job"), nullptr);
    EXPECT_EQ(cimom.getInstance(result.out("Job")->asReference()).get("InstanceID"), Value::string("J1"));
    EXPECT_EQ(cimom.getInstance(servicePath("Alpha")).get("EnabledState"), Value::uint16(3));
}

class InstanceProvidersTest : public MethodsTest {
protected:
    void SetUp() override {
        MethodsTest::SetUp();
        cimom.addInstance(kNs, service("Static"));
        special = std::make_shared<MapInstances>(
            std::vector<Instance>{service("P1", "Test_SpecialService"), service("P2", "Test_SpecialService")});
        cimom.registerProvider(kNs, "Test_SpecialService", special, nullptr);
    }
    std::shared_ptr<MapInstances> special;
};

TEST_F(InstanceProvidersTest, GetAndEnumerateGoToTheProviderOfTheClass) {
    EXPECT_EQ(cimom.getInstance(servicePath("P1", "Test_SpecialService")).get("Name"), Value::string("P1"));
    EXPECT_EQ(errorOf([&] { cimom.getInstance(servicePath("Gamma", "Test_SpecialService")); }).status(),
              CimStatus::NotFound)
        << "a static Gamma is hidden by the class's instance provider";
    EXPECT_THAT(names(cimom.enumerateInstances(kNs, "Test_SpecialService")), ElementsAre("P1", "P2"));
}

TEST_F(InstanceProvidersTest, EnumeratingABaseClassMergesStaticStoreAndProviders) {
    EXPECT_THAT(names(cimom.enumerateInstances(kNs, "Test_Service")),
                UnorderedElementsAre("Alpha", "Static", "P1", "P2"));
    EXPECT_THAT(
        cimom.enumerateInstanceNames(kNs, "Test_EnabledElement"),
        UnorderedElementsAre(servicePath("Alpha"), servicePath("Static"), servicePath("P1", "Test_SpecialService"),
                             servicePath("P2", "Test_SpecialService")));
}

TEST_F(InstanceProvidersTest, MethodsOnProvidedInstancesCheckExistenceThroughTheProvider) {
    cimom.invokeMethod(servicePath("P1", "Test_SpecialService"), "StopService");
    EXPECT_EQ(errorOf([&] { cimom.invokeMethod(servicePath("Nope", "Test_SpecialService"), "StopService"); }).status(),
              CimStatus::NotFound);
    EXPECT_GE(special->gets.load(), 2);
}

TEST_F(InstanceProvidersTest, UnsupportedProviderOperationsReportNotSupported) {
    EXPECT_EQ(errorOf([&] { cimom.createInstance(kNs, service("P3", "Test_SpecialService")); }).status(),
              CimStatus::NotSupported);
    EXPECT_EQ(errorOf([&] { cimom.deleteInstance(servicePath("P1", "Test_SpecialService")); }).status(),
              CimStatus::NotSupported);
    Instance change = cimom.getInstance(servicePath("P1", "Test_SpecialService"));
    change.set("StartMode", Value::string("Manual"));
    EXPECT_EQ(errorOf([&] { cimom.modifyInstance(change); }).status(), CimStatus::NotSupported);
}

TEST_F(InstanceProvidersTest, MalformedProviderResultsBecomeCimErrFailed) {
    special->items.push_back(Instance("No_Such_Class"));
    EXPECT_EQ(errorOf([&] { cimom.enumerateInstances(kNs, "Test_Service"); }).status(), CimStatus::Failed);
    special->items.back() = Instance("Test_SpecialService");  // no keys
    EXPECT_EQ(errorOf([&] { cimom.enumerateInstances(kNs, "Test_Service"); }).status(), CimStatus::Failed);
    special->items.pop_back();
    EXPECT_EQ(cimom.enumerateInstances(kNs, "Test_Service").size(), 4u) << "consistent afterwards";
}

TEST(ProviderRegistration, RejectsUnknownClassesAndEmptyRegistrations) {
    Cimom cimom;
    addTestSchema(cimom);
    EXPECT_EQ(
        errorOf([&] { cimom.registerProvider(kNs, "Nope", nullptr, std::make_shared<RecordingMethods>()); }).status(),
        CimStatus::InvalidClass);
    EXPECT_EQ(errorOf([&] { cimom.registerProvider(kNs, "Test_Service", nullptr, nullptr); }).status(),
              CimStatus::InvalidParameter);
    EXPECT_EQ(errorOf([&] {
                  cimom.registerProvider("root/none", "Test_Service", nullptr, std::make_shared<RecordingMethods>());
              }).status(),
              CimStatus::InvalidNamespace);
}

}  // namespace
}  // namespace wmimock
