// Out-of-line special members: compiling the mock's machinery once here keeps the test
// binaries that use it quick to build (gMock cookbook, "making the compilation faster").
#include "wmimock/mocks/mock_cim_client.hpp"

namespace wmimock {

using ::testing::_;

MockCimClient::MockCimClient() = default;
MockCimClient::~MockCimClient() = default;

void MockCimClient::delegateTo(CimClient& real) {
    ON_CALL(*this, doGetClass)
        .WillByDefault([&real](std::string_view ns, std::string_view cls, const GetClassOptions& o) {
            return real.getClass(ns, cls, o);
        });
    ON_CALL(*this, doEnumerateClasses)
        .WillByDefault([&real](std::string_view ns, std::string_view cls, bool deep, const GetClassOptions& o) {
            return real.enumerateClasses(ns, cls, deep, o);
        });
    ON_CALL(*this, doEnumerateClassNames).WillByDefault([&real](std::string_view ns, std::string_view cls, bool deep) {
        return real.enumerateClassNames(ns, cls, deep);
    });
    ON_CALL(*this, doGetInstance).WillByDefault([&real](const ObjectPath& path, const InstanceOptions& o) {
        return real.getInstance(path, o);
    });
    ON_CALL(*this, doEnumerateInstances)
        .WillByDefault([&real](std::string_view ns, std::string_view cls, const InstanceOptions& o) {
            return real.enumerateInstances(ns, cls, o);
        });
    ON_CALL(*this, doEnumerateInstanceNames).WillByDefault([&real](std::string_view ns, std::string_view cls) {
        return real.enumerateInstanceNames(ns, cls);
    });
    ON_CALL(*this, doCreateInstance).WillByDefault([&real](std::string_view ns, const Instance& instance) {
        return real.createInstance(ns, instance);
    });
    ON_CALL(*this, doModifyInstance).WillByDefault([&real](const Instance& instance, const PropertyList& list) {
        real.modifyInstance(instance, list);
    });
    ON_CALL(*this, doDeleteInstance).WillByDefault([&real](const ObjectPath& path) { real.deleteInstance(path); });
    ON_CALL(*this, doInvokeMethod)
        .WillByDefault([&real](const ObjectPath& target, std::string_view method, const std::vector<ParamValue>& in) {
            return real.invokeMethod(target, method, in);
        });
    ON_CALL(*this, doAssociators)
        .WillByDefault([&real](const ObjectPath& source, const AssociatorFilter& f, const InstanceOptions& o) {
            return real.associators(source, f, o);
        });
    ON_CALL(*this, doAssociatorNames).WillByDefault([&real](const ObjectPath& source, const AssociatorFilter& f) {
        return real.associatorNames(source, f);
    });
    ON_CALL(*this, doReferences)
        .WillByDefault([&real](const ObjectPath& source, const ReferenceFilter& f, const InstanceOptions& o) {
            return real.references(source, f, o);
        });
    ON_CALL(*this, doReferenceNames).WillByDefault([&real](const ObjectPath& source, const ReferenceFilter& f) {
        return real.referenceNames(source, f);
    });
    ON_CALL(*this, doExecQuery)
        .WillByDefault([&real](std::string_view ns, std::string_view language, std::string_view query) {
            return real.execQuery(ns, language, query);
        });
}

}  // namespace wmimock
