// StopService also writes EnabledDefault = 3, so the service would stay disabled after a
// reboot; RequestStateChange(3) does not.
// breaks: CON-005
#include "gallery_provider.hpp"

namespace {

struct StopSetsEnabledDefault : gallery::GalleryProvider {
    StopSetsEnabledDefault() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t stopService(gallery::Call& call) override {
        call.service.enabledDefault = 3;
        return GalleryProvider::stopService(call);
    }
    std::uint32_t startService(gallery::Call& call) override {
        call.service.enabledDefault = 2;
        return GalleryProvider::startService(call);
    }
};

}  // namespace

GALLERY_PLUGIN(StopSetsEnabledDefault)
