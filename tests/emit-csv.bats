#!/usr/bin/env bats
# emit-csv: columns, quoting, formula guard, exact values, atomic --dir.

setup() {
    load test_helper
    DOC1=$(make_doc d1 \
        '{"type":"paragraph","doc":"d1","text":"x","level":0}' \
        '{"type":"fact","doc":"d1","kind":"meta","entity":"武汉市蔡甸区医疗保障局（本级）","year":"2023","stage":"决算"}' \
        '{"type":"fact","doc":"d1","kind":"table","table":"收入决算表","form":"公开02表","item":"一般公共预算财政拨款收入","code":"2101501","column":"基本支出","header_path":"决算数/基本支出","value":"442.86","unit":"万元","locator":{"table":3,"row":7,"col":4}}' \
        '{"type":"fact","doc":"d1","kind":"table","table":"收入决算表","item":"年初结转","value":"0.00","unit":"万元"}' \
        '{"type":"fact","doc":"d1","kind":"table","table":"收入决算表","item":"事业收入","value":null,"unit":"万元"}' \
        '{"type":"fact","doc":"d1","kind":"table","table":"收入决算表","item":"差额","value":"-2.99","unit":"万元"}' \
        '{"type":"finding","doc":"d1","rule":"xt.total","severity":"error","message":"表5 合计 442.85 万元，应等于 表3 合计 442.86 万元","expected":"442.86","actual":"442.85","difference":"-0.01","formula":"表5合计=表3合计","locators":[{"table":5},{"table":3}]}' \
        '{"type":"error","doc":"d1","stage":"extract","code":"zip_corrupt","message":"member cannot be read"}')
    export DOC1
}

csv_field() { # csv_field FILE ROW COLUMN-NAME: the parsed cell, through python's csv module
    python3 - "$@" <<'EOF'
import csv, sys
path, row, col = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(path, newline='', encoding='utf-8-sig') as f:
    rows = list(csv.DictReader(f))
print(rows[row][col], end='')
EOF
}

@test "emit-csv: --help and --version" {
    run emit-csv --help
    assert_success
    assert_output --partial "Usage: emit-csv"
    run emit-csv --version
    assert_success
    assert_output "emit-csv (yujuesuan) 0.1.0"
}

@test "emit-csv: usage errors exit 2" {
    run -2 --separate-stderr emit-csv
    assert_equal "$stderr" "$(printf "emit-csv: give exactly one of --type or --dir\nTry 'emit-csv --help' for more information.")"
    run -2 emit-csv --type nonsense
    run -2 emit-csv --type fact --dir /tmp
    run -2 emit-csv --bogus
    run -2 emit-csv --type fact --max-line -5
}

@test "emit-csv: fact columns in the contract's order" {
    run bash -c 'echo "$DOC1" | emit-csv --type fact | head -1'
    assert_output "$(printf 'doc_id,source,entity,year,stage,table,form,item,code,column,value,unit,locator,header_path,kind,measure,subject,heading,sentence\r')"
}

@test "emit-csv: the other tables' columns" {
    run bash -c 'echo "$DOC1" | emit-csv --type finding | head -1 | tr -d "\r"'
    assert_output "doc_id,source,entity,year,rule,severity,message,expected,actual,difference,locator,formula"
    run bash -c 'echo "$DOC1" | emit-csv --type document | head -1 | tr -d "\r"'
    assert_output "doc_id,source,format,encoding,bytes,sha256,entity,year,stage,records,facts,findings,errors,truncated"
    run bash -c 'echo "$DOC1" | emit-csv --type error | head -1 | tr -d "\r"'
    assert_output "doc_id,source,stage,code,message"
}

@test "emit-csv: values keep their printed decimals, nil is empty, negatives untouched" {
    echo "$DOC1" | emit-csv --type fact > "$BATS_TEST_TMPDIR/f.csv"
    run csv_field "$BATS_TEST_TMPDIR/f.csv" 1 value
    assert_output "442.86"
    run csv_field "$BATS_TEST_TMPDIR/f.csv" 2 value
    assert_output "0.00"
    run csv_field "$BATS_TEST_TMPDIR/f.csv" 3 value
    assert_output ""
    run csv_field "$BATS_TEST_TMPDIR/f.csv" 4 value
    assert_output "-2.99"
}

@test "emit-csv: document context fills entity, year, stage and source of every row" {
    echo "$DOC1" | emit-csv --type fact > "$BATS_TEST_TMPDIR/f.csv"
    run csv_field "$BATS_TEST_TMPDIR/f.csv" 4 entity
    assert_output "武汉市蔡甸区医疗保障局（本级）"
    run csv_field "$BATS_TEST_TMPDIR/f.csv" 4 source
    assert_output "d1.txt"
    echo "$DOC1" | emit-csv --type finding > "$BATS_TEST_TMPDIR/g.csv"
    run csv_field "$BATS_TEST_TMPDIR/g.csv" 0 year
    assert_output "2023"
    run csv_field "$BATS_TEST_TMPDIR/g.csv" 0 locator
    assert_output '[{"table":5},{"table":3}]'
}

@test "emit-csv: document rows count records, facts, findings and errors" {
    run bash -c 'echo "$DOC1" | emit-csv --type document --no-header | tr -d "\r"'
    assert_success
    assert_output "d1,d1.txt,txt,utf-8,1,d1,武汉市蔡甸区医疗保障局（本级）,2023,决算,8,5,1,1,false"
}

@test "emit-csv: hostile text round-trips through python's csv module" {
    hostile='=cmd|'"'"' /C calc'"'"'!A0'
    doc=$(make_doc h \
        '{"type":"fact","doc":"h","item":"a,\"quoted\"\nsecond line","value":"1.00"}' \
        "{\"type\":\"fact\",\"doc\":\"h\",\"item\":\"$hostile\",\"value\":\"2.00\"}" \
        '{"type":"fact","doc":"h","item":"@SUM(1)","value":"3.00"}' \
        '{"type":"fact","doc":"h","item":"+1+2","value":"4.00"}' \
        '{"type":"fact","doc":"h","item":"\tTAB","value":"5.00"}' \
        '{"type":"fact","doc":"h","item":"-","value":"6.00"}')
    echo "$doc" | emit-csv --type fact > "$BATS_TEST_TMPDIR/h.csv"
    run csv_field "$BATS_TEST_TMPDIR/h.csv" 0 item
    assert_output "$(printf 'a,"quoted"\nsecond line')"
    run csv_field "$BATS_TEST_TMPDIR/h.csv" 1 item
    assert_output "'$hostile"
    run csv_field "$BATS_TEST_TMPDIR/h.csv" 2 item
    assert_output "'@SUM(1)"
    run csv_field "$BATS_TEST_TMPDIR/h.csv" 3 item
    assert_output "'+1+2"
    run csv_field "$BATS_TEST_TMPDIR/h.csv" 4 item
    assert_output "$(printf "'\tTAB")"
    run csv_field "$BATS_TEST_TMPDIR/h.csv" 5 item
    assert_output "'-"
}

@test "emit-csv: --no-formula-guard keeps text as it is, and sqlite3 loads it" {
    doc=$(make_doc h '{"type":"fact","doc":"h","item":"=1+1","value":"-2.99"}' \
        '{"type":"fact","doc":"h","item":"a,\"b\"\nc","value":"0.00"}')
    echo "$doc" | emit-csv --type fact --no-formula-guard > "$BATS_TEST_TMPDIR/n.csv"
    run sqlite3 :memory: ".import --csv $BATS_TEST_TMPDIR/n.csv f" "select item, value from f order by rowid;"
    assert_success
    assert_output "$(printf '=1+1|-2.99\na,"b"\nc|0.00')"
}

@test "emit-csv: --bom writes a UTF-8 byte order mark first" {
    run bash -c 'echo "$DOC1" | emit-csv --type error --bom | head -c 3 | od -An -tx1 | tr -d " "'
    assert_output "efbbbf"
}

@test "emit-csv: --dir writes four files renamed into place, no temp files left" {
    out="$BATS_TEST_TMPDIR/out"
    mkdir "$out"
    echo "$DOC1" | emit-csv --dir "$out"
    run ls -A "$out"
    assert_output "$(printf 'documents.csv\nerrors.csv\nfacts.csv\nfindings.csv')"
    run wc -l < "$out/facts.csv"
    assert_output "6"
}

@test "emit-csv: --dir into a missing folder aborts with exit 3" {
    run -3 --separate-stderr emit-csv --dir "$BATS_TEST_TMPDIR/missing" < /dev/null
    assert_output ""
    [[ "$stderr" == "emit-csv: $BATS_TEST_TMPDIR/missing: cannot create output file:"* ]]
}

@test "emit-csv: a write error exits 3, never 0" {
    run -3 bash -c 'echo "$DOC1" | emit-csv --type fact > /dev/full'
}

@test "emit-csv: a truncated document is reported in errors and documents" {
    doc=$(make_doc t '{"type":"fact","doc":"t","item":"a","value":"1"}' | head -2)
    run -1 --separate-stderr bash -c "printf '%s\n' '$doc' | emit-csv --type error --no-header"
    assert_output --partial "t,t.txt,emit-csv,truncated,"
    [[ "$stderr" == *"emit-csv: -:2: document t ends without a complete trailer"* ]]
    run -1 bash -c "set -o pipefail; printf '%s\n' '$doc' | emit-csv --type document --no-header 2>/dev/null | tr -d '\r'"
    assert_output --partial ",true"
}

@test "emit-csv: a trailer whose count does not match is a truncation" {
    printf '%s\n' '{"type":"document","contract":"yujuesuan/1","doc":"c","source":"c"}' \
        '{"type":"fact","doc":"c","item":"a","value":"1"}' '{"type":"end","doc":"c","records":5}' > "$BATS_TEST_TMPDIR/c.ndjson"
    run -1 emit-csv --type error --no-header "$BATS_TEST_TMPDIR/c.ndjson"
    assert_output --partial "c,c,emit-csv,truncated"
}

@test "emit-csv: an invalid line becomes an error row, the rest goes on" {
    printf '%s\n' 'not json' "$DOC1" > "$BATS_TEST_TMPDIR/b.ndjson"
    run -1 --separate-stderr emit-csv --type error --no-header "$BATS_TEST_TMPDIR/b.ndjson"
    assert_line --index 0 --partial ",,emit-csv,bad_record,invalid JSON"
    run -0 bash -c "emit-csv --type fact --no-header '$BATS_TEST_TMPDIR/b.ndjson' 2>/dev/null | wc -l"
    assert_output "5"
}

@test "emit-csv: an over-long line is skipped with an error, the limit is a flag" {
    printf '{"type":"fact","doc":null,"item":"%s"}\n' "$(head -c 3000 /dev/zero | tr '\0' x)" > "$BATS_TEST_TMPDIR/l.ndjson"
    echo "$DOC1" >> "$BATS_TEST_TMPDIR/l.ndjson"
    run -1 --separate-stderr emit-csv --type error --no-header --max-line 1000 "$BATS_TEST_TMPDIR/l.ndjson"
    assert_line --index 0 --partial "line_too_long"
    run -0 emit-csv --type error --no-header --max-line 10000 "$BATS_TEST_TMPDIR/l.ndjson"
}

@test "emit-csv: reads several files and - in order, and stdin by default" {
    echo "$DOC1" > "$BATS_TEST_TMPDIR/a.ndjson"
    run bash -c "echo '$(make_doc z)' | emit-csv --type document --no-header '$BATS_TEST_TMPDIR/a.ndjson' - | cut -d, -f1"
    assert_output "$(printf 'd1\nz')"
    run -1 --separate-stderr emit-csv --type fact "$BATS_TEST_TMPDIR/nonexistent"
    [[ "$stderr" == "emit-csv: $BATS_TEST_TMPDIR/nonexistent: No such file or directory" ]]
}

@test "emit-csv: dies quietly on a closed pipe" {
    run bash -c 'set -o pipefail; for i in $(seq 2000); do echo "$DOC1"; done | emit-csv --type fact 2>"$BATS_TEST_TMPDIR/err" | head -1; echo "status=${PIPESTATUS[*]}"'
    assert_line --index 0 --partial "doc_id,source"
    run cat "$BATS_TEST_TMPDIR/err"
    assert_output ""
}
