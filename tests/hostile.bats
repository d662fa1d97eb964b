#!/usr/bin/env bats
# Hostile and broken inputs (issue 8). Each input runs between two good
# documents, under a 60 s guard and a memory cap, and must give: a clear
# error record, the documented exit status (1: finished, some documents
# failed), no crash, and the good documents exactly as they come out alone.
# Inputs: data/hostile/ and, generated at test time (too big or too
# many to commit), tests/hostile/make-inputs.
load test_helper
load hostile/hostile

BAD="$ROOT/data/hostile"
GOOD1="$FIXTURES/suining-2023-final.txt"
GOOD2="$FIXTURES/caidian-2023-final.txt"

setup_file() {
    local dir="$BATS_FILE_TMPDIR"
    "$BATS_TEST_DIRNAME/hostile/make-inputs" "$dir/in"
    extract "$GOOD1" "$GOOD2" > "$dir/good.ndjson"
    extract "$GOOD1" > "$dir/good1.ndjson"
    extract "$GOOD2" > "$dir/good2.ndjson"
}

setup() {
    TMP="$BATS_TEST_TMPDIR"
    IN="$BATS_FILE_TMPDIR/in"
    GOOD="$BATS_FILE_TMPDIR/good.ndjson"
}

# extract_among BAD [OPTION...]: extract GOOD1 BAD GOOD2; sets status,
# leaves the stream in $TMP/out.ndjson and stderr in $TMP/err.
extract_among() {
    local bad=$1
    shift
    status=0
    bounded extract "$@" "$GOOD1" "$bad" "$GOOD2" > "$TMP/out.ndjson" 2> "$TMP/err" || status=$?
}

# expect_extract STATUS CODES: the status, an error record whose code
# matches the regex CODES (none when CODES is empty), a whole stream, the
# good documents intact.
expect_extract() {
    local want=$1 codes=$2
    if [ "$status" -ne "$want" ]; then
        echo "status $status, expected $want" >&2
        cat "$TMP/err" >&2
        return 1
    fi
    stream_whole "$TMP/out.ndjson"
    if [ -n "$codes" ]; then
        error_codes "$TMP/out.ndjson" | grep -Eqx "$codes" || {
            echo "no error record with a code matching $codes; got: $(error_codes "$TMP/out.ndjson" | tr '\n' ' ')" >&2
            return 1
        }
        # the error names what failed (-s: jq 1.6's -e only looks at the last input)
        jq -s -e 'any(.[]; .type == "error" and .stage == "extract" and (.message | length) > 0 and (.source | length) > 0)' \
            "$TMP/out.ndjson" >/dev/null
    fi
    same_documents "$GOOD" "$TMP/out.ndjson"
}

# The stream stages that exist: every cmd/ folder but extract (the source)
# and emit-csv (writes CSV; tested on its own below).
stream_stages() {
    local d
    for d in "$ROOT"/cmd/*/; do
        d=$(basename "$d")
        case $d in extract | emit-csv) ;; *) echo "$d" ;; esac
    done
}

# stream_among STAGE HOSTILE: STAGE over good1 + HOSTILE + good2; sets
# status, output in $TMP/out.ndjson. The good documents must come out as
# the stage writes them from the good documents alone.
stream_among() {
    local stage=$1 hostile=$2
    command -v "$stage" >/dev/null || { echo "cmd/$stage exists but $stage was not built" >&2; return 1; }
    "$stage" < "$GOOD" > "$TMP/expected.ndjson"
    status=0
    cat "$BATS_FILE_TMPDIR/good1.ndjson" "$hostile" "$BATS_FILE_TMPDIR/good2.ndjson" |
        bounded "$stage" > "$TMP/out.ndjson" 2> "$TMP/err" || status=$?
}

# expect_stream STAGE CODES: exit 1, an error record of CODES, a whole
# stream, the good documents as the stage writes them alone.
expect_stream() {
    local stage=$1 codes=$2
    if [ "$status" -ne 1 ]; then
        echo "$stage: status $status, expected 1" >&2
        cat "$TMP/err" >&2
        return 1
    fi
    stream_whole "$TMP/out.ndjson"
    error_codes "$TMP/out.ndjson" | grep -Eqx "$codes" || {
        echo "$stage: no error record matching $codes" >&2
        return 1
    }
    same_documents "$TMP/expected.ndjson" "$TMP/out.ndjson" || { echo "$stage: good documents changed" >&2; return 1; }
}

# --- archives ------------------------------------------------------------

@test "hostile: zip bomb by ratio (200 MiB of zeros in 200 KB) is refused" {
    extract_among "$BAD/bomb.zip"
    expect_extract 1 limit
}

@test "hostile: zip member over the absolute size cap is refused before reading" {
    extract_among "$IN/big-member.zip" --max-member-bytes=1M
    expect_extract 1 limit
    run jq -r 'select(.type == "error") | .message' "$TMP/out.ndjson"
    assert_output --partial "max-member-bytes"
}

@test "hostile: an archive over the total size cap stops at the cap, earlier members whole" {
    extract_among "$IN/many-members.zip" --max-archive-bytes=2M
    expect_extract 1 limit
    # 2 MiB hold the first four 512 KiB members
    run jq -r 'select(.type == "document") | .source' "$TMP/out.ndjson"
    assert_output --partial "many-members.zip!part0.txt"
    assert_output --partial "many-members.zip!part3.txt"
}

@test "hostile: a member that inflates beyond its declared size is cut off" {
    extract_among "$BAD/lying-size.zip"
    expect_extract 1 zip_lying_size
}

@test "hostile: nested-zip depth bomb stops at the depth limit" {
    extract_among "$BAD/nested-depth.zip"
    expect_extract 1 limit
    run jq -r 'select(.type == "document") | .source' "$TMP/out.ndjson"
    refute_output --partial "level10.txt"
}

@test "hostile: zip-slip member names are reported, never written" {
    mkdir "$TMP/cwd"
    cd "$TMP/cwd"
    extract_among "$BAD/zip-slip.zip"
    expect_extract 0 ""
    run jq -r 'select(.type == "document") | .source' "$TMP/out.ndjson"
    assert_output --partial "zip-slip.zip!../../etc/evil.txt"
    assert_output --partial "zip-slip.zip!/abs/path.txt"
    # extract writes no files: not here, not above, not at the absolute path
    run find "$TMP/cwd" -mindepth 1
    assert_output ""
    [ ! -e /abs/path.txt ]
    [ ! -e "$TMP/etc/evil.txt" ] && [ ! -e "$BATS_RUN_TMPDIR/etc/evil.txt" ]
}

@test "hostile: an encrypted member is an error, the plain member beside it is read" {
    extract_among "$BAD/encrypted.zip"
    expect_extract 1 zip_encrypted
    run jq -r 'select(.type == "document") | .source' "$TMP/out.ndjson"
    assert_output --partial "encrypted.zip!ok.txt"
}

@test "hostile: a truncated archive (no central directory) is an error" {
    extract_among "$BAD/truncated.zip"
    expect_extract 1 zip_corrupt
}

# --- XML -----------------------------------------------------------------
# A DOCTYPE in an OOXML part is an "xml" error (extract(1)): OOXML has none,
# so entities are never declared, let alone expanded or fetched.

@test "hostile: billion laughs in a docx expands nothing" {
    extract_among "$BAD/billion-laughs.docx"
    expect_extract 1 xml
    run grep -c lollollol "$TMP/out.ndjson"
    assert_output 0
}

@test "hostile: billion laughs in an xlsx expands nothing" {
    extract_among "$BAD/billion-laughs.xlsx"
    expect_extract 1 xml
    run grep -c lollollol "$TMP/out.ndjson"
    assert_output 0
}

@test "hostile: an external entity in a docx reads no file" {
    extract_among "$BAD/xxe.docx"
    expect_extract 1 xml
    run grep -c 'root:' "$TMP/out.ndjson"
    assert_output 0
}

# --- text and encodings --------------------------------------------------

@test "hostile: HTML whose charset label is wrong is read in its real encoding" {
    extract_among "$FIXTURES/wulong-2021-final-gbk.html"
    expect_extract 0 ""
    run jq -r 'select(.type == "document" and (.source | endswith(".html"))) | .encoding' "$TMP/out.ndjson"
    assert_output gb18030
    # the Traditional title survives: a reader trusting gb2312 cuts it at 慶
    run jq -r 'select(.type == "paragraph" or .type == "row") | tostring' "$TMP/out.ndjson"
    assert_output --partial "重慶市武隆區"
    refute_output --partial $'\xef\xbf\xbd'
}

@test "hostile: invalid and overlong UTF-8 in a text file become U+FFFD and an error" {
    extract_among "$BAD/invalid-utf8.txt"
    expect_extract 1 encoding
    # the stream itself is valid UTF-8 (jq parsed it) and carries no overlong bytes
    run grep -c $'\xc0\xaf' "$TMP/out.ndjson"
    assert_output 0
}

@test "hostile: NUL bytes in a text file are left out with an error" {
    extract_among "$BAD/nul-bytes.txt"
    expect_extract 1 control_chars
    run jq -r 'select(.type == "paragraph" or .type == "row") | tostring | select(contains("\\u0000"))' "$TMP/out.ndjson"
    assert_output ""
}

@test "hostile: a 100 MiB single-line text file is refused by the line limit" {
    extract_among "$IN/long-line.txt"
    expect_extract 1 limit
}

# --- broken files under every extension -----------------------------------

@test "hostile: binary garbage under every extension is an unknown format" {
    local ext
    for ext in docx xlsx html txt pdf zip doc xls; do
        extract_among "$IN/garbage.$ext"
        expect_extract 1 unknown_format || { echo "garbage.$ext" >&2; return 1; }
    done
    extract_among "$BAD/garbage.docx"
    expect_extract 1 unknown_format
    extract_among "$BAD/binary.html"
    expect_extract 1 unknown_format
}

@test "hostile: empty files under every extension are an empty error" {
    local ext
    for ext in docx xlsx html txt pdf zip doc xls; do
        extract_among "$IN/empty.$ext"
        expect_extract 1 empty || { echo "empty.$ext" >&2; return 1; }
    done
    extract_among "$BAD/empty.docx"
    expect_extract 1 empty
}

@test "hostile: a PDF with no text layer is an error, not an empty success" {
    extract_among "$BAD/no-text-layer.pdf"
    expect_extract 1 pdf_no_text
}

@test "hostile: a damaged PDF (no xref, no trailer) is an error" {
    extract_among "$BAD/damaged.pdf"
    expect_extract 1 pdf_damaged
}

@test "hostile: an HTML page named .pdf is not read as a PDF" {
    extract_among "$BAD/mislabelled.pdf"
    run jq -r 'select(.type == "document" and (.source | endswith("mislabelled.pdf"))) | .format' "$TMP/out.ndjson"
    assert_output html
    stream_whole "$TMP/out.ndjson"
    same_documents "$GOOD" "$TMP/out.ndjson"
    run error_codes "$TMP/out.ndjson"
    refute_output --partial pdf_
}

# --- the record stream ---------------------------------------------------

@test "hostile: a 100 MiB line on the stream is skipped by every stream stage" {
    local s
    for s in $(stream_stages); do
        stream_among "$s" "$IN/long-line.ndjson"
        expect_stream "$s" line_too_long
    done
}

@test "hostile: JSON nested 10,000 deep on the stream is a bad record" {
    local s
    for s in $(stream_stages); do
        stream_among "$s" "$IN/deep.ndjson"
        expect_stream "$s" bad_record
        # the document that held it is closed, counted and marked
        run jq -c 'select(.type == "end" and .doc == "deep")' "$TMP/out.ndjson"
        assert_output --partial '"doc":"deep"'
    done
}

@test "hostile: invalid UTF-8, overlong UTF-8 and NULs on the stream are bad records" {
    local s
    for s in $(stream_stages); do
        stream_among "$s" "$IN/bad-utf8.ndjson"
        expect_stream "$s" bad_record
        # five bad lines, five error records, nothing else of theirs passed on
        run jq -r 'select(.type == "error" and .doc == "utf") | .code' "$TMP/out.ndjson"
        assert_output "$(printf 'bad_record\n%.0s' 1 2 3 4 5)"
    done
}

@test "hostile: a record missing its document id is a bad record" {
    local s
    for s in $(stream_stages); do
        stream_among "$s" "$IN/no-doc.ndjson"
        expect_stream "$s" bad_record
        run jq -r 'select(.type == "error" and .code == "bad_record") | .message' "$TMP/out.ndjson"
        assert_output --partial 'header has no string "doc"'
        assert_output --partial 'record has no string "doc"'
        assert_output --partial 'record of document theirs inside document mine'
        # neither stray record is passed on as if it were the document's
        run grep -c 'a record without its doc\|a record of another document' "$TMP/out.ndjson"
        assert_output 0
    done
}

@test "hostile: emit-csv goes on past hostile lines with exit 1" {
    cat "$BATS_FILE_TMPDIR/good1.ndjson" "$IN/deep.ndjson" "$IN/bad-utf8.ndjson" "$IN/no-doc.ndjson" \
        "$IN/long-line.ndjson" "$BATS_FILE_TMPDIR/good2.ndjson" > "$TMP/mixed.ndjson"
    status=0
    bounded emit-csv --type document "$TMP/mixed.ndjson" > "$TMP/docs.csv" 2> "$TMP/err" || status=$?
    [ "$status" -eq 1 ] || { cat "$TMP/err" >&2; return 1; }
    local d
    for d in $(doc_ids "$GOOD"); do
        grep -q "^$d," "$TMP/docs.csv"
    done
    status=0
    bounded emit-csv --type error "$TMP/mixed.ndjson" > "$TMP/errors.csv" 2> "$TMP/err" || status=$?
    [ "$status" -eq 1 ]
    run grep -c 'line_too_long\|bad_record' "$TMP/errors.csv"
    [ "$output" -ge 8 ]
}
