#include "qualifier_scope.hpp"

namespace wmimock::mof::detail {

std::string_view scopeWord(Scope element) noexcept {
    switch (element) {
        case Scope::Class:
            return "class";
        case Scope::Association:
            return "association";
        case Scope::Indication:
            return "indication";
        case Scope::Property:
            return "property";
        case Scope::Reference:
            return "reference";
        case Scope::Method:
            return "method";
        case Scope::Parameter:
            return "parameter";
        default:
            return "element";
    }
}

bool scopeAllows(Scope declared, Scope element) noexcept {
    if (hasScope(declared, element)) return true;
    return (element == Scope::Association || element == Scope::Indication) && hasScope(declared, Scope::Class);
}

}  // namespace wmimock::mof::detail
