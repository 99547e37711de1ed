// A plugin whose worker processes keep dying: the ExampleCo provider, except that every 23rd
// GetInstance of a process aborts it, so most checks kill their worker part-way. The runner
// must start a new worker each time and still report every planned check exactly once.
#include <atomic>
#include <cstdlib>

#include "register.hpp"

namespace {

class DyingInstances final : public wmimock::InstanceProvider {
public:
    explicit DyingInstances(std::shared_ptr<wmimock::InstanceProvider> inner) : inner_(std::move(inner)) {}
    wmimock::Instance getInstance(const wmimock::ProviderContext& ctx, const wmimock::ObjectPath& path) override {
        if (++reads_ % 23 == 0) std::abort();
        return inner_->getInstance(ctx, path);
    }
    std::vector<wmimock::Instance> enumerateInstances(const wmimock::ProviderContext& ctx,
                                                      std::string_view className) override {
        return inner_->enumerateInstances(ctx, className);
    }
    void modifyInstance(const wmimock::ProviderContext& ctx, const wmimock::Instance& instance,
                        const wmimock::PropertyList& properties) override {
        inner_->modifyInstance(ctx, instance, properties);
    }

private:
    std::shared_ptr<wmimock::InstanceProvider> inner_;
    std::atomic<int> reads_{0};
};

/// Hands the example's registrations through, wrapping its instance providers.
class WrappingRegistrar final : public wmimock::plugin::Registrar {
public:
    explicit WrappingRegistrar(wmimock::plugin::Registrar& inner) : inner_(inner) {}
    void loadMof(std::string_view text, std::string_view source, std::string_view ns) override {
        inner_.loadMof(text, source, ns);
    }
    void registerProvider(std::string_view ns, std::string_view className,
                          std::shared_ptr<wmimock::InstanceProvider> instances,
                          std::shared_ptr<wmimock::MethodProvider> methods) override {
        if (instances) instances = std::make_shared<DyingInstances>(std::move(instances));
        inner_.registerProvider(ns, className, std::move(instances), std::move(methods));
    }
    void setDefaultTarget(std::string_view ns, std::string_view className) override {
        inner_.setDefaultTarget(ns, className);
    }
    wmimock::Clock& clock() override { return inner_.clock(); }

private:
    wmimock::plugin::Registrar& inner_;
};

void registerDying(wmimock::plugin::Registrar& registrar) {
    WrappingRegistrar wrapping(registrar);
    exampleco::registerProvider(wrapping);
}

}  // namespace

WMIMOCK_PLUGIN(registerDying)
