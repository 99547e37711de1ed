#!/usr/bin/env bash
# Installs the npm packages that tests use as independent consumers and clients, under
# BUILD_DIR/node (never in the source tree or the global modules):
#   junit2json@4.0.0                                 reads our JUnit reports (tests/reports)
#   @device-management-toolkit/wsman-messages@5.14.1 builds WS-Management messages (tests/wsman)
# Needs node and npm; the tests skip themselves (saying why) when a package is absent. The
# tests look in <their build tree>/node, then in <repository>/build/node, the default here,
# which every preset's build tree (build/default, build/asan, ...) shares.
#
# Usage: scripts/install-node-tools.sh [BUILD_DIR]     (default: <repository>/build)
#   exit 0  installed (or already there)
#   exit 1  node/npm missing, or npm could not install (offline?)
#   exit 2  bad usage
set -euo pipefail

readonly packages=("junit2json@4.0.0" "@device-management-toolkit/wsman-messages@5.14.1")

if [[ $# -gt 1 || "${1:-}" == -* ]]; then
    echo "usage: $0 [BUILD_DIR]   (installs ${packages[*]} into BUILD_DIR/node; default build/)" >&2
    exit 2
fi
build_dir="${1:-$(cd "$(dirname "$0")/.." && pwd)/build}"
prefix="$build_dir/node"

for tool in node npm; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "install-node-tools: $tool not found; the tests that use npm packages will be skipped" >&2
        exit 1
    fi
done

missing=()
for spec in "${packages[@]}"; do
    name="${spec%@*}"
    version="${spec##*@}"
    installed="$prefix/node_modules/$name/package.json"
    if [[ -f "$installed" ]] && grep -q "\"version\": \"${version}\"" "$installed"; then
        continue
    fi
    missing+=("$spec")
done
if ((${#missing[@]} == 0)); then
    echo "install-node-tools: ${packages[*]} already in $prefix"
    exit 0
fi

mkdir -p "$prefix"
# No audit/fund requests, so the only network traffic is the package downloads themselves.
# All packages in one install: npm --no-save would otherwise prune the ones installed before.
if ! npm install --prefix "$prefix" --no-audit --no-fund --no-save --loglevel=error "${packages[@]}" >&2; then
    echo "install-node-tools: npm could not install ${missing[*]} (offline?)" >&2
    exit 1
fi
echo "install-node-tools: installed ${missing[*]} into $prefix"
