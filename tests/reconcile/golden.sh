#!/usr/bin/env bash
# golden.sh FILE: the findings of FILE through extract | normalize |
# tabulate | reconcile, one "rule severity actual expected" line each, in
# stream order. golden.sh --update: rewrite tests/reconcile/golden/*.findings
# for every fixture and seed (review the diff before committing it).
# Exits non-zero, with the stages' diagnostics on stderr, when a stage fails.
set -euo pipefail
findings() {
    local err
    err=$(mktemp)
    if ! extract "$1" 2>>"$err" | normalize-traditional-chinese 2>>"$err" | tabulate 2>>"$err" |
        reconcile 2>>"$err" | jq -r 'select(.type=="finding") | "\(.rule) \(.severity) \(.actual) \(.expected)"'; then
        echo "golden.sh: the pipeline failed on $1:" >&2
        cat "$err" >&2
        rm -f "$err"
        return 1
    fi
    rm -f "$err"
}
if [ "${1:-}" = --update ]; then
    root=$(cd "$(dirname "$0")/../.." && pwd)
    export PATH="$root/bin:$PATH"
    seeds=${YJS_SEEDS:-$root/../shared/seeds}
    mkdir -p "$root/tests/reconcile/golden"
    for f in "$root"/data/fixtures/*.* "$seeds"/*.txt; do
        case $f in *.md) continue ;; esac
        findings "$f" > "$root/tests/reconcile/golden/$(basename "$f").findings"
    done
else
    findings "$1"
fi
