#include "wmimock/cim/instance.hpp"

#include <ostream>

#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"

namespace wmimock {

struct Instance::Data {
    std::string className;
    std::vector<PropertyValue> properties;
    ObjectPath path;
};

Instance::Instance() : data_(std::make_shared<Data>()) {}

Instance::Instance(std::string className) : data_(std::make_shared<Data>()) {
    data_->className = std::move(className);
}

Instance::Data& Instance::mutableData() {
    // Copy-on-write: a body shared with other copies is cloned before the first change.
    if (data_.use_count() > 1) data_ = std::make_shared<Data>(*data_);
    return *data_;
}

const std::string& Instance::className() const noexcept {
    return data_->className;
}

void Instance::setClassName(std::string name) {
    mutableData().className = std::move(name);
}

const Value* Instance::find(std::string_view name) const noexcept {
    for (const PropertyValue& p : data_->properties) {
        if (iequals(p.name, name)) return &p.value;
    }
    return nullptr;
}

const Value& Instance::get(std::string_view name) const {
    if (const Value* v = find(name)) return *v;
    throw CimError(CimStatus::NoSuchProperty,
                   "instance of " + data_->className + " has no property '" + std::string(name) + "'");
}

Instance& Instance::set(std::string_view name, Value value) {
    Data& d = mutableData();
    for (PropertyValue& p : d.properties) {
        if (iequals(p.name, name)) {
            p.value = std::move(value);
            return *this;
        }
    }
    d.properties.push_back(PropertyValue{std::string(name), std::move(value)});
    return *this;
}

bool Instance::erase(std::string_view name) {
    if (find(name) == nullptr) return false;  // no copy for a no-op
    auto& props = mutableData().properties;
    for (auto it = props.begin(); it != props.end(); ++it) {
        if (iequals(it->name, name)) {
            props.erase(it);
            return true;
        }
    }
    return false;
}

const std::vector<PropertyValue>& Instance::properties() const noexcept {
    return data_->properties;
}

const ObjectPath& Instance::path() const noexcept {
    return data_->path;
}

void Instance::setPath(ObjectPath path) {
    mutableData().path = std::move(path);
}

bool operator==(const Instance& a, const Instance& b) {
    if (a.data_ == b.data_) return true;
    if (!iequals(a.className(), b.className()) || a.properties().size() != b.properties().size()) return false;
    for (const PropertyValue& p : a.properties()) {
        const Value* other = b.find(p.name);
        if (other == nullptr || !(p.value == *other)) return false;
    }
    return true;
}

std::string Instance::toMof() const {
    std::string out = "instance of " + className() + "\n{\n";
    for (const PropertyValue& p : properties()) {
        out += "    " + p.name + " = " + p.value.toMof() + ";\n";
    }
    out += "};\n";
    return out;
}

std::ostream& operator<<(std::ostream& os, const Instance& i) {
    return os << i.toMof();
}

}  // namespace wmimock
