// The rules catalog as data. IDs, levels and sources follow
// ../shared/spec/stopservice-conformance.md; tests/conformance/catalog_test.cpp keeps the two
// in step (every rule of the spec is here, either checked or with the reason it is not).
#include <algorithm>
#include <array>

#include "wmimock/cim/names.hpp"
#include "wmimock/conformance/rule.hpp"

namespace wmimock::conformance {
namespace {

constexpr Level Must = Level::Must;
constexpr Level Should = Level::Should;
constexpr Level May = Level::May;

constexpr std::array kRules{
    // ---- SS: CIM_Service.StopService -------------------------------------------------
    Rule{"SS-001", Must, "MUST", "successful StopService returns 0", "SVC; HV-SS", true, {}},
    Rule{"SS-002", Must, "MUST/SHOULD", "after a 0 return: Started FALSE, EnabledState 3", "SVC; ELE", true, {}},
    Rule{"SS-003", Must, "MUST", "return 1 means not supported and nothing changes", "SVC", true, {}},
    Rule{"SS-004", Should, "SHOULD", "other non-zero codes leave a coherent state", "SVC; ELE", true, {}},
    Rule{"SS-005", Must, "MUST", "returned codes belong to the method ValueMap; Values aligned", "SVC", true, {}},
    Rule{"SS-006",
         Must,
         "MUST/SHOULD",
         "no-parameter call works; an extra parameter is rejected",
         "SVC; DSP0200-list",
         true,
         {}},
    Rule{"SS-007", Should, "SHOULD", "StopService sets RequestedState to 3", "SVC; ELE; CAP", true, {}},
    Rule{"SS-008",
         Must,
         "MUST/SHOULD",
         "stop on a stopped service: state unchanged, 0 preferred",
         "SVC; ELE; PEG-IS; W32-SS",
         true,
         {}},
    Rule{"SS-009", May, "MAY", "the deprecated method may be unimplemented: skip, not fail", "SVC", false,
         "harness behaviour: every SS check reports not-supported when StopService answers 1, "
         "CIM_ERR_NOT_SUPPORTED or CIM_ERR_METHOD_NOT_AVAILABLE; nothing to verify in the implementation"},
    Rule{"SS-010", May, "MAY", "a 0 return may precede the end of the transition", "W32-SS", false,
         "harness behaviour: every post-state check polls with Settle() up to --settle-timeout before "
         "judging; nothing to verify in the implementation"},
    Rule{"SS-020", Must, "MUST", "StartService returns 0 and yields Started TRUE, EnabledState 2", "SVC", true, {}},
    Rule{"SS-021", Should, "SHOULD", "stop/start/stop round trip is stable", "SVC", true, {}},
    // ---- RSC: CIM_EnabledLogicalElement.RequestStateChange ---------------------------
    Rule{
        "RSC-001", Must, "MUST", "return value is in the RequestStateChange ValueMap, never reserved", "ELE", true, {}},
    Rule{"RSC-002", Must, "MUST", "0 means initiated; the element reaches the requested state", "ELE", true, {}},
    Rule{"RSC-003", Must, "MUST", "RequestedState property is set on 0 or 4096", "ELE; HV-RSC", true, {}},
    Rule{"RSC-004", Should, "SHOULD", "a rejected request leaves RequestedState untouched", "ELE", true, {}},
    Rule{"RSC-005", Must, "MUST", "states outside RequestedStatesSupported are refused", "CAP; ELE; PEG-IS", true, {}},
    Rule{"RSC-006", Must, "MUST", "AvailableRequestedStates is a subset of RequestedStatesSupported", "ELE", true, {}},
    Rule{"RSC-007", Should, "SHOULD", "listed states are never answered with 1 (Not Supported)", "VPROF", true, {}},
    Rule{"RSC-008",
         Must,
         "MUST",
         "TimeoutPeriod: 0/NULL accepted, unsupported -> 4098, too short -> 3",
         "ELE; PEG-IS",
         true,
         {}},
    Rule{"RSC-009",
         Must,
         "MUST",
         "invalid RequestedState values are refused (5 / INVALID_PARAMETER)",
         "ELE; DSP0200-list",
         true,
         {}},
    Rule{"RSC-010",
         Must,
         "MUST",
         "missing or ill-typed RequestedState is rejected",
         "DSP0200-list; PEG-IS; PEG-DISP",
         true,
         {}},
    Rule{"RSC-011",
         Must,
         "MUST/SHOULD",
         "requesting the current state changes nothing, 0 preferred",
         "ELE; PEG-IS",
         true,
         {}},
    Rule{"RSC-012", Must, "MUST", "TransitioningToState follows the 5 / 12 / target semantics", "ELE", true, {}},
    Rule{"RSC-013",
         May,
         "MAY",
         "only 4 (stopping) and 10 (starting) appear as transient states",
         "ELE; PEG-IS",
         true,
         {}},
    Rule{"RSC-014", Must, "MUST", "TimeOfLastStateChange moves only on real state changes", "ELE", true, {}},
    Rule{"RSC-015", Must, "MUST", "OtherEnabledState is NULL unless EnabledState is 1", "ELE", true, {}},
    Rule{"RSC-016", Should, "SHOULD", "failing codes leave the element unchanged", "ELE; PEG-IS", true, {}},
    // ---- CON: StopService and RequestStateChange agree -------------------------------
    Rule{"CON-001",
         Must,
         "MUST",
         "StopService and RequestStateChange(3) reach the same end state",
         "SVC; ELE",
         true,
         {}},
    Rule{"CON-002", Should, "SHOULD", "Started agrees with EnabledState", "SVC; ELE", true, {}},
    Rule{"CON-003",
         Should,
         "SHOULD",
         "StopService records the same RequestedState as RequestStateChange(3)",
         "SVC; ELE",
         true,
         {}},
    Rule{"CON-004", Should, "SHOULD", "round trips mixing both methods work", "SVC; ELE", true, {}},
    Rule{"CON-005", Should, "SHOULD NOT", "stop/start do not change EnabledDefault or StartMode", "ELE; SVC", true, {}},
    Rule{"CON-006", May, "MAY", "an element with EnabledState 5 skips the RequestStateChange rules", "ELE", false,
         "harness behaviour: when the tested instance reports EnabledState 5 or NULL, every RSC, JOB and "
         "RequestStateChange-based CON/CONC check reports not-supported and the SS checks judge Started only"},
    Rule{"CON-007", Should, "SHOULD", "capabilities are reachable and well formed", "CAP", true, {}},
    // ---- ERR: CIM status errors ------------------------------------------------------
    Rule{"ERR-001", Must, "MUST", "a missing instance yields CIM_ERR_NOT_FOUND", "DSP0200-list; WMI-ERR", true, {}},
    Rule{"ERR-002",
         Must,
         "MUST",
         "a missing class yields CIM_ERR_NOT_FOUND (INVALID_CLASS tolerated)",
         "DSP0200-list; PEG-DISP",
         true,
         {}},
    Rule{"ERR-003",
         Must,
         "MUST",
         "an unknown method yields CIM_ERR_METHOD_NOT_FOUND (16 tolerated)",
         "DSP0200-list; ERRCLS; PEG-DISP; WMI-ERR",
         true,
         {}},
    Rule{"ERR-004",
         Must,
         "MUST",
         "bad parameters yield INVALID_PARAMETER / TYPE_MISMATCH / RSC 5",
         "DSP0200-list; PEG-IS; PEG-DISP; WMI-ERR",
         true,
         {}},
    Rule{
        "ERR-005", Must, "MUST", "a bad namespace yields CIM_ERR_INVALID_NAMESPACE", "DSP0200-list; WMI-ERR", true, {}},
    Rule{"ERR-006",
         Must,
         "MUST",
         "unimplemented methods answer 1, NOT_SUPPORTED or METHOD_NOT_AVAILABLE",
         "SVC; ERRCLS; DSP0200-list; WMI-ERR; PEG-DISP",
         true,
         {}},
    Rule{"ERR-007",
         Should,
         "SHOULD",
         "when several errors apply the DSP0200 precedence decides",
         "DSP0200-list",
         true,
         {}},
    Rule{"ERR-008", Must, "MUST", "an unauthorized caller gets ACCESS_DENIED and nothing changes",
         "DSP0200-list; WMI-ERR; W32-SS", false,
         "needs a second, low-privilege identity: the fake CIMOM has no access control and the run options "
         "carry a single credential, so an unauthorized call cannot be made"},
    Rule{"ERR-009",
         Must,
         "MUST/SHOULD",
         "an error excludes a return value; errors have no side effects",
         "DSP0201; PEG-IS",
         true,
         {}},
    Rule{"ERR-010",
         Must,
         "MUST",
         "a malformed path yields INVALID_PARAMETER or NOT_FOUND",
         "DSP0200-list; WMI-ERR",
         true,
         {}},
    Rule{"ERR-011", Must, "MUST", "only defined CIM status codes are returned", "ERRCLS; DSP0200-list", true, {}},
    // ---- JOB: asynchronous completion ------------------------------------------------
    Rule{"JOB-001", Must, "MUST", "4096 comes with a retrievable CIM_ConcreteJob reference", "ELE; JOB", true, {}},
    Rule{"JOB-002", Should, "SHOULD", "a 0 return carries no job reference", "ELE", true, {}},
    Rule{"JOB-003", Must, "MUST/SHOULD", "JobState is valid, moves forward, terminal is final", "JOB", true, {}},
    Rule{"JOB-004",
         Must,
         "MUST",
         "the job reaches a terminal state; Completed means the element is there",
         "ELE; JOB",
         true,
         {}},
    Rule{"JOB-005", Should, "SHOULD", "a failed job reports an error and leaves a coherent element", "JOB", true, {}},
    Rule{"JOB-006", Must, "MUST", "a finished job stays retrievable during TimeBeforeRemoval", "JOB", true, {}},
    Rule{"JOB-007", Should, "SHOULD", "PercentComplete stays within 0..100 and does not decrease", "JOB", true, {}},
    Rule{"JOB-008", Must, "MUST", "JobOutParameters is NULL until Completed, then __ReturnValue is 0", "JOB", true, {}},
    Rule{"JOB-009",
         Must,
         "MUST/SHOULD",
         "RequestedState and TransitioningToState while the job runs",
         "ELE; HV-RSC",
         true,
         {}},
    Rule{"JOB-010",
         May,
         "MAY",
         "CIM_AffectedJobElement links the job and the service",
         "CIM_AffectedJobElement",
         true,
         {}},
    Rule{"JOB-011", Must, "MUST", "each job has its own InstanceID", "JOB", true, {}},
    // ---- CONC: concurrency and idempotency -------------------------------------------
    Rule{"CONC-001", Must, "MUST", "parallel StopService calls converge without hanging", "ELE; PEG-IS", true, {}},
    Rule{"CONC-002", Should, "SHOULD", "one effective stop; the extra calls are idempotent", "ELE", true, {}},
    Rule{"CONC-003", Must, "MUST", "mixed StopService and RequestStateChange(3) converge", "ELE", true, {}},
    Rule{"CONC-004", Must, "MUST", "racing stop and start end in one clean state", "ELE", true, {}},
    Rule{"CONC-005", Should, "SHOULD", "repeated stops keep the state and leak nothing", "JOB", true, {}},
    Rule{"CONC-006", Must, "MUST", "the mock is reproducible under concurrency with a fixed seed", "mock requirement",
         false,
         "a requirement on the fake CIMOM itself (per-instance serialization, seeded faults), covered by the "
         "cimom and services tests; one run against a target cannot observe reproducibility across runs"},
};

}  // namespace

std::string_view toString(Level level) noexcept {
    switch (level) {
        case Level::Must:
            return "MUST";
        case Level::Should:
            return "SHOULD";
        case Level::May:
            return "MAY";
    }
    return "MUST";
}

std::span<const Rule> rules() noexcept {
    return kRules;
}

const Rule* findRule(std::string_view id) noexcept {
    const auto it = std::find_if(kRules.begin(), kRules.end(), [&](const Rule& r) { return iequals(r.id, id); });
    return it == kRules.end() ? nullptr : &*it;
}

}  // namespace wmimock::conformance
