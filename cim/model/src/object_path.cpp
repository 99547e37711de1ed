#include "wmimock/cim/object_path.hpp"

#include <algorithm>
#include <limits>
#include <ostream>

#include "literal_text.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"

namespace wmimock {

namespace {

bool isIdentStart(char c) noexcept {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}
bool isIdentChar(char c) noexcept {
    return isIdentStart(c) || (c >= '0' && c <= '9');
}

bool startsWithNoCase(std::string_view text, std::string_view prefix) noexcept {
    return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

struct PathError {
    std::size_t column;  // 1-based
    std::string what;
};

std::string describeChar(char c) {
    if (c >= 0x20 && c < 0x7f) return std::string("'") + c + "'";
    return "byte " + std::to_string(static_cast<unsigned char>(c));
}

// Recursive-descent parser over one path text; throws PathError with the column.
class PathParser {
public:
    explicit PathParser(std::string_view text) : text_(text) {}

    ObjectPath run() {
        ObjectPath path;
        parseHost(path);
        parseNamespace(path);
        const std::size_t classStart = pos_;
        const std::string_view className = identifier();
        if (className.empty()) fail(classStart, "expected a class name" + gotWhat());
        path.setClassName(std::string(className));
        if (atEnd()) return path;
        if (peek() == '=') {
            ++pos_;
            if (atEnd() || peek() != '@') fail(pos_, "expected '@' after '=' (singleton path Class=@)" + gotWhat());
            ++pos_;
            if (!atEnd()) fail(pos_, "unexpected " + describeChar(peek()) + " after singleton '=@'");
            path.setSingleton(true);
            return path;
        }
        if (peek() != '.') fail(pos_, "unexpected " + describeChar(peek()) + " after class name, expected '.' or '='");
        ++pos_;
        parseKeys(path);
        return path;
    }

private:
    [[noreturn]] void fail(std::size_t pos, std::string what) const { throw PathError{pos + 1, std::move(what)}; }

    bool atEnd() const noexcept { return pos_ >= text_.size(); }
    char peek() const noexcept { return text_[pos_]; }
    std::string gotWhat() const { return atEnd() ? ", got end of text" : ", got " + describeChar(peek()); }

    std::string_view identifier() {
        const std::size_t start = pos_;
        if (!atEnd() && isIdentStart(peek())) {
            while (!atEnd() && isIdentChar(peek())) ++pos_;
        }
        return text_.substr(start, pos_ - start);
    }

    // "//host/", "\\host\", "http://host:port/" (a WBEM URI), or nothing.
    void parseHost(ObjectPath& path) {
        std::size_t hostStart = 0;
        if (startsWithNoCase(text_, "http://")) {
            hostStart = 7;
        } else if (startsWithNoCase(text_, "https://")) {
            hostStart = 8;
        } else if (text_.starts_with("//") || text_.starts_with("\\\\")) {
            hostStart = 2;
        } else {
            return;
        }
        const std::size_t hostEnd = text_.find_first_of("/\\", hostStart);
        if (hostEnd == std::string_view::npos) fail(text_.size(), "expected '/' or '\\' after the host name");
        if (hostEnd == hostStart) fail(hostStart, "empty host name");
        path.setHost(std::string(text_.substr(hostStart, hostEnd - hostStart)));
        pos_ = hostEnd + 1;
        hasHost_ = true;
    }

    // The namespace ends at the first ':' that comes before anything of the class part.
    void parseNamespace(ObjectPath& path) {
        const std::size_t stop = text_.find_first_of(":.=\"',", pos_);
        if (stop == std::string_view::npos || text_[stop] != ':') {
            if (hasHost_)
                fail(stop == std::string_view::npos ? text_.size() : stop,
                     "expected ':' between the namespace and the class name");
            return;
        }
        const std::string_view ns = text_.substr(pos_, stop - pos_);
        for (std::size_t i = 0; i < ns.size(); ++i) {
            const char c = ns[i];
            if (!isIdentChar(c) && c != '/' && c != '\\' && c != '-') {
                fail(pos_ + i, "unexpected " + describeChar(c) + " in namespace");
            }
        }
        path.setNameSpace(ns);
        pos_ = stop + 1;
    }

    void parseKeys(ObjectPath& path) {
        for (;;) {
            const std::size_t nameStart = pos_;
            const std::string_view name = identifier();
            if (name.empty()) {
                if (!atEnd() && peek() != '=' && peek() != ',') {
                    fail(nameStart, "invalid key name starting with " + describeChar(peek()));
                }
                fail(nameStart, "empty key name");
            }
            if (path.key(name) != nullptr) fail(nameStart, "duplicate key '" + std::string(name) + "'");
            if (atEnd() || peek() != '=')
                fail(pos_, "expected '=' after key name '" + std::string(name) + "'" + gotWhat());
            ++pos_;
            Value value = keyValue(name);
            path.setKey(std::string(name), std::move(value));
            if (atEnd()) return;
            if (peek() != ',') {
                fail(pos_, "unexpected " + describeChar(peek()) + " after the value of key '" + std::string(name) +
                               "', expected ',' or end of path");
            }
            ++pos_;
        }
    }

    Value keyValue(std::string_view keyName) {
        if (atEnd()) fail(pos_, "missing value for key '" + std::string(keyName) + "'");
        const char quote = peek();
        if (quote == '"' || quote == '\'') return Value::string(quotedString(quote));
        const std::size_t start = pos_;
        const std::size_t end = std::min(text_.find(',', pos_), text_.size());
        const std::string_view token = text_.substr(start, end - start);
        if (token.empty()) fail(start, "missing value for key '" + std::string(keyName) + "'");
        pos_ = end;
        if (iequals(token, "TRUE")) return Value::boolean(true);
        if (iequals(token, "FALSE")) return Value::boolean(false);
        if (token == "NULL") return Value();
        if (const auto lit = detail::parseIntegerLiteral(token)) {
            if (lit->overflow) fail(start, "integer " + std::string(token) + " does not fit 64 bits");
            if (!lit->negative) {
                if (lit->magnitude <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
                    return Value::sint64(static_cast<std::int64_t>(lit->magnitude));
                }
                return Value::uint64(lit->magnitude);
            }
            if (lit->magnitude > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + 1) {
                fail(start, "integer " + std::string(token) + " is below the sint64 range");
            }
            return Value::sint64(static_cast<std::int64_t>(0 - lit->magnitude));
        }
        if (const auto real = detail::parseRealLiteral(token)) return Value::real64(*real);
        fail(start, "invalid value '" + std::string(token) + "' for key '" + std::string(keyName) +
                        "' (strings must be quoted; numbers and TRUE/FALSE are not)");
    }

    std::string quotedString(char quote) {
        const std::size_t open = pos_++;
        std::string out;
        while (!atEnd()) {
            const char c = text_[pos_];
            if (c == quote) {
                ++pos_;
                return out;
            }
            if (c == '\\') {
                if (pos_ + 1 >= text_.size()) fail(pos_, "unterminated escape sequence at end of text");
                const char next = text_[pos_ + 1];
                if (next != '"' && next != '\\' && next != '\'') {
                    fail(pos_, "bad escape '\\" + std::string(1, next) + "' (only \\\" and \\\\ are allowed)");
                }
                out += next;
                pos_ += 2;
                continue;
            }
            out += c;
            ++pos_;
        }
        fail(open, "unterminated string");
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    bool hasHost_ = false;
};

std::string quoteKeyString(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

std::string formatKeyValue(const Value& v, bool wmi) {
    if (v.isNull()) return "NULL";
    if (v.isArray()) return quoteKeyString(v.toText());
    switch (v.type()) {
        case CimType::Boolean:
            return v.asBool() ? "TRUE" : "FALSE";
        case CimType::Reference:
            return quoteKeyString(wmi ? v.asReference().toWmiString() : v.asReference().toString());
        case CimType::String:
        case CimType::Char16:
        case CimType::DateTime:
        case CimType::Object:
        case CimType::Instance:
            return quoteKeyString(v.toText());
        default:
            return v.toText();  // integers and reals are written bare
    }
}

std::string relativeString(const ObjectPath& p, bool wmi) {
    std::string out = p.className();
    if (p.isSingleton()) return out + "=@";
    if (p.keys().empty()) return out;
    std::vector<const KeyBinding*> sorted;
    sorted.reserve(p.keys().size());
    for (const KeyBinding& k : p.keys()) sorted.push_back(&k);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const KeyBinding* a, const KeyBinding* b) { return icompare(a->name, b->name) < 0; });
    char separator = '.';
    for (const KeyBinding* k : sorted) {
        out += separator;
        separator = ',';
        out += k->name;
        out += '=';
        out += formatKeyValue(k->value, wmi);
    }
    return out;
}

std::optional<CimDateTime> dateTimeInString(const std::string& s) {
    if (s.size() != 25) return std::nullopt;
    return CimDateTime::tryParse(s);
}

bool isPlainString(const Value& v) noexcept {
    return v.type() == CimType::String && !v.isArray() && !v.isNull();
}

// Keys parsed from text are untyped strings; typed keys (from a class) may be references,
// datetimes or char16. Both spellings of one key must compare equal.
bool keyValuesEqual(const Value& a, const Value& b) {
    if (a == b) return true;
    const bool aText = isPlainString(a);
    const bool bText = isPlainString(b);
    if (aText == bText) return false;
    const Value& text = aText ? a : b;
    const Value& typed = aText ? b : a;
    if (typed.isNull() || typed.isArray()) return false;
    switch (typed.type()) {
        case CimType::Reference: {
            const auto p = ObjectPath::tryParse(text.asString());
            return p && *p == typed.asReference();
        }
        case CimType::DateTime: {
            const auto dt = dateTimeInString(text.asString());
            return dt && *dt == typed.asDateTime();
        }
        case CimType::Char16: {
            const auto c = detail::decodeSingleUtf8(text.asString());
            return c && *c == typed.asChar16();
        }
        default:
            return false;
    }
}

// A path with only a class name hashes like that name as text, so that the reference and
// the string "ClassName" (equal as keys) hash alike.
std::size_t pathKeyHash(const ObjectPath& p) noexcept {
    if (p.nameSpace().empty() && p.keys().empty() && !p.isSingleton()) return ihash(p.className());
    return p.hash();
}

// Consistent with keyValuesEqual: text is hashed by what it spells (datetime, path), else
// case-insensitively (a collision between "a" and "A" costs nothing; a miss would).
std::size_t stringKeyHash(const std::string& s) noexcept {
    try {
        if (const auto dt = dateTimeInString(s)) return ihash(dt->toString());
        if (const auto p = ObjectPath::tryParse(s)) return pathKeyHash(*p);
    } catch (...) {
        // Allocation failure: the plain text hash below is still consistent for equal strings.
    }
    return ihash(s);
}

std::size_t keyValueHash(const Value& v) noexcept {
    if (v.isNull() || v.isArray()) return v.hash();
    try {
        switch (v.type()) {
            case CimType::String:
                return stringKeyHash(v.asString());
            case CimType::Reference:
                return pathKeyHash(v.asReference());
            case CimType::DateTime:
                return ihash(v.asDateTime().toString());
            case CimType::Char16: {
                std::string s;
                detail::appendUtf8(s, v.asChar16());
                return stringKeyHash(s);
            }
            default:
                break;
        }
    } catch (...) {
        // Allocation failure: fall back to the value's own hash.
    }
    return v.hash();
}

}  // namespace

ObjectPath::ObjectPath(std::string nameSpace, std::string className, std::vector<KeyBinding> keys)
    : nameSpace_(normalizeNamespace(nameSpace)), className_(std::move(className)), keys_(std::move(keys)) {}

std::optional<ObjectPath> ObjectPath::tryParse(std::string_view text, std::string* error) {
    try {
        return PathParser(text).run();
    } catch (const PathError& e) {
        if (error) {
            *error =
                "invalid object path '" + std::string(text) + "': column " + std::to_string(e.column) + ": " + e.what;
        }
        return std::nullopt;
    }
}

ObjectPath ObjectPath::parse(std::string_view text) {
    std::string error;
    auto path = tryParse(text, &error);
    if (!path) throw CimError(CimStatus::InvalidParameter, error);
    return std::move(*path);
}

void ObjectPath::setNameSpace(std::string_view ns) {
    nameSpace_ = normalizeNamespace(ns);
}

void ObjectPath::setKey(std::string name, Value value) {
    for (KeyBinding& k : keys_) {
        if (iequals(k.name, name)) {
            k.value = std::move(value);
            return;
        }
    }
    keys_.push_back(KeyBinding{std::move(name), std::move(value)});
}

const Value* ObjectPath::key(std::string_view name) const noexcept {
    for (const KeyBinding& k : keys_) {
        if (iequals(k.name, name)) return &k.value;
    }
    return nullptr;
}

std::string ObjectPath::toString() const {
    std::string out;
    if (!host_.empty()) out += "//" + host_ + "/";
    if (!nameSpace_.empty()) {
        out += nameSpace_ + ":";
    } else if (!host_.empty()) {
        out += ":";  // keeps the host/class boundary parseable
    }
    out += relativeString(*this, false);
    return out;
}

std::string ObjectPath::toWmiString() const {
    std::string out;
    if (!host_.empty() || !nameSpace_.empty()) {
        out += "\\\\" + (host_.empty() ? std::string(".") : host_) + "\\";
        for (char c : nameSpace_) out += c == '/' ? '\\' : c;
        out += ":";
    }
    out += relativeString(*this, true);
    return out;
}

std::string ObjectPath::toRelativeString() const {
    return relativeString(*this, false);
}

bool operator==(const ObjectPath& a, const ObjectPath& b) {
    if (a.singleton_ != b.singleton_ || a.keys_.size() != b.keys_.size() || !iequals(a.className_, b.className_) ||
        !iequals(a.nameSpace_, b.nameSpace_)) {
        return false;
    }
    for (const KeyBinding& k : a.keys_) {
        const Value* other = b.key(k.name);
        if (other == nullptr || !keyValuesEqual(k.value, *other)) return false;
    }
    return true;
}

std::size_t ObjectPath::hash() const noexcept {
    std::size_t h = ihash(nameSpace_) * 31 + ihash(className_);
    h = h * 31 + (singleton_ ? 1 : 0);
    std::size_t keys = 0;  // a sum, so key order does not matter
    for (const KeyBinding& k : keys_) keys += ihash(k.name) * 1000003 ^ keyValueHash(k.value);
    return h ^ (keys + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
}

std::ostream& operator<<(std::ostream& os, const ObjectPath& p) {
    return os << p.toString();
}

std::string normalizeNamespace(std::string_view ns) {
    if (ns.starts_with("\\\\") || ns.starts_with("//")) {
        const std::size_t afterHost = ns.find_first_of("/\\", 2);
        ns = afterHost == std::string_view::npos ? std::string_view{} : ns.substr(afterHost + 1);
    }
    std::string out;
    out.reserve(ns.size());
    for (char c : ns) {
        if (c == '\\' || c == '/') {
            if (!out.empty() && out.back() != '/') out += '/';
        } else {
            out += c;
        }
    }
    if (!out.empty() && out.back() == '/') out.pop_back();
    return out;
}

}  // namespace wmimock
