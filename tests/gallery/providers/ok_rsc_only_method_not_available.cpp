// Only RequestStateChange is implemented. The deprecated StopService and StartService are
// declined with CIM_ERR_METHOD_NOT_AVAILABLE, one of the signals the catalog allows (§0.3, SS-009).
// breaks: none
#include <wmimock/cim/error.hpp>

#include "gallery_provider.hpp"

namespace {

struct RscOnlyMethodNotAvailable : gallery::GalleryProvider {
    RscOnlyMethodNotAvailable() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t stopService(gallery::Call&) override {
        throw wmimock::CimError(wmimock::CimStatus::MethodNotAvailable, "use RequestStateChange");
    }
    std::uint32_t startService(gallery::Call&) override {
        throw wmimock::CimError(wmimock::CimStatus::MethodNotAvailable, "use RequestStateChange");
    }
};

}  // namespace

GALLERY_PLUGIN(RscOnlyMethodNotAvailable)
