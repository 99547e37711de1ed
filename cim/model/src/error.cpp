#include "wmimock/cim/error.hpp"

#include <array>
#include <charconv>
#include <map>
#include <mutex>

#include "wmimock/cim/names.hpp"

namespace wmimock {

namespace {

constexpr std::array<std::string_view, 30> kStatusNames{
    "CIM_ERR_SUCCESS",
    "CIM_ERR_FAILED",
    "CIM_ERR_ACCESS_DENIED",
    "CIM_ERR_INVALID_NAMESPACE",
    "CIM_ERR_INVALID_PARAMETER",
    "CIM_ERR_INVALID_CLASS",
    "CIM_ERR_NOT_FOUND",
    "CIM_ERR_NOT_SUPPORTED",
    "CIM_ERR_CLASS_HAS_CHILDREN",
    "CIM_ERR_CLASS_HAS_INSTANCES",
    "CIM_ERR_INVALID_SUPERCLASS",
    "CIM_ERR_ALREADY_EXISTS",
    "CIM_ERR_NO_SUCH_PROPERTY",
    "CIM_ERR_TYPE_MISMATCH",
    "CIM_ERR_QUERY_LANGUAGE_NOT_SUPPORTED",
    "CIM_ERR_INVALID_QUERY",
    "CIM_ERR_METHOD_NOT_AVAILABLE",
    "CIM_ERR_METHOD_NOT_FOUND",
    "CIM_ERR_UNEXPECTED_RESPONSE",
    "CIM_ERR_INVALID_RESPONSE_DESTINATION",
    "CIM_ERR_NAMESPACE_NOT_EMPTY",
    "CIM_ERR_INVALID_ENUMERATION_CONTEXT",
    "CIM_ERR_INVALID_OPERATION_TIMEOUT",
    "CIM_ERR_PULL_HAS_BEEN_ABANDONED",
    "CIM_ERR_PULL_CANNOT_BE_ABANDONED",
    "CIM_ERR_FILTERED_ENUMERATION_NOT_SUPPORTED",
    "CIM_ERR_CONTINUATION_ON_ERROR_NOT_SUPPORTED",
    "CIM_ERR_SERVER_LIMITS_EXCEEDED",
    "CIM_ERR_SERVER_IS_SHUTTING_DOWN",
    "CIM_ERR_QUERY_FEATURE_NOT_SUPPORTED",
};

constexpr std::string_view kStatusPrefix = "CIM_ERR_";

// WbemCli.h constants this project names or maps (values from the WMI error-constant tables).
namespace hr {
constexpr std::uint32_t NoError = 0x00000000;
constexpr std::uint32_t False = 0x00000001;
constexpr std::uint32_t SAlreadyExists = 0x00040001;
constexpr std::uint32_t STimedOut = 0x00040004;
constexpr std::uint32_t NoMoreData = 0x00040005;
constexpr std::uint32_t OperationCancelled = 0x00040006;
constexpr std::uint32_t Pending = 0x00040007;
constexpr std::uint32_t SAccessDenied = 0x00040009;
constexpr std::uint32_t PartialResults = 0x00040010;
constexpr std::uint32_t Failed = 0x80041001;
constexpr std::uint32_t NotFound = 0x80041002;
constexpr std::uint32_t AccessDenied = 0x80041003;
constexpr std::uint32_t ProviderFailure = 0x80041004;
constexpr std::uint32_t TypeMismatch = 0x80041005;
constexpr std::uint32_t OutOfMemory = 0x80041006;
constexpr std::uint32_t InvalidParameter = 0x80041008;
constexpr std::uint32_t NotAvailable = 0x80041009;
constexpr std::uint32_t NotSupported = 0x8004100C;
constexpr std::uint32_t InvalidSuperclass = 0x8004100D;
constexpr std::uint32_t InvalidNamespace = 0x8004100E;
constexpr std::uint32_t InvalidObject = 0x8004100F;
constexpr std::uint32_t InvalidClass = 0x80041010;
constexpr std::uint32_t ProviderNotFound = 0x80041011;
constexpr std::uint32_t InvalidProviderRegistration = 0x80041012;
constexpr std::uint32_t ProviderLoadFailure = 0x80041013;
constexpr std::uint32_t TransportFailure = 0x80041015;
constexpr std::uint32_t InvalidQuery = 0x80041017;
constexpr std::uint32_t InvalidQueryType = 0x80041018;
constexpr std::uint32_t AlreadyExists = 0x80041019;
constexpr std::uint32_t ProviderNotCapable = 0x80041024;
constexpr std::uint32_t ClassHasChildren = 0x80041025;
constexpr std::uint32_t ClassHasInstances = 0x80041026;
constexpr std::uint32_t InvalidMethod = 0x8004102E;
constexpr std::uint32_t InvalidMethodParameters = 0x8004102F;
constexpr std::uint32_t ShuttingDown = 0x80041033;
constexpr std::uint32_t UnsupportedParameter = 0x80041035;
constexpr std::uint32_t MissingParameterId = 0x80041036;
constexpr std::uint32_t InvalidObjectPath = 0x8004103A;
constexpr std::uint32_t MethodNotImplemented = 0x80041055;
constexpr std::uint32_t MethodDisabled = 0x80041056;
constexpr std::uint32_t PrivilegeNotHeld = 0x80041062;
constexpr std::uint32_t TimedOut = 0x80041069;
constexpr std::uint32_t ProviderTimedOut = 0x80041088;
}  // namespace hr

struct WbemCode {
    std::uint32_t hresult;
    std::string_view name;
};
constexpr std::array<WbemCode, 43> kWbemNames{{
    {hr::NoError, "WBEM_S_NO_ERROR"},
    {hr::False, "WBEM_S_FALSE"},
    {hr::SAlreadyExists, "WBEM_S_ALREADY_EXISTS"},
    {hr::STimedOut, "WBEM_S_TIMEDOUT"},
    {hr::NoMoreData, "WBEM_S_NO_MORE_DATA"},
    {hr::OperationCancelled, "WBEM_S_OPERATION_CANCELLED"},
    {hr::Pending, "WBEM_S_PENDING"},
    {hr::SAccessDenied, "WBEM_S_ACCESS_DENIED"},
    {hr::PartialResults, "WBEM_S_PARTIAL_RESULTS"},
    {hr::Failed, "WBEM_E_FAILED"},
    {hr::NotFound, "WBEM_E_NOT_FOUND"},
    {hr::AccessDenied, "WBEM_E_ACCESS_DENIED"},
    {hr::ProviderFailure, "WBEM_E_PROVIDER_FAILURE"},
    {hr::TypeMismatch, "WBEM_E_TYPE_MISMATCH"},
    {hr::OutOfMemory, "WBEM_E_OUT_OF_MEMORY"},
    {hr::InvalidParameter, "WBEM_E_INVALID_PARAMETER"},
    {hr::NotAvailable, "WBEM_E_NOT_AVAILABLE"},
    {hr::NotSupported, "WBEM_E_NOT_SUPPORTED"},
    {hr::InvalidSuperclass, "WBEM_E_INVALID_SUPERCLASS"},
    {hr::InvalidNamespace, "WBEM_E_INVALID_NAMESPACE"},
    {hr::InvalidObject, "WBEM_E_INVALID_OBJECT"},
    {hr::InvalidClass, "WBEM_E_INVALID_CLASS"},
    {hr::ProviderNotFound, "WBEM_E_PROVIDER_NOT_FOUND"},
    {hr::InvalidProviderRegistration, "WBEM_E_INVALID_PROVIDER_REGISTRATION"},
    {hr::ProviderLoadFailure, "WBEM_E_PROVIDER_LOAD_FAILURE"},
    {hr::TransportFailure, "WBEM_E_TRANSPORT_FAILURE"},
    {hr::InvalidQuery, "WBEM_E_INVALID_QUERY"},
    {hr::InvalidQueryType, "WBEM_E_INVALID_QUERY_TYPE"},
    {hr::AlreadyExists, "WBEM_E_ALREADY_EXISTS"},
    {hr::ProviderNotCapable, "WBEM_E_PROVIDER_NOT_CAPABLE"},
    {hr::ClassHasChildren, "WBEM_E_CLASS_HAS_CHILDREN"},
    {hr::ClassHasInstances, "WBEM_E_CLASS_HAS_INSTANCES"},
    {hr::InvalidMethod, "WBEM_E_INVALID_METHOD"},
    {hr::InvalidMethodParameters, "WBEM_E_INVALID_METHOD_PARAMETERS"},
    {hr::ShuttingDown, "WBEM_E_SHUTTING_DOWN"},
    {hr::UnsupportedParameter, "WBEM_E_UNSUPPORTED_PARAMETER"},
    {hr::MissingParameterId, "WBEM_E_MISSING_PARAMETER_ID"},
    {hr::InvalidObjectPath, "WBEM_E_INVALID_OBJECT_PATH"},
    {hr::MethodNotImplemented, "WBEM_E_METHOD_NOT_IMPLEMENTED"},
    {hr::MethodDisabled, "WBEM_E_METHOD_DISABLED"},
    {hr::PrivilegeNotHeld, "WBEM_E_PRIVILEGE_NOT_HELD"},
    {hr::TimedOut, "WBEM_E_TIMED_OUT"},
    {hr::ProviderTimedOut, "WBEM_E_PROVIDER_TIMED_OUT"},
}};

// Inverse of codes.md §2.3. Where a code appears in two rows (WBEM_E_NOT_FOUND,
// WBEM_E_INVALID_METHOD_PARAMETERS, WBEM_E_PROVIDER_NOT_CAPABLE) the row that prefers it wins,
// otherwise the first row listing it.
struct WbemToStatus {
    std::uint32_t hresult;
    CimStatus status;
};
constexpr std::array<WbemToStatus, 27> kWbemToStatus{{
    {hr::NoError, CimStatus::Success},
    {hr::Failed, CimStatus::Failed},
    {hr::ProviderFailure, CimStatus::Failed},
    {hr::AccessDenied, CimStatus::AccessDenied},
    {hr::PrivilegeNotHeld, CimStatus::AccessDenied},
    {hr::InvalidNamespace, CimStatus::InvalidNamespace},
    {hr::InvalidMethodParameters, CimStatus::InvalidParameter},
    {hr::InvalidParameter, CimStatus::InvalidParameter},
    {hr::MissingParameterId, CimStatus::InvalidParameter},
    {hr::InvalidClass, CimStatus::InvalidClass},
    {hr::NotFound, CimStatus::NotFound},
    {hr::InvalidObjectPath, CimStatus::NotFound},
    {hr::NotSupported, CimStatus::NotSupported},
    {hr::ProviderNotCapable, CimStatus::NotSupported},
    {hr::TypeMismatch, CimStatus::TypeMismatch},
    {hr::MethodNotImplemented, CimStatus::MethodNotAvailable},
    {hr::MethodDisabled, CimStatus::MethodNotAvailable},
    {hr::InvalidMethod, CimStatus::MethodNotFound},
    // Beyond §2.3: the WBEM codes whose meaning is the CIM status' own.
    {hr::ClassHasChildren, CimStatus::ClassHasChildren},
    {hr::ClassHasInstances, CimStatus::ClassHasInstances},
    {hr::InvalidSuperclass, CimStatus::InvalidSuperclass},
    {hr::AlreadyExists, CimStatus::AlreadyExists},
    {hr::InvalidQueryType, CimStatus::QueryLanguageNotSupported},
    {hr::InvalidQuery, CimStatus::InvalidQuery},
    {hr::ShuttingDown, CimStatus::ServerIsShuttingDown},
    {hr::TimedOut, CimStatus::Failed},
    {hr::ProviderTimedOut, CimStatus::Failed},
}};

std::string makeWhat(CimStatus status, const std::string& message) {
    std::string what(statusName(status));
    what += ": ";
    what += message;
    return what;
}

}  // namespace

std::string_view statusName(CimStatus status) noexcept {
    const auto code = static_cast<std::uint16_t>(status);
    if (code < kStatusNames.size()) return kStatusNames[code];
    // Unknown numbers get a name built once and kept, so the view stays valid.
    try {
        static std::mutex mutex;
        static std::map<std::uint16_t, std::string> names;
        const std::lock_guard lock(mutex);
        auto [it, inserted] = names.try_emplace(code);
        if (inserted) it->second = std::string(kStatusPrefix) + std::to_string(code);
        return it->second;
    } catch (...) {
        return "CIM_ERR_UNKNOWN";
    }
}

std::optional<CimStatus> parseStatus(std::string_view text) noexcept {
    if (text.empty()) return std::nullopt;
    if (text.front() >= '0' && text.front() <= '9') {
        std::uint32_t code = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), code);
        if (ec != std::errc{} || end != text.data() + text.size() || code >= kStatusNames.size()) {
            return std::nullopt;
        }
        return static_cast<CimStatus>(code);
    }
    if (text.size() > kStatusPrefix.size() && iequals(text.substr(0, kStatusPrefix.size()), kStatusPrefix)) {
        text.remove_prefix(kStatusPrefix.size());
    }
    for (std::size_t i = 0; i < kStatusNames.size(); ++i) {
        if (iequals(kStatusNames[i].substr(kStatusPrefix.size()), text)) return static_cast<CimStatus>(i);
    }
    return std::nullopt;
}

bool isDefinedStatus(std::uint32_t code) noexcept {
    return code >= 1 && code < kStatusNames.size();
}

std::uint32_t toWbemHResult(CimStatus status) noexcept {
    switch (status) {
        case CimStatus::Success:
            return hr::NoError;
        case CimStatus::Failed:
            return hr::Failed;
        case CimStatus::AccessDenied:
            return hr::AccessDenied;
        case CimStatus::InvalidNamespace:
            return hr::InvalidNamespace;
        case CimStatus::InvalidParameter:
            return hr::InvalidMethodParameters;
        case CimStatus::InvalidClass:
            return hr::InvalidClass;
        case CimStatus::NotFound:
            return hr::NotFound;
        case CimStatus::NotSupported:
            return hr::NotSupported;
        case CimStatus::TypeMismatch:
            return hr::TypeMismatch;
        case CimStatus::MethodNotAvailable:
            return hr::MethodNotImplemented;
        case CimStatus::MethodNotFound:
            return hr::InvalidMethod;
        // Outside codes.md §2.3: WBEM codes of the same meaning where WMI has one.
        case CimStatus::ClassHasChildren:
            return hr::ClassHasChildren;
        case CimStatus::ClassHasInstances:
            return hr::ClassHasInstances;
        case CimStatus::InvalidSuperclass:
            return hr::InvalidSuperclass;
        case CimStatus::AlreadyExists:
            return hr::AlreadyExists;
        case CimStatus::NoSuchProperty:
            return hr::NotFound;
        case CimStatus::QueryLanguageNotSupported:
            return hr::InvalidQueryType;
        case CimStatus::InvalidQuery:
            return hr::InvalidQuery;
        case CimStatus::ServerIsShuttingDown:
            return hr::ShuttingDown;
        default:
            return hr::Failed;
    }
}

std::string_view wbemName(std::uint32_t hresult) noexcept {
    for (const auto& c : kWbemNames) {
        if (c.hresult == hresult) return c.name;
    }
    return {};
}

std::optional<CimStatus> fromWbemHResult(std::uint32_t hresult) noexcept {
    for (const auto& m : kWbemToStatus) {
        if (m.hresult == hresult) return m.status;
    }
    return std::nullopt;
}

CimError::CimError(CimStatus status, std::string message)
    : std::runtime_error(makeWhat(status, message)), status_(status), message_(std::move(message)) {}

}  // namespace wmimock
