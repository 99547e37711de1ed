#include "snapshot.hpp"

#include "wmimock/cim/error.hpp"
#include "wmimock/cim/property_as.hpp"

namespace wmimock::conformance {

Snapshot Snapshot::of(const Instance& instance) {
    Snapshot s;
    s.started = propertyAs<bool>(instance, "Started");
    s.enabledState = propertyAs<std::uint16_t>(instance, "EnabledState");
    s.otherEnabledState = propertyAs<std::string>(instance, "OtherEnabledState");
    s.requestedState = propertyAs<std::uint16_t>(instance, "RequestedState");
    s.transitioningToState = propertyAs<std::uint16_t>(instance, "TransitioningToState");
    s.enabledDefault = propertyAs<std::uint16_t>(instance, "EnabledDefault");
    s.timeOfLastStateChange = propertyAs<CimDateTime>(instance, "TimeOfLastStateChange");
    s.availableRequestedStates = propertyAs<std::vector<std::uint16_t>>(instance, "AvailableRequestedStates");
    s.startMode = propertyAs<std::string>(instance, "StartMode");
    s.serviceState = propertyAs<std::string>(instance, "State");
    return s;
}

std::string optionalText(const std::optional<std::uint16_t>& v) {
    return v ? std::to_string(*v) : "NULL";
}
std::string optionalText(const std::optional<bool>& v) {
    return v ? (*v ? "TRUE" : "FALSE") : "NULL";
}

std::string Snapshot::toString() const {
    std::string out = "Started=" + optionalText(started) + " EnabledState=" + optionalText(enabledState);
    if (otherEnabledState) {
        out += " OtherEnabledState=\"" + *otherEnabledState + "\"";
    }
    out += " RequestedState=" + optionalText(requestedState) +
           " TransitioningToState=" + optionalText(transitioningToState) +
           " EnabledDefault=" + optionalText(enabledDefault);
    out += " TimeOfLastStateChange=" + (timeOfLastStateChange ? timeOfLastStateChange->toString() : "NULL");
    if (availableRequestedStates) {
        out += " AvailableRequestedStates={";
        for (std::size_t i = 0; i < availableRequestedStates->size(); ++i) {
            out += (i ? "," : "") + std::to_string((*availableRequestedStates)[i]);
        }
        out += "}";
    }
    if (startMode) {
        out += " StartMode=" + *startMode;
    }
    if (serviceState) {
        out += " State=\"" + *serviceState + "\"";
    }
    return out;
}

bool Snapshot::settled() const noexcept {
    return !transitioningToState || *transitioningToState == requested_state::kNoChange ||
           *transitioningToState == requested_state::kNotApplicable;
}

std::string_view toString(RunState state) noexcept {
    switch (state) {
        case RunState::Running:
            return "running";
        case RunState::Stopped:
            return "stopped";
        case RunState::Transitioning:
            return "transitioning";
        case RunState::Unknown:
            return "unknown";
    }
    return "unknown";
}

bool Snapshot::pending() const noexcept {
    constexpr std::string_view suffix = " Pending";
    return serviceState && serviceState->size() > suffix.size() && serviceState->ends_with(suffix);
}

RunState runState(const Snapshot& s) noexcept {
    if (!s.modelsEnablement()) {
        if (!s.started) {
            return RunState::Unknown;
        }
        if (s.pending()) return RunState::Transitioning;
        return *s.started ? RunState::Running : RunState::Stopped;
    }
    switch (*s.enabledState) {
        case enabled_state::kEnabled:
        case enabled_state::kEnabledButOffline:
        case enabled_state::kQuiesce:
            return s.settled() ? RunState::Running : RunState::Transitioning;
        case enabled_state::kDisabled:
            return s.settled() ? RunState::Stopped : RunState::Transitioning;
        case enabled_state::kShuttingDown:
        case enabled_state::kStarting:
            return RunState::Transitioning;
        default:
            return RunState::Unknown;
    }
}

std::optional<RunState> heading(const Snapshot& s) noexcept {
    if (s.transitioningToState) {
        switch (*s.transitioningToState) {
            case requested_state::kEnabled:
            case requested_state::kOffline:
            case requested_state::kQuiesce:
                return RunState::Running;
            case requested_state::kDisabled:
                return RunState::Stopped;
            default:
                break;
        }
    }
    if (s.enabledState == enabled_state::kStarting) return RunState::Running;
    if (s.enabledState == enabled_state::kShuttingDown) return RunState::Stopped;
    if (s.serviceState == "Start Pending" || s.serviceState == "Continue Pending") return RunState::Running;
    if (s.serviceState == "Stop Pending") return RunState::Stopped;
    return std::nullopt;
}

bool identical(const Snapshot& a, const Snapshot& b) noexcept {
    return a.started == b.started && a.enabledState == b.enabledState && a.otherEnabledState == b.otherEnabledState &&
           a.requestedState == b.requestedState && a.transitioningToState == b.transitioningToState &&
           a.enabledDefault == b.enabledDefault && a.timeOfLastStateChange == b.timeOfLastStateChange &&
           a.availableRequestedStates == b.availableRequestedStates && a.startMode == b.startMode &&
           a.serviceState == b.serviceState;
}

namespace {

std::string text(const std::optional<std::string>& v) {
    return v ? "\"" + *v + "\"" : "NULL";
}
std::string text(const std::optional<CimDateTime>& v) {
    return v ? v->toString() : "NULL";
}
std::string text(const std::optional<std::vector<std::uint16_t>>& v) {
    if (!v) return "NULL";
    std::string out = "{";
    for (std::size_t i = 0; i < v->size(); ++i) out += (i ? "," : "") + std::to_string((*v)[i]);
    return out + "}";
}
std::string text(const std::optional<std::uint16_t>& v) {
    return optionalText(v);
}
std::string text(const std::optional<bool>& v) {
    return optionalText(v);
}

template <typename T>
void note(std::string& out, std::string_view name, const T& a, const T& b) {
    if (a == b) return;
    if (!out.empty()) out += ", ";
    out += std::string(name) + " " + text(a) + "->" + text(b);
}

}  // namespace

std::string difference(const Snapshot& a, const Snapshot& b) {
    std::string out;
    note(out, "Started", a.started, b.started);
    note(out, "EnabledState", a.enabledState, b.enabledState);
    note(out, "OtherEnabledState", a.otherEnabledState, b.otherEnabledState);
    note(out, "RequestedState", a.requestedState, b.requestedState);
    note(out, "TransitioningToState", a.transitioningToState, b.transitioningToState);
    note(out, "EnabledDefault", a.enabledDefault, b.enabledDefault);
    note(out, "TimeOfLastStateChange", a.timeOfLastStateChange, b.timeOfLastStateChange);
    note(out, "AvailableRequestedStates", a.availableRequestedStates, b.availableRequestedStates);
    note(out, "StartMode", a.startMode, b.startMode);
    note(out, "State", a.serviceState, b.serviceState);
    return out;
}

bool laterChange(const Snapshot& before, const Snapshot& after) {
    if (!before.timeOfLastStateChange || !after.timeOfLastStateChange) return false;
    try {
        return after.timeOfLastStateChange->toTimePoint() > before.timeOfLastStateChange->toTimePoint();
    } catch (const CimError&) {
        return after.timeOfLastStateChange->toString() > before.timeOfLastStateChange->toString();
    }
}

bool sameRunState(const Snapshot& a, const Snapshot& b) noexcept {
    return a.started == b.started && a.enabledState == b.enabledState && a.otherEnabledState == b.otherEnabledState &&
           a.serviceState == b.serviceState;
}

}  // namespace wmimock::conformance
