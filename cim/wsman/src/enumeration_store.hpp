// Open WS-Enumeration contexts of the service: the results of an Enumerate, taken at once,
// handed out by Pull in the sizes clients ask for. A context ends when its last item is
// pulled, when it is released, or when it has been idle past its lifetime (wsen:Expires, or
// the service's default); the number open at once is bounded.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "resource_uri.hpp"
#include "wmimock/cim/instance.hpp"
#include "wmimock/cim/object_path.hpp"

namespace wmimock::wsman::detail {

struct EnumerationItem {
    std::optional<Instance> object;  ///< absent when only EPRs were asked for
    ObjectPath path;
};

/// What was asked for: objects, EPRs, or both (wsman:EnumerationMode).
struct EnumerationShape {
    bool objects = true;
    bool references = false;
    UriStyle style = UriStyle::Dmtf;
    std::string nameSpace;
};

class EnumerationStore {
public:
    EnumerationStore(std::size_t maxOpen, std::chrono::milliseconds defaultLifetime,
                     std::chrono::milliseconds maxLifetime);

    struct Batch {
        std::vector<EnumerationItem> items;
        EnumerationShape shape;
        bool ended = false;  ///< the context no longer exists
    };

    /// Opens a context over `items` and takes the first `first` of them (0 = none, as without
    /// wsman:OptimizeEnumeration). `lifetime` nullopt = the default. Throws WsmanFault
    /// (wsman:QuotaLimit) when too many are open.
    std::pair<std::string, Batch> open(std::vector<EnumerationItem> items, EnumerationShape shape, std::size_t first,
                                       std::optional<std::chrono::milliseconds> lifetime);
    /// The next `count` items. Throws WsmanFault(wsen:InvalidEnumerationContext) for an
    /// unknown, finished, released or expired context.
    Batch pull(const std::string& context, std::size_t count);
    /// Throws like pull() for an unknown context.
    void release(const std::string& context);
    std::size_t openCount() const;

private:
    struct Context {
        std::vector<EnumerationItem> items;
        std::size_t next = 0;
        EnumerationShape shape;
        std::chrono::milliseconds lifetime{};
        std::chrono::steady_clock::time_point expires;
    };
    Batch take(std::map<std::string, Context>::iterator context, std::size_t count);
    void dropExpired(std::chrono::steady_clock::time_point now);

    std::size_t maxOpen_;
    std::chrono::milliseconds defaultLifetime_;
    std::chrono::milliseconds maxLifetime_;
    mutable std::mutex mutex_;
    std::map<std::string, Context> contexts_;
};

}  // namespace wmimock::wsman::detail
