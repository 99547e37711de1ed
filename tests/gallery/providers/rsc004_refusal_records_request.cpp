// RequestedState is written first and put back when the request is refused, except on the
// early return for an invalid value (0, 12, 13...): that refusal leaves the invalid value
// recorded.
// breaks: RSC-004
#include "gallery_provider.hpp"

namespace {

struct RefusalRecordsRequest : gallery::GalleryProvider {
    RefusalRecordsRequest() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t requestStateChange(gallery::Call& call) override {
        const wmimock::Value* state = call.param("RequestedState");
        const auto code = GalleryProvider::requestStateChange(call);
        if (code == 5 && state != nullptr && !state->isNull()) {
            call.service.requestedState = static_cast<std::uint16_t>(state->asUint64());
        }
        return code;
    }
};

}  // namespace

GALLERY_PLUGIN(RefusalRecordsRequest)
