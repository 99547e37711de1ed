#include "simulation_settings.hpp"

#include <algorithm>

#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"

namespace wmimock::services::detail {
namespace {

[[noreturn]] void outOfRange(std::string_view option, const std::string& value, std::string_view expected) {
    throw CimError(CimStatus::InvalidParameter, "simulation option " + std::string(option) + " = " + value +
                                                    " is out of range (expected " + std::string(expected) + ")");
}

std::chrono::milliseconds checkedDuration(std::string_view option, std::chrono::milliseconds d) {
    if (d.count() < 0 || d > SimulationOptions::kMaxDuration) {
        outOfRange(option, std::to_string(d.count()) + " ms",
                   "0 to " + std::to_string(SimulationOptions::kMaxDuration.count()) + " ms");
    }
    return d;
}

}  // namespace

bool SimulationSettings::methodNotSupported(std::string_view method) const noexcept {
    return std::any_of(notSupportedMethods.begin(), notSupportedMethods.end(),
                       [&](const std::string& m) { return iequals(m, method); });
}

void applyOptions(SimulationSettings& settings, const SimulationOptions& options) {
    if (options.latency) settings.latency = checkedDuration("latency", *options.latency);
    if (options.transition) settings.transition = checkedDuration("transition", *options.transition);
    if (options.failureRate) {
        const double rate = *options.failureRate;
        if (!(rate >= 0.0 && rate <= 1.0)) outOfRange("failureRate", std::to_string(rate), "0.0 to 1.0");
        settings.failureRate = rate;
    }
    if (options.seed) settings.seed = *options.seed;
    if (options.refusedStates) settings.refusedStates = *options.refusedStates;
    if (options.notSupportedMethods) settings.notSupportedMethods = *options.notSupportedMethods;
    if (options.declineWith) {
        const auto signal = static_cast<std::uint16_t>(*options.declineWith);
        if (signal != 1 && signal != 7 && signal != 16 && signal != 17) {
            outOfRange("declineWith", std::to_string(signal), "a DeclineSignal: 1, 7, 16 or 17");
        }
        settings.declineSignal = signal;
    }
    if (options.async) settings.async = *options.async;
    if (options.timeoutSupported) settings.timeoutSupported = *options.timeoutSupported;
    if (options.hangCap) settings.hangCap = checkedDuration("hangCap", *options.hangCap);
}

namespace {

const Value* nonNull(const Instance& instance, std::string_view name) {
    const Value* v = instance.find(name);
    return v != nullptr && !v->isNull() ? v : nullptr;
}

[[noreturn]] void badProperty(std::string_view property, std::string_view why) {
    throw CimError(CimStatus::InvalidParameter,
                   "WMIMock_SimulationSetting." + std::string(property) + ": " + std::string(why));
}

}  // namespace

void applySettingInstance(SimulationSettings& settings, const Instance& setting) {
    try {
        if (const Value* v = nonNull(setting, "LatencyMs")) settings.latency = std::chrono::milliseconds(v->asUint64());
        if (const Value* v = nonNull(setting, "TransitionMs")) {
            settings.transition = std::chrono::milliseconds(v->asUint64());
        }
        if (const Value* v = nonNull(setting, "FailureRate")) {
            double rate = v->asReal();
            if (!(rate >= 0.0 && rate <= 1.0)) badProperty("FailureRate", "must be within 0.0..1.0");
            settings.failureRate = rate;
        }
        if (const Value* v = nonNull(setting, "Seed")) settings.seed = v->asUint64();
        if (const Value* v = nonNull(setting, "RefuseStates")) {
            settings.refusedStates.clear();
            for (const Value& e : v->asArray()) {
                settings.refusedStates.insert(static_cast<std::uint16_t>(e.asUint64()));
            }
        }
        if (const Value* v = nonNull(setting, "NotSupportedMethods")) {
            settings.notSupportedMethods.clear();
            for (const Value& e : v->asArray()) settings.notSupportedMethods.push_back(e.asString());
        }
        if (const Value* v = nonNull(setting, "AsyncJobs")) settings.async = v->asBool();
        if (const Value* v = nonNull(setting, "TimeoutSupported")) settings.timeoutSupported = v->asBool();
    } catch (const CimError& e) {
        if (e.status() == CimStatus::InvalidParameter) throw;
        throw CimError(CimStatus::InvalidParameter, "WMIMock_SimulationSetting: " + e.message());
    }
}

}  // namespace wmimock::services::detail
