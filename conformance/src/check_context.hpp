// What a check works with: a Probe that reads T, a Driver that acts on T and waits, the
// snapshots taken when the session and the check began, the evidence, and the setup
// precondition require(). The check returns its Verdict (verdict.hpp); the engine hands it
// to finish().
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "driver.hpp"
#include "evidence_log.hpp"
#include "observed_client.hpp"
#include "probe.hpp"
#include "snapshot.hpp"
#include "verdict.hpp"
#include "wmimock/client/cim_client.hpp"
#include "wmimock/conformance/result.hpp"
#include "wmimock/conformance/session.hpp"
#include "wmimock/conformance/target.hpp"

namespace wmimock::conformance {

/// What a check needs of T before it can judge anything. The engine looks before the check
/// runs and reports NOT SUPPORTED with the reason when T lacks it, so no check repeats it.
enum class Needs : unsigned {
    Nothing = 0,
    /// T models enablement: EnabledState is present and not 5 (Not Applicable). Without it
    /// the RequestStateChange rules do not apply (catalog CON-006).
    Enablement = 1U << 0,
};
constexpr Needs operator|(Needs a, Needs b) noexcept {
    return static_cast<Needs>(static_cast<unsigned>(a) | static_cast<unsigned>(b));
}
constexpr bool has(Needs set, Needs one) noexcept {
    return (static_cast<unsigned>(set) & static_cast<unsigned>(one)) != 0;
}

class CheckContext {
public:
    /// `baseline`: S(T) when the session began (before any check touched T); none: the
    /// snapshot taken now.
    /// `onActivity` (may be empty) hears each call and each wait before it starts.
    CheckContext(Target& target, std::string nameSpace, ObjectPath instance, const CheckSettings& settings,
                 CheckResult& result, std::optional<Snapshot> baseline = std::nullopt,
                 std::function<void(std::string_view)> onActivity = {});
    CheckContext(const CheckContext&) = delete;
    CheckContext& operator=(const CheckContext&) = delete;

    /// Reads T and what its class says, changing nothing.
    Probe& probe() noexcept { return probe_; }
    /// Calls, state changes carried to their end, waits and setup.
    Driver& driver() noexcept { return driver_; }

    // ---- what is under test ---------------------------------------------------------
    /// The target's client, observed: every call is announced and undefined status codes
    /// are kept for ERR-011. For the calls the Driver has no words for.
    CimClient& client() noexcept { return client_; }
    Target& target() noexcept { return target_; }
    Clock& clock() { return target_.clock(); }
    const ObjectPath& path() const noexcept { return probe_.path(); }
    const std::string& nameSpace() const noexcept { return probe_.nameSpace(); }
    const CheckSettings& settings() const noexcept { return settings_; }
    /// The snapshot taken when the check began.
    const Snapshot& initial() const noexcept { return initial_; }
    /// The snapshot taken when the session began, before any check of the run touched T.
    const Snapshot& baseline() const noexcept { return baseline_ ? *baseline_ : initial_; }
    /// Why T lacks what `needs` names (the engine's NOT SUPPORTED message), or nothing.
    std::optional<std::string> unmet(Needs needs) const;

    // ---- evidence --------------------------------------------------------------------
    void evidence(std::string line) { evidence_.add(std::move(line)); }
    void log(std::string line) { evidence_.log(std::move(line)); }
    /// While false, calls and snapshots are not recorded (long loops record a summary).
    void setRecording(bool on) noexcept { evidence_.setRecording(on); }

    /// A check's setup precondition: T brought to `want`; when it cannot be, the verdict
    /// the check returns (precondition not reachable, reported as not-supported):
    /// `if (auto unmet = ctx.require(Want::Running)) return *unmet;`
    std::optional<Verdict> require(Want want);

    /// Writes `verdict` into the result: outcome, message, expected and actual, with the
    /// undefined status codes the target answered (ERR-011).
    void finish(const Verdict& verdict);

private:
    Target& target_;
    const CheckSettings& settings_;
    CheckResult& result_;
    EvidenceLog evidence_;
    ObservedClient client_;
    Probe probe_;
    Driver driver_;
    Snapshot initial_;
    std::optional<Snapshot> baseline_;
};

}  // namespace wmimock::conformance
