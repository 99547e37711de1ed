// MethodResult: the value type CimClient::invokeMethod returns.
#include <gtest/gtest.h>

#include "wmimock/client/cim_client.hpp"

namespace wmimock {
namespace {

TEST(MethodResult, OutParametersByCaseInsensitiveName) {
    MethodResult r;
    r.returnValue = Value::uint32(4096);
    r.outParameters.push_back({"Job", Value::reference(ObjectPath::parse("root:CIM_ConcreteJob.InstanceID=\"j\""))});
    ASSERT_NE(r.out("job"), nullptr);
    EXPECT_EQ(r.out("JOB")->asReference().className(), "CIM_ConcreteJob");
    EXPECT_EQ(r.out("Missing"), nullptr);
    EXPECT_EQ(r.returnValue.asUint64(), 4096u);
}

}  // namespace
}  // namespace wmimock
