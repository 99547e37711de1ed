// Object paths (instance and class names) in both spellings clients use:
//   WBEM / CIM-XML:  [//host/]root/cimv2:CIM_Service.Name="x",SystemName="y"
//   WMI:             \\host\root\cimv2:Win32_Service.Name="Spooler"
// plus singletons (Class=@) and class paths (no keys).
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wmimock/cim/value.hpp"

namespace wmimock {

/// One key property of an instance path. Values are String, Boolean, integer (Sint64 or
/// Uint64 when parsed from text), Real64, DateTime (when typed) or Reference.
struct KeyBinding {
    std::string name;
    Value value;
};

class ObjectPath {
public:
    ObjectPath() = default;
    ObjectPath(std::string nameSpace, std::string className, std::vector<KeyBinding> keys = {});

    /// Parses either spelling. Throws CimError(InvalidParameter) with the 1-based column:
    /// "invalid object path 'X.Name=\"a': column 8: unterminated string".
    /// Accepted: an optional "//host/", "\\\\host\\" or "http(s)://host:port/" prefix; an optional
    /// namespace ending in ':'; a class name; then nothing (class path), "=@" (singleton) or
    /// ".key=value,...". String values are in double (or WMI's single) quotes, escaping only
    /// quotes and backslashes; bare values are TRUE/FALSE, integers (decimal or 0x) or reals.
    static ObjectPath parse(std::string_view text);
    static std::optional<ObjectPath> tryParse(std::string_view text, std::string* error = nullptr);

    /// Host ("" if none; "." is WMI's local host and is kept as written).
    const std::string& host() const noexcept { return host_; }
    /// Namespace normalized to '/' separators without leading or trailing '/'.
    const std::string& nameSpace() const noexcept { return nameSpace_; }
    const std::string& className() const noexcept { return className_; }
    const std::vector<KeyBinding>& keys() const noexcept { return keys_; }
    bool isSingleton() const noexcept { return singleton_; }
    /// A class path: no keys and not a singleton.
    bool isClassPath() const noexcept { return keys_.empty() && !singleton_; }

    void setHost(std::string host) { host_ = std::move(host); }
    /// Accepts "root/cimv2", "root\\cimv2", "/root/cimv2/".
    void setNameSpace(std::string_view ns);
    void setClassName(std::string name) { className_ = std::move(name); }
    void setSingleton(bool singleton) { singleton_ = singleton; }
    /// Adds or replaces a key binding (names compared case-insensitively).
    void setKey(std::string name, Value value);
    /// The key's value or nullptr.
    const Value* key(std::string_view name) const noexcept;

    /// Canonical WBEM spelling: host and namespace included when set, keys sorted by
    /// case-insensitive name, strings quoted with \" and \\ escaped.
    std::string toString() const;
    /// WMI spelling: \\host\ns\ns:Class.Key="v" ("." for an empty host).
    std::string toWmiString() const;
    /// Without host and namespace (WMI __RELPATH).
    std::string toRelativeString() const;

    /// Same path ignoring host: namespace, class and key names case-insensitively, key
    /// values by Value equality (integers by number), keys order-independent. A string key
    /// equals a typed Reference / DateTime / Char16 key when it parses to that value, since
    /// parsed paths carry untyped strings where a class declares those types.
    friend bool operator==(const ObjectPath& a, const ObjectPath& b);
    std::size_t hash() const noexcept;

    friend std::ostream& operator<<(std::ostream& os, const ObjectPath& p);

private:
    std::string host_;
    std::string nameSpace_;
    std::string className_;
    std::vector<KeyBinding> keys_;
    bool singleton_ = false;
};

/// Normalizes a namespace name: "\\\\.\\root\\cimv2", "root\\cimv2", "/root/cimv2" -> "root/cimv2".
std::string normalizeNamespace(std::string_view ns);

struct ObjectPathHash {
    std::size_t operator()(const ObjectPath& p) const noexcept { return p.hash(); }
};

}  // namespace wmimock
