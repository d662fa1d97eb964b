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

# measure_pair CMD_A... -- CMD_B...: "a_cpu a_rss b_cpu b_rss", the medians
# of 5 runs of each, run in turn (A, B, A, B …) so that the load of a shared
# machine falls on both alike: a ratio of two medians taken minutes apart
# swung by 20 % with the load.
measure_pair() {
    local a=() b=() side=a x
    for x in "$@"; do
        if [ "$side" = a ] && [ "$x" = -- ]; then
            side=b
        elif [ "$side" = a ]; then
            a+=("$x")
        else
            b+=("$x")
        fi
    done
    : > "$W/pair.a"
    : > "$W/pair.b"
    for _ in 1 2 3 4 5; do
        for x in a b; do
            local -n cmd=$x
            /usr/bin/time -o "$W/time" -f '%U %S %M' "${cmd[@]}" > /dev/null 2> "$W/stderr" ||
                { cat "$W/stderr" >&2; return 1; }
            awk '{printf "%.3f %d\n", $1 + $2, $3}' "$W/time" >> "$W/pair.$x"
        done
    done
    printf '%s %s\n' "$(sort -n "$W/pair.a" | sed -n 3p)" "$(sort -n "$W/pair.b" | sed -n 3p)"
}
