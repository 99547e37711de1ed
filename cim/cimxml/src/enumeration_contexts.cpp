#include "enumeration_contexts.hpp"

#include <algorithm>
#include <cstdio>

#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"

namespace wmimock::cimxml::detail {

EnumerationContexts::EnumerationContexts(EnumerationLimits limits) : limits_(limits), random_(std::random_device{}()) {}

EnumerationBatch EnumerationContexts::open(std::string nameSpace, EnumerationKind kind, std::vector<Instance> instances,
                                           std::vector<ObjectPath> paths, std::optional<std::uint32_t> timeout,
                                           std::uint32_t maxCount) {
    const std::chrono::seconds interval = timeout ? std::chrono::seconds(*timeout) : limits_.defaultTimeout;
    if (interval.count() == 0 || interval > limits_.maxTimeout) {
        throw CimError(CimStatus::InvalidOperationTimeout, "OperationTimeout " + std::to_string(interval.count()) +
                                                               " s is outside 1.." +
                                                               std::to_string(limits_.maxTimeout.count()) +
                                                               " s (an enumeration that never expires is not offered)");
    }
    std::lock_guard lock(mutex_);
    const auto now = Clock::now();
    dropExpired(now);
    if (open_.size() >= limits_.maxOpen) {
        throw CimError(CimStatus::ServerLimitsExceeded,
                       std::to_string(open_.size()) +
                           " enumerations are open, the most this server keeps; close or "
                           "finish one (or wait for one to expire)");
    }
    Enumeration e;
    e.nameSpace = std::move(nameSpace);
    e.kind = kind;
    e.instances = std::move(instances);
    e.paths = std::move(paths);
    e.timeout = interval;
    e.deadline = now + interval;
    auto [it, inserted] = open_.emplace(newName(), std::move(e));
    (void)inserted;
    return take(it, maxCount);
}

EnumerationBatch EnumerationContexts::pull(const std::string& context, std::string_view nameSpace, EnumerationKind kind,
                                           std::uint32_t maxCount) {
    std::lock_guard lock(mutex_);
    Enumeration& e = find(context, nameSpace);
    if (e.kind != kind) {
        throw CimError(CimStatus::InvalidEnumerationContext,
                       "enumeration context '" + context + "' was opened for another kind of result");
    }
    return take(open_.find(context), maxCount);
}

void EnumerationContexts::close(const std::string& context, std::string_view nameSpace) {
    std::lock_guard lock(mutex_);
    find(context, nameSpace);
    open_.erase(context);
}

std::uint64_t EnumerationContexts::remaining(const std::string& context, std::string_view nameSpace) {
    std::lock_guard lock(mutex_);
    Enumeration& e = find(context, nameSpace);
    e.deadline = Clock::now() + e.timeout;
    return size(e) - e.next;
}

std::size_t EnumerationContexts::size(const Enumeration& e) const noexcept {
    return e.kind == EnumerationKind::InstancePaths ? e.paths.size() : e.instances.size();
}

EnumerationBatch EnumerationContexts::take(std::unordered_map<std::string, Enumeration>::iterator it,
                                           std::uint32_t maxCount) {
    Enumeration& e = it->second;
    const std::size_t count = std::min<std::size_t>(maxCount, size(e) - e.next);
    EnumerationBatch batch;
    const auto first = static_cast<std::ptrdiff_t>(e.next);
    const auto last = static_cast<std::ptrdiff_t>(e.next + count);
    if (e.kind == EnumerationKind::InstancePaths) {
        batch.paths.assign(std::make_move_iterator(e.paths.begin() + first),
                           std::make_move_iterator(e.paths.begin() + last));
    } else {
        batch.instances.assign(std::make_move_iterator(e.instances.begin() + first),
                               std::make_move_iterator(e.instances.begin() + last));
    }
    e.next += count;
    batch.endOfSequence = e.next == size(e);
    if (batch.endOfSequence) {
        open_.erase(it);
    } else {
        batch.context = it->first;
        e.deadline = Clock::now() + e.timeout;
    }
    return batch;
}

EnumerationContexts::Enumeration& EnumerationContexts::find(const std::string& context, std::string_view nameSpace) {
    dropExpired(Clock::now());
    const auto it = open_.find(context);
    if (it == open_.end()) {
        throw CimError(CimStatus::InvalidEnumerationContext,
                       "no open enumeration '" + context + "' (never opened, finished, closed, or expired)");
    }
    if (!iequals(it->second.nameSpace, nameSpace)) {
        throw CimError(CimStatus::InvalidEnumerationContext,
                       "enumeration context '" + context + "' belongs to namespace " + it->second.nameSpace);
    }
    return it->second;
}

void EnumerationContexts::dropExpired(Clock::time_point now) {
    std::erase_if(open_, [now](const auto& entry) { return entry.second.deadline <= now; });
}

std::string EnumerationContexts::newName() {
    char name[40];
    for (;;) {
        std::snprintf(name, sizeof name, "%016llx%016llx", static_cast<unsigned long long>(random_()),
                      static_cast<unsigned long long>(random_()));
        if (open_.find(name) == open_.end()) return name;
    }
}

}  // namespace wmimock::cimxml::detail
