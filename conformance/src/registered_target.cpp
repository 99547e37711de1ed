// Registration functions (plugin.hpp) run into an in-process fake CIMOM.
#include <set>

#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/cimom/fixtures.hpp"
#include "wmimock/conformance/cimom_target.hpp"
#include "wmimock/conformance/plugin.hpp"

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
        if (loaded_.insert(ns).second) wmimock::loadCoreSchema(cimom_, ns);
    }

    Cimom& cimom_;
    Clock& clock_;
    std::set<std::string> loaded_;
    std::string nameSpace_ = "root/cimv2";
    std::string className_ = "CIM_Service";
};

}  // namespace

std::unique_ptr<Target> makeRegisteredTarget(std::string name, plugin::RegisterFunction registerFunction,
                                             std::shared_ptr<Clock> clock) {
    if (registerFunction == nullptr) throw CimError(CimStatus::InvalidParameter, "no registration function");
    if (!clock) clock = std::make_shared<ManualClock>();
    return registerTarget(std::move(name), std::move(clock), registerFunction);
}

std::unique_ptr<CimomTarget> registerTarget(std::string name, std::shared_ptr<Clock> clock,
                                            const std::function<void(plugin::Registrar&)>& registration) {
    auto cimom = std::make_shared<Cimom>(clock);
    CimomRegistrar registrar(*cimom, *clock);
    registration(registrar);
    return std::make_unique<CimomTarget>(std::move(name), std::move(cimom), std::move(clock), registrar.nameSpace(),
                                         registrar.className());
}

CimomTarget::CimomTarget(std::string name, std::shared_ptr<Cimom> cimom, std::shared_ptr<Clock> clock,
                         std::string defaultNamespace, std::string defaultClass)
    : name_(std::move(name)),
      cimom_(std::move(cimom)),
      clock_(std::move(clock)),
      defaultNamespace_(std::move(defaultNamespace)),
      defaultClass_(std::move(defaultClass)) {}

}  // namespace wmimock::conformance
