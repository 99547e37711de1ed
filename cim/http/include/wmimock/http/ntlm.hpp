// NTLM authentication and session security (MS-NLMP) through GSSAPI's NTLMSSP mechanism
// (gss-ntlmssp), as WinRM uses them over HTTP: the tokens travel base64 in
// "Authorization: Negotiate ..." / "WWW-Authenticate: Negotiate ..." headers, and once a
// connection is authenticated each message can be sealed (see session_encryption.hpp).
//
// A context belongs to one HTTP connection: NTLM authenticates the connection, not a request.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace wmimock::http {

/// A GSSAPI or NTLM exchange failure, in GSSAPI's words ("... the password is wrong", a
/// missing mechanism: "gss-ntlmssp is not installed").
class NtlmError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// What both sides share once the exchange is complete: the keys that seal and sign.
class NtlmContext {
public:
    NtlmContext();
    virtual ~NtlmContext();
    NtlmContext(const NtlmContext&) = delete;
    NtlmContext& operator=(const NtlmContext&) = delete;

    bool established() const noexcept;
    /// Seals `plain` (not empty): the 16-byte NTLM signature followed by the encrypted bytes.
    std::string wrap(std::string_view plain);
    /// Checks and opens what the peer's wrap() made; throws NtlmError when the signature or
    /// sequence does not verify (a tampered or replayed message).
    std::string unwrap(std::string_view sealed);

protected:
    struct State;
    std::unique_ptr<State> state_;
};

/// The client side: negotiate, then answer the server's challenge.
class NtlmInitiator final : public NtlmContext {
public:
    /// `user` as "DOMAIN\\user", "user@domain" or "user"; throws NtlmError when GSSAPI has no
    /// NTLMSSP mechanism or refuses the credentials.
    NtlmInitiator(std::string_view user, std::string_view password, std::string_view host);
    /// The next token to send: the NEGOTIATE message for an empty `challenge`, then the
    /// AUTHENTICATE message for the server's CHALLENGE.
    std::string step(std::string_view challenge);
};

/// The server side, checking users against a file of "DOMAIN:USER:PASSWORD" lines (the format
/// of gss-ntlmssp's NTLM_USER_FILE; the client's domain must match).
class NtlmAcceptor final : public NtlmContext {
public:
    /// gss-ntlmssp finds the file through the environment variable NTLM_USER_FILE, which the
    /// first acceptor sets: a process checks users against one file (another one given later
    /// is an NtlmError, as is a file that does not exist).
    explicit NtlmAcceptor(std::string userFile);
    /// Consumes the client's token and returns the answer: the CHALLENGE after a NEGOTIATE,
    /// nothing once the AUTHENTICATE message checked out. Throws NtlmError when it does not
    /// (unknown user, wrong password, a token that is not NTLM).
    std::string step(std::string_view token);
    /// "DOMAIN\\user" once established.
    std::string userName() const;

private:
    std::string userFile_;
    std::string userName_;
};

}  // namespace wmimock::http
