#include "wmimock/cim/property_as.hpp"

#include <limits>
#include <type_traits>

#include "wmimock/cim/value.hpp"

namespace wmimock {
namespace {

/// An integer scalar's value in [0, max], without the exceptions Value's accessors throw.
template <typename Unsigned>
std::optional<Unsigned> unsignedOf(const Value& v) {
    if (v.isNull() || v.isArray() || !isInteger(v.type())) return std::nullopt;
    if (isSignedInteger(v.type()) && v.asInt64() < 0) return std::nullopt;
    const std::uint64_t n = v.asUint64();
    if (n > std::numeric_limits<Unsigned>::max()) return std::nullopt;
    return static_cast<Unsigned>(n);
}

}  // namespace

template <typename T>
std::optional<T> propertyAs(const Instance& instance, std::string_view name) {
    const Value* v = instance.find(name);
    if (v == nullptr || v->isNull()) return std::nullopt;
    if constexpr (std::is_same_v<T, std::vector<std::uint16_t>>) {
        if (!v->isArray() || !isInteger(v->type())) return std::nullopt;
        T out;
        for (const Value& element : v->asArray()) {
            if (auto n = unsignedOf<std::uint16_t>(element)) out.push_back(*n);
        }
        return out;
    } else {
        if (v->isArray()) return std::nullopt;
        if constexpr (std::is_same_v<T, bool>) {
            if (v->type() == CimType::Boolean) return v->asBool();
        } else if constexpr (std::is_same_v<T, std::string>) {
            if (v->type() == CimType::String) return v->asString();
        } else if constexpr (std::is_same_v<T, CimDateTime>) {
            if (v->type() == CimType::DateTime) return v->asDateTime();
        } else {
            return unsignedOf<T>(*v);
        }
        return std::nullopt;
    }
}

template std::optional<bool> propertyAs<bool>(const Instance&, std::string_view);
template std::optional<std::uint16_t> propertyAs<std::uint16_t>(const Instance&, std::string_view);
template std::optional<std::uint32_t> propertyAs<std::uint32_t>(const Instance&, std::string_view);
template std::optional<std::uint64_t> propertyAs<std::uint64_t>(const Instance&, std::string_view);
template std::optional<std::string> propertyAs<std::string>(const Instance&, std::string_view);
template std::optional<CimDateTime> propertyAs<CimDateTime>(const Instance&, std::string_view);
template std::optional<std::vector<std::uint16_t>> propertyAs<std::vector<std::uint16_t>>(const Instance&,
                                                                                          std::string_view);

}  // namespace wmimock
