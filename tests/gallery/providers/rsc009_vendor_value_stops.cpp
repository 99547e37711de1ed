// A vendor state the class never declared, 32768, is taken as the vendor's old "maintenance
// stop": it answers 0 and stops the service.
// breaks: RSC-009
#include "gallery_provider.hpp"

namespace {

struct VendorValueStops : gallery::GalleryProvider {
    VendorValueStops() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t requestStateChange(gallery::Call& call) override {
        const wmimock::Value* state = call.param("RequestedState");
        if (state != nullptr && !state->isNull() && state->asUint64() == 32768) return change(call, false, 3, false);
        return GalleryProvider::requestStateChange(call);
    }
};

}  // namespace

GALLERY_PLUGIN(VendorValueStops)
