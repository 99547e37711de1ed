// StopService stops the service, then fails to write its audit record and reports
// CIM_ERR_FAILED: an error with a side effect.
// breaks: none
// warns: ERR-009 (a SHOULD: an error with a side effect)
#include <wmimock/cim/error.hpp>

#include "gallery_provider.hpp"

namespace {

struct ErrorAfterStopping : gallery::GalleryProvider {
    ErrorAfterStopping() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t stopService(gallery::Call& call) override {
        const bool wasRunning = goal(call.service);
        GalleryProvider::stopService(call);
        if (wasRunning) throw wmimock::CimError(wmimock::CimStatus::Failed, "could not write the audit record");
        return 0;
    }
};

}  // namespace

GALLERY_PLUGIN(ErrorAfterStopping)
