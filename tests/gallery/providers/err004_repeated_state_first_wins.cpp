// The provider takes its parameters unchecked from the CIMOM and checks them itself, but
// reads RequestedState with a "find the first" helper: a request that names it twice is
// carried out with the first value instead of being refused. With parameters unchecked, the
// CIMOM finds an instance missing before the provider sees a bad parameter (ERR-007).
// breaks: ERR-004
// warns: ERR-007
#include <algorithm>

#include <wmimock/cim/names.hpp>

#include "gallery_provider.hpp"

namespace {

struct RepeatedStateFirstWins : gallery::GalleryProvider {
    RepeatedStateFirstWins() : GalleryProvider(gallery::uncheckedParameters()) {}

    std::uint32_t requestStateChange(gallery::Call& call) override {
        // The repeat check is what is missing: drop the later copies before validating.
        std::vector<wmimock::ParamValue> firsts;
        for (const auto& p : call.in) {
            const bool seen = std::any_of(firsts.begin(), firsts.end(),
                                          [&](const auto& f) { return wmimock::iequals(f.name, p.name); });
            if (!seen) firsts.push_back(p);
        }
        gallery::Call deduplicated{call.ctx, call.target, call.service, firsts, call.now, {}, call.lock};
        const auto code = GalleryProvider::requestStateChange(deduplicated);
        call.result = std::move(deduplicated.result);
        return code;
    }
};

}  // namespace

GALLERY_PLUGIN(RepeatedStateFirstWins)
