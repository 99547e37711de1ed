// A plain synchronous provider with one running and one stopped service: every method
// completes before it returns, and RequestedState follows each request.
// breaks: none
#include "gallery_provider.hpp"

namespace {

struct Synchronous : gallery::GalleryProvider {
    Synchronous()
        : GalleryProvider([] {
              gallery::Settings s;
              s.services = {{"alpha", true}, {"beta", false}};
              return s;
          }()) {}
};

}  // namespace

GALLERY_PLUGIN(Synchronous)
