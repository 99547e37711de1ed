// StopService hands every request to a worker through a queue of four slots and waits for it
// (100 ms); a fifth request while four wait is refused with CIM_ERR_FAILED ("queue full").
// Calls one after another never see it; eight stops at once do.
// breaks: CONC-001
// warns: CONC-002 (the refused extra calls are not idempotent successes)
#include <wmimock/cim/error.hpp>

#include "gallery_provider.hpp"

namespace {

struct StopQueueOverflows : gallery::GalleryProvider {
    StopQueueOverflows() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t stopService(gallery::Call& call) override {
        if (queued_ == 4) throw wmimock::CimError(wmimock::CimStatus::Failed, "stop queue full");
        ++queued_;
        call.waitUnlocked(gallery::milliseconds(100));  // the worker takes the request
        --queued_;
        return GalleryProvider::stopService(call);
    }

    int queued_ = 0;  // guarded by the provider's lock
};

}  // namespace

GALLERY_PLUGIN(StopQueueOverflows)
