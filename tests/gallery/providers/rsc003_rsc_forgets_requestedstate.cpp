// RequestStateChange changes the service but never stores the request: RequestedState
// keeps the value StopService or StartService last wrote.
// breaks: RSC-003
#include "gallery_provider.hpp"

namespace {

struct RscForgetsRequestedState : gallery::GalleryProvider {
    RscForgetsRequestedState() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t requestStateChange(gallery::Call& call) override {
        const auto before = call.service.requestedState;
        const auto code = GalleryProvider::requestStateChange(call);
        call.service.requestedState = before;
        return code;
    }
};

}  // namespace

GALLERY_PLUGIN(RscForgetsRequestedState)
