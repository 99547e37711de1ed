// RequestStateChange(3) hands the stop to the service manager before it looks at the
// services that depend on this one; when one still runs it answers 4097 (Invalid State
// Transition), but the stop it began goes through. StopService checks first and is right.
// breaks: RSC-016
#include "gallery_provider.hpp"

namespace {

struct RefusedStopStopsAnyway : gallery::GalleryProvider {
    RefusedStopStopsAnyway() : GalleryProvider(gallery::webNeedsDatabase()) {}

    std::uint32_t requestStateChange(gallery::Call& call) override {
        const wmimock::Value* requested = call.param("RequestedState");
        if (!refuse(call) && requested->asUint64() == 3 && goal(call.service) && dependentRuns(call.service.name)) {
            const auto recorded = call.service.requestedState;
            change(call, false, 3, false);
            call.service.requestedState = recorded;  // refused, so nothing is recorded
            return 4097;
        }
        return GalleryProvider::requestStateChange(call);
    }
};

}  // namespace

GALLERY_PLUGIN(RefusedStopStopsAnyway)
