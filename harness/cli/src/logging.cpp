#include "logging.hpp"

#include <cstdlib>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"

namespace wmimock::cli {

void setUpLogging(const std::string& level, const std::string& commandDefault) {
    std::string name = level;
    std::string source = "--log-level";
    if (name.empty()) {
        const char* fromEnvironment = std::getenv("WMIMOCK_LOG_LEVEL");
        const bool set = fromEnvironment != nullptr && *fromEnvironment != '\0';
        name = set ? fromEnvironment : commandDefault;
        source = "WMIMOCK_LOG_LEVEL";
    }
    const std::string given = name;
    name = toLower(name);
    if (name == "warning") name = "warn";
    const spdlog::level::level_enum parsed = spdlog::level::from_str(name);
    // from_str answers "off" for anything it does not know; only accept "off" when asked.
    if (parsed == spdlog::level::off && name != "off") {
        throw CimError(CimStatus::InvalidParameter, source + ": unknown log level '" + given +
                                                        "' (use trace, debug, info, warn, error, critical or off)");
    }
    // Warnings and errors read as messages; at info and below each line is an event, stamped.
    const std::string pattern =
        parsed <= spdlog::level::info ? "%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v" : "%^wmimock: %l:%$ %v";
    auto logger = spdlog::stderr_color_mt("wmimock");
    logger->set_pattern(pattern);
    logger->set_level(parsed);
    spdlog::set_default_logger(std::move(logger));
    // The fake CIMOM's operation trace (debug) has a logger of its own; register it first so
    // the CIMOM takes this one instead of its quiet default.
    auto cimom = spdlog::get("wmimock.cimom");
    if (!cimom) cimom = spdlog::stderr_color_mt("wmimock.cimom");
    cimom->set_pattern(parsed <= spdlog::level::info ? "%Y-%m-%dT%H:%M:%S.%e %^%l%$ cimom: %v" : pattern);
    cimom->set_level(parsed);
}

}  // namespace wmimock::cli
