// The stop path checks "TimeoutPeriod != NULL" instead of "!= 0": an explicit zero
// TimeoutPeriod is refused with 4098 when disabling, accepted when enabling.
// breaks: RSC-008
#include "gallery_provider.hpp"

namespace {

struct ZeroTimeoutRefusedOnStop : gallery::GalleryProvider {
    ZeroTimeoutRefusedOnStop() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t requestStateChange(gallery::Call& call) override {
        const wmimock::Value* state = call.param("RequestedState");
        const wmimock::Value* timeout = call.param("TimeoutPeriod");
        if (state != nullptr && !state->isNull() && state->asUint64() == 3 && timeout != nullptr &&
            !timeout->isNull()) {
            return 4098;
        }
        return GalleryProvider::requestStateChange(call);
    }
};

}  // namespace

GALLERY_PLUGIN(ZeroTimeoutRefusedOnStop)
