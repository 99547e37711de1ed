#!/usr/bin/env bash
# Builds the libFuzzer targets with the `fuzz` preset (clang, ASan+UBSan) and runs each one
# for a bounded time over a seed corpus copied from the project's fixtures.
#   fuzz/run.sh [SECONDS]      (default 60 per fuzzer)
# Exits non-zero if a build fails or a fuzzer finds a crash, leak, hang or UB.
set -euo pipefail

seconds="${1:-60}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${root}/build/fuzz"

cmake --preset fuzz -S "${root}" >/dev/null
# Only the fuzzers (and what they link), not the whole project.
targets=(fuzz_mof)
[[ -f "${root}/fuzz/cimxml/CMakeLists.txt" ]] && targets+=(fuzz_cimxml_request)
[[ -f "${root}/fuzz/wsman/CMakeLists.txt" ]] && targets+=(fuzz_wsman_request)
[[ -f "${root}/fuzz/http/CMakeLists.txt" ]] && targets+=(fuzz_http_input)
cmake --build --preset fuzz -j"$(nproc)" --target "${targets[@]}"

# Seed corpus per fuzzer: fuzz_<name> takes the fixture folders listed here.
seed_dirs() {
    case "$1" in
        fuzz_mof) echo "fixtures/mof fixtures/instances fixtures/invalid fixtures/wmi fixtures/baseline fixtures/dsc" ;;
        fuzz_cimxml_request) echo "fuzz/cimxml/corpus" ;;
        fuzz_wsman_request) echo "fuzz/wsman/corpus" ;;
        fuzz_http_input) echo "fuzz/http/corpus" ;;
        *) echo "fixtures/${1#fuzz_}" ;;
    esac
}

# gss-ntlmssp's own leaks (fuzz_http_input authenticates once): see the file.
export LSAN_OPTIONS="suppressions=${root}/tests/sanitizers/lsan.supp${LSAN_OPTIONS:+:${LSAN_OPTIONS}}"
status=0
shopt -s nullglob
for fuzzer in "${build}"/bin/fuzz_*; do
    [[ -x "${fuzzer}" ]] || continue
    name="$(basename "${fuzzer}")"
    corpus="${build}/corpus/${name}"
    artifacts="${build}/artifacts/${name}"
    mkdir -p "${corpus}" "${artifacts}"
    for dir in $(seed_dirs "${name}"); do
        [[ -d "${root}/${dir}" ]] && find "${root}/${dir}" -type f -exec cp -n {} "${corpus}/" \;
    done
    echo "== ${name}: ${seconds}s over $(find "${corpus}" -type f | wc -l) corpus files"
    if ! "${fuzzer}" "${corpus}" -max_total_time="${seconds}" -timeout=10 -rss_limit_mb=2048 \
        -max_len=262144 -print_final_stats=1 -artifact_prefix="${artifacts}/" 2>"${build}/${name}.log"; then
        echo "!! ${name} failed; see ${build}/${name}.log and ${artifacts}/" >&2
        tail -n 40 "${build}/${name}.log" >&2
        status=1
    else
        grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "${build}/${name}.log" || true
    fi
done
exit "${status}"
