// What CI relies on from `wmimock conform`: where reports may go (standard output, pipes,
// devices, regular files), what a write error or a closed pipe does, and that a target that
// cannot be opened still leaves a report that says why.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "cli_test_support.hpp"

namespace wmimock::test {
namespace {

using ::testing::HasSubstr;

bool isSymlink(const std::filesystem::path& p) {
    struct stat st {};
    return ::lstat(p.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

TEST(CliRunContract, ADashWritesTheReportToStandardOutputAndTheConsoleToStderr) {
    const auto r = runWmimockStdout("conform --junit - --quiet");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(r.output.c_str())) << "stdout is not the JUnit report:\n" << r.output.substr(0, 400);
    EXPECT_STREQ(doc.child("testsuites").attribute("tests").value(), "232");
    const auto json = runWmimockStdout("conform --json - --quiet");
    EXPECT_EQ(nlohmann::json::parse(json.output).at("summary").at("planned"), 232);
}

// A fifo (like a device) is written through, never replaced by a regular file.
TEST(CliRunContract, AFifoIsWrittenThroughAndStaysAFifo) {
    const ScratchDir dir("cli-fifo");
    const auto fifo = dir / "report.fifo";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const auto r = runShell("cat " + shellQuote(fifo.string()) + " > " + shellQuote((dir / "read.xml").string()) +
                            " & NO_COLOR=1 " + shellQuote(WMIMOCK_CLI) + " conform --quiet --junit " +
                            shellQuote(fifo.string()) + "; wait");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    struct stat st {};
    ASSERT_EQ(::stat(fifo.c_str(), &st), 0);
    EXPECT_TRUE(S_ISFIFO(st.st_mode)) << "the fifo was replaced";
    EXPECT_THAT(readFile(dir / "read.xml"), HasSubstr("<testsuites"));
}

// A symlink to /dev/full in our own folder: a regression that renamed over the path would
// replace the link, never the device.
TEST(CliRunContract, AWriteErrorExits3AfterPrintingTheTotals) {
    if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full on this machine";
    const ScratchDir dir("cli-full");
    const auto link = dir / "full.json";
    std::filesystem::create_symlink("/dev/full", link);
    const auto r = runWmimock("conform --quiet --json " + shellQuote(link.string()));
    EXPECT_EQ(r.exitCode, 3) << r.output;
    EXPECT_THAT(r.output, HasSubstr("No space left on device"));
    EXPECT_THAT(r.output, HasSubstr("232 of 232 planned checks"));
    EXPECT_TRUE(isSymlink(link)) << "the link was replaced by a file";
}

TEST(CliRunContract, AClosedStandardOutputEndsQuietlyLikeSigpipe) {
    // /bin/sh has no PIPESTATUS: the left side of the pipe writes its own status to a file.
    // Four targets print more than a pipe buffer (64 KiB), so the writer meets the closed
    // pipe whatever the timing.
    const ScratchDir dir("cli-sigpipe");
    const auto status = dir / "status";
    const auto r =
        runShell("( NO_COLOR=1 " + shellQuote(WMIMOCK_CLI) + " conform 2>" + shellQuote((dir / "stderr").string()) +
                 "; echo $? > " + shellQuote(status.string()) + " ) | head -2 > /dev/null");
    EXPECT_EQ(readFile(status), "141\n") << r.output;
    EXPECT_THAT(readFile(dir / "stderr"), ::testing::Not(HasSubstr("error")));
}

// The reports are written whatever happens to the target: a CI step that publishes them
// must find them and see why the target failed.
TEST(CliRunContract, ATargetThatCannotBeOpenedIsOneErrorInEveryReport) {
    const ScratchDir dir("cli-unreachable");
    const auto junit = dir / "junit.xml";
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const auto r = runWmimock("conform --quiet --target http://127.0.0.1:1/root/cimv2 --junit " +
                              shellQuote(junit.string()) + " --json " + shellQuote((dir / "r.json").string()));
    EXPECT_EQ(r.exitCode, 1) << r.output;
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_file(junit.c_str()));
    const auto suites = doc.child("testsuites");
    EXPECT_STREQ(suites.attribute("tests").value(), "1");
    EXPECT_STREQ(suites.attribute("errors").value(), "1");
    const auto json = nlohmann::json::parse(readFile(dir / "r.json"));
    ASSERT_EQ(json.at("results").size(), 1U);
    EXPECT_EQ(json.at("results")[0].at("outcome"), "error");
    EXPECT_THAT(json.at("results")[0].at("message").get<std::string>(), HasSubstr("127.0.0.1"));
}

TEST(CliRunContract, AFilterThatSelectsNothingIsBadUsage) {
    for (const char* filter : {"SS001", "'-*'", "'RSC-00[78'"}) {
        const auto r = runWmimock(std::string("conform --filter ") + filter);
        EXPECT_EQ(r.exitCode, 2) << filter << ": " << r.output;
    }
    EXPECT_THAT(runWmimock("conform --filter SS001").output, HasSubstr("matched no checks"));
    const auto excluded = runWmimock("conform --filter 'SS-*' --exclude 'SS-*'");
    EXPECT_EQ(excluded.exitCode, 2) << excluded.output;
    const auto two = runWmimockStdout("conform --list --filter 'RSC-00[78]' --format json");
    EXPECT_EQ(two.exitCode, 0) << two.output;
    EXPECT_EQ(nlohmann::json::parse(two.output).size(), 2U * 4U) << "two rules on four instances";
}

// An empty shard of a non-empty plan is fine: more CI jobs than checks.
TEST(CliRunContract, AnEmptyShardSaysSoAndPasses) {
    const auto r = runWmimock("conform --filter SS-001 --target builtin:hyperv --shard 3/4");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_THAT(r.output, HasSubstr("shard 3/4 is empty"));
}

TEST(CliRunContract, NumericOptionsAreRefusedInWords) {
    for (const char* option :
         {"--timeout 0", "--timeout abc", "--poll-interval -1", "--settle-timeout 0", "--job-timeout 1e400"}) {
        const auto r = runWmimock(std::string("conform ") + option);
        EXPECT_EQ(r.exitCode, 2) << option << ": " << r.output;
        EXPECT_THAT(r.output, HasSubstr("is not a number of seconds greater than 0")) << option;
        EXPECT_LT(r.output.size(), 400U) << option << ": " << r.output;
    }
    EXPECT_EQ(runWmimock("conform --filter SS-001 --poll-interval 0.1 --settle-timeout 5 --job-timeout 5").exitCode, 0);
}

// A repeated -I takes one directory per occurrence and never the file names after it.
TEST(CliRunContract, RepeatedIncludeDirectoriesDoNotSwallowTheFiles) {
    const ScratchDir dir("cli-mof-include");
    std::filesystem::create_directories(dir / "schema");
    writeFile(dir / "broken.mof", "class Broken {\n  string Name\n};\n");
    writeFile(dir / "good.mof", "class Good { string Name; };\n");
    const auto r =
        runWmimock("mof check -I " + shellQuote((dir / "schema").string()) + " -I " + shellQuote(dir.path().string()) +
                   " " + shellQuote((dir / "broken.mof").string()) + " " + shellQuote((dir / "good.mof").string()));
    EXPECT_EQ(r.exitCode, 2) << r.output;
    EXPECT_THAT(r.output, HasSubstr("broken.mof:3:1: error"));
}

// A plugin's MOF builds on the CIM core the harness loads for it: --with-core checks it alone.
TEST(CliRunContract, MofCheckWithCoreChecksAPluginsMofAlone) {
    const ScratchDir dir("cli-mof-core");
    writeFile(dir / "plugin.mof",
              "// the plugin's class\nclass ExampleCo_Service : CIM_Service {\n  uint32 Reset();\n};\n");
    const std::string file = shellQuote((dir / "plugin.mof").string());
    const auto alone = runWmimock("mof check " + file);
    EXPECT_EQ(alone.exitCode, 2) << alone.output;
    EXPECT_THAT(alone.output, HasSubstr("plugin.mof:2:"));
    EXPECT_THAT(alone.output, HasSubstr("CIM_Service"));
    const auto withCore = runWmimock("mof check --with-core " + file);
    EXPECT_EQ(withCore.exitCode, 0) << withCore.output;
    EXPECT_THAT(withCore.output, HasSubstr("ok: 1 file, 1 class"));
    const auto elsewhere = runWmimock("mof check --with-core --namespace root/exampleco " + file);
    EXPECT_EQ(elsewhere.exitCode, 0) << elsewhere.output;
}

// Options that cannot apply to a kind of target are refused, naming it, never ignored.
TEST(CliRunContract, OptionsThatDoNotApplyToATargetKindAreRefused) {
    const auto sim = runWmimock("conform --target http://127.0.0.1:1/root/cimv2 --sim-option transition_ms=5");
    EXPECT_EQ(sim.exitCode, 2) << sim.output;
    EXPECT_THAT(sim.output, HasSubstr("--sim-option applies to builtin: targets only"));
    const ScratchDir dir("cli-mof-http");
    writeFile(dir / "extra.mof", "class Extra { string Name; };\n");
    const auto mof =
        runWmimock("conform --target http://127.0.0.1:1/root/cimv2 --mof " + shellQuote((dir / "extra.mof").string()));
    EXPECT_EQ(mof.exitCode, 2) << mof.output;
    EXPECT_THAT(mof.output, HasSubstr("http://127.0.0.1:1/root/cimv2"));
}

// Transport options (authentication, TLS) apply where they mean something, or are refused.
TEST(CliRunContract, TransportOptionsThatCannotApplyAreRefused) {
    const ScratchDir dir("cli-transport-options");
    writeFile(dir / "ca.pem", "a CA bundle\n");
    const std::string ca = shellQuote((dir / "ca.pem").string());
    const std::pair<std::string, std::string> refused[] = {
        {"--target builtin:reference --ca-cert " + ca, "apply to http(s) targets"},
        {"--target builtin:reference --user alice --password x", "apply to http(s) targets"},
        {"--target http://127.0.0.1:1/wsman --no-verify", "apply to https:// targets"},
        {"--target https://127.0.0.1:1/wsman --cert " + ca, "--cert needs --key"},
        {"--target https://127.0.0.1:1/wsman --ca-cert " + shellQuote((dir / "missing.pem").string()),
         "does not exist"},
        {"--target http://127.0.0.1:1/wsman --auth ntlm", "--auth ntlm needs --user"},
        {"--target http://127.0.0.1:1/wsman --user a --password b --no-seal", "--no-seal applies to --auth ntlm"},
        {"--target http://127.0.0.1:1/wsman --auth kerberos", "--auth"},
    };
    for (const auto& [arguments, why] : refused) {
        const auto r = runWmimock("conform " + arguments);
        EXPECT_EQ(r.exitCode, 2) << arguments << "\n" << r.output;
        EXPECT_THAT(r.output, HasSubstr(why)) << arguments;
    }
}

TEST(CliRunContract, TargetNameSetsTheJUnitSuiteName) {
    const auto r = runWmimockStdout("conform --filter SS-001 --junit - --quiet --target-name lab");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_THAT(r.output, HasSubstr("name=\"wmimock.conformance.lab.WMIMock_Service\""));
    EXPECT_EQ(runWmimock("conform --target builtin:reference --target builtin:win32 --target-name lab").exitCode, 2);
}

// Only a service can be stopped: another class is bad usage, named as such.
TEST(CliRunContract, AClassThatIsNoServiceIsBadUsage) {
    const auto r = runWmimock("conform --class WMIMock_ComputerSystem");
    EXPECT_EQ(r.exitCode, 2) << r.output;
    EXPECT_THAT(r.output, HasSubstr("is not a service"));
    EXPECT_EQ(runWmimock("conform --class CIM_Service --filter SS-001 --quiet").exitCode, 0);
}

TEST(CliRunContract, ABadLogLevelIsNamed) {
    const auto fromEnvironment = runShell("WMIMOCK_LOG_LEVEL=bogus " + shellQuote(WMIMOCK_CLI) + " targets");
    EXPECT_EQ(fromEnvironment.exitCode, 2);
    EXPECT_THAT(fromEnvironment.output, HasSubstr("WMIMOCK_LOG_LEVEL: unknown log level 'bogus'"));
    const auto fromOption = runWmimock("targets --log-level loud");
    EXPECT_EQ(fromOption.exitCode, 2);
    EXPECT_THAT(fromOption.output, HasSubstr("--log-level: unknown log level 'loud'"));
}

}  // namespace
}  // namespace wmimock::test
