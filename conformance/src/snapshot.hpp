// S(T): the state properties of a service instance as the catalog's checks read them
// (catalog §0.3), and what "running" / "stopped" mean for an instance.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "wmimock/cim/datetime.hpp"
#include "wmimock/cim/instance.hpp"
#include "wmimock/cim/well_known.hpp"

namespace wmimock::conformance {

struct Snapshot {
    std::optional<bool> started;
    std::optional<std::uint16_t> enabledState;
    std::optional<std::string> otherEnabledState;
    std::optional<std::uint16_t> requestedState;
    std::optional<std::uint16_t> transitioningToState;
    std::optional<std::uint16_t> enabledDefault;
    std::optional<CimDateTime> timeOfLastStateChange;
    std::optional<std::vector<std::uint16_t>> availableRequestedStates;
    std::optional<std::string> startMode;
    /// Win32_BaseService.State ("Running", "Start Pending", ...), for classes that have it:
    /// the only sign of a transition in progress where EnabledState is not modelled.
    std::optional<std::string> serviceState;

    /// Reads the properties; absent, NULL or ill-typed ones stay empty.
    static Snapshot of(const Instance& instance);

    /// "Started=TRUE EnabledState=2 RequestedState=2 TransitioningToState=5 ..." (NULL shown).
    std::string toString() const;

    /// EnabledState says something about enablement (not NULL, not 5 Not Applicable);
    /// otherwise only Started tells running from stopped (catalog CON-006).
    bool modelsEnablement() const noexcept { return enabledState && *enabledState != 5; }
    /// No transition represented as running: TransitioningToState is 5, 12 or NULL.
    bool settled() const noexcept;
    /// State names a pending control ("Start Pending", "Stop Pending", ...).
    bool pending() const noexcept;
    /// RequestedState is not tracked in this snapshot: NULL or 12 (Not Applicable).
    bool requestedStateUntracked() const noexcept { return !requestedState || *requestedState == 12; }
};

enum class RunState { Running, Stopped, Transitioning, Unknown };
std::string_view toString(RunState state) noexcept;  // "running", "stopped", ...

/// Running: EnabledState 2 (or 6, 9) and settled; Stopped: EnabledState 3 and settled;
/// Transitioning: 4, 10 or a transition in progress. Without enablement (NULL or 5)
/// Started decides, unless State says a control is pending (Transitioning).
RunState runState(const Snapshot& s) noexcept;

/// Where a transitioning element is heading (catalog §0.3 Rev. 2: a restore lets it get
/// there first): Running for TransitioningToState 2 (or 6, 9), EnabledState 10 or a "Start
/// Pending"/"Continue Pending" State; Stopped for TransitioningToState 3, EnabledState 4 or
/// "Stop Pending"; nullopt when the snapshot does not say.
std::optional<RunState> heading(const Snapshot& s) noexcept;

/// Same observable state for the properties a restore or an "unchanged" verdict cares
/// about: Started, EnabledState, OtherEnabledState, State.
bool sameRunState(const Snapshot& a, const Snapshot& b) noexcept;

/// Every property of S(T) equal, TimeOfLastStateChange included (catalog SS-003).
bool identical(const Snapshot& a, const Snapshot& b) noexcept;
/// "EnabledState 2->3, Started TRUE->FALSE" for the properties that differ ("" if none).
std::string difference(const Snapshot& before, const Snapshot& after);
/// TimeOfLastStateChange of `after` is strictly later than that of `before` (both set).
bool laterChange(const Snapshot& before, const Snapshot& after);

std::string optionalText(const std::optional<std::uint16_t>& v);
std::string optionalText(const std::optional<bool>& v);

}  // namespace wmimock::conformance
