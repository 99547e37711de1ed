// Qualifiers and qualifier declarations, with DSP0004 scopes and flavors and WMI's Amended.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wmimock/cim/cim_type.hpp"
#include "wmimock/cim/value.hpp"

namespace wmimock {

/// Where a qualifier may appear (bit set).
enum class Scope : std::uint16_t {
    None = 0,
    Class = 1 << 0,
    Association = 1 << 1,
    Indication = 1 << 2,
    Property = 1 << 3,
    Reference = 1 << 4,
    Method = 1 << 5,
    Parameter = 1 << 6,
    Qualifier = 1 << 7,
    Any = 0xFF,
};
constexpr Scope operator|(Scope a, Scope b) noexcept {
    return static_cast<Scope>(static_cast<std::uint16_t>(a) | static_cast<std::uint16_t>(b));
}
constexpr Scope operator&(Scope a, Scope b) noexcept {
    return static_cast<Scope>(static_cast<std::uint16_t>(a) & static_cast<std::uint16_t>(b));
}
constexpr bool hasScope(Scope set, Scope s) noexcept {
    return (set & s) != Scope::None;
}
/// "class, property" style list for messages and MOF output.
std::string toString(Scope scope);

/// Flavors. Defaults are DSP0004's: EnableOverride, ToSubclass, not Translatable.
struct Flavor {
    bool overridable = true;    ///< EnableOverride (true) / DisableOverride (false)
    bool toSubclass = true;     ///< ToSubclass (true) / Restricted (false)
    bool translatable = false;  ///< Translatable
    bool amended = false;       ///< WMI: Amended (localized, not propagated to the instance store)
    bool toInstance = false;    ///< WMI/CIM 2.x: ToInstance
    friend bool operator==(const Flavor&, const Flavor&) = default;
};
/// "EnableOverride, ToSubclass" style list.
std::string toString(const Flavor& flavor);

struct QualifierDecl {
    std::string name;
    CimType type = CimType::Boolean;
    bool isArray = false;
    std::optional<std::uint32_t> arraySize;
    Value defaultValue;  ///< NULL when the declaration has no default
    Scope scope = Scope::None;
    Flavor flavor;
};

struct Qualifier {
    std::string name;
    Value value;
    Flavor flavor;
    bool propagated = false;  ///< inherited from a superclass element, not set locally
};

/// An ordered list of qualifiers with case-insensitive lookup. Copies share the list until
/// one of them changes (copy on write): a subclass inherits its superclass's qualifiers on
/// every property, and most of them never change, so a schema keeps one list per set.
class QualifierList {
public:
    const Qualifier* find(std::string_view name) const noexcept;
    bool has(std::string_view name) const noexcept { return find(name) != nullptr; }
    /// Adds or replaces by name.
    void set(Qualifier q);
    bool erase(std::string_view name);

    /// True if the qualifier is present with a TRUE boolean value (or as a bare flag).
    bool isTrue(std::string_view name) const noexcept;
    /// The value of a string qualifier, if present and non-NULL.
    std::optional<std::string> stringValue(std::string_view name) const;
    /// The string elements of an array qualifier (ValueMap, Values), empty if absent.
    std::vector<std::string> stringArray(std::string_view name) const;

    const std::vector<Qualifier>& items() const noexcept { return items_ ? *items_ : empty_(); }
    /// The same for every list that shares this one's items (nullptr when empty).
    const void* identity() const noexcept { return items_.get(); }
    /// Room for `count` qualifiers, so that adding them one by one allocates once.
    void reserve(std::size_t count);
    std::size_t size() const noexcept { return items().size(); }
    bool empty() const noexcept { return items().empty(); }
    auto begin() const noexcept { return items().begin(); }
    auto end() const noexcept { return items().end(); }

private:
    static const std::vector<Qualifier>& empty_() noexcept;
    std::vector<Qualifier>& mutableItems();  // unshares first

    std::shared_ptr<const std::vector<Qualifier>> items_;
};

}  // namespace wmimock
