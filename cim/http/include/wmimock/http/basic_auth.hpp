// Base64 (RFC 4648) and HTTP Basic credentials (RFC 7617) as a server checks them.
#pragma once

#include <string>
#include <string_view>

namespace wmimock::http {

std::string base64Encode(std::string_view bytes);
/// Decodes standard base64 (padding optional); false on invalid input.
bool base64Decode(std::string_view text, std::string& bytes);

/// True if `authorization` is "Basic <base64(user:password)>" for exactly these credentials
/// (compared in constant time so that timing does not reveal a prefix).
bool basicCredentialsMatch(std::string_view authorization, std::string_view user, std::string_view password);

}  // namespace wmimock::http
