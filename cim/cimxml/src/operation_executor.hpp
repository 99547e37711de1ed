// Runs one decoded CIM-XML request against a CimClient and encodes the whole response
// message (IMETHODRESPONSE / METHODRESPONSE, with an ERROR element when the operation fails).
#pragma once

#include <string>

#include "wmimock/cimxml/codec.hpp"
#include "wmimock/cimxml/request.hpp"
#include "wmimock/client/cim_client.hpp"

namespace wmimock::cimxml::detail {

class EnumerationContexts;

struct ExecutionResult {
    std::string body;                       ///< the whole response message
    CimStatus status = CimStatus::Success;  ///< the ERROR code it carries, for the request log
};

/// The response for `request`. Never throws for operation failures: a CimError from the
/// backend (or any other exception, as CIM_ERR_FAILED) becomes the ERROR element.
/// `contexts` holds the server's open pull enumerations.
ExecutionResult executeRequest(CimClient& backend, EnumerationContexts& contexts, const CimXmlRequest& request,
                               const DecodeLimits& limits);

}  // namespace wmimock::cimxml::detail
