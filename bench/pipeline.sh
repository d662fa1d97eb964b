#!/usr/bin/env bash
# The whole pipeline (extract | normalize-traditional-chinese | tabulate |
# reconcile | emit-csv --dir) over corpora of growing size from bench/corpus,
# side by side with `cat` over the same files (the floor) and `jq -c .` over
# the stream the pipeline carries (one generic JSON pass over the same
# records). Prints documents/s and MB/s per CPU-second and per wall second,
# peak RSS (of the largest process), ratios, and the speed-up from one job
# to one job per core (GNU parallel, documents kept whole per job).
#
# CPU time (user+sys of every process) is the stable number: the machine
# may be shared, wall time is noise there.
#
# Usage: bench/pipeline.sh        (scales 100 1000 10000 documents)
#   BENCH_SCALES="100 1000" BENCH_SEED=1 BENCH_JOBS=4 bench/pipeline.sh
#   BENCH_PAR_MAX=1000: the one-job-per-core run only up to that scale
# Results: standard output, and build/bench/pipeline.md as a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALES=${BENCH_SCALES:-100 1000 10000}
SEED=${BENCH_SEED:-1}
JOBS=${BENCH_JOBS:-$(nproc)}
PAR_MAX=${BENCH_PAR_MAX:-1000000000}
W=build/bench/pipeline
mkdir -p "$W"
for c in jq parallel python3 /usr/bin/time; do
    command -v "$c" >/dev/null || { echo "bench/pipeline.sh: needs $c" >&2; exit 1; }
done
for s in extract normalize-traditional-chinese tabulate reconcile emit-csv; do
    [ -x "bin/$s" ] || { echo "bench/pipeline.sh: bin/$s missing (make first)" >&2; exit 1; }
done
export PATH="$PWD/bin:$PATH"

# measure NAME CMD: runs CMD under bash once, appends "NAME wall cpu rss_kib"
# to $W/times. Stage exit status 1 (some documents failed) is expected on
# a corpus with broken files; a crash or abort (>1) fails the bench.
measure() {
    local name=$1 cmd=$2 rc=0
    /usr/bin/time -o "$W/time" -f '%e %U %S %M' bash -o pipefail -c "$cmd" 2> "$W/stderr" || rc=$?
    if [ "$rc" -gt 1 ]; then
        echo "bench/pipeline.sh: '$cmd' exited $rc" >&2
        tail -5 "$W/stderr" >&2
        exit 1
    fi
    awk -v n="$name" '$1 ~ /^[0-9.]+$/ {printf "%s %.2f %.2f %d\n", n, $1, $2 + $3, $4}' "$W/time" | tee -a "$W/times"
}

lookup() { awk -v n="$1" -v f="$2" '$1 == n {print $f}' "$W/times" | tail -1; }

: > "$W/times"
{
    echo "| documents | files | input MB | stream MB | run | wall s | CPU s | docs/CPU-s | input MB/CPU-s | peak RSS MB |"
    echo "|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|"
} > "$W/pipeline.md"

for n in $SCALES; do
    top=build/bench/corpus-s$SEED-n$n
    [ -f "$top/MANIFEST.tsv" ] || bench/corpus --seed "$SEED" --docs "$n" --out "$top" > /dev/null
    corpus=$top/docs
    files=$(find "$corpus" -type f | wc -l)
    bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
    out=$W/out-$n
    rm -rf "$out" "$out-par"
    mkdir -p "$out" "$out-par"
    echo "== $n documents: $files files, $((bytes / 1000000)) MB ($corpus)"

    measure "cat-$n" "find '$corpus' -type f -print0 | xargs -0 cat > /dev/null"
    # one job: the five stages as one chain over the whole folder
    measure "pipe1-$n" "extract '$corpus' | normalize-traditional-chinese | tabulate | reconcile | emit-csv --dir '$out'"
    # one job per core: parallel hands each job a share of the files; its
    # output is grouped per job, so documents stay whole
    per=$(( (files + 4 * JOBS - 1) / (4 * JOBS) ))
    if [ "$n" -le "$PAR_MAX" ]; then
        measure "pipeN-$n" "find '$corpus' -type f -print0 | sort -z |
            parallel -0 -j $JOBS -X --max-args $per 'extract {} | normalize-traditional-chinese | tabulate | reconcile' |
            emit-csv --dir '$out-par'"
        # the same facts either way
        a=$(wc -l < "$out/facts.csv") b=$(wc -l < "$out-par/facts.csv")
        [ "$a" = "$b" ] || { echo "bench/pipeline.sh: $a facts with one job, $b with $JOBS" >&2; exit 1; }
    fi

    # one JSON pass over the pipeline's stream, by jq and by a stage of ours
    # (reconcile passes the rows and paragraphs through; at 10,000 documents
    # the stream is several GB, so this pair is measured up to 1000)
    if [ "$n" -le 1000 ]; then
        extract "$corpus" > "$W/stream-$n.ndjson" 2> /dev/null || true
        sbytes=$(wc -c < "$W/stream-$n.ndjson")
        measure "jq-$n" "jq -c . '$W/stream-$n.ndjson' > /dev/null"
        measure "extract-$n" "extract '$corpus' > /dev/null"
        measure "normalize-$n" "normalize-traditional-chinese '$W/stream-$n.ndjson' > /dev/null"
        rm -f "$W/stream-$n.ndjson"
    else
        sbytes=0
    fi
    for run in cat pipe1 pipeN jq extract normalize; do
        wall=$(lookup "$run-$n" 2) cpu=$(lookup "$run-$n" 3) rss=$(lookup "$run-$n" 4)
        [ -n "$wall" ] || continue
        case $run in
        cat) label="cat (floor)" ;;
        pipe1) label="pipeline, 1 job" ;;
        pipeN) label="pipeline, $JOBS jobs" ;;
        jq) label="jq -c . over the stream" ;;
        extract) label="extract alone" ;;
        normalize) label="normalize alone over the stream" ;;
        esac
        awk -v n="$n" -v f="$files" -v b="$bytes" -v s="$sbytes" -v l="$label" -v w="$wall" -v c="$cpu" -v r="$rss" 'BEGIN {
            c0 = (c > 0) ? c : 0.01
            sm = (s > 0) ? sprintf("%.1f", s / 1e6) : "–"
            printf "| %d | %d | %.1f | %s | %s | %.2f | %.2f | %.1f | %.2f | %.1f |\n",
                n, f, b / 1e6, sm, l, w, c, n / c0, b / 1e6 / c0, r / 1024 }' >> "$W/pipeline.md"
    done
done

echo
echo "== ratios (CPU seconds; wall for the speed-up)"
for n in $SCALES; do
    awk -v n="$n" -v j="$JOBS" '
        $1 == "cat-" n {cat = $3} $1 == "pipe1-" n {p1 = $3; w1 = $2} $1 == "pipeN-" n {pn = $3; wn = $2}
        $1 == "jq-" n {jq = $3} $1 == "normalize-" n {nt = $3}
        END {
            # cat may round to 0.00 CPU s: the ratio is then at least p1/0.01
            ge = (cat > 0) ? "" : ">="
            rc = p1 / ((cat > 0) ? cat : 0.01)
            sw = (wn > 0) ? w1 / wn : 0
            sc = (p1 > 0) ? pn / p1 : 0
            printf "%6d docs: pipeline/cat %s%.0fx", n, ge, rc
            if (jq > 0) printf ", pipeline/jq-pass %.1fx, normalize/jq %.2fx", p1 / jq, nt / jq
            if (wn > 0) printf ", speed-up 1 -> %d jobs %.2fx (wall), CPU %.2fx", j, sw, sc
            printf "\n"
        }' "$W/times"
done | tee "$W/ratios.txt"
echo
cat "$W/pipeline.md"
