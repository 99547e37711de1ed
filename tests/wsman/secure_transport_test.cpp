// The transports both clients share (wmimock::http) against the server's TLS and NTLM:
// certificates trusted, untrusted or not checked; NTLM with WinRM's sealed messages over
// plain HTTP, refused credentials, a server that offers no NTLM, a session the server closed.
// Certificates are made by the openssl command in a temporary folder.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "wmimock/cim/error.hpp"
#include "wmimock/cimxml/client.hpp"
#include "wsman_fixture.hpp"

namespace wmimock::wsman::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class SecureTransport : public WsmanTest {
protected:
    static void SetUpTestSuite() {
        directory_ = new fs::path(fs::temp_directory_path() / ("wmimock-tls-test-" + std::to_string(::getpid())));
        fs::create_directories(*directory_);
        std::ofstream(*directory_ / "users") << "WMIMOCK:alice:Correct-Horse\n";
        opensslWorks_ = makeCertificate("server", "/CN=localhost", "subjectAltName=DNS:localhost,IP:127.0.0.1") &&
                        makeCertificate("stranger", "/CN=elsewhere.example", "subjectAltName=DNS:elsewhere.example");
    }
    static void TearDownTestSuite() {
        fs::remove_all(*directory_);
        delete directory_;
    }
    void SetUp() override {
        if (!opensslWorks_) GTEST_SKIP() << "the openssl command is missing or failed: run scripts/setup.sh";
        WsmanTest::SetUp();
    }

    /// A self-signed certificate NAME.pem with its key NAME.key.
    static bool makeCertificate(const std::string& name, const std::string& subject, const std::string& names) {
        const std::string command = "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '" + subject +
                                    "' -addext '" + names + "' -keyout '" + file(name + ".key") + "' -out '" +
                                    file(name + ".pem") + "' >/dev/null 2>&1";
        return std::system(command.c_str()) == 0;
    }
    static std::string file(const std::string& name) { return (*directory_ / name).string(); }

    void startTls(const std::string& certificate = "server") {
        cimxml::ServerOptions options;
        options.tlsCertFile = file(certificate + ".pem");
        options.tlsKeyFile = file(certificate + ".key");
        start({}, options);
    }
    void startNtlm(cimxml::ServerOptions options = {}) {
        options.ntlmUserFile = file("users");
        start({}, options);
    }
    ClientOptions https(const std::string& host = "127.0.0.1") const {
        ClientOptions options = clientOptions();
        options.url = "https://" + host + ":" + std::to_string(server_->port()) + "/wsman";
        return options;
    }
    ClientOptions ntlm(const std::string& password = "Correct-Horse") const {
        ClientOptions options = clientOptions();
        options.transport.auth = http::AuthScheme::Ntlm;
        options.transport.user = "WMIMOCK\\alice";
        options.transport.password = password;
        return options;
    }
    /// The status and message of what `call` throws (Success when it does not).
    template <typename Call>
    static std::pair<CimStatus, std::string> outcome(Call call) {
        try {
            call();
        } catch (const CimError& e) {
            return {e.status(), e.what()};
        }
        return {CimStatus::Success, {}};
    }

    static fs::path* directory_;
    static bool opensslWorks_;
};

fs::path* SecureTransport::directory_ = nullptr;
bool SecureTransport::opensslWorks_ = false;

TEST_F(SecureTransport, AnUntrustedCertificateIsRefusedSayingWhatToDo) {
    startTls();
    WsmanClient client(https());
    const auto [status, message] = outcome([&] { client.getInstance(service("Alpha")); });
    EXPECT_EQ(status, CimStatus::Failed);
    EXPECT_THAT(message, HasSubstr("is not trusted"));
    EXPECT_THAT(message, HasSubstr("--ca-cert"));
    EXPECT_THAT(message, HasSubstr("--no-verify"));
    EXPECT_EQ(requests_, 0);
}

TEST_F(SecureTransport, BothProtocolsWorkWithTheCertificatesCaOrWithoutVerification) {
    startTls();
    const Instance expected = cimom_->getInstance(service("Alpha"));
    ClientOptions trusted = https();
    trusted.transport.tls.caCertFile = file("server.pem");
    EXPECT_EQ(WsmanClient(trusted).getInstance(service("Alpha")), expected);
    ClientOptions byName = https("localhost");
    byName.transport.tls.caCertFile = file("server.pem");
    EXPECT_EQ(WsmanClient(byName).getInstance(service("Alpha")), expected);
    ClientOptions unverified = https();
    unverified.transport.tls.verifyPeer = false;
    EXPECT_EQ(WsmanClient(unverified).getInstance(service("Alpha")), expected);

    cimxml::ClientOptions cimXml;
    cimXml.url = "https://127.0.0.1:" + std::to_string(server_->port()) + "/root/test";
    cimXml.transport.tls.caCertFile = file("server.pem");
    EXPECT_EQ(cimxml::CimXmlClient(cimXml).getInstance(service("Alpha")), expected);
}

TEST_F(SecureTransport, ACertificateForAnotherHostIsRefusedEvenWhenItsCaIsTrusted) {
    startTls("stranger");
    ClientOptions options = https();
    options.transport.tls.caCertFile = file("stranger.pem");
    const auto [status, message] = outcome([&] { WsmanClient(options).getInstance(service("Alpha")); });
    EXPECT_EQ(status, CimStatus::Failed);
    EXPECT_THAT(message, HasSubstr("is not trusted"));
}

TEST_F(SecureTransport, PlainHttpToATlsServerFailsAndTheServerGoesOn) {
    startTls();
    const auto [status, message] = outcome([&] { WsmanClient(clientOptions()).getInstance(service("Alpha")); });
    EXPECT_EQ(status, CimStatus::Failed);
    EXPECT_THAT(message, HasSubstr("127.0.0.1:"));
    ClientOptions unverified = https();
    unverified.transport.tls.verifyPeer = false;
    EXPECT_NO_THROW(WsmanClient(unverified).getInstance(service("Alpha")));
}

TEST_F(SecureTransport, NtlmSealsEveryMessageOverPlainHttp) {
    startNtlm();
    WsmanClient client(ntlm());
    EXPECT_EQ(client.getInstance(service("Alpha")), cimom_->getInstance(service("Alpha")));
    EXPECT_EQ(client.invokeMethod(service("Alpha"), "StopService").returnValue, Value::uint32(0));
    EXPECT_EQ(cimom_->getInstance(service("Alpha")).get("Started"), Value::boolean(false));
    EXPECT_EQ(client.enumerateInstances("root/test", "Test_Service").size(), 2U);
    // A fault comes back sealed too (the client refuses an unsealed answer on a sealed session).
    EXPECT_EQ(outcome([&] { client.getInstance(service("NoSuch")); }).first, CimStatus::NotFound);

    // The server refuses what is not sealed (WinRM's AllowUnencrypted=false), so the
    // client's success above was sealed; unsealed works only where the server allows it.
    ClientOptions unsealed = ntlm();
    unsealed.transport.sealOverHttp = false;
    const auto [status, message] = outcome([&] { WsmanClient(unsealed).getInstance(service("Alpha")); });
    EXPECT_EQ(status, CimStatus::Failed);
    EXPECT_THAT(message, HasSubstr("HTTP 400"));
    cimxml::ServerOptions allowing;
    allowing.allowUnencrypted = true;
    startNtlm(allowing);
    unsealed = ntlm();  // the restarted server's port
    unsealed.transport.sealOverHttp = false;
    EXPECT_NO_THROW(WsmanClient(unsealed).getInstance(service("Alpha")));
}

TEST_F(SecureTransport, NtlmAuthenticatesCimXmlToo) {
    startNtlm();
    cimxml::ClientOptions options;
    options.url = "http://127.0.0.1:" + std::to_string(server_->port()) + "/root/test";
    options.transport.auth = http::AuthScheme::Ntlm;
    options.transport.user = "WMIMOCK\\alice";
    options.transport.password = "Correct-Horse";
    EXPECT_EQ(cimxml::CimXmlClient(options).getInstance(service("Alpha")), cimom_->getInstance(service("Alpha")));
    options.transport.password = "wrong";
    EXPECT_EQ(outcome([&] { cimxml::CimXmlClient(options).getInstance(service("Alpha")); }).first,
              CimStatus::AccessDenied);
}

TEST_F(SecureTransport, RefusedNtlmCredentialsAreAccessDenied) {
    startNtlm();
    const auto [status, message] = outcome([&] { WsmanClient(ntlm("wrong")).getInstance(service("Alpha")); });
    EXPECT_EQ(status, CimStatus::AccessDenied);
    EXPECT_THAT(message, HasSubstr("refused the NTLM credentials of 'WMIMOCK\\alice'"));
    ClientOptions anonymous = clientOptions();
    EXPECT_EQ(outcome([&] { WsmanClient(anonymous).getInstance(service("Alpha")); }).first, CimStatus::AccessDenied);
    EXPECT_EQ(requests_, 0);
}

TEST_F(SecureTransport, NtlmToAServerThatOffersOnlyBasicSaysWhatItOffers) {
    cimxml::ServerOptions basicOnly;
    basicOnly.user = "alice";
    basicOnly.password = "Correct-Horse";
    start({}, basicOnly);
    const auto [status, message] = outcome([&] { WsmanClient(ntlm()).getInstance(service("Alpha")); });
    EXPECT_EQ(status, CimStatus::AccessDenied);
    EXPECT_THAT(message, HasSubstr("does not offer NTLM"));
    EXPECT_THAT(message, HasSubstr("Basic"));
}

TEST_F(SecureTransport, AServerWithBothSchemesTakesEither) {
    cimxml::ServerOptions both;
    both.user = "bob";
    both.password = "Basic-Pass";
    startNtlm(both);
    ClientOptions basic = clientOptions();
    basic.transport.user = "bob";
    basic.transport.password = "Basic-Pass";
    EXPECT_NO_THROW(WsmanClient(basic).getInstance(service("Alpha")));
    EXPECT_NO_THROW(WsmanClient(ntlm()).getInstance(service("Alpha")));
}

TEST_F(SecureTransport, AnNtlmSessionTheServerClosedIsAuthenticatedAgain) {
    cimxml::ServerOptions shortIdle;
    shortIdle.idleTimeout = std::chrono::milliseconds(200);
    startNtlm(shortIdle);
    WsmanClient client(ntlm());
    EXPECT_NO_THROW(client.getInstance(service("Alpha")));
    std::this_thread::sleep_for(std::chrono::milliseconds(600));  // the server closes the idle connection
    // The sealed request arrives on a new, unauthenticated connection: the server answers 401
    // and the client authenticates again, once, and resends.
    EXPECT_NO_THROW(client.getInstance(service("Beta & <Gamma>")));
}

}  // namespace
}  // namespace wmimock::wsman::testing
