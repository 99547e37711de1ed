#include "wmimock/cimxml/client.hpp"

#include <httplib.h>

#include <atomic>
#include <charconv>
#include <map>
#include <mutex>
#include <pugixml.hpp>

#include "decode.hpp"
#include "request_encoder.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"

namespace wmimock::cimxml {
namespace {

constexpr std::string_view kDefaultNamespace = "root/cimv2";

/// Responses come from a server we chose to talk to, but are still bounded.
const DecodeLimits kResponseLimits{std::size_t{1} << 30, 256};

struct ParsedUrl {
    std::string schemeHostPort;  ///< what httplib::Client takes
    std::string endpoint;        ///< host:port for messages
    std::string nameSpace;
};

ParsedUrl parseUrl(std::string_view url) {
    auto bad = [&](std::string_view why) {
        return CimError(CimStatus::InvalidParameter, "invalid CIM-XML URL '" + std::string(url) + "': " +
                                                         std::string(why) + " (expected http://host:port[/namespace])");
    };
    const auto schemeEnd = url.find("://");
    if (schemeEnd == std::string_view::npos) throw bad("no scheme");
    const std::string scheme = toLower(url.substr(0, schemeEnd));
    if (scheme != "http" && scheme != "https") throw bad("the scheme must be http or https");
    std::string_view rest = url.substr(schemeEnd + 3);
    const auto pathStart = rest.find('/');
    const std::string_view authority = rest.substr(0, pathStart);
    const std::string_view path = pathStart == std::string_view::npos ? std::string_view{} : rest.substr(pathStart);
    if (authority.empty()) throw bad("no host");
    std::string host(authority);
    int port = scheme == "https" ? 5989 : 5988;
    const auto colon = authority.rfind(':');
    if (colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos) {
        host = authority.substr(0, colon);
        const auto digits = authority.substr(colon + 1);
        const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), port);
        if (result.ec != std::errc() || result.ptr != digits.data() + digits.size() || port <= 0 || port > 65535) {
            throw bad("the port is not a number in 1..65535");
        }
    }
    if (host.empty()) throw bad("no host");
    ParsedUrl parsed;
    parsed.endpoint = host + ":" + std::to_string(port);
    parsed.schemeHostPort = scheme + "://" + parsed.endpoint;
    parsed.nameSpace = normalizeNamespace(path);
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
class Response {
public:
    Response(std::string body, std::string_view method, bool intrinsic) : body_(std::move(body)) {
        detail::parseDocument(doc_, body_, kResponseLimits);
        const auto cim = detail::firstElement(doc_);
        const auto message = detail::firstElement(cim);
        const auto simple = detail::firstElement(message);
        response_ = detail::firstElement(simple);
        const char* expected = intrinsic ? "IMETHODRESPONSE" : "METHODRESPONSE";
        if (!detail::isElement(cim, "CIM") || !detail::isElement(message, "MESSAGE") ||
            !detail::isElement(simple, "SIMPLERSP") || !detail::isElement(response_, expected)) {
            throw CimError(CimStatus::Failed,
                           std::string("unexpected CIM-XML response: expected CIM/MESSAGE/SIMPLERSP/") + expected);
        }
        if (!iequals(response_.attribute("NAME").value(), method)) {
            throw CimError(CimStatus::Failed, "the response names " + std::string(response_.attribute("NAME").value()) +
                                                  " instead of " + std::string(method));
        }
        if (const auto error = response_.child("ERROR")) throw errorFromElement(error);
    }

    /// Elements inside IRETURNVALUE (none when it is absent).
    std::vector<pugi::xml_node> returned() const {
        std::vector<pugi::xml_node> nodes;
        for (auto child = response_.child("IRETURNVALUE").first_child(); child; child = child.next_sibling()) {
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
    const pugi::xml_node& element() const noexcept { return response_; }

private:
    std::string body_;
    pugi::xml_document doc_;
    pugi::xml_node response_;
};

}  // namespace

struct CimXmlClient::Impl {
    ClientOptions options;
    ParsedUrl url;
    std::unique_ptr<httplib::Client> http;
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
    std::vector<std::string> derivationOf(const std::string& nameSpace, const CimClass& cls, CimXmlClient& self);
};

Response CimXmlClient::Impl::call(std::string body, std::string_view method, std::string_view cimObject,
                                  bool intrinsic) {
    httplib::Request request;
    request.method = "POST";
    request.path = options.httpPath;
    request.set_header("Content-Type", "application/xml; charset=\"utf-8\"");
    request.set_header("CIMOperation", "MethodCall");
    request.set_header("CIMMethod", std::string(method));
    request.set_header("CIMObject", detail::percentEncode(cimObject));
    request.set_header("CIMProtocolVersion", "1.0");
    request.body = std::move(body);
    // A server that answers an error without Content-Length and keeps the socket open would
    // make reading the body wait for the read timeout: cancel right after the headers then.
    bool abandonedBody = false;
    request.response_handler = [&abandonedBody](const httplib::Response& response) {
        if (response.status == 200 || response.has_header("Content-Length") ||
            response.has_header("Transfer-Encoding")) {
            return true;
        }
        abandonedBody = true;
        return false;
    };

    httplib::Response response;
    httplib::Error error = httplib::Error::Success;
    const bool sent = http->send(request, response, error);
    const std::string where = url.endpoint + options.httpPath;
    if (!sent && !abandonedBody) {
        switch (error) {
            case httplib::Error::Connection:
                throw CimError(CimStatus::Failed, "cannot connect to " + url.endpoint +
                                                      " (refused, unreachable or no answer within " +
                                                      std::to_string(options.connectTimeout.count()) + " ms)");
            case httplib::Error::Read:
                throw CimError(CimStatus::Failed, "no complete answer from " + where + " within " +
                                                      std::to_string(options.readTimeout.count()) +
                                                      " ms (or the server closed the connection)");
            case httplib::Error::Write:
                throw CimError(CimStatus::Failed, "could not send the request to " + where);
            default:
                throw CimError(CimStatus::Failed, "HTTP request to " + where + " failed: " + httplib::to_string(error));
        }
    }
    if (response.status != 200) {
        const std::string cimError = response.get_header_value("CIMError");
        std::string message = "HTTP " + std::to_string(response.status) + " from " + where;
        if (!cimError.empty()) message += " (CIMError: " + cimError + ")";
        std::string detailText = response.body.substr(0, response.body.find('\n'));
        if (!detailText.empty()) message += ": " + detailText.substr(0, 300);
        if (response.status == 401) {
            throw CimError(CimStatus::AccessDenied,
                           message + (options.user.empty() ? " - the server wants credentials" : " - bad credentials"));
        }
        throw CimError(CimStatus::Failed, message);
    }
    return Response(std::move(response.body), method, intrinsic);
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
    impl_->http = std::make_unique<httplib::Client>(impl_->url.schemeHostPort);
    auto& http = *impl_->http;
    http.set_keep_alive(true);
    http.set_tcp_nodelay(true);
    http.set_connection_timeout(impl_->options.connectTimeout);
    http.set_read_timeout(impl_->options.readTimeout);
    http.set_write_timeout(impl_->options.readTimeout);
    if (!impl_->options.user.empty()) http.set_basic_auth(impl_->options.user, impl_->options.password);
}

CimXmlClient::~CimXmlClient() = default;

const std::string& CimXmlClient::defaultNamespace() const noexcept {
    return impl_->url.nameSpace;
}
std::string CimXmlClient::endpoint() const {
    return impl_->url.endpoint;
}
const ClientOptions& CimXmlClient::options() const noexcept {
    return impl_->options;
}

CimClass CimXmlClient::getClass(std::string_view nameSpace, std::string_view className,
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

std::vector<CimClass> CimXmlClient::enumerateClasses(std::string_view nameSpace, std::string_view className,
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

std::vector<std::string> CimXmlClient::enumerateClassNames(std::string_view nameSpace, std::string_view className,
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

Instance CimXmlClient::getInstance(const ObjectPath& path, const InstanceOptions& options) {
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

std::vector<Instance> CimXmlClient::enumerateInstances(std::string_view nameSpace, std::string_view className,
                                                       const InstanceOptions& options) {
    const std::string ns = impl_->nameSpaceOr(nameSpace);
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

std::vector<ObjectPath> CimXmlClient::enumerateInstanceNames(std::string_view nameSpace, std::string_view className) {
    const std::string ns = impl_->nameSpaceOr(nameSpace);
    auto body = detail::RequestEncoder::intrinsic(impl_->messageId(), "EnumerateInstanceNames", ns)
                    .className("ClassName", className)
                    .finish();
    const auto response = impl_->call(std::move(body), "EnumerateInstanceNames", ns, true);
    std::vector<ObjectPath> paths;
    for (const auto& node : response.returned()) paths.push_back(detail::readInstanceName(node, ns));
    return paths;
}

ObjectPath CimXmlClient::createInstance(std::string_view nameSpace, const Instance& instance) {
    const std::string ns = impl_->nameSpaceOr(nameSpace);
    auto body = detail::RequestEncoder::intrinsic(impl_->messageId(), "CreateInstance", ns)
                    .instance("NewInstance", instance)
                    .finish();
    const auto response = impl_->call(std::move(body), "CreateInstance", ns, true);
    return detail::readInstanceName(response.single("INSTANCENAME"), ns);
}

void CimXmlClient::modifyInstance(const Instance& instance, const PropertyList& propertyList) {
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

void CimXmlClient::deleteInstance(const ObjectPath& path) {
    const ObjectPath target = impl_->withNamespace(path);
    auto body = detail::RequestEncoder::intrinsic(impl_->messageId(), "DeleteInstance", target.nameSpace())
                    .instanceName("InstanceName", target)
                    .finish();
    impl_->call(std::move(body), "DeleteInstance", target.nameSpace(), true);
}

MethodResult CimXmlClient::invokeMethod(const ObjectPath& target, std::string_view methodName,
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

std::vector<Instance> CimXmlClient::associators(const ObjectPath& source, const AssociatorFilter& filter,
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

std::vector<ObjectPath> CimXmlClient::associatorNames(const ObjectPath& source, const AssociatorFilter& filter) {
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

std::vector<Instance> CimXmlClient::references(const ObjectPath& source, const ReferenceFilter& filter,
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

std::vector<ObjectPath> CimXmlClient::referenceNames(const ObjectPath& source, const ReferenceFilter& filter) {
    const ObjectPath path = impl_->withNamespace(source);
    auto encoder = detail::RequestEncoder::intrinsic(impl_->messageId(), "ReferenceNames", path.nameSpace());
    encoder.objectName("ObjectName", path).className("ResultClass", filter.resultClass);
    if (!filter.role.empty()) encoder.text("Role", filter.role);
    const auto response = impl_->call(encoder.finish(), "ReferenceNames", path.nameSpace(), true);
    return readObjectPaths(response, path.nameSpace());
}

std::vector<Instance> CimXmlClient::execQuery(std::string_view nameSpace, std::string_view queryLanguage,
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
