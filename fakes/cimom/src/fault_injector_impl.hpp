// The CIMOM's FaultInjector: a rule list consulted at the start of every operation.
// When no rule is configured the check is a single relaxed atomic load.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <random>
#include <string_view>
#include <vector>

#include "wmimock/cim/cim_class.hpp"
#include "wmimock/cim/clock.hpp"
#include "wmimock/cimom/fault_injector.hpp"

namespace wmimock::detail {

/// What the matching rules decided for one call.
struct FaultDecision {
    Clock::duration latency{0};
    std::optional<CimError> error;
};

/// The call a fault decision is made for. `targetClass` is the resolved class when the
/// CIMOM knows it (so that a rule for CIM_Service matches WMIMock_Service), else null.
struct FaultTarget {
    Operation operation;
    std::string_view nameSpace;  ///< normalized
    std::string_view className;
    const CimClass* targetClass = nullptr;
    std::string_view methodName;
};

class FaultInjectorImpl final : public FaultInjector {
public:
    std::size_t add(FaultRule rule) override;
    void remove(std::size_t id) override;
    void clear() override;

    /// True when at least one rule is configured (cheap; checked on every call).
    bool active() const noexcept { return active_.load(std::memory_order_acquire); }

    /// Latencies of all matching rules add up; the first matching rule whose random draw
    /// fires supplies the error. Every matching rule with an error draws exactly once per
    /// call, so a given seed and call order always give the same outcome.
    FaultDecision decide(const FaultTarget& target);
    /// The error a `replaces` rule substitutes for `failure`, or nullopt to keep it.
    std::optional<CimError> rewrite(const FaultTarget& target, const CimError& failure);

private:
    struct Entry {
        std::size_t id;
        FaultRule rule;
        std::mt19937_64 random;
    };
    static bool matches(const FaultRule& rule, const FaultTarget& target) noexcept;

    std::mutex mutex_;
    std::vector<Entry> rules_;
    std::size_t nextId_ = 1;
    std::atomic<bool> active_{false};
};

}  // namespace wmimock::detail
