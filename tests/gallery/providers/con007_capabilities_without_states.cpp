// The capabilities list 12 ("Not Applicable" in EnabledState, not a state one can request)
// next to 2 and 3: the developer copied EnabledState's values.
// breaks: CON-007
#include "gallery_provider.hpp"

namespace {

struct CapabilitiesWithoutStates : gallery::GalleryProvider {
    CapabilitiesWithoutStates()
        : GalleryProvider([] {
              gallery::Settings s;
              s.requestedStatesSupported = std::vector<std::uint16_t>{2, 3, 12};
              return s;
          }()) {}
};

}  // namespace

GALLERY_PLUGIN(CapabilitiesWithoutStates)
