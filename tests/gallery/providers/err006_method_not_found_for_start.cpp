// StopService works, but the declared StartService answers CIM_ERR_METHOD_NOT_FOUND: a
// decline signalled with the wrong code (catalog §0.3 Rev. 2), on one method only.
// breaks: ERR-006
#include <wmimock/cim/error.hpp>

#include "gallery_provider.hpp"

namespace {

struct MethodNotFoundForStart : gallery::GalleryProvider {
    MethodNotFoundForStart() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t startService(gallery::Call&) override {
        throw wmimock::CimError(wmimock::CimStatus::MethodNotFound, "StartService");
    }
};

}  // namespace

GALLERY_PLUGIN(MethodNotFoundForStart)
