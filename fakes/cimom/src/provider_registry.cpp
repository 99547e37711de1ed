#include "provider_registry.hpp"

#include <mutex>

namespace wmimock::detail {

void ProviderRegistry::add(std::string_view className, std::shared_ptr<InstanceProvider> instances,
                           std::shared_ptr<MethodProvider> methods) {
    std::unique_lock lock(mutex_);
    registrations_.insert_or_assign(std::string(className), Registration{std::move(instances), std::move(methods)});
    cache_.clear();
    count_.store(registrations_.size(), std::memory_order_release);
}

bool ProviderRegistry::remove(std::string_view className) {
    std::unique_lock lock(mutex_);
    const auto it = registrations_.find(className);
    if (it == registrations_.end()) return false;
    registrations_.erase(it);
    cache_.clear();
    count_.store(registrations_.size(), std::memory_order_release);
    return true;
}

std::shared_ptr<const ProviderResolution> ProviderRegistry::resolve(const ClassPtr& cls) const {
    {
        std::shared_lock lock(mutex_);
        const auto it = cache_.find(cls->name);
        // A cached entry computed for an older definition of the class is recomputed: the
        // superclass chain may have changed.
        if (it != cache_.end() && it->second->resolvedFor == cls) return it->second;
    }
    std::unique_lock lock(mutex_);
    auto resolution = std::make_shared<ProviderResolution>();
    resolution->resolvedFor = cls;
    auto consider = [&](const std::string& name) {
        const auto it = registrations_.find(name);
        if (it == registrations_.end()) return;
        if (!resolution->instances && it->second.instances) {
            resolution->instances = it->second.instances;
            resolution->instanceRegistration = it->first;
        }
        if (!resolution->methods && it->second.methods) {
            resolution->methods = it->second.methods;
            resolution->methodRegistration = it->first;
        }
    };
    consider(cls->name);
    for (const std::string& ancestor : cls->derivation) consider(ancestor);
    std::shared_ptr<const ProviderResolution> result = std::move(resolution);
    cache_.insert_or_assign(cls->name, result);
    return result;
}

std::vector<std::pair<std::string, std::shared_ptr<InstanceProvider>>> ProviderRegistry::instanceRegistrations() const {
    std::shared_lock lock(mutex_);
    std::vector<std::pair<std::string, std::shared_ptr<InstanceProvider>>> out;
    for (const auto& [name, registration] : registrations_) {
        if (registration.instances) out.emplace_back(name, registration.instances);
    }
    return out;
}

}  // namespace wmimock::detail
