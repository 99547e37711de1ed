#include "service_provider.hpp"

#include <wmimock/cim/clock.hpp>
#include <wmimock/cim/error.hpp>
#include <wmimock/cim/names.hpp>
#include <wmimock/cim/well_known.hpp>

namespace exampleco {
namespace {

using wmimock::CimError;
using wmimock::CimStatus;
using wmimock::Value;

namespace requested_state = wmimock::requested_state;
namespace rsc_result = wmimock::rsc_result;
constexpr std::uint16_t kEnabled = wmimock::enabled_state::kEnabled;
constexpr std::uint16_t kDisabled = wmimock::enabled_state::kDisabled;

/// The RequestedState parameter's ValueMap: Enabled, Disabled, Shut Down, Offline .. Reset,
/// and the vendor range.
bool isValidRequest(std::uint64_t state) {
    return state == requested_state::kEnabled || state == requested_state::kDisabled ||
           state == requested_state::kShutDown ||
           (state >= requested_state::kOffline && state <= requested_state::kReset) ||
           (state >= requested_state::kVendorFirst && state <= 65535);
}

}  // namespace

ServiceProvider::ServiceProvider() {
    const auto boot = std::chrono::system_clock::time_point(std::chrono::seconds(1704096000));  // 2024-01-01
    services_["web"] = Service{true, kEnabled, kEnabled, boot};
    services_["backup"] = Service{false, kDisabled, kDisabled, boot};
}

ServiceProvider::Service& ServiceProvider::find(const wmimock::ObjectPath& path) {
    // A path names one of our services only with exactly the four keys of CIM_Service.
    const auto is = [&](std::string_view key, std::string_view expected) {
        const Value* v = path.key(key);
        return v != nullptr && !v->isNull() && v->type() == wmimock::CimType::String &&
               (expected.empty() || v->asString() == expected);
    };
    if (path.keys().size() == 4 && is("SystemCreationClassName", "ExampleCo_Appliance") &&
        is("SystemName", "appliance-1") && is("CreationClassName", kClass) && is("Name", {})) {
        if (const auto it = services_.find(path.key("Name")->asString()); it != services_.end()) return it->second;
    }
    throw CimError(CimStatus::NotFound, "no ExampleCo service " + path.toString());
}

wmimock::Instance ServiceProvider::toInstance(const std::string& name, const Service& s) const {
    wmimock::Instance i(kClass);
    i.set("SystemCreationClassName", Value::string("ExampleCo_Appliance"));
    i.set("SystemName", Value::string("appliance-1"));
    i.set("CreationClassName", Value::string(kClass));
    i.set("Name", Value::string(name));
    i.set("ElementName", Value::string(name));
    i.set("Started", Value::boolean(s.running));
    i.set("EnabledState", Value::uint16(s.running ? kEnabled : kDisabled));
    i.set("RequestedState", Value::uint16(s.requestedState));
    i.set("TransitioningToState", Value::uint16(5));  // 5: no transition in progress
    i.set("EnabledDefault", Value::uint16(s.enabledDefault));
    i.set("TimeOfLastStateChange", Value::dateTime(wmimock::CimDateTime::timestamp(s.lastChange)));
    i.set("AvailableRequestedStates",
          Value::array(wmimock::CimType::Uint16, {Value::uint16(s.running ? kDisabled : kEnabled)}));
    i.setPath(wmimock::ObjectPath(kNamespace, kClass,
                                  {{"CreationClassName", Value::string(kClass)},
                                   {"Name", Value::string(name)},
                                   {"SystemCreationClassName", Value::string("ExampleCo_Appliance")},
                                   {"SystemName", Value::string("appliance-1")}}));
    return i;
}

wmimock::Instance ServiceProvider::getInstance(const wmimock::ProviderContext&, const wmimock::ObjectPath& path) {
    std::lock_guard lock(mutex_);
    const Service& s = find(path);
    return toInstance(path.key("Name")->asString(), s);
}

std::vector<wmimock::Instance> ServiceProvider::enumerateInstances(const wmimock::ProviderContext&, std::string_view) {
    std::lock_guard lock(mutex_);
    std::vector<wmimock::Instance> out;
    for (const auto& [name, s] : services_) out.push_back(toInstance(name, s));
    return out;
}

void ServiceProvider::apply(Service& s, bool running, std::uint16_t request, const wmimock::ProviderContext& ctx) {
    s.requestedState = request;
    if (s.running != running) {
        s.running = running;
        s.lastChange = ctx.clock.wallNow();
    }
}

wmimock::MethodResult ServiceProvider::invokeMethod(const wmimock::ProviderContext& ctx,
                                                    const wmimock::ObjectPath& target,
                                                    const wmimock::MethodDecl& method,
                                                    const std::vector<wmimock::ParamValue>& in) {
    std::lock_guard lock(mutex_);
    Service& s = find(target);
    wmimock::MethodResult result;
    if (wmimock::iequals(method.name, "StopService") || wmimock::iequals(method.name, "StartService")) {
        // Stopping a stopped service (or starting a started one) is a success: the goal holds.
        const bool start = wmimock::iequals(method.name, "StartService");
        apply(s, start, start ? kEnabled : kDisabled, ctx);
        result.returnValue = Value::uint32(wmimock::service_result::kSuccess);
        return result;
    }
    if (wmimock::iequals(method.name, "RequestStateChange")) {
        const Value* requested = nullptr;
        const Value* timeout = nullptr;
        for (const auto& p : in) {
            if (wmimock::iequals(p.name, "RequestedState")) requested = &p.value;
            if (wmimock::iequals(p.name, "TimeoutPeriod")) timeout = &p.value;
        }
        if (requested == nullptr || requested->isNull()) {
            throw CimError(CimStatus::InvalidParameter, "RequestStateChange needs RequestedState");
        }
        const auto state = requested->asUint64();
        std::uint32_t code = rsc_result::kCompleted;
        if (!isValidRequest(state)) {
            code = rsc_result::kInvalidParameter;
        } else if (timeout != nullptr && !timeout->isNull() && !timeout->asDateTime().isInterval()) {
            code = rsc_result::kInvalidParameter;  // TimeoutPeriod must be an interval
        } else if (state != kEnabled && state != kDisabled) {
            code = rsc_result::kNotSupported;  // valid, but the capabilities list only 2 and 3
        } else {
            apply(s, state == kEnabled, static_cast<std::uint16_t>(state), ctx);
        }
        result.returnValue = Value::uint32(code);
        result.outParameters.push_back({"Job", Value::null(wmimock::CimType::Reference)});
        return result;
    }
    throw CimError(CimStatus::MethodNotAvailable, "ExampleCo_Service does not implement " + method.name);
}

}  // namespace exampleco
