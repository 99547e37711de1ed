// Every StopService call leaves a completed CIM_ConcreteJob behind as an audit record, even
// when the service was already stopped and nothing was done; the records are never removed.
// breaks: CONC-005
#include "gallery_provider.hpp"

namespace {

struct AuditJobPerStop : gallery::GalleryProvider {
    AuditJobPerStop() : GalleryProvider(gallery::Settings{}) {}

    std::uint32_t stopService(gallery::Call& call) override {
        const auto code = GalleryProvider::stopService(call);
        gallery::Job record;
        record.id = "Gallery:Audit:" + std::to_string(nextJob_++);
        record.service = call.service.name;
        record.requested = 3;
        record.started = call.now;
        record.ends = call.now;
        record.state = 7;
        jobs_.push_back(std::move(record));
        return code;
    }
    bool jobVisible(const gallery::Job&, gallery::TimePoint) const override { return true; }
};

}  // namespace

GALLERY_PLUGIN(AuditJobPerStop)
