// Hyper-V style: RequestStateChange(3) answers 4096, and the job fails (the management
// service will not stop while it still has work): the element goes back to Enabled, as it
// should, but the job ends in Exception with neither ErrorCode nor ErrorDescription.
// StopService stops the service directly.
// breaks: none
// warns: JOB-005 JOB-010 (no CIM_AffectedJobElement, a MAY, as every gallery Hyper-V provider)
#include "gallery_provider.hpp"

namespace {

struct ExceptionWithoutError : gallery::GalleryProvider {
    ExceptionWithoutError() : GalleryProvider(gallery::hyperVStyle()) {}

    std::uint32_t requestStateChange(gallery::Call& call) override {
        const auto code = GalleryProvider::requestStateChange(call);
        if (code == 4096 && call.param("RequestedState")->asUint64() == 3) jobs_.back().fails = true;
        return code;
    }
};

}  // namespace

GALLERY_PLUGIN(ExceptionWithoutError)
