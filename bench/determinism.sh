#!/usr/bin/env bash
# Runs `wmimock conform` N times (default 20) against every built-in target and checks that
# each target gives one verdict set: the same (rule, instance, outcome) triples every run.
# Usage: bench/determinism.sh [WMIMOCK] [N]     exit 0 when every target is deterministic
set -euo pipefail
wmimock=${1:-build/default/bin/wmimock}
runs=${2:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

verdicts() {  # the sorted verdict set of one run, from the JSON report
    python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
for r in sorted(d["results"], key=lambda r:(r.get("ruleId",""), r.get("instancePath",""))):
    print(r.get("ruleId",""), r.get("instancePath",""), r["outcome"])' "$1"
}

status=0
for target in $("$wmimock" targets --format json | python3 -c 'import json,sys; [print(t["name"]) for t in json.load(sys.stdin)]'); do
    for ((i = 0; i < runs; i++)); do
        "$wmimock" conform --target "builtin:$target" --quiet --json "$work/run.json" >/dev/null 2>&1 || true
        verdicts "$work/run.json" > "$work/$target.$i"
    done
    distinct=$(for ((i = 0; i < runs; i++)); do md5sum < "$work/$target.$i"; done | sort -u | wc -l)
    if [[ $distinct -eq 1 ]]; then
        echo "deterministic  $target  ($runs runs, $(wc -l < "$work/$target.0") verdicts)"
    else
        echo "VARIES         $target  ($distinct verdict sets in $runs runs)"
        for ((i = 1; i < runs; i++)); do diff "$work/$target.0" "$work/$target.$i" || true; done | sort | uniq -c | head -20
        status=1
    fi
done
exit $status
