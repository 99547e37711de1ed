#include "simulation_settings.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"

namespace wmimock::services::detail {
namespace {

[[noreturn]] void badValue(std::string_view key, std::string_view value, std::string_view expected) {
    throw CimError(CimStatus::InvalidParameter, "simulation option '" + std::string(key) + "': invalid value '" +
                                                    std::string(value) + "' (expected " + std::string(expected) + ")");
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::uint64_t parseUnsigned(std::string_view key, std::string_view text, std::uint64_t max) {
    text = trim(text);
    std::uint64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value > max) {
        badValue(key, text, "an integer from 0 to " + std::to_string(max));
    }
    return value;
}

double parseRate(std::string_view key, std::string_view text) {
    text = trim(text);
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !(value >= 0.0 && value <= 1.0)) {
        badValue(key, text, "a number from 0.0 to 1.0");
    }
    return value;
}

bool parseBool(std::string_view key, std::string_view text) {
    text = trim(text);
    for (std::string_view yes : {"true", "1", "yes", "on"}) {
        if (iequals(text, yes)) return true;
    }
    for (std::string_view no : {"false", "0", "no", "off"}) {
        if (iequals(text, no)) return false;
    }
    badValue(key, text, "true or false");
}

std::vector<std::string_view> splitList(std::string_view text) {
    std::vector<std::string_view> items;
    while (!text.empty()) {
        auto comma = text.find(',');
        auto item = trim(text.substr(0, comma));
        if (!item.empty()) items.push_back(item);
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    return items;
}

std::chrono::milliseconds parseMillis(std::string_view key, std::string_view text) {
    // Bounded so that a deadline never overflows the clock's microsecond count.
    constexpr std::uint64_t kMaxMillis = 100ULL * 24 * 3600 * 1000;  // 100 days
    return std::chrono::milliseconds(parseUnsigned(key, text, kMaxMillis));
}

}  // namespace

bool SimulationSettings::methodNotSupported(std::string_view method) const noexcept {
    return std::any_of(notSupportedMethods.begin(), notSupportedMethods.end(),
                       [&](const std::string& m) { return iequals(m, method); });
}

const std::vector<std::string>& simulationOptionKeys() {
    static const std::vector<std::string> keys{"latency_ms",        "transition_ms", "failure_rate", "seed",
                                               "refuse_state",      "not_supported", "decline_with", "async",
                                               "timeout_supported", "hang_cap_ms"};
    return keys;
}

void applyOptions(SimulationSettings& settings, const SimulationOptions& options) {
    for (const auto& [key, value] : options) {
        if (iequals(key, "latency_ms")) {
            settings.latency = parseMillis(key, value);
        } else if (iequals(key, "transition_ms")) {
            settings.transition = parseMillis(key, value);
        } else if (iequals(key, "failure_rate")) {
            settings.failureRate = parseRate(key, value);
        } else if (iequals(key, "seed")) {
            settings.seed = parseUnsigned(key, value, std::numeric_limits<std::uint64_t>::max());
        } else if (iequals(key, "refuse_state")) {
            settings.refusedStates.clear();
            for (auto item : splitList(value)) {
                settings.refusedStates.insert(static_cast<std::uint16_t>(parseUnsigned(key, item, 65535)));
            }
        } else if (iequals(key, "not_supported")) {
            settings.notSupportedMethods.clear();
            for (auto item : splitList(value)) settings.notSupportedMethods.emplace_back(item);
        } else if (iequals(key, "decline_with")) {
            const auto signal = parseUnsigned(key, value, 65535);
            if (signal != 1 && signal != 7 && signal != 16 && signal != 17) {
                throw CimError(CimStatus::InvalidParameter,
                               "simulation option decline_with=" + value +
                                   ": expected 1 (return 1), 7 (CIM_ERR_NOT_SUPPORTED), 16 "
                                   "(CIM_ERR_METHOD_NOT_AVAILABLE) or 17 (CIM_ERR_METHOD_NOT_FOUND)");
            }
            settings.declineSignal = static_cast<std::uint16_t>(signal);
        } else if (iequals(key, "async")) {
            settings.async = parseBool(key, value);
        } else if (iequals(key, "timeout_supported")) {
            settings.timeoutSupported = parseBool(key, value);
        } else if (iequals(key, "hang_cap_ms")) {
            settings.hangCap = parseMillis(key, value);
        } else {
            std::string known;
            for (const auto& k : simulationOptionKeys()) known += (known.empty() ? "" : ", ") + k;
            throw CimError(CimStatus::InvalidParameter,
                           "unknown simulation option '" + key + "' (known: " + known + ")");
        }
    }
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
