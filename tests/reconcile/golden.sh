#!/usr/bin/env bash
# golden.sh FILE: the findings of FILE through extract | normalize |
# tabulate | reconcile, one "rule severity actual expected" line each, in
# stream order. golden.sh --update: rewrite tests/reconcile/golden/*.findings
# for every fixture and seed (review the diff before committing it).
set -euo pipefail
findings() {
    extract "$1" 2>/dev/null | normalize-traditional-chinese 2>/dev/null | tabulate 2>/dev/null | reconcile 2>/dev/null |
        jq -r 'select(.type=="finding") | "\(.rule) \(.severity) \(.actual) \(.expected)"'
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
