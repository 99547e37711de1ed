// StopService on a stopped service passes the service manager's "not active" error (4)
// through, although the class has no ValueMap and nothing failed: the goal already held.
// breaks: SS-008
// warns: CONC-002 (the extra stops of a race answer 4 too)
#include "gallery_provider.hpp"

namespace {

struct ErrorCodeOnStopped : gallery::GalleryProvider {
    ErrorCodeOnStopped() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t stopService(gallery::Call& call) override {
        if (!goal(call.service)) return 4;
        return GalleryProvider::stopService(call);
    }
};

}  // namespace

GALLERY_PLUGIN(ErrorCodeOnStopped)
