#include "request_validator.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "wmimock/cim/names.hpp"
#include "wmimock/cimxml/request.hpp"

namespace wmimock::cimxml::detail {
namespace {

// ---- The declarations ------------------------------------------------------------------

/// One element of a request as DSP0201's DTD declares it: its content model in the DTD's
/// own notation ("EMPTY", "#PCDATA" or a parenthesised expression) and its #REQUIRED
/// attributes. Response-only elements are absent: a request holding one is not valid.
struct ElementDecl {
    std::string_view name;
    std::string_view model;
    std::array<const char*, 2> required;  ///< C strings: pugixml looks attributes up by them
};

constexpr ElementDecl kElements[] = {
    {"CIM", "(MESSAGE)", {"CIMVERSION", "DTDVERSION"}},
    {"MESSAGE", "(SIMPLEREQ | MULTIREQ)", {"ID", "PROTOCOLVERSION"}},
    {"MULTIREQ", "(SIMPLEREQ, SIMPLEREQ+)", {}},
    {"SIMPLEREQ", "(CORRELATOR*, (METHODCALL | IMETHODCALL))", {}},
    {"CORRELATOR", "(VALUE)", {"NAME", "TYPE"}},
    {"METHODCALL", "((LOCALCLASSPATH | LOCALINSTANCEPATH), PARAMVALUE*)", {"NAME"}},
    {"IMETHODCALL", "(LOCALNAMESPACEPATH, IPARAMVALUE*)", {"NAME"}},
    {"PARAMVALUE",
     "(VALUE | VALUE.REFERENCE | VALUE.ARRAY | VALUE.REFARRAY | CLASSNAME | INSTANCENAME | CLASS | INSTANCE | "
     "VALUE.NAMEDINSTANCE)?",
     {"NAME"}},
    {"IPARAMVALUE",
     "(VALUE | VALUE.ARRAY | VALUE.REFERENCE | INSTANCENAME | CLASSNAME | QUALIFIER.DECLARATION | CLASS | INSTANCE | "
     "VALUE.NAMEDINSTANCE)?",
     {"NAME"}},
    {"LOCALNAMESPACEPATH", "(NAMESPACE+)", {}},
    {"NAMESPACEPATH", "(HOST, LOCALNAMESPACEPATH)", {}},
    {"HOST", "#PCDATA", {}},
    {"NAMESPACE", "EMPTY", {"NAME"}},
    {"LOCALCLASSPATH", "(LOCALNAMESPACEPATH, CLASSNAME)", {}},
    {"CLASSPATH", "(NAMESPACEPATH, CLASSNAME)", {}},
    {"CLASSNAME", "EMPTY", {"NAME"}},
    {"LOCALINSTANCEPATH", "(LOCALNAMESPACEPATH, INSTANCENAME)", {}},
    {"INSTANCEPATH", "(NAMESPACEPATH, INSTANCENAME)", {}},
    {"INSTANCENAME", "(KEYBINDING* | KEYVALUE? | VALUE.REFERENCE?)", {"CLASSNAME"}},
    {"KEYBINDING", "(KEYVALUE | VALUE.REFERENCE)", {"NAME"}},
    {"KEYVALUE", "#PCDATA", {}},
    {"VALUE", "#PCDATA", {}},
    {"VALUE.ARRAY", "(VALUE | VALUE.NULL)*", {}},
    {"VALUE.NULL", "EMPTY", {}},
    {"VALUE.REFERENCE",
     "(CLASSPATH | LOCALCLASSPATH | CLASSNAME | INSTANCEPATH | LOCALINSTANCEPATH | INSTANCENAME)",
     {}},
    {"VALUE.REFARRAY", "(VALUE.REFERENCE | VALUE.NULL)*", {}},
    {"VALUE.NAMEDINSTANCE", "(INSTANCENAME, INSTANCE)", {}},
    {"CLASS", "(QUALIFIER*, (PROPERTY | PROPERTY.ARRAY | PROPERTY.REFERENCE)*, METHOD*)", {"NAME"}},
    {"INSTANCE", "(QUALIFIER*, (PROPERTY | PROPERTY.ARRAY | PROPERTY.REFERENCE)*)", {"CLASSNAME"}},
    {"QUALIFIER", "((VALUE | VALUE.ARRAY)?)", {"NAME", "TYPE"}},
    {"PROPERTY", "(QUALIFIER*, VALUE?)", {"NAME", "TYPE"}},
    {"PROPERTY.ARRAY", "(QUALIFIER*, VALUE.ARRAY?)", {"NAME", "TYPE"}},
    {"PROPERTY.REFERENCE", "(QUALIFIER*, VALUE.REFERENCE?)", {"NAME"}},
    {"METHOD", "(QUALIFIER*, (PARAMETER | PARAMETER.REFERENCE | PARAMETER.ARRAY | PARAMETER.REFARRAY)*)", {"NAME"}},
    {"PARAMETER", "(QUALIFIER*)", {"NAME", "TYPE"}},
    {"PARAMETER.REFERENCE", "(QUALIFIER*)", {"NAME"}},
    {"PARAMETER.ARRAY", "(QUALIFIER*)", {"NAME", "TYPE"}},
    {"PARAMETER.REFARRAY", "(QUALIFIER*)", {"NAME"}},
    {"QUALIFIER.DECLARATION", "(SCOPE?, (VALUE | VALUE.ARRAY)?)", {"NAME", "TYPE"}},
    {"SCOPE", "EMPTY", {}},
};

/// Attributes with an enumerated value, wherever they appear.
struct EnumeratedAttribute {
    std::string_view name;
    std::string_view values;  ///< '|'-separated, as the DTD writes them
};

constexpr std::string_view kCimTypes =
    "boolean|string|char16|uint8|sint8|uint16|sint16|uint32|sint32|uint64|sint64|datetime|real32|real64";
constexpr std::string_view kBoolean = "true|false";

constexpr EnumeratedAttribute kEnumerated[] = {
    {"TYPE", kCimTypes},
    {"PARAMTYPE",
     "boolean|string|char16|uint8|sint8|uint16|sint16|uint32|sint32|uint64|sint64|datetime|real32|real64|reference|"
     "object|instance"},
    {"EmbeddedObject", "object|instance"},
    {"EMBEDDEDOBJECT", "object|instance"},
    {"VALUETYPE", "string|boolean|numeric"},
    {"PROPAGATED", kBoolean},
    {"OVERRIDABLE", kBoolean},
    {"TOSUBCLASS", kBoolean},
    {"TOINSTANCE", kBoolean},
    {"TRANSLATABLE", kBoolean},
    {"ISARRAY", kBoolean},
};

bool isOneOf(std::string_view value, std::string_view alternatives) noexcept {
    while (!alternatives.empty()) {
        const std::size_t bar = alternatives.find('|');
        if (iequals(value, alternatives.substr(0, bar))) return true;
        if (bar == std::string_view::npos) break;
        alternatives.remove_prefix(bar + 1);
    }
    return false;
}

// ---- Content models -------------------------------------------------------------------

/// A content particle: an element name, a sequence or a choice, with its occurrence.
struct Particle {
    enum class Kind { Name, Sequence, Choice } kind = Kind::Name;
    std::string_view name;
    std::vector<Particle> parts;
    bool optional = false;  ///< '?' or '*'
    bool repeated = false;  ///< '*' or '+'
};

/// Parses the DTD notation of kElements (names, ',', '|', '?', '*', '+', parentheses).
/// The input is ours, so a malformed model is a programming error.
class ModelParser {
public:
    explicit ModelParser(std::string_view text) : text_(text) {}

    Particle parse() {
        Particle particle = term();
        skipSpaces();
        if (at_ != text_.size()) throw std::logic_error("content model: trailing text in " + std::string(text_));
        return particle;
    }

private:
    Particle term() {
        skipSpaces();
        Particle particle;
        if (peek() == '(') {
            ++at_;
            particle = group();
        } else {
            const std::size_t start = at_;
            while (at_ < text_.size() && std::strchr(" ,|()?*+", text_[at_]) == nullptr) ++at_;
            if (at_ == start) throw std::logic_error("content model: a name expected in " + std::string(text_));
            particle.name = text_.substr(start, at_ - start);
        }
        switch (peek()) {
            case '?':
                particle.optional = true;
                ++at_;
                break;
            case '*':
                particle.optional = particle.repeated = true;
                ++at_;
                break;
            case '+':
                particle.repeated = true;
                ++at_;
                break;
            default:
                break;
        }
        return particle;
    }

    /// After '(': terms separated by one kind of connector, up to ')'.
    Particle group() {
        Particle particle;
        particle.kind = Particle::Kind::Sequence;
        particle.parts.push_back(term());
        skipSpaces();
        while (peek() == ',' || peek() == '|') {
            particle.kind = peek() == ',' ? Particle::Kind::Sequence : Particle::Kind::Choice;
            ++at_;
            particle.parts.push_back(term());
            skipSpaces();
        }
        if (peek() != ')') throw std::logic_error("content model: ')' expected in " + std::string(text_));
        ++at_;
        return particle;
    }

    char peek() const noexcept { return at_ < text_.size() ? text_[at_] : '\0'; }
    void skipSpaces() noexcept {
        while (at_ < text_.size() && text_[at_] == ' ') ++at_;
    }

    std::string_view text_;
    std::size_t at_ = 0;
};

/// A set of child positions, for elements with many children: the positions in the order
/// found, each entering once, its cost proportional to what it holds (a closure over n
/// children then costs O(n), not O(n^2)).
class Positions {
public:
    /// False when the position was already in the set.
    bool add(std::size_t position) {
        if (!member_.insert(position).second) return false;
        list_.push_back(position);
        return true;
    }
    bool contains(std::size_t position) const { return member_.count(position) != 0; }
    const std::vector<std::size_t>& list() const noexcept { return list_; }

private:
    std::unordered_set<std::size_t> member_;
    std::vector<std::size_t> list_;
};

Positions endsOf(const Particle& particle, const std::vector<std::string_view>& children,
                 const std::vector<std::size_t>& starts);

/// Where one occurrence of `particle` (ignoring its own '?', '*', '+') can end, from any of
/// `starts`. Sets are carried through sequences whole, never start by start.
Positions endsOfOnce(const Particle& particle, const std::vector<std::string_view>& children,
                     const std::vector<std::size_t>& starts) {
    Positions ends;
    switch (particle.kind) {
        case Particle::Kind::Name:
            for (const std::size_t start : starts) {
                if (start < children.size() && children[start] == particle.name) ends.add(start + 1);
            }
            break;
        case Particle::Kind::Choice:
            for (const Particle& part : particle.parts) {
                const Positions partEnds = endsOf(part, children, starts);
                for (const std::size_t end : partEnds.list()) ends.add(end);
            }
            break;
        case Particle::Kind::Sequence: {
            std::vector<std::size_t> current = starts;
            for (const Particle& part : particle.parts) {
                current = endsOf(part, children, current).list();
                if (current.empty()) break;
            }
            for (const std::size_t end : current) ends.add(end);
            break;
        }
    }
    return ends;
}

/// Every child index at which `particle`, occurrence included, can end when it starts at
/// one of `starts`. A repetition only steps on from the positions it has not seen yet.
Positions endsOf(const Particle& particle, const std::vector<std::string_view>& children,
                 const std::vector<std::size_t>& starts) {
    Positions ends;
    if (particle.optional) {
        for (const std::size_t start : starts) ends.add(start);
    }
    std::vector<std::size_t> fresh;
    const Positions once = endsOfOnce(particle, children, starts);
    for (const std::size_t end : once.list()) {
        if (ends.add(end)) fresh.push_back(end);
    }
    while (particle.repeated && !fresh.empty()) {
        const Positions further = endsOfOnce(particle, children, fresh);
        fresh.clear();
        for (const std::size_t end : further.list()) {
            if (ends.add(end)) fresh.push_back(end);
        }
    }
    return ends;
}

/// The same matching with the positions as bits of one word, for the usual element of at
/// most 63 children: no allocation per element.
using PositionMask = std::uint64_t;

PositionMask maskEnds(const Particle& particle, const std::vector<std::string_view>& children, PositionMask from);

PositionMask maskEndsOnce(const Particle& particle, const std::vector<std::string_view>& children, PositionMask from) {
    PositionMask ends = 0;
    switch (particle.kind) {
        case Particle::Kind::Name:
            for (std::size_t i = 0; i < children.size(); ++i) {
                if ((from >> i & 1U) != 0 && children[i] == particle.name) ends |= PositionMask{1} << (i + 1);
            }
            break;
        case Particle::Kind::Choice:
            for (const Particle& part : particle.parts) ends |= maskEnds(part, children, from);
            break;
        case Particle::Kind::Sequence:
            ends = from;
            for (const Particle& part : particle.parts) {
                ends = maskEnds(part, children, ends);
                if (ends == 0) break;
            }
            break;
    }
    return ends;
}

PositionMask maskEnds(const Particle& particle, const std::vector<std::string_view>& children, PositionMask from) {
    PositionMask ends = particle.optional ? from : 0;
    PositionMask fresh = maskEndsOnce(particle, children, from) & ~ends;
    while (fresh != 0) {
        ends |= fresh;
        if (!particle.repeated) break;
        fresh = maskEndsOnce(particle, children, fresh) & ~ends;
    }
    return ends;
}

bool matches(const Particle& model, const std::vector<std::string_view>& children) {
    if (children.size() < 64) return (maskEnds(model, children, 1) >> children.size() & 1U) != 0;
    return endsOf(model, children, {0}).contains(children.size());
}

// ---- The compiled table ---------------------------------------------------------------

struct CompiledElement {
    const ElementDecl* decl = nullptr;
    enum class Content { Empty, Text, Elements } content = Content::Elements;
    Particle model;
};

const std::unordered_map<std::string_view, CompiledElement>& compiledElements() {
    static const auto table = [] {
        std::unordered_map<std::string_view, CompiledElement> compiled;
        for (const ElementDecl& decl : kElements) {
            CompiledElement element;
            element.decl = &decl;
            if (decl.model == "EMPTY") {
                element.content = CompiledElement::Content::Empty;
            } else if (decl.model == "#PCDATA") {
                element.content = CompiledElement::Content::Text;
            } else {
                element.model = ModelParser(decl.model).parse();
            }
            compiled.emplace(decl.name, std::move(element));
        }
        return compiled;
    }();
    return table;
}

[[noreturn]] void notValid(const pugi::xml_node& node, const std::string& what) {
    throw RequestError(400, "request-not-valid", std::string(node.name()) + ": " + what);
}

bool isBlank(const char* text) noexcept {
    for (; *text; ++text) {
        if (*text != ' ' && *text != '\t' && *text != '\r' && *text != '\n') return false;
    }
    return true;
}

std::string joined(const std::vector<std::string_view>& names) {
    std::string text = "(";
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i) text += ", ";
        text += names[i];
    }
    return text + ")";
}

void checkAttributes(const pugi::xml_node& node, const ElementDecl& decl) {
    for (const char* name : decl.required) {
        if (name != nullptr && !node.attribute(name)) {
            notValid(node, std::string("the required attribute ") + name + " is missing");
        }
    }
    const bool isScope = std::strcmp(node.name(), "SCOPE") == 0;
    for (auto attribute = node.first_attribute(); attribute; attribute = attribute.next_attribute()) {
        const std::string_view name = attribute.name();
        std::string_view allowed;
        if (isScope) allowed = kBoolean;  // every SCOPE attribute is true|false
        for (const EnumeratedAttribute& enumerated : kEnumerated) {
            if (enumerated.name == name) allowed = enumerated.values;
        }
        if (!allowed.empty() && !isOneOf(attribute.value(), allowed)) {
            notValid(node, "attribute " + std::string(name) + " is '" + attribute.value() + "', not one of " +
                               std::string(allowed));
        }
    }
}

void checkContent(const pugi::xml_node& node, const CompiledElement& element, std::vector<std::string_view>& names) {
    names.clear();
    for (auto child = node.first_child(); child; child = child.next_sibling()) {
        switch (child.type()) {
            case pugi::node_element:
                if (element.content != CompiledElement::Content::Elements) {
                    notValid(node, std::string("may not contain elements, but holds ") + child.name());
                }
                names.push_back(child.name());
                break;
            case pugi::node_pcdata:
            case pugi::node_cdata:
                if (element.content != CompiledElement::Content::Text && !isBlank(child.value())) {
                    notValid(node, "may not contain text");
                }
                break;
            default:
                break;  // comments and processing instructions
        }
    }
    if (element.content != CompiledElement::Content::Elements) return;
    if (!matches(element.model, names)) {
        notValid(node, "holds " + (names.empty() ? std::string("nothing") : joined(names)) + " where DSP0201 wants " +
                           std::string(element.decl->model));
    }
}

}  // namespace

void validateRequestDocument(const pugi::xml_document& document) {
    const auto& elements = compiledElements();
    std::vector<std::string_view> names;
    // Depth-first without recursion: the decode limits bound the depth, but a walker that
    // needs no stack is simpler to trust.
    for (pugi::xml_node node = document.document_element(); node;) {
        const auto found = elements.find(node.name());
        if (found == elements.end()) notValid(node, "is not an element of a CIM-XML request");
        checkAttributes(node, *found->second.decl);
        checkContent(node, found->second, names);

        if (const pugi::xml_node child =
                node.find_child([](const pugi::xml_node& n) { return n.type() == pugi::node_element; })) {
            node = child;
            continue;
        }
        while (node) {
            pugi::xml_node sibling = node.next_sibling();
            while (sibling && sibling.type() != pugi::node_element) sibling = sibling.next_sibling();
            if (sibling) {
                node = sibling;
                break;
            }
            node = node.parent();
            if (node == document) node = {};
        }
    }
}

}  // namespace wmimock::cimxml::detail
