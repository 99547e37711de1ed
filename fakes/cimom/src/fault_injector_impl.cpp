#include "fault_injector_impl.hpp"

#include <algorithm>
#include <string>

#include "wmimock/cim/names.hpp"
#include "wmimock/cim/object_path.hpp"

namespace wmimock::detail {

namespace {

/// A uniform draw in [0, 1) computed the same way on every standard library
/// (std::uniform_real_distribution is implementation-defined).
double uniform01(std::mt19937_64& random) noexcept {
    return static_cast<double>(random() >> 11) * 0x1.0p-53;
}

}  // namespace

std::size_t FaultInjectorImpl::add(FaultRule rule) {
    if (!(rule.failureRate >= 0.0 && rule.failureRate <= 1.0)) {
        throw CimError(CimStatus::InvalidParameter,
                       "fault rule: failureRate " + std::to_string(rule.failureRate) + " is outside 0..1");
    }
    if (rule.replaces && !rule.error) {
        throw CimError(CimStatus::InvalidParameter, "fault rule: replaces needs the error to answer instead");
    }
    if (rule.latency.count() < 0) {
        throw CimError(CimStatus::InvalidParameter, "fault rule: latency must not be negative");
    }
    if (!rule.methodName.empty() && rule.operation && *rule.operation != Operation::InvokeMethod) {
        throw CimError(CimStatus::InvalidParameter, "fault rule: methodName applies to InvokeMethod only");
    }
    if (!rule.nameSpace.empty()) rule.nameSpace = normalizeNamespace(rule.nameSpace);
    std::lock_guard lock(mutex_);
    const std::size_t id = nextId_++;
    std::mt19937_64 random(rule.seed);
    rules_.push_back(Entry{id, std::move(rule), random});
    active_.store(true, std::memory_order_release);
    return id;
}

void FaultInjectorImpl::remove(std::size_t id) {
    std::lock_guard lock(mutex_);
    std::erase_if(rules_, [id](const Entry& e) { return e.id == id; });
    active_.store(!rules_.empty(), std::memory_order_release);
}

void FaultInjectorImpl::clear() {
    std::lock_guard lock(mutex_);
    rules_.clear();
    active_.store(false, std::memory_order_release);
}

bool FaultInjectorImpl::matches(const FaultRule& rule, const FaultTarget& target) noexcept {
    if (rule.operation && *rule.operation != target.operation) return false;
    if (!rule.nameSpace.empty() && !iequals(rule.nameSpace, target.nameSpace)) return false;
    if (!rule.className.empty()) {
        const bool sameClass = iequals(rule.className, target.className);
        const bool subclass = target.targetClass != nullptr && target.targetClass->isA(rule.className);
        if (!sameClass && !subclass) return false;
    }
    if (!rule.methodName.empty()) {
        if (target.operation != Operation::InvokeMethod || !iequals(rule.methodName, target.methodName)) return false;
    }
    return true;
}

FaultDecision FaultInjectorImpl::decide(const FaultTarget& target) {
    FaultDecision decision;
    std::lock_guard lock(mutex_);
    for (Entry& entry : rules_) {
        if (!matches(entry.rule, target)) continue;
        decision.latency += entry.rule.latency;
        if (!entry.rule.error || entry.rule.replaces) continue;
        const bool fires = uniform01(entry.random) < entry.rule.failureRate;
        if (fires && !decision.error) decision.error.emplace(*entry.rule.error, entry.rule.message);
    }
    return decision;
}

std::optional<CimError> FaultInjectorImpl::rewrite(const FaultTarget& target, const CimError& failure) {
    std::lock_guard lock(mutex_);
    for (Entry& entry : rules_) {
        if (entry.rule.replaces != failure.status() || !matches(entry.rule, target)) continue;
        if (uniform01(entry.random) >= entry.rule.failureRate) continue;
        return CimError(*entry.rule.error, entry.rule.message + " (was " + std::string(statusName(failure.status())) +
                                               ": " + failure.message() + ")");
    }
    return std::nullopt;
}

}  // namespace wmimock::detail
