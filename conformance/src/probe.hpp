// What a check reads about the instance under test T without changing it: snapshots S(T),
// the capabilities C(T), T's class and its methods' ValueMaps, the services T depends on
// or that depend on it, and what T's class says a return code means.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "evidence_log.hpp"
#include "snapshot.hpp"
#include "value_map.hpp"
#include "wmimock/client/cim_client.hpp"

namespace wmimock::conformance {

struct Capabilities {
    ObjectPath path;
    std::optional<std::vector<std::uint16_t>> requestedStatesSupported;
    std::optional<std::vector<std::uint16_t>> stateAwareness;
};

class Probe {
public:
    /// Reads through `client`; what it reads with a label goes into `evidence`.
    Probe(CimClient& client, std::string nameSpace, ObjectPath instance, EvidenceLog& evidence);

    const ObjectPath& path() const noexcept { return path_; }
    const std::string& nameSpace() const noexcept { return nameSpace_; }

    /// GetInstance(T) as a Snapshot; `label` goes into the evidence ("before", "after").
    Snapshot snapshot(std::string_view label = {}) { return snapshotOf(path_, label); }
    Snapshot snapshotOf(const ObjectPath& path, std::string_view label = {});
    /// The capabilities associated to T (catalog C(T)); empty when there are none.
    const std::vector<Capabilities>& capabilities();
    /// The first capabilities instance, if any.
    const Capabilities* caps();
    /// The class of T, resolved (LocalOnly=false, with qualifiers); null if GetClass fails.
    const CimClass* targetClass();
    const MethodDecl* method(std::string_view name);
    /// ValueMap of a method of T's class (null if none).
    const ValueMap* methodValueMap(std::string_view name);
    /// RequestStateChange's ValueMap: the class's, or the CIM_EnabledLogicalElement one.
    const ValueMap& rscValueMap();
    /// Services that depend on `path` (CIM_ServiceServiceDependency, `path` as Antecedent).
    std::vector<ObjectPath> dependants(const ObjectPath& path);
    /// Services `path` depends on (CIM_ServiceServiceDependency, `path` as Dependent).
    std::vector<ObjectPath> prerequisites(const ObjectPath& path);

    /// A return the class documents as a refusal of the request: 1, 5, 4097, or a non-zero
    /// code whose Values string says not supported / invalid parameter / invalid state.
    bool isDocumentedRefusal(std::string_view methodName, std::uint64_t code);
    /// 4096 where the method's ValueMap (or, for RequestStateChange, the schema) documents it.
    bool isAsyncStart(std::string_view methodName, std::uint64_t code);
    /// A code the class documents as "invalid parameter" (RequestStateChange: 5; otherwise
    /// a Values string saying invalid parameter / incorrect data type).
    bool isInvalidParameterCode(std::string_view methodName, std::uint64_t code);

private:
    CimClient& client_;
    std::string nameSpace_;
    ObjectPath path_;
    EvidenceLog& evidence_;

    std::optional<std::vector<Capabilities>> caps_;
    bool classLoaded_ = false;
    std::optional<CimClass> class_;
    std::vector<std::pair<std::string, std::optional<ValueMap>>> valueMaps_;
    std::optional<ValueMap> rscValueMap_;
};

}  // namespace wmimock::conformance
