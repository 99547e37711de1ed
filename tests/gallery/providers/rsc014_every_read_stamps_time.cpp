// TimeOfLastStateChange is filled with the time of the read ("last refreshed") instead of
// the time of the last change, so it moves without any change.
// breaks: RSC-014
#include <wmimock/cim/datetime.hpp>

#include "gallery_provider.hpp"

namespace {

struct EveryReadStampsTime : gallery::GalleryProvider {
    EveryReadStampsTime() : GalleryProvider(gallery::Settings{}) {}

    void describe(wmimock::Instance& out, const gallery::ServiceState& s, gallery::TimePoint now) const override {
        GalleryProvider::describe(out, s, now);
        out.set("TimeOfLastStateChange", wmimock::Value::dateTime(wmimock::CimDateTime::timestamp(now)));
    }
};

}  // namespace

GALLERY_PLUGIN(EveryReadStampsTime)
