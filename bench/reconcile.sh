#!/usr/bin/env bash
# reconcile against `jq -c .` on the same stream of fact records: CPU MB/s
# and facts/s (user+sys, median of 5 runs of each, run in turn: the machine is
# shared, wall time is noise) and peak RSS. The stream is seed 003's nine tables and narrative
# (tests/reconcile/seed003.facts.jsonl) repeated as distinct documents.
# Usage: bench/reconcile.sh [MB]   (default 50 MB)
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-50}
W=build/bench/reconcile
mkdir -p "$W"
for c in jq /usr/bin/time; do
    command -v "$c" >/dev/null || { echo "bench/reconcile.sh: needs $c" >&2; exit 1; }
done
unit=tests/reconcile/seed003.facts.jsonl
stream=$W/facts.jsonl
ubytes=$(wc -c < "$unit")
reps=$(( MB * 1000000 / ubytes + 1 ))
# each copy its own document id, so that every copy is checked
awk -v reps="$reps" '{ line[NR] = $0 } END {
    for (r = 1; r <= reps; r++)
        for (i = 1; i <= NR; i++) { l = line[i]; gsub(/"doc":"seed003"/, "\"doc\":\"seed003-" r "\"", l); print l } }' "$unit" > "$stream"
bytes=$(wc -c < "$stream")
facts=$(grep -c '"type":"fact"' "$stream")
docs=$(grep -c '"type":"document"' "$stream")

# shellcheck source=bench/measure.bash
. bench/measure.bash

read -r jq_cpu jq_rss rc_cpu rc_rss < <(measure_pair jq -c . "$stream" -- bin/reconcile "$stream")
printf 'stream: %d bytes, %d documents, %d facts\n' "$bytes" "$docs" "$facts"
awk -v b="$bytes" -v f="$facts" -v jc="$jq_cpu" -v jr="$jq_rss" -v rc="$rc_cpu" -v rr="$rc_rss" 'BEGIN {
    printf "%-12s %8s %10s %12s %10s\n", "", "cpu s", "MB/s", "facts/s", "RSS KiB"
    printf "%-12s %8.2f %10.1f %12.0f %10d\n", "jq -c .", jc, b / 1e6 / jc, f / jc, jr
    printf "%-12s %8.2f %10.1f %12.0f %10d\n", "reconcile", rc, b / 1e6 / rc, f / rc, rr
    printf "reconcile / jq: %.2fx MB/s (target >= 1x)\n", jc / rc }'
