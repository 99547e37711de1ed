// CimClient's class-level association traversal, answered from the class definitions.
#include <string>
#include <unordered_map>
#include <vector>

#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/client/cim_client.hpp"

namespace wmimock {
namespace {

/// Every class of a namespace with its inherited properties, by name.
class SchemaView {
public:
    SchemaView(CimClient& client, std::string_view nameSpace) {
        GetClassOptions options;
        options.localOnly = false;  // inherited reference properties count
        classes_ = client.enumerateClasses(nameSpace, {}, true, options);
        for (const CimClass& cls : classes_) byName_.emplace(cls.name, &cls);
    }

    const CimClass* find(std::string_view name) const {
        const auto found = byName_.find(std::string(name));
        return found == byName_.end() ? nullptr : found->second;
    }

    bool isA(std::string_view className, std::string_view ancestor) const {
        for (const CimClass* cls = find(className); cls != nullptr; cls = find(cls->superClass)) {
            if (iequals(cls->name, ancestor)) return true;
            if (cls->superClass.empty()) break;
        }
        return false;
    }

    const std::vector<CimClass>& classes() const noexcept { return classes_; }

    /// A filter's class, which must exist (DSP0200: CIM_ERR_INVALID_PARAMETER otherwise).
    void checkFilterClass(std::string_view name, std::string_view what) const {
        if (!name.empty() && find(name) == nullptr) {
            throw CimError(CimStatus::InvalidParameter,
                           std::string(what) + " '" + std::string(name) + "' is not a class of the namespace");
        }
    }

private:
    std::vector<CimClass> classes_;
    std::unordered_map<std::string, const CimClass*, NameHash, NameEqual> byName_;
};

/// One way an association class refers to the source class.
struct Reference {
    const CimClass* association;
    const PropertyDecl* nearEnd;
};

std::vector<Reference> referencesTo(const SchemaView& schema, std::string_view className, std::string_view assocClass,
                                    std::string_view role) {
    if (schema.find(className) == nullptr) {
        throw CimError(CimStatus::NotFound, "class '" + std::string(className) + "' does not exist");
    }
    std::vector<Reference> found;
    for (const CimClass& cls : schema.classes()) {
        if (!cls.isAssociation()) continue;
        if (!assocClass.empty() && !schema.isA(cls.name, assocClass)) continue;
        for (const PropertyDecl& property : cls.properties) {
            if (property.type != CimType::Reference || property.isArray) continue;
            if (!role.empty() && !iequals(property.name, role)) continue;
            if (!schema.isA(className, property.referenceClass)) continue;
            found.push_back({&cls, &property});
        }
    }
    return found;
}

void addOnce(std::vector<std::string>& names, const std::string& name) {
    for (const std::string& existing : names) {
        if (iequals(existing, name)) return;
    }
    names.push_back(name);
}

std::vector<std::string> associatorNamesOf(CimClient& client, std::string_view nameSpace, std::string_view className,
                                           const AssociatorFilter& filter) {
    const SchemaView schema(client, nameSpace);
    schema.checkFilterClass(filter.assocClass, "AssocClass");
    schema.checkFilterClass(filter.resultClass, "ResultClass");
    std::vector<std::string> names;
    for (const Reference& reference : referencesTo(schema, className, filter.assocClass, filter.role)) {
        for (const PropertyDecl& farEnd : reference.association->properties) {
            if (farEnd.type != CimType::Reference || farEnd.isArray || &farEnd == reference.nearEnd) continue;
            if (!filter.resultRole.empty() && !iequals(farEnd.name, filter.resultRole)) continue;
            if (!filter.resultClass.empty() && !schema.isA(farEnd.referenceClass, filter.resultClass)) continue;
            if (schema.find(farEnd.referenceClass) != nullptr) addOnce(names, schema.find(farEnd.referenceClass)->name);
        }
    }
    return names;
}

std::vector<std::string> referenceNamesOf(CimClient& client, std::string_view nameSpace, std::string_view className,
                                          const ReferenceFilter& filter) {
    const SchemaView schema(client, nameSpace);
    schema.checkFilterClass(filter.resultClass, "ResultClass");
    std::vector<std::string> names;
    for (const Reference& reference : referencesTo(schema, className, filter.resultClass, filter.role)) {
        addOnce(names, reference.association->name);
    }
    return names;
}

std::vector<CimClass> definitions(CimClient& client, std::string_view nameSpace, const std::vector<std::string>& names,
                                  const GetClassOptions& options) {
    std::vector<CimClass> classes;
    classes.reserve(names.size());
    for (const std::string& name : names) classes.push_back(client.getClass(nameSpace, name, options));
    return classes;
}

}  // namespace

std::vector<std::string> CimClient::doAssociatorClassNames(std::string_view nameSpace, std::string_view className,
                                                           const AssociatorFilter& filter) {
    return associatorNamesOf(*this, nameSpace, className, filter);
}

std::vector<CimClass> CimClient::doAssociatorClasses(std::string_view nameSpace, std::string_view className,
                                                     const AssociatorFilter& filter, const GetClassOptions& options) {
    return definitions(*this, nameSpace, associatorNamesOf(*this, nameSpace, className, filter), options);
}

std::vector<std::string> CimClient::doReferenceClassNames(std::string_view nameSpace, std::string_view className,
                                                          const ReferenceFilter& filter) {
    return referenceNamesOf(*this, nameSpace, className, filter);
}

std::vector<CimClass> CimClient::doReferenceClasses(std::string_view nameSpace, std::string_view className,
                                                    const ReferenceFilter& filter, const GetClassOptions& options) {
    return definitions(*this, nameSpace, referenceNamesOf(*this, nameSpace, className, filter), options);
}

}  // namespace wmimock
