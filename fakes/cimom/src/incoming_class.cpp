#include "incoming_class.hpp"

#include "value_conversion.hpp"
#include "wmimock/mof/class_resolution.hpp"

namespace wmimock::detail {

CimClass resolveIncomingClass(const SchemaNamespace& nameSpace, const CimClass& declared) {
    CimClass typed = declared;
    for (PropertyDecl& property : typed.properties) {
        if (property.propagated || property.defaultValue.isNull()) continue;
        property.defaultValue = convertToDeclared(property.defaultValue, property.type, property.isArray, [&] {
            return "default of property '" + declared.name + "." + property.name + "'";
        });
    }
    return resolveDeclaredClass(nameSpace, typed);
}

}  // namespace wmimock::detail
