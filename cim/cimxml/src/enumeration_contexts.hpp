// The open enumerations of DSP0200's pull operations (OpenEnumerateInstances, Pull*,
// CloseEnumeration, EnumerationCount). An Open* runs the whole enumeration on the backend
// and parks what the first response does not carry here, under an unguessable context
// name, until the client pulls it all, closes it, or leaves it idle past its operation
// timeout. The table is bounded: a full table refuses new enumerations with
// CIM_ERR_SERVER_LIMITS_EXCEEDED instead of growing without limit.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "wmimock/cim/instance.hpp"
#include "wmimock/cim/object_path.hpp"

namespace wmimock::cimxml::detail {

/// What an enumeration yields; a Pull must ask for the same kind its Open* produced.
enum class EnumerationKind { InstancesWithPath, InstancePaths, Instances };

struct EnumerationLimits {
    std::size_t maxOpen = 256;
    std::chrono::seconds defaultTimeout{60};  ///< when the client sends no OperationTimeout
    std::chrono::seconds maxTimeout{600};
};

/// One response's share of an enumeration.
struct EnumerationBatch {
    std::vector<Instance> instances;  ///< InstancesWithPath and Instances
    std::vector<ObjectPath> paths;    ///< InstancePaths
    bool endOfSequence = false;
    std::string context;  ///< empty when endOfSequence (the context is gone)
};

class EnumerationContexts {
public:
    using Clock = std::chrono::steady_clock;

    explicit EnumerationContexts(EnumerationLimits limits = {});

    /// Starts an enumeration over `instances` (or `paths`) and returns its first batch of
    /// at most `maxCount`. `timeout` is the client's OperationTimeout in seconds (nullopt:
    /// the default); 0 or more than the maximum is CIM_ERR_INVALID_OPERATION_TIMEOUT. A
    /// table already holding maxOpen live enumerations is CIM_ERR_SERVER_LIMITS_EXCEEDED.
    EnumerationBatch open(std::string nameSpace, EnumerationKind kind, std::vector<Instance> instances,
                          std::vector<ObjectPath> paths, std::optional<std::uint32_t> timeout, std::uint32_t maxCount);
    /// The next batch of at most `maxCount` (0 keeps the enumeration alive and returns none).
    /// An unknown or expired context, another namespace or another kind is
    /// CIM_ERR_INVALID_ENUMERATION_CONTEXT.
    EnumerationBatch pull(const std::string& context, std::string_view nameSpace, EnumerationKind kind,
                          std::uint32_t maxCount);
    void close(const std::string& context, std::string_view nameSpace);
    /// How many items are left to pull.
    std::uint64_t remaining(const std::string& context, std::string_view nameSpace);

private:
    struct Enumeration {
        std::string nameSpace;
        EnumerationKind kind = EnumerationKind::InstancesWithPath;
        std::vector<Instance> instances;
        std::vector<ObjectPath> paths;
        std::size_t next = 0;
        std::chrono::seconds timeout{};
        Clock::time_point deadline;
    };

    std::size_t size(const Enumeration& e) const noexcept;
    EnumerationBatch take(std::unordered_map<std::string, Enumeration>::iterator it, std::uint32_t maxCount);
    Enumeration& find(const std::string& context, std::string_view nameSpace);
    void dropExpired(Clock::time_point now);
    std::string newName();

    EnumerationLimits limits_;
    std::mutex mutex_;
    std::unordered_map<std::string, Enumeration> open_;
    std::mt19937_64 random_;
};

}  // namespace wmimock::cimxml::detail
