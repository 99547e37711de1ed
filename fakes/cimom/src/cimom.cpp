// Cimom: construction, the schema (namespaces, classes, MOF loading), provider
// registration and the shared operation scaffolding.
#include "wmimock/cimom/cimom.hpp"

#include <functional>

#include "cimom_impl.hpp"
#include "incoming_class.hpp"
#include "instance_validator.hpp"

namespace wmimock {

using detail::NamespaceView;

namespace detail {

bool NamespaceView::isA(std::string_view className, std::string_view ancestor) const {
    if (iequals(className, ancestor)) return true;
    const ClassPtr cls = findClass(className);
    return cls != nullptr && cls->isA(ancestor);
}

SchemaSnapshot::SchemaSnapshot(std::shared_ptr<const SchemaRepository> published) : repository(std::move(published)) {
    for (const std::string& name : repository->namespaces()) {
        for (const ClassPtr& cls : repository->find(name)->classes()) keys.emplace(cls.get(), keyDecls(*cls));
    }
}

std::string_view pathNamespace(const ObjectPath& path) noexcept {
    return path.nameSpace().empty() ? kDefaultNamespace : std::string_view(path.nameSpace());
}

}  // namespace detail

namespace {

std::string describeDiagnostics(const MofCompileResult& result) {
    std::string text;
    for (const MofDiagnostic& d : result.diagnostics) {
        if (d.severity != MofDiagnostic::Severity::Error) continue;
        text += "\n  " + d.toString();
    }
    return text;
}

std::string checkedNamespaceName(std::string_view nameSpace) {
    std::string normalized = normalizeNamespace(nameSpace);
    if (normalized.empty()) throw CimError(CimStatus::InvalidNamespace, "empty namespace name");
    return normalized;
}

}  // namespace

// ---- Impl: schema and runtimes ------------------------------------------------------

Cimom::Impl::Impl(Cimom& self, std::shared_ptr<Clock> clk) : owner(self), clock(std::move(clk)) {
    if (!clock) clock = std::make_shared<SystemClock>();
    auto initial = std::make_shared<SchemaRepository>();
    // The namespaces every CIMOM has; others are created on demand or declared.
    initial->getOrCreate("root/cimv2");
    initial->getOrCreate("root/interop");
    schema = std::make_shared<const detail::SchemaSnapshot>(std::move(initial));
}

std::shared_ptr<const SchemaRepository> Cimom::Impl::snapshot() const {
    std::shared_lock lock(schemaMutex);
    return schema->repository;
}

std::shared_ptr<const detail::SchemaSnapshot> Cimom::Impl::fullSnapshot() const {
    std::shared_lock lock(schemaMutex);
    return schema;
}

void Cimom::Impl::publish(std::shared_ptr<const SchemaRepository> next) {
    auto published = std::make_shared<const detail::SchemaSnapshot>(std::move(next));
    std::unique_lock lock(schemaMutex);
    schema.swap(published);
    lock.unlock();  // the old snapshot is released outside the lock
}

detail::NamespaceRuntime& Cimom::Impl::runtimeFor(std::string_view normalizedNamespace) {
    {
        std::shared_lock lock(runtimesMutex);
        if (const auto it = runtimes.find(normalizedNamespace); it != runtimes.end()) return *it->second;
    }
    std::unique_lock lock(runtimesMutex);
    auto [it, inserted] = runtimes.try_emplace(std::string(normalizedNamespace), nullptr);
    if (inserted) it->second = std::make_unique<detail::NamespaceRuntime>();
    return *it->second;
}

NamespaceView Cimom::Impl::view(std::string_view nameSpace) {
    NamespaceView v;
    v.schema = fullSnapshot();
    v.classes = v.schema->repository->find(nameSpace);
    if (v.classes == nullptr) {
        throw CimError(CimStatus::InvalidNamespace, "namespace '" + std::string(nameSpace) + "' does not exist");
    }
    v.name = v.classes->name();
    v.runtime = &runtimeFor(v.name);
    return v;
}

std::string Cimom::Impl::host() const {
    std::shared_lock lock(hostMutex);
    return hostName;
}

/// Calls `use` with the fault target of one call: the namespace normalized and the class
/// resolved when it exists, so that class rules match subclasses.
template <class Use>
auto Cimom::Impl::withFaultTarget(Operation operation, std::string_view nameSpace, std::string_view className,
                                  std::string_view methodName, const Use& use) {
    const std::string normalized = normalizeNamespace(nameSpace);
    ClassPtr cls;
    if (!className.empty()) {
        const auto current = snapshot();
        if (const SchemaNamespace* ns = current->find(normalized)) cls = ns->findClass(className);
    }
    return use(detail::FaultTarget{operation, normalized, className, cls.get(), methodName});
}

void Cimom::Impl::applyFaults(Operation operation, std::string_view nameSpace, std::string_view className,
                              std::string_view methodName) {
    const detail::FaultDecision decision = withFaultTarget(
        operation, nameSpace, className, methodName, [&](const detail::FaultTarget& t) { return faults.decide(t); });
    if (decision.latency.count() > 0) clock->sleepFor(decision.latency);
    if (decision.error) throw *decision.error;
}

std::optional<CimError> Cimom::Impl::rewriteFailure(Operation operation, std::string_view nameSpace,
                                                    std::string_view className, std::string_view methodName,
                                                    const CimError& failure) {
    return withFaultTarget(operation, nameSpace, className, methodName,
                           [&](const detail::FaultTarget& t) { return faults.rewrite(t, failure); });
}

std::shared_ptr<const detail::ProviderResolution> Cimom::Impl::providersFor(const NamespaceView& ns,
                                                                            const ClassPtr& cls) const {
    if (ns.runtime->providers.empty()) return nullptr;
    return ns.runtime->providers.resolve(cls);
}

// ---- Cimom: construction ------------------------------------------------------------

Cimom::Cimom(std::shared_ptr<Clock> clock) : impl_(std::make_unique<Impl>(*this, std::move(clock))) {}
Cimom::~Cimom() = default;

Clock& Cimom::clock() noexcept {
    return *impl_->clock;
}
FaultInjector& Cimom::faults() noexcept {
    return impl_->faults;
}

void Cimom::setHostName(std::string hostName) {
    std::unique_lock lock(impl_->hostMutex);
    impl_->hostName = std::move(hostName);
}
std::string Cimom::hostName() const {
    return impl_->host();
}

// ---- Cimom: loading -----------------------------------------------------------------

MofCompileResult Cimom::Impl::load(
    const MofCompileOptions& options, std::string_view source,
    const std::function<MofCompileResult(const MofCompiler&, SchemaRepository&)>& compile) {
    std::lock_guard writers(schemaWriters);
    auto next = std::make_shared<SchemaRepository>(*snapshot());
    const MofCompiler compiler(options);
    MofCompileResult result = compile(compiler, *next);
    if (!result.ok()) {
        throw CimError(CimStatus::InvalidParameter, "MOF compilation of " + std::string(source) + " failed with " +
                                                        std::to_string(result.errorCount()) +
                                                        " error(s):" + describeDiagnostics(result));
    }
    // Validate every declared instance before anything becomes visible.
    std::vector<std::pair<std::string, Instance>> prepared;
    prepared.reserve(result.instances.size());
    std::string conflicts;  // #pragma instanceflags createonly / updateonly not met
    CimStatus conflictStatus = CimStatus::NotFound;
    for (const CompiledInstance& compiled : result.instances) {
        if (compiled.embeddedOnly) continue;  // it is stored inside the instance that embeds it
        const SchemaNamespace* ns = next->find(compiled.nameSpace);
        const ClassPtr cls = ns != nullptr ? ns->findClass(compiled.instance.className()) : nullptr;
        if (cls == nullptr) {
            throw CimError(CimStatus::InvalidClass, std::string(source) + ": instance of unknown class '" +
                                                        compiled.instance.className() + "' in namespace " +
                                                        compiled.nameSpace);
        }
        try {
            prepared.emplace_back(ns->name(), detail::validateInstance(*cls, compiled.instance, ns->name()));
        } catch (const CimError& e) {
            throw CimError(e.status(), std::string(source) + ": instance of " + cls->name + ": " + e.message());
        }
        if (compiled.update != InstanceUpdate::CreateOrUpdate) {
            const Instance& instance = prepared.back().second;
            const bool exists = runtimeFor(ns->name()).store.contains(instance.path());
            if (compiled.update == InstanceUpdate::CreateOnly && exists) {
                conflicts += "\n  " + instance.path().toString() + " exists (#pragma instanceflags(\"createonly\"))";
                conflictStatus = CimStatus::AlreadyExists;
            } else if (compiled.update == InstanceUpdate::UpdateOnly && !exists) {
                conflicts +=
                    "\n  " + instance.path().toString() + " does not exist (#pragma instanceflags(\"updateonly\"))";
            }
        }
    }
    if (!conflicts.empty()) {
        throw CimError(conflictStatus, "MOF " + std::string(source) + " was not loaded:" + conflicts);
    }
    publish(next);
    for (const auto& [nameSpace, className] : result.deletedClasses) {
        runtimeFor(normalizeNamespace(nameSpace)).store.eraseClass(className);
    }
    for (const auto& [nameSpace, pathText] : result.deletedInstances) {
        const auto path = ObjectPath::tryParse(pathText);
        const SchemaNamespace* ns = next->find(nameSpace);
        const ClassPtr cls = path && ns != nullptr ? ns->findClass(path->className()) : nullptr;
        if (cls == nullptr) continue;  // its class went too, and its instances with it
        const auto canonical = detail::canonicalInstancePath(*cls, nullptr, *path, ns->name());
        runtimeFor(ns->name()).store.erase(canonical ? *canonical : *path);
    }
    // `instance of` an existing path updates it, as mofcomp does.
    for (const auto& [nameSpace, instance] : prepared) runtimeFor(nameSpace).store.upsert(instance);
    return result;
}

MofCompileResult Cimom::loadMof(std::string_view text, std::string_view sourceName, const MofCompileOptions& options) {
    return impl_->load(options, sourceName, [&](const MofCompiler& compiler, SchemaRepository& repository) {
        return compiler.compileString(text, sourceName, repository);
    });
}

MofCompileResult Cimom::loadMofFile(const std::filesystem::path& file, const MofCompileOptions& options) {
    return impl_->load(options, file.string(), [&](const MofCompiler& compiler, SchemaRepository& repository) {
        return compiler.compileFile(file, repository);
    });
}

MofCompileResult Cimom::loadMofFiles(const std::vector<std::filesystem::path>& files,
                                     const MofCompileOptions& options) {
    std::string names;
    for (const auto& file : files) names += (names.empty() ? "" : ", ") + file.string();
    return impl_->load(options, names, [&](const MofCompiler& compiler, SchemaRepository& repository) {
        return compiler.compileFiles(files, repository);
    });
}

// ---- Cimom: namespaces and classes --------------------------------------------------

void Cimom::createNamespace(std::string_view nameSpace) {
    const std::string name = checkedNamespaceName(nameSpace);
    std::lock_guard writers(impl_->schemaWriters);
    const auto current = impl_->snapshot();
    if (current->find(name) != nullptr) return;
    auto next = std::make_shared<SchemaRepository>(*current);
    next->getOrCreate(name);
    impl_->publish(std::move(next));
}

bool Cimom::hasNamespace(std::string_view nameSpace) const {
    return impl_->snapshot()->find(normalizeNamespace(nameSpace)) != nullptr;
}

std::vector<std::string> Cimom::namespaces() const {
    return impl_->snapshot()->namespaces();
}

void Cimom::addClass(std::string_view nameSpace, const CimClass& cls) {
    const std::string name = checkedNamespaceName(nameSpace);
    std::lock_guard writers(impl_->schemaWriters);
    auto next = std::make_shared<SchemaRepository>(*impl_->snapshot());
    SchemaNamespace& ns = next->getOrCreate(name);
    if (ns.findClass(cls.name) != nullptr) {
        throw CimError(CimStatus::AlreadyExists, "class '" + cls.name + "' already exists in namespace " + name);
    }
    ns.putClass(std::make_shared<const CimClass>(detail::resolveIncomingClass(ns, cls)));
    impl_->publish(std::move(next));
}

void Cimom::removeClass(std::string_view nameSpace, std::string_view className) {
    const std::string name = checkedNamespaceName(nameSpace);
    std::lock_guard writers(impl_->schemaWriters);
    const auto current = impl_->snapshot();
    const SchemaNamespace* existing = current->find(name);
    if (existing == nullptr) {
        throw CimError(CimStatus::InvalidNamespace, "namespace '" + name + "' does not exist");
    }
    if (existing->findClass(className) == nullptr) {
        throw CimError(CimStatus::InvalidClass,
                       "class '" + std::string(className) + "' does not exist in namespace " + name);
    }
    if (!existing->subclassNames(className, false).empty()) {
        throw CimError(CimStatus::ClassHasChildren,
                       "class '" + std::string(className) + "' has subclasses; remove them first");
    }
    auto next = std::make_shared<SchemaRepository>(*current);
    next->find(name)->removeClass(className);
    impl_->publish(std::move(next));
    impl_->runtimeFor(existing->name()).store.eraseClass(className);
}

ClassPtr Cimom::findClass(std::string_view nameSpace, std::string_view className) const {
    const auto current = impl_->snapshot();
    const SchemaNamespace* ns = current->find(nameSpace);
    return ns == nullptr ? nullptr : ns->findClass(className);
}

// ---- Cimom: providers ---------------------------------------------------------------

void Cimom::registerProvider(std::string_view nameSpace, std::string_view className,
                             std::shared_ptr<InstanceProvider> instances, std::shared_ptr<MethodProvider> methods) {
    NamespaceView ns = impl_->view(nameSpace);
    const ClassPtr cls = ns.findClass(className);
    if (cls == nullptr) {
        throw CimError(CimStatus::InvalidClass, "cannot register a provider for class '" + std::string(className) +
                                                    "': it does not exist in namespace " + std::string(ns.name));
    }
    if (!instances && !methods) {
        throw CimError(CimStatus::InvalidParameter, "registerProvider for '" + cls->name + "' needs a provider");
    }
    ns.runtime->providers.add(cls->name, std::move(instances), std::move(methods));
}

void Cimom::unregisterProvider(std::string_view nameSpace, std::string_view className) {
    NamespaceView ns = impl_->view(nameSpace);
    if (!ns.runtime->providers.remove(className)) {
        throw CimError(CimStatus::NotFound, "no provider is registered for class '" + std::string(className) +
                                                "' in namespace " + std::string(ns.name));
    }
}

}  // namespace wmimock
