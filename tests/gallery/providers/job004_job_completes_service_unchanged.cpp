// The job of a request to disable completes (JobState 7) but the work it tracked was
// dropped: the service never reaches the disabled state that way.
// breaks: JOB-004
// warns: JOB-009 JOB-010
#include "gallery_provider.hpp"

namespace {

struct JobCompletesServiceUnchanged : gallery::GalleryProvider {
    JobCompletesServiceUnchanged() : GalleryProvider(gallery::hyperVStyle()) {}

    std::uint32_t requestStateChange(gallery::Call& call) override {
        const bool was = call.service.running;
        const auto code = GalleryProvider::requestStateChange(call);
        if (code == 4096 && call.param("RequestedState")->asUint64() == 3) {
            call.service.heading.reset();  // the transition is lost; the job still completes
            call.service.running = was;
        }
        return code;
    }
};

}  // namespace

GALLERY_PLUGIN(JobCompletesServiceUnchanged)
