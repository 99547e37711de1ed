// StartService brings EnabledState to 2 but never sets Started: only the boot code and
// RequestStateChange write it.
// breaks: SS-020
// warns: CON-002
#include "gallery_provider.hpp"

namespace {

struct StartForgetsStarted : gallery::GalleryProvider {
    StartForgetsStarted() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t startService(gallery::Call& call) override {
        const bool before = call.service.started;
        const auto code = GalleryProvider::startService(call);
        call.service.started = before;
        return code;
    }
};

}  // namespace

GALLERY_PLUGIN(StartForgetsStarted)
