// Writing operation requests (the client side of DSP0200): the message envelope and the
// IPARAMVALUE / PARAMVALUE forms each operation needs.
#pragma once

#include <string>
#include <string_view>

#include "wmimock/cim/instance.hpp"
#include "wmimock/cim/object_path.hpp"
#include "wmimock/cim/value.hpp"
#include "wmimock/client/cim_client.hpp"

namespace wmimock::cimxml::detail {

class RequestEncoder {
public:
    /// Starts an IMETHODCALL on `nameSpace`.
    static RequestEncoder intrinsic(std::string_view messageId, std::string_view method, std::string_view nameSpace);
    /// Starts a METHODCALL on an instance or class path (which carries the namespace).
    static RequestEncoder extrinsic(std::string_view messageId, std::string_view method, const ObjectPath& target);

    RequestEncoder& text(std::string_view name, std::string_view value);
    RequestEncoder& boolean(std::string_view name, bool value);
    /// Skipped when empty (the operation's default applies).
    RequestEncoder& className(std::string_view name, std::string_view className);
    RequestEncoder& instanceName(std::string_view name, const ObjectPath& path);
    /// CLASSNAME for a class path, INSTANCENAME otherwise.
    RequestEncoder& objectName(std::string_view name, const ObjectPath& path);
    RequestEncoder& propertyList(const PropertyList& list);
    RequestEncoder& instance(std::string_view name, const Instance& instance);
    RequestEncoder& namedInstance(std::string_view name, const Instance& instance);
    /// PARAMVALUE with PARAMTYPE (METHODCALL only).
    RequestEncoder& methodParameter(const ParamValue& param);

    /// Closes the message and returns it.
    std::string finish();

private:
    explicit RequestEncoder(bool intrinsic) : intrinsic_(intrinsic) {}
    void openParam(std::string_view name);
    void closeParam();

    bool intrinsic_;
    std::string out_;
};

/// Percent-encodes for the CIMObject header (DSP0200: the namespace or object path, URI-escaped).
std::string percentEncode(std::string_view text);

}  // namespace wmimock::cimxml::detail
