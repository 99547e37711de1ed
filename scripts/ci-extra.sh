#!/usr/bin/env bash
# The parts of CI beyond the README's commands: the clang-format check, a warning-free clang
# build, the CIMOM stress test under ThreadSanitizer, and a bounded libFuzzer run of every
# fuzz target under ASan+UBSan. Each stage is bounded; the whole script stays within a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzz_seconds=${WMIMOCK_FUZZ_SECONDS:-60}

echo "-- clang-format (the sources are formatted as .clang-format says)"
git ls-files '*.cpp' '*.hpp' '*.h' | xargs clang-format --dry-run --Werror

echo "-- clang 14 build of the libraries and the CLI (warnings are errors)"
cmake --preset clang >/dev/null
cmake --build --preset clang --target wmimock

echo "-- ThreadSanitizer stress test"
cmake --preset tsan >/dev/null
cmake --build --preset tsan --target cimom_stress_test
ctest --preset tsan -R 'Stress' --no-tests=error

if [[ -x fuzz/run.sh ]]; then
    echo "-- fuzzing (${fuzz_seconds} s per target)"
    fuzz/run.sh "$fuzz_seconds"
fi
