// Cimom::invokeMethod, with the DSP0200 error precedence (../spec/codes.md §1):
// INVALID_NAMESPACE, INVALID_PARAMETER, NOT_FOUND (class or instance), METHOD_NOT_FOUND,
// NOT_SUPPORTED (a non-Static method on a class path), METHOD_NOT_AVAILABLE; provider
// failures become CIM_ERR_FAILED.
#include "cimom_impl.hpp"
#include "instance_validator.hpp"
#include "method_parameters.hpp"

namespace wmimock {

MethodResult Cimom::doInvokeMethod(const ObjectPath& target, std::string_view methodName,
                                   const std::vector<ParamValue>& inParameters) {
    const std::string_view nameSpace = detail::pathNamespace(target);
    return impl_->run(
        Operation::InvokeMethod, nameSpace, target.className(), methodName,
        [&] { return target.toString() + " " + std::string(methodName); },
        [&] {
            const detail::NamespaceView ns = impl_->view(nameSpace);
            const ClassPtr cls = ns.findClass(target.className());
            const auto providers = cls != nullptr ? impl_->providersFor(ns, cls) : nullptr;
            const bool checked = !providers || !providers->methods || providers->methods->checksInParameters();
            if (checked) detail::rejectDuplicateParameters(inParameters);
            if (cls == nullptr) {
                throw CimError(CimStatus::NotFound, "class '" + target.className() + "' does not exist in namespace " +
                                                        std::string(ns.name));
            }
            const MethodDecl* method = cls->findMethod(methodName);
            std::vector<ParamValue> in = checked ? std::vector<ParamValue>{} : inParameters;
            if (method != nullptr && checked) in = detail::checkInParameters(*method, inParameters);

            const auto canonical = target.isClassPath() ? std::nullopt : ns.canonical(*cls, target);
            const ObjectPath& path = canonical ? *canonical : target;
            if (!path.isClassPath()) {
                // The instance must exist, wherever it lives.
                if (providers && providers->instances) {
                    impl_->fetchInstance(ns, cls, path);
                } else if (!ns.runtime->store.contains(path)) {
                    throw CimError(CimStatus::NotFound, "no instance '" + path.toString() + "'");
                }
            }
            if (method == nullptr) {
                throw CimError(CimStatus::MethodNotFound,
                               "class '" + cls->name + "' has no method '" + std::string(methodName) + "'");
            }
            if (path.isClassPath() && !method->qualifiers.isTrue("Static")) {
                throw CimError(CimStatus::NotSupported, "method " + cls->name + "." + method->name +
                                                            " is not Static: invoke it on an instance path");
            }
            if (!providers || !providers->methods) {
                throw CimError(CimStatus::MethodNotAvailable, "method " + cls->name + "." + method->name +
                                                                  " has no provider in namespace " +
                                                                  std::string(ns.name));
            }
            const ProviderContext ctx = impl_->context(ns, *cls);
            MethodResult result = detail::guardProvider(
                [&] { return "method provider for " + providers->methodRegistration + "." + method->name; },
                [&] { return providers->methods->invokeMethod(ctx, path, *method, in); });
            return detail::checkProviderResult(*method, std::move(result));
        });
}

}  // namespace wmimock
