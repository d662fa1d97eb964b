#!/usr/bin/env bats
# pipelines: run (the five stages in one pipe), load (CSVs into SQLite or
# PostgreSQL), nightly (the cron import: lock, content addressing, parallel,
# retries, kill -9 safety, disk full, PostgreSQL, several hosts). Every
# server a test starts is stopped in teardown.

setup_file() {
    load test_helper
    load pipelines/helpers
    # The stages of this checkout, copied once: every test of this file
    # uses the same build, even if bin/ is rebuilt meanwhile. A missing
    # stage fails here, loudly.
    export YJS_BIN="$BATS_FILE_TMPDIR/bin"
    mkdir -p "$YJS_BIN"
    local s
    for s in extract normalize-traditional-chinese tabulate reconcile emit-csv; do
        cp -p "$BIN/$s" "$YJS_BIN/" || { echo "stage $s not built: run make" >&2; return 1; }
    done
    # One clean nightly import of the fixtures: what every other way of
    # importing them must end with.
    export REF_INBOX="$BATS_FILE_TMPDIR/inbox"
    make_inbox "$REF_INBOX"
    export REF_DB="$BATS_FILE_TMPDIR/ref.sqlite"
    "$ROOT/pipelines/nightly" --inbox "$REF_INBOX" --db "$REF_DB" --work "$BATS_FILE_TMPDIR/refwork" \
        >"$BATS_FILE_TMPDIR/ref.out" 2>&1 || true
    export REF_DUMP="$BATS_FILE_TMPDIR/ref.dump"
    dump_sqlite "$REF_DB" >"$REF_DUMP"
    # A smaller inbox for the tests that run the nightly many times: good
    # reports, a zip holding two of them again, three hostile files.
    export SMALL_INBOX="$BATS_FILE_TMPDIR/small"
    mkdir -p "$SMALL_INBOX/bad"
    local f
    for f in caidian-2023-final.txt caidian-2023-final.xlsx suining-2023-final-gbk.txt \
        wulong-2021-final-big5.html batch-2023.zip bad/truncated.zip bad/encrypted.zip bad/empty.docx; do
        cp "$REF_INBOX/$f" "$SMALL_INBOX/$f"
    done
    export SMALL_DB="$BATS_FILE_TMPDIR/small.sqlite" SMALL_DUMP="$BATS_FILE_TMPDIR/small.dump"
    "$ROOT/pipelines/nightly" --inbox "$SMALL_INBOX" --db "$SMALL_DB" --work "$BATS_FILE_TMPDIR/smallwork" >/dev/null 2>&1 || true
    dump_sqlite "$SMALL_DB" >"$SMALL_DUMP"
}

setup() {
    load test_helper
    load pipelines/helpers
    PG_DIR='' SSH_DIR='' MNT=''
}

teardown() {
    [ -z "$PG_DIR" ] || { pg_stop "$PG_DIR"; rm -rf "$PG_DIR"; }
    [ -z "$SSH_DIR" ] || sshd_stop "$SSH_DIR"
    if [ -n "$MNT" ] && mountpoint -q "$MNT"; then umount "$MNT"; fi
    return 0
}

nightly() { "$ROOT/pipelines/nightly" "$@"; }

# stages_with NAME FILE: a copy of the stages folder with stage NAME
# replaced by FILE; prints its path.
stages_with() {
    local dir="$BATS_TEST_TMPDIR/stages-$1" s
    mkdir -p "$dir"
    for s in extract normalize-traditional-chinese tabulate reconcile emit-csv; do
        ln -sf "$YJS_BIN/$s" "$dir/$s"
    done
    ln -sf "$2" "$dir/$1"
    printf '%s\n' "$dir"
}

# The reference import itself: what the fixtures must give.
@test "nightly: imports the fixtures into SQLite, records bad files, prints one summary line" {
    run cat "$BATS_FILE_TMPDIR/ref.out"
    assert_line --regexp '^nightly: documents [0-9]+ new, 0 skipped, [0-9]+ failed; [0-9]+ facts; findings [0-9]+ error, [0-9]+ warning, [0-9]+ info; [0-9]+ errors; [0-9]+ s'
    # one line on stdout and nothing else under cron (no terminal)
    [ "${#lines[@]}" -eq 1 ]
    # every fixture file is in archives: the good ones done, the hostile ones failed
    [ "$(count_sqlite "$REF_DB" archives)" -eq "$(find "$REF_INBOX" -type f ! -name '*.md' ! -name '.*' | wc -l)" ]
    [ "$(count_sqlite "$REF_DB" archives "path = 'caidian-2023-final.txt' AND status = 'done'")" -eq 1 ]
    [ "$(count_sqlite "$REF_DB" archives "path = 'suining-2023-final-gbk.txt' AND status = 'done'")" -eq 1 ]
    [ "$(count_sqlite "$REF_DB" archives "path = 'bad/truncated.zip' AND status = 'failed'")" -eq 1 ]
    # a corrupt archive leaves error rows
    [ "$(count_sqlite "$REF_DB" errors "source LIKE 'bad/truncated.zip%'")" -ge 1 ]
    # the good reports' facts are there, amounts as TEXT decimals, never REAL
    [ "$(count_sqlite "$REF_DB" facts "doc_id = (SELECT doc_id FROM documents WHERE source = 'caidian-2023-final.txt')")" -gt 100 ]
    [ "$(count_sqlite "$REF_DB" facts "typeof(value) NOT IN ('text', 'null')")" -eq 0 ]
    [ "$(count_sqlite "$REF_DB" facts "value = '0.00'")" -gt 0 ]
    # the run is logged
    run sqlite3 "$REF_DB" "SELECT status, files_failed > 0, facts > 0 FROM runs"
    assert_output "failed|1|1"
    run sqlite3 "$REF_DB" "PRAGMA journal_mode"
    assert_output wal
    # the views answer
    run sqlite3 "$REF_DB" "SELECT count(*) > 0 FROM entity_year_totals WHERE entity LIKE '武汉市蔡甸区医疗保障局%' AND year = '2023'"
    assert_output 1
    run sqlite3 "$REF_DB" "SELECT count(*) = (SELECT count(*) FROM findings WHERE severity = 'error') FROM error_findings WHERE source IS NOT NULL"
    assert_output 1
}

@test "scripts: --help, --version, shellcheck-clean" {
    local s
    for s in run nightly load; do
        run "$ROOT/pipelines/$s" --help
        assert_success
        assert_output --partial "Usage: $s"
        assert_output --partial "Exit status"
        run "$ROOT/pipelines/$s" --version
        assert_output "$s (yujuesuan) 0.1.0"
    done
    run shellcheck "$ROOT/pipelines/run" "$ROOT/pipelines/nightly" "$ROOT/pipelines/load" \
        "$ROOT/tests/pipelines/kill-session" "$ROOT/tests/pipelines/kill-bin/"* "$ROOT/tests/pipelines/full-bin/"*
    assert_success
}

@test "scripts: usage errors exit 2 with a message" {
    run -2 --separate-stderr "$ROOT/pipelines/nightly"
    assert_equal "$stderr" "$(printf "nightly: no --inbox given\nTry 'nightly --help' for more information.")"
    run -2 "$ROOT/pipelines/nightly" --inbox /nonexistent
    run -2 "$ROOT/pipelines/nightly" --inbox "$FIXTURES" --jobs 0
    run -2 "$ROOT/pipelines/nightly" --inbox "$FIXTURES" --db a --pg b
    run -2 "$ROOT/pipelines/run"
    run -2 "$ROOT/pipelines/run" --bogus x
    run -2 "$ROOT/pipelines/load" --db x.sqlite
}

@test "load: hand-made records through emit-csv into SQLite: exact values, idempotent" {
    local db="$BATS_TEST_TMPDIR/h.sqlite" csv="$BATS_TEST_TMPDIR/csv"
    mkdir "$csv"
    "$YJS_BIN/emit-csv" --dir "$csv" --no-formula-guard "$ROOT/tests/pipelines/stream-a.ndjson"
    run "$ROOT/pipelines/load" --db "$db" --archive 1111 --path x.zip --bytes 10 "$csv"
    assert_success
    assert_output "documents=2 facts=6 error=1 warning=1 info=1 errors=2"
    # decimals as printed, nil is NULL (not zero), text stays text
    run sqlite3 "$db" "SELECT seq, quote(value), item FROM facts WHERE doc_id LIKE 'a%' ORDER BY seq"
    assert_output "$(printf "1|NULL|\n2|'442.86'|合计\n3|'0.00'|行政运行\n4|NULL|=SUM(A1)\n5|'-2.99'|")"
    run sqlite3 "$db" "SELECT sentence FROM facts WHERE seq = 5 AND doc_id LIKE 'a%'"
    assert_output "$(printf '比上年减少-2.99万元，"下降"0.7%%，主要原因是：\n人员减少。')"
    run sqlite3 "$db" "SELECT status, documents, facts, findings, errors FROM archives"
    assert_output "done|2|6|3|2"
    run sqlite3 "$db" "SELECT source, stage, code FROM errors ORDER BY doc_id"
    assert_output "$(printf 'suining.txt|tabulate|unknown_table\nmissing.docx|extract|open')"
    local before
    before=$(dump_sqlite "$db")
    run "$ROOT/pipelines/load" --db "$db" --archive 1111 --path x.zip --bytes 10 "$csv"
    assert_success
    assert_equal "$(dump_sqlite "$db")" "$before"
}

@test "load: a document loaded again with fewer rows is replaced whole; the same bytes from two archives give one row whatever the order" {
    local csv="$BATS_TEST_TMPDIR/csv" fewer="$BATS_TEST_TMPDIR/fewer" other="$BATS_TEST_TMPDIR/other"
    mkdir "$csv" "$fewer" "$other"
    "$YJS_BIN/emit-csv" --dir "$csv" --no-formula-guard "$ROOT/tests/pipelines/stream-a.ndjson"
    # the first document again, with only its meta fact
    head -n 2 "$ROOT/tests/pipelines/stream-a.ndjson" >"$BATS_TEST_TMPDIR/fewer.ndjson"
    printf '{"type":"end","doc":"%s","records":1}\n' "$(printf 'a%.0s' $(seq 64))" >>"$BATS_TEST_TMPDIR/fewer.ndjson"
    "$YJS_BIN/emit-csv" --dir "$fewer" --no-formula-guard "$BATS_TEST_TMPDIR/fewer.ndjson"
    "$ROOT/pipelines/load" --db "$BATS_TEST_TMPDIR/f.sqlite" "$csv"
    "$ROOT/pipelines/load" --db "$BATS_TEST_TMPDIR/f.sqlite" "$fewer"
    run count_sqlite "$BATS_TEST_TMPDIR/f.sqlite" facts "doc_id LIKE 'a%'"
    assert_output 1
    run count_sqlite "$BATS_TEST_TMPDIR/f.sqlite" findings "doc_id LIKE 'a%'"
    assert_output 0
    # the same documents found under other names in another archive
    # (and, as tabulate may read a name, with other figures)
    sed 's/"caidian.docx"/"zz.zip!caidian.docx"/g; s/"suining.txt"/"a.zip!suining.txt"/g; s/"442.86"/"999.99"/; s/"1858.51"/"1.00"/' \
        "$ROOT/tests/pipelines/stream-a.ndjson" | "$YJS_BIN/emit-csv" --dir "$other" --no-formula-guard
    "$ROOT/pipelines/load" --db "$BATS_TEST_TMPDIR/ab.sqlite" --archive A "$csv"
    "$ROOT/pipelines/load" --db "$BATS_TEST_TMPDIR/ab.sqlite" --archive B "$other"
    "$ROOT/pipelines/load" --db "$BATS_TEST_TMPDIR/ba.sqlite" --archive B "$other"
    "$ROOT/pipelines/load" --db "$BATS_TEST_TMPDIR/ba.sqlite" --archive A "$csv"
    assert_equal "$(dump_sqlite "$BATS_TEST_TMPDIR/ab.sqlite")" "$(dump_sqlite "$BATS_TEST_TMPDIR/ba.sqlite")"
    run sqlite3 "$BATS_TEST_TMPDIR/ab.sqlite" "SELECT source FROM documents ORDER BY doc_id"
    assert_output "$(printf 'caidian.docx\na.zip!suining.txt')"
    run count_sqlite "$BATS_TEST_TMPDIR/ab.sqlite" document_sources
    assert_output 4
    # each document's rows come whole from its smaller source
    run sqlite3 "$BATS_TEST_TMPDIR/ab.sqlite" "SELECT value FROM facts WHERE item IN ('合计', '总计') ORDER BY doc_id"
    assert_output "$(printf '442.86\n1.00')"
}

@test "run: a folder through the five real stages into four CSVs" {
    local out="$BATS_TEST_TMPDIR/out"
    mkdir "$BATS_TEST_TMPDIR/in"
    cp "$FIXTURES/caidian-2023-final.txt" "$FIXTURES/suining-2023-final-gbk.txt" "$BATS_TEST_TMPDIR/in/"
    cp "$FIXTURES/README.md" "$BATS_TEST_TMPDIR/in/"
    cp "$ROOT/tests/mht/workbook.mht" "$FIXTURES/caidian-2023-final.ofd" "$BATS_TEST_TMPDIR/in/"
    run "$ROOT/pipelines/run" --out "$out" -C "$BATS_TEST_TMPDIR" in
    assert_success
    for t in facts findings documents errors; do [ -f "$out/$t.csv" ]; done
    # the reports, a web archive and an OFD too (README.md is not a report), named as given
    run python3 -c 'import csv,sys; print("\n".join(r["source"] for r in csv.DictReader(open(sys.argv[1], newline=""))))' "$out/documents.csv"
    assert_output "$(printf 'in/caidian-2023-final.ofd\nin/caidian-2023-final.txt\nin/suining-2023-final-gbk.txt\nin/workbook.mht')"
    [ "$(wc -l <"$out/facts.csv")" -gt 100 ]
    # no scratch left behind
    run find "$out" -mindepth 1 -name '.*'
    assert_output ""
}

@test "run: a missing stage fails loudly, naming it; a failing stage writes no CSVs" {
    mkdir -p "$BATS_TEST_TMPDIR/alone" "$BATS_TEST_TMPDIR/out"
    cp "$ROOT/pipelines/run" "$BATS_TEST_TMPDIR/alone/"
    run -2 --separate-stderr env -u YJS_BIN PATH=/usr/bin:/bin "$BATS_TEST_TMPDIR/alone/run" --out "$BATS_TEST_TMPDIR/out" "$FIXTURES/caidian-2023-final.txt"
    assert_equal "$stderr" "$(printf '%s' "run: stage not found: extract normalize-traditional-chinese tabulate reconcile emit-csv (looked in $BATS_TEST_TMPDIR/alone/../bin, $BATS_TEST_TMPDIR/alone and PATH; build with 'make')")"
    # a stage that dies: exit 3, the stage named, the folder untouched
    printf '#!/bin/sh\ncat >/dev/null\necho "tabulate: out of memory" >&2\nexit 3\n' >"$BATS_TEST_TMPDIR/broken"
    chmod +x "$BATS_TEST_TMPDIR/broken"
    YJS_BIN=$(stages_with tabulate "$BATS_TEST_TMPDIR/broken") run -3 --separate-stderr "$ROOT/pipelines/run" --out "$BATS_TEST_TMPDIR/out" "$FIXTURES/caidian-2023-final.txt"
    assert_equal "$stderr" "$(printf 'tabulate: out of memory\nrun: aborted: tabulate exited 3')"
    run ls -A "$BATS_TEST_TMPDIR/out"
    assert_output ""
}

@test "nightly: a second instance exits 75 at once while the lock is held" {
    local work="$BATS_TEST_TMPDIR/work"
    mkdir -p "$work"
    exec 8>>"$work/lock"
    flock 8
    run -75 --separate-stderr nightly --inbox "$REF_INBOX" --db "$BATS_TEST_TMPDIR/l.sqlite" --work "$work"
    exec 8>&-
    assert_equal "$stderr" "nightly: another nightly import is running (lock $work/lock is held); exiting"
    [ ! -e "$BATS_TEST_TMPDIR/l.sqlite" ]
}

@test "nightly: re-run on an unchanged inbox changes nothing; renamed or copied files are skipped, changed ones imported" {
    local db="$BATS_TEST_TMPDIR/r.sqlite" inbox="$BATS_TEST_TMPDIR/inbox" work="$BATS_TEST_TMPDIR/work"
    cp "$SMALL_DB" "$db"
    cp -R "$SMALL_INBOX" "$inbox"
    local failed
    failed=$(count_sqlite "$db" archives "status = 'failed'")
    run -1 nightly --inbox "$inbox" --db "$db" --work "$work"
    # only the failed ones are tried again
    assert_output --regexp "^nightly: documents 0 new, $(($(count_sqlite "$db" archives) - failed)) skipped, $failed failed;"
    assert_equal "$(dump_sqlite "$db")" "$(cat "$SMALL_DUMP")"
    # renamed, and downloaded again under another name: nothing new
    mv "$inbox/caidian-2023-final.txt" "$inbox/蔡甸区 2023 决算.txt"
    mkdir "$inbox/2024-11-23"
    cp "$inbox/suining-2023-final-gbk.txt" "$inbox/2024-11-23/suining (1).txt"
    run -1 nightly --inbox "$inbox" --db "$db" --work "$work"
    assert_output --partial "documents 0 new,"
    assert_equal "$(dump_sqlite "$db")" "$(cat "$SMALL_DUMP")"
    # changed: imported as a new document
    printf '\n附注：本报告于2024年更正。\n' >>"$inbox/蔡甸区 2023 决算.txt"
    run -1 nightly --inbox "$inbox" --db "$db" --work "$work"
    assert_output --partial "documents 1 new,"
    run count_sqlite "$db" documents "source = '蔡甸区 2023 决算.txt'"
    assert_output 1
    run sqlite3 "$db" "SELECT count(*), sum(status = 'killed'), sum(status = 'failed') FROM runs"
    assert_output "4|0|4"
}

@test "nightly: a failed file is recorded with its error and imported by the next run" {
    local db="$BATS_TEST_TMPDIR/f.sqlite" work="$BATS_TEST_TMPDIR/work"
    printf '#!/bin/sh\ncat >/dev/null\necho "tabulate: killed by the OOM killer" >&2\nexit 3\n' >"$BATS_TEST_TMPDIR/broken"
    chmod +x "$BATS_TEST_TMPDIR/broken"
    YJS_BIN=$(stages_with tabulate "$BATS_TEST_TMPDIR/broken") run -1 nightly --inbox "$SMALL_INBOX" --db "$db" --work "$work"
    assert_output --regexp "documents 0 new, 0 skipped, [0-9]+ failed; 0 facts"
    run sqlite3 "$db" "SELECT stage, code, message FROM errors WHERE seq = 0 AND source = 'caidian-2023-final.txt'"
    assert_output "tabulate|failed|tabulate exited 3"
    run count_sqlite "$db" archives "status = 'done'"
    assert_output 0
    # the log keeps the stage's own words
    run grep -r "killed by the OOM killer" "$work/logs"
    assert_success
    run -1 nightly --inbox "$SMALL_INBOX" --db "$db" --work "$work"
    assert_equal "$(dump_sqlite "$db")" "$(cat "$SMALL_DUMP")"
}

# kill -9 of the whole nightly (every process of its session) at the n-th
# start of extract, then a normal run: the database must equal the reference.
kill_during() { # kill_during extract|load N DB WORK
    local what=$1 n=$2 db=$3 work=$4
    export KILL_AT=$n KILL_COUNTER="$BATS_TEST_TMPDIR/counter.$what.$n" REAL_BIN="$YJS_BIN"
    export REAL_SQLITE3 REAL_PSQL KILL_LOG="$BATS_TEST_TMPDIR/kills"
    REAL_SQLITE3=$(command -v sqlite3)
    REAL_PSQL=$(command -v psql || echo psql)
    if [ "$what" = extract ]; then
        YJS_BIN=$(stages_with extract "$ROOT/tests/pipelines/kill-bin/extract") run setsid "$ROOT/pipelines/nightly" "${@:5}" --db "$db" --work "$work" --inbox "$SMALL_INBOX"
    else
        PATH="$ROOT/tests/pipelines/kill-bin:$PATH" run setsid "$ROOT/pipelines/nightly" "${@:5}" --db "$db" --work "$work" --inbox "$SMALL_INBOX"
    fi
    # it was killed, not finished
    assert_equal "$status" 137
    wait_killed
}

# After kill-session: wait until the last process of the killed session is
# gone (SIGKILL is delivered, not awaited), and check it was the n-th kill.
wait_killed() {
    run grep -c "killing session" "$KILL_LOG"
    assert_output "$((++kills))"
    local sid i
    sid=$(tail -n 1 "$KILL_LOG" | awk '{print $3}')
    for i in $(seq 100); do
        # zombies hold nothing (no lock, no file): only the living count
        [ -n "$(ps -o stat= --sid "$sid" | grep -v '^Z')" ] || return 0
        sleep 0.1
    done
    echo "session $sid still has processes: $(ps -o pid=,comm= --sid "$sid")" >&2
    return 1
}

# The database after a kill: every document in it whole, nothing else.
assert_no_half_load() { # DB
    run sqlite3 "$1" "PRAGMA integrity_check"
    assert_output ok
    run sqlite3 "$1" "ATTACH '$SMALL_DB' AS ref;
        SELECT count(*) FROM (SELECT doc_id, seq FROM ref.facts WHERE doc_id IN (SELECT doc_id FROM main.documents)
                              EXCEPT SELECT doc_id, seq FROM main.facts);
        SELECT count(*) FROM main.facts WHERE doc_id NOT IN (SELECT doc_id FROM main.documents);
        SELECT count(*) FROM (SELECT * FROM main.facts EXCEPT SELECT * FROM ref.facts);
        SELECT count(*) < (SELECT count(*) FROM ref.archives) FROM main.archives;"
    assert_output "$(printf '0\n0\n0\n1')"
}

@test "nightly: kill -9 during extraction, then run again: the database ends as after one clean run" {
    local db="$BATS_TEST_TMPDIR/k.sqlite" work="$BATS_TEST_TMPDIR/work" n kills=0
    # the first start, then a random one of the 8 (the log of the test says which)
    for n in 1 $((2 + RANDOM % 7)); do
        echo "# killed at the start of extract number $n" >&3
        kill_during extract "$n" "$db" "$work" --jobs 2
        # the killed run is left 'running' (the next run marks it killed);
        # runs started in the same second tie on started, so count instead
        run sqlite3 "$db" "SELECT count(*), sum(status = 'running') FROM runs"
        assert_output "$kills|1"
    done
    run -1 nightly --inbox "$SMALL_INBOX" --db "$db" --work "$work"
    assert_equal "$(dump_sqlite "$db")" "$(cat "$SMALL_DUMP")"
    # the killed runs are marked so, their scratch is gone
    run sqlite3 "$db" "SELECT status, count(*) FROM runs GROUP BY 1 ORDER BY 1"
    assert_output "$(printf 'failed|1\nkilled|2')"
    run ls "$work/runs"
    [ "${#lines[@]}" -le 1 ]
}

@test "nightly: kill -9 inside a load transaction, then run again: no half-loaded file, the database ends as after one clean run" {
    local db="$BATS_TEST_TMPDIR/k.sqlite" work="$BATS_TEST_TMPDIR/work" kills=0
    kill_during load 1 "$db" "$work"
    assert_no_half_load "$db"
    [ "$(count_sqlite "$db" archives)" -eq 0 ]
    # then inside a random one of the 8 loads
    local n=$((2 + RANDOM % 7))
    echo "# killed inside load number $n" >&3
    kill_during load "$n" "$db" "$work"
    assert_no_half_load "$db"
    [ "$(count_sqlite "$db" archives)" -eq $((n - 1)) ]
    run -1 nightly --inbox "$SMALL_INBOX" --db "$db" --work "$work"
    assert_equal "$(dump_sqlite "$db")" "$(cat "$SMALL_DUMP")"
}

@test "nightly: disk full during the load leaves the database as it was; the next run imports" {
    local dir="$BATS_TEST_TMPDIR/disk" inbox="$BATS_TEST_TMPDIR/in" work="$BATS_TEST_TMPDIR/work"
    mkdir -p "$dir" "$inbox/old" "$inbox/new"
    cp "$FIXTURES/suining-2023-final.txt" "$inbox/old/"
    local db before
    if [ -z "${YJS_TEST_NO_MOUNT:-}" ] && mount -t tmpfs -o size=2m tmpfs "$dir" 2>/dev/null; then
        MNT=$dir
        db="$dir/db.sqlite"
        nightly --inbox "$inbox" --db "$db" --work "$work" >/dev/null
        before=$(dump_sqlite "$db")
        cp "$FIXTURES/caidian-2023-final.txt" "$inbox/new/"
        # fill the disk but for a few pages: enough to record the run,
        # not to load a report
        local free_kb
        free_kb=$(df -k --output=avail "$dir" | tail -n 1)
        dd if=/dev/zero of="$dir/filler" bs=1k count=$((free_kb - 96)) 2>/dev/null
        run -3 --separate-stderr nightly --inbox "$inbox" --db "$db" --work "$work"
        rm -f "$dir/filler"
    else
        # no mount here: a load may not grow a file past 64 KiB (simulated)
        db="$BATS_TEST_TMPDIR/db.sqlite"
        nightly --inbox "$inbox" --db "$db" --work "$work" >/dev/null
        before=$(dump_sqlite "$db")
        cp "$FIXTURES/caidian-2023-final.txt" "$inbox/new/"
        REAL_SQLITE3=$(command -v sqlite3) PATH="$ROOT/tests/pipelines/full-bin:$PATH" \
            run -3 --separate-stderr nightly --inbox "$inbox" --db "$db" --work "$work"
    fi
    assert_equal "${stderr%%; see *}" "nightly: new/caidian-2023-final.txt: the load failed and was rolled back (database error or disk full?)"
    assert_equal "$(dump_sqlite "$db")" "$before"
    run sqlite3 "$db" "PRAGMA integrity_check"
    assert_output ok
    run nightly --inbox "$inbox" --db "$db" --work "$work"
    assert_success
    assert_output --partial "documents 1 new, 1 skipped, 0 failed"
}

@test "nightly --pg: a real PostgreSQL server, killed -9 in a load and run again, holds the same rows as SQLite" {
    PG_DIR=$(mktemp -d /tmp/yjs-pg.XXXXXX)
    local url
    url=$(pg_start "$PG_DIR")
    # killed inside its third load, then run again
    local kills=0
    export KILL_AT=3 KILL_COUNTER="$BATS_TEST_TMPDIR/pgcount" REAL_PSQL KILL_LOG="$BATS_TEST_TMPDIR/kills"
    REAL_PSQL=$(command -v psql)
    PATH="$ROOT/tests/pipelines/kill-bin:$PATH" run setsid "$ROOT/pipelines/nightly" --inbox "$REF_INBOX" --pg "$url" --work "$BATS_TEST_TMPDIR/work"
    assert_equal "$status" 137
    wait_killed
    run psql -X -At "$url" -c "SELECT count(*) FROM archives"
    assert_output 2
    run -1 nightly --inbox "$REF_INBOX" --pg "$url" --work "$BATS_TEST_TMPDIR/work"
    assert_output --regexp '^nightly: documents [0-9]+ new, [0-9]+ skipped, [0-9]+ failed'
    # amounts are text there too, and the views answer
    run psql -X -At "$url" -c "SELECT data_type FROM information_schema.columns WHERE table_name = 'facts' AND column_name = 'value'"
    assert_output text
    run psql -X -At "$url" -c "SELECT count(*) > 0 FROM entity_year_totals"
    assert_output t
    run psql -X -At "$url" -c "SELECT status, count(*) FROM runs GROUP BY 1 ORDER BY 1"
    assert_output "$(printf 'failed|1\nkilled|1')"
    run dump_pg "$url"
    assert_equal "$output" "$(cat "$REF_DUMP")"
}

@test "nightly --hosts: two ssh hosts (this machine on two ports) give the same database as a local run" {
    SSH_DIR="$BATS_TEST_TMPDIR/ssh"
    sshd_start "$SSH_DIR"
    local inbox="$BATS_TEST_TMPDIR/in"
    mkdir -p "$inbox/sub dir"
    cp "$FIXTURES/caidian-2023-final.txt" "$FIXTURES/suining-2023-final-gbk.txt" "$FIXTURES/batch-2023.zip" "$inbox/"
    cp "$ROOT/data/hostile/truncated.zip" "$inbox/sub dir/"
    run -1 nightly --inbox "$inbox" --db "$BATS_TEST_TMPDIR/local.sqlite" --work "$BATS_TEST_TMPDIR/w1"
    run -1 nightly --inbox "$inbox" --db "$BATS_TEST_TMPDIR/remote.sqlite" --work "$BATS_TEST_TMPDIR/w2" \
        --hosts "$SSH_DIR/hosts" --remote-run "$ROOT/pipelines/run" --jobs 1
    assert_output --regexp '^nightly: documents [0-9]+ new, 0 skipped, [1-9][0-9]* failed;'
    assert_equal "$(dump_sqlite "$BATS_TEST_TMPDIR/remote.sqlite")" "$(dump_sqlite "$BATS_TEST_TMPDIR/local.sqlite")"
    [ "$(count_sqlite "$BATS_TEST_TMPDIR/remote.sqlite" archives)" -eq 4 ]
    # both hosts worked (the scratch of a run with failures is kept until the next)
    run bash -c 'tail -n +2 "$1"/runs/*/joblog | cut -f 2 | sort -u' _ "$BATS_TEST_TMPDIR/w2"
    [ "${#lines[@]}" -eq 2 ]
}

@test "nightly: a progress line on a terminal, none without; --settle skips files still being written" {
    local inbox="$BATS_TEST_TMPDIR/in"
    mkdir -p "$inbox"
    cp "$FIXTURES/caidian-2023-final.txt" "$inbox/"
    run script -qec "$ROOT/pipelines/nightly --inbox $inbox --db $BATS_TEST_TMPDIR/t.sqlite --work $BATS_TEST_TMPDIR/w" /dev/null </dev/null
    assert_success
    assert_output --partial "nightly: processing 1 files"
    assert_output --partial "nightly: loading 1/1: caidian-2023-final.txt"
    assert_output --partial "nightly: documents 1 new, 0 skipped, 0 failed;"
    # a file that changed in the last 10 minutes is left for the next run
    touch -d '-20 minutes' "$inbox/caidian-2023-final.txt"
    cp "$FIXTURES/suining-2023-final.txt" "$inbox/"
    run nightly --inbox "$inbox" --db "$BATS_TEST_TMPDIR/t.sqlite" --work "$BATS_TEST_TMPDIR/w" --settle 600
    assert_success
    assert_output --regexp '^nightly: documents 0 new, 1 skipped, 0 failed;'
    [ "${#lines[@]}" -eq 1 ]
    touch -d '-20 minutes' "$inbox/suining-2023-final.txt"
    run nightly --inbox "$inbox" --db "$BATS_TEST_TMPDIR/t.sqlite" --work "$BATS_TEST_TMPDIR/w" --settle 600
    assert_output --regexp '^nightly: documents 1 new, 1 skipped, 0 failed;'
}
