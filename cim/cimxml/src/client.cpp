#include "wmimock/cimxml/client.hpp"

#include <spdlog/spdlog.h>
#include <atomic>
#include <charconv>
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <pugixml.hpp>

#include "decode.hpp"
#include "request_encoder.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/http/client_transport.hpp"

namespace wmimock::cimxml {
namespace {

constexpr std::string_view kDefaultNamespace = "root/cimv2";

/// Responses come from a server we chose to talk to, but are still bounded.
const DecodeLimits kResponseLimits{std::size_t{1} << 30, 256};

struct ParsedUrl {
    http::Endpoint endpoint;
    std::string nameSpace;
};

ParsedUrl parseUrl(std::string_view url) {
    ParsedUrl parsed;
    try {
        parsed.endpoint = http::parseEndpoint(url, 5988, 5989);
    } catch (const std::invalid_argument& e) {
        throw CimError(CimStatus::InvalidParameter, "invalid CIM-XML URL '" + std::string(url) + "': " + e.what() +
                                                        " (expected http://host:port[/namespace])");
    }
    parsed.nameSpace = normalizeNamespace(parsed.endpoint.path);
    if (parsed.nameSpace.empty()) parsed.nameSpace = kDefaultNamespace;
    return parsed;
}

CimError errorFromElement(const pugi::xml_node& error) {
    const std::string_view code = error.attribute("CODE").value();
    std::uint16_t number = 0;
    const auto [end, ec] = std::from_chars(code.data(), code.data() + code.size(), number);
    std::string description = error.attribute("DESCRIPTION").value();
    if (ec != std::errc() || end != code.data() + code.size() || number == 0) {
        return CimError(CimStatus::Failed,
                        "server error with unreadable code '" + std::string(code) + "': " + description);
    }
    // A number DSP0200 does not define is kept as it is: judging it is ERR-011's job, and
    // turning it into CIM_ERR_FAILED would hide it.
    return CimError(static_cast<CimStatus>(number), std::move(description));
}

/// The children of IRETURNVALUE (or of METHODRESPONSE), after checking the envelope.
/// Node handles are found again from the document on each use rather than kept, so a
/// Response can be moved (pugixml's move keeps the tree, not handles into the old object).
class Response {
public:
    Response(std::string body, std::string_view method, bool intrinsic) : body_(std::move(body)) {
        detail::parseDocument(doc_, body_, kResponseLimits);
        const auto cim = detail::firstElement(doc_);
        const auto message = detail::firstElement(cim);
        const auto simple = detail::firstElement(message);
        const auto response = detail::firstElement(simple);
        const char* expected = intrinsic ? "IMETHODRESPONSE" : "METHODRESPONSE";
        if (!detail::isElement(cim, "CIM") || !detail::isElement(message, "MESSAGE") ||
            !detail::isElement(simple, "SIMPLERSP") || !detail::isElement(response, expected)) {
            throw CimError(CimStatus::Failed,
                           std::string("unexpected CIM-XML response: expected CIM/MESSAGE/SIMPLERSP/") + expected);
        }
        if (!iequals(response.attribute("NAME").value(), method)) {
            throw CimError(CimStatus::Failed, "the response names " + std::string(response.attribute("NAME").value()) +
                                                  " instead of " + std::string(method));
        }
        if (const auto error = response.child("ERROR")) throw errorFromElement(error);
    }

    /// Elements inside IRETURNVALUE (none when it is absent).
    std::vector<pugi::xml_node> returned() const {
        std::vector<pugi::xml_node> nodes;
        for (auto child = element().child("IRETURNVALUE").first_child(); child; child = child.next_sibling()) {
            if (child.type() == pugi::node_element) nodes.push_back(child);
        }
        return nodes;
    }
    pugi::xml_node single(std::string_view what) const {
        const auto nodes = returned();
        if (nodes.size() != 1) {
            throw CimError(CimStatus::Failed, "the response should return one " + std::string(what) + ", not " +
                                                  std::to_string(nodes.size()) + " elements");
        }
        return nodes.front();
    }
    /// The (I)METHODRESPONSE element.
    pugi::xml_node element() const noexcept {
        return detail::firstElement(detail::firstElement(detail::firstElement(detail::firstElement(doc_))));
    }

    /// The text of an output PARAMVALUE (empty when absent or NULL).
    std::string outParameter(std::string_view name) const {
        const auto response = element();
        for (auto param = response.child("PARAMVALUE"); param; param = param.next_sibling("PARAMVALUE")) {
            if (iequals(param.attribute("NAME").value(), name)) return detail::textOf(param.child("VALUE"));
        }
        return {};
    }

private:
    std::string body_;
    pugi::xml_document doc_;
};

}  // namespace

struct CimXmlClient::Impl {
    ClientOptions options;
    ParsedUrl url;
    std::unique_ptr<http::ClientTransport> transport;
    std::atomic<std::uint64_t> nextMessageId{1};
    std::mutex derivationMutex;
    std::map<std::string, std::vector<std::string>> derivationCache;  ///< "ns:class" lower-cased

    std::string nameSpaceOr(std::string_view nameSpace) const {
        return nameSpace.empty() ? url.nameSpace : normalizeNamespace(nameSpace);
    }
    ObjectPath withNamespace(const ObjectPath& path) const {
        ObjectPath copy = path;
        copy.setHost({});
        if (copy.nameSpace().empty()) copy.setNameSpace(url.nameSpace);
        return copy;
    }
    std::string messageId() { return std::to_string(nextMessageId++); }

    Response call(std::string body, std::string_view method, std::string_view cimObject, bool intrinsic);

    /// Whether the server has pull operations: unknown until the first Open* answers.
    enum class Pull : std::uint8_t { Unknown, Supported, Unsupported };
    std::atomic<Pull> pull{Pull::Unknown};
    bool mayPull() const noexcept { return options.pullMaxObjectCount != 0 && pull != Pull::Unsupported; }

    /// Opens with `open` (an Open* request without MaxObjectCount), then pulls with
    /// `pullMethod` until the end of the sequence, handing every returned element to
    /// `collect`. Returns false, having sent nothing else, when the server has no pull
    /// operations; the caller then asks the classic way.
    template <typename Collect>
    bool pulled(detail::RequestEncoder open, std::string_view openMethod, std::string_view pullMethod,
                const std::string& nameSpace, const Collect& collect);
    std::vector<std::string> derivationOf(const std::string& nameSpace, const CimClass& cls, CimXmlClient& self);
};

Response CimXmlClient::Impl::call(std::string body, std::string_view method, std::string_view cimObject,
                                  bool intrinsic) {
    const http::HeaderList headers = {{"CIMOperation", "MethodCall"},
                                      {"CIMMethod", std::string(method)},
                                      {"CIMObject", detail::percentEncode(cimObject)},
                                      {"CIMProtocolVersion", "1.0"}};
    const auto started = std::chrono::steady_clock::now();
    // --log-level debug: one line per operation, with what it answered and how fast.
    auto trace = [&](std::string_view outcome) {
        if (!spdlog::should_log(spdlog::level::debug)) return;
        const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - started;
        spdlog::debug("cimxml client {} {} {} -> {} ({:.3f} ms)", url.endpoint.hostPort(), method, cimObject, outcome,
                      elapsed.count());
    };
    http::Reply response;
    try {
        response = transport->post(options.httpPath, "application/xml; charset=\"utf-8\"", std::move(body), headers);
    } catch (const CimError& e) {
        trace(e.what());
        throw;
    }
    if (response.status != 200) {
        const std::string cimError = response.header("CIMError");
        std::string message =
            "HTTP " + std::to_string(response.status) + " from " + url.endpoint.hostPort() + options.httpPath;
        if (!cimError.empty()) message += " (CIMError: " + cimError + ")";
        std::string detailText = response.body.substr(0, response.body.find('\n'));
        if (!detailText.empty()) message += ": " + detailText.substr(0, 300);
        trace(message);
        throw CimError(CimStatus::Failed, message);
    }
    try {
        Response parsed(std::move(response.body), method, intrinsic);
        trace("ok");
        return parsed;
    } catch (const CimError& e) {
        trace(statusName(e.status()));
        throw;
    }
}

template <typename Collect>
bool CimXmlClient::Impl::pulled(detail::RequestEncoder open, std::string_view openMethod, std::string_view pullMethod,
                                const std::string& nameSpace, const Collect& collect) {
    const std::string maxCount = std::to_string(options.pullMaxObjectCount);
    std::string body = open.text("MaxObjectCount", maxCount).finish();
    std::string_view method = openMethod;
    while (true) {
        const auto answer = [&]() -> std::optional<Response> {
            try {
                return call(std::move(body), method, nameSpace, true);
            } catch (const CimError& e) {
                // A server without pull operations answers an unknown intrinsic method so
                // (DSP0200); once pulling has worked, the same answer is the operation's own.
                if (method != openMethod || e.status() != CimStatus::NotSupported || pull == Pull::Supported) throw;
                return std::nullopt;
            }
        };
        const std::optional<Response> response = answer();
        if (!response) {
            pull = Pull::Unsupported;
            return false;
        }
        pull = Pull::Supported;
        for (const auto& node : response->returned()) collect(node);
        if (iequals(response->outParameter("EndOfSequence"), "TRUE")) return true;
        const std::string context = response->outParameter("EnumerationContext");
        if (context.empty()) {
            throw CimError(CimStatus::Failed, std::string(method) + " answered neither EndOfSequence nor a context");
        }
        body = detail::RequestEncoder::intrinsic(messageId(), pullMethod, nameSpace)
                   .text("EnumerationContext", context)
                   .text("MaxObjectCount", maxCount)
                   .finish();
        method = pullMethod;
    }
}

std::vector<std::string> CimXmlClient::Impl::derivationOf(const std::string& nameSpace, const CimClass& cls,
                                                          CimXmlClient& self) {
    if (cls.superClass.empty()) return {};
    const std::string key = toLower(nameSpace + ":" + cls.name);
    {
        std::lock_guard lock(derivationMutex);
        if (const auto found = derivationCache.find(key); found != derivationCache.end()) return found->second;
    }
    // DSP0201 carries only the direct superclass; the chain costs one GetClass per ancestor,
    // once per client.
    GetClassOptions light;
    light.includeQualifiers = false;
    light.propertyList = std::vector<std::string>{};
    const CimClass super = self.getClass(nameSpace, cls.superClass, light);
    std::vector<std::string> derivation{super.name};
    derivation.insert(derivation.end(), super.derivation.begin(), super.derivation.end());
    std::lock_guard lock(derivationMutex);
    derivationCache[key] = derivation;
    return derivation;
}

CimXmlClient::CimXmlClient(ClientOptions options) : impl_(std::make_unique<Impl>()) {
    impl_->url = parseUrl(options.url);
    impl_->options = std::move(options);
    http::TransportOptions transport = impl_->options.transport;
    transport.sealOverHttp = false;  // WinRM's sealing is WS-Management's; CIM-XML has none
    impl_->transport = std::make_unique<http::ClientTransport>(impl_->url.endpoint, std::move(transport));
}

CimXmlClient::~CimXmlClient() = default;

const std::string& CimXmlClient::defaultNamespace() const noexcept {
    return impl_->url.nameSpace;
}
std::string CimXmlClient::endpoint() const {
    return impl_->url.endpoint.hostPort();
}
const ClientOptions& CimXmlClient::options() const noexcept {
    return impl_->options;
}

CimClass CimXmlClient::doGetClass(std::string_view nameSpace, std::string_view className,
                                  const GetClassOptions& options) {
    const std::string ns = impl_->nameSpaceOr(nameSpace);
    auto body = detail::RequestEncoder::intrinsic(impl_->messageId(), "GetClass", ns)
                    .className("ClassName", className)
                    .boolean("LocalOnly", options.localOnly)
                    .boolean("IncludeQualifiers", options.includeQualifiers)
                    .boolean("IncludeClassOrigin", options.includeClassOrigin)
                    .propertyList(options.propertyList)
                    .finish();
    const auto response = impl_->call(std::move(body), "GetClass", ns, true);
    CimClass cls = detail::readClass(response.single("CLASS"), kResponseLimits);
    cls.derivation = impl_->derivationOf(ns, cls, *this);
    return cls;
}

std::vector<CimClass> CimXmlClient::doEnumerateClasses(std::string_view nameSpace, std::string_view className,
                                                       bool deepInheritance, const GetClassOptions& options) {
    const std::string ns = impl_->nameSpaceOr(nameSpace);
    auto body = detail::RequestEncoder::intrinsic(impl_->messageId(), "EnumerateClasses", ns)
                    .className("ClassName", className)
                    .boolean("DeepInheritance", deepInheritance)
                    .boolean("LocalOnly", options.localOnly)
                    .boolean("IncludeQualifiers", options.includeQualifiers)
                    .boolean("IncludeClassOrigin", options.includeClassOrigin)
                    .finish();
    const auto response = impl_->call(std::move(body), "EnumerateClasses", ns, true);
    std::vector<CimClass> classes;
    for (const auto& node : response.returned()) classes.push_back(detail::readClass(node, kResponseLimits));
    return classes;
}

std::vector<std::string> CimXmlClient::doEnumerateClassNames(std::string_view nameSpace, std::string_view className,
                                                             bool deepInheritance) {
    const std::string ns = impl_->nameSpaceOr(nameSpace);
    auto body = detail::RequestEncoder::intrinsic(impl_->messageId(), "EnumerateClassNames", ns)
                    .className("ClassName", className)
                    .boolean("DeepInheritance", deepInheritance)
                    .finish();
    const auto response = impl_->call(std::move(body), "EnumerateClassNames", ns, true);
    std::vector<std::string> names;
    for (const auto& node : response.returned()) names.emplace_back(detail::requiredAttribute(node, "NAME"));
    return names;
}

Instance CimXmlClient::doGetInstance(const ObjectPath& path, const InstanceOptions& options) {
    const ObjectPath target = impl_->withNamespace(path);
    auto body = detail::RequestEncoder::intrinsic(impl_->messageId(), "GetInstance", target.nameSpace())
                    .instanceName("InstanceName", target)
                    .boolean("LocalOnly", false)
                    .boolean("IncludeQualifiers", options.includeQualifiers)
                    .boolean("IncludeClassOrigin", options.includeClassOrigin)
                    .propertyList(options.propertyList)
                    .finish();
    const auto response = impl_->call(std::move(body), "GetInstance", target.nameSpace(), true);
    Instance instance = detail::readInstance(response.single("INSTANCE"), kResponseLimits);
    instance.setPath(target);
    return instance;
}

std::vector<Instance> CimXmlClient::doEnumerateInstances(std::string_view nameSpace, std::string_view className,
                                                         const InstanceOptions& options) {
    const std::string ns = impl_->nameSpaceOr(nameSpace);
    if (impl_->mayPull()) {
        std::vector<Instance> instances;
        auto open = detail::RequestEncoder::intrinsic(impl_->messageId(), "OpenEnumerateInstances", ns)
                        .className("ClassName", className)
                        .boolean("DeepInheritance", options.deepInheritance)
                        .boolean("IncludeClassOrigin", options.includeClassOrigin)
                        .propertyList(options.propertyList);
        const bool done = impl_->pulled(std::move(open), "OpenEnumerateInstances", "PullInstancesWithPath", ns,
                                        [&](const pugi::xml_node& node) {
                                            Instance instance = detail::readInstanceWithPath(node, ns, kResponseLimits);
                                            instance.setPath(impl_->withNamespace(instance.path()));
                                            instances.push_back(std::move(instance));
                                        });
        if (done) return instances;
    }
    auto body = detail::RequestEncoder::intrinsic(impl_->messageId(), "EnumerateInstances", ns)
                    .className("ClassName", className)
                    .boolean("LocalOnly", false)
                    .boolean("DeepInheritance", options.deepInheritance)
                    .boolean("IncludeQualifiers", options.includeQualifiers)
                    .boolean("IncludeClassOrigin", options.includeClassOrigin)
                    .propertyList(options.propertyList)
                    .finish();
    const auto response = impl_->call(std::move(body), "EnumerateInstances", ns, true);
    std::vector<Instance> instances;
    for (const auto& node : response.returned()) {
        instances.push_back(detail::readInstanceWithPath(node, ns, kResponseLimits));
    }
    return instances;
}

std::vector<ObjectPath> CimXmlClient::doEnumerateInstanceNames(std::string_view nameSpace, std::string_view className) {
    const std::string ns = impl_->nameSpaceOr(nameSpace);
    if (impl_->mayPull()) {
        std::vector<ObjectPath> paths;
        auto open = detail::RequestEncoder::intrinsic(impl_->messageId(), "OpenEnumerateInstancePaths", ns)
                        .className("ClassName", className);
        const bool done = impl_->pulled(
            std::move(open), "OpenEnumerateInstancePaths", "PullInstancePaths", ns,
            [&](const pugi::xml_node& node) { paths.push_back(impl_->withNamespace(detail::readAnyPath(node))); });
        if (done) return paths;
    }
    auto body = detail::RequestEncoder::intrinsic(impl_->messageId(), "EnumerateInstanceNames", ns)
                    .className("ClassName", className)
                    .finish();
    const auto response = impl_->call(std::move(body), "EnumerateInstanceNames", ns, true);
    std::vector<ObjectPath> paths;
    for (const auto& node : response.returned()) paths.push_back(detail::readInstanceName(node, ns));
    return paths;
}

ObjectPath CimXmlClient::doCreateInstance(std::string_view nameSpace, const Instance& instance) {
    const std::string ns = impl_->nameSpaceOr(nameSpace);
    auto body = detail::RequestEncoder::intrinsic(impl_->messageId(), "CreateInstance", ns)
                    .instance("NewInstance", instance)
                    .finish();
    const auto response = impl_->call(std::move(body), "CreateInstance", ns, true);
    return detail::readInstanceName(response.single("INSTANCENAME"), ns);
}

void CimXmlClient::doModifyInstance(const Instance& instance, const PropertyList& propertyList) {
    const ObjectPath target = impl_->withNamespace(instance.path());
    if (target.className().empty()) {
        throw CimError(CimStatus::InvalidParameter, "modifyInstance: the instance has no path");
    }
    Instance named = instance;
    named.setPath(target);
    auto body = detail::RequestEncoder::intrinsic(impl_->messageId(), "ModifyInstance", target.nameSpace())
                    .namedInstance("ModifiedInstance", named)
                    .boolean("IncludeQualifiers", false)
                    .propertyList(propertyList)
                    .finish();
    impl_->call(std::move(body), "ModifyInstance", target.nameSpace(), true);
}

void CimXmlClient::doDeleteInstance(const ObjectPath& path) {
    const ObjectPath target = impl_->withNamespace(path);
    auto body = detail::RequestEncoder::intrinsic(impl_->messageId(), "DeleteInstance", target.nameSpace())
                    .instanceName("InstanceName", target)
                    .finish();
    impl_->call(std::move(body), "DeleteInstance", target.nameSpace(), true);
}

MethodResult CimXmlClient::doInvokeMethod(const ObjectPath& target, std::string_view methodName,
                                          const std::vector<ParamValue>& inParameters) {
    const ObjectPath path = impl_->withNamespace(target);
    auto encoder = detail::RequestEncoder::extrinsic(impl_->messageId(), methodName, path);
    for (const auto& param : inParameters) encoder.methodParameter(param);
    const auto response = impl_->call(encoder.finish(), methodName, path.toString(), false);

    std::vector<WireParam> outputs;
    std::optional<WireParam> returned;
    for (auto child = response.element().first_child(); child; child = child.next_sibling()) {
        if (detail::isElement(child, "RETURNVALUE")) returned = detail::readWireParam(child, path.nameSpace());
        if (detail::isElement(child, "PARAMVALUE")) outputs.push_back(detail::readWireParam(child, path.nameSpace()));
    }
    // Servers should send PARAMTYPE; for those that do not, the declaration types the values.
    const MethodDecl* method = nullptr;
    std::optional<CimClass> cls;
    auto declaration = [&]() -> const MethodDecl* {
        if (!cls) {
            GetClassOptions options;
            options.localOnly = false;
            cls = getClass(path.nameSpace(), path.className(), options);
            method = cls->findMethod(methodName);
        }
        return method;
    };
    MethodResult result;
    if (returned) {
        if (returned->wireType || !declaration()) {
            result.returnValue = returned->toValue(kResponseLimits);
        } else {
            result.returnValue = returned->toValue(method->returnType, false, kResponseLimits);
        }
    }
    for (const auto& output : outputs) {
        const ParameterDecl* decl = output.wireType || !declaration() ? nullptr : method->findParameter(output.name);
        result.outParameters.push_back({output.name, decl ? output.toValue(decl->type, decl->isArray, kResponseLimits)
                                                          : output.toValue(kResponseLimits)});
    }
    return result;
}

namespace {

std::vector<Instance> readObjectsWithPath(const Response& response, std::string_view nameSpace) {
    std::vector<Instance> instances;
    for (const auto& node : response.returned()) {
        instances.push_back(detail::readInstanceWithPath(node, nameSpace, kResponseLimits));
    }
    return instances;
}

std::vector<ObjectPath> readObjectPaths(const Response& response, std::string_view nameSpace) {
    std::vector<ObjectPath> paths;
    for (const auto& node : response.returned()) {
        ObjectPath path = detail::readAnyPath(node);
        path.setHost({});
        if (path.nameSpace().empty()) path.setNameSpace(nameSpace);
        paths.push_back(std::move(path));
    }
    return paths;
}

}  // namespace

std::vector<Instance> CimXmlClient::doAssociators(const ObjectPath& source, const AssociatorFilter& filter,
                                                  const InstanceOptions& options) {
    const ObjectPath path = impl_->withNamespace(source);
    auto encoder = detail::RequestEncoder::intrinsic(impl_->messageId(), "Associators", path.nameSpace());
    encoder.objectName("ObjectName", path)
        .className("AssocClass", filter.assocClass)
        .className("ResultClass", filter.resultClass);
    if (!filter.role.empty()) encoder.text("Role", filter.role);
    if (!filter.resultRole.empty()) encoder.text("ResultRole", filter.resultRole);
    encoder.boolean("IncludeQualifiers", options.includeQualifiers)
        .boolean("IncludeClassOrigin", options.includeClassOrigin)
        .propertyList(options.propertyList);
    const auto response = impl_->call(encoder.finish(), "Associators", path.nameSpace(), true);
    return readObjectsWithPath(response, path.nameSpace());
}

std::vector<ObjectPath> CimXmlClient::doAssociatorNames(const ObjectPath& source, const AssociatorFilter& filter) {
    const ObjectPath path = impl_->withNamespace(source);
    auto encoder = detail::RequestEncoder::intrinsic(impl_->messageId(), "AssociatorNames", path.nameSpace());
    encoder.objectName("ObjectName", path)
        .className("AssocClass", filter.assocClass)
        .className("ResultClass", filter.resultClass);
    if (!filter.role.empty()) encoder.text("Role", filter.role);
    if (!filter.resultRole.empty()) encoder.text("ResultRole", filter.resultRole);
    const auto response = impl_->call(encoder.finish(), "AssociatorNames", path.nameSpace(), true);
    return readObjectPaths(response, path.nameSpace());
}

std::vector<Instance> CimXmlClient::doReferences(const ObjectPath& source, const ReferenceFilter& filter,
                                                 const InstanceOptions& options) {
    const ObjectPath path = impl_->withNamespace(source);
    auto encoder = detail::RequestEncoder::intrinsic(impl_->messageId(), "References", path.nameSpace());
    encoder.objectName("ObjectName", path).className("ResultClass", filter.resultClass);
    if (!filter.role.empty()) encoder.text("Role", filter.role);
    encoder.boolean("IncludeQualifiers", options.includeQualifiers)
        .boolean("IncludeClassOrigin", options.includeClassOrigin)
        .propertyList(options.propertyList);
    const auto response = impl_->call(encoder.finish(), "References", path.nameSpace(), true);
    return readObjectsWithPath(response, path.nameSpace());
}

std::vector<ObjectPath> CimXmlClient::doReferenceNames(const ObjectPath& source, const ReferenceFilter& filter) {
    const ObjectPath path = impl_->withNamespace(source);
    auto encoder = detail::RequestEncoder::intrinsic(impl_->messageId(), "ReferenceNames", path.nameSpace());
    encoder.objectName("ObjectName", path).className("ResultClass", filter.resultClass);
    if (!filter.role.empty()) encoder.text("Role", filter.role);
    const auto response = impl_->call(encoder.finish(), "ReferenceNames", path.nameSpace(), true);
    return readObjectPaths(response, path.nameSpace());
}

std::vector<Instance> CimXmlClient::doExecQuery(std::string_view nameSpace, std::string_view queryLanguage,
                                                std::string_view query) {
    const std::string ns = impl_->nameSpaceOr(nameSpace);
    auto body = detail::RequestEncoder::intrinsic(impl_->messageId(), "ExecQuery", ns)
                    .text("QueryLanguage", queryLanguage)
                    .text("Query", query)
                    .finish();
    const auto response = impl_->call(std::move(body), "ExecQuery", ns, true);
    return readObjectsWithPath(response, ns);
}

}  // namespace wmimock::cimxml
