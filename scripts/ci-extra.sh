#!/usr/bin/env bash
# The parts of CI beyond the README's commands: the clang-format check, a warning-free clang
# build of wmimock as a subproject that runs the CLI where the CI templates look for it, the
# CIMOM stress test under ThreadSanitizer, and a bounded libFuzzer run of every
# fuzz target under ASan+UBSan. Each stage is bounded; the whole script stays within a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
# 30 s per target, after each fuzzer has replayed its seed corpus (fixtures, fuzz/*/corpus),
# keeps CI within its time; WMIMOCK_FUZZ_SECONDS runs longer campaigns.
fuzz_seconds=${WMIMOCK_FUZZ_SECONDS:-30}

echo "-- clang-format (the sources are formatted as .clang-format says)"
git ls-files '*.cpp' '*.hpp' '*.h' | xargs clang-format --dry-run --Werror

echo "-- clang 14 build of the libraries and the CLI (warnings are errors), as a subproject"
# Built the way docs/ci/*.yml build it (a provider project with wmimock at third_party/wmimock),
# then each wmimock path the templates name is run: one build for both checks.
build=build/clang-subproject
cmake -S tests/package/consumer_cim -B "$build" -G Ninja -DWMIMOCK_CONSUMER_SOURCE="$PWD" \
    -DWMIMOCK_CONSUMER_RUN_CLI=ON -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS_DEBUG=-O0 -DWMIMOCK_WARNINGS_AS_ERRORS=ON -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
cmake --build "$build"
ctest --test-dir "$build" --output-on-failure --no-tests=error

echo "-- ThreadSanitizer stress test"
cmake --preset tsan >/dev/null
cmake --build --preset tsan --target cimom_stress_test
ctest --preset tsan -R 'Stress' --no-tests=error

if [[ -x fuzz/run.sh ]]; then
    echo "-- fuzzing (${fuzz_seconds} s per target)"
    fuzz/run.sh "$fuzz_seconds"
fi
