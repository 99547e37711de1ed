// plugin:PATH targets: a provider library loaded with dlopen, its ABI checked, its
// registration function run into a fresh CIMOM on the system clock (see plugin.hpp).
#include <dlfcn.h>

#include <filesystem>

#include "wmimock/cim/error.hpp"
#include "wmimock/conformance/cimom_target.hpp"
#include "wmimock/conformance/plugin.hpp"
#include "wmimock/harness/targets.hpp"

namespace wmimock::harness {

using conformance::CimomTarget;
using conformance::Target;
namespace {

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

void requirePluginFile(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        throw CimError(CimStatus::NotFound, "plugin '" + path + "' does not exist or is not a file");
    }
}

std::unique_ptr<Target> openPluginTarget(const std::string& path, const TargetOptions& options) {
    requirePluginFile(path);
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
    auto inner = conformance::registerTarget("plugin:" + path, std::make_shared<SystemClock>(),
                                             [entry](plugin::Registrar& registrar) { entry(&registrar); });
    loadExtraMof(inner->cimom(), inner->defaultNamespace(), options);
    return std::make_unique<PluginTarget>(std::move(library), std::move(inner));
}

}  // namespace wmimock::harness
