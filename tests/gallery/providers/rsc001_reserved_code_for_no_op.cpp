// A request for the state the service is already in answers 7, the developer's private
// "nothing to do" code, which the RequestStateChange ValueMap reserves ("DMTF Reserved").
// breaks: RSC-001
// warns: RSC-011 (7 rather than the preferred 0)
#include "gallery_provider.hpp"

namespace {

struct ReservedCodeForNoOp : gallery::GalleryProvider {
    ReservedCodeForNoOp() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t requestStateChange(gallery::Call& call) override {
        if (refuse(call)) return GalleryProvider::requestStateChange(call);
        const auto state = call.param("RequestedState")->asUint64();
        if ((state == 2) == goal(call.service)) return 7;
        return GalleryProvider::requestStateChange(call);
    }
};

}  // namespace

GALLERY_PLUGIN(ReservedCodeForNoOp)
