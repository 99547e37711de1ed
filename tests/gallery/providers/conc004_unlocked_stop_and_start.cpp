// StopService and StartService release the provider's lock while they wait for the
// service manager, and write EnabledState before and Started after that wait: a stop and
// a start that overlap can leave EnabledState from one and Started from the other.
// breaks: CONC-004

#include "gallery_provider.hpp"

namespace {

struct UnlockedStopAndStart : gallery::GalleryProvider {
    UnlockedStopAndStart() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t stopService(gallery::Call& call) override {
        const std::string name = call.service.name;
        call.service.requestedState = 3;
        call.service.running = false;
        call.waitUnlocked(gallery::milliseconds(60));
        services_.at(name).started = false;
        return 0;
    }
    std::uint32_t startService(gallery::Call& call) override {
        const std::string name = call.service.name;
        call.service.requestedState = 2;
        call.service.running = true;
        call.waitUnlocked(gallery::milliseconds(10));
        services_.at(name).started = true;
        return 0;
    }
};

}  // namespace

GALLERY_PLUGIN(UnlockedStopAndStart)
