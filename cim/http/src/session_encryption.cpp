#include "wmimock/http/session_encryption.hpp"

#include <charconv>
#include <cstdint>
#include <stdexcept>

#include "wmimock/cim/names.hpp"

namespace wmimock::http {
namespace {

constexpr std::string_view kBoundary = "--Encrypted Boundary\r\n";
constexpr std::string_view kClosing = "--Encrypted Boundary--\r\n";
constexpr std::string_view kProtocolPart = "\tContent-Type: application/HTTP-SPNEGO-session-encrypted\r\n";
constexpr std::string_view kOctetPart = "\tContent-Type: application/octet-stream\r\n";
constexpr std::size_t kSignatureSize = 16;  // MS-NLMP NTLMSSP_MESSAGE_SIGNATURE

std::invalid_argument malformed(const std::string& why) {
    return std::invalid_argument("sealed body: " + why);
}

}  // namespace

bool isSealedContentType(std::string_view contentType) {
    return toLower(contentType).find("application/http-spnego-session-encrypted") != std::string::npos;
}

std::string sealBody(NtlmContext& context, std::string_view plain, std::string_view originalType) {
    const std::string sealed = context.wrap(plain);  // signature, then the sealed bytes
    const auto signatureSize = static_cast<std::uint32_t>(std::min(sealed.size(), kSignatureSize));
    std::string body;
    body.reserve(sealed.size() + 256);
    body.append(kBoundary).append(kProtocolPart);
    body.append("\tOriginalContent: type=").append(originalType).append(";Length=");
    body.append(std::to_string(plain.size())).append("\r\n");
    body.append(kBoundary).append(kOctetPart);
    for (int shift = 0; shift < 32; shift += 8) body += static_cast<char>((signatureSize >> shift) & 0xFF);
    body.append(sealed).append(kClosing);
    return body;
}

std::string openBody(NtlmContext& context, std::string_view body) {
    if (body.substr(0, kBoundary.size()) != kBoundary) throw malformed("does not start with the boundary");
    std::string_view rest = body.substr(kBoundary.size());
    const std::size_t second = rest.find(kBoundary);
    if (second == std::string_view::npos) throw malformed("has one part, not two");
    const std::string_view header = rest.substr(0, second);
    const std::size_t lengthAt = header.find("Length=");
    if (lengthAt == std::string_view::npos) throw malformed("its OriginalContent has no Length");
    std::size_t length = 0;
    const char* digits = header.data() + lengthAt + 7;
    const auto [end, error] = std::from_chars(digits, header.data() + header.size(), length);
    if (error != std::errc{} || end == digits) throw malformed("its Length is not a number");
    rest.remove_prefix(second + kBoundary.size());
    if (rest.substr(0, kOctetPart.size()) != kOctetPart)
        throw malformed("the second part is not application/octet-stream");
    rest.remove_prefix(kOctetPart.size());
    if (rest.size() < 4) throw malformed("the encrypted part is truncated");
    std::uint32_t signatureSize = 0;
    for (int i = 0; i < 4; ++i)
        signatureSize |= static_cast<std::uint32_t>(static_cast<unsigned char>(rest[i])) << (8 * i);
    rest.remove_prefix(4);
    if (signatureSize != kSignatureSize)
        throw malformed("the signature is " + std::to_string(signatureSize) + " bytes, not 16");
    // NTLM seals with RC4, a stream cipher: the sealed bytes are as long as the plain ones.
    if (rest.size() < signatureSize + length) throw malformed("shorter than its Length says");
    const std::string_view sealed = rest.substr(0, signatureSize + length);
    const std::string_view trailer = rest.substr(sealed.size());
    if (trailer != kClosing && trailer != kClosing.substr(0, kClosing.size() - 2)) {
        throw malformed("does not end with the closing boundary after Length bytes");
    }
    std::string plain = context.unwrap(sealed);
    if (plain.size() != length) throw NtlmError("sealed body: the message is not as long as its Length says");
    return plain;
}

}  // namespace wmimock::http
