// StopService maps "the SCM accepted the control" to 1 and still stops the service: a
// return of 1 (Not Supported) that changed everything.
// breaks: SS-001 SS-003
#include "gallery_provider.hpp"

namespace {

struct ReturnsOneButStops : gallery::GalleryProvider {
    ReturnsOneButStops() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t stopService(gallery::Call& call) override {
        GalleryProvider::stopService(call);
        return 1;
    }
};

}  // namespace

GALLERY_PLUGIN(ReturnsOneButStops)
