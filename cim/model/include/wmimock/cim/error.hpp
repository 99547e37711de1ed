// One error type for the whole project: a DSP0200 CIM status code plus a message.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace wmimock {

/// CIM status codes (DSP0200 / DSP0201 ERROR CODE; CIM_Error.CIMStatusCode).
enum class CimStatus : std::uint16_t {
    Success = 0,
    Failed = 1,
    AccessDenied = 2,
    InvalidNamespace = 3,
    InvalidParameter = 4,
    InvalidClass = 5,
    NotFound = 6,
    NotSupported = 7,
    ClassHasChildren = 8,
    ClassHasInstances = 9,
    InvalidSuperclass = 10,
    AlreadyExists = 11,
    NoSuchProperty = 12,
    TypeMismatch = 13,
    QueryLanguageNotSupported = 14,
    InvalidQuery = 15,
    MethodNotAvailable = 16,
    MethodNotFound = 17,
    UnexpectedResponse = 18,
    InvalidResponseDestination = 19,
    NamespaceNotEmpty = 20,
    InvalidEnumerationContext = 21,
    InvalidOperationTimeout = 22,
    PullHasBeenAbandoned = 23,
    PullCannotBeAbandoned = 24,
    FilteredEnumerationNotSupported = 25,
    ContinuationOnErrorNotSupported = 26,
    ServerLimitsExceeded = 27,
    ServerIsShuttingDown = 28,
    QueryFeatureNotSupported = 29,
};

/// "CIM_ERR_NOT_FOUND" for CimStatus::NotFound; "CIM_ERR_<n>" for unknown numbers.
std::string_view statusName(CimStatus status) noexcept;

/// Parses "CIM_ERR_NOT_FOUND", "NOT_FOUND" or "6".
std::optional<CimStatus> parseStatus(std::string_view text) noexcept;

/// True for the codes defined by DSP0200 (1..29).
bool isDefinedStatus(std::uint32_t code) noexcept;

/// The WMI HRESULT a CIM status maps to (../spec/codes.md §2.3, preferred column),
/// e.g. NotFound -> 0x80041002 (WBEM_E_NOT_FOUND).
std::uint32_t toWbemHResult(CimStatus status) noexcept;

/// Symbolic name of a WBEM HRESULT ("WBEM_E_NOT_FOUND"), empty if unknown.
std::string_view wbemName(std::uint32_t hresult) noexcept;

/// The CIM status a WBEM HRESULT corresponds to (inverse mapping, incl. "also accept").
std::optional<CimStatus> fromWbemHResult(std::uint32_t hresult) noexcept;

// What can go wrong, and what each kind means where wmimock meets its user (the CLI maps
// them to its exit codes):
//  - CimError: an answer in CIM terms. A server or provider refused an operation, or an API
//    refused its input (a malformed path, unknown target, MOF error): bad input, exit 2.
//  - EnvironmentError: the machine could not do what was asked (fork, pipe, a shared
//    mapping, a write to disk): nobody's input was wrong, exit 3.
//  - any other exception: a bug in wmimock, exit 3 as an internal error.

/// An answer in CIM terms: a DSP0200 status code and a human message.
class CimError : public std::runtime_error {
public:
    CimError(CimStatus status, std::string message);

    CimStatus status() const noexcept { return status_; }
    /// Message without the status prefix.
    const std::string& message() const noexcept { return message_; }

private:
    CimStatus status_;
    std::string message_;
};

/// The operating system could not do what was asked: nobody's input was at fault.
class EnvironmentError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Thrown by a protocol client, before anything is sent, for a request its protocol cannot
/// carry faithfully (WS-Management writes a one-element array and a scalar alike, and an
/// empty array not at all). No server saw it: a judge must not take it for an answer.
class InexpressibleRequest : public CimError {
public:
    explicit InexpressibleRequest(std::string message) : CimError(CimStatus::NotSupported, std::move(message)) {}
};

}  // namespace wmimock
