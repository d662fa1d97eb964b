#!/usr/bin/env bash
# normalize-traditional-chinese against the opencc command converting the
# same Traditional text: CPU MB/s (user+sys, median of 3 runs: the machine
# is shared, wall time is noise) and peak RSS, with the ratios.
# Usage: bench/normalize.sh [MB]   (default 20 MB of text)
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-20}
NT=bin/normalize-traditional-chinese
W=build/bench/normalize
mkdir -p "$W"
for c in opencc /usr/bin/time jq; do
    command -v "$c" >/dev/null || { echo "bench/normalize.sh: needs $c" >&2; exit 1; }
done

# Traditional text: seed 001 as it is, the Simplified reports through s2t
unit=$W/unit.txt
{ cat tests/normalize/seed001.txt; echo
  for f in data/fixtures/caidian-2023-final.txt data/fixtures/suining-2023-final.txt; do
      opencc -c s2t.json -i "$f"; echo
  done; } > "$unit"
corpus=$W/trad.txt
: > "$corpus"
while [ "$(wc -c < "$corpus")" -lt $((MB * 1000000)) ]; do cat "$unit" >> "$corpus"; done
bytes=$(wc -c < "$corpus")
# the same text as a record stream, one document per copy of the unit
stream=$W/trad.jsonl
tests/normalize/txt2stream "$unit" > "$W/unit.jsonl"
ubytes=$(wc -c < "$unit")
reps=$(( (bytes / ubytes + 3) / 4 ))
for _ in $(seq "$reps"); do cat "$W/unit.jsonl"; done > "$stream"
# speeds count the bytes of text converted, so that the rows compare
sbytes=$((reps * ubytes))

# shellcheck source=bench/measure.bash
. bench/measure.bash

printf 'corpus: %d bytes of Traditional text; as records: %d bytes holding %d bytes of text\n' \
    "$bytes" "$(wc -c < "$stream")" "$sbytes"
echo "nt = $NT"
read -r oc_cpu oc_rss < <(measure opencc -c t2s.json -i "$corpus" -o /dev/null)
row() { # label cpu rss bytes
    awk -v l="$1" -v c="$2" -v r="$3" -v b="$4" -v oc="$oc_cpu" -v ocr="$oc_rss" -v ob="$bytes" 'BEGIN {
        mbs = b / 1e6 / (c > 0 ? c : 0.001); ocmbs = ob / 1e6 / (oc > 0 ? oc : 0.001);
        printf "%-36s %7.3f s %8.1f MB/s %6.1f MiB   speed x%-6.1f RSS x%.2f\n", l, c, mbs, r / 1024, mbs / ocmbs, r / ocr }'
}
printf '%-36s %9s %13s %10s   %s\n' "command" "CPU" "speed" "peak RSS" "vs opencc -c t2s.json"
row "opencc -c t2s.json -i FILE" "$oc_cpu" "$oc_rss" "$bytes"
read -r c r < <(measure "$NT" --plain --t2s-only --no-overrides "$corpus"); row "nt --plain --t2s-only --no-overrides" "$c" "$r" "$bytes"
read -r c r < <(measure "$NT" --plain --t2s-only "$corpus"); row "nt --plain --t2s-only" "$c" "$r" "$bytes"
read -r c r < <(measure "$NT" --plain "$corpus"); row "nt --plain (all steps)" "$c" "$r" "$bytes"
read -r c r < <(measure "$NT" "$stream"); row "nt (records, all steps)" "$c" "$r" "$sbytes"
# the record stream's own cost: parsing and writing every line
read -r c r < <(measure jq -c . "$stream"); row "jq -c . (same records)" "$c" "$r" "$sbytes"
read -r c r < <(measure "$NT" --no-t2s --no-clean --no-repair --no-spam "$stream")
row "nt (records, every step off)" "$c" "$r" "$sbytes"
