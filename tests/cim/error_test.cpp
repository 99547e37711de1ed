// CimError, status names and the CIM status <-> WBEM HRESULT mapping of codes.md §2.3.
#include <gtest/gtest.h>

#include <string>

#include "wmimock/cim/error.hpp"

namespace wmimock {
namespace {

TEST(CimError, WhatCarriesStatusNameAndMessage) {
    const CimError e(CimStatus::NotFound, "no such instance");
    EXPECT_STREQ(e.what(), "CIM_ERR_NOT_FOUND: no such instance");
    EXPECT_EQ(e.message(), "no such instance");
    EXPECT_EQ(e.status(), CimStatus::NotFound);
    const std::runtime_error& base = e;  // catchable as a standard exception
    EXPECT_STREQ(base.what(), "CIM_ERR_NOT_FOUND: no such instance");
}

TEST(StatusName, EveryDefinedCode) {
    EXPECT_EQ(statusName(CimStatus::Success), "CIM_ERR_SUCCESS");
    EXPECT_EQ(statusName(CimStatus::Failed), "CIM_ERR_FAILED");
    EXPECT_EQ(statusName(CimStatus::InvalidParameter), "CIM_ERR_INVALID_PARAMETER");
    EXPECT_EQ(statusName(CimStatus::TypeMismatch), "CIM_ERR_TYPE_MISMATCH");
    EXPECT_EQ(statusName(CimStatus::MethodNotAvailable), "CIM_ERR_METHOD_NOT_AVAILABLE");
    EXPECT_EQ(statusName(CimStatus::QueryFeatureNotSupported), "CIM_ERR_QUERY_FEATURE_NOT_SUPPORTED");
    for (std::uint32_t code = 0; code <= 29; ++code) {
        const auto name = statusName(static_cast<CimStatus>(code));
        EXPECT_TRUE(name.starts_with("CIM_ERR_")) << code;
        EXPECT_EQ(parseStatus(name), static_cast<CimStatus>(code)) << name;
    }
}

TEST(StatusName, UnknownNumbersKeepAStableName) {
    const std::string_view a = statusName(static_cast<CimStatus>(99));
    EXPECT_EQ(a, "CIM_ERR_99");
    statusName(static_cast<CimStatus>(100));
    EXPECT_EQ(a, "CIM_ERR_99");  // the view is still valid
    EXPECT_STREQ(CimError(static_cast<CimStatus>(99), "x").what(), "CIM_ERR_99: x");
}

TEST(ParseStatus, AcceptsFullShortAndNumericForms) {
    EXPECT_EQ(parseStatus("CIM_ERR_NOT_FOUND"), CimStatus::NotFound);
    EXPECT_EQ(parseStatus("NOT_FOUND"), CimStatus::NotFound);
    EXPECT_EQ(parseStatus("cim_err_not_found"), CimStatus::NotFound);
    EXPECT_EQ(parseStatus("6"), CimStatus::NotFound);
    EXPECT_EQ(parseStatus("29"), CimStatus::QueryFeatureNotSupported);
    EXPECT_EQ(parseStatus("0"), CimStatus::Success);
    EXPECT_FALSE(parseStatus(""));
    EXPECT_FALSE(parseStatus("30"));
    EXPECT_FALSE(parseStatus("6x"));
    EXPECT_FALSE(parseStatus("-1"));
    EXPECT_FALSE(parseStatus("CIM_ERR_"));
    EXPECT_FALSE(parseStatus("CIM_ERR_NOPE"));
    EXPECT_FALSE(parseStatus("99999999999999999999"));
}

TEST(IsDefinedStatus, OneToTwentyNine) {
    EXPECT_FALSE(isDefinedStatus(0));
    EXPECT_TRUE(isDefinedStatus(1));
    EXPECT_TRUE(isDefinedStatus(29));
    EXPECT_FALSE(isDefinedStatus(30));
    EXPECT_FALSE(isDefinedStatus(0x80041002));
}

TEST(WbemMapping, PreferredColumn) {
    EXPECT_EQ(toWbemHResult(CimStatus::Failed), 0x80041001u);
    EXPECT_EQ(toWbemHResult(CimStatus::AccessDenied), 0x80041003u);
    EXPECT_EQ(toWbemHResult(CimStatus::InvalidNamespace), 0x8004100Eu);
    EXPECT_EQ(toWbemHResult(CimStatus::InvalidParameter), 0x8004102Fu);  // WBEM_E_INVALID_METHOD_PARAMETERS
    EXPECT_EQ(toWbemHResult(CimStatus::InvalidClass), 0x80041010u);
    EXPECT_EQ(toWbemHResult(CimStatus::NotFound), 0x80041002u);
    EXPECT_EQ(toWbemHResult(CimStatus::NotSupported), 0x8004100Cu);
    EXPECT_EQ(toWbemHResult(CimStatus::TypeMismatch), 0x80041005u);
    EXPECT_EQ(toWbemHResult(CimStatus::MethodNotAvailable), 0x80041055u);  // WBEM_E_METHOD_NOT_IMPLEMENTED
    EXPECT_EQ(toWbemHResult(CimStatus::MethodNotFound), 0x8004102Eu);      // WBEM_E_INVALID_METHOD
    EXPECT_EQ(toWbemHResult(CimStatus::Success), 0u);
    // Statuses outside the table fall back to a WBEM code of the same meaning, else WBEM_E_FAILED.
    EXPECT_EQ(toWbemHResult(CimStatus::AlreadyExists), 0x80041019u);
    EXPECT_EQ(toWbemHResult(CimStatus::PullHasBeenAbandoned), 0x80041001u);
}

TEST(WbemMapping, InverseIncludesAlsoAccept) {
    EXPECT_EQ(fromWbemHResult(0x80041001), CimStatus::Failed);
    EXPECT_EQ(fromWbemHResult(0x80041004), CimStatus::Failed);              // PROVIDER_FAILURE
    EXPECT_EQ(fromWbemHResult(0x80041062), CimStatus::AccessDenied);        // PRIVILEGE_NOT_HELD
    EXPECT_EQ(fromWbemHResult(0x80041008), CimStatus::InvalidParameter);    // INVALID_PARAMETER
    EXPECT_EQ(fromWbemHResult(0x80041036), CimStatus::InvalidParameter);    // MISSING_PARAMETER_ID
    EXPECT_EQ(fromWbemHResult(0x8004103A), CimStatus::NotFound);            // INVALID_OBJECT_PATH
    EXPECT_EQ(fromWbemHResult(0x80041056), CimStatus::MethodNotAvailable);  // METHOD_DISABLED
    // Codes in two rows map to the row that prefers them.
    EXPECT_EQ(fromWbemHResult(0x80041002), CimStatus::NotFound);
    EXPECT_EQ(fromWbemHResult(0x8004102F), CimStatus::InvalidParameter);
    EXPECT_EQ(fromWbemHResult(0x80041024), CimStatus::NotSupported);  // PROVIDER_NOT_CAPABLE
    EXPECT_FALSE(fromWbemHResult(0x12345678));
}

TEST(WbemMapping, PreferredCodesRoundTrip) {
    for (std::uint32_t code = 0; code <= 29; ++code) {
        const auto status = static_cast<CimStatus>(code);
        const std::uint32_t hr = toWbemHResult(status);
        EXPECT_FALSE(wbemName(hr).empty()) << statusName(status);
        const auto back = fromWbemHResult(hr);
        ASSERT_TRUE(back) << statusName(status);
        // Statuses without their own WBEM code come back as the status their code stands for.
        if (hr != 0x80041001 && hr != 0x80041002) {
            EXPECT_EQ(*back, status) << statusName(status);
        }
    }
}

TEST(WbemName, KnownAndUnknown) {
    EXPECT_EQ(wbemName(0x80041002), "WBEM_E_NOT_FOUND");
    EXPECT_EQ(wbemName(0x8004102F), "WBEM_E_INVALID_METHOD_PARAMETERS");
    EXPECT_EQ(wbemName(0x80041056), "WBEM_E_METHOD_DISABLED");
    EXPECT_EQ(wbemName(0), "WBEM_S_NO_ERROR");
    EXPECT_EQ(wbemName(0x00040004), "WBEM_S_TIMEDOUT");
    EXPECT_EQ(wbemName(0x80041088), "WBEM_E_PROVIDER_TIMED_OUT");
    EXPECT_EQ(wbemName(0xDEADBEEF), "");
}

}  // namespace
}  // namespace wmimock
