#include "wmimock/http/ntlm.hpp"

#include <gssapi/gssapi.h>
#include <gssapi/gssapi_ext.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <utility>

namespace wmimock::http {
namespace {

/// 1.3.6.1.4.1.311.2.2.10, the NTLMSSP mechanism (MS-NLMP).
gss_OID_desc ntlmMechanism{10, const_cast<char*>("\x2b\x06\x01\x04\x01\x82\x37\x02\x02\x0a")};
gss_OID_set_desc ntlmOnly{1, &ntlmMechanism};

std::string statusText(OM_uint32 status, int type, gss_OID mechanism) {
    std::string text;
    OM_uint32 context = 0;
    do {
        OM_uint32 minor = 0;
        gss_buffer_desc message = GSS_C_EMPTY_BUFFER;
        if (GSS_ERROR(gss_display_status(&minor, status, type, mechanism, &context, &message))) break;
        if (!text.empty()) text += "; ";
        text.append(static_cast<const char*>(message.value), message.length);
        gss_release_buffer(&minor, &message);
    } while (context != 0);
    return text;
}

[[noreturn]] void fail(std::string_view what, OM_uint32 major, OM_uint32 minor) {
    std::string message = "NTLM: " + std::string(what) + " failed: " + statusText(major, GSS_C_GSS_CODE, GSS_C_NO_OID);
    if (minor != 0) message += " (" + statusText(minor, GSS_C_MECH_CODE, &ntlmMechanism) + ")";
    if (GSS_ROUTINE_ERROR(major) == GSS_S_BAD_MECH) {
        message += " - is gss-ntlmssp installed (/etc/gss/mech.d/)?";
    }
    throw NtlmError(message);
}

gss_buffer_desc bufferOf(std::string_view bytes) {
    return {bytes.size(), const_cast<char*>(bytes.data())};
}

std::string take(gss_buffer_desc& buffer) {
    std::string bytes(static_cast<const char*>(buffer.value), buffer.length);
    OM_uint32 minor = 0;
    gss_release_buffer(&minor, &buffer);
    return bytes;
}

}  // namespace

struct NtlmContext::State {
    gss_cred_id_t credentials = GSS_C_NO_CREDENTIAL;
    gss_name_t target = GSS_C_NO_NAME;
    gss_ctx_id_t context = GSS_C_NO_CONTEXT;
    bool established = false;

    ~State() {
        OM_uint32 minor = 0;
        if (context != GSS_C_NO_CONTEXT) gss_delete_sec_context(&minor, &context, GSS_C_NO_BUFFER);
        if (target != GSS_C_NO_NAME) gss_release_name(&minor, &target);
        if (credentials != GSS_C_NO_CREDENTIAL) gss_release_cred(&minor, &credentials);
    }
};

NtlmContext::NtlmContext() : state_(std::make_unique<State>()) {}
NtlmContext::~NtlmContext() = default;

bool NtlmContext::established() const noexcept {
    return state_->established;
}

std::string NtlmContext::wrap(std::string_view plain) {
    if (!state_->established) throw NtlmError("NTLM: wrap before the exchange completed");
    if (plain.empty()) throw NtlmError("NTLM: an empty message cannot be sealed");
    OM_uint32 minor = 0;
    gss_buffer_desc in = bufferOf(plain);
    gss_buffer_desc out = GSS_C_EMPTY_BUFFER;
    int sealed = 0;
    const OM_uint32 major = gss_wrap(&minor, state_->context, 1, GSS_C_QOP_DEFAULT, &in, &sealed, &out);
    if (GSS_ERROR(major)) fail("sealing a message", major, minor);
    if (!sealed) {
        gss_release_buffer(&minor, &out);
        throw NtlmError("NTLM: the negotiated session does not seal (no key exchange)");
    }
    return take(out);
}

std::string NtlmContext::unwrap(std::string_view sealed) {
    if (!state_->established) throw NtlmError("NTLM: unwrap before the exchange completed");
    OM_uint32 minor = 0;
    gss_buffer_desc in = bufferOf(sealed);
    gss_buffer_desc out = GSS_C_EMPTY_BUFFER;
    const OM_uint32 major = gss_unwrap(&minor, state_->context, &in, &out, nullptr, nullptr);
    if (GSS_ERROR(major)) fail("opening a sealed message", major, minor);
    return take(out);
}

NtlmInitiator::NtlmInitiator(std::string_view user, std::string_view password, std::string_view host) {
    OM_uint32 minor = 0;
    gss_buffer_desc userBuffer = bufferOf(user);
    gss_name_t userName = GSS_C_NO_NAME;
    OM_uint32 major = gss_import_name(&minor, &userBuffer, GSS_C_NT_USER_NAME, &userName);
    if (GSS_ERROR(major)) fail("reading the user name", major, minor);
    gss_buffer_desc passwordBuffer = bufferOf(password);
    major = gss_acquire_cred_with_password(&minor, userName, &passwordBuffer, GSS_C_INDEFINITE, &ntlmOnly,
                                           GSS_C_INITIATE, &state_->credentials, nullptr, nullptr);
    gss_release_name(&minor, &userName);
    if (GSS_ERROR(major)) fail("taking the credentials", major, minor);
    const std::string service = "HTTP@" + std::string(host);
    gss_buffer_desc serviceBuffer = bufferOf(service);
    major = gss_import_name(&minor, &serviceBuffer, GSS_C_NT_HOSTBASED_SERVICE, &state_->target);
    if (GSS_ERROR(major)) fail("naming the server", major, minor);
}

std::string NtlmInitiator::step(std::string_view challenge) {
    OM_uint32 minor = 0;
    gss_buffer_desc in = bufferOf(challenge);
    gss_buffer_desc out = GSS_C_EMPTY_BUFFER;
    const OM_uint32 flags = GSS_C_CONF_FLAG | GSS_C_INTEG_FLAG | GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG;
    const OM_uint32 major = gss_init_sec_context(
        &minor, state_->credentials, &state_->context, state_->target, &ntlmMechanism, flags, 0,
        GSS_C_NO_CHANNEL_BINDINGS, challenge.empty() ? GSS_C_NO_BUFFER : &in, nullptr, &out, nullptr, nullptr);
    if (GSS_ERROR(major)) fail(challenge.empty() ? "starting the exchange" : "answering the challenge", major, minor);
    state_->established = major == GSS_S_COMPLETE;
    return take(out);
}

NtlmAcceptor::NtlmAcceptor(std::string userFile) : userFile_(std::move(userFile)) {
    // gss-ntlmssp reads a server's users from the file NTLM_USER_FILE names, when it checks
    // each client (its credential store has no key for it): one user file per process.
    {
        static std::mutex environmentMutex;
        std::lock_guard lock(environmentMutex);
        const char* current = std::getenv("NTLM_USER_FILE");
        if (current == nullptr || *current == '\0') {
            ::setenv("NTLM_USER_FILE", userFile_.c_str(), 1);
        } else if (userFile_ != current) {
            throw NtlmError("NTLM: this process already checks users against " + std::string(current) +
                            " (NTLM_USER_FILE); it cannot use " + userFile_ + " as well");
        }
    }
    std::error_code ec;
    if (!std::filesystem::is_regular_file(userFile_, ec)) {
        throw NtlmError("NTLM: the user file " + userFile_ + " does not exist or is not a file");
    }
    OM_uint32 minor = 0;
    const OM_uint32 major = gss_acquire_cred(&minor, GSS_C_NO_NAME, GSS_C_INDEFINITE, &ntlmOnly, GSS_C_ACCEPT,
                                             &state_->credentials, nullptr, nullptr);
    if (GSS_ERROR(major)) fail("taking the server's credentials", major, minor);
}

std::string NtlmAcceptor::step(std::string_view token) {
    OM_uint32 minor = 0;
    gss_buffer_desc in = bufferOf(token);
    gss_buffer_desc out = GSS_C_EMPTY_BUFFER;
    gss_name_t source = GSS_C_NO_NAME;
    const OM_uint32 major =
        gss_accept_sec_context(&minor, &state_->context, state_->credentials, &in, GSS_C_NO_CHANNEL_BINDINGS, &source,
                               nullptr, &out, nullptr, nullptr, nullptr);
    if (GSS_ERROR(major)) {
        gss_release_buffer(&minor, &out);
        fail("checking the client's token", major, minor);
    }
    if (major == GSS_S_COMPLETE) {
        state_->established = true;
        gss_buffer_desc name = GSS_C_EMPTY_BUFFER;
        if (!GSS_ERROR(gss_display_name(&minor, source, &name, nullptr))) userName_ = take(name);
    }
    if (source != GSS_C_NO_NAME) gss_release_name(&minor, &source);
    return take(out);
}

std::string NtlmAcceptor::userName() const {
    return userName_;
}

}  // namespace wmimock::http
