// Every change takes 1 s of real time: the methods answer 0 at once ("initiated"), and the
// service reads EnabledState 4 (stopping) or 10 (starting) with TransitioningToState set to
// the target until it gets there.
// breaks: none
#include "gallery_provider.hpp"

namespace {

struct SlowTransitions : gallery::GalleryProvider {
    SlowTransitions()
        : GalleryProvider([] {
              gallery::Settings s;
              s.transition = gallery::milliseconds(1000);
              return s;
          }()) {}
};

}  // namespace

GALLERY_PLUGIN(SlowTransitions)
