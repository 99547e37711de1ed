// Fault injection on any CIMOM operation: a latency, an error code, or a failure rate with a
// seed, selected per namespace / class / operation (empty selector = any). Faults apply per
// call, deterministically for a given seed and call order.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "wmimock/cim/error.hpp"

namespace wmimock {

enum class Operation : std::uint8_t {
    GetClass,
    EnumerateClasses,
    EnumerateClassNames,
    GetInstance,
    EnumerateInstances,
    EnumerateInstanceNames,
    CreateInstance,
    ModifyInstance,
    DeleteInstance,
    InvokeMethod,
    Associators,
    AssociatorNames,
    References,
    ReferenceNames,
    ExecQuery,
    EnumerateQualifiers,
    GetQualifier,
    SetQualifier,
    DeleteQualifier,
    CreateClass,
    ModifyClass,
    DeleteClass,
};
std::string_view toString(Operation op) noexcept;  // DSP0200 name, e.g. "GetInstance"
std::optional<Operation> parseOperation(std::string_view name) noexcept;

struct FaultRule {
    std::string nameSpace;                 ///< empty: any
    std::string className;                 ///< empty: any; matches subclasses too
    std::optional<Operation> operation;    ///< nullopt: any
    std::string methodName;                ///< InvokeMethod only; empty: any
    std::chrono::microseconds latency{0};  ///< spent on the CIMOM's clock before the call
    std::optional<CimStatus> error;        ///< fail with this status...
    /// Set: the rule does not fail calls by itself; a call that fails with this status
    /// fails with `error` instead (a server that maps one of DSP0200's answers to another).
    std::optional<CimStatus> replaces;
    double failureRate = 1.0;  ///< ...with this probability (0..1)
    std::uint64_t seed = 1;
    std::string message = "injected fault";
};

class FaultInjector {
public:
    virtual ~FaultInjector() = default;
    /// Adds a rule; returns its id.
    virtual std::size_t add(FaultRule rule) = 0;
    virtual void remove(std::size_t id) = 0;
    virtual void clear() = 0;
};

}  // namespace wmimock
