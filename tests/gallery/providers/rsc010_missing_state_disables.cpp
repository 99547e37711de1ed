// A missing RequestedState defaults to 3 (the developer's "safe" default): the call answers
// 0 and stops the service.
// breaks: RSC-010
#include "gallery_provider.hpp"

namespace {

struct MissingStateDisables : gallery::GalleryProvider {
    MissingStateDisables() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t requestStateChange(gallery::Call& call) override {
        const wmimock::Value* state = call.param("RequestedState");
        if (state == nullptr || state->isNull()) return change(call, false, 3, false);
        return GalleryProvider::requestStateChange(call);
    }
};

}  // namespace

GALLERY_PLUGIN(MissingStateDisables)
