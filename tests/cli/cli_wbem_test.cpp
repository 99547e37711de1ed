// `wmimock get|enum|names|invoke|query|classes|class`: the command line as a WBEM client.
// What it prints is compared with what the fake CIMOM holds, in MOF and in JSON; a served
// target shows that an invoke changes what a later get reads, over CIM-XML and WS-Management.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "cli_test_support.hpp"
#include "serve_process.hpp"
#include "wmimock/services/builtin.hpp"

namespace wmimock::test {
namespace {

using ::testing::HasSubstr;

nlohmann::json jsonOf(const std::string& arguments) {
    const CommandResult result = runWmimockStdout(arguments + " --format json");
    EXPECT_EQ(result.exitCode, 0) << arguments << "\n" << result.output;
    return nlohmann::json::parse(result.output, nullptr, false);
}

std::vector<std::string> pathsIn(const services::BuiltinEnvironment& environment, const std::string& className) {
    std::vector<std::string> paths;
    for (const ObjectPath& path : environment.cimom->enumerateInstanceNames(environment.info->nameSpace, className)) {
        paths.push_back(path.toString());
    }
    return paths;
}

TEST(CliWbem, NamesAndEnumPrintWhatTheTargetHolds) {
    const services::BuiltinEnvironment win32 = services::makeBuiltin("win32");
    const std::vector<std::string> expected = pathsIn(win32, "Win32_Service");
    ASSERT_FALSE(expected.empty());

    const CommandResult names = runWmimockStdout("names builtin:win32 Win32_Service");
    EXPECT_EQ(names.exitCode, 0) << names.output;
    std::string text;
    for (const std::string& path : expected) text += path + "\n";
    EXPECT_EQ(names.output, text);
    EXPECT_EQ(jsonOf("names builtin:win32 Win32_Service").get<std::vector<std::string>>(), expected);

    const CommandResult mof = runWmimockStdout("enum builtin:win32 Win32_Service");
    EXPECT_EQ(mof.exitCode, 0) << mof.output;
    const std::regex instanceOf("instance of Win32_Service");
    const auto instances = static_cast<std::size_t>(
        std::distance(std::sregex_iterator(mof.output.begin(), mof.output.end(), instanceOf), std::sregex_iterator()));
    EXPECT_EQ(instances, expected.size()) << mof.output;
    const nlohmann::json json = jsonOf("enum builtin:win32 Win32_Service");
    ASSERT_EQ(json.size(), expected.size());
    const Instance first = win32.cimom->getInstance(ObjectPath::parse(expected.front()));
    EXPECT_EQ(json[0]["path"], expected.front());
    EXPECT_EQ(json[0]["properties"]["Name"], first.get("Name").asString());
    EXPECT_EQ(json[0]["properties"]["Started"], first.get("Started").asBool());
}

TEST(CliWbem, GetQueryClassAndClasses) {
    const services::BuiltinEnvironment win32 = services::makeBuiltin("win32");
    const std::string path = pathsIn(win32, "Win32_Service").front();
    const Instance instance = win32.cimom->getInstance(ObjectPath::parse(path));

    const CommandResult get = runWmimockStdout("get builtin:win32 " + shellQuote(path));
    EXPECT_EQ(get.exitCode, 0) << get.output;
    EXPECT_THAT(get.output, HasSubstr("Name = \"" + instance.get("Name").asString() + "\";"));

    const nlohmann::json started = jsonOf("query builtin:win32 'SELECT Name FROM Win32_Service WHERE Started = TRUE'");
    std::size_t expectedStarted = 0;
    for (const Instance& i : win32.cimom->enumerateInstances("root/cimv2", "Win32_Service")) {
        if (i.get("Started").asBool()) ++expectedStarted;
    }
    EXPECT_EQ(started.size(), expectedStarted);
    for (const auto& row : started) EXPECT_EQ(row["properties"].size(), 1U) << row.dump();

    const CommandResult cls = runWmimockStdout("class builtin:reference CIM_Service");
    EXPECT_EQ(cls.exitCode, 0) << cls.output;
    EXPECT_THAT(cls.output, HasSubstr("class CIM_Service : CIM_EnabledLogicalElement"));
    EXPECT_THAT(cls.output, HasSubstr("StopService("));
    const nlohmann::json classJson = jsonOf("class builtin:reference CIM_Service");
    EXPECT_EQ(classJson["superClass"], "CIM_EnabledLogicalElement");

    const auto subclasses = jsonOf("classes builtin:reference CIM_EnabledLogicalElement --deep");
    EXPECT_THAT(subclasses.get<std::vector<std::string>>(), ::testing::Contains("WMIMock_Service"));
    const auto direct = jsonOf("classes builtin:reference CIM_EnabledLogicalElement");
    EXPECT_THAT(direct.get<std::vector<std::string>>(), ::testing::Not(::testing::Contains("WMIMock_Service")));
}

TEST(CliWbem, RefusalsAreExit1AndBadArgumentsExit2) {
    const CommandResult missing = runWmimock("get builtin:win32 'Win32_Service.Name=\"NoSuch\"'");
    EXPECT_EQ(missing.exitCode, 1) << missing.output;
    EXPECT_THAT(missing.output, HasSubstr("CIM_ERR_NOT_FOUND"));
    const CommandResult unreachable = runWmimock("names http://127.0.0.1:1/root/cimv2 CIM_Service");
    EXPECT_EQ(unreachable.exitCode, 1) << unreachable.output;
    EXPECT_THAT(unreachable.output, HasSubstr("cannot connect"));

    const services::BuiltinEnvironment win32 = services::makeBuiltin("win32");
    const std::string path = shellQuote(pathsIn(win32, "Win32_Service").front());
    for (const std::string& arguments :
         {"invoke builtin:win32 " + path + " StopService Bogus=1", "invoke builtin:win32 " + path + " StopService x",
          std::string("get nope:x 'A.B=\"c\"'"),
          std::string("names builtin:win32 Win32_Service --ca-cert /etc/hostname")}) {
        const CommandResult bad = runWmimock(arguments);
        EXPECT_EQ(bad.exitCode, 2) << arguments << "\n" << bad.output;
    }
}

// State lives in the served target: an invoke changes what the next get reads, over both
// protocols.
TEST(CliWbem, InvokeChangesWhatGetReadsOnAServedTarget) {
    const ScratchDir dir("cli-wbem-serve");
    ServeProcess serve(dir, "builtin:reference", std::chrono::seconds(60));
    ASSERT_FALSE(serve.url().empty()) << serve.output();
    const std::string origin = serve.url().substr(0, serve.url().find('/', std::string("http://").size()));
    const services::BuiltinInfo* reference = services::findBuiltin("reference");
    std::vector<std::string> paths;
    for (const auto& enabled :
         jsonOf("query " + serve.url() + " 'SELECT * FROM " + reference->className + " WHERE EnabledState = 2'")) {
        paths.push_back(enabled["path"]);
    }
    ASSERT_GE(paths.size(), 2U) << "two enabled services are needed";
    const std::vector<std::pair<std::string, std::string>> targets = {
        {serve.url(), paths[0]}, {origin + "/wsman --namespace " + reference->nameSpace, paths[1]}};
    for (const auto& [target, path] : targets) {
        SCOPED_TRACE(target);
        const nlohmann::json result = jsonOf("invoke " + target + " " + shellQuote(path) + " StopService");
        EXPECT_EQ(result["ReturnValue"], 0) << result.dump();
        const nlohmann::json after = jsonOf("get " + target + " " + shellQuote(path));
        EXPECT_EQ(after["properties"]["EnabledState"], 3) << after.dump();
        EXPECT_EQ(after["properties"]["Started"], false) << after.dump();
    }
    EXPECT_EQ(serve.stop(), 0) << serve.output();
}

}  // namespace
}  // namespace wmimock::test
