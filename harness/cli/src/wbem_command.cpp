#include "wbem_command.hpp"

#include <algorithm>
#include <iostream>

#include <nlohmann/json.hpp>

#include "exit_codes.hpp"
#include "option_kinds.hpp"
#include "sim_options.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/harness/targets.hpp"

namespace wmimock::cli {
namespace {

struct VerbInfo {
    const char* name;
    const char* description;
    const char* subjectName;  ///< the positional after TARGET, or nullptr
    const char* subjectHelp;
    const char* example;
};

VerbInfo infoOf(WbemVerb verb) {
    switch (verb) {
        case WbemVerb::Get:
            return {"get", "Print one instance (GetInstance)", "path", "the instance's object path",
                    "wmimock get builtin:reference 'WMIMock_Service.Name=\"Alpha\"'"};
        case WbemVerb::Enumerate:
            return {"enum", "Print the instances of a class and its subclasses (EnumerateInstances)", "class",
                    "class name", "wmimock enum http://127.0.0.1:5988/root/cimv2 CIM_Service"};
        case WbemVerb::Names:
            return {"names", "Print the object paths of a class's instances (EnumerateInstanceNames)", "class",
                    "class name", "wmimock names plugin:./libmyprovider.so MyVendor_Service"};
        case WbemVerb::Invoke:
            return {"invoke", "Call a method and print its return value and output parameters (InvokeMethod)", "path",
                    "the instance's object path (or a class name for a static method)",
                    "wmimock invoke builtin:reference 'WMIMock_Service.Name=\"Alpha\"' RequestStateChange "
                    "RequestedState=3"};
        case WbemVerb::Query:
            return {"query", "Print the instances a query selects (ExecQuery)", "query", "the query text",
                    "wmimock query builtin:win32 'SELECT * FROM Win32_Service WHERE Started = TRUE'"};
        case WbemVerb::Classes:
            return {"classes", "Print class names (EnumerateClassNames)", nullptr, nullptr,
                    "wmimock classes builtin:hyperv --namespace root/virtualization/v2 CIM_Service --deep"};
        case WbemVerb::Class:
            return {"class", "Print a class's definition as MOF (GetClass)", "class", "class name",
                    "wmimock class http://127.0.0.1:5985/wsman CIM_Service --namespace root/cimv2"};
    }
    return {};
}

/// Arguments the user got wrong (exit 2), told apart from what the target refuses (exit 1).
class BadArguments : public CimError {
public:
    explicit BadArguments(const std::string& message) : CimError(CimStatus::InvalidParameter, message) {}
};

nlohmann::json toJson(const Value& value);

nlohmann::json toJson(const Instance& instance) {
    nlohmann::json properties = nlohmann::json::object();
    for (const auto& property : instance.properties()) properties[property.name] = toJson(property.value);
    nlohmann::json out{{"class", instance.className()}, {"properties", std::move(properties)}};
    if (!instance.path().className().empty()) out["path"] = instance.path().toString();
    return out;
}

nlohmann::json toJson(const Value& value) {
    if (value.isNull()) return nullptr;
    if (value.isArray()) {
        nlohmann::json elements = nlohmann::json::array();
        for (const Value& element : value.asArray()) elements.push_back(toJson(element));
        return elements;
    }
    const CimType type = value.type();
    if (type == CimType::Boolean) return value.asBool();
    if (isSignedInteger(type)) return value.asInt64();
    if (isInteger(type)) return value.asUint64();
    if (isReal(type)) return value.asReal();
    if (type == CimType::String) return value.asString();
    if (type == CimType::Reference) return value.asReference().toString();
    if (type == CimType::Instance || type == CimType::Object) return toJson(value.asInstance());
    return value.toText();  // datetime, char16
}

/// Reads NAME=VALUE arguments as the method declares its parameters (a name given twice
/// builds an array).
std::vector<ParamValue> parseParameters(const std::vector<std::string>& arguments, const MethodDecl& method) {
    std::vector<ParamValue> parameters;
    for (const std::string& argument : arguments) {
        const std::size_t equals = argument.find('=');
        if (equals == std::string::npos || equals == 0) {
            throw BadArguments("'" + argument + "' is not NAME=VALUE");
        }
        const std::string name = argument.substr(0, equals);
        const ParameterDecl* declared = method.findParameter(name);
        if (declared == nullptr || !declared->isIn()) {
            throw BadArguments(method.name + " has no input parameter '" + name + "'");
        }
        Value element;
        try {
            element = Value::parse(declared->type, std::string_view(argument).substr(equals + 1));
        } catch (const CimError& e) {
            throw BadArguments(name + ": " + e.message());
        }
        auto existing = std::find_if(parameters.begin(), parameters.end(),
                                     [&](const ParamValue& p) { return iequals(p.name, declared->name); });
        if (!declared->isArray) {
            if (existing != parameters.end()) {
                throw BadArguments(name + " is not an array: give it once");
            }
            parameters.push_back({declared->name, element});
        } else if (existing == parameters.end()) {
            parameters.push_back({declared->name, Value::array(declared->type, {element})});
        } else {
            std::vector<Value> elements = existing->value.asArray();
            elements.push_back(element);
            existing->value = Value::array(declared->type, std::move(elements));
        }
    }
    return parameters;
}

}  // namespace

WbemCommand::WbemCommand(CLI::App& parent, WbemVerb verb)
    : Subcommand(parent.add_subcommand(infoOf(verb).name, infoOf(verb).description)), verb_(verb) {
    const VerbInfo info = infoOf(verb);
    app_->add_option("target", target_, "builtin:NAME, plugin:PATH, http(s)://HOST:PORT/NAMESPACE or .../wsman")
        ->required();
    if (info.subjectName != nullptr) {
        app_->add_option(info.subjectName, subject_, info.subjectHelp)->required();
    } else {
        app_->add_option("class", subject_, "only this class and its subclasses");
        app_->add_flag("--deep", deep_, "all subclasses, not only the direct ones");
    }
    if (verb == WbemVerb::Invoke) {
        app_->add_option("method", method_, "method name")->required();
        app_->add_option("parameters", parameters_, "input parameters as NAME=VALUE (an array: the name again)");
    }
    if (verb == WbemVerb::Query) {
        app_->add_option("--language", language_, "query language (WQL, DMTF:CQL)")->capture_default_str();
    }
    app_->add_option("-n,--namespace", nameSpace_, "namespace (default: the target's)");
    app_->add_option("--format", format_, "mof or json")
        ->capture_default_str()
        ->check(CLI::IsMember({"mof", "json"}, CLI::ignore_case));
    transport_.addTo(*app_);
    addRepeatable(*app_, "--sim-option", simOptions_, "KEY=VALUE for builtin: targets (see `wmimock conform --help`)");
    addRepeatable(*app_, "--mof", mofFiles_, "extra MOF for builtin: and plugin: targets (repeatable)");
    addRepeatable(*app_, "-I,--include", includeDirs_, "directory searched by #pragma include (repeatable)");
    addMofDialect(*app_, dialect_);
    addBaseline(*app_, baselines_);
    app_->footer(std::string("Example:\n  ") + info.example + "\n\n" + exit_code::kHelpText);
}

int WbemCommand::run() const {
    harness::TargetOptions options;
    options.simOptions = parseSimOptions(simOptions_);
    options.mofFiles = mofFiles_;
    options.includeDirs = includeDirs_;
    options.mofDialect = dialect_;
    options.baselines = baselines_;
    options.nameSpace = nameSpace_;
    transport_.applyTo(options);
    harness::checkTarget(target_, options);  // bad usage: CimError, exit 2

    const bool json = toLower(format_) == "json";
    nlohmann::json out;
    try {
        const std::unique_ptr<conformance::Target> target = harness::openTarget(target_, options);
        CimClient& client = target->client();
        const std::string nameSpace = nameSpace_.empty() ? target->defaultNamespace() : nameSpace_;
        auto pathOf = [&](const std::string& text) {
            ObjectPath path = ObjectPath::parse(text);
            if (path.nameSpace().empty()) path.setNameSpace(nameSpace);
            return path;
        };
        auto printInstances = [&](const std::vector<Instance>& instances) {
            if (json) {
                out = nlohmann::json::array();
                for (const Instance& instance : instances) out.push_back(toJson(instance));
                return;
            }
            for (const Instance& instance : instances) {
                if (!instance.path().className().empty()) std::cout << "// " << instance.path().toString() << '\n';
                std::cout << instance.toMof() << '\n';
            }
        };
        switch (verb_) {
            case WbemVerb::Get: {
                const Instance instance = client.getInstance(pathOf(subject_));
                if (json) {
                    out = toJson(instance);
                } else {
                    printInstances({instance});
                }
                break;
            }
            case WbemVerb::Enumerate:
                printInstances(client.enumerateInstances(nameSpace, subject_));
                break;
            case WbemVerb::Query:
                printInstances(client.execQuery(nameSpace, language_, subject_));
                break;
            case WbemVerb::Names: {
                const std::vector<ObjectPath> paths = client.enumerateInstanceNames(nameSpace, subject_);
                out = nlohmann::json::array();
                for (const ObjectPath& path : paths) {
                    if (json) {
                        out.push_back(path.toString());
                    } else {
                        std::cout << path.toString() << '\n';
                    }
                }
                break;
            }
            case WbemVerb::Classes: {
                const std::vector<std::string> names = client.enumerateClassNames(nameSpace, subject_, deep_);
                out = names;
                if (!json) {
                    for (const std::string& name : names) std::cout << name << '\n';
                }
                break;
            }
            case WbemVerb::Class: {
                GetClassOptions whole;
                whole.localOnly = false;  // the inherited elements, marked as such in MOF
                whole.includeClassOrigin = true;
                const CimClass cls = client.getClass(nameSpace, subject_, whole);
                if (json) {
                    nlohmann::json properties = nlohmann::json::array(), methods = nlohmann::json::array();
                    for (const PropertyDecl& p : cls.properties) {
                        properties.push_back({{"name", p.name},
                                              {"type", std::string(toString(p.type))},
                                              {"array", p.isArray},
                                              {"key", p.isKey()},
                                              {"classOrigin", std::string(p.classOrigin)}});
                    }
                    for (const MethodDecl& m : cls.methods) {
                        nlohmann::json parameters = nlohmann::json::array();
                        for (const ParameterDecl& p : m.parameters) {
                            parameters.push_back({{"name", p.name},
                                                  {"type", std::string(toString(p.type))},
                                                  {"array", p.isArray},
                                                  {"in", p.isIn()},
                                                  {"out", p.isOut()}});
                        }
                        methods.push_back({{"name", m.name},
                                           {"returnType", m.returnsVoid ? "void" : std::string(toString(m.returnType))},
                                           {"parameters", std::move(parameters)}});
                    }
                    out = {{"name", cls.name},
                           {"superClass", cls.superClass},
                           {"properties", std::move(properties)},
                           {"methods", std::move(methods)}};
                } else {
                    std::cout << formatClassMof(cls, true);
                }
                break;
            }
            case WbemVerb::Invoke: {
                const ObjectPath path = pathOf(subject_);
                GetClassOptions whole;
                whole.localOnly = false;  // inherited methods too
                const CimClass cls = client.getClass(path.nameSpace(), path.className(), whole);
                const MethodDecl* method = cls.findMethod(method_);
                if (method == nullptr) {
                    throw CimError(CimStatus::MethodNotFound, path.className() + " declares no method " + method_);
                }
                const MethodResult result =
                    client.invokeMethod(path, method->name, parseParameters(parameters_, *method));
                if (json) {
                    nlohmann::json outputs = nlohmann::json::object();
                    for (const ParamValue& p : result.outParameters) outputs[p.name] = toJson(p.value);
                    out = {{"ReturnValue", toJson(result.returnValue)}, {"out", std::move(outputs)}};
                } else {
                    std::cout << "ReturnValue = " << result.returnValue.toMof() << ";\n";
                    for (const ParamValue& p : result.outParameters) {
                        std::cout << p.name << " = " << p.value.toMof() << ";\n";
                    }
                }
                break;
            }
        }
    } catch (const BadArguments&) {
        throw;
    } catch (const CimError& error) {
        // The target's answer, or a target that cannot be opened: the operation failed.
        std::cerr << "wmimock " << infoOf(verb_).name << ": " << error.what() << '\n';
        return exit_code::kOperationFailed;
    }
    if (json) std::cout << out.dump(2) << '\n';
    return exit_code::kSuccess;
}

}  // namespace wmimock::cli
