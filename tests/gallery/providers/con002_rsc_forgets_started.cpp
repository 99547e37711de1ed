// RequestStateChange updates EnabledState through a different code path than StopService
// and StartService, one that never touches Started.
// breaks: CON-001
// warns: CON-002
#include "gallery_provider.hpp"

namespace {

struct RscForgetsStarted : gallery::GalleryProvider {
    RscForgetsStarted() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t requestStateChange(gallery::Call& call) override {
        const bool was = call.service.started;
        const auto code = GalleryProvider::requestStateChange(call);
        call.service.started = was;
        return code;
    }
};

}  // namespace

GALLERY_PLUGIN(RscForgetsStarted)
