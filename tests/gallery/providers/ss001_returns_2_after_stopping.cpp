// StopService stops the service but reports 2 whenever it had something to do: the
// developer returned the SCM's "stop pending" status instead of the method's success code.
// breaks: SS-001
#include "gallery_provider.hpp"

namespace {

struct ReturnsTwoAfterStopping : gallery::GalleryProvider {
    ReturnsTwoAfterStopping() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t stopService(gallery::Call& call) override {
        const bool wasRunning = goal(call.service);
        GalleryProvider::stopService(call);
        return wasRunning ? 2 : 0;
    }
};

}  // namespace

GALLERY_PLUGIN(ReturnsTwoAfterStopping)
