#include "instance_store.hpp"

#include <mutex>

namespace wmimock::detail {

std::size_t StorePathHash::operator()(const ObjectPath& path) const noexcept {
    std::size_t keys = 0;  // a sum, so that key order does not matter
    for (const KeyBinding& key : path.keys()) {
        const Value& v = key.value;
        const std::size_t valueHash = v.type() == CimType::Reference && !v.isNull() && !v.isArray()
                                          ? ihash(v.asReference().className())
                                          : v.hash();
        keys += ihash(key.name) * 1000003u ^ valueHash;
    }
    return ihash(path.className()) * 31u + keys + (path.isSingleton() ? 1u : 0u);
}

bool StorePathEqual::operator()(const ObjectPath& a, const ObjectPath& b) const {
    const std::vector<KeyBinding>& ka = a.keys();
    const std::vector<KeyBinding>& kb = b.keys();
    if (ka.size() != kb.size() || a.isSingleton() != b.isSingleton()) return false;
    bool positional = true;
    for (std::size_t i = 0; i < ka.size() && positional; ++i) {
        if (ka[i].name != kb[i].name) {
            positional = false;
        } else if (!(ka[i].value == kb[i].value)) {
            return false;
        }
    }
    if (!positional) return a == b;
    return a.className() == b.className() || iequals(a.className(), b.className());
}

InstanceStore::Shard* InstanceStore::findShard(std::string_view className) const {
    std::shared_lock lock(shardsMutex_);
    const auto it = shards_.find(className);
    return it == shards_.end() ? nullptr : it->second.get();
}

InstanceStore::Shard& InstanceStore::shardFor(std::string_view className) {
    {
        std::shared_lock lock(shardsMutex_);
        if (const auto it = shards_.find(className); it != shards_.end()) return *it->second;
    }
    std::unique_lock lock(shardsMutex_);
    auto [it, inserted] = shards_.try_emplace(std::string(className), nullptr);
    if (inserted) it->second = std::make_unique<Shard>();
    return *it->second;
}

std::optional<Instance> InstanceStore::find(const ObjectPath& path) const {
    const Shard* shard = findShard(path.className());
    if (shard == nullptr) return std::nullopt;
    std::shared_lock lock(shard->mutex);
    const auto it = shard->byPath.find(path);
    if (it == shard->byPath.end()) return std::nullopt;
    return it->second.first;
}

bool InstanceStore::contains(const ObjectPath& path) const {
    const Shard* shard = findShard(path.className());
    if (shard == nullptr) return false;
    std::shared_lock lock(shard->mutex);
    return shard->byPath.contains(path);
}

bool InstanceStore::insert(const Instance& instance) {
    Shard& shard = shardFor(instance.path().className());
    std::unique_lock lock(shard.mutex);
    const std::uint64_t sequence = shard.nextSequence;
    auto [it, inserted] = shard.byPath.try_emplace(instance.path(), instance, sequence);
    if (!inserted) return false;
    ++shard.nextSequence;
    shard.order.emplace(sequence, &*it);
    return true;
}

void InstanceStore::upsert(const Instance& instance) {
    Shard& shard = shardFor(instance.path().className());
    std::unique_lock lock(shard.mutex);
    const std::uint64_t sequence = shard.nextSequence;
    auto [it, inserted] = shard.byPath.try_emplace(instance.path(), instance, sequence);
    if (inserted) {
        ++shard.nextSequence;
        shard.order.emplace(sequence, &*it);
    } else {
        it->second.first = instance;
    }
}

bool InstanceStore::replace(const Instance& instance) {
    Shard* found = findShard(instance.path().className());
    if (found == nullptr) return false;
    Shard& shard = *found;
    std::unique_lock lock(shard.mutex);
    const auto it = shard.byPath.find(instance.path());
    if (it == shard.byPath.end()) return false;
    it->second.first = instance;
    return true;
}

bool InstanceStore::modify(const ObjectPath& path, const std::function<Instance(const Instance&)>& update) {
    Shard* shard = findShard(path.className());
    if (shard == nullptr) return false;
    std::unique_lock lock(shard->mutex);
    const auto it = shard->byPath.find(path);
    if (it == shard->byPath.end()) return false;
    it->second.first = update(it->second.first);
    return true;
}

bool InstanceStore::erase(const ObjectPath& path) {
    Shard* found = findShard(path.className());
    if (found == nullptr) return false;
    Shard& shard = *found;
    std::unique_lock lock(shard.mutex);
    const auto it = shard.byPath.find(path);
    if (it == shard.byPath.end()) return false;
    shard.order.erase(it->second.second);
    shard.byPath.erase(it);
    return true;
}

void InstanceStore::eraseClass(std::string_view className) {
    Shard* found = findShard(className);
    if (found == nullptr) return;
    Shard& shard = *found;
    std::unique_lock lock(shard.mutex);
    shard.order.clear();
    shard.byPath.clear();
}

void InstanceStore::appendInstances(std::string_view className, std::vector<Instance>& out) const {
    const Shard* shard = findShard(className);
    if (shard == nullptr) return;
    std::shared_lock lock(shard->mutex);
    out.reserve(out.size() + shard->order.size());
    for (const auto& [sequence, node] : shard->order) out.push_back(node->second.first);
}

void InstanceStore::appendPaths(std::string_view className, std::vector<ObjectPath>& out) const {
    const Shard* shard = findShard(className);
    if (shard == nullptr) return;
    std::shared_lock lock(shard->mutex);
    out.reserve(out.size() + shard->order.size());
    for (const auto& [sequence, node] : shard->order) out.push_back(node->first);
}

std::size_t InstanceStore::count(std::string_view className) const {
    const Shard* shard = findShard(className);
    if (shard == nullptr) return 0;
    std::shared_lock lock(shard->mutex);
    return shard->byPath.size();
}

}  // namespace wmimock::detail
