// Only RequestStateChange is implemented. The deprecated StopService and StartService are
// declined with return 1 (Not Supported), one of the signals the catalog allows (§0.3, SS-009).
// breaks: none
#include <wmimock/cim/error.hpp>

#include "gallery_provider.hpp"

namespace {

struct RscOnlyReturns1 : gallery::GalleryProvider {
    RscOnlyReturns1() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t stopService(gallery::Call&) override { return 1; }
    std::uint32_t startService(gallery::Call&) override { return 1; }
};

}  // namespace

GALLERY_PLUGIN(RscOnlyReturns1)
