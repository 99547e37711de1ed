#include "class_update.hpp"

namespace wmimock::mof::detail {

std::optional<CimClass> rebaseClass(const CimClass& subclass, const CimClass& newSuper, bool dropConflicts,
                                    InheritedQualifiers& cache, std::vector<std::string>& conflicts) {
    ClassBuilder builder(subclass.name, &newSuper, InheritanceRules{.inheritedWins = dropConflicts}, cache,
                         [&](const ClassFinding& finding) {
                             if (!finding.warning) conflicts.push_back(finding.message);
                         });
    builder.reserve(subclass.properties.size(), subclass.methods.size());
    builder.declareKind(subclass.kind);
    builder.addQualifiers(subclass.qualifiers);  // what it inherited is inherited afresh
    for (const PropertyDecl& own : subclass.properties) {
        if (!own.propagated) builder.addProperty(own, true);
    }
    for (const MethodDecl& own : subclass.methods) {
        if (!own.propagated) builder.addMethod(own);
    }
    return builder.finish();
}

}  // namespace wmimock::mof::detail
