// StopService clears Started before it looks at the services that depend on this one; when
// one still runs it answers 3 ("Dependent Services Running") and leaves the service running
// with Started FALSE.
// breaks: SS-004
#include "gallery_provider.hpp"

namespace {

gallery::Settings webAndDatabase() {
    gallery::Settings s;
    s.services = {{"db", true}, {"web", true}};
    s.needs = {{"web", "db"}};
    return s;
}

struct RefusalClearsStarted : gallery::GalleryProvider {
    RefusalClearsStarted() : GalleryProvider(webAndDatabase()) {}

    std::uint32_t stopService(gallery::Call& call) override {
        call.service.started = false;
        const auto code = GalleryProvider::stopService(call);
        return code;
    }
};

}  // namespace

GALLERY_PLUGIN(RefusalClearsStarted)
