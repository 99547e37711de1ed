#include "sim_options.hpp"

#include <charconv>
#include <limits>
#include <string_view>

#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"

namespace wmimock::cli {
namespace {

using services::DeclineSignal;
using services::SimulationOptions;

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

std::chrono::milliseconds parseMillis(std::string_view key, std::string_view text) {
    const auto max = static_cast<std::uint64_t>(SimulationOptions::kMaxDuration.count());
    return std::chrono::milliseconds(parseUnsigned(key, text, max));
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
        const auto comma = text.find(',');
        const std::string_view item = trim(text.substr(0, comma));
        if (!item.empty()) items.push_back(item);
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    return items;
}

void apply(SimulationOptions& options, std::string_view key, std::string_view value) {
    if (iequals(key, "latency_ms")) {
        options.latency = parseMillis(key, value);
    } else if (iequals(key, "transition_ms")) {
        options.transition = parseMillis(key, value);
    } else if (iequals(key, "failure_rate")) {
        options.failureRate = parseRate(key, value);
    } else if (iequals(key, "seed")) {
        options.seed = parseUnsigned(key, value, std::numeric_limits<std::uint64_t>::max());
    } else if (iequals(key, "refuse_state")) {
        options.refusedStates.emplace();
        for (const auto item : splitList(value)) {
            options.refusedStates->insert(static_cast<std::uint16_t>(parseUnsigned(key, item, 65535)));
        }
    } else if (iequals(key, "not_supported")) {
        options.notSupportedMethods.emplace();
        for (const auto item : splitList(value)) options.notSupportedMethods->emplace_back(item);
    } else if (iequals(key, "decline_with")) {
        const auto signal = parseUnsigned(key, value, 65535);
        if (signal != 1 && signal != 7 && signal != 16 && signal != 17) {
            badValue(key, value,
                     "1 (return 1), 7 (CIM_ERR_NOT_SUPPORTED), 16 (CIM_ERR_METHOD_NOT_AVAILABLE) or 17 "
                     "(CIM_ERR_METHOD_NOT_FOUND)");
        }
        options.declineWith = static_cast<DeclineSignal>(signal);
    } else if (iequals(key, "async")) {
        options.async = parseBool(key, value);
    } else if (iequals(key, "timeout_supported")) {
        options.timeoutSupported = parseBool(key, value);
    } else if (iequals(key, "hang_cap_ms")) {
        options.hangCap = parseMillis(key, value);
    } else {
        std::string known;
        for (const auto& k : simOptionKeys()) known += (known.empty() ? "" : ", ") + k;
        throw CimError(CimStatus::InvalidParameter,
                       "unknown simulation option '" + std::string(key) + "' (known: " + known + ")");
    }
}

}  // namespace

const std::vector<std::string>& simOptionKeys() {
    static const std::vector<std::string> keys{"latency_ms",        "transition_ms", "failure_rate", "seed",
                                               "refuse_state",      "not_supported", "decline_with", "async",
                                               "timeout_supported", "hang_cap_ms"};
    return keys;
}

services::SimulationOptions parseSimOptions(const std::vector<std::string>& pairs) {
    SimulationOptions options;
    for (const std::string& pair : pairs) {
        const std::size_t equals = pair.find('=');
        if (equals == 0 || equals == std::string::npos) {
            throw CimError(CimStatus::InvalidParameter, "bad --sim-option '" + pair + "': want KEY=VALUE");
        }
        apply(options, std::string_view(pair).substr(0, equals), std::string_view(pair).substr(equals + 1));
    }
    return options;
}

}  // namespace wmimock::cli
