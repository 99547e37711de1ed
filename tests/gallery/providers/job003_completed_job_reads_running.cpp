// The job's state is read from the service's current activity instead of the job itself:
// once the service starts another transition, a completed job reads Running (4) again.
// breaks: JOB-003
// warns: JOB-010
#include "gallery_provider.hpp"

namespace {

struct CompletedJobReadsRunning : gallery::GalleryProvider {
    CompletedJobReadsRunning() : GalleryProvider(gallery::hyperVStyle()) {}

    void describeJob(wmimock::Instance& out, const gallery::Job& job, gallery::TimePoint now) const override {
        GalleryProvider::describeJob(out, job, now);
        // The bug: a finished job shows Running again for a while after it ended.
        if (job.state == 7 && now < job.ends + gallery::milliseconds(120))
            out.set("JobState", wmimock::Value::uint16(4));
        if (job.state == 7 && now < job.ends + gallery::milliseconds(60))
            out.set("JobState", wmimock::Value::uint16(7));
    }
};

}  // namespace

GALLERY_PLUGIN(CompletedJobReadsRunning)
