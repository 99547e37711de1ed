// An invalid RequestedState is refused by throwing the provider's own error number, 1001,
// as a CIM status: DSP0200 defines no such status code.
// breaks: ERR-011
#include <wmimock/cim/error.hpp>

#include "gallery_provider.hpp"

namespace {

struct UndefinedStatusForInvalidState : gallery::GalleryProvider {
    UndefinedStatusForInvalidState() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t requestStateChange(gallery::Call& call) override {
        if (refuse(call) == 5U) throw wmimock::CimError(static_cast<wmimock::CimStatus>(1001), "bad state");
        return GalleryProvider::requestStateChange(call);
    }
};

}  // namespace

GALLERY_PLUGIN(UndefinedStatusForInvalidState)
