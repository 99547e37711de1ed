#include "wmimock/cim/qualifier.hpp"

#include <array>

#include "wmimock/cim/names.hpp"

namespace wmimock {

std::string toString(Scope scope) {
    if (scope == Scope::Any) return "any";
    static constexpr std::array<std::pair<Scope, std::string_view>, 8> kNames{{
        {Scope::Class, "class"},
        {Scope::Association, "association"},
        {Scope::Indication, "indication"},
        {Scope::Property, "property"},
        {Scope::Reference, "reference"},
        {Scope::Method, "method"},
        {Scope::Parameter, "parameter"},
        {Scope::Qualifier, "qualifier"},
    }};
    std::string out;
    for (const auto& [bit, name] : kNames) {
        if (!hasScope(scope, bit)) continue;
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}

std::string toString(const Flavor& flavor) {
    std::string out = flavor.overridable ? "EnableOverride" : "DisableOverride";
    out += flavor.toSubclass ? ", ToSubclass" : ", Restricted";
    if (flavor.translatable) out += ", Translatable";
    if (flavor.toInstance) out += ", ToInstance";
    if (flavor.amended) out += ", Amended";
    return out;
}

const std::vector<Qualifier>& QualifierList::empty_() noexcept {
    static const std::vector<Qualifier> none;
    return none;
}

std::vector<Qualifier>& QualifierList::mutableItems() {
    if (!items_) {
        items_ = std::make_shared<std::vector<Qualifier>>();
    } else if (items_.use_count() > 1) {
        items_ = std::make_shared<std::vector<Qualifier>>(*items_);
    }
    // Sole owner now: the list was created here or copied for this object alone.
    return const_cast<std::vector<Qualifier>&>(*items_);
}

void QualifierList::reserve(std::size_t count) {
    if (count > items().size()) mutableItems().reserve(count);
}

const Qualifier* QualifierList::find(std::string_view name) const noexcept {
    for (const Qualifier& q : items()) {
        if (iequals(q.name, name)) return &q;
    }
    return nullptr;
}

void QualifierList::set(Qualifier q) {
    std::vector<Qualifier>& items = mutableItems();
    for (Qualifier& existing : items) {
        if (iequals(existing.name, q.name)) {
            existing = std::move(q);
            return;
        }
    }
    items.push_back(std::move(q));
}

bool QualifierList::erase(std::string_view name) {
    const auto& current = items();
    for (std::size_t i = 0; i < current.size(); ++i) {
        if (iequals(current[i].name, name)) {
            std::vector<Qualifier>& items = mutableItems();
            items.erase(items.begin() + static_cast<std::ptrdiff_t>(i));
            return true;
        }
    }
    return false;
}

bool QualifierList::isTrue(std::string_view name) const noexcept {
    const Qualifier* q = find(name);
    if (q == nullptr || q->value.isArray()) return false;
    // A bare boolean qualifier ([Key]) means TRUE.
    if (q->value.isNull()) return q->value.type() == CimType::Boolean;
    return q->value.type() == CimType::Boolean && q->value.asBool();
}

std::optional<std::string> QualifierList::stringValue(std::string_view name) const {
    const Qualifier* q = find(name);
    if (q == nullptr || q->value.isNull() || q->value.isArray() || q->value.type() != CimType::String) {
        return std::nullopt;
    }
    return q->value.asString();
}

std::vector<std::string> QualifierList::stringArray(std::string_view name) const {
    std::vector<std::string> out;
    const Qualifier* q = find(name);
    if (q == nullptr || q->value.isNull()) return out;
    if (!q->value.isArray()) {
        out.push_back(q->value.toText());
        return out;
    }
    for (const Value& e : q->value.asArray()) out.push_back(e.toText());
    return out;
}

}  // namespace wmimock
