// Offline (6) is treated as a synonym of Disabled although the capabilities list only 2 and
// 3: RequestStateChange(6) answers 0 and stops the service.
// breaks: RSC-005
#include "gallery_provider.hpp"

namespace {

struct OfflineAcceptedAsStop : gallery::GalleryProvider {
    OfflineAcceptedAsStop() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t requestStateChange(gallery::Call& call) override {
        const wmimock::Value* state = call.param("RequestedState");
        if (state != nullptr && !state->isNull() && state->asUint64() == 6 && !call.param("TimeoutPeriod")) {
            return change(call, false, 3, false);
        }
        return GalleryProvider::requestStateChange(call);
    }
};

}  // namespace

GALLERY_PLUGIN(OfflineAcceptedAsStop)
