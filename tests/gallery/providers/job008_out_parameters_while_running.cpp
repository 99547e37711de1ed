// JobOutParameters is filled when the job is created, before the job has any result.
// breaks: JOB-008
// warns: JOB-010
#include "gallery_provider.hpp"

namespace {

struct OutParametersWhileRunning : gallery::GalleryProvider {
    OutParametersWhileRunning() : GalleryProvider(gallery::hyperVStyle()) {}

    void describeJob(wmimock::Instance& out, const gallery::Job& job, gallery::TimePoint now) const override {
        GalleryProvider::describeJob(out, job, now);
        wmimock::Instance result("__PARAMETERS");
        result.set("__ReturnValue", wmimock::Value::uint32(0));
        out.set("JobOutParameters", wmimock::Value::string(result.toMof()));
    }
};

}  // namespace

GALLERY_PLUGIN(OutParametersWhileRunning)
