// AvailableRequestedStates is filled from a fixed list that includes Reset (11), which the
// capabilities' RequestedStatesSupported does not.
// breaks: RSC-006
#include "gallery_provider.hpp"

namespace {

struct AvailableListsReset : gallery::GalleryProvider {
    AvailableListsReset() : GalleryProvider(gallery::Settings{}) {}

    void describe(wmimock::Instance& out, const gallery::ServiceState& s, gallery::TimePoint now) const override {
        GalleryProvider::describe(out, s, now);
        out.set("AvailableRequestedStates",
                wmimock::Value::array(wmimock::CimType::Uint16,
                                      {wmimock::Value::uint16(goal(s) ? 3 : 2), wmimock::Value::uint16(11)}));
    }
};

}  // namespace

GALLERY_PLUGIN(AvailableListsReset)
