#include "wmimock/reports/report_context.hpp"

#include <unistd.h>

#include <array>
#include <cmath>
#include <ctime>

#include <fmt/format.h>

namespace wmimock::reports {

std::string localHostname() {
    std::array<char, 256> buffer{};
    if (::gethostname(buffer.data(), buffer.size() - 1) != 0 || buffer[0] == '\0') return "localhost";
    return std::string(buffer.data());
}

std::string formatTimestamp(std::chrono::system_clock::time_point when) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
    std::tm utc{};
    if (::gmtime_r(&seconds, &utc) == nullptr) return "1970-01-01T00:00:00";
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                       utc.tm_hour, utc.tm_min, utc.tm_sec);
}

std::string formatSeconds(std::chrono::duration<double> duration) {
    const double seconds = duration.count();
    if (!std::isfinite(seconds) || seconds < 0) return "0.000";
    return fmt::format("{:.3f}", seconds);
}

}  // namespace wmimock::reports
