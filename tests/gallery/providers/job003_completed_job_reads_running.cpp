// The job's state is read from a status cache that is refreshed late: for a moment after
// the job completed (JobState 7), it reads Running (4) again.
// breaks: JOB-003
// warns: JOB-010
#include "gallery_provider.hpp"

namespace {

struct CompletedJobReadsRunning : gallery::GalleryProvider {
    CompletedJobReadsRunning() : GalleryProvider(gallery::hyperVStyle()) {}

    void describeJob(wmimock::Instance& out, const gallery::Job& job, gallery::TimePoint now) const override {
        GalleryProvider::describeJob(out, job, now);
        // The bug: between 60 and 120 ms after it ended, the finished job reads Running again.
        const auto since = now - job.ends;
        if (job.state == 7 && since >= gallery::milliseconds(60) && since < gallery::milliseconds(120)) {
            out.set("JobState", wmimock::Value::uint16(4));
        }
    }
};

}  // namespace

GALLERY_PLUGIN(CompletedJobReadsRunning)
