// The lookup validates the keys, then falls back to the first service when the Name is
// unknown (a "default instance" convenience): calls on a missing instance act on a real one.
// breaks: ERR-001
#include "gallery_provider.hpp"

namespace {

struct UnknownNameFallsBack : gallery::GalleryProvider {
    UnknownNameFallsBack() : GalleryProvider(gallery::Settings{}) {}

    gallery::ServiceState& find(const wmimock::ObjectPath& path) override {
        try {
            return GalleryProvider::find(path);
        } catch (const wmimock::CimError&) {
            if (path.keys().size() == 4 && path.key("Name") != nullptr) return services_.begin()->second;
            throw;
        }
    }
};

}  // namespace

GALLERY_PLUGIN(UnknownNameFallsBack)
