# Helpers for tests/hostile.bats: run a stage under a time guard and a
# memory cap, and check that a run's output is a whole stream in which the
# good documents came out exactly as they do on their own.

# Address space for a plain build. A sanitized build maps terabytes of
# shadow memory, so there the cap is ASan's own RSS limit instead.
HOSTILE_VMEM_KB=${HOSTILE_VMEM_KB:-1048576}
HOSTILE_ASAN_RSS_MB=${HOSTILE_ASAN_RSS_MB:-2048}

is_sanitized() {
    grep -qa __asan_init "$(command -v "$1")"
}

# bounded STAGE ARGS...: the stage with a 60 s guard (never a speed
# assertion: a hang becomes status 124) and capped memory.
bounded() {
    local stage=$1
    if is_sanitized "$stage"; then
        ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}hard_rss_limit_mb=$HOSTILE_ASAN_RSS_MB" \
            timeout 60 "$@"
    else
        ( ulimit -v "$HOSTILE_VMEM_KB" && exec timeout 60 "$@" )
    fi
}

# stream_whole FILE: every line is a JSON object with a type; documents are
# header .. trailer, never nested, and each trailer counts its records.
stream_whole() {
    jq -s -e '
      all(.[]; type == "object" and (.type | type) == "string") and
      (reduce .[] as $r ({open: null, n: 0, ok: true};
        if $r.type == "document" then (if .open then .ok = false else . end) | .open = $r.doc | .n = 0
        elif $r.type == "end" then .ok = (.ok and .open == $r.doc and $r.records == .n) | .open = null
        elif .open then .n += 1
        else . end) | .ok and .open == null)' "$1" >/dev/null
}

# doc_ids FILE: the ids of the documents in a stream, one a line.
doc_ids() {
    jq -r 'select(.type == "document") | .doc' "$1"
}

# same_documents EXPECTED ACTUAL: every document of EXPECTED is in ACTUAL,
# record for record.
same_documents() {
    local d
    for d in $(doc_ids "$1"); do
        diff <(jq -c --arg d "$d" 'select(.doc == $d)' "$1") \
             <(jq -c --arg d "$d" 'select(.doc == $d)' "$2") || {
            echo "document $d differs" >&2
            return 1
        }
    done
}

# error_codes FILE: the codes of the error records, one a line.
error_codes() {
    jq -r 'select(.type == "error") | .code' "$1"
}
