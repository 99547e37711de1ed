// DTD-level validation of a CIM-XML request (DSP0200 answers an invalid one with 400 and
// "CIMError: request-not-valid"): the content model and the required attributes of every
// element a request may hold, as DSP0201's DTD declares them.
#pragma once

#include <pugixml.hpp>

namespace wmimock::cimxml::detail {

/// Throws RequestError(400, "request-not-valid") naming the first element whose children,
/// text or attributes the DTD does not allow. Tolerant where real servers are: attributes
/// the DTD does not declare are ignored, enumerated values compare case-insensitively, and
/// KEYVALUE may omit TYPE (DTD 2.3.1 allows it). Both DTD versions' content models are
/// accepted (2.4 adds INSTANCENAME and CLASSNAME to PARAMVALUE).
void validateRequestDocument(const pugi::xml_document& document);

}  // namespace wmimock::cimxml::detail
