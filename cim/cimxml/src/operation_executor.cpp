#include "operation_executor.hpp"

#include <cctype>
#include <charconv>
#include <functional>
#include <span>
#include <string>
#include <unordered_map>

#include "encode.hpp"
#include "enumeration_contexts.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"
#include "xml_text.hpp"

namespace wmimock::cimxml::detail {
namespace {

// ---- Intrinsic parameters (DSP0200 names and defaults) --------------------------------

bool boolParam(const CimXmlRequest& request, std::string_view name, bool fallback) {
    const WireParam* param = request.param(name);
    if (!param || param->kind == WireParam::Kind::Null) return fallback;
    if (param->kind != WireParam::Kind::Value) {
        throw CimError(CimStatus::InvalidParameter, "parameter '" + std::string(name) + "' must be TRUE or FALSE");
    }
    return Value::parse(CimType::Boolean, param->texts.front()).asBool();  // " TRUE " is TRUE
}

std::string textParam(const CimXmlRequest& request, std::string_view name) {
    const WireParam* param = request.param(name);
    if (!param || param->kind == WireParam::Kind::Null) return {};
    if (param->kind == WireParam::Kind::Value) return param->texts.front();
    throw CimError(CimStatus::InvalidParameter, "parameter '" + std::string(name) + "' must be a VALUE");
}

/// A CLASSNAME parameter (a plain VALUE is accepted too); empty when absent.
std::string classNameParam(const CimXmlRequest& request, std::string_view name, bool required) {
    const WireParam* param = request.param(name);
    if (param && param->kind == WireParam::Kind::ClassName) return param->className;
    if (param && param->kind == WireParam::Kind::Value) return param->texts.front();
    if (param && param->kind != WireParam::Kind::Null) {
        throw CimError(CimStatus::InvalidParameter, "parameter '" + std::string(name) + "' must be a CLASSNAME");
    }
    if (required) throw CimError(CimStatus::InvalidParameter, "missing parameter '" + std::string(name) + "'");
    return {};
}

/// An INSTANCENAME (or, for ObjectName, CLASSNAME) parameter as a path in the request namespace.
ObjectPath pathParam(const CimXmlRequest& request, std::string_view name) {
    const WireParam* param = request.param(name);
    if (!param || param->kind == WireParam::Kind::Null) {
        throw CimError(CimStatus::InvalidParameter, "missing parameter '" + std::string(name) + "'");
    }
    ObjectPath path;
    if (param->kind == WireParam::Kind::InstanceName || param->kind == WireParam::Kind::Reference) {
        path = param->paths.front();
    } else if (param->kind == WireParam::Kind::ClassName) {
        path = ObjectPath({}, param->className);
    } else {
        throw CimError(CimStatus::InvalidParameter, "parameter '" + std::string(name) + "' must be an INSTANCENAME");
    }
    if (path.nameSpace().empty()) path.setNameSpace(request.nameSpace);
    return path;
}

/// A uint32 VALUE parameter; nullopt when absent or NULL.
std::optional<std::uint32_t> uint32Param(const CimXmlRequest& request, std::string_view name) {
    const std::string text = textParam(request, name);
    if (text.empty()) return std::nullopt;
    return static_cast<std::uint32_t>(Value::parse(CimType::Uint32, text).asUint64());
}

PropertyList propertyListParam(const CimXmlRequest& request) {
    const WireParam* param = request.param("PropertyList");
    if (!param || param->kind == WireParam::Kind::Null) return std::nullopt;
    if (param->kind == WireParam::Kind::ValueArray || param->kind == WireParam::Kind::Value) return param->texts;
    throw CimError(CimStatus::InvalidParameter, "parameter 'PropertyList' must be a VALUE.ARRAY");
}

Instance instanceParam(const CimXmlRequest& request, std::string_view name) {
    const WireParam* param = request.param(name);
    if (!param || param->kind != WireParam::Kind::Instance) {
        throw CimError(CimStatus::InvalidParameter, "missing instance parameter '" + std::string(name) + "'");
    }
    Instance instance = *param->instance;
    if (!instance.path().className().empty() && instance.path().nameSpace().empty()) {
        ObjectPath path = instance.path();
        path.setNameSpace(request.nameSpace);
        instance.setPath(std::move(path));
    }
    return instance;
}

/// The flags class and instance reads share. DSP0200's defaults are those of the option
/// structs, so an absent parameter keeps the member's initial value.
template <typename Options>
Options withSharedFlags(const CimXmlRequest& request, Options options) {
    options.includeQualifiers = boolParam(request, "IncludeQualifiers", options.includeQualifiers);
    options.includeClassOrigin = boolParam(request, "IncludeClassOrigin", options.includeClassOrigin);
    options.propertyList = propertyListParam(request);
    return options;
}

GetClassOptions classOptions(const CimXmlRequest& request) {
    GetClassOptions options;
    options.localOnly = boolParam(request, "LocalOnly", options.localOnly);
    return withSharedFlags(request, std::move(options));
}

InstanceOptions instanceOptions(const CimXmlRequest& request) {
    InstanceOptions options;
    options.deepInheritance = boolParam(request, "DeepInheritance", options.deepInheritance);
    return withSharedFlags(request, std::move(options));
}

AssociatorFilter associatorFilter(const CimXmlRequest& request) {
    return {classNameParam(request, "AssocClass", false), classNameParam(request, "ResultClass", false),
            textParam(request, "Role"), textParam(request, "ResultRole")};
}

ReferenceFilter referenceFilter(const CimXmlRequest& request) {
    return {classNameParam(request, "ResultClass", false), textParam(request, "Role")};
}

// ---- Intrinsic operations -------------------------------------------------------------

void appendObjectPath(std::string& out, const ObjectPath& path) {
    out += "<OBJECTPATH>";
    appendFullPath(out, path);
    out += "</OBJECTPATH>";
}

struct Call {
    CimClient& backend;
    EnumerationContexts& contexts;
    const CimXmlRequest& request;
    std::string& out;

    /// IRETURNVALUE holding `append(out, item)` for every item.
    template <typename Items, typename Append>
    void returnEach(const Items& items, Append append) {
        out += "<IRETURNVALUE>";
        for (const auto& item : items) append(out, item);
        out += "</IRETURNVALUE>";
    }
    template <typename Item, typename Append>
    void returnOne(const Item& item, Append append) {
        returnEach(std::span(&item, 1), append);
    }
};

using Operation = void (*)(Call&);

// ---- Pull operations (DSP0200 1.3) ------------------------------------------------------

void appendInstanceWithPath(std::string& out, const Instance& instance) {
    out += "<VALUE.INSTANCEWITHPATH>";
    appendFullPath(out, instance.path());
    appendInstance(out, instance);
    out += "</VALUE.INSTANCEWITHPATH>";
}

/// IRETURNVALUE with the batch, then the EnumerationContext and EndOfSequence PARAMVALUEs.
void returnBatch(Call& c, EnumerationKind kind, const EnumerationBatch& batch) {
    switch (kind) {
        case EnumerationKind::InstancesWithPath:
            c.returnEach(batch.instances, appendInstanceWithPath);
            break;
        case EnumerationKind::InstancePaths:
            c.returnEach(batch.paths, appendFullPath);
            break;
        case EnumerationKind::Instances:
            c.returnEach(batch.instances, appendInstance);
            break;
    }
    if (batch.context.empty()) {
        c.out += R"(<PARAMVALUE NAME="EnumerationContext" PARAMTYPE="string"/>)";
    } else {
        c.out += R"(<PARAMVALUE NAME="EnumerationContext" PARAMTYPE="string">)";
        appendTextElement(c.out, "VALUE", batch.context);
        c.out += "</PARAMVALUE>";
    }
    c.out += R"(<PARAMVALUE NAME="EndOfSequence" PARAMTYPE="boolean"><VALUE>)";
    c.out += batch.endOfSequence ? "TRUE" : "FALSE";
    c.out += "</VALUE></PARAMVALUE>";
}

/// The parameters every Open* shares. Every result is computed when the enumeration
/// opens, so ContinueOnError changes nothing.
void openEnumeration(Call& c, EnumerationKind kind, std::vector<Instance> instances, std::vector<ObjectPath> paths) {
    boolParam(c.request, "ContinueOnError", false);
    const auto batch = c.contexts.open(c.request.nameSpace, kind, std::move(instances), std::move(paths),
                                       uint32Param(c.request, "OperationTimeout"),
                                       uint32Param(c.request, "MaxObjectCount").value_or(0));
    returnBatch(c, kind, batch);
}

/// Filtered enumeration (FQL) is not offered: only OpenQueryInstances takes a query.
void rejectFilterQuery(const Call& c) {
    if (!textParam(c.request, "FilterQueryLanguage").empty() || !textParam(c.request, "FilterQuery").empty()) {
        throw CimError(CimStatus::FilteredEnumerationNotSupported,
                       "FilterQuery is not supported on " + c.request.methodName + " (use OpenQueryInstances)");
    }
}

void openInstances(Call& c, std::vector<Instance> instances) {
    rejectFilterQuery(c);
    openEnumeration(c, EnumerationKind::InstancesWithPath, std::move(instances), {});
}

void openPaths(Call& c, std::vector<ObjectPath> paths) {
    rejectFilterQuery(c);
    openEnumeration(c, EnumerationKind::InstancePaths, {}, std::move(paths));
}

void pullEnumeration(Call& c, EnumerationKind kind) {
    const std::string context = textParam(c.request, "EnumerationContext");
    const auto maxCount = uint32Param(c.request, "MaxObjectCount");
    if (!maxCount) throw CimError(CimStatus::InvalidParameter, "missing parameter 'MaxObjectCount'");
    returnBatch(c, kind, c.contexts.pull(context, c.request.nameSpace, kind, *maxCount));
}

/// The InstanceName of an Open*Reference/Associator*: an instance, never a class.
ObjectPath sourceInstanceParam(const CimXmlRequest& request) {
    const WireParam* param = request.param("InstanceName");
    if (param && param->kind == WireParam::Kind::ClassName) {
        throw CimError(CimStatus::InvalidParameter, "InstanceName must name an instance, not a class");
    }
    return pathParam(request, "InstanceName");
}

// ---- Class-level traversal and schema changes ------------------------------------------

/// The ObjectName of an association operation names a class (DSP0200: the traversal is
/// then over the class definitions and its results are classes).
bool namesAClass(const CimXmlRequest& request) {
    const WireParam* param = request.param("ObjectName");
    return param && param->kind == WireParam::Kind::ClassName;
}

ObjectPath classPathIn(const CimXmlRequest& request, const std::string& className) {
    return ObjectPath(request.nameSpace, className);
}

/// VALUE.OBJECTWITHPATH of a class: its CLASSPATH, then the CLASS.
void appendClassesWithPath(Call& c, const std::vector<CimClass>& classes) {
    c.returnEach(classes, [&](std::string& out, const CimClass& cls) {
        out += "<VALUE.OBJECTWITHPATH>";
        appendFullPath(out, classPathIn(c.request, cls.name));
        appendClass(out, cls);
        out += "</VALUE.OBJECTWITHPATH>";
    });
}

void appendClassPaths(Call& c, const std::vector<std::string>& names) {
    c.returnEach(
        names, [&](std::string& out, const std::string& name) { appendObjectPath(out, classPathIn(c.request, name)); });
}

CimClass classParam(const CimXmlRequest& request, std::string_view name) {
    const WireParam* param = request.param(name);
    if (!param || param->kind != WireParam::Kind::Class) {
        throw CimError(CimStatus::InvalidParameter, "parameter '" + std::string(name) + "' must be a CLASS");
    }
    return *param->cimClass;
}

const std::unordered_map<std::string, Operation, NameHash, NameEqual>& intrinsicOperations() {
    static const std::unordered_map<std::string, Operation, NameHash, NameEqual> operations{
        {"GetClass",
         [](Call& c) {
             c.returnOne(c.backend.getClass(c.request.nameSpace, classNameParam(c.request, "ClassName", true),
                                            classOptions(c.request)),
                         appendClass);
         }},
        {"EnumerateClasses",
         [](Call& c) {
             c.returnEach(
                 c.backend.enumerateClasses(c.request.nameSpace, classNameParam(c.request, "ClassName", false),
                                            boolParam(c.request, "DeepInheritance", false), classOptions(c.request)),
                 appendClass);
         }},
        {"EnumerateClassNames",
         [](Call& c) {
             c.returnEach(
                 c.backend.enumerateClassNames(c.request.nameSpace, classNameParam(c.request, "ClassName", false),
                                               boolParam(c.request, "DeepInheritance", false)),
                 appendClassName);
         }},
        {"GetInstance",
         [](Call& c) {
             c.returnOne(c.backend.getInstance(pathParam(c.request, "InstanceName"), instanceOptions(c.request)),
                         appendInstance);
         }},
        {"EnumerateInstances",
         [](Call& c) {
             c.returnEach(
                 c.backend.enumerateInstances(c.request.nameSpace, classNameParam(c.request, "ClassName", true),
                                              instanceOptions(c.request)),
                 appendNamedInstance);
         }},
        {"EnumerateInstanceNames",
         [](Call& c) {
             c.returnEach(
                 c.backend.enumerateInstanceNames(c.request.nameSpace, classNameParam(c.request, "ClassName", true)),
                 appendInstanceName);
         }},
        {"CreateInstance",
         [](Call& c) {
             c.returnOne(c.backend.createInstance(c.request.nameSpace, instanceParam(c.request, "NewInstance")),
                         appendInstanceName);
         }},
        {"ModifyInstance",
         [](Call& c) {
             const auto instance = instanceParam(c.request, "ModifiedInstance");
             if (instance.path().className().empty()) {
                 throw CimError(CimStatus::InvalidParameter, "ModifiedInstance must be a VALUE.NAMEDINSTANCE");
             }
             c.backend.modifyInstance(instance, propertyListParam(c.request));
         }},
        {"DeleteInstance", [](Call& c) { c.backend.deleteInstance(pathParam(c.request, "InstanceName")); }},
        {"GetProperty",
         [](Call& c) {
             const std::string name = textParam(c.request, "PropertyName");
             InstanceOptions options;
             options.propertyList = std::vector<std::string>{name};
             const auto instance = c.backend.getInstance(pathParam(c.request, "InstanceName"), options);
             const Value* value = instance.find(name);
             if (!value) throw CimError(CimStatus::NoSuchProperty, "no property '" + name + "'");
             c.returnOne(*value, appendValue);
         }},
        {"Associators",
         [](Call& c) {
             if (namesAClass(c.request)) {
                 appendClassesWithPath(
                     c, c.backend.associatorClasses(c.request.nameSpace, classNameParam(c.request, "ObjectName", true),
                                                    associatorFilter(c.request), classOptions(c.request)));
                 return;
             }
             c.returnEach(c.backend.associators(pathParam(c.request, "ObjectName"), associatorFilter(c.request),
                                                instanceOptions(c.request)),
                          appendObjectWithPath);
         }},
        {"AssociatorNames",
         [](Call& c) {
             if (namesAClass(c.request)) {
                 appendClassPaths(c, c.backend.associatorClassNames(c.request.nameSpace,
                                                                    classNameParam(c.request, "ObjectName", true),
                                                                    associatorFilter(c.request)));
                 return;
             }
             c.returnEach(c.backend.associatorNames(pathParam(c.request, "ObjectName"), associatorFilter(c.request)),
                          appendObjectPath);
         }},
        {"References",
         [](Call& c) {
             if (namesAClass(c.request)) {
                 appendClassesWithPath(
                     c, c.backend.referenceClasses(c.request.nameSpace, classNameParam(c.request, "ObjectName", true),
                                                   referenceFilter(c.request), classOptions(c.request)));
                 return;
             }
             c.returnEach(c.backend.references(pathParam(c.request, "ObjectName"), referenceFilter(c.request),
                                               instanceOptions(c.request)),
                          appendObjectWithPath);
         }},
        {"ReferenceNames",
         [](Call& c) {
             if (namesAClass(c.request)) {
                 appendClassPaths(c, c.backend.referenceClassNames(c.request.nameSpace,
                                                                   classNameParam(c.request, "ObjectName", true),
                                                                   referenceFilter(c.request)));
                 return;
             }
             c.returnEach(c.backend.referenceNames(pathParam(c.request, "ObjectName"), referenceFilter(c.request)),
                          appendObjectPath);
         }},
        {"ExecQuery",
         [](Call& c) {
             c.returnEach(c.backend.execQuery(c.request.nameSpace, textParam(c.request, "QueryLanguage"),
                                              textParam(c.request, "Query")),
                          appendObjectWithPath);
         }},
        {"EnumerateQualifiers",
         [](Call& c) { c.returnEach(c.backend.enumerateQualifiers(c.request.nameSpace), appendQualifierDeclaration); }},
        {"GetQualifier",
         [](Call& c) {
             const std::string name = textParam(c.request, "QualifierName");
             if (name.empty()) throw CimError(CimStatus::InvalidParameter, "missing parameter 'QualifierName'");
             c.returnOne(c.backend.getQualifier(c.request.nameSpace, name), appendQualifierDeclaration);
         }},
        {"SetQualifier",
         [](Call& c) {
             const WireParam* param = c.request.param("QualifierDeclaration");
             if (!param || param->kind != WireParam::Kind::QualifierDeclaration) {
                 throw CimError(CimStatus::InvalidParameter,
                                "parameter 'QualifierDeclaration' must be a QUALIFIER.DECLARATION");
             }
             c.backend.setQualifier(c.request.nameSpace, *param->qualifierDeclaration);
         }},
        {"DeleteQualifier",
         [](Call& c) {
             const std::string name = textParam(c.request, "QualifierName");
             if (name.empty()) throw CimError(CimStatus::InvalidParameter, "missing parameter 'QualifierName'");
             c.backend.deleteQualifier(c.request.nameSpace, name);
         }},
        {"CreateClass", [](Call& c) { c.backend.createClass(c.request.nameSpace, classParam(c.request, "NewClass")); }},
        {"ModifyClass",
         [](Call& c) { c.backend.modifyClass(c.request.nameSpace, classParam(c.request, "ModifiedClass")); }},
        {"DeleteClass",
         [](Call& c) { c.backend.deleteClass(c.request.nameSpace, classNameParam(c.request, "ClassName", true)); }},
        {"OpenEnumerateInstances",
         [](Call& c) {
             openInstances(
                 c, c.backend.enumerateInstances(c.request.nameSpace, classNameParam(c.request, "ClassName", true),
                                                 instanceOptions(c.request)));
         }},
        {"OpenEnumerateInstancePaths",
         [](Call& c) {
             openPaths(c, c.backend.enumerateInstanceNames(c.request.nameSpace,
                                                           classNameParam(c.request, "ClassName", true)));
         }},
        {"OpenReferenceInstances",
         [](Call& c) {
             openInstances(c, c.backend.references(sourceInstanceParam(c.request), referenceFilter(c.request),
                                                   instanceOptions(c.request)));
         }},
        {"OpenReferenceInstancePaths",
         [](Call& c) {
             openPaths(c, c.backend.referenceNames(sourceInstanceParam(c.request), referenceFilter(c.request)));
         }},
        {"OpenAssociatorInstances",
         [](Call& c) {
             openInstances(c, c.backend.associators(sourceInstanceParam(c.request), associatorFilter(c.request),
                                                    instanceOptions(c.request)));
         }},
        {"OpenAssociatorInstancePaths",
         [](Call& c) {
             openPaths(c, c.backend.associatorNames(sourceInstanceParam(c.request), associatorFilter(c.request)));
         }},
        {"OpenQueryInstances",
         [](Call& c) {
             if (boolParam(c.request, "ReturnQueryResultClass", false)) {
                 throw CimError(CimStatus::NotSupported, "ReturnQueryResultClass is not supported");
             }
             openEnumeration(c, EnumerationKind::Instances,
                             c.backend.execQuery(c.request.nameSpace, textParam(c.request, "FilterQueryLanguage"),
                                                 textParam(c.request, "FilterQuery")),
                             {});
         }},
        {"PullInstancesWithPath", [](Call& c) { pullEnumeration(c, EnumerationKind::InstancesWithPath); }},
        {"PullInstancePaths", [](Call& c) { pullEnumeration(c, EnumerationKind::InstancePaths); }},
        {"PullInstances", [](Call& c) { pullEnumeration(c, EnumerationKind::Instances); }},
        {"CloseEnumeration",
         [](Call& c) { c.contexts.close(textParam(c.request, "EnumerationContext"), c.request.nameSpace); }},
        {"EnumerationCount",
         [](Call& c) {
             const auto count = c.contexts.remaining(textParam(c.request, "EnumerationContext"), c.request.nameSpace);
             c.returnOne(Value::uint64(count), appendValue);
         }},
    };
    return operations;
}

// ---- Extrinsic methods ----------------------------------------------------------------

bool needsDeclaration(const WireParam& param) noexcept {
    return !param.wireType && param.embeddedObject.empty() &&
           (param.kind == WireParam::Kind::Value || param.kind == WireParam::Kind::ValueArray);
}

/// Types every IN parameter: by PARAMTYPE when the client sent it, otherwise by the method's
/// declaration (wbemcli sends no types), otherwise as a string.
std::vector<ParamValue> typedInParameters(CimClient& backend, const CimXmlRequest& request,
                                          const DecodeLimits& limits) {
    std::vector<ParamValue> typed;
    typed.reserve(request.params.size());
    std::optional<CimClass> cls;
    const MethodDecl* method = nullptr;
    for (const auto& param : request.params) {
        if (needsDeclaration(param) && !cls) {
            GetClassOptions options;
            options.localOnly = false;
            cls = backend.getClass(request.nameSpace, request.target.className(), options);
            method = cls->findMethod(request.methodName);
        }
        const ParameterDecl* decl = method && needsDeclaration(param) ? method->findParameter(param.name) : nullptr;
        typed.push_back({param.name, decl ? param.toValue(decl->type, decl->isArray, limits) : param.toValue(limits)});
    }
    return typed;
}

void appendParamTyped(std::string& out, const char* tag, std::string_view name, const Value& value) {
    out += '<';
    out += tag;
    if (!name.empty()) appendAttribute(out, "NAME", name);
    appendAttribute(out, "PARAMTYPE", xmlTypeName(value.type()));
    if (value.type() == CimType::Instance) appendAttribute(out, "EmbeddedObject", "instance");
    if (value.type() == CimType::Object) appendAttribute(out, "EmbeddedObject", "object");
    out += '>';
    appendValue(out, value);
    out += "</";
    out += tag;
    out += '>';
}

void invokeExtrinsic(CimClient& backend, const CimXmlRequest& request, const DecodeLimits& limits, std::string& out) {
    const auto inParameters = typedInParameters(backend, request, limits);
    const MethodResult result = backend.invokeMethod(request.target, request.methodName, inParameters);
    if (!result.returnValue.isNull()) appendParamTyped(out, "RETURNVALUE", {}, result.returnValue);
    for (const auto& param : result.outParameters) appendParamTyped(out, "PARAMVALUE", param.name, param.value);
}

void appendError(std::string& out, CimStatus status, std::string_view description) {
    out += "<ERROR CODE=\"";
    char digits[8];
    const auto end = std::to_chars(digits, digits + sizeof digits, static_cast<unsigned>(status)).ptr;
    out.append(digits, end);
    out += '"';
    appendAttribute(out, "DESCRIPTION", description);
    out += "/>";
}

}  // namespace

ExecutionResult executeRequest(CimClient& backend, EnumerationContexts& contexts, const CimXmlRequest& request,
                               const DecodeLimits& limits) {
    ExecutionResult result;
    std::string& out = result.body;
    out.reserve(1024);
    out += "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><MESSAGE";
    appendAttribute(out, "ID", request.messageId);
    out += " PROTOCOLVERSION=\"1.0\"><SIMPLERSP>";
    const char* responseTag = request.intrinsic ? "IMETHODRESPONSE" : "METHODRESPONSE";
    out += '<';
    out += responseTag;
    appendAttribute(out, "NAME", request.methodName);
    out += '>';
    const std::size_t bodyStart = out.size();

    auto fail = [&](CimStatus status, std::string_view description) {
        result.status = status;
        out.resize(bodyStart);  // an ERROR replaces any partial result (never with RETURNVALUE)
        appendError(out, status, description);
    };
    try {
        if (request.parameterError) throw *request.parameterError;
        if (request.intrinsic) {
            const auto& operations = intrinsicOperations();
            const auto found = operations.find(request.methodName);
            if (found == operations.end()) {
                throw CimError(CimStatus::NotSupported, "operation " + request.methodName + " is not supported");
            }
            Call call{backend, contexts, request, out};
            found->second(call);
        } else {
            invokeExtrinsic(backend, request, limits, out);
        }
    } catch (const CimError& e) {
        fail(e.status(), e.message());
    } catch (const std::exception& e) {
        fail(CimStatus::Failed, std::string("internal error: ") + e.what());
    }
    out += "</";
    out += responseTag;
    out += "></SIMPLERSP></MESSAGE></CIM>\n";
    return result;
}

}  // namespace wmimock::cimxml::detail
