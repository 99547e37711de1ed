// The capabilities advertise Offline (6) but the provider never implemented it and answers
// 1 (Not Supported) for it.
// breaks: RSC-007
#include "gallery_provider.hpp"

namespace {

struct ListedOfflineDeclined : gallery::GalleryProvider {
    ListedOfflineDeclined()
        : GalleryProvider([] {
              gallery::Settings s;
              s.requestedStatesSupported = std::vector<std::uint16_t>{2, 3, 6};
              return s;
          }()) {}

    std::uint32_t requestStateChange(gallery::Call& call) override {
        if (const auto code = refuse(call)) return *code;
        if (call.param("RequestedState")->asUint64() == 6) return 1;
        return GalleryProvider::requestStateChange(call);
    }
};

}  // namespace

GALLERY_PLUGIN(ListedOfflineDeclined)
