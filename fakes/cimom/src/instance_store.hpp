// The static instance store of one namespace, sharded per class: each class has its own
// reader/writer lock, so operations on instances of different classes never contend and
// readers of one class share. Enumeration returns instances in insertion order.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "wmimock/cim/instance.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/cim/object_path.hpp"

namespace wmimock::detail {

/// Hash of an instance path for the store's tables, consistent with ObjectPath equality for
/// the paths the CIMOM stores and looks up: their keys are typed as the class declares
/// (canonicalInstancePath), so each key value hashes by its typed value. It avoids
/// ObjectPath::hash, which re-parses every string key in case it spells a path or datetime.
/// Reference-valued keys hash by the referenced class only (equal references certainly
/// share it), which keeps the hash cheap and consistent however their own keys are typed.
struct StorePathHash {
    std::size_t operator()(const ObjectPath& path) const noexcept;
};

/// Equality of canonical paths (keys in declaration order, names as declared): compared
/// position by position; anything else falls back to ObjectPath equality.
struct StorePathEqual {
    bool operator()(const ObjectPath& a, const ObjectPath& b) const;
};

class InstanceStore {
public:
    /// The instance at `path` (looked up in the shard of path.className()).
    std::optional<Instance> find(const ObjectPath& path) const;
    bool contains(const ObjectPath& path) const;

    /// Adds `instance` under instance.path(); false if that path is taken.
    bool insert(const Instance& instance);
    /// Adds or replaces.
    void upsert(const Instance& instance);
    /// Replaces the instance at instance.path(); false if there is none.
    bool replace(const Instance& instance);
    /// Replaces the instance at `path` by update(current) atomically with respect to other
    /// writers of its class; false if there is none. `update` may throw (nothing changes)
    /// and must not call back into the CIMOM.
    bool modify(const ObjectPath& path, const std::function<Instance(const Instance&)>& update);
    bool erase(const ObjectPath& path);
    /// Drops every instance of exactly `className`.
    void eraseClass(std::string_view className);

    /// Appends the instances (or paths) of exactly `className`, in insertion order.
    void appendInstances(std::string_view className, std::vector<Instance>& out) const;
    void appendPaths(std::string_view className, std::vector<ObjectPath>& out) const;
    std::size_t count(std::string_view className) const;

private:
    struct Shard {
        mutable std::shared_mutex mutex;
        std::unordered_map<ObjectPath, std::pair<Instance, std::uint64_t>, StorePathHash, StorePathEqual> byPath;
        /// Insertion order; pointers into byPath nodes, which stay put across rehashing.
        std::map<std::uint64_t, const std::pair<const ObjectPath, std::pair<Instance, std::uint64_t>>*> order;
        std::uint64_t nextSequence = 0;
    };

    Shard* findShard(std::string_view className) const;
    Shard& shardFor(std::string_view className);

    // Shards are created on first use and never destroyed before the store, so the raw
    // pointers handed out by findShard stay valid without holding shardsMutex_.
    mutable std::shared_mutex shardsMutex_;
    std::unordered_map<std::string, std::unique_ptr<Shard>, NameHash, NameEqual> shards_;
};

}  // namespace wmimock::detail
