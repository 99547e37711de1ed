// Debug-level tracing of every CIMOM operation through the spdlog logger "wmimock.cimom":
// operation, namespace, target, result code and duration. The logger's default level is
// warn, so tracing costs one level check per call until someone turns it on:
//     spdlog::get("wmimock.cimom")->set_level(spdlog::level::debug);
#pragma once

#include <chrono>
#include <memory>
#include <string_view>

#include "wmimock/cim/error.hpp"
#include "wmimock/cimom/fault_injector.hpp"

namespace spdlog {
class logger;
}

namespace wmimock::detail {

/// The shared "wmimock.cimom" logger (registered with spdlog on first use).
spdlog::logger& cimomLogger();

class OperationTrace {
public:
    /// `target` is rendered only when tracing is on.
    OperationTrace(Operation operation, std::string_view nameSpace) noexcept;
    bool enabled() const noexcept { return enabled_; }
    /// Records what the call is about (class, path text, method); call only if enabled().
    void setTarget(std::string target) { target_ = std::move(target); }
    void finish(CimStatus status, std::string_view detail = {}) noexcept;

private:
    Operation operation_;
    std::string_view nameSpace_;
    bool enabled_;
    std::string target_;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace wmimock::detail
