// PercentComplete is computed from elapsed time without a cap: it reads far over 100 once
// the job has finished.
// breaks: JOB-007
// warns: JOB-010
#include "gallery_provider.hpp"

namespace {

struct PercentOver100 : gallery::GalleryProvider {
    PercentOver100() : GalleryProvider(gallery::hyperVStyle()) {}

    void describeJob(wmimock::Instance& out, const gallery::Job& job, gallery::TimePoint now) const override {
        GalleryProvider::describeJob(out, job, now);
        const auto total = std::max<std::int64_t>(1, (job.ends - job.started).count());
        out.set("PercentComplete",
                wmimock::Value::uint16(static_cast<std::uint16_t>((now - job.started).count() * 100 / total)));
    }
};

}  // namespace

GALLERY_PLUGIN(PercentOver100)
