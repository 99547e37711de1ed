// The provider caches Started when it loads the service configuration and only refreshes
// it on StartService: a stop reports EnabledState 3 with Started still TRUE.
// breaks: SS-002
// warns: CON-002
#include "gallery_provider.hpp"

namespace {

struct StartedStaysTrue : gallery::GalleryProvider {
    StartedStaysTrue() : GalleryProvider(gallery::Settings{}) {}

    void settle(gallery::ServiceState& s, gallery::TimePoint when) override {
        GalleryProvider::settle(s, when);
        s.started = true;
    }
    std::uint32_t stopService(gallery::Call& call) override {
        const auto code = GalleryProvider::stopService(call);
        call.service.started = true;
        return code;
    }
    std::uint32_t requestStateChange(gallery::Call& call) override {
        const auto code = GalleryProvider::requestStateChange(call);
        call.service.started = call.service.started || call.service.running;
        if (call.service.running || call.service.heading.value_or(false)) return code;
        call.service.started = true;
        return code;
    }
};

}  // namespace

GALLERY_PLUGIN(StartedStaysTrue)
