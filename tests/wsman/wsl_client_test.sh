#!/usr/bin/env bash
# Dell's WS-Management shell `wsl` (Debian package wsl: bash, curl and xmllint, building its
# own Identify / Enumerate / Get / Invoke messages) against `wmimock serve`'s /wsman.
# Exits 77 (ctest: skipped) when wsl is not installed. Environment: WMIMOCK_CLI.
set -euo pipefail
command -v wsl >/dev/null 2>&1 || { echo "SKIP: wsl is not installed (scripts/setup.sh)"; exit 77; }

scratch="$(mktemp -d "${TMPDIR:-/tmp}/wmimock-wsl.XXXXXX")"
serve_pid=""
cleanup() {
    if [[ -n "${serve_pid}" ]] && kill -0 "${serve_pid}" 2>/dev/null; then
        kill -TERM "${serve_pid}"
        wait "${serve_pid}" || true
    fi
    rm -rf "${scratch}"
}
trap cleanup EXIT

"${WMIMOCK_CLI}" serve --listen 127.0.0.1:0 --target builtin:reference --user alice --password s3cret \
    >"${scratch}/serve.out" 2>"${scratch}/serve.err" &
serve_pid=$!
for _ in $(seq 100); do
    grep -q "serving" "${scratch}/serve.out" 2>/dev/null && break
    sleep 0.1
done
endpoint="$(sed -n 's|.*and http://\([^/]*\)/wsman.*|\1|p' "${scratch}/serve.out" | head -n1)"
[[ -n "${endpoint}" ]] || { echo "FAIL: wmimock serve did not start"; cat "${scratch}/serve.err"; exit 1; }

# wsl keeps its files (response.xml, log, history) under OUTPREFIX and HOME: the scratch folder.
export HOME="${scratch}" OUTPREFIX="${scratch}" KEEPHISTORY=0 WSAUTOMATED=1 WSNOSSL=true
export WSENDPOINT="${endpoint}" WSUSER=alice WSPASS=s3cret WSDEFAULTSCHEMA=schemas.dmtf.org
cd "${scratch}"
failures=0
check() {  # check DESCRIPTION PATTERN: the last response holds PATTERN
    if grep -q -- "$2" response.xml; then
        echo "ok: $1"
    else
        echo "FAIL: $1 (no '$2' in the response)"
        cat response.xml
        failures=$((failures + 1))
    fi
}

wsl identify check </dev/null >/dev/null 2>&1 || true
check "identify" "<wsmid:ProductVendor>wmimock</wsmid:ProductVendor>"

wsl enum WMIMock_Service -ns root/cimv2 -mode objepr -opti 10 </dev/null >/dev/null 2>&1 || true
check "enumerate objects and EPRs" "<p:Name>Alpha</p:Name>"
check "enumerate with EPRs" "<wsman:Selector Name=\"Name\">Alpha</wsman:Selector>"

wsl get WMIMock_Service Name=Alpha CreationClassName=WMIMock_Service SystemName=wmimock-host \
    SystemCreationClassName=WMIMock_ComputerSystem __cimnamespace=root/cimv2 </dev/null >/dev/null 2>&1 || true
check "get" "<p:EnabledState>2</p:EnabledState>"

# wsl finds the instance to invoke from an EPR file of an earlier enumeration (its first EPR).
wsl enum WMIMock_Service -ns root/cimv2 -mode epr </dev/null >/dev/null 2>&1 || true
check "enumerate EPRs only" "<wsman:Selector Name=\"Name\">Alpha</wsman:Selector>"
cp response.xml alpha.xml
wsl invoke WMIMock_Service StopService -ns root/cimv2 -inst alpha.xml </dev/null >/dev/null 2>&1 || true
check "invoke StopService" "<p:ReturnValue>0</p:ReturnValue>"

wsl get WMIMock_Service Name=Alpha CreationClassName=WMIMock_Service SystemName=wmimock-host \
    SystemCreationClassName=WMIMock_ComputerSystem __cimnamespace=root/cimv2 </dev/null >/dev/null 2>&1 || true
check "stopped after StopService" "<p:EnabledState>3</p:EnabledState>"

wsl get WMIMock_Service Name=Nobody CreationClassName=WMIMock_Service SystemName=wmimock-host \
    SystemCreationClassName=WMIMock_ComputerSystem __cimnamespace=root/cimv2 </dev/null >/dev/null 2>&1 || true
check "a fault for a wrong selector" "wsa:DestinationUnreachable"

[[ ${failures} -eq 0 ]] || exit 1
echo "all wsl checks passed"
