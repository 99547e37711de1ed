// A real CIM-XML client we did not write — Debian's sblim-wbemcli — drives CimXmlServer in
// front of the reference simulation: enumerate, get, StopService, RequestStateChange with
// a parameter (wbemcli sends it untyped, and fetches the class first), and a wrong instance.
// Skipped with a message when wbemcli is not installed (scripts/setup.sh installs it).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spdlog/spdlog.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "wmimock/cimxml/server.hpp"
#include "wmimock/services/builtin.hpp"

namespace wmimock::cimxml {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct CommandResult {
    int exitCode = -1;
    std::string output;  // stdout and stderr
};

/// Runs a shell command with a hard time bound, capturing its output.
CommandResult run(const std::string& command) {
    CommandResult result;
    const std::string bounded = "timeout 30 " + command + " 2>&1";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(bounded.c_str(), "r"), ::pclose);
    if (!pipe) return result;
    std::array<char, 4096> chunk{};
    while (std::fgets(chunk.data(), static_cast<int>(chunk.size()), pipe.get())) result.output += chunk.data();
    const int status = ::pclose(pipe.release());
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

bool wbemcliAvailable() {
    const char* path = std::getenv("PATH");
    std::string_view dirs = path ? path : "";
    while (!dirs.empty()) {
        const auto colon = dirs.find(':');
        const std::filesystem::path candidate = std::filesystem::path(dirs.substr(0, colon)) / "wbemcli";
        if (::access(candidate.c_str(), X_OK) == 0) return true;
        dirs = colon == std::string_view::npos ? std::string_view{} : dirs.substr(colon + 1);
    }
    return false;
}

class WbemcliTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (!wbemcliAvailable()) GTEST_SKIP() << "wbemcli is not on PATH (install sblim-wbemcli: scripts/setup.sh)";
        spdlog::set_level(spdlog::level::warn);
        environment_ = services::makeBuiltin("reference");
        ServerOptions options;
        options.port = 0;
        options.user = "wbem";
        options.password = "pw";
        server_ = std::make_unique<CimXmlServer>(environment_.cimom, options);
        server_->start();
        base_ =
            "http://wbem:pw@127.0.0.1:" + std::to_string(server_->port()) + "/" + environment_.info->nameSpace + ":";
    }

    /// wbemcli's object path for a service of the reference simulation.
    std::string servicePath(const std::string& name) const {
        return "'" + base_ + environment_.info->className + ".CreationClassName=\"" + environment_.info->className +
               "\",Name=\"" + name +
               "\",SystemCreationClassName=\"WMIMock_ComputerSystem\",SystemName=\"wmimock-host\"'";
    }

    bool started(const std::string& name) const {
        ObjectPath path(environment_.info->nameSpace, environment_.info->className,
                        {{"CreationClassName", Value::string(environment_.info->className)},
                         {"Name", Value::string(name)},
                         {"SystemCreationClassName", Value::string("WMIMock_ComputerSystem")},
                         {"SystemName", Value::string("wmimock-host")}});
        return environment_.cimom->getInstance(path).get("Started").asBool();
    }

    services::BuiltinEnvironment environment_;
    std::unique_ptr<CimXmlServer> server_;
    std::string base_;
};

TEST_F(WbemcliTest, EnumeratesTheSimulatedServices) {
    const auto names = run("wbemcli ein '" + base_ + environment_.info->className + "'");
    EXPECT_EQ(names.exitCode, 0) << names.output;
    EXPECT_THAT(names.output, HasSubstr("Name=\"Alpha\""));
    EXPECT_THAT(names.output, HasSubstr("Name=\"Beta\""));

    const auto instances = run("wbemcli -nl ei '" + base_ + environment_.info->className + "'");
    EXPECT_EQ(instances.exitCode, 0) << instances.output;
    EXPECT_THAT(instances.output, HasSubstr("-Started=TRUE"));
    EXPECT_THAT(instances.output, HasSubstr("-Started=FALSE"));
}

TEST_F(WbemcliTest, GetsOneService) {
    const auto result = run("wbemcli -nl gi " + servicePath("Alpha"));
    EXPECT_EQ(result.exitCode, 0) << result.output;
    EXPECT_THAT(result.output, HasSubstr("-Name=\"Alpha\""));
    EXPECT_THAT(result.output, HasSubstr("-EnabledState=2"));
}

TEST_F(WbemcliTest, StopServiceReturnsZeroAndStopsIt) {
    ASSERT_TRUE(started("Alpha"));
    const auto result = run("wbemcli cm " + servicePath("Alpha") + " StopService");
    EXPECT_EQ(result.exitCode, 0) << result.output;
    EXPECT_THAT(result.output, HasSubstr("StopService: 0"));
    EXPECT_FALSE(started("Alpha"));

    const auto after = run("wbemcli -nl gi " + servicePath("Alpha"));
    EXPECT_THAT(after.output, HasSubstr("-Started=FALSE"));
}

TEST_F(WbemcliTest, RequestStateChangeTakesAnUntypedParameter) {
    ASSERT_FALSE(started("Beta"));
    const auto result = run("wbemcli cm " + servicePath("Beta") + " RequestStateChange.RequestedState=2");
    EXPECT_EQ(result.exitCode, 0) << result.output;
    EXPECT_THAT(result.output, HasSubstr("RequestStateChange: "));
    EXPECT_THAT(result.output, Not(HasSubstr("CIM_ERR")));
    const auto after = run("wbemcli -nl gi " + servicePath("Beta"));
    EXPECT_THAT(after.output, HasSubstr("-RequestedState=2"));
}

TEST_F(WbemcliTest, AWrongInstanceIsAClearError) {
    const auto result = run("wbemcli cm " + servicePath("NoSuchService") + " StopService");
    EXPECT_NE(result.exitCode, 0);
    EXPECT_THAT(result.output, HasSubstr("CIM_ERR_NOT_FOUND"));
}

TEST_F(WbemcliTest, WrongCredentialsAreRefused) {
    std::string path = servicePath("Alpha");
    path.replace(path.find("wbem:pw"), 7, "wbem:nope");
    const auto result = run("wbemcli gi " + path);
    EXPECT_NE(result.exitCode, 0);
    EXPECT_THAT(result.output, HasSubstr("Invalid username/password"));
}

}  // namespace
}  // namespace wmimock::cimxml
