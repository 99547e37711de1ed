// OtherEnabledState always carries a human-readable copy of the state ("Running",
// "Stopped"), although it must be NULL unless EnabledState is 1 (Other).
// breaks: RSC-015
#include "gallery_provider.hpp"

namespace {

struct OtherEnabledStateAlwaysSet : gallery::GalleryProvider {
    OtherEnabledStateAlwaysSet() : GalleryProvider(gallery::Settings{}) {}

    void describe(wmimock::Instance& out, const gallery::ServiceState& s, gallery::TimePoint now) const override {
        GalleryProvider::describe(out, s, now);
        out.set("OtherEnabledState", wmimock::Value::string(s.running ? "Running" : "Stopped"));
    }
};

}  // namespace

GALLERY_PLUGIN(OtherEnabledStateAlwaysSet)
