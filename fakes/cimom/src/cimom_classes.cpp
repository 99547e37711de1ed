// Cimom class operations: GetClass, EnumerateClasses, EnumerateClassNames.
#include <algorithm>

#include "cimom_impl.hpp"
#include "instance_shaping.hpp"

namespace wmimock {

namespace {

/// Subclass names of `className` (roots when empty); unknown class -> INVALID_CLASS.
std::vector<std::string> subclasses(const detail::NamespaceView& ns, std::string_view className, bool deep) {
    if (!className.empty() && ns.findClass(className) == nullptr) {
        throw CimError(CimStatus::InvalidClass,
                       "class '" + std::string(className) + "' does not exist in namespace " + std::string(ns.name));
    }
    return ns.classes->subclassNames(className, deep);
}

}  // namespace

std::vector<QualifierDecl> Cimom::doEnumerateQualifiers(std::string_view nameSpace) {
    return impl_->run(
        Operation::EnumerateQualifiers, nameSpace, {}, {}, [] { return std::string(); },
        [&] {
            const detail::NamespaceView ns = impl_->view(nameSpace);
            std::vector<QualifierDecl> out;
            for (const QualifierDecl* decl : ns.classes->qualifiers()) out.push_back(*decl);
            std::sort(out.begin(), out.end(),
                      [](const QualifierDecl& a, const QualifierDecl& b) { return icompare(a.name, b.name) < 0; });
            return out;
        });
}

QualifierDecl Cimom::doGetQualifier(std::string_view nameSpace, std::string_view name) {
    return impl_->run(
        Operation::GetQualifier, nameSpace, {}, {}, [&] { return std::string(name); },
        [&] {
            const detail::NamespaceView ns = impl_->view(nameSpace);
            const QualifierDecl* decl = ns.classes->findQualifier(name);
            if (decl == nullptr) {
                throw CimError(CimStatus::NotFound, "qualifier '" + std::string(name) +
                                                        "' is not declared in namespace " + std::string(ns.name));
            }
            return *decl;
        });
}

CimClass Cimom::doGetClass(std::string_view nameSpace, std::string_view className, const GetClassOptions& options) {
    return impl_->run(
        Operation::GetClass, nameSpace, className, {}, [&] { return std::string(className); },
        [&] {
            const detail::NamespaceView ns = impl_->view(nameSpace);
            const ClassPtr cls = ns.findClass(className);
            if (cls == nullptr) {
                throw CimError(CimStatus::NotFound, "class '" + std::string(className) +
                                                        "' does not exist in namespace " + std::string(ns.name));
            }
            return detail::shapeClass(*cls, options);
        });
}

std::vector<CimClass> Cimom::doEnumerateClasses(std::string_view nameSpace, std::string_view className,
                                                bool deepInheritance, const GetClassOptions& options) {
    return impl_->run(
        Operation::EnumerateClasses, nameSpace, className, {}, [&] { return std::string(className); },
        [&] {
            const detail::NamespaceView ns = impl_->view(nameSpace);
            std::vector<CimClass> out;
            for (const std::string& name : subclasses(ns, className, deepInheritance)) {
                if (const ClassPtr cls = ns.findClass(name)) out.push_back(detail::shapeClass(*cls, options));
            }
            return out;
        });
}

std::vector<std::string> Cimom::doEnumerateClassNames(std::string_view nameSpace, std::string_view className,
                                                      bool deepInheritance) {
    return impl_->run(
        Operation::EnumerateClassNames, nameSpace, className, {}, [&] { return std::string(className); },
        [&] { return subclasses(impl_->view(nameSpace), className, deepInheritance); });
}

}  // namespace wmimock
