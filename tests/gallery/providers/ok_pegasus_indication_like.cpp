// Behaves as OpenPegasus 2.14's CIM_IndicationService does: RequestStateChange(2/3) works
// synchronously, RequestedState is not tracked (12), Started stays TRUE while the service is
// disabled, and the declared StopService/StartService answer CIM_ERR_METHOD_NOT_FOUND. That
// last answer is a decline signalled with the wrong code (catalog §0.3 Rev. 2): ERR-006 owns
// it, and it must fail nothing else.
// breaks: ERR-006
// warns: CON-002 (Started TRUE while EnabledState is 3)
#include <wmimock/cim/error.hpp>

#include "gallery_provider.hpp"

namespace {

struct PegasusIndicationLike : gallery::GalleryProvider {
    PegasusIndicationLike()
        : GalleryProvider([] {
              gallery::Settings s;
              s.className = "Gallery_IndicationService";
              s.tracksRequestedState = false;
              return s;
          }()) {}

    std::uint32_t stopService(gallery::Call&) override {
        throw wmimock::CimError(wmimock::CimStatus::MethodNotFound, "StopService");
    }
    std::uint32_t startService(gallery::Call&) override {
        throw wmimock::CimError(wmimock::CimStatus::MethodNotFound, "StartService");
    }
    void describe(wmimock::Instance& out, const gallery::ServiceState& s, gallery::TimePoint now) const override {
        GalleryProvider::describe(out, s, now);
        out.set("Started", wmimock::Value::boolean(true));
    }
};

}  // namespace

GALLERY_PLUGIN(PegasusIndicationLike)
