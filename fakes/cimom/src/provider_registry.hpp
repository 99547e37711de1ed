// Which provider serves a class in one namespace. A registration for class C serves C and
// every subclass without a more derived registration of the same kind (instance providers
// and method providers are resolved independently). Resolutions are cached per class and
// the cache is dropped whenever a registration changes.
#pragma once

#include <atomic>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "wmimock/cim/cim_class.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/cimom/provider.hpp"

namespace wmimock::detail {

struct ProviderResolution {
    ClassPtr resolvedFor;  ///< the class this resolution was computed for
    std::shared_ptr<InstanceProvider> instances;
    std::string instanceRegistration;  ///< class the instance provider is registered for
    std::shared_ptr<MethodProvider> methods;
    std::string methodRegistration;
};

class ProviderRegistry {
public:
    void add(std::string_view className, std::shared_ptr<InstanceProvider> instances,
             std::shared_ptr<MethodProvider> methods);
    /// False if nothing was registered for the class.
    bool remove(std::string_view className);
    /// True when no provider at all is registered (a relaxed load).
    bool empty() const noexcept { return count_.load(std::memory_order_acquire) == 0; }

    /// The providers serving `cls` (null pointers when none). Never null when !empty().
    std::shared_ptr<const ProviderResolution> resolve(const ClassPtr& cls) const;

    /// Every (registration class, instance provider) pair.
    std::vector<std::pair<std::string, std::shared_ptr<InstanceProvider>>> instanceRegistrations() const;

private:
    struct Registration {
        std::shared_ptr<InstanceProvider> instances;
        std::shared_ptr<MethodProvider> methods;
    };

    mutable std::shared_mutex mutex_;
    std::unordered_map<std::string, Registration, NameHash, NameEqual> registrations_;
    mutable std::unordered_map<std::string, std::shared_ptr<const ProviderResolution>, NameHash, NameEqual> cache_;
    std::atomic<std::size_t> count_{0};
};

}  // namespace wmimock::detail
