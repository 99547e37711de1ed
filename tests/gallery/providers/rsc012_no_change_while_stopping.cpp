// Stops take 400 ms (EnabledState 4 meanwhile), but TransitioningToState reads 5 ("No
// Change") during a stop: the property is only written when a start is pending.
// breaks: RSC-012
#include "gallery_provider.hpp"

namespace {

gallery::Settings slowStops() {
    gallery::Settings s;
    s.transition = gallery::milliseconds(400);
    return s;
}

struct NoChangeWhileStopping : gallery::GalleryProvider {
    NoChangeWhileStopping() : GalleryProvider(slowStops()) {}

    void describe(wmimock::Instance& out, const gallery::ServiceState& s, gallery::TimePoint now) const override {
        GalleryProvider::describe(out, s, now);
        if (s.heading == false) out.set("TransitioningToState", wmimock::Value::uint16(5));
    }
};

}  // namespace

GALLERY_PLUGIN(NoChangeWhileStopping)
