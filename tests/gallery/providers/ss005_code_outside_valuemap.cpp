// The class documents StopService's codes (0 success, 1 not supported, 2 failed, 4096 job)
// but the provider answers 6 for a service that is already stopped, a code it never declared.
// breaks: SS-005
// warns: SS-008 CONC-002 (6 is not the preferred 0; whether 6 is allowed is SS-005's)
#include "gallery_provider.hpp"

namespace {

constexpr const char* kMof = R"(
class Gallery_Service : CIM_Service {
    [Override ("StopService"), ValueMap {"0", "1", "2", "4096"},
     Values {"Completed", "Not Supported", "Failed", "Job Started"}]
    uint32 StopService();
};
)";

struct CodeOutsideValueMap : gallery::GalleryProvider {
    CodeOutsideValueMap()
        : GalleryProvider([] {
              gallery::Settings s;
              s.classMof = kMof;
              return s;
          }()) {}

    std::uint32_t stopService(gallery::Call& call) override {
        if (!goal(call.service)) return 6;
        return GalleryProvider::stopService(call);
    }
};

}  // namespace

GALLERY_PLUGIN(CodeOutsideValueMap)
