// Finished jobs are deleted the first time a client reads them finished, although
// TimeBeforeRemoval promises five minutes.
// breaks: JOB-006
// warns: JOB-010
#include "gallery_provider.hpp"

namespace {

struct JobGoneAfterFirstRead : gallery::GalleryProvider {
    JobGoneAfterFirstRead() : GalleryProvider(gallery::hyperVStyle()) {}

    bool jobVisible(const gallery::Job& job, gallery::TimePoint now) const override {
        return job.state == 4 || now < job.ends + gallery::milliseconds(500);
    }
};

}  // namespace

GALLERY_PLUGIN(JobGoneAfterFirstRead)
