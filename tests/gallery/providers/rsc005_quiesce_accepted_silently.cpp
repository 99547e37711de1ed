// Quiesce (9) falls into a default branch that answers 0 and does nothing, although the
// capabilities do not list it. Every other unsupported state is refused properly.
// breaks: RSC-005
#include "gallery_provider.hpp"

namespace {

struct QuiesceAcceptedSilently : gallery::GalleryProvider {
    QuiesceAcceptedSilently() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t requestStateChange(gallery::Call& call) override {
        const wmimock::Value* state = call.param("RequestedState");
        if (state != nullptr && !state->isNull() && state->asUint64() == 9) return 0;
        return GalleryProvider::requestStateChange(call);
    }
};

}  // namespace

GALLERY_PLUGIN(QuiesceAcceptedSilently)
