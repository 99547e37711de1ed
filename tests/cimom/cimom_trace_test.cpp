// Operation tracing through the spdlog logger "wmimock.cimom": one debug line per operation
// with operation, namespace, target, result code and duration; nothing at the default level.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <sstream>

#include "test_schema.hpp"

namespace wmimock {
namespace {

using namespace wmimock::testing;
using ::testing::AllOf;
using ::testing::HasSubstr;

class TraceTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        // The CIMOM keeps the logger it first used, so an earlier test in this process may
        // have made it: the test's sink joins that logger rather than replacing it.
        logger_ = spdlog::get("wmimock.cimom");
        if (!logger_) {
            logger_ = std::make_shared<spdlog::logger>("wmimock.cimom");
            spdlog::register_logger(logger_);
        }
        sink_ = std::make_shared<spdlog::sinks::ostream_sink_mt>(output());
        sink_->set_pattern("%l %v");
        logger_->sinks().push_back(sink_);
    }
    static void TearDownTestSuite() {
        auto& sinks = logger_->sinks();
        sinks.erase(std::remove(sinks.begin(), sinks.end(), sink_), sinks.end());
        logger_->set_level(spdlog::level::warn);
        logger_.reset();
        sink_.reset();
    }
    static inline std::shared_ptr<spdlog::logger> logger_;
    static inline std::shared_ptr<spdlog::sinks::sink> sink_;
    static std::ostringstream& output() {
        static std::ostringstream stream;
        return stream;
    }
    void SetUp() override {
        output().str({});
        addTestSchema(cimom);
        cimom.addInstance(kNs, service("Alpha"));
    }
    Cimom cimom{std::make_shared<ManualClock>()};
};

TEST_F(TraceTest, DebugLevelTracesEveryOperationWithItsResult) {
    spdlog::get("wmimock.cimom")->set_level(spdlog::level::debug);
    cimom.getInstance(servicePath("Alpha"));
    EXPECT_THROW(cimom.invokeMethod(servicePath("Alpha"), "StopService"), CimError);
    EXPECT_THROW(cimom.enumerateInstances("root/none", "Test_Service"), CimError);
    spdlog::get("wmimock.cimom")->flush();
    const std::string text = output().str();
    EXPECT_THAT(text, AllOf(HasSubstr("debug GetInstance ns=root/cimv2 target=root/cimv2:Test_Service."),
                            HasSubstr("-> CIM_ERR_SUCCESS ("), HasSubstr(" us)")));
    EXPECT_THAT(text, HasSubstr("InvokeMethod ns=root/cimv2"));
    EXPECT_THAT(text, HasSubstr("StopService -> CIM_ERR_METHOD_NOT_AVAILABLE"));
    EXPECT_THAT(text, HasSubstr("EnumerateInstances ns=root/none target=Test_Service -> CIM_ERR_INVALID_NAMESPACE"));
}

TEST_F(TraceTest, QuietAboveDebug) {
    spdlog::get("wmimock.cimom")->set_level(spdlog::level::info);
    cimom.getInstance(servicePath("Alpha"));
    EXPECT_THROW(cimom.getInstance(servicePath("Nope")), CimError);
    spdlog::get("wmimock.cimom")->flush();
    EXPECT_EQ(output().str(), "");
}

}  // namespace
}  // namespace wmimock
