#include "target_opening.hpp"

#include "wmimock/harness/targets.hpp"

namespace wmimock::harness {

std::variant<OpenedTarget, OpenFailure> openWithSession(const std::string& spec, const RunOptions& options,
                                                        std::unique_ptr<conformance::Target> target) {
    OpenedTarget opened;
    try {
        opened.target = target ? std::move(target) : openTarget(spec, options.target);
    } catch (const CimError& e) {
        return OpenFailure{e.status(), e.message(), false};
    } catch (const std::exception& e) {
        return OpenFailure{CimStatus::Failed, e.what(), false};
    }
    try {
        opened.session = std::make_unique<conformance::Session>(*opened.target, options.session);
    } catch (const CimError& e) {
        const auto& s = options.session;
        const bool chosenByUser = !s.className.empty() || !s.nameSpace.empty() || !s.instancePath.empty();
        const bool notThere = e.status() == CimStatus::NotFound || e.status() == CimStatus::InvalidClass ||
                              e.status() == CimStatus::InvalidNamespace || e.status() == CimStatus::InvalidParameter;
        return OpenFailure{e.status(), e.message(), chosenByUser && notThere};
    } catch (const std::exception& e) {
        return OpenFailure{CimStatus::Failed, e.what(), false};
    }
    return opened;
}

}  // namespace wmimock::harness
