// The validation checks "state <= 32767" instead of the ValueMap, so 13 (reserved) answers
// 0 and does nothing.
// breaks: RSC-009
#include "gallery_provider.hpp"

namespace {

struct ReservedValueAccepted : gallery::GalleryProvider {
    ReservedValueAccepted() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t requestStateChange(gallery::Call& call) override {
        const wmimock::Value* state = call.param("RequestedState");
        if (state != nullptr && !state->isNull() && state->asUint64() == 13) return 0;
        return GalleryProvider::requestStateChange(call);
    }
};

}  // namespace

GALLERY_PLUGIN(ReservedValueAccepted)
