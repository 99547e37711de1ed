// StopService waits (100 ms) for the service manager to take the request; a
// RequestStateChange(3) arriving meanwhile is refused with CIM_ERR_FAILED ("a stop is
// already pending") instead of joining it. Concurrent stops through StopService alone
// are fine.
// breaks: CONC-003
#include <wmimock/cim/error.hpp>

#include "gallery_provider.hpp"

namespace {

struct RscFailsWhileStopPending : gallery::GalleryProvider {
    RscFailsWhileStopPending() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t stopService(gallery::Call& call) override {
        ++pending_;
        call.waitUnlocked(gallery::milliseconds(100));
        --pending_;
        return GalleryProvider::stopService(call);
    }
    std::uint32_t requestStateChange(gallery::Call& call) override {
        const wmimock::Value* requested = call.param("RequestedState");
        if (pending_ > 0 && requested != nullptr && !requested->isNull() && requested->asUint64() == 3) {
            throw wmimock::CimError(wmimock::CimStatus::Failed, "a stop is already pending");
        }
        return GalleryProvider::requestStateChange(call);
    }

    int pending_ = 0;  // guarded by the provider's lock
};

}  // namespace

GALLERY_PLUGIN(RscFailsWhileStopPending)
