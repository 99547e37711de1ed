// libFuzzer target for wmimock::http's readers of outside input. The first byte chooses the
// reader; the rest is its input.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "wmimock/http/basic_auth.hpp"
#include "wmimock/http/endpoint.hpp"
#include "wmimock/http/ntlm.hpp"
#include "wmimock/http/session_encryption.hpp"

namespace {

using namespace wmimock::http;

/// A server-side NTLM session, authenticated once per process, to open sealed bodies with.
NtlmAcceptor* session() {
    static std::unique_ptr<NtlmAcceptor> acceptor = [] {
        const auto users =
            std::filesystem::temp_directory_path() / ("wmimock-fuzz-users-" + std::to_string(::getpid()));
        std::ofstream(users) << "FUZZ:user:password\n";
        auto server = std::make_unique<NtlmAcceptor>(users.string());
        NtlmInitiator client("FUZZ\\user", "password", "localhost");
        const std::string challenge = server->step(client.step({}));
        server->step(client.step(challenge));
        std::filesystem::remove(users);
        if (!server->established()) std::abort();
        return server;
    }();
    return acceptor.get();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
    try {
        switch (data[0] % 3) {
            case 0:
                openBody(*session(), input);
                break;
            case 1: {
                std::string bytes;
                if (base64Decode(input, bytes) && base64Encode(bytes).size() < bytes.size()) std::abort();
                basicCredentialsMatch(input, "user", "password");
                break;
            }
            default:
                parseEndpoint(input, 5985, 5986);
                break;
        }
    } catch (const std::invalid_argument&) {
    } catch (const NtlmError&) {
    }
    return 0;
}
