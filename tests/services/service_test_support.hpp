// Helpers shared by the services tests: paths of the fixture services and short calls.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "wmimock/cim/datetime.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/services/builtin.hpp"

namespace wmimock::services::testing {

inline ObjectPath servicePath(std::string_view nameSpace, std::string_view cls, std::string_view systemClass,
                              std::string_view system, std::string_view name) {
    return ObjectPath(std::string(nameSpace), std::string(cls),
                      {KeyBinding{"SystemCreationClassName", Value::string(std::string(systemClass))},
                       KeyBinding{"SystemName", Value::string(std::string(system))},
                       KeyBinding{"CreationClassName", Value::string(std::string(cls))},
                       KeyBinding{"Name", Value::string(std::string(name))}});
}

inline ObjectPath referenceService(std::string_view name) {
    return servicePath("root/cimv2", "WMIMock_Service", "WMIMock_ComputerSystem", "wmimock-host", name);
}
inline ObjectPath win32Service(std::string_view name) {
    return servicePath("root/cimv2", "Win32_Service", "Win32_ComputerSystem", "WMIMOCK-PC", name);
}
inline ObjectPath hypervService() {
    return servicePath("root/virtualization/v2", "Msvm_VirtualSystemManagementService", "Msvm_ComputerSystem",
                       "WMIMOCK-HV", "vmms");
}

/// A return value or the status of the CimError the call raised.
struct Outcome {
    std::optional<std::uint32_t> code;
    std::optional<CimStatus> error;
    std::optional<ObjectPath> job;

    friend bool operator==(const Outcome&, const Outcome&) = default;
};

inline std::ostream& operator<<(std::ostream& os, const Outcome& o) {
    if (o.error) return os << statusName(*o.error);
    os << "return " << (o.code ? std::to_string(*o.code) : "none");
    if (o.job) os << " job " << o.job->toString();
    return os;
}

/// The outcome of a call that returned `code` without a job.
inline Outcome returns(std::uint32_t code) {
    return Outcome{code, std::nullopt, std::nullopt};
}

inline Outcome invoke(CimClient& client, const ObjectPath& target, std::string_view method,
                      const std::vector<ParamValue>& in = {}) {
    Outcome outcome;
    try {
        MethodResult result = client.invokeMethod(target, method, in);
        outcome.code = static_cast<std::uint32_t>(result.returnValue.asUint64());
        if (const Value* job = result.out("Job"); job != nullptr && !job->isNull()) outcome.job = job->asReference();
    } catch (const CimError& e) {
        outcome.error = e.status();
    }
    return outcome;
}

inline Outcome stopService(CimClient& client, const ObjectPath& target) {
    return invoke(client, target, "StopService");
}
inline Outcome startService(CimClient& client, const ObjectPath& target) {
    return invoke(client, target, "StartService");
}
inline Outcome requestStateChange(CimClient& client, const ObjectPath& target, std::uint16_t state,
                                  std::optional<std::string> timeout = std::nullopt) {
    std::vector<ParamValue> in{{"RequestedState", Value::uint16(state)}};
    if (timeout) in.push_back({"TimeoutPeriod", Value::dateTime(CimDateTime::parse(*timeout))});
    return invoke(client, target, "RequestStateChange", in);
}

inline std::optional<std::uint64_t> number(const Instance& i, std::string_view property) {
    const Value* v = i.find(property);
    if (v == nullptr || v->isNull()) return std::nullopt;
    return v->asUint64();
}
inline std::optional<bool> flag(const Instance& i, std::string_view property) {
    const Value* v = i.find(property);
    if (v == nullptr || v->isNull()) return std::nullopt;
    return v->asBool();
}
inline std::vector<std::uint64_t> numbers(const Instance& i, std::string_view property) {
    std::vector<std::uint64_t> result;
    const Value* v = i.find(property);
    if (v == nullptr || v->isNull()) return result;
    for (const auto& e : v->asArray()) result.push_back(e.asUint64());
    return result;
}
inline std::string text(const Instance& i, std::string_view property) {
    const Value* v = i.find(property);
    return v == nullptr || v->isNull() ? std::string("<null>") : v->toText();
}

inline constexpr const char* kZeroInterval = "00000000000000.000000:000";

}  // namespace wmimock::services::testing
