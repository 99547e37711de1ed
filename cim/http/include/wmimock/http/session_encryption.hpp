// WinRM's sealed message bodies over plain HTTP (MS-WSMV 2.2.9.1.1, "Negotiate"): once NTLM
// has authenticated the connection, each SOAP envelope travels encrypted as
//
//   --Encrypted Boundary\r\n
//   \tContent-Type: application/HTTP-SPNEGO-session-encrypted\r\n
//   \tOriginalContent: type=application/soap+xml;charset=UTF-8;Length=<plain length>\r\n
//   --Encrypted Boundary\r\n
//   \tContent-Type: application/octet-stream\r\n
//   <signature length, 4 bytes little-endian><signature><sealed bytes>--Encrypted Boundary--\r\n
//
// under Content-Type: multipart/encrypted;protocol="application/HTTP-SPNEGO-session-encrypted";
// boundary="Encrypted Boundary".
#pragma once

#include <string>
#include <string_view>

#include "wmimock/http/ntlm.hpp"

namespace wmimock::http {

inline constexpr std::string_view kSealedContentType =
    "multipart/encrypted;protocol=\"application/HTTP-SPNEGO-session-encrypted\";boundary=\"Encrypted Boundary\"";

/// True when a Content-Type names the HTTP-SPNEGO-session-encrypted protocol.
bool isSealedContentType(std::string_view contentType);

/// The body that carries `plain` sealed with `context`.
std::string sealBody(NtlmContext& context, std::string_view plain,
                     std::string_view originalType = "application/soap+xml;charset=UTF-8");

/// The plain message of a sealed body. Throws std::invalid_argument saying what is malformed,
/// NtlmError when the signature does not verify or the length does not match.
std::string openBody(NtlmContext& context, std::string_view body);

}  // namespace wmimock::http
