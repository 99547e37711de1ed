// Three services that depend on one another (api needs web, web needs db), linked by
// CIM_ServiceServiceDependency. A service does not stop while one that needs it runs, and
// does not start while one it needs is stopped: the refusal is 3 ("Dependent Services
// Running") or 4 ("Dependency Not Running"), and changes nothing.
// breaks: none
#include "gallery_provider.hpp"

namespace {

const std::map<std::string, std::string> kNeeds{{"api", "web"}, {"web", "db"}};

struct Dependencies : gallery::GalleryProvider {
    Dependencies()
        : GalleryProvider([] {
              gallery::Settings s;
              s.services = {{"api", true}, {"db", true}, {"web", true}};
              return s;
          }()) {
        for (const auto& [dependent, antecedent] : kNeeds) {
            settings_.classMof += "instance of CIM_ServiceServiceDependency {\n  Antecedent = \"" +
                                  gallery::mofQuoted(pathOf(services_.at(antecedent)).toString()) +
                                  "\";\n  Dependent = \"" +
                                  gallery::mofQuoted(pathOf(services_.at(dependent)).toString()) + "\";\n};\n";
        }
        settings_.classMof = "class Gallery_Service : CIM_Service {\n};\n" + settings_.classMof;
    }

    bool dependentRuns(const std::string& name) const {
        for (const auto& [dependent, antecedent] : kNeeds) {
            if (antecedent == name && goal(services_.at(dependent))) return true;
        }
        return false;
    }
    bool antecedentStopped(const std::string& name) const {
        const auto it = kNeeds.find(name);
        return it != kNeeds.end() && !goal(services_.at(it->second));
    }
    std::uint32_t stopService(gallery::Call& call) override {
        if (goal(call.service) && dependentRuns(call.service.name)) return 3;
        return GalleryProvider::stopService(call);
    }
    std::uint32_t startService(gallery::Call& call) override {
        if (!goal(call.service) && antecedentStopped(call.service.name)) return 4;
        return GalleryProvider::startService(call);
    }
    std::uint32_t requestStateChange(gallery::Call& call) override {
        if (const auto code = refuse(call)) return *code;
        const auto state = call.param("RequestedState")->asUint64();
        if (state == 3 && goal(call.service) && dependentRuns(call.service.name)) return 4097;
        if (state == 2 && !goal(call.service) && antecedentStopped(call.service.name)) return 4097;
        return GalleryProvider::requestStateChange(call);
    }
};

}  // namespace

GALLERY_PLUGIN(Dependencies)
