// StopService goes straight to the service manager and never records the request:
// RequestedState keeps saying 2 (Enabled) after a successful stop.
// breaks: SS-007
#include "gallery_provider.hpp"

namespace {

struct StopLeavesRequestedState : gallery::GalleryProvider {
    StopLeavesRequestedState() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t stopService(gallery::Call& call) override {
        const auto before = call.service.requestedState;
        const auto code = GalleryProvider::stopService(call);
        call.service.requestedState = before;
        return code;
    }
};

}  // namespace

GALLERY_PLUGIN(StopLeavesRequestedState)
