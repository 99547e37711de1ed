// Provider interfaces: how the fake CIMOM hands operations on a class to code.
// A provider is registered for a class in a namespace (see Cimom::registerProvider) and
// serves that class and its subclasses unless a more derived class has its own provider.
// Providers report failures by throwing CimError; anything else they throw becomes
// CIM_ERR_FAILED with the exception's message, and the CIMOM stays consistent.
#pragma once

#include <string_view>
#include <vector>

#include "wmimock/cim/cim_class.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/instance.hpp"
#include "wmimock/cim/object_path.hpp"
#include "wmimock/client/cim_client.hpp"

namespace wmimock {

class Clock;

/// What a provider may use while it serves a call.
struct ProviderContext {
    std::string_view nameSpace;
    const CimClass& targetClass;  ///< resolved class named by the request
    CimClient& cimom;             ///< re-entrant access to the CIMOM (e.g. to create job instances)
    Clock& clock;                 ///< the CIMOM's clock (a ManualClock in simulations)
};

class InstanceProvider {
public:
    virtual ~InstanceProvider() = default;
    /// Throws CimError(NotFound) when no instance has this path.
    virtual Instance getInstance(const ProviderContext& ctx, const ObjectPath& path) = 0;
    /// Instances of exactly `className` or its subclasses served by this provider.
    virtual std::vector<Instance> enumerateInstances(const ProviderContext& ctx, std::string_view className) = 0;
    virtual ObjectPath createInstance(const ProviderContext& /*ctx*/, const Instance& /*instance*/) {
        throw CimError(CimStatus::NotSupported, "CreateInstance is not supported by this provider");
    }
    virtual void modifyInstance(const ProviderContext& /*ctx*/, const Instance& /*instance*/,
                                const PropertyList& /*propertyList*/) {
        throw CimError(CimStatus::NotSupported, "ModifyInstance is not supported by this provider");
    }
    virtual void deleteInstance(const ProviderContext& /*ctx*/, const ObjectPath& /*path*/) {
        throw CimError(CimStatus::NotSupported, "DeleteInstance is not supported by this provider");
    }
};

class MethodProvider {
public:
    virtual ~MethodProvider() = default;
    /// `method` is the resolved declaration; `in` has already been checked against it and
    /// converted to the declared types by the CIMOM, unless checksInParameters() is false.
    /// The return value is converted to the declared return type by the CIMOM (out of
    /// range -> CIM_ERR_FAILED).
    virtual MethodResult invokeMethod(const ProviderContext& ctx, const ObjectPath& target, const MethodDecl& method,
                                      const std::vector<ParamValue>& in) = 0;
    /// false: the CIMOM hands `in` over as the client sent it (unknown, repeated or
    /// ill-typed parameters included), as some real servers do, and the provider judges it.
    virtual bool checksInParameters() const noexcept { return true; }
};

}  // namespace wmimock
