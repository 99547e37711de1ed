// The provider takes its parameters unchecked from the CIMOM (as OpenPegasus hands typed
// values over) and checks RequestStateChange's itself, but StopService never looks at its
// parameters: StopService(Bogus=1) stops the service as if the parameter were not there.
// breaks: ERR-004 (StopService with an unknown parameter is one of its cases)
// warns: SS-006
#include "gallery_provider.hpp"

namespace {

struct ExtraParameterIgnored : gallery::GalleryProvider {
    ExtraParameterIgnored() : GalleryProvider(gallery::uncheckedParameters()) {}

    std::uint32_t stopService(gallery::Call& call) override { return change(call, false, 3, false); }
};

}  // namespace

GALLERY_PLUGIN(ExtraParameterIgnored)
