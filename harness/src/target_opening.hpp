// Opening a target and its session, telling the user's mistakes from the target's failures.
#pragma once

#include <memory>
#include <string>
#include <variant>

#include "wmimock/cim/error.hpp"
#include "wmimock/conformance/session.hpp"
#include "wmimock/conformance/target.hpp"
#include "wmimock/harness/runner.hpp"

namespace wmimock::harness {

struct OpenedTarget {
    std::unique_ptr<conformance::Target> target;
    std::unique_ptr<conformance::Session> session;
};

/// Why a target could not be opened. `badUsage`: the user's --class/--namespace/--instance
/// does not exist there (exit 2); otherwise the target failed (a result of its own, exit 1).
struct OpenFailure {
    CimStatus status = CimStatus::Failed;
    std::string message;
    bool badUsage = false;
};

/// Opens `spec` (or uses `target` when given) and starts a session on it. Never throws
/// CimError: a failure comes back as OpenFailure.
std::variant<OpenedTarget, OpenFailure> openWithSession(const std::string& spec, const RunOptions& options,
                                                        std::unique_ptr<conformance::Target> target = nullptr);

}  // namespace wmimock::harness
