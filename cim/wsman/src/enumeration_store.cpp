#include "enumeration_store.hpp"

#include <algorithm>

#include "faults.hpp"
#include "soap.hpp"

namespace wmimock::wsman::detail {

EnumerationStore::EnumerationStore(std::size_t maxOpen, std::chrono::milliseconds defaultLifetime,
                                   std::chrono::milliseconds maxLifetime)
    : maxOpen_(maxOpen), defaultLifetime_(defaultLifetime), maxLifetime_(maxLifetime) {}

std::pair<std::string, EnumerationStore::Batch> EnumerationStore::open(
    std::vector<EnumerationItem> items, EnumerationShape shape, std::size_t first,
    std::optional<std::chrono::milliseconds> lifetime) {
    const auto now = std::chrono::steady_clock::now();
    Context context;
    context.items = std::move(items);
    context.shape = std::move(shape);
    context.lifetime = std::min(lifetime.value_or(defaultLifetime_), maxLifetime_);
    context.expires = now + context.lifetime;
    std::lock_guard lock(mutex_);
    dropExpired(now);
    if (contexts_.size() >= maxOpen_) {
        throw WsmanFault(
            "wsman:QuotaLimit", static_cast<std::uint32_t>(CimStatus::ServerLimitsExceeded),
            "too many open enumerations (" + std::to_string(maxOpen_) + "): pull them to the end or release them");
    }
    std::string id = newUuid();
    const auto inserted = contexts_.emplace(id, std::move(context)).first;
    return {std::move(id), take(inserted, first)};
}

EnumerationStore::Batch EnumerationStore::pull(const std::string& id, std::size_t count) {
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(mutex_);
    dropExpired(now);
    const auto found = contexts_.find(id);
    if (found == contexts_.end()) {
        throw WsmanFault("wsen:InvalidEnumerationContext",
                         static_cast<std::uint32_t>(CimStatus::InvalidEnumerationContext),
                         "enumeration context '" + id + "' is unknown, finished, released or expired");
    }
    found->second.expires = now + found->second.lifetime;
    return take(found, count);
}

void EnumerationStore::release(const std::string& id) {
    std::lock_guard lock(mutex_);
    dropExpired(std::chrono::steady_clock::now());
    if (contexts_.erase(id) == 0) {
        throw WsmanFault("wsen:InvalidEnumerationContext",
                         static_cast<std::uint32_t>(CimStatus::InvalidEnumerationContext),
                         "enumeration context '" + id + "' is unknown, finished, released or expired");
    }
}

std::size_t EnumerationStore::openCount() const {
    std::lock_guard lock(mutex_);
    return contexts_.size();
}

EnumerationStore::Batch EnumerationStore::take(std::map<std::string, Context>::iterator context, std::size_t count) {
    Context& c = context->second;
    Batch batch;
    batch.shape = c.shape;
    const std::size_t end = std::min(c.items.size(), c.next + count);
    batch.items.assign(std::make_move_iterator(c.items.begin() + static_cast<std::ptrdiff_t>(c.next)),
                       std::make_move_iterator(c.items.begin() + static_cast<std::ptrdiff_t>(end)));
    c.next = end;
    if (count > 0 && c.next == c.items.size()) {
        batch.ended = true;
        contexts_.erase(context);
    }
    return batch;
}

void EnumerationStore::dropExpired(std::chrono::steady_clock::time_point now) {
    std::erase_if(contexts_, [now](const auto& entry) { return entry.second.expires <= now; });
}

}  // namespace wmimock::wsman::detail
