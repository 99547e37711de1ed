#!/usr/bin/env bash
# Installs the Debian packages wmimock needs to build, test, fuzz and benchmark.
# Idempotent: installs only what is missing; uses sudo only when not already root.
set -euo pipefail

packages=(
    cmake ninja-build ccache g++ clang clang-format
    libgtest-dev libgmock-dev libbenchmark-dev librapidcheck-dev
    libpugixml-dev libspdlog-dev libfmt-dev libcli11-dev nlohmann-json3-dev libcpp-httplib-dev
    libfuzzer-14-dev libclang-rt-14-dev
    libxml2-utils yamllint sblim-wbemcli
    python3 python3-ply python3-requests python3-yaml python3-typing-extensions
    python3-winrm wsl curl
    libssl-dev libkrb5-dev gss-ntlmssp openssl
)
# npm is only needed for the independent JUnit consumer test; keep a node that is already there.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

filtered=()
for pkg in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        filtered+=("$pkg")
    fi
done

if ((${#filtered[@]} == 0)); then
    echo "setup: all ${#packages[@]} packages present"
else
    as_root=()
    if [[ $(id -u) -ne 0 ]]; then as_root=(sudo); fi
    echo "setup: installing ${filtered[*]}"
    "${as_root[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${filtered[@]}"
fi

# npm packages the tests use as independent consumers and clients (junit2json for the JUnit
# reports, wsman-messages for WS-Management). Optional: without node or the registry the tests
# that need them skip with a message.
"$(dirname "$0")/install-node-tools.sh" >/dev/null 2>&1 \
    || echo "setup: npm test tools not installed (the tests that use them will skip)"
