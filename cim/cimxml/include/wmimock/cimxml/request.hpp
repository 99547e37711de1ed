// Decoding of a DSP0200 operation request (one MESSAGE with a SIMPLEREQ holding an
// IMETHODCALL or a METHODCALL). This is the part of the server that reads untrusted bytes,
// and the entry point of the fuzz target.
//
// Parameters are kept as the wire spells them (WireParam) because real clients send method
// parameters without a TYPE: the server types them from the method's declaration.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "wmimock/cim/cim_class.hpp"
#include "wmimock/cim/cim_type.hpp"
#include "wmimock/cim/error.hpp"
#include "wmimock/cim/instance.hpp"
#include "wmimock/cim/object_path.hpp"
#include "wmimock/cim/qualifier.hpp"
#include "wmimock/cim/value.hpp"
#include "wmimock/cimxml/codec.hpp"

namespace wmimock::cimxml {

/// A request refused at the HTTP level: DSP0200 answers these with an HTTP error status and
/// a CIMError header ("request-not-well-formed", "request-not-valid", "header-mismatch",
/// "unsupported-protocol-version", ...) instead of an ERROR element.
class RequestError : public std::runtime_error {
public:
    RequestError(int httpStatus, std::string cimError, const std::string& message);
    int httpStatus() const noexcept { return httpStatus_; }
    const std::string& cimError() const noexcept { return cimError_; }

private:
    int httpStatus_;
    std::string cimError_;
};

/// An IPARAMVALUE or PARAMVALUE as received, before typing.
struct WireParam {
    enum class Kind : std::uint8_t {
        Null,                  ///< no value element (NULL)
        Value,                 ///< VALUE: `texts[0]`
        ValueArray,            ///< VALUE.ARRAY: `texts`
        Reference,             ///< VALUE.REFERENCE: `paths[0]`
        ReferenceArray,        ///< VALUE.REFARRAY: `paths`
        ClassName,             ///< CLASSNAME: `className`
        InstanceName,          ///< INSTANCENAME: `paths[0]`
        Instance,              ///< INSTANCE or VALUE.NAMEDINSTANCE (then with its path): `instance`
        Class,                 ///< CLASS: `cimClass`
        QualifierDeclaration,  ///< QUALIFIER.DECLARATION: `qualifierDeclaration`
    };

    std::string name;
    Kind kind = Kind::Null;
    std::optional<CimType> wireType;  ///< PARAMTYPE or TYPE attribute, when the client sent one
    std::string embeddedObject;       ///< EmbeddedObject attribute ("instance", "object") or empty
    std::vector<std::string> texts;
    std::vector<ObjectPath> paths;
    std::string className;
    std::optional<wmimock::Instance> instance;
    std::optional<CimClass> cimClass;
    std::optional<QualifierDecl> qualifierDeclaration;

    /// The value typed as `type` (scalar or array). Text is parsed, references and embedded
    /// instances are checked against the kind. Throws CimError(InvalidParameter) naming the
    /// parameter on a mismatch.
    Value toValue(CimType type, bool isArray, const DecodeLimits& limits = {}) const;
    /// Typed by the wire attributes alone (strings when the client sent no type).
    Value toValue(const DecodeLimits& limits = {}) const;
};

struct CimXmlRequest {
    std::string messageId;
    std::string protocolVersion;  ///< "1.0" .. "1.4"
    bool intrinsic = true;        ///< IMETHODCALL (true) or METHODCALL (false)
    std::string methodName;
    /// IMETHODCALL: LOCALNAMESPACEPATH; METHODCALL: the target's namespace.
    std::string nameSpace;
    /// METHODCALL: LOCALINSTANCEPATH or LOCALCLASSPATH (with the namespace).
    ObjectPath target;
    std::vector<WireParam> params;
    /// Set when the envelope was fine but a parameter could not be read (a bad key value,
    /// an unsupported element): the server answers it as an ERROR element of the operation.
    std::optional<CimError> parameterError;

    /// The parameter (names compared case-insensitively) or nullptr.
    const WireParam* param(std::string_view name) const noexcept;
};

/// Decodes a request body. Throws RequestError: 413 when larger than `limits.maxBytes`,
/// 400 "request-not-well-formed" for bad XML or nesting deeper than `limits.maxDepth`,
/// 400 "request-not-valid" for XML that is not a DSP0201 request, 501
/// "unsupported-protocol-version" / "multiple-requests-unsupported" where DSP0200 says so.
CimXmlRequest decodeRequest(std::string_view body, const DecodeLimits& limits = {});

}  // namespace wmimock::cimxml
