// A Target over an in-process fake CIMOM: what built-ins, plugins and registration
// functions (plugin.hpp) all become once their providers are registered.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "wmimock/cimom/cimom.hpp"
#include "wmimock/conformance/target.hpp"

namespace wmimock::plugin {
class Registrar;
}

namespace wmimock::conformance {

/// The CIMOM is thread-safe, so connect() shares it.
class CimomTarget : public Target {
public:
    CimomTarget(std::string name, std::shared_ptr<Cimom> cimom, std::shared_ptr<Clock> clock,
                std::string defaultNamespace, std::string defaultClass);

    std::string name() const override { return name_; }
    CimClient& client() override { return *cimom_; }
    std::shared_ptr<CimClient> connect() override { return cimom_; }
    Clock& clock() override { return *clock_; }
    std::string defaultNamespace() const override { return defaultNamespace_; }
    std::string defaultClass() const override { return defaultClass_; }

    Cimom& cimom() noexcept { return *cimom_; }

private:
    std::string name_;
    std::shared_ptr<Cimom> cimom_;
    std::shared_ptr<Clock> clock_;
    std::string defaultNamespace_;
    std::string defaultClass_;
};

/// A fresh CIMOM on `clock` into which `registration` registers providers and MOF through a
/// plugin::Registrar (the CIM core schema is loaded into each namespace before its first
/// MOF). The harness' plugin loader and makeRegisteredTarget both build targets this way.
std::unique_ptr<CimomTarget> registerTarget(std::string name, std::shared_ptr<Clock> clock,
                                            const std::function<void(plugin::Registrar&)>& registration);

}  // namespace wmimock::conformance
