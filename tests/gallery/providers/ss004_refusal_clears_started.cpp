// StopService clears Started before it looks at the services that depend on this one; when
// one still runs it answers 3 ("Dependent Services Running") and leaves the service running
// with Started FALSE.
// breaks: SS-004
#include "gallery_provider.hpp"

namespace {

struct RefusalClearsStarted : gallery::GalleryProvider {
    RefusalClearsStarted() : GalleryProvider(gallery::webNeedsDatabase()) {}

    std::uint32_t stopService(gallery::Call& call) override {
        call.service.started = false;
        return GalleryProvider::stopService(call);
    }
};

}  // namespace

GALLERY_PLUGIN(RefusalClearsStarted)
