// `wmimock serve`: a built-in target answers a CIM-XML client, its simulated time follows
// real time (an asynchronous job served over HTTP finishes), and SIGTERM stops it cleanly.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <thread>

#include "cli_test_support.hpp"
#include "serve_process.hpp"
#include "wmimock/cimxml/client.hpp"
#include "wmimock/services/builtin.hpp"
#include "wmimock/wsman/client.hpp"

namespace wmimock::test {
namespace {

cimxml::CimXmlClient clientFor(const std::string& url) {
    cimxml::ClientOptions options;
    options.url = url;
    return cimxml::CimXmlClient(options);
}

std::uint64_t numberProperty(const Instance& instance, std::string_view name) {
    const Value* value = instance.find(name);
    return value != nullptr && !value->isNull() ? value->asUint64() : ~std::uint64_t{0};
}

TEST(CliServe, ServesABuiltinTargetOverCimXmlUntilSigterm) {
    const ScratchDir dir("cli-serve");
    ServeProcess serve(dir, "builtin:reference", std::chrono::seconds(60));
    ASSERT_FALSE(serve.url().empty()) << serve.output();
    {
        const services::BuiltinInfo* reference = services::findBuiltin("reference");
        ASSERT_NE(reference, nullptr);
        auto client = clientFor(serve.url());
        const auto names = client.enumerateInstanceNames(reference->nameSpace, reference->className);
        EXPECT_FALSE(names.empty()) << "no " << reference->className << " instance served at " << serve.url();
        client.getInstance(names.front());
    }
    EXPECT_EQ(serve.stop(), 0) << serve.output();
    // The request log, on by default: time, client, operation, object, status, duration.
    const std::regex logged(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3} info cimxml 127\.0\.0\.1:\d+ /cimom )"
                            R"(GetInstance root/cimv2:WMIMock_Service\.[^ ]*Name="[^"]+"[^ ]* -> 200 \([0-9.]+ ms\))");
    EXPECT_TRUE(std::regex_search(serve.output(), logged)) << serve.output();
}

// --log-level debug shows the fake CIMOM's operation trace and each client request.
TEST(CliServe, DebugLoggingShowsOperationsAndRequests) {
    const CommandResult local = runWmimock("conform --filter SS-001 --isolation in-process --quiet --log-level debug");
    EXPECT_EQ(local.exitCode, 0) << local.output;
    EXPECT_TRUE(std::regex_search(local.output, std::regex(R"(debug cimom: InvokeMethod ns=root/cimv2 .*StopService)")))
        << local.output;
    const ScratchDir dir("cli-serve-debug");
    ServeProcess serve(dir, "builtin:reference", std::chrono::seconds(60));
    ASSERT_FALSE(serve.url().empty()) << serve.output();
    const CommandResult remote = runWmimock("names " + serve.url() + " WMIMock_Service --log-level debug");
    EXPECT_EQ(remote.exitCode, 0) << remote.output;
    EXPECT_TRUE(std::regex_search(
        // serve has pull operations, so the names arrive through OpenEnumerateInstancePaths
        remote.output,
        std::regex(R"(debug cimxml client 127\.0\.0\.1:\d+ OpenEnumerateInstancePaths root/cimv2 -> ok)")))
        << remote.output;
    EXPECT_EQ(serve.stop(), 0) << serve.output();
}

/// The WS-Management URL `serve` announced for the first target, or "".
std::string wsmanUrl(const std::string& output) {
    std::smatch match;
    const std::regex announced(R"(and (http://127\.0\.0\.1:[0-9]+/wsman) \(WS-Management\))");
    return std::regex_search(output, match, announced) ? match[1].str() : std::string();
}

TEST(CliServe, ServesWsmanOnTheSamePortOrItsOwn) {
    const ScratchDir dir("cli-serve-wsman");
    for (const bool ownPort : {false, true}) {
        std::vector<std::string> args;
        if (ownPort) args = {"--wsman-listen", "127.0.0.1:0"};
        ServeProcess serve(dir, "builtin:reference", std::chrono::seconds(60), args);
        ASSERT_FALSE(serve.url().empty()) << serve.output();
        const std::string url = wsmanUrl(serve.output());
        ASSERT_FALSE(url.empty()) << serve.output();
        const std::string cimxmlPort = serve.url().substr(0, serve.url().find('/', std::string("http://").size()));
        EXPECT_EQ(url.rfind(cimxmlPort, 0) == 0, !ownPort) << url << " vs " << serve.url();
        wsman::ClientOptions options;
        options.url = url;
        const services::BuiltinInfo* reference = services::findBuiltin("reference");
        const auto names =
            wsman::WsmanClient(options).enumerateInstanceNames(reference->nameSpace, reference->className);
        EXPECT_FALSE(names.empty()) << "nothing served at " << url;
        EXPECT_EQ(serve.stop(), 0) << serve.output();
    }
}

// Simulations run on a ManualClock: `serve` must advance it in real time, or the job a
// remote client waits for would never finish. The default hyperv transition takes 500 ms.
TEST(CliServe, ServedJobsFinishInRealTime) {
    const ScratchDir dir("cli-serve-job");
    ServeProcess serve(dir, "builtin:hyperv", std::chrono::seconds(60));
    ASSERT_FALSE(serve.url().empty()) << serve.output();
    const services::BuiltinInfo* hyperv = services::findBuiltin("hyperv");
    ASSERT_NE(hyperv, nullptr);
    auto client = clientFor(serve.url());
    const auto services = client.enumerateInstanceNames(hyperv->nameSpace, hyperv->className);
    ASSERT_FALSE(services.empty()) << serve.output();
    const ObjectPath& service = services.front();

    const MethodResult result =
        client.invokeMethod(service, "RequestStateChange", {{"RequestedState", Value::uint16(3)}});
    ASSERT_EQ(result.returnValue.asUint64(), 4096u) << "hyperv answers RequestStateChange with a job";
    const Value* job = result.out("Job");
    ASSERT_TRUE(job != nullptr && !job->isNull()) << "no Job reference";
    const ObjectPath jobPath = job->asReference();

    // A bounded real-time wait: the server's clock is the only thing that can finish the job.
    std::uint64_t jobState = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
        jobState = numberProperty(client.getInstance(jobPath), "JobState");
        if (jobState != 2 && jobState != 4) break;  // neither New nor Running
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_EQ(jobState, 7u) << "the job did not complete (7) within 10 s";
    EXPECT_EQ(numberProperty(client.getInstance(service), "EnabledState"), 3u) << "the service is not Disabled";
    EXPECT_EQ(serve.stop(), 0) << serve.output();
}

TEST(CliServe, RefusesTargetsItCannotServe) {
    EXPECT_EQ(runWmimock("serve --target http://127.0.0.1:1/root/cimv2").exitCode, 2);
    EXPECT_EQ(runWmimock("serve --listen 127.0.0.1:notaport").exitCode, 2);
}

// What a WinRM or CIMOM test machine looks like: HTTPS with a self-signed certificate, NTLM.
// conform reaches it with --ca-cert (or --no-verify) and --auth ntlm, over both protocols,
// and says what to do when the certificate is not trusted.
TEST(CliServe, ServesHttpsAndNtlmThatConformReaches) {
    const ScratchDir dir("cli-serve-tls");
    const std::string cert = (dir / "cert.pem").string(), key = (dir / "key.pem").string();
    const std::string users = (dir / "users.txt").string();
    const CommandResult made = runShell(
        "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost "
        "-addext subjectAltName=IP:127.0.0.1 -keyout " +
        shellQuote(key) + " -out " + shellQuote(cert) + " 2>&1");
    if (made.exitCode != 0) GTEST_SKIP() << "the openssl command failed (run scripts/setup.sh): " << made.output;
    writeFile(users, "WMIMOCK:alice:Correct-Horse\n");
    ServeProcess serve(dir, "builtin:reference", std::chrono::seconds(60),
                       {"--tls-cert", cert, "--tls-key", key, "--ntlm-users", users});
    ASSERT_EQ(serve.url().rfind("https://127.0.0.1:", 0), 0U) << serve.output();
    const std::string origin = serve.url().substr(0, serve.url().find('/', std::string("https://").size()));
    const std::string ntlm = " --auth ntlm --user 'WMIMOCK\\alice' --password Correct-Horse --filter SS-001";

    for (const std::string& target : {origin + "/wsman", serve.url()}) {
        const CommandResult trusted =
            runWmimock("conform --target " + target + ntlm + " --ca-cert " + shellQuote(cert));
        EXPECT_EQ(trusted.exitCode, 0) << trusted.output;
        EXPECT_THAT(trusted.output, ::testing::HasSubstr("0 failed")) << trusted.output;
    }
    const CommandResult untrusted = runWmimock("conform --target " + origin + "/wsman" + ntlm);
    EXPECT_EQ(untrusted.exitCode, 1) << untrusted.output;
    EXPECT_THAT(untrusted.output, ::testing::HasSubstr("is not trusted")) << untrusted.output;
    EXPECT_THAT(untrusted.output, ::testing::HasSubstr("--ca-cert")) << untrusted.output;
    const CommandResult refused = runWmimock("conform --target " + origin +
                                             "/wsman --no-verify --auth ntlm --user 'WMIMOCK\\alice' "
                                             "--password wrong --filter SS-001");
    EXPECT_EQ(refused.exitCode, 1) << refused.output;
    EXPECT_THAT(refused.output, ::testing::HasSubstr("refused the NTLM credentials")) << refused.output;
    EXPECT_EQ(serve.stop(), 0) << serve.output();
}

TEST(CliServe, TlsAndNtlmOptionsAreChecked) {
    const ScratchDir dir("cli-serve-tls-options");
    const std::string cert = (dir / "cert.pem").string();
    writeFile(cert, "not a certificate\n");
    EXPECT_EQ(runWmimock("serve --listen 127.0.0.1:0 --tls-cert " + shellQuote(cert)).exitCode, 2);
    const CommandResult bad =
        runWmimock("serve --listen 127.0.0.1:0 --tls-cert " + shellQuote(cert) + " --tls-key " + shellQuote(cert));
    EXPECT_EQ(bad.exitCode, 2) << bad.output;
    EXPECT_THAT(bad.output, ::testing::HasSubstr("cannot use the certificate")) << bad.output;
    EXPECT_EQ(runWmimock("serve --ntlm-users " + shellQuote((dir / "missing").string())).exitCode, 2);
}

}  // namespace
}  // namespace wmimock::test
