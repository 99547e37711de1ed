// How the suite reaches an implementation. A target hands out clients to a CIMOM that hosts
// the implementation, and the clock the checks wait on (simulated for built-ins, real for
// plugins and remote servers, so checks never assume simulated time).
#pragma once

#include <memory>
#include <string>

#include "wmimock/cim/clock.hpp"
#include "wmimock/client/cim_client.hpp"

namespace wmimock::conformance {

class Target {
public:
    virtual ~Target() = default;
    /// "builtin:reference", "plugin:/path/libx.so", "http://127.0.0.1:5988/root/cimv2".
    virtual std::string name() const = 0;
    /// The client the checks use (thread-safe for built-ins).
    virtual CimClient& client() = 0;
    /// A separate connection for concurrency checks (may return a client sharing state).
    virtual std::shared_ptr<CimClient> connect() = 0;
    virtual Clock& clock() = 0;
    /// Where to look by default when --namespace / --class are not given.
    virtual std::string defaultNamespace() const = 0;
    virtual std::string defaultClass() const = 0;
};

}  // namespace wmimock::conformance
