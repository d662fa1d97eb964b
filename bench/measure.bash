# shellcheck shell=bash
# Shared by the stage benchmarks (sourced; $W is the bench's scratch folder).

# measure CMD...: the median of 3 runs as "cpu_seconds max_rss_kib"
# (CPU seconds, user + system: the stable number on a shared machine).
measure() {
    for _ in 1 2 3; do
        /usr/bin/time -o "$W/time" -f '%U %S %M' "$@" > /dev/null 2> "$W/stderr" ||
            { cat "$W/stderr" >&2; return 1; }
        awk '{printf "%.3f %d\n", $1 + $2, $3}' "$W/time"
    done | sort -n | sed -n 2p
}
