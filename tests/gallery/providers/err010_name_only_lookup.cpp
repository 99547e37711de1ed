// The lookup reads only the Name key and ignores the other three, so a path with a wrong
// SystemName or CreationClassName (or a missing key) still reaches the service.
// breaks: ERR-010
#include <wmimock/cim/error.hpp>

#include "gallery_provider.hpp"

namespace {

struct NameOnlyLookup : gallery::GalleryProvider {
    NameOnlyLookup() : GalleryProvider(gallery::Settings{}) {}

    gallery::ServiceState& find(const wmimock::ObjectPath& path) override {
        const wmimock::Value* name = path.key("Name");
        if (name != nullptr && name->type() == wmimock::CimType::String) {
            if (const auto it = services_.find(name->asString()); it != services_.end()) return it->second;
        }
        throw wmimock::CimError(wmimock::CimStatus::NotFound, "no such service");
    }
};

}  // namespace

GALLERY_PLUGIN(NameOnlyLookup)
