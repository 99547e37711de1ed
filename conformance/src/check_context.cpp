#include "check_context.hpp"

#include <utility>

namespace wmimock::conformance {

CheckContext::CheckContext(Target& target, std::string nameSpace, ObjectPath instance, const CheckSettings& settings,
                           CheckResult& result, std::optional<Snapshot> baseline,
                           std::function<void(std::string_view)> onActivity)
    : target_(target),
      settings_(settings),
      result_(result),
      evidence_(result),
      client_(target.client(), onActivity),
      probe_(client_, std::move(nameSpace), std::move(instance), evidence_),
      driver_(client_, target.clock(), settings, probe_, evidence_, std::move(onActivity)),
      initial_(probe_.snapshot("initial")),
      baseline_(std::move(baseline)) {}

std::optional<std::string> CheckContext::unmet(Needs needs) const {
    if (has(needs, Needs::Enablement) && !initial_.modelsEnablement()) {
        return "the instance does not model enablement (EnabledState " + optionalText(initial_.enabledState) +
               "): the RequestStateChange rules do not apply (CON-006)";
    }
    return std::nullopt;
}

std::optional<Verdict> CheckContext::require(Want want) {
    if (want == Want::Running ? driver_.makeRunning() : driver_.makeStopped()) return std::nullopt;
    return verdict::unreachable(want == Want::Running ? "the service could not be brought to running"
                                                      : "the service could not be brought to stopped");
}

void CheckContext::finish(const Verdict& verdict) {
    result_.undefinedStatuses = client_.undefinedStatuses();
    verdict.decide(result_);
}

}  // namespace wmimock::conformance
