#include "wmimock/services/builtin.hpp"

#include "builtin_factory.hpp"
#include "faults.hpp"
#include "simulation_settings.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"

namespace wmimock::services {

std::string_view toString(BuiltinKind kind) noexcept {
    switch (kind) {
        case BuiltinKind::Reference:
            return "reference";
        case BuiltinKind::Flavour:
            return "flavour";
        case BuiltinKind::Faulty:
            return "faulty";
    }
    return "?";
}

namespace {

BuiltinInfo infoFor(const detail::FlavourProfile& profile, BuiltinKind kind, std::string description) {
    BuiltinInfo info;
    info.name = profile.name;
    info.kind = kind;
    info.description = std::move(description);
    info.nameSpace = profile.nameSpace;
    info.className = profile.serviceClass;
    info.flavour = profile.name;
    return info;
}

std::vector<BuiltinInfo> buildRegistry() {
    std::vector<BuiltinInfo> all;
    all.push_back(infoFor(detail::referenceProfile(), BuiltinKind::Reference,
                          "DMTF-strict WMIMock_Service exactly per the rules catalog; synchronous by default"));
    all.push_back(infoFor(detail::win32Profile(), BuiltinKind::Flavour,
                          "Windows-like Win32_Service: codes 0..24, State string, no RequestStateChange"));
    all.push_back(infoFor(detail::hypervProfile(), BuiltinKind::Flavour,
                          "Hyper-V-like Msvm service: RequestStateChange answers 4096 with an Msvm_ConcreteJob"));
    all.push_back(infoFor(detail::pegasusProfile(), BuiltinKind::Flavour,
                          "OpenPegasus-like PG_IndicationService: RequestStateChange only (StopService/StartService "
                          "answer CIM_ERR_METHOD_NOT_FOUND), keys and parameters unchecked"));
    for (const auto& spec : detail::faultSpecs()) {
        BuiltinInfo info = infoFor(spec.profile(), BuiltinKind::Faulty, std::string(spec.description));
        info.name = std::string(spec.name);
        info.brokenRules = spec.brokenRules;
        info.raceDependentRules = spec.raceDependentRules;
        all.push_back(std::move(info));
    }
    return all;
}

const std::vector<BuiltinInfo>& registry() {
    static const std::vector<BuiltinInfo> all = buildRegistry();
    return all;
}

void loadFixture(Cimom& cimom, std::string_view file, const MofCompileOptions& options, bool optional = false) {
    auto text = embeddedFixture(file);
    if (!text) {
        if (optional) return;
        throw CimError(CimStatus::NotFound, "embedded fixture " + std::string(file) + " is missing");
    }
    cimom.loadMof(*text, file, options);
}

void loadFixtures(Cimom& cimom, const detail::FlavourProfile& profile) {
    MofCompileOptions options;
    options.loader = embeddedFixtureLoader();
    options.defaultNamespace = profile.nameSpace;
    loadFixture(cimom, profile.mofFile, options);
    loadFixture(cimom, profile.instancesFile, options);

    // The configuration class and the default knobs live in root/cimv2 for every flavour.
    MofCompileOptions settings = options;
    settings.defaultNamespace = "root/cimv2";
    if (!cimom.findClass("root/cimv2", "WMIMock_SimulationSetting")) {
        if (cimom.findClass("root/cimv2", "CIM_Service")) {
            loadFixture(cimom, "mof/wmimock.mof", settings, true);
        } else {
            loadFixture(cimom, "mof/reference.mof", settings, true);
        }
    }
    if (cimom.findClass("root/cimv2", "WMIMock_SimulationSetting")) {
        loadFixture(cimom, "instances/simulation_defaults.mof", settings, true);
    }
}

}  // namespace

std::span<const BuiltinInfo> builtins() {
    return registry();
}

const BuiltinInfo* findBuiltin(std::string_view name) noexcept {
    for (const auto& info : registry()) {
        if (iequals(info.name, name)) return &info;
    }
    return nullptr;
}

namespace detail {

AssembledBuiltin assemble(const FlavourProfile& profile, std::shared_ptr<FaultPolicy> policy,
                          std::vector<std::string> settingTargets, const SimulationOptions& options,
                          const BuiltinInfo* info) {
    // Bad option keys fail before any MOF is compiled.
    SimulationSettings probe;
    applyOptions(probe, options);

    AssembledBuiltin built;
    auto clock = std::make_shared<ManualClock>();
    auto cimom = std::make_shared<Cimom>(clock);
    loadFixtures(*cimom, profile);
    if (!policy) policy = std::make_shared<FaultPolicy>();
    auto simulation = std::make_shared<ServiceSimulation>(profile, clock, policy, std::move(settingTargets), options);
    simulation->attach(*cimom);
    built.environment = BuiltinEnvironment{clock, cimom, info};
    built.simulation = std::move(simulation);
    built.policy = std::move(policy);
    return built;
}

AssembledBuiltin assembleBuiltin(std::string_view name, const SimulationOptions& options) {
    const BuiltinInfo* info = findBuiltin(name);
    if (info == nullptr) {
        std::string known;
        for (const auto& b : registry()) known += (known.empty() ? "" : ", ") + b.name;
        throw CimError(CimStatus::NotFound, "unknown built-in '" + std::string(name) + "' (known: " + known + ")");
    }
    const FlavourProfile* profile = findProfile(info->flavour);
    std::shared_ptr<FaultPolicy> policy;
    const FaultSpec* fault = findFault(info->name);
    if (fault != nullptr) policy = fault->make();
    std::vector<std::string> targets{info->name};
    if (!iequals(info->name, info->flavour)) targets.push_back(info->flavour);
    AssembledBuiltin built = assemble(*profile, std::move(policy), std::move(targets), options, info);
    if (fault != nullptr) {
        for (const FaultRule& rule : fault->serverFaults) built.environment.cimom->faults().add(rule);
    }
    return built;
}

}  // namespace detail

BuiltinEnvironment makeBuiltin(std::string_view name, const SimulationOptions& options) {
    return detail::assembleBuiltin(name, options).environment;
}

}  // namespace wmimock::services
