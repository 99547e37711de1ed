// plugin:PATH targets and registration functions run in-process (see plugin.hpp).
#include <dlfcn.h>

#include <filesystem>
#include <set>

#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/conformance/plugin.hpp"
#include "wmimock/conformance/targets.hpp"
#include "wmimock/services/builtin.hpp"

namespace wmimock::conformance {
namespace {

/// What the harness gives a plugin: a fresh CIMOM, the core schema on demand.
class CimomRegistrar final : public plugin::Registrar {
public:
    CimomRegistrar(Cimom& cimom, Clock& clock) : cimom_(cimom), clock_(clock) {}

    void loadMof(std::string_view mofText, std::string_view sourceName, std::string_view nameSpace) override {
        const std::string ns = normalizeNamespace(nameSpace);
        loadCoreSchema(ns);
        MofCompileOptions options;
        options.defaultNamespace = ns;
        cimom_.loadMof(mofText, sourceName, options);
    }
    void registerProvider(std::string_view nameSpace, std::string_view className,
                          std::shared_ptr<InstanceProvider> instances,
                          std::shared_ptr<MethodProvider> methods) override {
        cimom_.registerProvider(nameSpace, className, std::move(instances), std::move(methods));
    }
    void setDefaultTarget(std::string_view nameSpace, std::string_view className) override {
        nameSpace_ = normalizeNamespace(nameSpace);
        className_ = std::string(className);
    }
    Clock& clock() override { return clock_; }

    const std::string& nameSpace() const noexcept { return nameSpace_; }
    const std::string& className() const noexcept { return className_; }

private:
    void loadCoreSchema(const std::string& ns) {
        if (!loaded_.insert(ns).second) return;
        cimom_.createNamespace(ns);
        MofCompileOptions options;
        options.defaultNamespace = ns;
        for (const std::string_view file : {"mof/qualifiers.mof", "mof/cim_core.mof"}) {
            const auto text = services::embeddedFixture(file);
            if (!text) throw CimError(CimStatus::Failed, "the embedded core schema lacks " + std::string(file));
            cimom_.loadMof(*text, file, options);
        }
    }

    Cimom& cimom_;
    Clock& clock_;
    std::set<std::string> loaded_;
    std::string nameSpace_ = "root/cimv2";
    std::string className_ = "CIM_Service";
};

/// Keeps the library loaded for as long as objects it created may exist.
struct LibraryHandle {
    void* handle = nullptr;
    explicit LibraryHandle(void* h) : handle(h) {}
    ~LibraryHandle() {
        if (handle != nullptr) dlclose(handle);
    }
    LibraryHandle(const LibraryHandle&) = delete;
    LibraryHandle& operator=(const LibraryHandle&) = delete;
};

/// A CimomTarget that also owns the plugin library. The library is declared first so it
/// is unloaded last, after the CIMOM released the plugin's providers.
class PluginTarget final : public Target {
public:
    PluginTarget(std::shared_ptr<LibraryHandle> library, std::unique_ptr<CimomTarget> inner)
        : library_(std::move(library)), inner_(std::move(inner)) {}
    std::string name() const override { return inner_->name(); }
    CimClient& client() override { return inner_->client(); }
    std::shared_ptr<CimClient> connect() override { return inner_->connect(); }
    Clock& clock() override { return inner_->clock(); }
    std::string defaultNamespace() const override { return inner_->defaultNamespace(); }
    std::string defaultClass() const override { return inner_->defaultClass(); }

private:
    std::shared_ptr<LibraryHandle> library_;
    std::unique_ptr<CimomTarget> inner_;
};

std::unique_ptr<CimomTarget> registerInto(std::string name, plugin::RegisterFunction registerFunction,
                                          std::shared_ptr<Clock> clock) {
    auto cimom = std::make_shared<Cimom>(clock);
    CimomRegistrar registrar(*cimom, *clock);
    registerFunction(registrar);
    return std::make_unique<CimomTarget>(std::move(name), std::move(cimom), std::move(clock), registrar.nameSpace(),
                                         registrar.className());
}

std::string abiDifference(const plugin::AbiInfo& theirs) {
    const plugin::AbiInfo ours = plugin::currentAbi();
    const auto field = [](std::string_view what, std::uint32_t a, std::uint32_t b) {
        return std::string(what) + " " + std::to_string(b) + " (this wmimock: " + std::to_string(a) + ")";
    };
    if (theirs.abiVersion != ours.abiVersion) return field("plugin ABI version", ours.abiVersion, theirs.abiVersion);
    if (theirs.cxx11StringAbi != ours.cxx11StringAbi) {
        return field("_GLIBCXX_USE_CXX11_ABI", ours.cxx11StringAbi, theirs.cxx11StringAbi);
    }
    if (theirs.sizeOfString != ours.sizeOfString)
        return field("sizeof(std::string)", ours.sizeOfString, theirs.sizeOfString);
    if (theirs.sizeOfValue != ours.sizeOfValue)
        return field("sizeof(wmimock::Value)", ours.sizeOfValue, theirs.sizeOfValue);
    if (theirs.sizeOfObjectPath != ours.sizeOfObjectPath) {
        return field("sizeof(wmimock::ObjectPath)", ours.sizeOfObjectPath, theirs.sizeOfObjectPath);
    }
    if (theirs.sizeOfInstance != ours.sizeOfInstance) {
        return field("sizeof(wmimock::Instance)", ours.sizeOfInstance, theirs.sizeOfInstance);
    }
    return {};
}

}  // namespace

std::unique_ptr<Target> makeRegisteredTarget(std::string name, plugin::RegisterFunction registerFunction,
                                             std::shared_ptr<Clock> clock) {
    if (registerFunction == nullptr) throw CimError(CimStatus::InvalidParameter, "no registration function");
    if (!clock) clock = std::make_shared<ManualClock>();
    return registerInto(std::move(name), registerFunction, std::move(clock));
}

std::unique_ptr<Target> openPluginTarget(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        throw CimError(CimStatus::NotFound, "plugin '" + path + "' does not exist or is not a file");
    }
    // A path without a slash would make dlopen search the library path instead.
    const std::string file = path.find('/') == std::string::npos ? "./" + path : path;
    auto library = std::make_shared<LibraryHandle>(dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL));
    if (library->handle == nullptr) {
        const char* why = dlerror();
        throw CimError(CimStatus::InvalidParameter,
                       "cannot load plugin '" + path + "': " + std::string(why != nullptr ? why : "unknown error"));
    }
    using AbiFunction = void (*)(plugin::AbiInfo*);
    using RegisterEntry = void (*)(plugin::Registrar*);
    const auto abi = reinterpret_cast<AbiFunction>(dlsym(library->handle, "wmimock_plugin_abi"));
    const auto entry = reinterpret_cast<RegisterEntry>(dlsym(library->handle, "wmimock_plugin_register"));
    if (abi == nullptr || entry == nullptr) {
        throw CimError(CimStatus::InvalidParameter,
                       "'" + path +
                           "' is not a wmimock plugin: it does not export wmimock_plugin_abi and "
                           "wmimock_plugin_register (define them with WMIMOCK_PLUGIN)");
    }
    plugin::AbiInfo theirs{};
    abi(&theirs);
    if (const auto difference = abiDifference(theirs); !difference.empty()) {
        throw CimError(CimStatus::InvalidParameter, "plugin '" + path + "' was built for another ABI: " + difference);
    }
    auto clock = std::make_shared<SystemClock>();
    auto cimom = std::make_shared<Cimom>(clock);
    CimomRegistrar registrar(*cimom, *clock);
    entry(&registrar);
    auto inner = std::make_unique<CimomTarget>("plugin:" + path, std::move(cimom), std::move(clock),
                                               registrar.nameSpace(), registrar.className());
    return std::make_unique<PluginTarget>(std::move(library), std::move(inner));
}

}  // namespace wmimock::conformance
