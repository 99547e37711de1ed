// A stop first drains the service's clients for 400 ms, shown as EnabledState 6
// ("Enabled but Offline") with TransitioningToState 3, before it reads 3: a transient
// state other than 4 (Shutting Down).
// breaks: none
// warns: RSC-013
#include "gallery_provider.hpp"

namespace {

gallery::Settings drainingStops() {
    gallery::Settings s;
    s.transition = gallery::milliseconds(400);
    return s;
}

struct DrainingReadsOffline : gallery::GalleryProvider {
    DrainingReadsOffline() : GalleryProvider(drainingStops()) {}

    void describe(wmimock::Instance& out, const gallery::ServiceState& s, gallery::TimePoint now) const override {
        GalleryProvider::describe(out, s, now);
        if (s.heading == false) out.set("EnabledState", wmimock::Value::uint16(6));
    }
};

}  // namespace

GALLERY_PLUGIN(DrainingReadsOffline)
