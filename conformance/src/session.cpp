#include "wmimock/conformance/session.hpp"

#include <algorithm>

#include "check_context.hpp"
#include "check_registry.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/conformance/rule.hpp"

namespace wmimock::conformance {

struct Session::Impl {
    Target& target;
    SessionOptions options;
    std::string nameSpace;
    std::string className;
    std::vector<ObjectPath> instances;
    std::vector<InitialState> initial;
    std::vector<std::optional<Snapshot>> baselines;  ///< S(T) of each instance at construction
    std::vector<std::optional<Instance>> found;      ///< each instance as found, for configuration
    std::function<void(std::string_view)> onActivity;

    Impl(Target& t, SessionOptions o) : target(t), options(std::move(o)) {}

    RunState stateOf(const ObjectPath& p) { return runState(Snapshot::of(target.client().getInstance(p))); }
};

namespace {

/// The suite tests StopService and RequestStateChange: a class that is no CIM_Service and
/// declares neither has nothing to test (a typo'd --class, a CIM_ComputerSystem).
void requireServiceClass(CimClient& client, const std::string& nameSpace, const std::string& className) {
    GetClassOptions options;  // local only: "declares" means the class itself, not CIM_EnabledLogicalElement
    options.includeQualifiers = false;
    const CimClass cls = client.getClass(nameSpace, className, options);
    if (cls.findMethod("StopService") != nullptr || cls.findMethod("RequestStateChange") != nullptr) return;
    for (std::string super = cls.superClass; !super.empty();) {
        if (iequals(super, "CIM_Service")) return;
        try {
            super = client.getClass(nameSpace, super, options).superClass;
        } catch (const CimError&) {
            break;
        }
    }
    throw CimError(CimStatus::InvalidClass, className + " in " + nameSpace +
                                                " is not a service: it is no subclass of CIM_Service and declares "
                                                "neither StopService nor RequestStateChange");
}

}  // namespace

Session::Session(Target& target, SessionOptions options) : impl_(std::make_unique<Impl>(target, std::move(options))) {
    Impl& s = *impl_;
    s.nameSpace = s.options.nameSpace.empty() ? target.defaultNamespace() : normalizeNamespace(s.options.nameSpace);
    s.className = s.options.className.empty() ? target.defaultClass() : s.options.className;
    CimClient& client = target.client();
    if (!s.options.instancePath.empty()) {
        ObjectPath p = ObjectPath::parse(s.options.instancePath);
        if (p.nameSpace().empty()) p.setNameSpace(s.nameSpace);
        s.nameSpace = p.nameSpace();
        s.className = p.className();
        client.getInstance(p);  // NotFound when it does not exist: a bad option, reported before any check
        s.instances.push_back(std::move(p));
    } else {
        requireServiceClass(client, s.nameSpace, s.className);  // NotFound / InvalidNamespace for bad options
        for (ObjectPath p : client.enumerateInstanceNames(s.nameSpace, s.className)) {
            if (p.nameSpace().empty()) p.setNameSpace(s.nameSpace);
            s.instances.push_back(std::move(p));
        }
        std::sort(s.instances.begin(), s.instances.end(),
                  [](const ObjectPath& a, const ObjectPath& b) { return a.toString() < b.toString(); });
    }
    for (const ObjectPath& p : s.instances) {
        InitialState state{p.toString(), false, false};
        s.baselines.emplace_back();
        s.found.emplace_back();
        try {
            s.found.back() = client.getInstance(p);
            s.baselines.back() = Snapshot::of(*s.found.back());
            const RunState r = runState(*s.baselines.back());
            state.known = r == RunState::Running || r == RunState::Stopped;
            state.running = r == RunState::Running;
        } catch (const CimError&) {
        }
        s.initial.push_back(std::move(state));
    }
}

Session::~Session() = default;

void Session::onActivity(std::function<void(std::string_view)> listener) {
    impl_->onActivity = std::move(listener);
}

Target& Session::target() noexcept {
    return impl_->target;
}
const std::string& Session::nameSpace() const noexcept {
    return impl_->nameSpace;
}
const std::string& Session::className() const noexcept {
    return impl_->className;
}
const std::vector<ObjectPath>& Session::instances() const noexcept {
    return impl_->instances;
}

std::vector<Session::InitialState> Session::initialStates() const {
    return impl_->initial;
}

void Session::setInitialStates(const std::vector<InitialState>& states) {
    for (auto& mine : impl_->initial) {
        const auto it =
            std::find_if(states.begin(), states.end(), [&](const InitialState& s) { return s.path == mine.path; });
        if (it != states.end()) mine = *it;
    }
}

CheckResult Session::run(const CheckInfo& check, const ObjectPath& instance) {
    Impl& s = *impl_;
    CheckResult r;
    r.ruleId = std::string(check.ruleId);
    r.title = std::string(check.title);
    if (const Rule* rule = findRule(check.ruleId)) {
        r.level = rule->level;
        r.ruleSource = std::string(rule->source);
    }
    r.target = s.target.name();
    r.nameSpace = s.nameSpace;
    r.className = s.className;
    r.instancePath = instance.toString();
    r.sourceFile = std::string(check.sourceFile);
    r.sourceLine = check.sourceLine;
    const auto started = std::chrono::steady_clock::now();
    const CheckDef* def = findCheck(check);
    if (def == nullptr) {
        r.outcome = Outcome::Error;
        r.message = "no such check: " + filterKey(check);
        return r;
    }
    try {
        const auto at = std::find(s.instances.begin(), s.instances.end(), instance);
        const std::size_t index = static_cast<std::size_t>(at - s.instances.begin());
        std::optional<Snapshot> baseline = index < s.baselines.size() ? s.baselines[index] : std::nullopt;
        CheckContext ctx(s.target, s.nameSpace, instance, s.options.settings, r, std::move(baseline), s.onActivity);
        const auto why = ctx.unmet(def->needs);
        ctx.finish(why ? verdict::notSupported(*why) : def->run(ctx));
    } catch (const CimError& e) {
        r.outcome = Outcome::Error;
        r.message = std::string("the check could not run: ") + e.what();
    } catch (const std::exception& e) {
        r.outcome = Outcome::Error;
        r.message = std::string("the check could not run: ") + e.what();
    }
    r.duration = std::chrono::steady_clock::now() - started;
    return r;
}

std::vector<std::string> Session::restore() {
    Impl& s = *impl_;
    std::vector<std::string> notes;
    CheckResult scratch;  // restore calls are not evidence of any check
    const auto pending = [&] {
        std::vector<std::size_t> out;
        for (std::size_t i = 0; i < s.instances.size(); ++i) {
            if (!s.initial[i].known) continue;
            try {
                const RunState now = s.stateOf(s.instances[i]);
                if (now != (s.initial[i].running ? RunState::Running : RunState::Stopped)) out.push_back(i);
            } catch (const CimError&) {
                out.push_back(i);
            }
        }
        return out;
    };
    // Stops first, then starts, so that dependencies resolve; a few passes settle chains.
    for (std::size_t pass = 0; pass <= s.instances.size(); ++pass) {
        const auto todo = pending();
        if (todo.empty()) break;
        for (const bool wantRunning : {false, true}) {
            for (const std::size_t i : todo) {
                if (s.initial[i].running != wantRunning) continue;
                try {
                    scratch.evidence.clear();
                    // Only a driver: a restore judges nothing, so no check's initial snapshot.
                    EvidenceLog evidence(scratch);
                    ObservedClient client(s.target.client(), s.onActivity);
                    Probe probe(client, s.nameSpace, s.instances[i], evidence);
                    Driver driver(client, s.target.clock(), s.options.settings, probe, evidence, s.onActivity);
                    wantRunning ? driver.bringUp(s.instances[i]) : driver.bringDown(s.instances[i]);
                } catch (const CimError&) {
                }
            }
        }
    }
    // Configuration an implementation changed as a side effect (EnabledDefault, StartMode)
    // goes back through ModifyInstance, where the implementation allows it.
    for (std::size_t i = 0; i < s.instances.size(); ++i) {
        if (!s.found[i]) continue;
        try {
            const Instance now = s.target.client().getInstance(s.instances[i]);
            Instance back(now.className());
            back.setPath(s.instances[i]);
            std::vector<std::string> names;
            for (const char* name : {"EnabledDefault", "StartMode"}) {
                const Value* was = s.found[i]->find(name);
                const Value* is = now.find(name);
                if (was == nullptr || is == nullptr || *was == *is) continue;
                back.set(name, *was);
                names.emplace_back(name);
            }
            if (names.empty()) continue;
            try {
                s.target.client().modifyInstance(back, names);
            } catch (const CimError& e) {
                notes.push_back("could not restore the configuration of " + s.instances[i].toString() + ": " +
                                e.what());
            }
        } catch (const CimError&) {
        }
    }
    for (const std::size_t i : pending()) {
        std::string now = "unknown";
        try {
            now = std::string(toString(s.stateOf(s.instances[i])));
        } catch (const CimError& e) {
            now = e.what();
        }
        notes.push_back("could not restore " + s.instances[i].toString() + " to " +
                        (s.initial[i].running ? "running" : "stopped") + " (now " + now + ")");
    }
    return notes;
}

}  // namespace wmimock::conformance
