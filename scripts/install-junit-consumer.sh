#!/usr/bin/env bash
# Installs junit2json, an independent JUnit XML reader, under BUILD_DIR/node so that the
# reports tests can compare its counts with wmimock's. Needs node and npm; the tests skip
# themselves (saying why) when the package is absent. The tests look in
# <their build tree>/node, then in <repository>/build/node, the default here, which every
# preset's build tree (build/default, build/asan, ...) shares.
#
# Usage: scripts/install-junit-consumer.sh [BUILD_DIR]     (default: <repository>/build)
#   exit 0  installed (or already there)
#   exit 1  node/npm missing, or npm could not install (offline?)
#   exit 2  bad usage
set -euo pipefail

readonly package="junit2json"
readonly version="4.0.0"

if [[ $# -gt 1 || "${1:-}" == -* ]]; then
    echo "usage: $0 [BUILD_DIR]   (installs ${package}@${version} into BUILD_DIR/node; default build/)" >&2
    exit 2
fi
build_dir="${1:-$(cd "$(dirname "$0")/.." && pwd)/build}"
prefix="$build_dir/node"

for tool in node npm; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "install-junit-consumer: $tool not found; the JUnit consumer test will be skipped" >&2
        exit 1
    fi
done

installed="$prefix/node_modules/$package/package.json"
if [[ -f "$installed" ]] && grep -q "\"version\": \"${version}\"" "$installed"; then
    echo "install-junit-consumer: ${package}@${version} already in $prefix"
    exit 0
fi

mkdir -p "$prefix"
# --prefix keeps it out of the source tree and the global modules; no audit/fund requests,
# so the only network traffic is the package download itself.
if ! npm install --prefix "$prefix" --no-audit --no-fund --no-save --loglevel=error \
        "${package}@${version}" >&2; then
    echo "install-junit-consumer: npm could not install ${package}@${version} (offline?)" >&2
    exit 1
fi
echo "install-junit-consumer: installed ${package}@${version} into $prefix"
