#include "check_registry.hpp"
#include "wmimock/conformance/check_filter.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "wmimock/cim/names.hpp"
#include "wmimock/conformance/rule.hpp"

namespace wmimock::conformance {
namespace {

struct Registry {
    std::vector<CheckDef> defs;
    std::vector<CheckInfo> infos;

    Registry() {
        for (const auto family : {ssChecks(), rscChecks(), conChecks(), errChecks(), jobChecks(), concChecks()}) {
            defs.insert(defs.end(), family.begin(), family.end());
        }
        // Catalog order: the position of the rule in rules(), then declaration order; the
        // checks that judge the whole run after all others.
        const auto position = [](std::string_view id) {
            const auto all = rules();
            const auto it = std::find_if(all.begin(), all.end(), [&](const Rule& r) { return r.id == id; });
            return it - all.begin();
        };
        std::stable_sort(defs.begin(), defs.end(), [&](const CheckDef& a, const CheckDef& b) {
            if (a.info.afterOthers != b.info.afterOthers) return b.info.afterOthers;
            return position(a.info.ruleId) < position(b.info.ruleId);
        });
        for (const auto& d : defs) infos.push_back(d.info);
    }
};

const Registry& registry() {
    static const Registry r;
    return r;
}

}  // namespace

std::span<const CheckDef> allChecks() noexcept {
    return registry().defs;
}

std::span<const CheckInfo> checks() noexcept {
    return registry().infos;
}

const CheckDef* findCheck(const CheckInfo& info) noexcept {
    for (const auto& d : registry().defs) {
        if (d.info.ruleId == info.ruleId && d.info.title == info.title) return &d;
    }
    return nullptr;
}

std::string filterKey(const CheckInfo& check) {
    return std::string(check.ruleId) + " " + std::string(check.title);
}

bool matchesFilter(const CheckInfo& check, std::string_view filter) {
    return CheckFilter(filter).selects(check);
}

std::string identifier(const CheckInfo& check) {
    std::string out;
    for (const char c : check.ruleId) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    out += '_';
    for (const char c : check.title) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return out;
}

}  // namespace wmimock::conformance
