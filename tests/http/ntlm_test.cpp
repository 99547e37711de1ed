// NTLM through gss-ntlmssp with both sides in this process, and WinRM's sealed bodies on top.
// gss-ntlmssp reads a server's users from NTLM_USER_FILE, once per process: every test here
// shares one user file.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "wmimock/http/ntlm.hpp"
#include "wmimock/http/session_encryption.hpp"

namespace wmimock::http {
namespace {

namespace fs = std::filesystem;

class Ntlm : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        directory_ = new fs::path(fs::temp_directory_path() / ("wmimock-http-test-" + std::to_string(::getpid())));
        fs::create_directories(*directory_);
        std::ofstream(*directory_ / "users") << "WMIMOCK:alice:Correct-Horse\n";
    }
    static void TearDownTestSuite() {
        fs::remove_all(*directory_);
        delete directory_;
    }
    static std::string userFile() { return (*directory_ / "users").string(); }

    /// Runs the three-message exchange; throws what the acceptor throws.
    static void authenticate(NtlmInitiator& client, NtlmAcceptor& server) {
        const std::string negotiate = client.step({});
        const std::string challenge = server.step(negotiate);
        EXPECT_FALSE(server.established());
        EXPECT_FALSE(challenge.empty());
        const std::string authenticateMessage = client.step(challenge);
        EXPECT_TRUE(server.step(authenticateMessage).empty());
    }

    static fs::path* directory_;
};

fs::path* Ntlm::directory_ = nullptr;

TEST_F(Ntlm, TheExchangeAuthenticatesAndBothSidesSealWhatTheOtherOpens) {
    NtlmInitiator client("WMIMOCK\\alice", "Correct-Horse", "localhost");
    NtlmAcceptor server(userFile());
    authenticate(client, server);
    ASSERT_TRUE(client.established());
    ASSERT_TRUE(server.established());
    EXPECT_NE(server.userName().find("alice"), std::string::npos) << server.userName();
    for (const std::string& message : {std::string("<s:Envelope/>"), std::string(70000, 'x'), std::string("1")}) {
        const std::string sealed = client.wrap(message);
        EXPECT_EQ(sealed.size(), message.size() + 16);  // the signature, then as many bytes (RC4)
        // The payload after the signature is the message encrypted. A one-byte message is
        // its own ciphertext once in 256 runs, and a short one may occur by chance among
        // random bytes: only a message of 8 bytes or more is asserted changed.
        if (message.size() >= 8) {
            EXPECT_NE(sealed.substr(16), message) << "not encrypted";
        }
        EXPECT_EQ(server.unwrap(sealed), message);
        EXPECT_EQ(client.unwrap(server.wrap(message + "!")), message + "!");
    }
    EXPECT_THROW(client.wrap(""), NtlmError);  // NTLM has no empty sealed message
}

TEST_F(Ntlm, AWrongPasswordOrAnUnknownUserIsRefused) {
    for (const auto& [user, password] : {std::pair{"WMIMOCK\\alice", "wrong"}, std::pair{"WMIMOCK\\mallory", "x"},
                                         std::pair{"ELSEWHERE\\alice", "Correct-Horse"}}) {
        NtlmInitiator client(user, password, "localhost");
        NtlmAcceptor server(userFile());
        const std::string challenge = server.step(client.step({}));
        const std::string answer = client.step(challenge);
        EXPECT_THROW(server.step(answer), NtlmError) << user;
        EXPECT_FALSE(server.established()) << user;
    }
}

TEST_F(Ntlm, ATokenThatIsNotNtlmIsRefused) {
    NtlmAcceptor server(userFile());
    EXPECT_THROW(server.step("not an NTLM message"), NtlmError);
}

TEST_F(Ntlm, ATamperedOrReplayedMessageIsRefused) {
    NtlmInitiator client("WMIMOCK\\alice", "Correct-Horse", "localhost");
    NtlmAcceptor server(userFile());
    authenticate(client, server);
    std::string sealed = client.wrap("<s:Envelope>stop</s:Envelope>");
    std::string tampered = sealed;
    tampered[20] = static_cast<char>(tampered[20] ^ 1);
    EXPECT_THROW(server.unwrap(tampered), NtlmError);

    NtlmInitiator client2("WMIMOCK\\alice", "Correct-Horse", "localhost");
    NtlmAcceptor server2(userFile());
    authenticate(client2, server2);
    const std::string first = client2.wrap("one");
    EXPECT_EQ(server2.unwrap(first), "one");
    EXPECT_THROW(server2.unwrap(first), NtlmError) << "a replayed message was opened";
}

TEST_F(Ntlm, SealingBeforeTheExchangeIsAnError) {
    NtlmInitiator client("WMIMOCK\\alice", "Correct-Horse", "localhost");
    EXPECT_THROW(client.wrap("x"), NtlmError);
    EXPECT_THROW(client.unwrap("x"), NtlmError);
}

TEST_F(Ntlm, AProcessChecksUsersAgainstOneFile) {
    NtlmAcceptor first(userFile());
    try {
        NtlmAcceptor second(userFile() + ".other");
        ADD_FAILURE() << "a second user file was taken";
    } catch (const NtlmError& e) {
        EXPECT_NE(std::string(e.what()).find("NTLM_USER_FILE"), std::string::npos) << e.what();
    }
}

TEST_F(Ntlm, ASealedBodyIsWinRmsMultipartAndOpensToThePlainMessage) {
    NtlmInitiator client("WMIMOCK\\alice", "Correct-Horse", "localhost");
    NtlmAcceptor server(userFile());
    authenticate(client, server);
    const std::string envelope = "<s:Envelope><s:Body>Identify</s:Body></s:Envelope>";
    const std::string body = sealBody(client, envelope);
    EXPECT_EQ(body.rfind("--Encrypted Boundary\r\n\tContent-Type: application/HTTP-SPNEGO-session-encrypted\r\n"
                         "\tOriginalContent: type=application/soap+xml;charset=UTF-8;Length=" +
                             std::to_string(envelope.size()) +
                             "\r\n--Encrypted Boundary\r\n\tContent-Type: application/octet-stream\r\n"
                             "\x10\x00\x00\x00",  // the signature's length, 16, little-endian
                         0),
              0U);
    EXPECT_EQ(body.substr(body.size() - 24), "--Encrypted Boundary--\r\n");
    EXPECT_EQ(openBody(server, body), envelope);
    EXPECT_TRUE(isSealedContentType(std::string(kSealedContentType)));
    EXPECT_FALSE(isSealedContentType("application/soap+xml;charset=UTF-8"));
}

TEST_F(Ntlm, AMalformedSealedBodyIsRefusedSayingWhy) {
    NtlmInitiator client("WMIMOCK\\alice", "Correct-Horse", "localhost");
    NtlmAcceptor server(userFile());
    authenticate(client, server);
    const std::string good = sealBody(client, "<x/>");
    const std::size_t octets = good.find("octet-stream\r\n") + 14;
    std::string wrongSignatureSize = good;
    wrongSignatureSize[octets] = 8;
    std::string longerLength = good;
    longerLength.replace(longerLength.find("Length=4"), 8, "Length=5");
    const std::pair<std::string, std::string> cases[] = {
        {"", "does not start with the boundary"},
        {"--Encrypted Boundary\r\n\tContent-Type: x\r\n", "one part"},
        {std::string(good).replace(good.find("Length=4"), 8, "Size=4.."), "no Length"},
        {wrongSignatureSize, "not 16"},
        {good.substr(0, octets + 10), "shorter than its Length"},
        {longerLength, "closing boundary"},
        {good + "trailing", "closing boundary"},
    };
    for (const auto& [body, why] : cases) {
        try {
            openBody(server, body);
            ADD_FAILURE() << "opened: " << why;
        } catch (const std::invalid_argument& e) {
            EXPECT_NE(std::string(e.what()).find(why), std::string::npos) << e.what();
        }
    }
}

}  // namespace
}  // namespace wmimock::http
