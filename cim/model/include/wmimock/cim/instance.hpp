// An instance: a class name and named property values, with its path once it has one.
// Copies are cheap (copy-on-write), so instances are passed by value.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "wmimock/cim/object_path.hpp"
#include "wmimock/cim/value.hpp"

namespace wmimock {

struct PropertyValue {
    std::string name;
    Value value;
};

class Instance {
public:
    Instance();
    explicit Instance(std::string className);

    const std::string& className() const noexcept;
    void setClassName(std::string name);

    /// The property's value, or nullptr if the instance has no such property.
    const Value* find(std::string_view name) const noexcept;
    /// The property's value; throws CimError(NoSuchProperty) if absent.
    const Value& get(std::string_view name) const;
    bool has(std::string_view name) const noexcept { return find(name) != nullptr; }
    /// Adds or replaces (the name's case is kept from the first set).
    Instance& set(std::string_view name, Value value);
    bool erase(std::string_view name);
    const std::vector<PropertyValue>& properties() const noexcept;

    /// The instance path (empty ObjectPath until assigned by a CIMOM or the caller).
    const ObjectPath& path() const noexcept;
    void setPath(ObjectPath path);

    /// Same class (case-insensitive) and the same set of properties with equal values.
    friend bool operator==(const Instance& a, const Instance& b);
    /// MOF "instance of X { ... };" text.
    std::string toMof() const;
    friend std::ostream& operator<<(std::ostream& os, const Instance& i);

private:
    struct Data;
    Data& mutableData();
    std::shared_ptr<Data> data_;
};

}  // namespace wmimock
