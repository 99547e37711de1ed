// Hyper-V style: RequestStateChange checks its parameters, answers 4096 and hands back a
// CIM_ConcreteJob that completes 200 ms later, when the service reaches the state; the
// service shows EnabledState 4 or 10 meanwhile. StopService and StartService complete the
// same way but answer 0 (the deprecated methods carry no Job parameter).
// breaks: none
// warns: JOB-010 (no CIM_AffectedJobElement: the MAY is not implemented)
#include "gallery_provider.hpp"

namespace {

struct HyperVJobs : gallery::GalleryProvider {
    HyperVJobs()
        : GalleryProvider([] {
              gallery::Settings s;
              s.className = "Gallery_VirtualSystemManagementService";
              s.services = {{"vmms", true}};
              s.transition = gallery::milliseconds(200);
              s.jobs = true;
              return s;
          }()) {}
};

}  // namespace

GALLERY_PLUGIN(HyperVJobs)
