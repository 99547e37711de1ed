#include "wmimock/wsman/service.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <sstream>

#include "enumeration_store.hpp"
#include "faults.hpp"
#include "representation.hpp"
#include "resource_uri.hpp"
#include "soap.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/names.hpp"
#include "wmimock/cimxml/codec.hpp"
#include "xsd_datetime.hpp"

namespace wmimock::wsman {

using namespace detail;

namespace {

constexpr std::uint32_t code(CimStatus status) {
    return static_cast<std::uint32_t>(status);
}

[[noreturn]] void schemaError(const std::string& message) {
    throw WsmanFault("wsman:SchemaValidationError", code(CimStatus::InvalidParameter), message);
}

/// One parsed request envelope.
struct Request {
    pugi::xml_document document;
    pugi::xml_node header;
    pugi::xml_node body;
    std::string action;
    std::string messageId;
    std::string resourceUri;
    pugi::xml_node selectorSet;
    std::optional<std::size_t> maxEnvelopeSize;
};

/// SOAP 1.2: a header block marked mustUnderstand that the service does not know fails the
/// request (env:MustUnderstand). Known: the WS-Addressing and WS-Management headers, and
/// WinRM's own (session, operation and sequence ids, data locale, compression), which the
/// service reads or may safely ignore.
void requireUnderstood(pugi::xml_node header) {
    static constexpr std::pair<const char*, const char*> kKnown[] = {
        {xmlns::kAddressing, "To"},          {xmlns::kAddressing, "ReplyTo"}, {xmlns::kAddressing, "FaultTo"},
        {xmlns::kAddressing, "From"},        {xmlns::kAddressing, "Action"},  {xmlns::kAddressing, "MessageID"},
        {xmlns::kWsman, "ResourceURI"},      {xmlns::kWsman, "SelectorSet"},  {xmlns::kWsman, "MaxEnvelopeSize"},
        {xmlns::kWsman, "OperationTimeout"}, {xmlns::kWsman, "Locale"},       {xmlns::kWsman, "OptionSet"},
        {xmlns::kWsman, "RequestEPR"},       {xmlns::kMsWsman, "DataLocale"}, {xmlns::kMsWsman, "SessionId"},
        {xmlns::kMsWsman, "OperationID"},    {xmlns::kMsWsman, "SequenceId"}, {xmlns::kMsWsman, "CompressionType"},
    };
    for (pugi::xml_node block = header.first_child(); block; block = block.next_sibling()) {
        if (block.type() != pugi::node_element) continue;
        const std::string_view must = attributeOf(block, xmlns::kSoap, "mustUnderstand").value();
        if (must != "true" && must != "1") continue;
        const bool known = std::any_of(std::begin(kKnown), std::end(kKnown),
                                       [&](const auto& k) { return is(block, k.first, k.second); });
        if (!known) {
            throw WsmanFault("s:MustUnderstand", code(CimStatus::NotSupported),
                             "header '" + std::string(block.name()) + "' (" + std::string(namespaceOf(block)) +
                                 ") must be understood and is not");
        }
    }
}

void parse(std::string_view text, const ServiceOptions& options, Request& request) {
    try {
        cimxml::checkXmlLimits(text, {options.maxEnvelopeBytes, options.maxXmlDepth});
    } catch (const CimError& e) {
        throw WsmanFault("wsman:EncodingLimit", code(CimStatus::ServerLimitsExceeded), e.message());
    }
    const pugi::xml_parse_result parsed = request.document.load_buffer(text.data(), text.size());
    if (!parsed) {
        schemaError("the request is not well-formed XML: " + std::string(parsed.description()) + " at byte " +
                    std::to_string(parsed.offset));
    }
    const pugi::xml_node envelope = firstElement(request.document);
    if (localName(envelope.name()) != "Envelope") schemaError("the request is not a SOAP envelope");
    if (namespaceOf(envelope) != xmlns::kSoap) {
        schemaError("the envelope must be SOAP 1.2 (" + std::string(xmlns::kSoap) + "), not '" +
                    std::string(namespaceOf(envelope)) + "'");
    }
    request.header = childOf(envelope, xmlns::kSoap, "Header");
    request.body = childOf(envelope, xmlns::kSoap, "Body");
    if (!request.body) schemaError("the envelope has no s:Body");
    request.action = trimmedText(childOf(request.header, xmlns::kAddressing, "Action"));
    request.messageId = trimmedText(childOf(request.header, xmlns::kAddressing, "MessageID"));
    request.resourceUri = trimmedText(childOf(request.header, xmlns::kWsman, "ResourceURI"));
    request.selectorSet = childOf(request.header, xmlns::kWsman, "SelectorSet");
    if (const pugi::xml_node size = childOf(request.header, xmlns::kWsman, "MaxEnvelopeSize")) {
        const std::string t = trimmedText(size);
        std::size_t value = 0;
        const auto [end, error] = std::from_chars(t.data(), t.data() + t.size(), value);
        if (error != std::errc{} || end != t.data() + t.size() || value < 8192) {
            throw WsmanFault("wsman:EncodingLimit", code(CimStatus::InvalidParameter),
                             "wsman:MaxEnvelopeSize '" + t + "' is not a size of at least 8192 octets");
        }
        request.maxEnvelopeSize = value;
    }
    if (childOf(request.header, xmlns::kWsman, "FragmentTransfer")) {
        throw WsmanFault("wsman:UnsupportedFeature", code(CimStatus::NotSupported),
                         "fragment-level access (wsman:FragmentTransfer) is not supported");
    }
    requireUnderstood(request.header);
}

std::size_t parseCount(pugi::xml_node node, std::string_view what, std::size_t absent) {
    if (!node) return absent;
    const std::string t = trimmedText(node);
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (error != std::errc{} || end != t.data() + t.size() || value == 0) {
        throw WsmanFault("wsman:InvalidParameter", code(CimStatus::InvalidParameter),
                         std::string(what) + " '" + t + "' is not a positive whole number");
    }
    return value;
}

}  // namespace

struct WsmanService::Impl {
    Impl(std::shared_ptr<CimClient> backendIn, ServiceOptions optionsIn)
        : backend(std::move(backendIn)),
          options(std::move(optionsIn)),
          enumerations(options.maxOpenEnumerations, options.enumerationTimeout, options.maxEnumerationTimeout) {}

    std::shared_ptr<CimClient> backend;
    ServiceOptions options;
    mutable EnumerationStore enumerations;

    /// What a request addresses: the resource URI resolved, with its namespace.
    struct Target {
        ResourceAddress address;
        std::string nameSpace;
        Naming naming;
    };

    /// Class declarations for one request, asked of the backend once each and only when
    /// something must be typed. Keys need only the property types: those classes come
    /// without qualifiers, which are most of a class's size.
    class Classes {
    public:
        explicit Classes(CimClient& backend) : backend_(backend) {}
        const CimClass* find(std::string_view nameSpace, std::string_view className, bool withQualifiers = true) {
            const std::string key = toLower(nameSpace) + ":" + toLower(className);
            if (const auto full = full_.find(key); full != full_.end()) return full->second ? &*full->second : nullptr;
            auto& cache = withQualifiers ? full_ : light_;
            auto found = cache.find(key);
            if (found == cache.end()) {
                std::optional<CimClass> cls;
                try {
                    GetClassOptions options;
                    options.localOnly = false;
                    options.includeQualifiers = withQualifiers;
                    cls = backend_.getClass(nameSpace, className, options);
                } catch (const CimError&) {
                }
                found = cache.emplace(key, std::move(cls)).first;
            }
            return found->second ? &*found->second : nullptr;
        }
        ClassLookup lookup() {
            return [this](std::string_view ns, std::string_view cls) { return find(ns, cls); };
        }
        /// For selectors: property types only.
        ClassLookup keyLookup() {
            return [this](std::string_view ns, std::string_view cls) { return find(ns, cls, false); };
        }

    private:
        CimClient& backend_;
        std::map<std::string, std::optional<CimClass>> full_;
        std::map<std::string, std::optional<CimClass>> light_;
    };

    Target resolve(const Request& request) const;
    std::string respond(const Request& request, std::string& summary) const;

    void identify(EnvelopeWriter& out) const;
    void get(const Request& request, const Target& target, Classes& classes, EnvelopeWriter& out) const;
    void put(const Request& request, const Target& target, Classes& classes, EnvelopeWriter& out) const;
    void create(const Request& request, const Target& target, Classes& classes, EnvelopeWriter& out) const;
    void remove(const Request& request, const Target& target, Classes& classes) const;
    void enumerate(const Request& request, const Target& target, Classes& classes, EnvelopeWriter& out) const;
    void pull(const Request& request, EnvelopeWriter& out) const;
    void release(const Request& request) const;
    void invoke(const Request& request, const Target& target, std::string_view method, Classes& classes,
                EnvelopeWriter& out) const;

    std::vector<EnumerationItem> enumerationItems(pugi::xml_node enumerateNode, const Target& target,
                                                  const EnumerationShape& shape, Classes& classes) const;
    ObjectPath pathOf(const Instance& instance, const std::string& nameSpace, Classes& classes) const;
    void writeItems(pugi::xml_node items, std::vector<EnumerationItem>& batch, const EnumerationShape& shape,
                    const Naming& naming) const;
};

WsmanService::Impl::Target WsmanService::Impl::resolve(const Request& request) const {
    if (request.resourceUri.empty()) {
        throw WsmanFault("wsa:DestinationUnreachable", code(CimStatus::InvalidParameter),
                         "the request has no wsman:ResourceURI", std::string(kInvalidResourceUri));
    }
    const auto address = parseResourceUri(request.resourceUri);
    if (!address) {
        throw WsmanFault("wsa:DestinationUnreachable", code(CimStatus::InvalidParameter),
                         "resource URI '" + request.resourceUri +
                             "' is neither a DMTF CIM class URI (http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/"
                             "CLASS) nor a WMI one (http://schemas.microsoft.com/wbem/wsman/1/wmi/NAMESPACE/CLASS)",
                         std::string(kInvalidResourceUri));
    }
    Target target;
    target.address = *address;
    target.nameSpace = address->style == UriStyle::Wmi ? address->nameSpace : namespaceSelector(request.selectorSet);
    if (target.nameSpace.empty()) target.nameSpace = options.defaultNamespace;
    target.naming.style = address->style;
    const std::string to = trimmedText(childOf(request.header, xmlns::kAddressing, "To"));
    if (!to.empty()) target.naming.address = to;
    return target;
}

void WsmanService::Impl::identify(EnvelopeWriter& out) const {
    pugi::xml_node response = out.body().append_child("wsmid:IdentifyResponse");
    response.append_attribute("xmlns:wsmid") = xmlns::kIdentity;
    appendText(response, "wsmid:ProtocolVersion", xmlns::kWsman);
    appendText(response, "wsmid:ProductVendor", "wmimock");
    appendText(response, "wsmid:ProductVersion", options.productVersion);
}

void WsmanService::Impl::get(const Request& request, const Target& target, Classes& classes,
                             EnvelopeWriter& out) const {
    if (target.address.className.empty()) {
        throw WsmanFault("wsa:DestinationUnreachable", code(CimStatus::InvalidParameter),
                         "Get needs the resource URI of one class, not '*'", std::string(kInvalidResourceUri));
    }
    if (target.address.classDefinition) {
        GetClassOptions all;
        all.localOnly = false;
        const std::string xml = cimxml::encodeClass(backend->getClass(target.nameSpace, target.address.className, all));
        out.body().append_buffer(xml.data(), xml.size());
        return;
    }
    const ObjectPath path =
        readSelectors(request.selectorSet, target.nameSpace, target.address.className, classes.keyLookup());
    const Instance instance = backend->getInstance(path);
    writeInstance(out.body(), instance, target.nameSpace, target.naming);
}

void WsmanService::Impl::put(const Request& request, const Target& target, Classes& classes,
                             EnvelopeWriter& out) const {
    const pugi::xml_node element = firstElement(request.body);
    if (!element) schemaError("Put needs the new representation of the instance in the body");
    ObjectPath path =
        readSelectors(request.selectorSet, target.nameSpace, target.address.className, classes.keyLookup());
    Instance instance = readInstance(element, target.nameSpace, classes.lookup());
    std::vector<std::string> given;
    for (const PropertyValue& p : instance.properties()) given.push_back(p.name);
    instance.setPath(path);
    backend->modifyInstance(instance, given);
    writeInstance(out.body(), backend->getInstance(path), target.nameSpace, target.naming);
}

void WsmanService::Impl::create(const Request& request, const Target& target, Classes& classes,
                                EnvelopeWriter& out) const {
    const pugi::xml_node element = firstElement(request.body);
    if (!element) schemaError("Create needs the representation of the new instance in the body");
    const Instance instance = readInstance(element, target.nameSpace, classes.lookup());
    const ObjectPath created = backend->createInstance(target.nameSpace, instance);
    writeEndpointReference(out.body().append_child("wxf:ResourceCreated"), created, target.nameSpace, target.naming);
}

void WsmanService::Impl::remove(const Request& request, const Target& target, Classes& classes) const {
    backend->deleteInstance(
        readSelectors(request.selectorSet, target.nameSpace, target.address.className, classes.keyLookup()));
}

ObjectPath WsmanService::Impl::pathOf(const Instance& instance, const std::string& nameSpace, Classes& classes) const {
    if (!instance.path().keys().empty() || instance.path().isSingleton()) {
        ObjectPath path = instance.path();
        if (path.nameSpace().empty()) path.setNameSpace(nameSpace);
        return path;
    }
    const CimClass* cls = classes.find(nameSpace, instance.className());
    if (cls == nullptr) {
        throw CimError(CimStatus::Failed, "cannot tell the path of a " + instance.className() + " instance");
    }
    return cls->pathOf(instance, nameSpace);
}

std::vector<EnumerationItem> WsmanService::Impl::enumerationItems(pugi::xml_node enumerateNode, const Target& target,
                                                                  const EnumerationShape& shape,
                                                                  Classes& classes) const {
    pugi::xml_node filter = childOf(enumerateNode, xmlns::kWsman, "Filter");
    if (!filter) filter = childOf(enumerateNode, xmlns::kEnumeration, "Filter");
    const std::string& ns = target.nameSpace;
    const std::string& className = target.address.className;
    std::vector<EnumerationItem> items;
    auto addInstances = [&](std::vector<Instance> instances) {
        items.reserve(instances.size());
        for (Instance& instance : instances) {
            ObjectPath path = pathOf(instance, ns, classes);
            items.push_back(
                {shape.objects ? std::optional<Instance>(std::move(instance)) : std::nullopt, std::move(path)});
        }
    };
    auto addPaths = [&](std::vector<ObjectPath> paths) {
        items.reserve(paths.size());
        for (ObjectPath& path : paths) {
            if (path.nameSpace().empty()) path.setNameSpace(ns);
            items.push_back({std::nullopt, std::move(path)});
        }
    };
    auto requireClass = [&](std::string_view what) {
        if (className.empty()) {
            throw WsmanFault("wsa:DestinationUnreachable", code(CimStatus::InvalidParameter),
                             std::string(what) + " needs the resource URI of one class, not '*'",
                             std::string(kInvalidResourceUri));
        }
    };

    if (!filter) {
        requireClass("an Enumerate without a filter");
        if (shape.objects) {
            addInstances(backend->enumerateInstances(ns, className));
        } else {
            addPaths(backend->enumerateInstanceNames(ns, className));
        }
        return items;
    }
    const std::string dialectText = filter.attribute("Dialect").value();
    const std::string_view dialect = dialectText;
    if (dialect == dialect::kWql || dialect == dialect::kCql) {
        addInstances(backend->execQuery(ns, dialect == dialect::kWql ? "WQL" : "DMTF:CQL", trimmedText(filter)));
        return items;
    }
    if (dialect == dialect::kSelector) {
        requireClass("a selector filter");
        const ObjectPath wanted =
            readSelectors(childOf(filter, xmlns::kWsman, "SelectorSet"), ns, className, classes.keyLookup());
        std::vector<Instance> matching;
        for (Instance& instance : backend->enumerateInstances(ns, className)) {
            const ObjectPath path = pathOf(instance, ns, classes);
            bool all = true;
            for (const KeyBinding& key : wanted.keys()) {
                const Value* have = path.key(key.name);
                all = all && have != nullptr && have->toText() == key.value.toText();
            }
            if (all) matching.push_back(std::move(instance));
        }
        addInstances(std::move(matching));
        return items;
    }
    if (dialect == dialect::kAssociation) {
        const pugi::xml_node associated = childOf(filter, xmlns::kCimBinding, "AssociatedInstances");
        const pugi::xml_node association = childOf(filter, xmlns::kCimBinding, "AssociationInstances");
        const pugi::xml_node query = associated ? associated : association;
        if (!query) schemaError("an association filter needs wsmb:AssociatedInstances or wsmb:AssociationInstances");
        const pugi::xml_node object = childOf(query, xmlns::kCimBinding, "Object");
        if (!object) schemaError("an association filter needs wsmb:Object (the source EPR)");
        const ObjectPath source = readEndpointReference(object, ns, classes.keyLookup());
        auto text = [&](const char* name) { return trimmedText(childOf(query, xmlns::kCimBinding, name)); };
        if (associated) {
            AssociatorFilter f{text("AssociationClassName"), text("ResultClassName"), text("Role"), text("ResultRole")};
            if (shape.objects) {
                addInstances(backend->associators(source, f));
            } else {
                addPaths(backend->associatorNames(source, f));
            }
        } else {
            ReferenceFilter f{text("ResultClassName"), text("Role")};
            if (shape.objects) {
                addInstances(backend->references(source, f));
            } else {
                addPaths(backend->referenceNames(source, f));
            }
        }
        return items;
    }
    throw WsmanFault("wsen:FilterDialectRequestedUnavailable", code(CimStatus::QueryLanguageNotSupported),
                     "filter dialect '" + dialectText + "' is not supported (WQL, CQL, selector and association are)");
}

void WsmanService::Impl::writeItems(pugi::xml_node items, std::vector<EnumerationItem>& batch,
                                    const EnumerationShape& shape, const Naming& naming) const {
    for (EnumerationItem& item : batch) {
        if (shape.objects && shape.references) {
            pugi::xml_node both = items.append_child("wsman:Item");
            writeInstance(both, *item.object, shape.nameSpace, naming);
            writeEndpointReference(both.append_child("wsa:EndpointReference"), item.path, shape.nameSpace, naming);
        } else if (shape.objects) {
            writeInstance(items, *item.object, shape.nameSpace, naming);
        } else {
            writeEndpointReference(items.append_child("wsa:EndpointReference"), item.path, shape.nameSpace, naming);
        }
    }
}

void WsmanService::Impl::enumerate(const Request& request, const Target& target, Classes& classes,
                                   EnvelopeWriter& out) const {
    const pugi::xml_node node = childOf(request.body, xmlns::kEnumeration, "Enumerate");
    if (!node) schemaError("an Enumerate request needs wsen:Enumerate in the body");
    EnumerationShape shape;
    shape.style = target.naming.style;
    shape.nameSpace = target.nameSpace;
    if (const pugi::xml_node mode = childOf(node, xmlns::kWsman, "EnumerationMode")) {
        const std::string m = trimmedText(mode);
        if (m == "EnumerateEPR") {
            shape.objects = false;
            shape.references = true;
        } else if (m == "EnumerateObjectAndEPR") {
            shape.references = true;
        } else {
            throw WsmanFault("wsman:UnsupportedFeature", code(CimStatus::NotSupported),
                             "wsman:EnumerationMode '" + m + "' is not EnumerateEPR or EnumerateObjectAndEPR");
        }
    }
    const bool optimize = static_cast<bool>(childOf(node, xmlns::kWsman, "OptimizeEnumeration"));
    const std::size_t first =
        optimize ? parseCount(childOf(node, xmlns::kWsman, "MaxElements"), "wsman:MaxElements", 1) : 0;
    std::optional<std::chrono::milliseconds> lifetime;
    if (const pugi::xml_node expires = childOf(node, xmlns::kEnumeration, "Expires")) {
        try {
            const std::string text = trimmedText(expires);
            lifetime = std::chrono::duration_cast<std::chrono::milliseconds>(fromXsdDuration(text).toDuration());
        } catch (const CimError&) {
            throw WsmanFault(
                "wsen:InvalidExpirationTime", code(CimStatus::InvalidParameter),
                "wsen:Expires '" + trimmedText(expires) + "' is not a duration (absolute times are not supported)");
        }
    }
    auto [context, batch] = enumerations.open(enumerationItems(node, target, shape, classes), shape, first, lifetime);
    pugi::xml_node response = out.body().append_child("wsen:EnumerateResponse");
    // DSP0226: a response that ends the sequence names no context (clients such as wsl pull
    // for as long as one is named).
    if (!batch.ended) appendText(response, "wsen:EnumerationContext", context);
    if (optimize) {
        writeItems(response.append_child("wsman:Items"), batch.items, batch.shape, target.naming);
        if (batch.ended) response.append_child("wsman:EndOfSequence");
    }
}

void WsmanService::Impl::pull(const Request& request, EnvelopeWriter& out) const {
    const pugi::xml_node node = childOf(request.body, xmlns::kEnumeration, "Pull");
    if (!node) schemaError("a Pull request needs wsen:Pull in the body");
    const std::string context = trimmedText(childOf(node, xmlns::kEnumeration, "EnumerationContext"));
    const std::size_t count = parseCount(childOf(node, xmlns::kEnumeration, "MaxElements"), "wsen:MaxElements", 1);
    EnumerationStore::Batch batch = enumerations.pull(context, count);
    Naming naming;
    naming.style = batch.shape.style;
    const std::string to = trimmedText(childOf(request.header, xmlns::kAddressing, "To"));
    if (!to.empty()) naming.address = to;
    pugi::xml_node response = out.body().append_child("wsen:PullResponse");
    if (!batch.ended) appendText(response, "wsen:EnumerationContext", context);
    writeItems(response.append_child("wsen:Items"), batch.items, batch.shape, naming);
    if (batch.ended) response.append_child("wsen:EndOfSequence");
}

void WsmanService::Impl::release(const Request& request) const {
    const pugi::xml_node node = childOf(request.body, xmlns::kEnumeration, "Release");
    if (!node) schemaError("a Release request needs wsen:Release in the body");
    enumerations.release(trimmedText(childOf(node, xmlns::kEnumeration, "EnumerationContext")));
}

void WsmanService::Impl::invoke(const Request& request, const Target& target, std::string_view method, Classes& classes,
                                EnvelopeWriter& out) const {
    if (target.address.className.empty() || target.address.classDefinition) {
        throw WsmanFault("wsa:DestinationUnreachable", code(CimStatus::InvalidParameter),
                         "a method needs the resource URI of one class", std::string(kInvalidResourceUri));
    }
    const std::string& className = target.address.className;
    const MethodDecl* declared = nullptr;  // looked up only when there is something to type

    std::vector<ParamValue> parameters;
    if (const pugi::xml_node input = firstElement(request.body)) {
        const std::string expected = std::string(method) + "_INPUT";
        if (!iequals(localName(input.name()), expected)) {
            schemaError("the body of a " + std::string(method) + " request must be " + expected + ", not '" +
                        std::string(localName(input.name())) + "'");
        }
        std::vector<std::string> order;
        for (pugi::xml_node child = input.first_child(); child; child = child.next_sibling()) {
            if (child.type() != pugi::node_element) continue;
            const std::string name(localName(child.name()));
            if (std::none_of(order.begin(), order.end(), [&](const std::string& n) { return iequals(n, name); })) {
                order.push_back(name);
            }
        }
        if (!order.empty()) {
            const CimClass* cls = classes.find(target.nameSpace, className);
            declared = cls != nullptr ? cls->findMethod(method) : nullptr;
        }
        for (const std::string& name : order) {
            const std::vector<pugi::xml_node> elements = elementsNamed(input, name);
            const ParameterDecl* parameter = declared != nullptr ? declared->findParameter(name) : nullptr;
            try {
                parameters.push_back(
                    parameter != nullptr
                        ? ParamValue{parameter->name, readValue(elements, parameter->valueType(), parameter->isArray,
                                                                target.nameSpace, classes.lookup())}
                        : ParamValue{name, readUntypedValue(elements, target.nameSpace, classes.lookup())});
            } catch (const CimError& e) {
                throw WsmanFault("wsman:InvalidParameter", code(e.status()),
                                 "parameter " + name + " of " + std::string(method) + ": " + e.message());
            }
        }
    }
    const ObjectPath path = request.selectorSet
                                ? readSelectors(request.selectorSet, target.nameSpace, className, classes.keyLookup())
                                : ObjectPath(target.nameSpace, className);
    const MethodResult result = backend->invokeMethod(path, method, parameters);

    pugi::xml_node output = out.body().append_child(("p:" + std::string(method) + "_OUTPUT").c_str());
    output.append_attribute("xmlns:p") = request.resourceUri.c_str();
    for (const ParamValue& p : result.outParameters) {
        writeValue(output, ("p:" + p.name).c_str(), p.value, target.nameSpace, target.naming);
    }
    // A NULL return value is written (nil) unless the method returns nothing (WMI's void).
    bool hasReturnValue = !result.returnValue.isNull();
    if (!hasReturnValue) {
        const CimClass* cls = classes.find(target.nameSpace, className, false);
        const MethodDecl* m = cls != nullptr ? cls->findMethod(method) : nullptr;
        hasReturnValue = m != nullptr && !m->returnsVoid;
    }
    if (hasReturnValue) writeValue(output, "p:ReturnValue", result.returnValue, target.nameSpace, target.naming);
}

std::string WsmanService::Impl::respond(const Request& request, std::string& summary) const {
    EnvelopeWriter out;
    const std::string_view a = request.action;
    if (a.empty() && childOf(request.body, xmlns::kIdentity, "Identify")) {
        summary = "Identify";
        identify(out);
        return out.str();
    }
    if (a.empty()) schemaError("the request has no wsa:Action header");
    Classes classes(*backend);
    auto target = [&] { return resolve(request); };
    if (a == action::kGet) {
        const Target t = target();
        summary = "Get " + t.address.className;
        get(request, t, classes, out);
    } else if (a == action::kPut) {
        const Target t = target();
        summary = "Put " + t.address.className;
        put(request, t, classes, out);
    } else if (a == action::kCreate) {
        const Target t = target();
        summary = "Create " + t.address.className;
        create(request, t, classes, out);
    } else if (a == action::kDelete) {
        const Target t = target();
        summary = "Delete " + t.address.className;
        remove(request, t, classes);
    } else if (a == action::kEnumerate) {
        const Target t = target();
        summary = "Enumerate " + (t.address.className.empty() ? std::string("*") : t.address.className);
        enumerate(request, t, classes, out);
    } else if (a == action::kPull) {
        summary = "Pull";
        pull(request, out);
    } else if (a == action::kRelease) {
        summary = "Release";
        release(request);
    } else {
        const Target t = target();
        const std::string prefix = request.resourceUri + "/";
        if (a.size() <= prefix.size() || !iequals(a.substr(0, prefix.size()), prefix)) {
            throw WsmanFault("wsa:ActionNotSupported", code(CimStatus::NotSupported),
                             "action '" + request.action +
                                 "' is neither a WS-Transfer or WS-Enumeration action nor <ResourceURI>/<Method>");
        }
        const std::string method(a.substr(prefix.size()));
        summary = "Invoke " + t.address.className + "." + method;
        invoke(request, t, method, classes, out);
    }
    out.addHeader("wsa:To", kAnonymous);
    // Every answer's action is the request's with "Response" appended (DSP0226 and WS-Transfer,
    // WS-Enumeration and custom actions alike).
    out.addHeader("wsa:Action", request.action + "Response", true);
    out.addHeader("wsa:MessageID", newUuid());
    if (!request.messageId.empty()) out.addHeader("wsa:RelatesTo", request.messageId);
    std::string text = out.str();
    if (request.maxEnvelopeSize && text.size() > *request.maxEnvelopeSize) {
        throw WsmanFault("wsman:EncodingLimit", code(CimStatus::ServerLimitsExceeded),
                         "the response (" + std::to_string(text.size()) + " octets) exceeds wsman:MaxEnvelopeSize " +
                             std::to_string(*request.maxEnvelopeSize));
    }
    return text;
}

WsmanService::WsmanService(std::shared_ptr<CimClient> backend, ServiceOptions options)
    : impl_(std::make_unique<Impl>(std::move(backend), std::move(options))) {
    if (!impl_->backend) throw CimError(CimStatus::InvalidParameter, "WsmanService needs a backend");
}

WsmanService::~WsmanService() = default;

Reply WsmanService::handle(std::string_view envelope) const {
    Request request;
    Reply reply;
    UriStyle style = UriStyle::Dmtf;
    auto answerFault = [&](const WsmanFault& fault) {
        reply.httpStatus = 500;
        reply.body = writeFaultEnvelope(fault, request.messageId, style);
        if (reply.summary.empty()) reply.summary = "-";
        reply.summary += " -> " + fault.subcode() + " (" + std::to_string(fault.code()) + "): " + fault.what();
    };
    try {
        parse(envelope, impl_->options, request);
        if (const auto address = parseResourceUri(request.resourceUri)) style = address->style;
        reply.body = impl_->respond(request, reply.summary);
        reply.summary += " -> ok";
    } catch (const WsmanFault& fault) {
        answerFault(fault);
    } catch (const CimError& error) {
        answerFault(WsmanFault::fromCimError(error));
    } catch (const std::exception& e) {
        answerFault(WsmanFault("wsman:InternalError", code(CimStatus::Failed), e.what()));
    }
    return reply;
}

std::size_t WsmanService::openEnumerations() const {
    return impl_->enumerations.openCount();
}

}  // namespace wmimock::wsman
