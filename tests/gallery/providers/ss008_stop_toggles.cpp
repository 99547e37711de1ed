// StopService is implemented as "toggle": on a stopped service it starts it again.
// breaks: SS-008
#include "gallery_provider.hpp"

namespace {

struct StopToggles : gallery::GalleryProvider {
    StopToggles() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t stopService(gallery::Call& call) override {
        if (!goal(call.service)) return change(call, true, 2, false);
        return GalleryProvider::stopService(call);
    }
};

}  // namespace

GALLERY_PLUGIN(StopToggles)
