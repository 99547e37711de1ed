// A well-formed path whose service does not exist is reported with CIM_ERR_FAILED ("lookup
// failed") instead of CIM_ERR_NOT_FOUND; malformed paths are refused properly.
// breaks: ERR-001
#include <wmimock/cim/error.hpp>

#include "gallery_provider.hpp"

namespace {

struct MissingInstanceGenericFailure : gallery::GalleryProvider {
    MissingInstanceGenericFailure() : GalleryProvider(gallery::Settings{}) {}

    gallery::ServiceState& find(const wmimock::ObjectPath& path) override {
        try {
            return GalleryProvider::find(path);
        } catch (const wmimock::CimError&) {
            const wmimock::Value* name = path.key("Name");
            if (path.keys().size() == 4 && name != nullptr && name->type() == wmimock::CimType::String &&
                !services_.contains(name->asString())) {
                throw wmimock::CimError(wmimock::CimStatus::Failed, "lookup failed");
            }
            throw;
        }
    }
};

}  // namespace

GALLERY_PLUGIN(MissingInstanceGenericFailure)
