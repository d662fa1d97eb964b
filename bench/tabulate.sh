#!/usr/bin/env bash
# tabulate against `jq -c .` on the same normalized stream (one generic
# parse-and-print pass over the same records): CPU MB/s of input and facts/s
# (user+sys, median of 5 runs of each, run in turn: the machine is shared,
# wall time is noise), peak RSS. The stream is seed 003 as txt, docx, html and pdf and seed 004 as
# txt, after extract | normalize-traditional-chinese, repeated as distinct
# documents.
# Usage: bench/tabulate.sh [MB]   (default 50 MB)
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-50}
W=build/bench/tabulate
mkdir -p "$W"
for c in jq /usr/bin/time; do
    command -v "$c" >/dev/null || { echo "bench/tabulate.sh: needs $c" >&2; exit 1; }
done
for s in extract normalize-traditional-chinese tabulate; do
    [ -x "bin/$s" ] || { echo "bench/tabulate.sh: bin/$s missing (make first)" >&2; exit 1; }
done
unit=$W/unit.jsonl
: > "$unit"
for f in caidian-2023-final.txt caidian-2023-final.docx caidian-2023-final-utf8.html \
         caidian-2023-final.pdf suining-2023-final.txt; do
    bin/extract "data/fixtures/$f" | bin/normalize-traditional-chinese >> "$unit"
done
stream=$W/stream.jsonl
ubytes=$(wc -c < "$unit")
reps=$(( MB * 1000000 / ubytes + 1 ))
# each copy its own document id, so that tabulate sees distinct documents
awk -v reps="$reps" '{ line[NR] = $0 } END {
    for (r = 1; r <= reps; r++)
        for (i = 1; i <= NR; i++) { l = line[i]; sub(/"doc":"/, "\"doc\":\"" r "-", l); print l } }' \
    "$unit" > "$stream"
bytes=$(wc -c < "$stream")
docs=$(grep -c '"type":"document"' "$stream")
bin/tabulate "$stream" > "$W/out.jsonl"
facts=$(grep -c '"type":"fact"' "$W/out.jsonl")

# shellcheck source=bench/measure.bash
. bench/measure.bash

read -r jq_cpu jq_rss tb_cpu tb_rss < <(measure_pair jq -c . "$stream" -- bin/tabulate "$stream")
printf 'stream: %d bytes, %d documents; tabulate writes %d facts\n' "$bytes" "$docs" "$facts"
awk -v b="$bytes" -v f="$facts" -v jc="$jq_cpu" -v jr="$jq_rss" -v tc="$tb_cpu" -v tr="$tb_rss" 'BEGIN {
    printf "%-12s %8s %10s %12s %10s\n", "", "cpu s", "MB/s", "facts/s", "RSS KiB"
    printf "%-12s %8.2f %10.1f %12s %10d\n", "jq -c .", jc, b / 1e6 / (jc > 0 ? jc : 0.001), "-", jr
    printf "%-12s %8.2f %10.1f %12.0f %10d\n", "tabulate", tc, b / 1e6 / (tc > 0 ? tc : 0.001), f / (tc > 0 ? tc : 0.001), tr
    printf "tabulate/jq MB/s ratio: %.2f (target >= 1)\n", (jc > 0 ? jc : 0.001) / (tc > 0 ? tc : 0.001)
}'
