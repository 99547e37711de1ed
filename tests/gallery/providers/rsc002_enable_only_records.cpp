// RequestStateChange(2) records the request and answers 0, but the code that starts the
// service was left behind a feature flag: the element never becomes enabled.
// breaks: RSC-002
#include "gallery_provider.hpp"

namespace {

struct EnableOnlyRecords : gallery::GalleryProvider {
    EnableOnlyRecords() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t requestStateChange(gallery::Call& call) override {
        if (refuse(call)) return GalleryProvider::requestStateChange(call);
        if (call.param("RequestedState")->asUint64() == 2) {
            call.service.requestedState = 2;
            return 0;
        }
        return GalleryProvider::requestStateChange(call);
    }
};

}  // namespace

GALLERY_PLUGIN(EnableOnlyRecords)
