// RequestStateChange(3) also switches StartMode to "Manual" (the developer mapped
// "disabled" to the boot configuration); StopService does not.
// breaks: CON-005
#include "gallery_provider.hpp"

namespace {

struct RscSetsStartModeManual : gallery::GalleryProvider {
    RscSetsStartModeManual() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t requestStateChange(gallery::Call& call) override {
        const auto code = GalleryProvider::requestStateChange(call);
        if (code == 0 && call.param("RequestedState")->asUint64() == 3) call.service.startMode = "Manual";
        if (code == 0 && call.param("RequestedState")->asUint64() == 2) call.service.startMode = "Automatic";
        return code;
    }
};

}  // namespace

GALLERY_PLUGIN(RscSetsStartModeManual)
