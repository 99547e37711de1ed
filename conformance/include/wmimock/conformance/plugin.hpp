// The provider plugin entry point: how a provider developer's shared library hands its
// providers and MOF to the suite (`wmimock conform --target plugin:libmine.so`).
//
// A plugin is a shared library (CMake MODULE) linked against wmimock::conformance that
// defines one registration function and exports it with WMIMOCK_PLUGIN:
//
//     #include <wmimock/conformance/plugin.hpp>
//
//     void registerMyProvider(wmimock::plugin::Registrar& registrar) {
//         registrar.loadMof(kMyMof, "my_service.mof", "root/mine");   // classes + static instances
//         auto provider = std::make_shared<MyServiceProvider>();       // InstanceProvider + MethodProvider
//         registrar.registerProvider("root/mine", "My_Service", provider, provider);
//         registrar.setDefaultTarget("root/mine", "My_Service");
//     }
//     WMIMOCK_PLUGIN(registerMyProvider)
//
// The same function builds an in-process target for a GoogleTest binary
// (makeRegisteredTarget), so one provider is tested the same way in both places.
//
// Versioning. Providers are C++ objects (wmimock/cimom/provider.hpp), so a plugin must be
// built against the same wmimock release, with a compatible compiler and standard library.
// WMIMOCK_PLUGIN exports wmimock_plugin_abi(), which the harness compares with its own
// before calling anything else; a mismatch is refused with a message, never a crash.
// WMIMOCK_PLUGIN_ABI_VERSION changes whenever Registrar or the provider interfaces change.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "wmimock/cim/clock.hpp"
#include "wmimock/cim/instance.hpp"
#include "wmimock/cim/object_path.hpp"
#include "wmimock/cim/value.hpp"
#include "wmimock/cimom/provider.hpp"
#include "wmimock/conformance/target.hpp"

#define WMIMOCK_PLUGIN_ABI_VERSION 1

namespace wmimock::plugin {

/// What the harness offers a plugin while it registers. Implemented by the harness.
class Registrar {
public:
    virtual ~Registrar() = default;
    /// Compiles MOF (classes, associations, static instances) into `nameSpace`. The CIM core
    /// schema the project ships (qualifiers, CIM_Service, CIM_EnabledLogicalElement,
    /// CIM_ConcreteJob, capabilities, ...) is loaded into a namespace before its first MOF,
    /// so plugin MOF only declares its own classes. Throws CimError on compile errors.
    virtual void loadMof(std::string_view mofText, std::string_view sourceName, std::string_view nameSpace) = 0;
    /// Routes operations on `className` (and subclasses) in `nameSpace` to the providers.
    virtual void registerProvider(std::string_view nameSpace, std::string_view className,
                                  std::shared_ptr<InstanceProvider> instances,
                                  std::shared_ptr<MethodProvider> methods) = 0;
    /// The class (and namespace) the suite tests unless --namespace / --class say otherwise.
    virtual void setDefaultTarget(std::string_view nameSpace, std::string_view className) = 0;
    /// The clock the CIMOM runs on (the system clock for plugins, a ManualClock in tests).
    virtual Clock& clock() = 0;
};

using RegisterFunction = void (*)(Registrar&);

/// Layout facts both sides compile in; any difference means the plugin cannot be used.
struct AbiInfo {
    std::uint32_t abiVersion;
    std::uint32_t cxx11StringAbi;  ///< libstdc++ _GLIBCXX_USE_CXX11_ABI (1 elsewhere)
    std::uint32_t sizeOfString;
    std::uint32_t sizeOfValue;
    std::uint32_t sizeOfObjectPath;
    std::uint32_t sizeOfInstance;
};

constexpr AbiInfo currentAbi() noexcept {
    return AbiInfo {
        WMIMOCK_PLUGIN_ABI_VERSION,
#if defined(_GLIBCXX_USE_CXX11_ABI)
            static_cast<std::uint32_t>(_GLIBCXX_USE_CXX11_ABI),
#else
            1U,
#endif
            sizeof(std::string), sizeof(Value), sizeof(ObjectPath), sizeof(Instance)
    };
}

}  // namespace wmimock::plugin

namespace wmimock::conformance {

/// An in-process target built by a registration function, on `clock` (a ManualClock when
/// null, so the suite's bounded waits cost no wall time).
std::unique_ptr<Target> makeRegisteredTarget(std::string name, plugin::RegisterFunction registerFunction,
                                             std::shared_ptr<Clock> clock = nullptr);

}  // namespace wmimock::conformance

/// Exports `registerFunction` (void(wmimock::plugin::Registrar&)) as the plugin entry point.
#define WMIMOCK_PLUGIN(registerFunction)                                                                          \
    extern "C" __attribute__((visibility("default"))) void wmimock_plugin_abi(::wmimock::plugin::AbiInfo* info) { \
        *info = ::wmimock::plugin::currentAbi();                                                                  \
    }                                                                                                             \
    extern "C" __attribute__((visibility("default"))) void wmimock_plugin_register(                               \
        ::wmimock::plugin::Registrar* registrar) {                                                                \
        registerFunction(*registrar);                                                                             \
    }
