#include "value_map.hpp"

#include <algorithm>
#include <charconv>

#include "wmimock/cim/names.hpp"

namespace wmimock::conformance {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::optional<std::uint64_t> number(std::string_view s) {
    s = trim(s);
    if (s.empty()) return std::nullopt;
    if (s.front() == '+') s.remove_prefix(1);
    std::uint64_t v = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || ptr != s.data() + s.size()) return std::nullopt;
    return v;
}

}  // namespace

bool labelContains(std::string_view label, std::string_view word) {
    return toLower(label).find(toLower(word)) != std::string::npos;
}

ValueMap ValueMap::build(const std::vector<std::string>& valueMap, const std::vector<std::string>& values) {
    ValueMap map;
    map.valueMapSize_ = valueMap.size();
    map.valuesSize_ = values.size();
    for (std::size_t i = 0; i < valueMap.size(); ++i) {
        Entry e;
        e.text = valueMap[i];
        e.label = i < values.size() ? values[i] : std::string();
        const std::string_view text = trim(e.text);
        if (text == "..") {
            e.otherwise = true;
            e.reserved = true;
        } else if (const auto dots = text.find(".."); dots != std::string_view::npos) {
            const auto lo = dots == 0 ? std::optional<std::uint64_t>(0) : number(text.substr(0, dots));
            const auto hi =
                dots + 2 == text.size() ? std::optional<std::uint64_t>(UINT64_MAX) : number(text.substr(dots + 2));
            if (!lo || !hi || *lo > *hi) {
                map.malformed_.push_back(e.text);
                continue;
            }
            e.low = *lo;
            e.high = *hi;
        } else if (const auto v = number(text)) {
            e.low = e.high = *v;
        } else {
            map.malformed_.push_back(e.text);
            continue;
        }
        if (labelContains(e.label, "DMTF Reserved") || labelContains(e.label, "Method Reserved")) {
            e.reserved = true;
        }
        map.entries_.push_back(std::move(e));
    }
    return map;
}

std::optional<ValueMap> ValueMap::of(const QualifierList& qualifiers) {
    if (!qualifiers.has("ValueMap")) {
        return std::nullopt;
    }
    return build(qualifiers.stringArray("ValueMap"), qualifiers.stringArray("Values"));
}

ValueMap ValueMap::requestStateChangeDefault() {
    return build(
        {"0", "1", "2", "3", "4", "5", "6", "..", "4096", "4097", "4098", "4099", "4100..32767", "32768..65535"},
        {"Completed with No Error", "Not Supported", "Unknown or Unspecified Error",
         "Cannot complete within Timeout Period", "Failed", "Invalid Parameter", "In Use", "DMTF Reserved",
         "Method Parameters Checked - Job Started", "Invalid State Transition",
         "Use of Timeout Parameter Not Supported", "Busy", "Method Reserved", "Vendor Specific"});
}

ValueMap::Match ValueMap::lookup(std::uint64_t value) const {
    for (const auto& e : entries_) {
        if (!e.otherwise && e.low == e.high && e.low == value) return {&e};
    }
    for (const auto& e : entries_) {
        if (!e.otherwise && e.low != e.high && value >= e.low && value <= e.high) return {&e};
    }
    const auto it = std::find_if(entries_.begin(), entries_.end(), [](const Entry& e) { return e.otherwise; });
    return {it == entries_.end() ? nullptr : &*it};
}

std::string ValueMap::labelOf(std::uint64_t value) const {
    const Match m = lookup(value);
    return m.entry != nullptr ? m.entry->label : std::string();
}

}  // namespace wmimock::conformance
