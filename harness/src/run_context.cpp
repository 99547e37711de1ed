#include "run_context.hpp"

#include "wmimock/cim/error.hpp"
#include "wmimock/conformance/check_filter.hpp"
#include "wmimock/conformance/rule.hpp"

namespace wmimock::harness {

using conformance::CheckResult;
using conformance::Outcome;

RunContext::RunContext(const RunOptions& options) : options_(options) {
    const conformance::CheckFilter filter(options.filter, options.exclude);
    for (const auto& c : conformance::checks()) {
        if (filter.selects(c)) selected_.push_back(&c);
    }
    // A CI job with a typo in its filter must not pass while testing nothing.
    if (selected_.empty()) {
        throw CimError(CimStatus::InvalidParameter,
                       "the filter '" + filter.text() + "' matched no checks (`wmimock rules` lists the rule IDs)");
    }
    if (options.shard) {
        const auto [index, count] = *options.shard;
        if (count <= 0 || index < 0 || index >= count) {
            throw CimError(CimStatus::InvalidParameter, "invalid shard " + std::to_string(index) + "/" +
                                                            std::to_string(count) + ": expected 0 <= index < count");
        }
    }
}

TargetPlan RunContext::planOf(const conformance::Session& session) const {
    TargetPlan p;
    p.nameSpace = session.nameSpace();
    p.className = session.className();
    for (const auto& i : session.instances()) p.instances.push_back(i.toString());
    p.checkCount = selected_.size();
    return p;
}

bool RunContext::inShard(std::size_t item) const noexcept {
    if (!options_.shard) return true;
    return (offset_ + item) % static_cast<std::size_t>(options_.shard->second) ==
           static_cast<std::size_t>(options_.shard->first);
}

std::vector<std::size_t> RunContext::itemsOf(const TargetPlan& plan, std::size_t from) const {
    std::vector<std::size_t> items;
    for (std::size_t item = from; item < plan.size(); ++item) {
        if (inShard(item)) items.push_back(item);
    }
    return items;
}

void RunContext::planned(const std::string& spec, const TargetPlan& plan) {
    for (const std::size_t item : itemsOf(plan)) {
        const auto& c = check(plan.checkOf(item));
        plannedChecks_.push_back(
            {spec, std::string(c.ruleId), std::string(c.title), plan.instances[plan.instanceOf(item)]});
        ++result_.planned;
    }
}

void RunContext::nextTarget(const TargetPlan* plan) {
    if (plan != nullptr) offset_ += plan->size();
}

namespace {

bool judgesTheWholeRun(const CheckResult& r) {
    for (const auto& c : conformance::checks()) {
        if (c.ruleId == r.ruleId && c.title == r.title) return c.afterOthers;
    }
    return false;
}

}  // namespace

void RunContext::addWhatTheRunSaw(CheckResult& r) {
    const auto key = std::make_pair(r.target, r.instancePath);
    if (!judgesTheWholeRun(r)) {
        auto& seen = undefinedSeen_[key];
        for (const auto& u : r.undefinedStatuses) {
            seen.push_back("code " + std::to_string(u.code) + " in " + r.ruleId + " " + r.title + " (" + u.call + ")");
        }
        return;
    }
    const auto it = undefinedSeen_.find(key);
    if (it == undefinedSeen_.end() || it->second.empty()) return;
    std::string all;
    for (const auto& line : it->second) {
        all += (all.empty() ? "" : "; ") + line;
        r.log.push_back("seen in the run: " + line);
    }
    const bool alreadyFailed = r.outcome == Outcome::Fail;
    r.outcome = Outcome::Fail;
    r.expected = "CIM status codes defined by DSP0200, in every answer of the run";
    r.actual = alreadyFailed ? r.actual + "; " + all : all;
    const std::string seen =
        std::to_string(it->second.size()) + " answer(s) of other checks carried an undefined CIM status code";
    r.message = alreadyFailed ? r.message + "; and " + seen : seen;  // its own failure stays in view
}

void RunContext::begun(const std::string& spec, const TargetPlan& plan, std::size_t item) const {
    if (!options_.onCheckStarted) return;
    const auto& c = check(plan.checkOf(item));
    options_.onCheckStarted(
        PlannedCheck{spec, std::string(c.ruleId), std::string(c.title), plan.instances[plan.instanceOf(item)]});
}

void RunContext::emit(CheckResult result) {
    addWhatTheRunSaw(result);
    if (options_.onResult) options_.onResult(result);
    result_.results.push_back(std::move(result));
}

CheckResult RunContext::synthesized(const std::string& spec, const TargetPlan& plan, std::size_t item, Outcome outcome,
                                    std::string message) const {
    const auto& c = check(plan.checkOf(item));
    CheckResult r;
    r.ruleId = std::string(c.ruleId);
    r.title = std::string(c.title);
    if (const auto* rule = conformance::findRule(c.ruleId)) {
        r.level = rule->level;
        r.ruleSource = std::string(rule->source);
    }
    r.outcome = outcome;
    r.message = std::move(message);
    r.target = spec;
    r.nameSpace = plan.nameSpace;
    r.className = plan.className;
    r.instancePath = plan.instances[plan.instanceOf(item)];
    r.sourceFile = std::string(c.sourceFile);
    r.sourceLine = c.sourceLine;
    return r;
}

void RunContext::targetFailed(const std::string& spec, Outcome outcome, std::string message, const TargetPlan* plan) {
    CheckResult r;
    r.title = "TargetSetup";
    r.outcome = outcome;
    r.message = std::move(message);
    r.target = spec;
    if (plan != nullptr) {
        r.nameSpace = plan->nameSpace;
        r.className = plan->className;
    }
    ++result_.planned;
    emit(std::move(r));
}

bool RunContext::runItems(conformance::Session& session, const TargetPlan& plan, std::size_t from,
                          const ItemCallbacks& callbacks) const {
    for (const std::size_t item : itemsOf(plan, from)) {
        if (callbacks.stop()) return false;
        callbacks.begin(item);
        CheckResult r = session.run(check(plan.checkOf(item)), session.instances()[plan.instanceOf(item)]);
        // Each check starts from the state the session found, whatever ran before it (so
        // filters and shards give the same verdicts). What did not come back is this check's.
        for (auto& n : session.restore()) {
            r.log.push_back("after the check: " + n + " (the next check restores it first)");
            r.message += (r.message.empty() ? "" : "; ") + std::string("left the element not as found: ") + n;
        }
        callbacks.result(item, std::move(r));
    }
    return true;
}

}  // namespace wmimock::harness
