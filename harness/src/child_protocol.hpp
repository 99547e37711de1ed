// The messages an isolated worker (child process) sends its parent, one JSON line each:
// the plan it found, each check it begins and its result, restore notes, a fatal setup
// error, and the end. One variant, one encode/decode pair; nothing else crosses the pipe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "target_plan.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/conformance/result.hpp"
#include "wmimock/conformance/session.hpp"

namespace wmimock::harness::child {

/// The target opened: its plan and the instances' states recorded when the session began.
struct Plan {
    TargetPlan plan;
    std::vector<conformance::Session::InitialState> initial;
};
/// Item `item` of the plan starts now (the parent's watchdog runs from here).
struct Begin {
    std::size_t item = 0;
    std::uint64_t posts = 0;  ///< the activity board's post count when the check began
};
struct Result {
    std::size_t item = 0;
    conformance::CheckResult result;
};
/// Something to tell the user that belongs to no single check.
struct Note {
    std::string text;
};
/// The target or the session could not be opened. `badUsage`: the user's own options are
/// wrong (a --class, --namespace or --instance the target does not have); otherwise the
/// target failed (unreachable, not a plugin, ...).
struct Fatal {
    CimStatus status = CimStatus::Failed;
    std::string message;
    bool badUsage = false;
};
/// The worker finished its items (`stopped`: it stopped early because the parent asked).
struct Done {
    bool stopped = false;
};

using Message = std::variant<Plan, Begin, Result, Note, Fatal, Done>;

std::string encode(const Message& message);
/// The message on one line; nullopt for a line that is not one (never throws).
std::optional<Message> decode(std::string_view line);

}  // namespace wmimock::harness::child
