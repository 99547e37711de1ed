// Hyper-V style, but the Job reference names the abstract CIM_Job class instead of the
// provider's job class, so GetInstance on it finds nothing.
// breaks: JOB-001
// warns: JOB-010
#include "gallery_provider.hpp"

namespace {

struct JobPathWrongClass : gallery::GalleryProvider {
    JobPathWrongClass() : GalleryProvider(gallery::hyperVStyle()) {}

    std::uint32_t requestStateChange(gallery::Call& call) override {
        const auto code = GalleryProvider::requestStateChange(call);
        for (auto& p : call.result.outParameters) {
            if (p.name == "Job" && !p.value.isNull()) {
                const wmimock::ObjectPath good = p.value.asReference();
                p.value = wmimock::Value::reference(wmimock::ObjectPath(good.nameSpace(), "CIM_Job", good.keys()));
            }
        }
        return code;
    }
};

}  // namespace

GALLERY_PLUGIN(JobPathWrongClass)
