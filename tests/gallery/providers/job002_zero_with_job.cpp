// Synchronous, but RequestStateChange fills the Job out-parameter with a job it creates
// already completed, although it answers 0.
// breaks: none
// warns: JOB-002
#include "gallery_provider.hpp"

namespace {

struct ZeroWithJob : gallery::GalleryProvider {
    ZeroWithJob() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t requestStateChange(gallery::Call& call) override {
        const auto code = GalleryProvider::requestStateChange(call);
        if (code != 0) return code;
        gallery::Job job;
        job.id = "Gallery:Job:" + std::to_string(nextJob_++);
        job.service = call.service.name;
        job.requested = static_cast<std::uint16_t>(call.param("RequestedState")->asUint64());
        job.started = job.ends = call.now;
        job.state = 7;
        call.result.outParameters.push_back({"Job", wmimock::Value::reference(jobPath(job))});
        jobs_.push_back(job);
        return 0;
    }
};

}  // namespace

GALLERY_PLUGIN(ZeroWithJob)
