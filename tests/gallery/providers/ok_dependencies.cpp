// Three services that depend on one another (api needs web, web needs db), linked by
// CIM_ServiceServiceDependency. A service does not stop while one that needs it runs, and
// does not start while one it needs is stopped: the refusal is 3 ("Dependent Services
// Running") or 4 ("Dependency Not Running"), and changes nothing.
// breaks: none
#include "gallery_provider.hpp"

namespace {

gallery::Settings dependencies() {
    gallery::Settings s;
    s.services = {{"api", true}, {"db", true}, {"web", true}};
    s.needs = {{"api", "web"}, {"web", "db"}};
    return s;
}

struct Dependencies : gallery::GalleryProvider {
    Dependencies() : GalleryProvider(dependencies()) {}
};

}  // namespace

GALLERY_PLUGIN(Dependencies)
