// The provider caches Started when it loads the service configuration and only refreshes
// it on StartService: a stop reports EnabledState 3 with Started still TRUE.
// breaks: SS-002
// warns: CON-002
#include "gallery_provider.hpp"

namespace {

struct StartedStaysTrue : gallery::GalleryProvider {
    StartedStaysTrue() : GalleryProvider(gallery::Settings{}) {}

    // The cached value, never refreshed by a stop.
    void describe(wmimock::Instance& out, const gallery::ServiceState& s, gallery::TimePoint now) const override {
        GalleryProvider::describe(out, s, now);
        out.set("Started", wmimock::Value::boolean(true));
    }
};

}  // namespace

GALLERY_PLUGIN(StartedStaysTrue)
