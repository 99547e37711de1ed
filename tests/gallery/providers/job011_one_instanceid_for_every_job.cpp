// Every job gets the same InstanceID ("Gallery:Job"): the developer thought one job per
// service was enough.
// breaks: JOB-011
// warns: JOB-010
#include "gallery_provider.hpp"

namespace {

struct OneInstanceIdForEveryJob : gallery::GalleryProvider {
    OneInstanceIdForEveryJob() : GalleryProvider(gallery::hyperVStyle()) {}

    std::uint32_t requestStateChange(gallery::Call& call) override {
        const auto code = GalleryProvider::requestStateChange(call);
        if (code == 4096) {
            gallery::Job job = jobs_.back();
            job.id = "Gallery:Job";
            jobs_.pop_back();
            std::erase_if(jobs_, [](const gallery::Job& j) { return j.id == "Gallery:Job"; });  // replaced
            for (auto& p : call.result.outParameters) {
                if (p.name == "Job") p.value = wmimock::Value::reference(jobPath(job));
            }
            jobs_.push_back(job);
        }
        return code;
    }
};

}  // namespace

GALLERY_PLUGIN(OneInstanceIdForEveryJob)
