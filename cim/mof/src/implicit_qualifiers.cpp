#include "implicit_qualifiers.hpp"

#include <string>
#include <unordered_map>

#include "wmimock/cim/names.hpp"

namespace wmimock::mof::detail {

namespace {

using Table = std::unordered_map<std::string, QualifierDecl, NameHash, NameEqual>;

Table buildTable() {
    Table table;
    const Flavor plain;  // EnableOverride, ToSubclass
    Flavor restricted;
    restricted.toSubclass = false;
    Flavor locked;
    locked.overridable = false;
    Flavor translatable;
    translatable.translatable = true;

    auto add = [&](std::string_view name, CimType type, bool isArray, Flavor flavor) {
        QualifierDecl decl;
        decl.name = std::string(name);
        decl.type = type;
        decl.isArray = isArray;
        decl.scope = Scope::Any;
        decl.flavor = flavor;
        decl.defaultValue = type == CimType::Boolean && !isArray ? Value::boolean(false) : Value::null(type, isArray);
        table.emplace(decl.name, std::move(decl));
    };
    // Meta and standard qualifiers (DSP0004 / WMI "Standard Qualifiers").
    add("Association", CimType::Boolean, false, locked);
    add("Indication", CimType::Boolean, false, locked);
    add("Abstract", CimType::Boolean, false, restricted);
    add("Aggregate", CimType::Boolean, false, locked);
    add("Aggregation", CimType::Boolean, false, locked);
    add("ArrayType", CimType::String, false, locked);
    add("BitMap", CimType::String, true, plain);
    add("BitValues", CimType::String, true, translatable);
    add("Composition", CimType::Boolean, false, locked);
    add("Counter", CimType::Boolean, false, plain);
    add("Deprecated", CimType::String, true, restricted);
    add("Description", CimType::String, false, translatable);
    add("DisplayName", CimType::String, false, translatable);
    add("EmbeddedInstance", CimType::String, false, plain);
    add("EmbeddedObject", CimType::Boolean, false, locked);
    add("Exception", CimType::Boolean, false, locked);
    add("Experimental", CimType::Boolean, false, restricted);
    add("Gauge", CimType::Boolean, false, plain);
    add("In", CimType::Boolean, false, locked);
    add("Key", CimType::Boolean, false, locked);
    add("MappingStrings", CimType::String, true, plain);
    add("Max", CimType::Uint32, false, plain);
    add("MaxLen", CimType::Uint32, false, plain);
    add("MaxValue", CimType::Sint64, false, plain);
    add("Min", CimType::Uint32, false, plain);
    add("MinLen", CimType::Uint32, false, plain);
    add("MinValue", CimType::Sint64, false, plain);
    add("ModelCorrespondence", CimType::String, true, plain);
    add("Nonlocal", CimType::String, false, plain);
    add("NonlocalType", CimType::String, false, plain);
    add("Not_Null", CimType::Boolean, false, plain);
    add("NullValue", CimType::String, false, locked);
    add("Octetstring", CimType::Boolean, false, locked);
    add("Out", CimType::Boolean, false, locked);
    add("Override", CimType::String, false, restricted);
    add("Propagated", CimType::String, false, locked);
    add("PUnit", CimType::String, false, plain);
    add("Read", CimType::Boolean, false, plain);
    add("Required", CimType::Boolean, false, locked);
    add("Revision", CimType::String, false, translatable);
    add("Schema", CimType::String, false, locked);
    add("Source", CimType::String, false, plain);
    add("SourceType", CimType::String, false, plain);
    add("Static", CimType::Boolean, false, locked);
    add("Terminal", CimType::Boolean, false, plain);
    add("UMLPackagePath", CimType::String, false, plain);
    add("Units", CimType::String, false, translatable);
    add("ValueMap", CimType::String, true, plain);
    add("Values", CimType::String, true, translatable);
    add("Version", CimType::String, false, restricted);
    add("Weak", CimType::Boolean, false, locked);
    add("Write", CimType::Boolean, false, plain);
    // WMI qualifiers.
    add("Amendment", CimType::Boolean, false, plain);
    add("CIMTYPE", CimType::String, false, plain);
    add("ClassContext", CimType::String, false, plain);
    add("Constructor", CimType::Boolean, false, plain);
    add("CreateBy", CimType::String, false, plain);
    add("DeleteBy", CimType::String, false, plain);
    add("Destructor", CimType::Boolean, false, plain);
    add("Dynamic", CimType::Boolean, false, plain);
    add("DynProps", CimType::Boolean, false, plain);
    add("EnumPrivileges", CimType::String, true, plain);
    add("Fixed", CimType::Boolean, false, plain);
    add("Hiperf", CimType::Boolean, false, plain);
    add("ID", CimType::Sint32, false, plain);
    add("Implemented", CimType::Boolean, false, plain);
    add("InstanceContext", CimType::String, false, plain);
    add("Lazy", CimType::Boolean, false, plain);
    add("Optional", CimType::Boolean, false, plain);
    add("Privileges", CimType::String, true, plain);
    add("PropertyContext", CimType::String, false, plain);
    add("Provider", CimType::String, false, plain);
    add("Singleton", CimType::Boolean, false, plain);
    add("SubType", CimType::String, false, plain);
    add("SupportsCreate", CimType::Boolean, false, plain);
    add("SupportsDelete", CimType::Boolean, false, plain);
    add("SupportsUpdate", CimType::Boolean, false, plain);
    add("Syntax", CimType::String, false, plain);
    add("SyntaxType", CimType::String, false, plain);
    add("UUID", CimType::String, false, plain);
    add("ValueDescriptions", CimType::String, true, translatable);
    add("WritePrivileges", CimType::String, true, plain);
    return table;
}

}  // namespace

const QualifierDecl* findImplicitQualifier(std::string_view name) noexcept {
    static const Table table = buildTable();
    const auto it = table.find(name);
    return it == table.end() ? nullptr : &it->second;
}

}  // namespace wmimock::mof::detail
