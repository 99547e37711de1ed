#include <gtest/gtest.h>

#include "wmimock/cim/error.hpp"
#include "wmimock/cim/object_path.hpp"

namespace wmimock {
namespace {

TEST(ObjectPathSmoke, ParsesWbemAndWmiSpellings) {
    const auto wbem = ObjectPath::parse("root/cimv2:CIM_Service.SystemName=\"y\",Name=\"x\"");
    EXPECT_EQ(wbem.nameSpace(), "root/cimv2");
    EXPECT_EQ(wbem.className(), "CIM_Service");
    EXPECT_EQ(wbem.toString(), "root/cimv2:CIM_Service.Name=\"x\",SystemName=\"y\"");
    const auto wmi = ObjectPath::parse("\\\\.\\root\\cimv2:Win32_Service.Name=\"Spooler\"");
    EXPECT_EQ(wmi.host(), ".");
    EXPECT_EQ(wmi.nameSpace(), "root/cimv2");
    EXPECT_EQ(wmi.toWmiString(), "\\\\.\\root\\cimv2:Win32_Service.Name=\"Spooler\"");
}

TEST(ObjectPathSmoke, ReportsUnterminatedStringColumn) {
    std::string error;
    EXPECT_FALSE(ObjectPath::tryParse("X.Name=\"a", &error));
    EXPECT_EQ(error, "invalid object path 'X.Name=\"a': column 8: unterminated string");
}

}  // namespace
}  // namespace wmimock
