#include "operation_trace.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace wmimock::detail {

namespace {

constexpr const char* kLoggerName = "wmimock.cimom";

std::shared_ptr<spdlog::logger> makeLogger() {
    if (auto existing = spdlog::get(kLoggerName)) return existing;  // the application configured it
    try {
        auto logger = spdlog::stderr_color_mt(kLoggerName);
        logger->set_level(spdlog::level::warn);
        return logger;
    } catch (const spdlog::spdlog_ex&) {
        // Registered concurrently by someone else between get() and create.
        if (auto existing = spdlog::get(kLoggerName)) return existing;
        throw;
    }
}

}  // namespace

spdlog::logger& cimomLogger() {
    static const std::shared_ptr<spdlog::logger> logger = makeLogger();
    return *logger;
}

OperationTrace::OperationTrace(Operation operation, std::string_view nameSpace) noexcept
    : operation_(operation), nameSpace_(nameSpace), enabled_(cimomLogger().should_log(spdlog::level::debug)) {
    if (enabled_) start_ = std::chrono::steady_clock::now();
}

void OperationTrace::finish(CimStatus status, std::string_view detail) noexcept {
    if (!enabled_) return;
    try {
        const auto micros =
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start_).count();
        cimomLogger().debug("{} ns={} target={} -> {}{}{} ({} us)", toString(operation_), nameSpace_, target_,
                            statusName(status), detail.empty() ? "" : ": ", detail, micros);
    } catch (...) {
        // Tracing must never change the outcome of an operation.
    }
}

}  // namespace wmimock::detail
