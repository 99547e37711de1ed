#include "wmimock/wsman/client.hpp"

#include <charconv>
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>

#include <spdlog/spdlog.h>

#include "faults.hpp"
#include "representation.hpp"
#include "resource_uri.hpp"
#include "soap.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/cimxml/codec.hpp"
#include "wmimock/http/client_transport.hpp"

namespace wmimock::wsman {

using namespace detail;

namespace {

struct ParsedUrl {
    http::Endpoint endpoint;
    std::string address;  ///< the wsa:To of requests
};

ParsedUrl parseUrl(std::string_view url) {
    std::string_view rest = url;
    if (rest.rfind("wsman+", 0) == 0) rest.remove_prefix(6);
    ParsedUrl parsed;
    try {
        parsed.endpoint = http::parseEndpoint(rest, 5985, 5986);
    } catch (const std::invalid_argument& e) {
        throw CimError(CimStatus::InvalidParameter, "bad WS-Management URL '" + std::string(url) + "': " + e.what() +
                                                        " (expected http(s)://HOST[:PORT][/wsman])");
    }
    if (parsed.endpoint.path.size() <= 1) parsed.endpoint.path = "/wsman";
    parsed.address = parsed.endpoint.origin() + parsed.endpoint.path;
    return parsed;
}

std::string print(pugi::xml_node node) {
    std::ostringstream out;
    node.print(out, "", pugi::format_raw);
    return out.str();
}

bool isEndOfSequence(pugi::xml_node response) {
    return childOf(response, xmlns::kWsman, "EndOfSequence") || childOf(response, xmlns::kEnumeration, "EndOfSequence");
}

}  // namespace

struct WsmanClient::Impl {
    ClientOptions options;
    ParsedUrl url;
    UriStyle style = UriStyle::Dmtf;
    std::unique_ptr<http::ClientTransport> transport;
    std::recursive_mutex classMutex;
    std::map<std::string, std::optional<CimClass>> classes;  ///< "ns:class" lower-cased
    /// Superclass chains, "ns:class" lower-cased: WS-Management carries only the direct
    /// superclass, and walking the chain costs one Get per ancestor, once per client.
    std::map<std::string, std::vector<std::string>> derivations;

    std::string nameSpaceOr(std::string_view nameSpace) const {
        return nameSpace.empty() ? normalizeNamespace(options.nameSpace) : normalizeNamespace(nameSpace);
    }
    Naming naming() const {
        Naming n;
        n.style = style;
        n.address = url.address;
        return n;
    }

    /// A request envelope for `action` on `resourceUri` (selectors added by the caller).
    EnvelopeWriter request(std::string_view action, std::string_view resourceUri) const {
        EnvelopeWriter e;
        e.addHeader("wsa:To", url.address);
        e.addHeader("wsman:ResourceURI", resourceUri, true);
        appendText(e.header().append_child("wsa:ReplyTo"), "wsa:Address", kAnonymous)
            .append_attribute("s:mustUnderstand") = "true";
        e.addHeader("wsa:Action", action, true);
        e.addHeader("wsman:MaxEnvelopeSize", std::to_string(options.maxEnvelopeSize), true);
        e.addHeader("wsa:MessageID", newUuid());
        e.addHeader("wsman:OperationTimeout",
                    "PT" + std::to_string(std::max<long long>(1, options.transport.readTimeout.count() / 1000)) + "S");
        return e;
    }
    /// The resource URI of `className` in `nameSpace`, and for DMTF URIs the namespace selector.
    EnvelopeWriter classRequest(std::string_view action, std::string_view nameSpace, std::string_view className,
                                const ObjectPath* keys = nullptr) const {
        EnvelopeWriter e = request(action, resourceUri(style, nameSpace, className));
        ObjectPath path = keys != nullptr ? *keys : ObjectPath(std::string(nameSpace), std::string(className));
        path.setNameSpace(nameSpace);
        if (!path.keys().empty() || style == UriStyle::Dmtf) {
            writeSelectors(e.header().append_child("wsman:SelectorSet"), path, naming());
        }
        return e;
    }

    /// Sends the envelope; the response document, or CimError for a fault or a transport problem.
    pugi::xml_document exchange(const EnvelopeWriter& envelope);
    pugi::xml_node bodyOf(const pugi::xml_document& document) const {
        return childOf(firstElement(document), xmlns::kSoap, "Body");
    }

    const CimClass* findClass(std::string_view nameSpace, std::string_view className, WsmanClient& self);
    ClassLookup lookup(WsmanClient& self) {
        return [this, &self](std::string_view ns, std::string_view cls) { return findClass(ns, cls, self); };
    }

    /// Enumerate (optimized) and Pull to the end; items as (instance?, path?).
    struct Item {
        std::optional<Instance> object;
        std::optional<ObjectPath> path;
    };
    /// Ends an enumeration the client gives up on, so the server can forget its context.
    void releaseQuietly(const std::string& resourceUri, const std::string& context, bool ended);
    std::vector<Item> enumerate(const EnvelopeWriter& envelope, std::string_view nameSpace, WsmanClient& self);
    void readItems(pugi::xml_node items, std::string_view nameSpace, std::vector<Item>& out, WsmanClient& self);
    /// wsen:Enumerate with the mode given, appended to the envelope's body.
    static pugi::xml_node enumerateBody(EnvelopeWriter& envelope, const char* mode, std::uint32_t maxElements) {
        pugi::xml_node node = envelope.body().append_child("wsen:Enumerate");
        node.append_child("wsman:OptimizeEnumeration");
        appendText(node, "wsman:MaxElements", std::to_string(maxElements));
        if (mode != nullptr) appendText(node, "wsman:EnumerationMode", mode);
        return node;
    }
    void completeInstance(Instance& instance, const ObjectPath& path, const PropertyList& propertyList,
                          WsmanClient& self);
    /// The instances (completed) / the paths an enumeration request yields.
    std::vector<Instance> instancesOf(const EnvelopeWriter& request, const std::string& nameSpace,
                                      const PropertyList& propertyList, WsmanClient& self);
    std::vector<ObjectPath> pathsOf(const EnvelopeWriter& request, const std::string& nameSpace, WsmanClient& self);
    /// An Enumerate of every class with the association filter for `source`.
    template <class Filter>
    EnvelopeWriter associationRequest(const ObjectPath& source, const std::string& nameSpace, const char* mode,
                                      const Filter& filter) const;
    /// Throws InexpressibleRequest for a key the selectors would carry as another type.
    void requireExpressibleKeys(const ObjectPath& path, std::string_view nameSpace, WsmanClient& self);
};

namespace {

/// What a selector's text can stand for: values of one family read back alike.
int typeFamily(CimType type) {
    switch (type) {
        case CimType::Boolean:
            return 0;
        case CimType::String:
        case CimType::Char16:
            return 1;
        case CimType::DateTime:
            return 2;
        case CimType::Reference:
            return 3;
        case CimType::Object:
        case CimType::Instance:
            return 4;
        default:
            return 5;  // numbers
    }
}

}  // namespace

void WsmanClient::Impl::requireExpressibleKeys(const ObjectPath& path, std::string_view nameSpace, WsmanClient& self) {
    if (path.keys().empty()) return;
    const CimClass* cls = findClass(nameSpace, path.className(), self);
    if (cls == nullptr) return;
    for (const KeyBinding& key : path.keys()) {
        const PropertyDecl* declared = cls->findProperty(key.name);
        if (declared == nullptr || key.value.isNull() || typeFamily(declared->type) == typeFamily(key.value.type())) {
            continue;
        }
        throw InexpressibleRequest("WS-Management selectors are text: the " + std::string(toString(key.value.type())) +
                                   " key " + key.name + " would arrive as the " +
                                   std::string(toString(declared->type)) + " " + path.className() + " declares");
    }
}

pugi::xml_document WsmanClient::Impl::exchange(const EnvelopeWriter& envelope) {
    const auto started = std::chrono::steady_clock::now();
    // --log-level debug: one line per message, with what it answered and how fast.
    auto trace = [&](std::string_view outcome) {
        if (!spdlog::should_log(spdlog::level::debug)) return;
        const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - started;
        std::string action = trimmedText(envelope.header().child("wsa:Action"));
        action = action.substr(action.rfind('/') + 1);
        spdlog::debug("wsman client {} {} {} -> {} ({:.3f} ms)", url.endpoint.hostPort(), action,
                      trimmedText(envelope.header().child("wsman:ResourceURI")), outcome, elapsed.count());
    };
    try {
        const http::Reply result = transport->post(url.endpoint.path, kContentType, envelope.str());
        const std::string& where = url.address;
        pugi::xml_document document;
        const bool parsed = static_cast<bool>(document.load_buffer(result.body.data(), result.body.size()));
        const pugi::xml_node body = parsed ? childOf(firstElement(document), xmlns::kSoap, "Body") : pugi::xml_node();
        if (const pugi::xml_node fault = childOf(body, xmlns::kSoap, "Fault")) throw errorFromFault(fault);
        if (result.status != 200 || !body) {
            throw CimError(CimStatus::Failed, "HTTP " + std::to_string(result.status) + " from " + where +
                                                  (body ? "" : " without a SOAP envelope") + ": " +
                                                  result.body.substr(0, 300));
        }
        trace("ok");
        return document;
    } catch (const CimError& e) {
        trace(e.what());
        throw;
    }
}

const CimClass* WsmanClient::Impl::findClass(std::string_view nameSpace, std::string_view className,
                                             WsmanClient& self) {
    const std::string key = toLower(nameSpace) + ":" + toLower(className);
    std::lock_guard lock(classMutex);
    auto found = classes.find(key);
    if (found == classes.end()) {
        std::optional<CimClass> cls;
        try {
            GetClassOptions all;
            all.localOnly = false;
            cls = self.getClass(nameSpace, className, all);
        } catch (const CimError&) {
            // Unknown to the server: what it sends is read untyped.
        }
        found = classes.emplace(key, std::move(cls)).first;
    }
    return found->second ? &*found->second : nullptr;
}

void WsmanClient::Impl::readItems(pugi::xml_node items, std::string_view nameSpace, std::vector<Item>& out,
                                  WsmanClient& self) {
    for (pugi::xml_node child = items.first_child(); child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element) continue;
        Item item;
        if (is(child, xmlns::kAddressing, "EndpointReference")) {
            item.path = readEndpointReference(child, nameSpace, lookup(self));
        } else if (is(child, xmlns::kWsman, "Item")) {
            for (pugi::xml_node part = child.first_child(); part; part = part.next_sibling()) {
                if (part.type() != pugi::node_element) continue;
                if (is(part, xmlns::kAddressing, "EndpointReference")) {
                    item.path = readEndpointReference(part, nameSpace, lookup(self));
                } else if (!item.object) {
                    item.object = readInstance(part, nameSpace, lookup(self));
                }
            }
        } else {
            item.object = readInstance(child, nameSpace, lookup(self));
        }
        out.push_back(std::move(item));
    }
}

void WsmanClient::Impl::releaseQuietly(const std::string& resourceUri, const std::string& context, bool ended) {
    if (ended || context.empty()) return;
    try {
        EnvelopeWriter release = request(action::kRelease, resourceUri);
        appendText(release.body().append_child("wsen:Release"), "wsen:EnumerationContext", context);
        exchange(release);
    } catch (const CimError&) {
        // The context expires on the server anyway; the error being reported matters more.
    }
}

std::vector<WsmanClient::Impl::Item> WsmanClient::Impl::enumerate(const EnvelopeWriter& envelope,
                                                                  std::string_view nameSpace, WsmanClient& self) {
    std::vector<Item> items;
    const pugi::xml_document first = exchange(envelope);
    const pugi::xml_node response = childOf(bodyOf(first), xmlns::kEnumeration, "EnumerateResponse");
    if (!response) throw CimError(CimStatus::Failed, "the Enumerate answer has no wsen:EnumerateResponse");
    readItems(childOf(response, xmlns::kWsman, "Items"), nameSpace, items, self);
    std::string context = trimmedText(childOf(response, xmlns::kEnumeration, "EnumerationContext"));
    bool ended = isEndOfSequence(response);
    int emptyPulls = 0;
    while (!ended) {
        if (context.empty()) throw CimError(CimStatus::Failed, "the server gave no enumeration context to pull from");
        EnvelopeWriter pull = request(action::kPull, trimmedText(envelope.header().child("wsman:ResourceURI")));
        pugi::xml_node node = pull.body().append_child("wsen:Pull");
        appendText(node, "wsen:EnumerationContext", context);
        appendText(node, "wsen:MaxElements", std::to_string(options.maxElements));
        const pugi::xml_document next = exchange(pull);
        const pugi::xml_node pulled = childOf(bodyOf(next), xmlns::kEnumeration, "PullResponse");
        if (!pulled) throw CimError(CimStatus::Failed, "the Pull answer has no wsen:PullResponse");
        const std::size_t before = items.size();
        readItems(childOf(pulled, xmlns::kEnumeration, "Items"), nameSpace, items, self);
        ended = isEndOfSequence(pulled);
        if (const pugi::xml_node c = childOf(pulled, xmlns::kEnumeration, "EnumerationContext"))
            context = trimmedText(c);
        emptyPulls = items.size() == before ? emptyPulls + 1 : 0;
        if (emptyPulls > 1000) throw CimError(CimStatus::Failed, "the server keeps answering Pull with no items");
        if (items.size() > options.maxEnumerationItems) {
            releaseQuietly(trimmedText(envelope.header().child("wsman:ResourceURI")), context, ended);
            throw CimError(CimStatus::Failed, "the server sent more than " +
                                                  std::to_string(options.maxEnumerationItems) +
                                                  " items for one enumeration (maxEnumerationItems); stopped there");
        }
    }
    return items;
}

void WsmanClient::Impl::completeInstance(Instance& instance, const ObjectPath& path, const PropertyList& propertyList,
                                         WsmanClient& self) {
    instance.setPath(path);
    if (propertyList) {
        std::vector<std::string> drop;
        for (const PropertyValue& p : instance.properties()) {
            if (std::none_of(propertyList->begin(), propertyList->end(),
                             [&](const std::string& n) { return iequals(n, p.name); })) {
                drop.push_back(p.name);
            }
        }
        for (const std::string& name : drop) instance.erase(name);
        return;
    }
    // WS-Management servers may leave NULL properties out; CimClient callers expect every
    // declared property.
    if (const CimClass* cls = findClass(path.nameSpace(), instance.className(), self)) {
        for (const PropertyDecl& p : cls->properties) {
            if (!instance.has(p.name)) instance.set(p.name, Value::null(p.valueType(), p.isArray));
        }
    }
}

WsmanClient::WsmanClient(ClientOptions options) : impl_(std::make_unique<Impl>()) {
    impl_->url = parseUrl(options.url);
    impl_->style = options.resourceUris == ResourceUris::Wmi ? UriStyle::Wmi : UriStyle::Dmtf;
    if (options.maxElements == 0) throw CimError(CimStatus::InvalidParameter, "maxElements must be at least 1");
    impl_->transport = std::make_unique<http::ClientTransport>(impl_->url.endpoint, options.transport);
    impl_->options = std::move(options);
}

WsmanClient::~WsmanClient() = default;

const ClientOptions& WsmanClient::options() const noexcept {
    return impl_->options;
}

std::string WsmanClient::endpoint() const {
    return impl_->url.endpoint.hostPort();
}

Identity WsmanClient::identify() {
    EnvelopeWriter e;
    e.body().append_child("wsmid:Identify").append_attribute("xmlns:wsmid") = xmlns::kIdentity;
    const pugi::xml_document answer = impl_->exchange(e);
    const pugi::xml_node response = childOf(impl_->bodyOf(answer), xmlns::kIdentity, "IdentifyResponse");
    if (!response) throw CimError(CimStatus::Failed, "the Identify answer has no wsmid:IdentifyResponse");
    return {trimmedText(childOf(response, xmlns::kIdentity, "ProtocolVersion")),
            trimmedText(childOf(response, xmlns::kIdentity, "ProductVendor")),
            trimmedText(childOf(response, xmlns::kIdentity, "ProductVersion"))};
}

CimClass WsmanClient::doGetClass(std::string_view nameSpace, std::string_view className,
                                 const GetClassOptions& options) {
    const std::string ns = impl_->nameSpaceOr(nameSpace);
    EnvelopeWriter e = impl_->request(action::kGet, classDefinitionUri(className));
    pugi::xml_node selector = appendText(e.header().append_child("wsman:SelectorSet"), "wsman:Selector", ns);
    selector.append_attribute("Name") = std::string(kNamespaceSelector).c_str();
    const pugi::xml_document answer = impl_->exchange(e);
    const pugi::xml_node element = firstElement(impl_->bodyOf(answer));
    if (!element || std::string_view(element.name()) != "CLASS") {
        throw CimError(CimStatus::Failed, "the class definition of " + std::string(className) +
                                              " did not come as a CIM-XML CLASS element");
    }
    CimClass cls = cimxml::decodeClass(print(element));
    // Superclass chain, as in-process resolution gives it.
    if (!cls.superClass.empty() && iequals(cls.name, className)) {
        const std::string key = toLower(ns) + ":" + toLower(cls.name);
        std::unique_lock lock(impl_->classMutex);
        if (const auto known = impl_->derivations.find(key); known != impl_->derivations.end()) {
            cls.derivation = known->second;
        } else {
            lock.unlock();
            GetClassOptions light;
            light.includeQualifiers = false;
            const CimClass super = getClass(ns, cls.superClass, light);
            cls.derivation = {super.name};
            cls.derivation.insert(cls.derivation.end(), super.derivation.begin(), super.derivation.end());
            lock.lock();
            impl_->derivations.emplace(key, cls.derivation);
        }
    }
    if (options.localOnly) {
        std::erase_if(cls.properties, [](const PropertyDecl& p) { return p.propagated; });
        std::erase_if(cls.methods, [](const MethodDecl& m) { return m.propagated; });
    }
    if (!options.includeQualifiers) {
        cls.qualifiers = {};
        for (PropertyDecl& p : cls.properties) p.qualifiers = {};
        for (MethodDecl& m : cls.methods) m.qualifiers = {};
    }
    if (options.propertyList) {
        std::erase_if(cls.properties, [&](const PropertyDecl& p) {
            return std::none_of(options.propertyList->begin(), options.propertyList->end(),
                                [&](const std::string& n) { return iequals(n, p.name); });
        });
    }
    return cls;
}

std::vector<CimClass> WsmanClient::doEnumerateClasses(std::string_view, std::string_view, bool,
                                                      const GetClassOptions&) {
    throw CimError(CimStatus::NotSupported, "WS-Management has no operation that enumerates classes");
}

std::vector<std::string> WsmanClient::doEnumerateClassNames(std::string_view, std::string_view, bool) {
    throw CimError(CimStatus::NotSupported, "WS-Management has no operation that enumerates class names");
}

Instance WsmanClient::doGetInstance(const ObjectPath& path, const InstanceOptions& options) {
    const std::string ns = impl_->nameSpaceOr(path.nameSpace());
    impl_->requireExpressibleKeys(path, ns, *this);
    const pugi::xml_document answer = impl_->exchange(impl_->classRequest(action::kGet, ns, path.className(), &path));
    const pugi::xml_node element = firstElement(impl_->bodyOf(answer));
    if (!element) throw CimError(CimStatus::Failed, "the Get answer has an empty body");
    Instance instance = readInstance(element, ns, impl_->lookup(*this));
    ObjectPath located = path;
    located.setHost({});
    located.setNameSpace(ns);
    impl_->completeInstance(instance, located, options.propertyList, *this);
    return instance;
}

std::vector<Instance> WsmanClient::Impl::instancesOf(const EnvelopeWriter& request, const std::string& nameSpace,
                                                     const PropertyList& propertyList, WsmanClient& self) {
    std::vector<Instance> instances;
    for (Item& item : enumerate(request, nameSpace, self)) {
        if (!item.object) continue;
        completeInstance(*item.object, item.path.value_or(ObjectPath(nameSpace, item.object->className())),
                         propertyList, self);
        instances.push_back(std::move(*item.object));
    }
    return instances;
}

std::vector<ObjectPath> WsmanClient::Impl::pathsOf(const EnvelopeWriter& request, const std::string& nameSpace,
                                                   WsmanClient& self) {
    std::vector<ObjectPath> paths;
    for (Item& item : enumerate(request, nameSpace, self)) {
        if (item.path) paths.push_back(std::move(*item.path));
    }
    return paths;
}

std::vector<Instance> WsmanClient::doEnumerateInstances(std::string_view nameSpace, std::string_view className,
                                                        const InstanceOptions& options) {
    const std::string ns = impl_->nameSpaceOr(nameSpace);
    EnvelopeWriter e = impl_->classRequest(action::kEnumerate, ns, className);
    Impl::enumerateBody(e, "EnumerateObjectAndEPR", impl_->options.maxElements);
    return impl_->instancesOf(e, ns, options.propertyList, *this);
}

std::vector<ObjectPath> WsmanClient::doEnumerateInstanceNames(std::string_view nameSpace, std::string_view className) {
    const std::string ns = impl_->nameSpaceOr(nameSpace);
    EnvelopeWriter e = impl_->classRequest(action::kEnumerate, ns, className);
    Impl::enumerateBody(e, "EnumerateEPR", impl_->options.maxElements);
    return impl_->pathsOf(e, ns, *this);
}

ObjectPath WsmanClient::doCreateInstance(std::string_view nameSpace, const Instance& instance) {
    const std::string ns = impl_->nameSpaceOr(nameSpace);
    EnvelopeWriter e = impl_->classRequest(action::kCreate, ns, instance.className());
    Instance bare = instance;
    bare.setPath(ObjectPath());
    writeInstance(e.body(), bare, ns, impl_->naming());
    const pugi::xml_document answer = impl_->exchange(e);
    const pugi::xml_node created = childOf(impl_->bodyOf(answer), xmlns::kTransfer, "ResourceCreated");
    if (!created) throw CimError(CimStatus::Failed, "the Create answer has no wxf:ResourceCreated");
    return readEndpointReference(created, ns, impl_->lookup(*this));
}

void WsmanClient::doModifyInstance(const Instance& instance, const PropertyList& propertyList) {
    const ObjectPath& path = instance.path();
    const std::string ns = impl_->nameSpaceOr(path.nameSpace());
    impl_->requireExpressibleKeys(path, ns, *this);
    EnvelopeWriter e = impl_->classRequest(action::kPut, ns, path.className(), &path);
    Instance sent(instance.className());
    for (const PropertyValue& p : instance.properties()) {
        if (!propertyList || std::any_of(propertyList->begin(), propertyList->end(),
                                         [&](const std::string& n) { return iequals(n, p.name); })) {
            sent.set(p.name, p.value);
        }
    }
    writeInstance(e.body(), sent, ns, impl_->naming());
    impl_->exchange(e);
}

void WsmanClient::doDeleteInstance(const ObjectPath& path) {
    const std::string ns = impl_->nameSpaceOr(path.nameSpace());
    impl_->requireExpressibleKeys(path, ns, *this);
    impl_->exchange(impl_->classRequest(action::kDelete, ns, path.className(), &path));
}

MethodResult WsmanClient::doInvokeMethod(const ObjectPath& target, std::string_view methodName,
                                         const std::vector<ParamValue>& inParameters) {
    const std::string ns = impl_->nameSpaceOr(target.nameSpace());
    impl_->requireExpressibleKeys(target, ns, *this);
    const CimClass* cls = impl_->findClass(ns, target.className(), *this);
    const MethodDecl* declared = cls != nullptr ? cls->findMethod(methodName) : nullptr;
    for (const ParamValue& p : inParameters) {
        const ParameterDecl* parameter = declared != nullptr ? declared->findParameter(p.name) : nullptr;
        if (!p.value.isArray() || p.value.isNull()) {
            if (parameter != nullptr && parameter->isArray && !p.value.isNull()) {
                throw InexpressibleRequest("WS-Management writes a scalar " + p.name +
                                           " like a one-element array, which the class declares it to be");
            }
            continue;
        }
        const std::size_t size = p.value.asArray().size();
        if (size == 0) {
            throw InexpressibleRequest("WS-Management cannot carry the empty array " + p.name +
                                       " (it would arrive as no parameter at all)");
        }
        if (size == 1 && parameter != nullptr && !parameter->isArray) {
            throw InexpressibleRequest("WS-Management writes a one-element array " + p.name +
                                       " like the scalar the class declares");
        }
    }
    const std::string uri = resourceUri(impl_->style, ns, target.className());
    EnvelopeWriter e = impl_->classRequest(uri + "/" + std::string(methodName), ns, target.className(), &target);
    pugi::xml_node input = e.body().append_child(("p:" + std::string(methodName) + "_INPUT").c_str());
    input.append_attribute("xmlns:p") = uri.c_str();
    for (const ParamValue& p : inParameters) writeValue(input, ("p:" + p.name).c_str(), p.value, ns, impl_->naming());
    const pugi::xml_document answer = impl_->exchange(e);
    const pugi::xml_node output = firstElement(impl_->bodyOf(answer));
    if (!output) throw CimError(CimStatus::Failed, "the " + std::string(methodName) + " answer has an empty body");

    MethodResult result;
    std::vector<std::string> seen;
    for (pugi::xml_node child = output.first_child(); child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element) continue;
        const std::string name(localName(child.name()));
        if (std::any_of(seen.begin(), seen.end(), [&](const std::string& n) { return iequals(n, name); })) continue;
        seen.push_back(name);
        const std::vector<pugi::xml_node> elements = elementsNamed(output, name);
        if (iequals(name, "ReturnValue")) {
            result.returnValue = declared != nullptr && !declared->returnsVoid
                                     ? readValue(elements, declared->returnType, false, ns, impl_->lookup(*this))
                                     : readUntypedValue(elements, ns, impl_->lookup(*this));
            continue;
        }
        const ParameterDecl* parameter = declared != nullptr ? declared->findParameter(name) : nullptr;
        result.outParameters.push_back(
            parameter != nullptr ? ParamValue{parameter->name, readValue(elements, parameter->valueType(),
                                                                         parameter->isArray, ns, impl_->lookup(*this))}
                                 : ParamValue{name, readUntypedValue(elements, ns, impl_->lookup(*this))});
    }
    return result;
}

namespace {

void optionalText(pugi::xml_node parent, const char* name, const std::string& text) {
    if (!text.empty()) appendText(parent, name, text);
}

/// <wsman:Filter Dialect=association><wsmb:KIND><wsmb:Object>EPR</wsmb:Object>...: the
/// DSP0227 association filter; KIND is AssociatedInstances for associators.
pugi::xml_node associationFilter(pugi::xml_node enumerateNode, const char* kind, const ObjectPath& source,
                                 std::string_view nameSpace, const Naming& naming) {
    pugi::xml_node filter = enumerateNode.append_child("wsman:Filter");
    filter.append_attribute("Dialect") = std::string(dialect::kAssociation).c_str();
    pugi::xml_node query = filter.append_child(kind);
    writeEndpointReference(query.append_child("wsmb:Object"), source, nameSpace, naming);
    return query;
}

void writeFilter(pugi::xml_node enumerateNode, const ObjectPath& source, std::string_view nameSpace,
                 const Naming& naming, const AssociatorFilter& filter) {
    const pugi::xml_node query =
        associationFilter(enumerateNode, "wsmb:AssociatedInstances", source, nameSpace, naming);
    optionalText(query, "wsmb:AssociationClassName", filter.assocClass);
    optionalText(query, "wsmb:Role", filter.role);
    optionalText(query, "wsmb:ResultClassName", filter.resultClass);
    optionalText(query, "wsmb:ResultRole", filter.resultRole);
}

void writeFilter(pugi::xml_node enumerateNode, const ObjectPath& source, std::string_view nameSpace,
                 const Naming& naming, const ReferenceFilter& filter) {
    const pugi::xml_node query =
        associationFilter(enumerateNode, "wsmb:AssociationInstances", source, nameSpace, naming);
    optionalText(query, "wsmb:ResultClassName", filter.resultClass);
    optionalText(query, "wsmb:Role", filter.role);
}

}  // namespace

template <class Filter>
EnvelopeWriter WsmanClient::Impl::associationRequest(const ObjectPath& source, const std::string& nameSpace,
                                                     const char* mode, const Filter& filter) const {
    EnvelopeWriter e = classRequest(action::kEnumerate, nameSpace, "");
    writeFilter(enumerateBody(e, mode, options.maxElements), source, nameSpace, naming(), filter);
    return e;
}

std::vector<Instance> WsmanClient::doAssociators(const ObjectPath& source, const AssociatorFilter& filter,
                                                 const InstanceOptions& options) {
    const std::string ns = impl_->nameSpaceOr(source.nameSpace());
    return impl_->instancesOf(impl_->associationRequest(source, ns, "EnumerateObjectAndEPR", filter), ns,
                              options.propertyList, *this);
}

std::vector<ObjectPath> WsmanClient::doAssociatorNames(const ObjectPath& source, const AssociatorFilter& filter) {
    const std::string ns = impl_->nameSpaceOr(source.nameSpace());
    return impl_->pathsOf(impl_->associationRequest(source, ns, "EnumerateEPR", filter), ns, *this);
}

std::vector<Instance> WsmanClient::doReferences(const ObjectPath& source, const ReferenceFilter& filter,
                                                const InstanceOptions& options) {
    const std::string ns = impl_->nameSpaceOr(source.nameSpace());
    return impl_->instancesOf(impl_->associationRequest(source, ns, "EnumerateObjectAndEPR", filter), ns,
                              options.propertyList, *this);
}

std::vector<ObjectPath> WsmanClient::doReferenceNames(const ObjectPath& source, const ReferenceFilter& filter) {
    const std::string ns = impl_->nameSpaceOr(source.nameSpace());
    return impl_->pathsOf(impl_->associationRequest(source, ns, "EnumerateEPR", filter), ns, *this);
}

std::vector<Instance> WsmanClient::doExecQuery(std::string_view nameSpace, std::string_view queryLanguage,
                                               std::string_view query) {
    std::string_view filterDialect;
    if (iequals(queryLanguage, "WQL")) {
        filterDialect = dialect::kWql;
    } else if (iequals(queryLanguage, "DMTF:CQL") || iequals(queryLanguage, "CQL")) {
        filterDialect = dialect::kCql;
    } else {
        throw CimError(CimStatus::QueryLanguageNotSupported,
                       "query language '" + std::string(queryLanguage) + "' has no WS-Management filter dialect");
    }
    const std::string ns = impl_->nameSpaceOr(nameSpace);
    EnvelopeWriter e = impl_->classRequest(action::kEnumerate, ns, "");
    pugi::xml_node node = Impl::enumerateBody(e, "EnumerateObjectAndEPR", impl_->options.maxElements);
    pugi::xml_node filter = appendText(node, "wsman:Filter", query);
    filter.append_attribute("Dialect") = std::string(filterDialect).c_str();
    std::vector<Instance> instances;
    for (Impl::Item& item : impl_->enumerate(e, ns, *this)) {
        if (!item.object) continue;
        if (item.path) item.object->setPath(*item.path);
        instances.push_back(std::move(*item.object));
    }
    return instances;
}

}  // namespace wmimock::wsman
