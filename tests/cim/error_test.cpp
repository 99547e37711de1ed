#include <gtest/gtest.h>

#include "wmimock/cim/error.hpp"

namespace wmimock {
namespace {

TEST(CimErrorSmoke, WhatCarriesStatusName) {
    const CimError e(CimStatus::NotFound, "no such instance");
    EXPECT_STREQ(e.what(), "CIM_ERR_NOT_FOUND: no such instance");
    EXPECT_EQ(e.message(), "no such instance");
    EXPECT_EQ(toWbemHResult(CimStatus::NotFound), 0x80041002u);
}

}  // namespace
}  // namespace wmimock
