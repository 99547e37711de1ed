#include "check_registry.hpp"

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
        // Catalog order: the position of the rule in rules(), then declaration order.
        const auto position = [](std::string_view id) {
            const auto all = rules();
            const auto it = std::find_if(all.begin(), all.end(), [&](const Rule& r) { return r.id == id; });
            return it - all.begin();
        };
        std::stable_sort(defs.begin(), defs.end(), [&](const CheckDef& a, const CheckDef& b) {
            return position(a.info.ruleId) < position(b.info.ruleId);
        });
        for (const auto& d : defs) infos.push_back(d.info);
    }
};

const Registry& registry() {
    static const Registry r;
    return r;
}

/// Case-insensitive glob with * and ?.
bool glob(std::string_view pattern, std::string_view text) {
    std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
    const auto same = [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    };
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || same(pattern[p], text[t]))) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
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
    filter = trim(filter);
    if (filter.empty()) return true;
    const std::string key = filterKey(check);
    while (!filter.empty()) {
        const auto comma = filter.find(',');
        const std::string_view pattern = trim(filter.substr(0, comma));
        filter = comma == std::string_view::npos ? std::string_view() : filter.substr(comma + 1);
        if (pattern.empty()) continue;
        if (glob(pattern, key) || glob(pattern, check.ruleId) || iequals(pattern, check.title)) return true;
    }
    return false;
}

std::string identifier(const CheckInfo& check) {
    std::string out;
    for (const char c : check.ruleId) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    out += '_';
    for (const char c : check.title) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return out;
}

}  // namespace wmimock::conformance
