#include "probe.hpp"

#include <algorithm>
#include <iterator>

#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/cim/property_as.hpp"
#include "wmimock/cim/well_known.hpp"

namespace wmimock::conformance {

Probe::Probe(CimClient& client, std::string nameSpace, ObjectPath instance, EvidenceLog& evidence)
    : client_(client), nameSpace_(std::move(nameSpace)), path_(std::move(instance)), evidence_(evidence) {}

Snapshot Probe::snapshotOf(const ObjectPath& path, std::string_view label) {
    Snapshot s = Snapshot::of(client_.getInstance(path));
    if (!label.empty()) {
        const bool isT = path == path_;
        evidence_.add("S(" + (isT ? std::string("T") : path.toString()) + ") " + std::string(label) + ": " +
                      s.toString());
    }
    return s;
}

const std::vector<Capabilities>& Probe::capabilities() {
    if (!caps_) {
        caps_.emplace();
        try {
            AssociatorFilter filter;
            filter.assocClass = "CIM_ElementCapabilities";
            filter.resultClass = "CIM_EnabledLogicalElementCapabilities";
            for (const Instance& c : client_.associators(path_, filter)) {
                Capabilities caps;
                caps.path = c.path();
                caps.requestedStatesSupported = propertyAs<std::vector<std::uint16_t>>(c, "RequestedStatesSupported");
                caps.stateAwareness = propertyAs<std::vector<std::uint16_t>>(c, "StateAwareness");
                caps_->push_back(std::move(caps));
            }
            evidence_.add("Associators(T, CIM_ElementCapabilities, CIM_EnabledLogicalElementCapabilities) -> " +
                          std::to_string(caps_->size()) + " instance(s)");
        } catch (const CimError& e) {
            evidence_.add("Associators(T, CIM_ElementCapabilities) -> " + std::string(statusName(e.status())) + " (" +
                          e.message() + ")");
        }
    }
    return *caps_;
}

const Capabilities* Probe::caps() {
    const auto& all = capabilities();
    return all.empty() ? nullptr : &all.front();
}

const CimClass* Probe::targetClass() {
    if (!classLoaded_) {
        classLoaded_ = true;
        try {
            GetClassOptions options;
            options.localOnly = false;
            options.includeQualifiers = true;
            class_ = client_.getClass(path_.nameSpace().empty() ? nameSpace_ : path_.nameSpace(), path_.className(),
                                      options);
        } catch (const CimError& e) {
            evidence_.log("GetClass(" + path_.className() + ") failed: " + e.what());
        }
    }
    return class_ ? &*class_ : nullptr;
}

const MethodDecl* Probe::method(std::string_view name) {
    const CimClass* cls = targetClass();
    return cls != nullptr ? cls->findMethod(name) : nullptr;
}

const ValueMap* Probe::methodValueMap(std::string_view name) {
    auto it = std::find_if(valueMaps_.begin(), valueMaps_.end(), [&](const auto& e) { return iequals(e.first, name); });
    if (it == valueMaps_.end()) {
        const MethodDecl* m = method(name);
        valueMaps_.emplace_back(std::string(name), m != nullptr ? ValueMap::of(m->qualifiers) : std::nullopt);
        it = std::prev(valueMaps_.end());
    }
    return it->second ? &*it->second : nullptr;
}

const ValueMap& Probe::rscValueMap() {
    if (!rscValueMap_) {
        const ValueMap* declared = methodValueMap("RequestStateChange");
        rscValueMap_ = declared != nullptr ? *declared : ValueMap::requestStateChangeDefault();
    }
    return *rscValueMap_;
}

namespace {

// The services at the other end of CIM_ServiceServiceDependency from `path`, which plays
// `role`. None when the schema has no such association.
std::vector<ObjectPath> serviceDependency(CimClient& client, const ObjectPath& path, const char* role,
                                          const char* resultRole) {
    try {
        AssociatorFilter filter;
        filter.assocClass = "CIM_ServiceServiceDependency";
        filter.role = role;
        filter.resultRole = resultRole;
        return client.associatorNames(path, filter);
    } catch (const CimError&) {
        return {};
    }
}

}  // namespace

std::vector<ObjectPath> Probe::prerequisites(const ObjectPath& path) {
    return serviceDependency(client_, path, "Dependent", "Antecedent");
}

std::vector<ObjectPath> Probe::dependants(const ObjectPath& path) {
    return serviceDependency(client_, path, "Antecedent", "Dependent");
}

bool Probe::isAsyncStart(std::string_view methodName, std::uint64_t code) {
    if (code != rsc_result::kJobStarted) return false;
    if (iequals(methodName, "RequestStateChange")) return true;
    const ValueMap* vm = methodValueMap(methodName);
    return vm != nullptr && vm->lookup(code).documented();
}

bool Probe::isDocumentedRefusal(std::string_view methodName, std::uint64_t code) {
    if (code == rsc_result::kNotSupported || code == rsc_result::kInvalidParameter ||
        code == rsc_result::kInvalidStateTransition) {
        return true;
    }
    if (code == rsc_result::kCompleted || code == rsc_result::kJobStarted) return false;
    const ValueMap* vm = iequals(methodName, "RequestStateChange") ? &rscValueMap() : methodValueMap(methodName);
    if (vm == nullptr) return false;
    const std::string label = vm->labelOf(code);
    return labelContains(label, "not supported") || labelContains(label, "invalid param") ||
           labelContains(label, "invalid state") || labelContains(label, "incorrect data type");
}

bool Probe::isInvalidParameterCode(std::string_view methodName, std::uint64_t code) {
    const bool rsc = iequals(methodName, "RequestStateChange");
    if (rsc && code == rsc_result::kInvalidParameter) return true;
    const ValueMap* vm = rsc ? &rscValueMap() : methodValueMap(methodName);
    if (vm == nullptr || code == 0) return false;
    const std::string label = vm->labelOf(code);
    return labelContains(label, "invalid param") || labelContains(label, "incorrect data type");
}

}  // namespace wmimock::conformance
