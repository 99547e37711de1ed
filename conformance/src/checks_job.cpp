// JOB: asynchronous completion of RequestStateChange (return 4096). Catalog §5.
#include <algorithm>
#include <array>
#include <map>
#include <regex>

#include "check_helpers.hpp"
#include "check_registry.hpp"

namespace wmimock::conformance {
namespace {

struct JobRequest {
    std::uint16_t requested = 0;
    Attempt attempt;
};

/// RequestStateChange(3) from running and (2) from stopped, `rounds` times; the requests
/// that returned any code are kept.
std::vector<JobRequest> requestBothWays(CheckContext& ctx, int rounds = 1) {
    std::vector<JobRequest> out;
    for (int i = 0; i < rounds; ++i) {
        if (ctx.driver().makeRunning()) out.push_back({3, ctx.driver().rsc(3)});
        if (ctx.driver().makeStopped()) out.push_back({2, ctx.driver().rsc(2)});
    }
    return out;
}

/// The requests of requestBothWays that returned 4096 (none when every request completed
/// synchronously: see noJobToJudge()).
std::vector<JobRequest> asyncRequests(CheckContext& ctx, int rounds = 1) {
    std::vector<JobRequest> all = requestBothWays(ctx, rounds);
    std::erase_if(all, [](const JobRequest& r) { return !r.attempt.call.returned(rsc_result::kJobStarted); });
    return all;
}

/// The verdict of a JOB check when no request returned 4096.
Verdict noJobToJudge() {
    return verdict::notSupported(
        "no RequestStateChange call returned 4096: the implementation completes synchronously");
}

/// "the job of RequestStateChange(3)": how the JOB checks name a request in their evidence.
std::string jobOf(const JobRequest& r) {
    return "the job of RequestStateChange(" + std::to_string(r.requested) + ")";
}

constexpr Rule kRuleJOB001{
    .id = "JOB-001",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy = "Stated by the 4096 code and the Job parameter.",
    .title = "4096 comes with a retrievable CIM_ConcreteJob reference",
    .statement =
        "A return of 4096 means the parameters were checked and a job started: the Job "
        "out parameter refers to a CIM_ConcreteJob (or a subclass) that GetInstance can"
        " read.",
    .source = "ELE; JOB",
    .procedure =
        "Reads the job of every 4096 of the run. FAIL naming each missing, unreadable "
        "or wrongly typed reference. NOT SUPPORTED when nothing returned 4096.",
};

WMIMOCK_CHECK(job001, kRuleJOB001.id, "JobReferenceUsable", Needs::Enablement) {
    const auto jobs = asyncRequests(ctx);
    if (jobs.empty()) return noJobToJudge();
    // Every 4096 of the run is judged, and each one that fails is named.
    std::vector<std::string> failures;
    for (const auto& r : jobs) {
        const CallOutcome& c = r.attempt.call;
        const std::string which = "RequestStateChange(" + std::to_string(r.requested) + ") -> 4096";
        if (!c.jobPresent) {
            failures.push_back(which + " with no Job out-parameter (or NULL)");
            continue;
        }
        if (!c.job) {
            failures.push_back(which + " with a Job out-parameter that is not a reference");
            continue;
        }
        if (!r.attempt.job || r.attempt.job->polls.empty() || !r.attempt.job->polls.front().found) {
            failures.push_back(
                which + ": GetInstance on " + c.job->toString() + " failed: " +
                (r.attempt.job && r.attempt.job->readError
                     ? std::string(statusName(*r.attempt.job->readError)) + " (" + r.attempt.job->readErrorMessage + ")"
                     : std::string("no job read")));
            continue;
        }
        try {
            GetClassOptions options;
            options.localOnly = false;
            const CimClass cls = ctx.client().getClass(c.job->nameSpace(), c.job->className(), options);
            if (!cls.isA("CIM_ConcreteJob")) {
                failures.push_back(which + ": the job's class " + c.job->className() + " is not a CIM_ConcreteJob");
            }
        } catch (const CimError& e) {
            failures.push_back(which + ": GetClass on the job's class failed: " + e.what());
        }
    }
    if (!failures.empty()) {
        return verdict::fail("a retrievable CIM_ConcreteJob reference with every 4096", joinCases(failures));
    }
    return verdict::pass("every 4096 came with a retrievable CIM_ConcreteJob");
}

constexpr Rule kRuleJOB002{
    .id = "JOB-002",
    .level = Level::Should,
    .levelText = "SHOULD",
    .levelWhy = "Our reading: the Job output is only described for 4096.",
    .title = "a 0 return carries no job reference",
    .statement = "When RequestStateChange returns 0, the Job out parameter is NULL or absent.",
    .source = "ELE",
    .procedure =
        "Looks at every 0 of the run. WARN on a 0 with a job reference. NOT SUPPORTED "
        "when nothing returned 0.",
};

WMIMOCK_CHECK(job002, kRuleJOB002.id, "NoJobOnSynchronousCompletion", Needs::Enablement) {
    int zeros = 0;
    for (const auto& r : requestBothWays(ctx)) {
        if (!r.attempt.call.returned(0)) continue;
        ++zeros;
        if (r.attempt.call.jobPresent) {
            return verdict::warn("RequestStateChange returned 0 with a Job reference: " + r.attempt.call.describe());
        }
    }
    if (zeros == 0) return verdict::notSupported("no RequestStateChange call returned 0");
    return verdict::pass("returns of 0 came without a Job reference");
}

bool validJobState(std::uint16_t s) {
    return (s >= job_state::kNew && s <= job_state::kQueryPending) || s >= 32768;
}

int forwardRank(std::uint16_t s) {
    switch (s) {
        case job_state::kNew:
            return 0;
        case job_state::kStarting:
            return 1;
        case job_state::kRunning:
            return 2;
        case job_state::kShuttingDown:
            return 3;
        default:
            return -1;
    }
}

constexpr Rule kRuleJOB003{
    .id = "JOB-003",
    .level = Level::Must,
    .levelText = "MUST/SHOULD",
    .levelWhy = "The values are stated (MUST); moving forward only is our reading (SHOULD).",
    .title = "JobState is valid, moves forward, terminal is final",
    .statement =
        "JobState takes values from its ValueMap, moves forward (New, Starting, "
        "Running, Shutting Down, then a terminal state) and never changes once terminal"
        " (Completed, Terminated, Killed, Exception).",
    .source = "JOB",
    .procedure =
        "Polls every job of the run. FAIL naming each invalid value or change after a "
        "terminal state; WARN when a job moves backwards.",
};

WMIMOCK_CHECK(job003, kRuleJOB003.id, "JobStateValidForwardOnly", Needs::Enablement) {
    const auto jobs = asyncRequests(ctx);
    if (jobs.empty()) return noJobToJudge();
    // Every job of the run is judged; each fault is named with its job.
    std::vector<std::string> failures, backwards;
    for (const auto& r : jobs) {
        if (!r.attempt.job) continue;  // JOB-001 reports missing references
        std::optional<std::uint16_t> terminal;
        int lastRank = -1;
        for (const auto& p : r.attempt.job->polls) {
            if (!p.jobState) continue;
            const auto s = *p.jobState;
            if (!validJobState(s)) {
                failures.push_back(jobOf(r) + ": JobState " + std::to_string(s) + ", not in the ValueMap");
                break;
            }
            if (terminal && s != *terminal) {
                failures.push_back(jobOf(r) + ": JobState " + std::to_string(s) + " after the terminal " +
                                   std::to_string(*terminal));
                break;
            }
            if (isTerminalJobState(s)) terminal = s;
            const int rank = forwardRank(s);
            if (rank >= 0 && rank < lastRank) backwards.push_back(jobOf(r) + ": back to " + std::to_string(s));
            lastRank = std::max(lastRank, rank);
        }
    }
    if (!failures.empty()) {
        return verdict::fail("valid JobState values, final once terminal, for every job", joinCases(failures));
    }
    if (!backwards.empty()) return verdict::warn("JobState moved backwards: " + joinCases(backwards));
    return verdict::pass("JobState values were valid and moved forward to a final terminal state");
}

/// Readable while it ran, then gone before any poll saw it end: catalog JOB-006 Rev. 2 owns
/// that fault ("removed without a retention period").
bool removedWhileRunning(const JobTrace& t) {
    return !t.terminal && t.readError == CimStatus::NotFound &&
           std::any_of(t.polls.begin(), t.polls.end(), [](const JobPoll& p) { return p.found; });
}

constexpr Rule kRuleJOB004{
    .id = "JOB-004",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy =
        "Our reading of the method's description (the element reaches the state) and of "
        "ErrorCode.",
    .title = "the job reaches a terminal state; Completed means the element is there",
    .statement =
        "A job reaches a terminal state within the job timeout; when it completes, the "
        "element is in the requested state.",
    .source = "ELE; JOB",
    .procedure =
        "Follows every job until a terminal state or --job-timeout. FAIL naming each "
        "job that never ended or completed with the element elsewhere. NOT SUPPORTED "
        "when no job could be followed.",
};

WMIMOCK_CHECK(job004, kRuleJOB004.id, "JobCompletesWithElementInState", Needs::Enablement) {
    const auto jobs = asyncRequests(ctx);
    if (jobs.empty()) return noJobToJudge();
    std::vector<std::string> failures;
    int judged = 0, unsuccessful = 0;
    for (const auto& r : jobs) {
        if (!r.attempt.job) continue;  // JOB-001 reports missing references
        const JobTrace& t = *r.attempt.job;
        const std::string which = jobOf(r);
        if (removedWhileRunning(t)) {
            ctx.log(which + " disappeared before it was seen to end: judged under JOB-006");
            continue;
        }
        if (t.polls.empty() || !t.polls.front().found) {
            ctx.log(which + " could not be read at all: its reference is JOB-001's to judge");
            continue;
        }
        ++judged;
        if (t.readError) {
            failures.push_back(which + " not readable until it ends: " + std::string(statusName(*t.readError)));
            continue;
        }
        if (t.timedOut) {
            failures.push_back(which + " had no terminal JobState within " +
                               std::to_string(ctx.settings().jobTimeout.count()) + " s: JobState " +
                               optionalText(t.polls.back().jobState));
            continue;
        }
        if (t.finalState != job_state::kCompleted) {
            // A terminal state: this rule holds; how the failure is reported is JOB-005's.
            ctx.log(which + " ended in JobState " + optionalText(t.finalState) + " (judged under JOB-005)");
            ++unsuccessful;
            continue;
        }
        const auto done = std::find_if(t.polls.begin(), t.polls.end(),
                                       [](const JobPoll& p) { return p.jobState == job_state::kCompleted; });
        if (done->element.enabledState != r.requested) {
            failures.push_back(which + " Completed with the element in " + done->element.toString());
        }
        if (done->errorCode && *done->errorCode != 0) {
            failures.push_back(which + " Completed with ErrorCode " + std::to_string(*done->errorCode));
        }
    }
    if (!failures.empty()) {
        return verdict::fail(
            "every job readable until a terminal JobState, Completed with the element in the requested "
            "state and ErrorCode 0",
            joinCases(failures));
    }
    if (judged == 0) return verdict::notSupported("no job could be followed to its end");
    if (unsuccessful > 0) {
        return verdict::pass("every job reached a terminal state; " + std::to_string(unsuccessful) + " of " +
                             std::to_string(judged) +
                             " did not complete (judged under JOB-005), the others left the "
                             "element in the requested state");
    }
    return verdict::pass("every job completed with the element in the requested state");
}

/// GetErrors' Errors: at least one embedded CIM_Error (or its text, from a client that
/// does not decode embedded objects).
bool holdsErrorData(const Value* errors) {
    if (errors == nullptr || errors->isNull() || !errors->isArray()) return false;
    return std::any_of(errors->asArray().begin(), errors->asArray().end(), [](const Value& e) {
        if (e.isNull()) return false;
        if (e.type() == CimType::Instance || e.type() == CimType::Object) return true;
        return e.type() == CimType::String && e.asString().find("CIM_Error") != std::string::npos;
    });
}

constexpr Rule kRuleJOB005{
    .id = "JOB-005",
    .level = Level::Should,
    .levelText = "SHOULD",
    .levelWhy = "Our reading of ErrorCode, ErrorDescription and GetErrors.",
    .title = "a failed job reports an error and leaves a coherent element",
    .statement =
        "A job that ends in Exception, Terminated or Killed says why (a non-zero "
        "ErrorCode or an ErrorDescription, and GetErrors returns CIM_Error data or "
        "declines), and leaves the element coherent, in its old or its requested state.",
    .source = "JOB",
    .procedure =
        "Looks at every failed job. FAIL when the element is incoherent or in neither "
        "state; WARN when the job gives no reason or GetErrors answers without data. "
        "NOT SUPPORTED when no job failed.",
};

WMIMOCK_CHECK(job005, kRuleJOB005.id, "FailedJobReportsError", Needs::Enablement) {
    Verdict found;
    auto requests = requestBothWays(ctx);
    int failed = 0;
    for (const auto& r : requests) {
        if (!r.attempt.job || !r.attempt.job->finalState || *r.attempt.job->finalState == job_state::kCompleted)
            continue;
        ++failed;
        const JobTrace& t = *r.attempt.job;
        const JobPoll& last = t.polls.back();
        const Snapshot& element = last.element;
        const auto es = element.enabledState;
        if (es != r.attempt.before.enabledState && es != r.requested) {
            return found.fail("the element in its old (" + optionalText(r.attempt.before.enabledState) +
                                  ") or requested (" + std::to_string(r.requested) + ") state after a failed job",
                              element.toString());
        }
        if (const auto mismatch = startedMismatch(element); !mismatch.empty()) {
            return found.fail("a coherent element after a failed job (CON-002)", mismatch);
        }
        if ((!last.errorCode || *last.errorCode == 0) && !last.errorDescription) {
            found.warn("the job ended in JobState " + optionalText(t.finalState) +
                       " without ErrorCode or ErrorDescription");
        }
        const CallOutcome errors = ctx.driver().invoke(t.job, "GetErrors");
        const bool declined = errors.returned(1) || errors.error == CimStatus::MethodNotFound ||
                              errors.error == CimStatus::MethodNotAvailable || errors.error == CimStatus::NotSupported;
        if (errors.returned(0)) {
            if (!holdsErrorData(errors.result.out("Errors"))) {
                found.warn("GetErrors on the failed job returned 0 without CIM_Error data");
            }
        } else if (!declined) {
            found.warn("GetErrors on the failed job answered " + errors.describe());
        }
    }
    if (failed == 0) return found.notSupported("no job failed, so failure reporting could not be observed");
    found.pass(std::to_string(failed) + " failed job(s) reported an error and left a coherent element");
    return found;
}

constexpr Rule kRuleJOB006{
    .id = "JOB-006",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy = "Stated by TimeBeforeRemoval.",
    .title = "a finished job stays retrievable during TimeBeforeRemoval",
    .statement =
        "A finished job stays readable for TimeBeforeRemoval (5 minutes by default), "
        "even with DeleteOnCompletion.",
    .source = "JOB",
    .procedure =
        "Reads every finished job again after a wait bounded by its TimeBeforeRemoval. "
        "FAIL naming each job gone too early. NOT SUPPORTED when no job finished.",
};

WMIMOCK_CHECK(job006, kRuleJOB006.id, "FinishedJobRetained", Needs::Enablement) {
    Verdict found;
    const auto jobs = asyncRequests(ctx);
    if (jobs.empty()) return noJobToJudge();
    // Catalog: wait min(10 s, TimeBeforeRemoval / 2) once for all the jobs, then read each.
    std::chrono::duration<double> wait = ctx.settings().retentionWait;
    std::vector<const JobTrace*> finished;
    std::vector<std::string> removed;
    for (const auto& r : jobs) {
        if (!r.attempt.job) continue;
        const JobTrace& t = *r.attempt.job;
        // Catalog Rev. 2: readable while running, gone before any poll saw it end: the job
        // was removed at completion, with no retention period at all.
        if (removedWhileRunning(t)) {
            const auto lastRead =
                std::find_if(t.polls.rbegin(), t.polls.rend(), [](const JobPoll& p) { return p.found; });
            removed.push_back(t.job.toString() + " (JobState " + optionalText(lastRead->jobState) +
                              " at the last poll that found it, then CIM_ERR_NOT_FOUND)");
            continue;
        }
        if (!t.terminal) continue;
        finished.push_back(&t);
        if (const Value* tbr = t.lastJob.find("TimeBeforeRemoval");
            tbr != nullptr && !tbr->isNull() && tbr->type() == CimType::DateTime && tbr->asDateTime().isInterval()) {
            wait = std::min(wait, std::chrono::duration<double>(tbr->asDateTime().toDuration()) / 2);
        }
    }
    if (!removed.empty()) {
        return found.fail("a finished job kept for TimeBeforeRemoval",
                          "removed without a retention period: " + joinCases(removed));
    }
    if (finished.empty())
        return found.notSupported("no job reached a terminal state, so retention could not be observed");
    ctx.driver().pause(wait);
    std::vector<std::string> gone;
    for (const JobTrace* t : finished) {
        try {
            ctx.client().getInstance(t->job);
        } catch (const CimError& e) {
            gone.push_back(t->job.toString() + ": " + std::string(statusName(e.status())));
        }
    }
    if (!gone.empty()) {
        return found.fail("every finished job retrievable " + std::to_string(wait.count()) + " s later",
                          joinCases(gone));
    }
    found.pass(std::to_string(finished.size()) + " finished job(s) stayed retrievable");
    return found;
}

constexpr Rule kRuleJOB007{
    .id = "JOB-007",
    .level = Level::Should,
    .levelText = "SHOULD",
    .levelWhy = "The range is stated; monotony is our reading.",
    .title = "PercentComplete stays within 0..100 and does not decrease",
    .statement =
        "PercentComplete stays within 0..100, does not decrease, and reads 100 once the"
        " job completed.",
    .source = "JOB",
    .procedure =
        "Follows PercentComplete while jobs run. FAIL on a value above 100; WARN when "
        "it decreases or is not 100 at Completed. NOT SUPPORTED when it is never "
        "populated.",
};

WMIMOCK_CHECK(job007, kRuleJOB007.id, "PercentCompleteSane", Needs::Enablement) {
    Verdict found;
    bool populated = false;
    const auto jobs = asyncRequests(ctx);
    if (jobs.empty()) return noJobToJudge();
    for (const auto& r : jobs) {
        if (!r.attempt.job) continue;
        std::optional<std::uint16_t> previous;
        for (const auto& p : r.attempt.job->polls) {
            if (!p.percentComplete) continue;
            populated = true;
            const auto pc = *p.percentComplete;
            if (pc > 100) return found.fail("PercentComplete within 0..100", std::to_string(pc));
            if (previous && pc < *previous) {
                found.warn("PercentComplete decreased from " + std::to_string(*previous) + " to " + std::to_string(pc));
            }
            previous = pc;
            if (p.jobState == job_state::kCompleted && pc != 100)
                found.warn("PercentComplete " + std::to_string(pc) + " at Completed");
        }
    }
    if (!populated) return found.notSupported("PercentComplete is not populated");
    found.pass("PercentComplete stayed within 0..100, never decreasing");
    return found;
}

/// __ReturnValue of a JobOutParameters value (embedded instance, or its text form).
std::optional<std::int64_t> returnValueOf(const Value& out) {
    if (out.isNull() || out.isArray()) return std::nullopt;
    if (out.type() == CimType::Instance || out.type() == CimType::Object) {
        const Value* v = out.asInstance().find("__ReturnValue");
        if (v != nullptr && !v->isNull() && isInteger(v->type())) return v->asInt64();
        return std::nullopt;
    }
    if (out.type() == CimType::String) {
        static const std::regex pattern(R"(__ReturnValue[^0-9]*?([0-9]+))", std::regex::icase);
        std::smatch m;
        if (std::regex_search(out.asString(), m, pattern)) return std::stoll(m[1].str());
    }
    return std::nullopt;
}

constexpr Rule kRuleJOB008{
    .id = "JOB-008",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy = "Stated where the property is populated.",
    .title = "JobOutParameters is NULL until Completed, then __ReturnValue is 0",
    .statement =
        "JobOutParameters is NULL until the job completes; then it embeds a "
        "__JobOutParameters instance whose __ReturnValue is the method's final return "
        "value, 0 for a successful change.",
    .source = "JOB",
    .procedure =
        "Reads JobOutParameters at every poll. FAIL when set before Completed or when "
        "__ReturnValue is not 0; WARN when __ReturnValue cannot be read. NOT SUPPORTED "
        "when never populated.",
};

WMIMOCK_CHECK(job008, kRuleJOB008.id, "JobOutParametersAfterCompletion", Needs::Enablement) {
    bool populated = false;
    const auto jobs = asyncRequests(ctx);
    if (jobs.empty()) return noJobToJudge();
    for (const auto& r : jobs) {
        if (!r.attempt.job) continue;
        for (const auto& p : r.attempt.job->polls) {
            if (p.jobOutParameters.isNull()) continue;
            populated = true;
            if (p.jobState != job_state::kCompleted) {
                return verdict::fail("JobOutParameters NULL until Completed",
                                     "set at JobState " + optionalText(p.jobState));
            }
            const auto rv = returnValueOf(p.jobOutParameters);
            if (!rv) return verdict::warn("JobOutParameters has no readable __ReturnValue");
            if (*rv != 0) return verdict::fail("__ReturnValue 0 for a successful change", std::to_string(*rv));
        }
    }
    if (!populated) return verdict::notSupported("JobOutParameters is never populated");
    return verdict::pass("JobOutParameters appeared at Completed with __ReturnValue 0");
}

constexpr Rule kRuleJOB009{
    .id = "JOB-009",
    .level = Level::Must,
    .levelText = "MUST/SHOULD",
    .levelWhy = "RequestedState is stated (MUST); TransitioningToState is our reading (SHOULD).",
    .title = "RequestedState and TransitioningToState while the job runs",
    .statement =
        "While the job runs, RequestedState and TransitioningToState (or 12) name the "
        "requested state.",
    .source = "ELE; HV-RSC",
    .procedure =
        "Reads the element between a 4096 and the job's end. FAIL on another "
        "RequestedState; WARN on another TransitioningToState. NOT SUPPORTED when every"
        " job ended before the element could be read.",
};

WMIMOCK_CHECK(job009, kRuleJOB009.id, "ElementPropertiesDuringJob", Needs::Enablement) {
    Verdict found;
    const auto jobs = asyncRequests(ctx);
    if (jobs.empty()) return noJobToJudge();
    std::size_t judged = 0;
    for (const auto& r : jobs) {
        const Attempt& a = r.attempt;
        const bool tracked = !(a.before.requestedStateUntracked() && a.immediately.requestedStateUntracked());
        // Reads of the job and of the element are not atomic on a real clock: a snapshot of
        // the element was taken during the job only when a job read after it still shows the
        // job running. Judging only those keeps a job that ends between two reads from
        // looking like a wrong TransitioningToState.
        std::vector<const Snapshot*> during;
        if (a.job) {
            const auto& polls = a.job->polls;
            const auto runningAt = [&](std::size_t i) {
                return i < polls.size() && (!polls[i].jobState || !isTerminalJobState(*polls[i].jobState));
            };
            if (runningAt(0)) during.push_back(&a.immediately);
            for (std::size_t i = 0; i + 1 < polls.size(); ++i) {
                if (runningAt(i + 1)) during.push_back(&polls[i].element);
            }
        }
        judged += during.size();
        for (const Snapshot* s : during) {
            if (tracked && s->requestedState != r.requested) {
                return found.fail("RequestedState " + std::to_string(r.requested) + " while the job runs",
                                  "RequestedState " + optionalText(s->requestedState));
            }
            if (s->enabledState != r.requested && s->transitioningToState && *s->transitioningToState != r.requested &&
                *s->transitioningToState != requested_state::kNotApplicable) {
                found.warn("TransitioningToState " + optionalText(s->transitioningToState) + " while the job to " +
                           std::to_string(r.requested) + " runs");
            }
        }
    }
    if (judged == 0) return found.notSupported("every job ended before the element could be read while it ran");
    found.pass("RequestedState and TransitioningToState named the requested state in the " + std::to_string(judged) +
               " snapshot(s) taken while jobs ran");
    return found;
}

constexpr Rule kRuleJOB010{
    .id = "JOB-010",
    .level = Level::May,
    .levelText = "MAY",
    .levelWhy = "Our reading: profiles usually ask for the association; the schema does not.",
    .title = "CIM_AffectedJobElement links the job and the service",
    .statement = "The job is linked to the service by CIM_AffectedJobElement.",
    .source = "CIM_AffectedJobElement",
    .procedure =
        "Follows CIM_AffectedJobElement from every job. WARN when the link is missing "
        "or cannot be followed. NOT SUPPORTED when the namespace has no such class.",
};

WMIMOCK_CHECK(job010, kRuleJOB010.id, "JobLinkedToElement", Needs::Enablement) {
    try {
        ctx.client().getClass(ctx.nameSpace(), "CIM_AffectedJobElement");
    } catch (const CimError&) {
        return verdict::notSupported("the namespace has no CIM_AffectedJobElement class");
    }
    const auto jobs = asyncRequests(ctx);
    if (jobs.empty()) return noJobToJudge();
    for (const auto& r : jobs) {
        if (!r.attempt.call.job) continue;
        std::vector<ObjectPath> linked;
        try {
            AssociatorFilter filter;
            filter.assocClass = "CIM_AffectedJobElement";
            linked = ctx.client().associatorNames(*r.attempt.call.job, filter);
        } catch (const CimError& e) {
            return verdict::warn("AssociatorNames(Job, CIM_AffectedJobElement) failed: " + std::string(e.what()));
        }
        if (std::find(linked.begin(), linked.end(), ctx.path()) == linked.end()) {
            return verdict::warn("the job is not linked to the element by CIM_AffectedJobElement");
        }
    }
    return verdict::pass("every job is linked to the element by CIM_AffectedJobElement");
}

constexpr Rule kRuleJOB011{
    .id = "JOB-011",
    .level = Level::Must,
    .levelText = "MUST",
    .levelWhy = "Stated by the InstanceID key's uniqueness.",
    .title = "each job has its own InstanceID",
    .statement =
        "Each 4096 refers to a job of its own, with an InstanceID unique in the "
        "namespace.",
    .source = "JOB",
    .procedure =
        "Compares the InstanceIDs of every job of the run. FAIL on a reused one. NOT "
        "SUPPORTED with fewer than two jobs.",
};

WMIMOCK_CHECK(job011, kRuleJOB011.id, "DistinctJobIds", Needs::Enablement) {
    std::map<std::string, int> ids;
    const auto jobs = asyncRequests(ctx, 2);
    if (jobs.empty()) return noJobToJudge();
    for (const auto& r : jobs) {
        if (!r.attempt.call.job) continue;
        const Value* id = r.attempt.call.job->key("InstanceID");
        const std::string key = id != nullptr ? id->toText() : r.attempt.call.job->toString();
        if (++ids[key] > 1)
            return verdict::fail("a new job InstanceID for each request", "InstanceID " + key + " reused");
    }
    if (ids.size() < 2) return verdict::notSupported("fewer than two jobs to compare");
    return verdict::pass(std::to_string(ids.size()) + " jobs, all with distinct InstanceIDs");
}

constexpr std::array kRules{&kRuleJOB001, &kRuleJOB002, &kRuleJOB003, &kRuleJOB004, &kRuleJOB005, &kRuleJOB006,
                            &kRuleJOB007, &kRuleJOB008, &kRuleJOB009, &kRuleJOB010, &kRuleJOB011};

constexpr std::array kChecks{job001Def, job002Def, job003Def, job004Def, job005Def, job006Def,
                             job007Def, job008Def, job009Def, job010Def, job011Def};

}  // namespace

std::span<const CheckDef> jobChecks() noexcept {
    return kChecks;
}

std::span<const Rule* const> jobRules() noexcept {
    return kRules;
}

}  // namespace wmimock::conformance
