#!/usr/bin/env bats
# extract: formats, encodings, spans, provenance, archives, limits, bad input.
load test_helper

T="$BATS_TEST_DIRNAME/extract"
BAD="$ROOT/data/hostile"

setup() {
    TMP="$BATS_TEST_TMPDIR"
}

# Every document of a stream is closed by a trailer whose count is the
# number of records between header and trailer.
trailers_ok() {
    jq -s -e '
      reduce .[] as $r ({open: null, n: 0, ok: true};
        if $r.type == "document" then (if .open then .ok = false else . end) | .open = $r.doc | .n = 0
        elif $r.type == "end" then .ok = (.ok and .open == $r.doc and $r.records == .n) | .open = null
        elif .open then .n += 1 | .ok = (.ok and $r.doc == .open)
        else . end) | .ok and .open == null' "$1" >/dev/null
}

# Rows and paragraphs of a stream, compact, for golden comparisons.
project() {
    jq -c 'if .type == "row" then [.table, .row, (.cells | map([.col, .text, .colspan, .rowspan]))]
           elif .type == "paragraph" then [.level, .text]
           elif .type == "error" then ["error", .code]
           else empty end' "$1"
}

# --- command line --------------------------------------------------------

@test "--help prints usage on stdout and exits 0" {
    run extract --help
    assert_success
    assert_output --partial "Usage: extract"
    assert_output --partial "--max-member-bytes"
}

@test "--version" {
    run extract --version
    assert_success
    assert_output "extract (yujuesuan) 0.1.0"
}

@test "a bad option exits 2" {
    run extract --no-such-option "$FIXTURES/suining-2023-final.txt"
    assert_failure 2
}

@test "a bad limit value exits 2" {
    run extract --max-depth=many "$FIXTURES/suining-2023-final.txt"
    assert_failure 2
    assert_output --partial "max-depth"
    run extract --max-cells=0 "$FIXTURES/suining-2023-final.txt"
    assert_failure 2
}

@test "a missing file is a loose error record, exit 1, the others go on" {
    run --separate-stderr extract "$TMP/nope.txt" "$FIXTURES/suining-2023-final.txt"
    assert_failure 1
    echo "$output" > "$TMP/out"
    run jq -r 'select(.type=="error") | [.code, .source, (.doc|length)] | @tsv' "$TMP/out"
    assert_output "$(printf 'io\t%s\t64' "$TMP/nope.txt")"
    run jq -r 'select(.type=="document") | .source' "$TMP/out"
    assert_output "$FIXTURES/suining-2023-final.txt"
    [[ "$stderr" == *"extract: $TMP/nope.txt: cannot open"* ]]
}

@test "writing to /dev/full exits 3" {
    run bash -c 'extract "$1" > /dev/full' _ "$FIXTURES/caidian-2023-final.txt"
    assert_failure 3
    assert_output --partial "write error"
}

@test "a closed pipe ends extract quietly" {
    run bash -c 'set -o pipefail; extract "$1" "$1" "$1" 2>"$2" | head -n 1 >/dev/null; echo "${PIPESTATUS[0]}"' \
        _ "$FIXTURES/caidian-2023-final.txt" "$TMP/err"
    [[ "$output" == 141 || "$output" == 0 ]]
    [ ! -s "$TMP/err" ]
}

@test "stdin: - reads one document and names it -" {
    run bash -c 'extract - < "$1"' _ "$FIXTURES/suining-2023-final.txt"
    assert_success
    echo "$output" > "$TMP/out"
    run jq -r 'select(.type=="document") | [.source, .format, .bytes, .sha256] | @tsv' "$TMP/out"
    assert_output "$(printf -- '-\ttxt\t%s\t%s' "$(stat -c %s "$FIXTURES/suining-2023-final.txt")" \
        "$(sha256sum < "$FIXTURES/suining-2023-final.txt" | cut -d' ' -f1)")"
}

@test "no argument reads stdin too" {
    run bash -c 'extract < "$1" | head -n 1' _ "$FIXTURES/suining-2023-final.txt"
    assert_output --partial '"source":"-"'
}

@test "a folder is walked recursively in byte order" {
    mkdir -p "$TMP/d/b" "$TMP/d/a"
    printf 'z\n' > "$TMP/d/b/1.txt"
    printf 'y\n' > "$TMP/d/a/2.txt"
    printf 'x\n' > "$TMP/d/B.txt"
    run extract "$TMP/d"
    assert_success
    echo "$output" > "$TMP/out"
    run jq -r 'select(.type=="document") | .source' "$TMP/out"
    assert_output "$(printf '%s\n' "$TMP/d/B.txt" "$TMP/d/a/2.txt" "$TMP/d/b/1.txt")"
}

@test "a link to a folder inside a walk is not followed (no loop)" {
    mkdir -p "$TMP/l/a"
    printf 'x\n' > "$TMP/l/a/f.txt"
    ln -s "$TMP/l" "$TMP/l/a/loop"
    run extract "$TMP/l"
    assert_success
    echo "$output" > "$TMP/out"
    run jq -r 'select(.type=="document") | .source' "$TMP/out"
    assert_output "$TMP/l/a/f.txt"
}

# --- txt -----------------------------------------------------------------

@test "txt: header carries format, encoding, bytes and sha256 = doc" {
    f="$FIXTURES/caidian-2023-final.txt"
    extract "$f" > "$TMP/out"
    run jq -r 'select(.type=="document") | [.contract, .format, .encoding, .bytes, .sha256 == .doc, .sha256] | @tsv' "$TMP/out"
    assert_output "$(printf 'yujuesuan/1\ttxt\tutf-8\t%s\ttrue\t%s' "$(stat -c %s "$f")" "$(sha256sum < "$f" | cut -d' ' -f1)")"
    trailers_ok "$TMP/out"
}

@test "txt shape A (seed 003): cell lines, blank-line rows, provenance" {
    extract "$FIXTURES/caidian-2023-final.txt" > "$TMP/out"
    # 公开01表 行次1: the first amount row of the first table
    run jq -c 'select(.type=="row" and .table==0 and .row==7) | [.cells[].text, .loc.line]' "$TMP/out"
    assert_output '["一、一般公共预算财政拨款收入","1","442.86","一、一般公共服务支出","32","0.00",53]'
    run jq -c 'select(.type=="row" and .table==0 and .row==6) | .cells[2]' "$TMP/out"
    assert_output '{"col":2,"text":"1","colspan":1,"rowspan":1}'
    # the nine standard tables are separate tables
    run jq -r 'select(.type=="row" and (.cells[0].text|test("^2023年度.*（表"))) | .table' "$TMP/out"
    assert_output "$(printf '%s\n' 0 1 2 3 4 5 6 7 8)"
}

@test "txt shape A: a cell continued on a line without a tab" {
    extract "$FIXTURES/caidian-2023-final.txt" > "$TMP/out"
    run jq -c 'select(.type=="row" and .table==2 and .row==4) | .cells[0].text' "$TMP/out"
    assert_output '"功能分类\n科目编码"'
}

@test "txt: [bookmark: …] and [image: …] markers are not text" {
    extract "$FIXTURES/caidian-2023-final.txt" > "$TMP/out"
    run grep -c -e '\[bookmark:' -e '\[image:' "$TMP/out"
    assert_output 0
    run jq -r 'select(.type=="paragraph" and (.text|startswith("2023年度收、支总计442.86万元"))) | .loc.line' "$TMP/out"
    assert_output 1931
}

@test "txt shape B (seed 004): one row per line, tab-separated cells" {
    extract "$FIXTURES/suining-2023-final.txt" > "$TMP/out"
    run jq -c 'select(.type=="row" and .cells[0].text=="公用经费") | [.cells[].text]' "$TMP/out"
    assert_output '["公用经费","117.36","-2.99","114.37","92.68","81.04%"]'
    # a row whose first cells are empty keeps its columns
    run jq -c 'select(.type=="row" and .cells[2].text=="目标完成") | [.cells[0:4][] | [.col, .text]]' "$TMP/out"
    assert_output '[[0,""],[1,""],[2,"目标完成"],[3,"15"]]'
    trailers_ok "$TMP/out"
}

@test "txt: GB18030 without a label reads the same as UTF-8" {
    extract "$FIXTURES/suining-2023-final.txt" > "$TMP/utf8"
    extract "$FIXTURES/suining-2023-final-gbk.txt" > "$TMP/gbk"
    run jq -r 'select(.type=="document") | .encoding' "$TMP/gbk"
    assert_output gb18030
    diff <(project "$TMP/utf8") <(project "$TMP/gbk")
}

@test "txt: Big5 text is detected" {
    printf '重慶市武隆區醫療保障局\n一般公共預算財政撥款收入\t1,382.64\n' | iconv -f utf-8 -t big5 > "$TMP/big5.txt"
    run extract "$TMP/big5.txt"
    assert_success
    echo "$output" > "$TMP/out"
    run jq -r 'select(.type=="document") | .encoding' "$TMP/out"
    assert_output big5
    run jq -c 'select(.type=="row") | [.cells[].text]' "$TMP/out"
    assert_output '["一般公共預算財政撥款收入","1,382.64"]'
}

@test "txt: UTF-8 with a BOM, CRLF line ends" {
    printf '\xef\xbb\xbf标题\r\n项目\t金额\r\n' > "$TMP/bom.txt"
    run extract "$TMP/bom.txt"
    assert_success
    echo "$output" > "$TMP/out"
    run project "$TMP/out"
    assert_output "$(printf '%s\n' '[0,"标题"]' '[0,0,[[0,"项目",1,1],[1,"金额",1,1]]]')"
}

@test "txt golden: caidian (seed 003)" {
    extract "$FIXTURES/caidian-2023-final.txt" > "$TMP/out"
    diff <(project "$TMP/out") "$T/caidian-txt.golden"
}

@test "txt golden: suining (seed 004)" {
    extract "$FIXTURES/suining-2023-final.txt" > "$TMP/out"
    diff <(project "$TMP/out") "$T/suining-txt.golden"
}

@test "--max-line: a longer line is a limit error for that document only" {
    head -c 3000 /dev/zero | tr '\0' 'a' > "$TMP/long.txt"
    run --separate-stderr extract --max-line=1K "$TMP/long.txt" "$T/small.txt"
    assert_failure 1
    echo "$output" > "$TMP/out"
    run jq -r 'select(.type=="error") | [.code, .source] | @tsv' "$TMP/out"
    assert_output "$(printf 'limit\t%s' "$TMP/long.txt")"
    trailers_ok "$TMP/out"
    run jq -c 'select(.type=="row") | [.cells[].text]' "$TMP/out"
    assert_output '["本年收入合计","442.86"]'
    run extract --max-line=4K "$TMP/long.txt"
    assert_success
}

@test "--max-cells: a wider row is a limit error" {
    printf 'a\tb\tc\td\n' > "$TMP/wide.txt"
    run extract --max-cells=3 "$TMP/wide.txt"
    assert_failure 1
    assert_output --partial '"code":"limit"'
    run extract --max-cells=4 "$TMP/wide.txt"
    assert_success
}

@test "--max-file-bytes: a larger file is a limit error, the others go on" {
    run --separate-stderr extract --max-file-bytes=1K "$FIXTURES/suining-2023-final.txt" "$T/small.txt"
    assert_failure 1
    echo "$output" > "$TMP/out"
    run jq -r 'select(.type=="error") | .code' "$TMP/out"
    assert_output limit
    run jq -r 'select(.type=="document") | .source' "$TMP/out"
    assert_output "$T/small.txt"
}

# --- bad input: each with a good document in the same run ----------------

# Runs extract on a bad file between two good ones; checks the good ones
# come out whole and prints the bad one's error codes.
bad_between() {
    extract "$T/small.txt" "$@" "$T/small.txt" > "$TMP/out" 2>"$TMP/err"
    echo "rc=$?"
    trailers_ok "$TMP/out" || echo "trailers broken"
    jq -r 'select(.type=="document" and .source=="'"$T/small.txt"'") | .source' "$TMP/out" | wc -l
    jq -r 'select(.type=="error") | .code' "$TMP/out"
}

@test "bad: empty file" {
    run bad_between "$BAD/empty.docx"
    assert_output "$(printf 'rc=1\n2\nempty')"
}

@test "bad: binary garbage named .docx and .html" {
    run bad_between "$BAD/garbage.docx" "$BAD/binary.html"
    assert_output "$(printf 'rc=1\n2\nunknown_format\nunknown_format')"
    run jq -r 'select(.type=="document" and (.source|test("garbage|binary"))) | .format' "$TMP/out"
    assert_output "$(printf 'unknown\nunknown')"
}

@test "bad: invalid UTF-8 is replaced, reported, and the text still read" {
    run bad_between "$BAD/invalid-utf8.txt"
    assert_output "$(printf 'rc=1\n2\nencoding')"
    run jq -r 'select(.type=="paragraph" and (.text|contains("\ufffd"))) | .text' "$TMP/out"
    assert [ -n "$output" ]
}

@test "bad: NUL bytes are left out and reported" {
    run bad_between "$BAD/nul-bytes.txt"
    assert_output "$(printf 'rc=1\n2\ncontrol_chars')"
    run jq -c 'select(.type=="row" and .cells[0].text=="本年支出合计") | [.cells[].text]' "$TMP/out"
    assert_output '["本年支出合计","442.86"]'
}

# --- zip archives --------------------------------------------------------

@test "zip: GBK member names without the UTF-8 flag, nested zip, 目录/医院 (valid UTF-8 bytes)" {
    run --separate-stderr extract "$FIXTURES/batch-2023.zip"
    echo "$output" > "$TMP/out"
    trailers_ok "$TMP/out"
    run jq -r 'select(.type=="document") | [.source, .format] | @tsv' "$TMP/out"
    z="$FIXTURES/batch-2023.zip"
    assert_output "$(printf '%s\n' "$z!蔡甸区/决算.docx	docx" "$z!蔡甸区/附件.zip!表.xlsx	xlsx" \
        "$z!蔡甸区/附件.zip!说明.txt	txt" "$z!目录/医院.txt	txt" "$z!武隆/決算.html	html")"
}

@test "zip: a member's document id is the sha256 of its bytes" {
    extract "$FIXTURES/batch-2023.zip" > "$TMP/out" 2>/dev/null || true
    run jq -r 'select(.type=="document" and (.source|endswith("医院.txt"))) | [.doc, .bytes, .encoding] | @tsv' "$TMP/out"
    assert_output "$(printf '%s\t%s\tgb18030' "$(sha256sum < "$FIXTURES/suining-2023-final-gbk.txt" | cut -d' ' -f1)" \
        "$(stat -c %s "$FIXTURES/suining-2023-final-gbk.txt")")"
}

@test "zip: a name in no known encoding keeps its bytes as \\xNN" {
    # a stored name of 6 bytes, patched to ff fe 80 "k.t": no encoding decodes it
    python3 - "$TMP/raw.zip" <<'PY'
import io, sys, zipfile
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    z.writestr(zipfile.ZipInfo("ok.txt"), "好\n")
open(sys.argv[1], "wb").write(buf.getvalue().replace(b"ok.txt", b"\xff\xfe\x80k.t"))
PY
    run extract "$TMP/raw.zip"
    assert_success
    assert_output --partial '"source":"'"$TMP"'/raw.zip!\\xFF\\xFE\\x80k.t"'
}

@test "bad: encrypted member is an error record, the plain member is read" {
    run bad_between "$BAD/encrypted.zip"
    assert_output "$(printf 'rc=1\n2\nzip_encrypted')"
    run jq -r 'select(.type=="paragraph" and .text=="明文成员，未加密。") | .type' "$TMP/out"
    assert_output paragraph
    run jq -r 'select(.type=="error") | .source' "$TMP/out"
    assert_output "$BAD/encrypted.zip!secret.txt"
}

@test "bad: truncated zip is a loose error whose doc is the sha256 of its bytes" {
    run bad_between "$BAD/truncated.zip"
    assert_output "$(printf 'rc=1\n2\nzip_corrupt')"
    run jq -r 'select(.type=="error") | .doc' "$TMP/out"
    assert_output "$(sha256sum < "$BAD/truncated.zip" | cut -d' ' -f1)"
}

@test "bad: zip bomb refused by size, and by ratio when the size is allowed" {
    run bad_between "$BAD/bomb.zip"
    assert_output "$(printf 'rc=1\n2\nlimit')"
    run --separate-stderr extract --max-member-bytes=1G "$BAD/bomb.zip"
    assert_failure 1
    assert_output --partial 'more than --max-ratio=200'
    run --separate-stderr extract --max-member-bytes=1G --max-ratio=2000 --max-archive-bytes=100M "$BAD/bomb.zip"
    assert_failure 1
    assert_output --partial 'max-archive-bytes'
}

@test "bad: lying size: never more than the declared bytes are read" {
    run bad_between "$BAD/lying-size.zip"
    assert_output "$(printf 'rc=1\n2\nzip_lying_size')"
}

@test "bad: nesting depth limit, and --max-depth raises it" {
    run bad_between "$BAD/nested-depth.zip"
    assert_output "$(printf 'rc=1\n2\nlimit')"
    run jq -r 'select(.type=="error") | .source' "$TMP/out"
    assert_output "$BAD/nested-depth.zip!level2.zip!level3.zip!level4.zip"
    run extract --max-depth=9 "$BAD/nested-depth.zip"
    assert_failure 1
    run extract --max-depth=10 "$BAD/nested-depth.zip"
    assert_success
    assert_output --partial '"text":"depth 10"'
    run extract --max-depth=0 "$BAD/nested-depth.zip"
    assert_failure 1
    assert_output --partial '"code":"limit"'
}

@test "bad: zip-slip names are only reported, nothing is written" {
    cd "$TMP"
    run bad_between "$BAD/zip-slip.zip"
    assert_output "$(printf 'rc=0\n2')"
    run jq -r 'select(.type=="document" and (.source|test("zip-slip"))) | .source' "$TMP/out"
    assert_output "$(printf '%s\n' "$BAD/zip-slip.zip!../../etc/evil.txt" "$BAD/zip-slip.zip!/abs/path.txt" "$BAD/zip-slip.zip!ok/normal.txt")"
    [ ! -e /abs/path.txt ]
    [ "$(ls "$TMP")" = "$(printf 'err\nout')" ]
}

@test "--max-entries: an archive with more entries is refused" {
    mkdir "$TMP/m" && for i in 1 2 3 4; do echo "$i" > "$TMP/m/$i.txt"; done
    (cd "$TMP/m" && zip -q ../m.zip 1.txt 2.txt 3.txt 4.txt)
    run extract --max-entries=3 "$TMP/m.zip"
    assert_failure 1
    assert_output --partial 'more than --max-entries=3'
    run extract --max-entries=4 "$TMP/m.zip"
    assert_success
}

@test "--max-archive-bytes: members past the archive budget are refused" {
    mkdir "$TMP/m" && head -c 1000 /dev/zero | tr '\0' 'a' > "$TMP/m/1.txt" && cp "$TMP/m/1.txt" "$TMP/m/2.txt"
    (cd "$TMP/m" && zip -q ../m.zip 1.txt 2.txt)
    run --separate-stderr extract --max-archive-bytes=1500 "$TMP/m.zip"
    assert_failure 1
    echo "$output" > "$TMP/out"
    run jq -r 'select(.type=="document" or .type=="error") | [.type, .source] | @tsv' "$TMP/out"
    assert_output "$(printf 'document\t%s\nerror\t%s' "$TMP/m.zip!1.txt" "$TMP/m.zip!2.txt")"
}

@test "--max-member-bytes: a larger member is refused before it is read" {
    mkdir "$TMP/m" && head -c 3000 /dev/zero | tr '\0' 'a' > "$TMP/m/big.txt" && echo small > "$TMP/m/s.txt"
    (cd "$TMP/m" && zip -q ../m.zip big.txt s.txt)
    run --separate-stderr extract --max-member-bytes=2K "$TMP/m.zip"
    assert_failure 1
    assert_output --partial 'more than the limit of 2048 (--max-member-bytes)'
    assert_output --partial '"text":"small"'
}

@test "a zip on stdin is walked like one on disk" {
    run bash -c 'extract - < "$1" | jq -r "select(.type==\"document\") | .source"' _ "$BAD/zip-slip.zip"
    assert_output "$(printf '%s\n' '-!../../etc/evil.txt' '-!/abs/path.txt' '-!ok/normal.txt')"
}

# --- docx ----------------------------------------------------------------

docx_out() {
    extract "$FIXTURES/caidian-2023-final.docx" > "$TMP/out"
}

@test "docx: header, headings from styles, paragraph provenance" {
    docx_out
    trailers_ok "$TMP/out"
    run jq -r 'select(.type=="document") | [.format, (.encoding|tostring), .sha256 == .doc] | @tsv' "$TMP/out"
    assert_output "$(printf 'docx\tnull\ttrue')"
    run jq -c 'select(.type=="paragraph" and .text=="一、部门主要职能") | [.level, .loc.part, (.loc.para|type)]' "$TMP/out"
    assert_output '[2,"word/document.xml","number"]'
    run jq -r 'select(.type=="paragraph" and (.text|startswith("第一部分"))) | .level' "$TMP/out"
    assert_output 1
}

@test "docx: gridSpan title row, gridBefore short row placed right" {
    docx_out
    run jq -c 'select(.type=="row" and .table==0 and .row<=2) | [.cells[] | [.col, .text, .colspan]]' "$TMP/out"
    assert_output "$(printf '%s\n' '[[0,"2023年度收入支出决算总表（表一）",6]]' '[[1,"公开01表",5]]' \
        '[[0,"部门：武汉市蔡甸区医疗保障局（本级）",4],[4,"金额单位：万元",2]]')"
}

@test "docx: vMerge becomes rowspan, covered slots are not repeated" {
    docx_out
    run jq -c 'select(.type=="row" and .table==1 and .row==4) | [.cells[] | [.col, .text, .colspan, .rowspan]]' "$TMP/out"
    assert_output '[[0,"功能分类\n科目编码",3,2],[3,"科目名称",1,2]]'
    run jq -c 'select(.type=="row" and .table==1 and .row==3) | .cells[] | select(.text=="本年收入合计") | [.col, .rowspan]' "$TMP/out"
    assert_output '[4,3]'
}

@test "docx: a cell wrapped in w:sdt keeps its place" {
    docx_out
    run jq -c 'select(.type=="row" and .table==0 and .row==6) | [.cells[] | [.col, .text]]' "$TMP/out"
    assert_output '[[0,"一、一般公共预算财政拨款收入"],[1,"1"],[2,"442.86"],[3,"一、一般公共服务支出"],[4,"32"],[5,"0.00"]]'
}

@test "docx: a nested table gets its own index, a parent, and follows its row" {
    docx_out
    run jq -c 'select(.type=="row" and (.table==9 or .table==10)) | [.table, .row, .parent]' "$TMP/out"
    assert_output "$(printf '%s\n' '[9,0,null]' '[9,1,null]' '[9,2,null]' '[10,0,{"table":9,"row":2,"col":1}]' \
        '[10,1,{"table":9,"row":2,"col":1}]')"
}

@test "docx: text box once, footnote, w:del dropped, w:ins kept, field results kept" {
    docx_out
    run grep -c '2023年：442.86万元' "$TMP/out"
    assert_output 1
    run jq -r 'select(.type=="paragraph" and .loc.part=="word/footnotes.xml") | .text' "$TMP/out"
    assert_output "本套报表金额单位转换时可能存在尾数误差。"
    run grep -c '删除的文字' "$TMP/out"
    assert_output 0
    run jq -r 'select(.type=="paragraph" and (.text|contains("划拨到医保中心"))) | .type' "$TMP/out"
    assert [ -n "$output" ]
    run jq -r 'select(.type=="paragraph" and .text=="- 5 -") | .type' "$TMP/out"
    assert_output paragraph
    run jq -r 'select(.type=="paragraph" and (.text|contains("填报日期"))) | .text' "$TMP/out"
    assert_output "$(printf '单位名称： 武汉市蔡甸区医疗保障局\t填报日期：2024/11/15')"
    run grep -c -e 'PAGE' -e 'DATE \\\\@' "$TMP/out"
    assert_output 0
}

@test "docx golden: caidian" {
    docx_out
    diff <(project "$TMP/out") "$T/caidian-docx.golden"
}

@test "bad: XXE docx is refused and /etc/passwd is never read" {
    run bad_between "$BAD/xxe.docx"
    assert_output "$(printf 'rc=1\n2\nxml')"
    run grep -c 'root:' "$TMP/out"
    assert_output 0
}

@test "bad: billion laughs docx is refused at once" {
    run bad_between "$BAD/billion-laughs.docx"
    assert_output "$(printf 'rc=1\n2\nxml')"
}

@test "--max-xml-depth: deeper XML is a limit error" {
    run --separate-stderr extract --max-xml-depth=5 "$FIXTURES/caidian-2023-final.docx"
    assert_failure 1
    assert_output --partial 'more than --max-xml-depth=5'
}

@test "docx: page headers and footers come after the body, each line once however many sections repeat it, with their part" {
    mkdir -p "$TMP/h/word"
    local w='xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    printf '<?xml version="1.0"?><w:document %s><w:body><w:p><w:r><w:t>2023年度收入决算表</w:t></w:r></w:p><w:p><w:r><w:t>注：无</w:t></w:r></w:p></w:body></w:document>' "$w" > "$TMP/h/word/document.xml"
    printf '<?xml version="1.0"?><w:hdr %s><w:p><w:r><w:t>部门：沔溪县档案局</w:t></w:r></w:p></w:hdr>' "$w" > "$TMP/h/word/header1.xml"
    cp "$TMP/h/word/header1.xml" "$TMP/h/word/header2.xml"
    printf '<?xml version="1.0"?><w:ftr %s><w:p><w:r><w:t>第1页</w:t></w:r></w:p></w:ftr>' "$w" > "$TMP/h/word/footer1.xml"
    (cd "$TMP/h" && zip -q ../h.docx word/document.xml word/header1.xml word/header2.xml word/footer1.xml)
    run bash -c "extract '$TMP/h.docx' | jq -r 'select(.type==\"paragraph\") | [.text, .loc.part] | join(\" \")'"
    assert_output "$(printf '%s\n' '2023年度收入决算表 word/document.xml' '注：无 word/document.xml' \
        '部门：沔溪县档案局 word/header1.xml' '第1页 word/footer1.xml')"
    # the department named only there names the document, and is no paragraph of it
    run bash -c "extract '$TMP/h.docx' | normalize-traditional-chinese | tabulate | jq -r 'select(.kind==\"meta\") | [.entity, .paragraphs] | join(\" \")'"
    assert_output "沔溪县档案局 2"
}

@test "docx: a table typed as paragraphs against tab stops is a table, each cell in the column its stop stands in; contents lines with tabs stay paragraphs" {
    mkdir -p "$TMP/t/word"
    local w='xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    # p STOPS TEXT: a paragraph with tab stops (val:pos,…) whose text's | are tabs
    p() {
        local stops="" st
        for st in ${1//,/ }; do stops="$stops<w:tab w:val=\"${st%%:*}\" w:pos=\"${st##*:}\"/>"; done
        printf '<w:p><w:pPr><w:tabs>%s</w:tabs></w:pPr><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' \
            "$stops" "$(printf '%s' "$2" | sed 's#|#</w:t><w:tab/><w:t xml:space="preserve">#g')"
    }
    {
        printf '<?xml version="1.0"?><w:document %s><w:body>' "$w"
        p center:2000 '一、收入支出决算总表|3'
        p center:2000 '二、收入决算表|4'
        printf '<w:p><w:r><w:t>收入支出决算总表</w:t></w:r></w:p>'
        p center:2500,center:5400,center:6700 '|项目|行次|金额'
        p center:5400,right:7400 '一般公共预算财政拨款收入|1|631.11'
        p center:5400,right:7400 '上级补助收入|4|-'
        p center:5400,right:7400 '|5|19.43'
        printf '<w:p><w:r><w:t>注：无</w:t></w:r></w:p></w:body></w:document>'
    } > "$TMP/t/word/document.xml"
    (cd "$TMP/t" && zip -q ../t.docx word/document.xml)
    run bash -c "extract '$TMP/t.docx' | jq -c 'select(.type==\"paragraph\" or .type==\"row\") | if .type==\"row\" then [.cells[] | [.col, .text]] else .text end'"
    assert_output "$(printf '%s\n' '"一、收入支出决算总表\t3"' '"二、收入决算表\t4"' '"收入支出决算总表"' \
        '[[0,"项目"],[1,"行次"],[2,"金额"]]' '[[0,"一般公共预算财政拨款收入"],[1,"1"],[2,"631.11"]]' \
        '[[0,"上级补助收入"],[1,"4"],[2,"-"]]' '[[1,"5"],[2,"19.43"]]' '"注：无"')"
}

@test "bad: a zip with a broken word/document.xml is an error inside the document" {
    mkdir -p "$TMP/p/word"
    printf '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>好</w:t></w:r></w:p><w:p>' > "$TMP/p/word/document.xml"
    (cd "$TMP/p" && zip -q ../broken.docx word/document.xml)
    run bad_between "$TMP/broken.docx"
    assert_output "$(printf 'rc=1\n2\nxml')"
    run jq -r 'select(.type=="paragraph" and .text=="好") | .text' "$TMP/out"
    assert_output 好
}

# --- html ----------------------------------------------------------------

@test "html: a UTF-8 BOM wins over a wrong meta charset=gbk" {
    extract "$FIXTURES/caidian-2023-final-utf8.html" > "$TMP/out"
    trailers_ok "$TMP/out"
    run jq -r 'select(.type=="document") | [.format, .encoding] | @tsv' "$TMP/out"
    assert_output "$(printf 'html\tutf-8')"
    run jq -r 'select(.type=="row") | .table' "$TMP/out"
    assert_output --partial 8
}

@test "html: a page saved as Unicode (UTF-16LE behind its BOM, charset=unicode) is html" {
    { printf '\xff\xfe'; printf '<html><head><meta http-equiv="Content-Type" content="text/html; charset=unicode"></head><body><table><tr><td>一般公共预算拨款收入</td><td>4,509.57</td></tr></table></body></html>' | iconv -f UTF-8 -t UTF-16LE; } > "$TMP/word.htm"
    extract "$TMP/word.htm" > "$TMP/out"
    trailers_ok "$TMP/out"
    run jq -r 'select(.type=="document") | [.format, .encoding] | @tsv' "$TMP/out"
    assert_output "$(printf 'html\tutf-16le')"
    run jq -c 'select(.type=="row") | [.cells[].text]' "$TMP/out"
    assert_output '["一般公共预算拨款收入","4,509.57"]'
}

@test "html: rowspan/colspan placed on the grid, an empty row still counts" {
    extract "$FIXTURES/caidian-2023-final-utf8.html" > "$TMP/out"
    run jq -c 'select(.type=="row" and .table==1 and .row>=3 and .row<=6) | [.row, [.cells[] | [.col, .colspan, .rowspan]]]' "$TMP/out"
    assert_output "$(printf '%s\n' '[3,[[0,4,1],[4,1,3],[5,1,3],[6,1,3],[7,1,3],[8,1,3],[9,1,3],[10,1,3]]]' \
        '[4,[[0,3,2],[3,1,2]]]' '[5,[]]' '[6,[[0,1,1],[1,1,1],[2,1,1],[3,1,1],[4,1,1],[5,1,1],[6,1,1],[7,1,1],[8,1,1],[9,1,1],[10,1,1]]]')"
}

@test "html: the tables read as the docx ones (same cells and spans)" {
    extract "$FIXTURES/caidian-2023-final-utf8.html" > "$TMP/html"
    extract "$FIXTURES/caidian-2023-final.docx" > "$TMP/docx"
    # 公开01表 amount rows and 公开02表 header, cell by cell (HTML collapses
    # the double spaces of the notes under 公开01表, so those are left out)
    q='select(.type=="row" and ((.table==0 and .row>=4 and .row<37) or (.table==1 and .row<=6))) | [.table, .row, [.cells[] | select(.text != "" or .colspan > 1) | [.col, .text, .colspan, .rowspan]]]'
    diff <(jq -c "$q" "$TMP/html") <(jq -c "$q" "$TMP/docx")
}

@test "html: script, style, nav chrome, hidden text are left out; raw < in text kept" {
    extract "$FIXTURES/caidian-2023-final-utf8.html" > "$TMP/out"
    run jq -r 'select(.type=="paragraph" and (.text|contains("满意度评分标准"))) | .text' "$TMP/out"
    assert_output "满意度评分标准：比率≥90%得满分；比率<60%得0分。"
    run jq -r '.. | strings | select(test("<td>|function\\(|font-family"))' "$TMP/out"
    assert_output ""
    extract "$FIXTURES/wulong-2021-final-big5.html" > "$TMP/big5"
    run jq -r '.. | strings | select(test("首頁|渝快辦|掃一掃|國務院部門網站|您當前的位置|久久久"))' "$TMP/big5"
    assert_output ""
}

@test "html: tab panes a script shows (display:none or hidden, each holding a table) are read; hidden text elsewhere is still left out" {
    cat > "$TMP/tabs.html" <<'HTML'
<html><head><meta charset="utf-8"></head><body>
<ul class="tabs"><li>表一</li><li>表二</li></ul>
<div class="tab-pane" id="tab1"><p>收入支出决算总表</p><table><tr><td>合计</td><td>1.00</td></tr></table></div>
<div class="tab-pane" id="tab2" style="display: none"><p>收入决算表</p><table><tr><td>合计</td><td>2<span style="display:none">9</span>.00</td></tr></table></div>
<section hidden><div><table><tr><td>总计</td><td>3.00</td></tr></table></div></section>
<div style="display:none"><p>不显示的说明</p></div>
</body></html>
HTML
    run bash -c "extract '$TMP/tabs.html' | jq -r 'select(.type==\"row\") | [.table, (.cells | map(.text) | join(\" \"))] | join(\": \")'"
    assert_output "$(printf '%s\n' '0: 合计 1.00' '1: 合计 2.00' '2: 总计 3.00')"
    run bash -c "extract '$TMP/tabs.html' | jq -r 'select(.type==\"paragraph\") | .text'"
    assert_line '收入决算表'
    refute_line '不显示的说明'
}

@test "html: Big5 page labelled big5, GBK page labelled gb2312 read whole and alike" {
    extract "$FIXTURES/wulong-2021-final-big5.html" > "$TMP/big5"
    extract "$FIXTURES/wulong-2021-final-gbk.html" > "$TMP/gbk"
    run jq -r 'select(.type=="document") | .encoding' "$TMP/big5" "$TMP/gbk"
    assert_output "$(printf 'big5\ngb18030')"
    diff <(project "$TMP/big5") <(project "$TMP/gbk")
    # GBK-only characters after the title: the page is not cut short
    run jq -r 'select(.type=="paragraph" and .level==1) | .text' "$TMP/gbk"
    assert_line --index 0 "重慶市武隆區醫療保障局關于2021年度部門決算情況說明"
    run jq -s '[.[] | select(.type=="row")] | length' "$TMP/gbk"
    assert_output 128
    run jq -r 'select(.type=="row" and .table==0 and .row==0) | .cells[0].text' "$TMP/gbk"
    assert_output "索引號"
}

@test "html: headings and source lines" {
    extract "$FIXTURES/wulong-2021-final-big5.html" > "$TMP/out"
    run jq -c 'select(.type=="paragraph" and .text=="(一)職能職責") | [.level, .loc.line]' "$TMP/out"
    assert_output '[0,36]'
    run jq -c 'select(.type=="row" and .table==1 and .row==1) | [.cells[0:2][] | [.col, .text, .rowspan]]' "$TMP/out"
    assert_output '[[0,"投入",3],[1,"預算配置(5分)",3]]'
}

@test "html: a layout table (cells holding whole tables, no figure) is read as the page, its tables in reading order" {
    extract "$T/layout-table.html" > "$TMP/out"
    run jq -c 'if .type=="row" then [.table,.row,.parent,[.cells[].text]] elif .type=="paragraph" then [.level,.text] else empty end' "$TMP/out"
    assert_output "$(printf '%s\n' '[1,"某街道2024年度部门决算公开"]' '[0,0,null,["首页"]]' '[0,1,null,["政务公开"]]' \
        '[0,"发布时间：2025-08-29"]' '[0,"一、部门主要职责：略。"]' '[0,"二、部门决算表"]' '[0,"收入决算表"]' \
        '[1,0,null,["公开02表","单位：元"]]' '[2,0,null,["项目","本年收\n入合计"]]' '[2,1,null,["合计","1,234.00"]]' \
        '[3,0,null,["项目","决算数","说明"]]' '[3,1,null,["合计","—",""]]' '[4,0,{"table":3,"row":1,"col":2},["见附注"]]')"
}

@test "html golden: caidian utf-8 and wulong big5" {
    extract "$FIXTURES/caidian-2023-final-utf8.html" > "$TMP/out"
    diff <(project "$TMP/out") "$T/caidian-html.golden"
    extract "$FIXTURES/wulong-2021-final-big5.html" > "$TMP/out"
    diff <(project "$TMP/out") "$T/wulong-html.golden"
}

@test "html: a gb2312 label with GBK-only characters, no meta at all, broken markup" {
    printf '<html><head><meta charset="gb2312"></head><body><table><tr><td>朱镕基<td rowspan=2>王堃<tr><td>李喆</table><p>完' | iconv -f utf-8 -t gb18030 > "$TMP/a.html"
    run extract "$TMP/a.html"
    assert_success
    echo "$output" > "$TMP/out"
    run project "$TMP/out"
    assert_output "$(printf '%s\n' '[0,0,[[0,"朱镕基",1,1],[1,"王堃",1,2]]]' '[0,1,[[0,"李喆",1,1]]]' '[0,"完"]')"
    printf '<table><tr><td>一般公共预算</td></tr></table>' | iconv -f utf-8 -t gb18030 > "$TMP/b.html"
    run extract "$TMP/b.html"
    assert_output --partial '"encoding":"gb18030"'
    assert_output --partial '"text":"一般公共预算"'
}

@test "bad: a mislabelled .pdf is sniffed as the HTML it is" {
    run bad_between "$BAD/mislabelled.pdf"
    assert_output "$(printf 'rc=0\n2')"
    run jq -r 'select(.type=="document" and (.source|endswith("mislabelled.pdf"))) | .format' "$TMP/out"
    assert_output html
}

@test "html: the network is never used (an external entity, an iframe, an image)" {
    printf '<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body><p>&x;</p><iframe src="http://127.0.0.1:9/"></iframe><img src="http://127.0.0.1:9/x.png"><p>ok</p></body></html>' > "$TMP/x.html"
    run --separate-stderr extract "$TMP/x.html"
    refute_output --partial 'root:'
    assert_output --partial '"text":"ok"'
}

# --- xlsx ----------------------------------------------------------------

xlsx_out() {
    extract "$FIXTURES/caidian-2023-final.xlsx" > "$TMP/out"
}

@test "xlsx: sheets in workbook order as tables, with sheet, ref and provenance" {
    xlsx_out
    trailers_ok "$TMP/out"
    run jq -r 'select(.type=="row" and .row==0) | [.table, .sheet] | @tsv' "$TMP/out"
    assert_output "$(printf '%s\n' '0	公开01表' '1	公开02表' '2	公开03表' '3	公开04表' '4	公开05表' \
        '5	公开06表' '6	公开07表' '7	公开08表' '8	公开09表' '9	图表数据')"
    run jq -c 'select(.type=="row" and .table==0 and .row==6) | [.ref, .loc]' "$TMP/out"
    assert_output '["A7:F7",{"sheet":"公开01表","ref":"A7:F7"}]'
}

@test "xlsx: numbers as their format shows them, formulas by cached value" {
    xlsx_out
    run jq -c 'select(.type=="row" and .table==0 and (.row==6 or .row==13 or .row==32)) | [.cells[].text]' "$TMP/out"
    assert_output "$(printf '%s\n' '["一、一般公共预算财政拨款收入","1","442.86","一、一般公共服务支出","32","0.00"]' \
        '["八、其他收入","8","0.00","八、社会保障和就业支出","39","22.28"]' \
        '["本年收入合计","27","442.86","本年支出合计","58","442.86"]')"
}

@test "xlsx: _xHHHH_ escapes in strings are decoded (WPS wraps a header label with _x000D_), _x005F_ is an underscore" {
    extract "$ROOT/data/holdout28/zhuxi-zhaoshang-2025.xlsx" > "$TMP/out"
    run grep -c '_x000D_' "$TMP/out"
    assert_output 0
    # CR LF as WPS writes a wrapped label: the CR was the escape, the LF stays
    run jq -c 'select(.type=="row" and .sheet=="表2") | .cells[].text | select(startswith("国有资本经营预算"))' "$TMP/out"
    assert_output '"国有资本经营预算\n拨款收入"'
    mkdir -p "$TMP/x/xl/worksheets" "$TMP/x/_rels" "$TMP/x/xl/_rels"
    printf '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>' > "$TMP/x/[Content_Types].xml"
    printf '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>' > "$TMP/x/_rels/.rels"
    printf '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="r1"/></sheets></workbook>' > "$TMP/x/xl/workbook.xml"
    printf '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' > "$TMP/x/xl/_rels/workbook.xml.rels"
    printf '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>一般公共_x000D_预算</t></is></c><c r="B1" t="inlineStr"><is><t>a_x005F_x000D_b</t></is></c></row></sheetData></worksheet>' > "$TMP/x/xl/worksheets/sheet1.xml"
    (cd "$TMP/x" && zip -q -r ../esc.xlsx .)
    run bash -c "extract '$TMP/esc.xlsx' | jq -c 'select(.type==\"row\") | [.cells[].text]'"
    assert_output '["一般公共预算","a_x000D_b"]'
}

@test "xlsx: shared rich text without its phonetic run, inline strings, dates" {
    xlsx_out
    run jq -r 'select(.type=="row" and .table==0 and .row==0) | .cells[0].text' "$TMP/out"
    assert_output "2023年度收入支出决算总表（表一）"
    run grep -c 'shōurù' "$TMP/out"
    assert_output 0
    run jq -r 'select(.type=="row" and .table==0 and .row==2) | .cells[1].text' "$TMP/out"
    assert_output "金额单位：万元"
    run jq -c 'select(.type=="row" and .sheet=="图表数据" and .cells[0].text=="填报日期") | [.cells[].text]' "$TMP/out"
    assert_output '["填报日期","2024/11/15","2024年11月15日"]'
}

@test "xlsx: merged ranges become spans, covered cells are not repeated" {
    xlsx_out
    run jq -c 'select(.type=="row" and .table==1 and .row>=3 and .row<=4) | [.cells[] | [.col, .text, .colspan, .rowspan]]' "$TMP/out"
    assert_output "$(printf '%s\n' '[[0,"项目",4,1],[4,"本年收入合计",1,3],[5,"财政拨款收入",1,3],[6,"上级补助收入",1,3],[7,"事业收入",1,3],[8,"经营收入",1,3],[9,"附属单位上缴收入",1,3],[10,"其他收入",1,3]]' \
        '[[0,"功能分类\n科目编码",3,2],[3,"科目名称",1,2]]')"
}

@test "xlsx: hidden sheets and hidden rows are marked, not dropped" {
    xlsx_out
    run jq -c 'select(.type=="row" and .hidden==true and .sheet=="公开01表") | [.row, [.cells[].text]]' "$TMP/out"
    assert_output '[35,["30","61"]]'
    run jq -s '[.[] | select(.type=="row" and .sheet=="图表数据") | .hidden] | unique' "$TMP/out"
    assert_output "$(printf '[\n  true\n]')"
}

@test "xlsx: the cells of a hidden column are marked, not dropped (上年决算数 hidden in 公开03表)" {
    run bash -c "extract '$ROOT/data/holdout3/dongguan-jiedao-2024.xlsx' | jq -c 'select(.type==\"row\" and .table==2 and .row==4) | [.cells[] | [.col, .text, .hidden]]'"
    assert_output '[[0,"合计",null],[2,"16,620,104.17",null],[3,"543,433.84",true],[4,"11,909,480.35",null],[5,"4,710,623.82",null]]'
}

@test "xlsx: the tables read as the docx ones" {
    xlsx_out
    extract "$FIXTURES/caidian-2023-final.docx" > "$TMP/docx"
    q='select(.type=="row" and .table==1 and .row>=3 and .row<=9) | [.row, [.cells[] | select(.text != "") | [.col, .text, .colspan, .rowspan]]]'
    diff <(jq -c "$q" "$TMP/out") <(jq -c "$q" "$TMP/docx")
}

@test "xlsx: a number format without its code is read as General, not a failed run (fuzz)" {
    python3 - "$FIXTURES/caidian-2023-final.xlsx" "$TMP/nocode.xlsx" <<'PY'
import sys, zipfile
src, dst = sys.argv[1:]
with zipfile.ZipFile(src) as zi, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zo:
    for item in zi.infolist():
        data = zi.read(item.filename)
        if item.filename == "xl/styles.xml":
            data = data.replace(b'numFmtId="177" formatCode=', b'numFmtId="177" formatC0de=')
        zo.writestr(item, data)
PY
    run --separate-stderr extract "$TMP/nocode.xlsx" "$FIXTURES/caidian-2023-final.txt"
    assert_success
    echo "$output" > "$TMP/out"
    trailers_ok "$TMP/out"
    run jq -r 'select(.type=="row" and .table==0) | .cells[].text' "$TMP/out"
    assert_line "442.86"
    run jq -s '[.[] | select(.type=="document")] | length' "$TMP/out"
    assert_output 2
}

@test "xlsx golden: caidian" {
    xlsx_out
    diff <(project "$TMP/out") "$T/caidian-xlsx.golden"
}

@test "bad: billion laughs xlsx is refused" {
    run bad_between "$BAD/billion-laughs.xlsx"
    assert_output "$(printf 'rc=1\n2\nxml')"
}

@test "zip: the xlsx and docx inside the batch archive read as on disk" {
    extract "$FIXTURES/batch-2023.zip" > "$TMP/out" 2>/dev/null || true
    run jq -r 'select(.type=="document" and (.format=="xlsx" or .format=="docx")) | .format' "$TMP/out"
    assert_output "$(printf 'docx\nxlsx')"
    run jq -s '[.[] | select(.type=="row" and .sheet=="公开01表")] | length > 30' "$TMP/out"
    assert_output true
    run jq -r 'select(.type=="error") | .code' "$TMP/out"
    assert_output ""
}

# --- pdf (through pdf_layout.c) -------------------------------------------

@test "pdf golden: caidian (every figure under its header; tabulate checks all 269)" {
    extract "$FIXTURES/caidian-2023-final.pdf" > "$TMP/out"
    diff <(project "$TMP/out") "$T/caidian-pdf.golden"
}

@test "pdf: paragraphs and table rows with page provenance" {
    extract "$FIXTURES/caidian-2023-final.pdf" > "$TMP/out"
    trailers_ok "$TMP/out"
    run jq -r 'select(.type=="document") | [.format, (.encoding|tostring)] | @tsv' "$TMP/out"
    assert_output "$(printf 'pdf\tnull')"
    run jq -c 'select(.type=="row" and .cells[0].text=="一、一般公共预算财政拨款收入" and .table==0) | [.page, .loc.page, ([.cells[].text] | index("442.86") != null)]' "$TMP/out"
    assert_output '[2,2,true]'
    run jq -c 'select(.type=="paragraph" and .text=="一、部门主要职能") | [.loc.page, (.loc.line|type)]' "$TMP/out"
    assert_output '[1,"number"]'
}

# Rows of one table of a PDF as `[row,[[col,text,colspan],…]]`, one per line.
pdf_rows() {
    extract "$1" | jq -c --argjson t "$2" 'select(.type=="row" and .table==$t) | [.row, (.cells | map([.col, .text, .colspan]))]'
}

@test "pdf: group headings centred over the cells under them come out one row per band (三公 under year groups, Calc)" {
    run pdf_rows "$ROOT/data/holdout3/xingang-gongan-2024.pdf" 6
    assert_line --index 0 '[0,[[0,"2023年预算数",6],[6,"2024年预算数",6]]]'
    assert_line --index 1 '[1,[[0,"合计",1],[1,"因公出国（境）费",1],[2,"公务用车购置及运行费",3],[5,"公务接待费",1],[6,"合计",1],[7,"因公出国（境）费",1],[8,"公务用车购置及运行费",3],[11,"公务接待费",1]]]'
    assert_line --index 2 '[2,[[2,"小计",1],[3,"购置费",1],[4,"运行费",1],[8,"小计",1],[9,"购置费",1],[10,"运行费",1]]]'
}

@test "pdf: 基本支出 centred over 人员经费 | 公用经费 does not take 合计 and 项目支出, set across both bands beside it, nor a 行 / 次 column (Calc)" {
    run pdf_rows "$ROOT/data/holdout34/laixi-tixiao-2024.pdf" 4
    assert_line --index 0 '[0,[[0,"科目编码",1],[1,"科目名称",1],[2,"合计",1],[3,"基本支出",2],[5,"项目支出",1]]]'
    assert_line --index 1 '[1,[[3,"人员经费",1],[4,"公用经费",1]]]'
    run pdf_rows "$ROOT/data/holdout36/zhenyang-taiban-2024.pdf" 4
    assert_line --index 0 '[0,[[0,"科目编码",1],[1,"科目名称",1],[2,"行次",1],[3,"合计",1],[4,"基本支出",2],[6,"项目支出",1]]]'
    assert_line --index 1 '[1,[[4,"人员经费",1],[5,"公用经费",1]]]'
    # 收入 over 项目 | 行 / 次 | 金额 still heads all three
    run pdf_rows "$ROOT/data/holdout7/chengchuan-wenlv-2023.pdf" 0
    assert_line --index 0 '[0,[[0,"收入",3],[3,"支出",3]]]'
}

@test "pdf: row labels wrapped over two lines with their 行次 centred between the lines, and 行次 alone below them, keep the 行次 a column of its own (Calc, narrow page)" {
    run pdf_rows "$ROOT/data/holdout34/lushui-zhongcaiyuan-2023.pdf" 5
    assert_line --index 4 '[4,[[0,"一、一般公共预算财政拨款",1],[1,"1",1],[2,"3,023.93",1],[3,"一、一般公共服务支出",1],[4,"33",1],[5,"0.00",1],[6,"0.00",1],[7,"0.00",1],[8,"0.00",1]]]'
    assert_line --index 7 '[7,[[1,"4",1],[3,"四、公共安全支出",1],[4,"36",1],[5,"0.00",1],[6,"0.00",1],[7,"0.00",1],[8,"0.00",1]]]'
}

@test "pdf: a nil (/) set right in its column, a thin padding before the next column's label, is a cell of its own" {
    run pdf_rows "$ROOT/data/holdout40/pichuan-zhibao-2023.pdf" 0
    assert_line --index 4 '[4,[[0,"二、政府性基金预算财政拨款收入",1],[1,"2",1],[2,"/",1],[3,"二、外交支出",1],[4,"33",1],[5,"/",1]]]'
}

@test "pdf: over one row of figures set left in their cells, the 栏次 numbers centred in theirs add no column" {
    run pdf_rows "$ROOT/data/holdout48/bachuan-hedao-2023.pdf" 8
    assert_line --index 2 '[2,[[2,"小计",1],[3,"公务用车购置费",1],[4,"公务用车运行维护费",1],[8,"小计",1],[9,"公务用车购置费",1],[10,"公务用车运行维护费",1]]]'
    assert_line --index 3 '[3,[[0,"1",1],[1,"2",1],[2,"3",1],[3,"4",1],[4,"5",1],[5,"6",1],[6,"7",1],[7,"8",1],[8,"9",1],[9,"10",1],[10,"11",1],[11,"12",1]]]'
}

@test "pdf: two heads filling their cells a typed space apart, each ending a point short of its column's figures, are two cells (Calc)" {
    run pdf_rows "$ROOT/data/holdout49/ganchuan-guozi-2025.pdf" 1
    assert_line --index 1 '[1,[[4,"一般公共预算拨款收入",1],[5,"政府性基金预算拨款收入",1],[6,"国有资本经营预算拨款收入",1],[7,"财政专户管理资金收入",1],[8,"事业收入",1],[9,"上级补助收入",1],[10,"附属单位上缴收入",1],[11,"事业单位经营收入",1],[12,"其他收入",1]]]'
    run pdf_rows "$ROOT/data/holdout11/tongshu-shenji-2023.pdf" 1
    assert_line --index 0 '[0,[[0,"科目编码",1],[1,"科目名称",1],[2,"本年收入合计",1],[3,"财政拨款收入",1],[4,"上级补助收入",1],[5,"事业收入",1],[6,"经营收入",1],[7,"附属单位上缴收入",1],[8,"其他收入",1]]]'
}

@test "pdf: a table too wide for its page, printed over then down with print titles, joins its right-hand pages beside its left-hand ones (the repeated stub left out, 栏次 going on 1 2 3 → 4 5)" {
    run pdf_rows "$ROOT/data/holdout34/lushui-zhongcaiyuan-2023.pdf" 5
    assert_line --index 0 '[0,[[0,"收入",3],[3,"支出",6]]]'
    assert_line --index 3 '[3,[[0,"栏次",1],[2,"1",1],[3,"栏次",1],[5,"2",1],[6,"3",1],[7,"4",1],[8,"5",1]]]'
    assert_line --index 4 '[4,[[0,"一、一般公共预算财政拨款",1],[1,"1",1],[2,"3,023.93",1],[3,"一、一般公共服务支出",1],[4,"33",1],[5,"0.00",1],[6,"0.00",1],[7,"0.00",1],[8,"0.00",1]]]'
    # the bottom half: its left page under the header again, its right page beside it
    assert_line --index 34 '[34,[[0,"本年收入合计",1],[1,"27",1],[2,"3,023.93",1],[3,"本年支出合计",1],[4,"59",1],[5,"2,909.68",1],[6,"2,909.68",1],[7,"0.00",1],[8,"0.00",1]]]'
}

@test "pdf: a page served in 繁體 is laid out as its Simplified twin (單位：萬元 is the unit line, 項目 | 預算數 the header), its text written as printed" {
    run pdf_rows "$ROOT/data/holdout69/zhenchuan-yizhi-2025.pdf" 0
    assert_line --index 0 '[0,[[0,"收入",2],[2,"支出",2]]]'
    assert_line --index 1 '[1,[[0,"項目",1],[1,"預算數",1],[2,"項目",1],[3,"預算數",1]]]'
    assert_line --index 2 '[2,[[0,"一、一般公共預算撥款收入",1],[1,"351.41",1],[2,"七、文化旅遊體育與傳媒支出",1],[3,"360.24",1]]]'
    run bash -c "extract '$ROOT/data/holdout69/zhenchuan-yizhi-2025.pdf' | jq -r 'select(.type==\"paragraph\") | .text' | head -3"
    assert_line --index 2 '編制單位：軫川縣遺址保護管理所 單位：萬元'
}

@test "pdf: a browser's print header (date and time, title) and footer (address, N/M) are no rows of the table they cut, nor text" {
    run bash -c "extract '$ROOT/data/holdout69/zhenchuan-yizhi-2023.pdf' | jq -r 'select(.type==\"row\" or .type==\"paragraph\") | (.text // ([.cells[].text] | join(\"|\")))' | grep -c 'http://\\|2024/9/12'"
    assert_output 0
    # FA04, cut by pages 4 and 5, is one table
    run bash -c "extract '$ROOT/data/holdout69/zhenchuan-yizhi-2023.pdf' | jq -c 'select(.type==\"row\" and .table==3) | .cells[0].text' | grep -c '總計'"
    assert_output 1
}

@test "pdf: a figure in a currency format (¥636.51) is a figure: cut from the next cell's label it runs into" {
    run pdf_rows "$ROOT/data/holdout73/lujiang-gongche-2024.pdf" 0
    assert_line --index 3 '[3,[[0,"一、一般公共预算财政拨款收入",1],[1,"1",1],[2,"¥636.51",1],[3,"一、一般公共服务支出",1],[4,"32",1],[5,"¥534.17",1]]]'
}

@test "pdf: 本年支出 over 基本支出 over 人员经费, a line pitch apart in thinly padded rows, are three bands when 合计 beside sits centred on the lower two; a cell wrapped over three lines stays one (Writer)" {
    run pdf_rows "$ROOT/data/holdout79/tiaoshui-youke-2024.pdf" 4
    assert_line --index 0 '[0,[[0,"科目编码",1],[1,"科目名称",1],[2,"本年支出",5]]]'
    assert_line --index 1 '[1,[[2,"合计",1],[3,"基本支出",3],[6,"项目支出",1]]]'
    assert_line --index 2 '[2,[[3,"小计",1],[4,"人员经费",1],[5,"公用经费",1]]]'
    # 附属单 / 位上缴 / 收入 beside 科目编码, set at the stub's foot: one cell
    run pdf_rows "$ROOT/data/holdout2/linlan-titlerow.pdf" 1
    assert_line --index 0 --partial '[8,"附属单位上缴收入",1]'
    # 年初结 / 转和结 / 余 beside 类 | 款 | 项 under 科目编码: one cell
    run pdf_rows "$ROOT/data/holdout13/mingao-fuliyuan-2023.pdf" 6
    assert_line --index 0 --partial '[4,"年初结转和结余",1]'
}

@test "pdf: a reporting system's PDF whose CJK font is not embedded (STSong-Light, UniGB-UCS2-H) is read through poppler-data's CMaps, not taken for a scan" {
    run pdf_rows "$ROOT/data/holdout46/lijiang-zhaoming-2023.pdf" 0
    assert_line --index 0 '[0,[[0,"收入",3],[3,"支出",3]]]'
    run bash -c "extract '$ROOT/data/holdout46/lijiang-zhaoming-2023.pdf' | jq -r 'select(.type==\"error\") | .code'"
    assert_output ''
}

@test "pdf: a sheet printed with its row and column headings (行号列标) loses the letters A B C … over it and the row numbers left of it; the numbers of rows wrapped over two lines go too, codes in column A stay (Calc)" {
    run pdf_rows "$ROOT/data/holdout82/wanxi-qixiang-2023.pdf" 0
    assert_line --index 0 '[0,[[0,"收入",3],[3,"支出",3]]]'
    assert_line --index 3 '[3,[[0,"一、一般公共预算财政拨款收入",1],[1,"1",1],[2,"332.36",1],[3,"八、社会保障和就业支出",1],[4,"39",1],[5,"25.61",1]]]'
    run pdf_rows "$ROOT/data/holdout82/wanxi-qixiang-2023.pdf" 1
    assert_line --index 3 --partial '[3,[[0,"208",1],[1,"社会保障和就业支出",1]'
    run bash -c "extract '$ROOT/data/holdout82/wanxi-qixiang-2023.pdf' | jq -r 'select(.type==\"paragraph\") | .text' | head -2"
    assert_output "$(printf '%s\n' '公开01表' '畹溪县气象台2023年度部门收支决算总表')"
}

@test "pdf: lines set closer than poppler's glyph boxes (LibreOffice, AR PL UMing at 1.0 em a line) keep a header's bands apart" {
    extract "$ROOT/data/fonts-uming/changxi-jiliang-2023.pdf" > "$TMP/out"
    run jq -c 'select(.type=="row" and .table==3 and .row<4) | [.cells[].text]' "$TMP/out"
    assert_output "$(printf '%s\n' '["收入","支出"]' '["项目","行次","决算数","项目","行次","决算数"]' \
        '["合计","一般公共预算财政拨款","政府性基金预算财政拨款","国有资本经营预算财政拨款"]' \
        '["栏次","1","栏次","2","3","4","5"]')"
}

@test "pdf: a stub head centred on the whole header (单位名称 beside 2023年预算数) is no column of the group, though the group's middle falls between columns over a group of its own" {
    run pdf_rows "$ROOT/data/holdout95/shuangxi-kouan-2024.pdf" 6
    assert_line --index 0 '[0,[[0,"单位名称",1],[1,"2023年预算数",6],[7,"2024年预算数",6]]]'
    assert_line --index 2 '[2,[[3,"小计",1],[4,"公务用车购置费",1],[5,"公务用车运行费",1],[9,"小计",1],[10,"公务用车购置费",1],[11,"公务用车运行费",1]]]'
}

@test "pdf: figures typed after an empty paragraph, printed a line lower than the row's label and its other figures, are the row's (Writer, no rules read)" {
    run pdf_rows "$ROOT/data/docx-printed/ruichuan-laoling-2024.pdf" 2
    assert_line --index 2 '[2,[[1,"合计",1],[2,"401.36",1],[3,"200.69",1],[4,"200.67",1],[5,"0.00",1],[6,"0.00",1],[7,"0.00",1]]]'
    assert_line --index 6 '[6,[[0,"2080505",1],[1,"机关事业单位基本养老保险缴费支出",1],[2,"6.49",1],[3,"6.49",1],[4,"0.00",1],[5,"0.00",1],[6,"0.00",1],[7,"0.00",1]]]'
    # two-sided: the right side's figure a line under its label, beside the left label's second line
    run pdf_rows "$ROOT/data/docx-printed/ruichuan-laoling-2024.pdf" 0
    assert_line --index 3 '[3,[[0,"一、一般公共预算财政拨款收入",1],[1,"1",1],[2,"393.48",1],[3,"八、社会保障和就业支出",1],[4,"39",1],[5,"108.60",1]]]'
}

@test "pdf: figures too wide for their cells, printed on two lines (5,962.2 / 3) round their row's centred cells, are one figure each, and a label and a code wrapped beside them are the row's (Writer)" {
    run pdf_rows "$ROOT/data/docx-printed/qingwu-zhen-2024.pdf" 1
    assert_line --index 1 '[1,[[1,"合计",1],[2,"5,962.23",1],[3,"5,956.96",1],[4,"0",1],[5,"0",1],[6,"0",1],[7,"0",1],[8,"5.27",1]]]'
    assert_line --index 3 '[3,[[0,"20103",1],[1,"政府办公厅（室）及相关机构事务",1],[2,"1,253.37",1],[3,"1,248.10",1],[4,"0",1],[5,"0",1],[6,"0",1],[7,"0",1],[8,"5.27",1]]]'
    assert_line --index 4 '[4,[[0,"2010301",1],[1,"行政运行",1],[2,"564.94",1],[3,"559.67",1],[4,"0",1],[5,"0",1],[6,"0",1],[7,"0",1],[8,"5.27",1]]]'
}

@test "pdf: a figure in full-width digits wrapped in its cell (１，６４ / ０．７０) is one figure too (Writer)" {
    run pdf_rows "$ROOT/data/docx-printed/wuyang-jishengxie-2024.pdf" 1
    assert_line --index 2 '[2,[[1,"合计",1],[2,"１，６４０．７０",1],[3,"１１３．９１",1],[4,"１，５１９．２６",1],[5,"０．００",1],[6,"０．００",1],[7,"０．００",1],[8,"０．００",1],[9,"０．００",1],[10,"０．００",1],[11,"０．００",1],[12,"７．５３",1]]]'
}

@test "pdf: a code in full-width brackets wrapped under its name (机关事业单位基本养老保险缴费支出 / （2080505）) ends the name, no row of its own" {
    run pdf_rows "$ROOT/data/holdout113/songxi-jiwei-2024.pdf" 1
    assert_line --index 12 '[12,[[0,"机关事业单位基本养老保险缴费支出（2080505）",1],[1,"20.45",1],[2,"20.45",1],[3,"0.00",1],[4,"0.00",1],[5,"0.00",1],[6,"0.00",1],[7,"0.00",1]]]'
    assert_line --index 13 --partial '[13,[[0,"机关事业单位职业年金缴费支出（2080506）",1],[1,"2.78",1]'
}

@test "pdf: a figure printed with a space for its thousands separator (3 349.42) is one cell, its halves a space apart, not two (Writer)" {
    run pdf_rows "$ROOT/data/docx-printed/congyang-yanjiu-2025.pdf" 4
    assert_line --index 2 '[2,[[1,"合计",1],[2,"3 349.42",1],[3,"2 483.57",1],[4,"477.77",1],[5,"388.08",1]]]'
    assert_line --index 3 '[3,[[0,"201",1],[1,"一般公共服务支出",1],[2,"2 441.64",1],[3,"1 575.79",1],[4,"477.77",1],[5,"388.08",1]]]'
}

@test "pdf: a code over its name in one cell (2080501 / 行政单位离退休), figures centred beside, is one row with them (Writer, 科目编码及名称)" {
    run pdf_rows "$ROOT/data/docx-printed/congling-qixiang-2023.pdf" 2
    assert_line --index 4 '[4,[[0,"20805行政事业单位养老支出",1],[2,"87.70",1],[3,"87.70",1],[4,"0.00",1],[5,"0.00",1],[6,"0.00",1],[7,"0.00",1],[8,"0.00",1]]]'
    assert_line --index 5 '[5,[[0,"2080501行政单位离退休",1],[2,"13.27",1],[3,"13.27",1],[4,"0.00",1],[5,"0.00",1],[6,"0.00",1],[7,"0.00",1],[8,"0.00",1]]]'
}

@test "pdf: a nil printed as two dashes a space apart (— —) is one cell, also glued to the next cell's label" {
    run pdf_rows "$ROOT/data/holdout99/yixi-wuxiandian-2023.pdf" 2
    assert_line --index 3 '[3,[[0,"208",1],[1,"社会保障和就业支出",1],[2,"44.89",1],[3,"44.89",1],[4,"——",1],[5,"——",1],[6,"——",1],[7,"——",1]]]'
    run pdf_rows "$ROOT/data/holdout99/yixi-wuxiandian-2023.pdf" 0
    assert_line --index 4 '[4,[[0,"二、政府性基金预算财政拨款收入",1],[1,"2",1],[2,"——",1],[3,"九、卫生健康支出",1],[4,"40",1],[5,"11.54",1]]]'
}

@test "pdf: a head ending in 名称 alone on its line over a continued table's head is the header's, and so is the group over it (科目编码及名称; 本年支出)" {
    run pdf_rows "$ROOT/data/docx-printed/congling-qixiang-2023.pdf" 5
    assert_line --index 0 '[0,[[1,"科目编码及名称",1],[2,"本年支出",3]]]'
    assert_line --index 1 '[1,[[2,"小计",1],[3,"基本支出",1],[4,"项目支出",1]]]'
}

@test "pdf: a group wrapped over two lines centred in its cell (公务用车购置及运行维护 / 费) is one head, its tail in its band" {
    run pdf_rows "$ROOT/data/holdout98/bianxi-jindu-2023.pdf" 8
    assert_line --index 1 '[1,[[0,"合计",1],[1,"因公出国（境）费",1],[2,"公务用车购置及运行维护费",3],[5,"公务接待费",1],[6,"合计",1],[7,"因公出国（境）费",1],[8,"公务用车购置及运行维护费",3],[11,"公务接待费",1]]]'
    assert_line --index 2 '[2,[[2,"小计",1],[3,"公务用车购置费",1],[4,"公务用车运行维护费",1],[8,"小计",1],[9,"公务用车购置费",1],[10,"公务用车运行维护费",1]]]'
}

@test "pdf: a heading left-aligned over its cells (HTML) spans them" {
    run pdf_rows "$ROOT/data/holdout6/shiliang-minzheng-2025.pdf" 1
    assert_line --index 0 --partial '[4,"合计",1],[5,"上年结转",1],[6,"本年收入",9]]]'
    assert_line --index 1 --partial '[6,"一般公共预算拨款收入",1],[7,"政府性基金预算拨款收入",1]'
}

@test "pdf: a label wrapped over three lines beside its 行次 a typed space after it is one cell, the 行次 its own" {
    run pdf_rows "$ROOT/data/holdout4/liuxi-nongye-2023.pdf" 3
    assert_line --index 3 '[3,[[0,"一、一般公共预算财政拨款",1],[1,"1",1],[2,"2540.29",1],[3,"一、社会保障和就业支出",1],[4,"40",1],[5,"180.13",1],[6,"180.13",1],[7,"-",1],[8,"-",1]]]'
}

@test "pdf: side heads and a group set two lines apart in tall rows, left-aligned over cells as wide, are the header's bands" {
    run pdf_rows "$ROOT/data/holdout4/liuxi-nongye-2023.pdf" 3
    assert_line --index 0 '[0,[[0,"收入",3],[3,"支出",6]]]'
    assert_line --index 1 '[1,[[0,"项目",1],[1,"行次",1],[2,"决算数",1],[3,"项目",1],[4,"行次",1],[5,"决算数",4]]]'
    assert_line --index 2 '[2,[[5,"合计",1],[6,"一般公共预算财政拨款",1],[7,"政府性基金预算财政拨款",1],[8,"国有资本经营预算财政拨款",1]]]'
}

@test "pdf: a heading over a cell of its own width in the middle of its run is centred over the run (本年支出 over 合计 | 基本支出 | 项目支出)" {
    run pdf_rows "$ROOT/data/holdout/headings.pdf" 7
    assert_line --index 0 '[0,[[0,"科目编码",3],[4,"科目名称",1],[5,"本年支出",3]]]'
}

@test "pdf: one row of figures under a three-band header keeps a column for every heading, blank cells included" {
    run pdf_rows "$ROOT/data/holdout5/hechuan-shengtai-2024.pdf" 6
    assert_line --index 2 '[2,[[2,"小计",1],[3,"公务用车购置费",1],[4,"公务用车运行费",1],[8,"小计",1],[9,"公务用车购置费",1],[10,"公务用车运行费",1]]]'
    assert_line --index 3 '[3,[[0,"4.63",1],[1,"1.45",1],[2,"2.55",1],[4,"2.55",1],[5,"0.63",1],[6,"6.61",1],[7,"2.81",1],[8,"2.72",1],[10,"2.72",1],[11,"1.08",1]]]'
}

@test "pdf: a 类 code printed once at its merged group's middle joins a row there, not a label's first line" {
    run pdf_rows "$ROOT/data/holdout5/hechuan-shengtai-2024.pdf" 1
    assert_line --index 5 '[5,[[0,"208",1],[1,"05",1],[2,"01",1],[3,"行政单位离退休",1],[4,"21.97",1],[6,"21.97",1]]]'
    assert_line --index 6 '[6,[[1,"05",1],[2,"05",1],[3,"机关事业单位基本养老保险缴费支出",1],[4,"46.81",1],[6,"46.81",1]]]'
}

@test "pdf: a table's title beside its 表N marker is a paragraph, not a row of the table before" {
    extract "$ROOT/data/holdout5/hechuan-shengtai-2024.pdf" > "$TMP/out"
    run jq -r 'select(.type=="row") | .cells[].text | select(test("收入总表"))' "$TMP/out"
    assert_output ""
    run jq -r 'select(.type=="paragraph") | .text | select(test("部门收入总表"))' "$TMP/out"
    assert_output "表二2024年鹤川市生态环境局部门收入总表"
}

@test "pdf: headings wrapped over five lines in narrow columns are cells, not groups; two wrapped cells a thin gap apart are two" {
    run pdf_rows "$ROOT/data/holdout8/weitang-renshe-2024.pdf" 1
    assert_line --index 0 '[0,[[0,"科目编码",1],[1,"科目名称",1],[2,"合计",1],[3,"上年结转",1],[4,"一般公共预算拨款收入",1],[5,"政府性基金预算拨款收入",1],[6,"国有资本经营预算拨款收入",1],[7,"财政专户管理资金收入",1],[8,"事业收入",1],[9,"上级补助收入",1],[10,"附属单位上缴收入",1],[11,"事业单位经营收入",1],[12,"其他收入",1]]]'
}

@test "pdf: a row cut by a page break joins its label's tail from under the repeated header" {
    run pdf_rows "$ROOT/data/holdout8/weitang-renshe-2024.pdf" 2
    assert_line --index 18 '[18,[[0,"2080505",1],[1,"机关事业单位基本养老保险缴费支出",1],[2,"237.69",1],[3,"237.69",1],[4,"—",1],[5,"—",1],[6,"—",1],[7,"—",1]]]'
    assert_line --index 19 --partial '[19,[[0,"科目编码",1],[1,"科目名称",1]'
    assert_line --index 20 --partial '[20,[[0,"2080506",1],[1,"机关事业单位职业年金缴费支出",1]'
    run pdf_rows "$ROOT/data/holdout9/lanchuan-wenlv-2022.pdf" 3
    assert_line --index 21 '[21,[[1,"18",1],[3,"十八、自然资源海洋气象等支出",1],[4,"50",1],[5,"0.00",1],[6,"0.00",1],[7,"0.00",1],[8,"0.00",1]]]'
    assert_line --index 26 --partial '[26,[[1,"19",1],[3,"十九、住房保障支出",1]'
}

@test "pdf: a heading off its left-aligned codes, nearest the column of the heading beside it, takes the column on its other side" {
    run pdf_rows "$ROOT/data/holdout9/chengpu-shuili-2023.pdf" 5
    assert_line --index 1 '[1,[[0,"科目编码",1],[1,"科目名称",1],[2,"决算数",1],[3,"科目编码",1],[4,"科目名称",1],[5,"决算数",1]]]'
}

@test "pdf: a heading centred in a wide cell heads the right-aligned figures 1.6 h after it that have no heading of their own" {
    run pdf_rows "$ROOT/data/holdout9/lanchuan-wenlv-2023.pdf" 5
    assert_line --index 1 '[1,[[2,"合计",1],[3,"人员经费",1],[4,"公用经费",1]]]'
    assert_line --index 2 '[2,[[1,"合计",1],[2,"3515.91",1],[3,"2968.96",1],[4,"546.95",1]]]'
}

@test "pdf: a lone figure under the figures of the rows above and below, its label wrapped on lines of their own in tall rows, is a row" {
    run pdf_rows "$ROOT/data/holdout9/yuling-tongji-2024.pdf" 3
    assert_line --index 7 '[7,[[0,"（一）一般公共预算拨款",1],[1,"951.25",1]]]'
    assert_line --index 10 --partial '[10,[[0,"收入总计",1],[1,"8,577.85",1]'
}

@test "pdf: an empty table's header line over its blank 合计 row is a table of two rows, also 1.65 h under its 栏次 row" {
    run pdf_rows "$ROOT/data/holdout6/tongze-sifa-2024.pdf" 7
    assert_output "$(printf '%s\n' '[0,[[0,"科目编码",1],[1,"科目名称",1],[2,"合计",1],[3,"基本支出",1],[4,"项目支出",1]]]' '[1,[[1,"合计",1]]]')"
    run pdf_rows "$ROOT/data/holdout7/chengchuan-wenlv-2023.pdf" 7
    assert_line --index 3 '[3,[[1,"合计",1]]]'
}

@test "pdf: 栏次 numbers and headings set at their cells' left edges (a spreadsheet's text) join the right-aligned figures after them" {
    run pdf_rows "$ROOT/data/holdout10/zhuqiao-jiedao-2024.pdf" 1
    assert_line --index 2 '[2,[[0,"栏次",1],[4,"1",1],[5,"2",1],[6,"3",1],[7,"4",1],[8,"5",1],[9,"6",1],[10,"7",1]]]'
    run pdf_rows "$ROOT/data/holdout10/heyu-yingji-2023.pdf" 1
    assert_line --index 0 '[0,[[0,"科目编码",3],[3,"科目名称",1],[4,"本年收入合计",1],[5,"财政拨款收入",1],[6,"上级补助收入",1],[7,"事业收入",1],[8,"经营收入",1],[9,"附属单位上缴收入",1],[10,"其他收入",1]]]'
}

@test "pdf: an amount ruled against the next cell's label without padding is cut where other lines' labels start" {
    run pdf_rows "$ROOT/data/holdout10/zhuqiao-jiedao-2025.pdf" 0
    assert_line --index 2 '[2,[[0,"一、一般公共预算拨款收入",1],[1,"12,841.66",1],[2,"一、一般公共服务支出",1],[3,"5,215.56",1]]]'
}

@test "pdf: a heading set left in a wide padded cell, over no figure, heads the column of amounts after it that has no heading" {
    run pdf_rows "$ROOT/data/holdout11/shinan-xiang-2023.pdf" 0
    assert_line --index 1 '[1,[[0,"项目",1],[1,"行次",1],[2,"金额",1],[3,"项目",1],[4,"行次",1],[5,"金额",1]]]'
    assert_line --index 2 '[2,[[0,"一、一般公共预算财政拨款收入",1],[1,"1",1],[2,"40,750,128.09",1],[3,"一、一般公共服务支出",1],[4,"32",1],[5,"14,405,619.73",1]]]'
}

@test "pdf: a 7-digit code wrapped round its row in a narrow column (20113 / row / 01) is the row's code, its halves read as one (2011301)" {
    run pdf_rows "$ROOT/data/holdout12/hengchuan-shangwu-2024.pdf" 2
    assert_line --index 0 '[0,[[0,"科目编码",1],[1,"科目名称",1],[2,"合计",1],[3,"基本支出",1],[4,"项目支出",1]]]'
    assert_line --index 4 '[4,[[0,"2011301",1],[1,"行政运行",1],[2,"2016.68",1],[3,"2016.68",1],[4,"0.00",1]]]'
    assert_line --index 5 '[5,[[0,"2011302",1],[1,"一般行政管理事务",1],[2,"114.46",1],[3,"0.00",1],[4,"114.46",1]]]'
}

@test "pdf: heads wrapped over three and four lines, centred in their cells, are cells, not groups (财政专 / 户管理 / 资金收 / 入)" {
    run pdf_rows "$ROOT/data/holdout12/hengchuan-shangwu-2024.pdf" 1
    assert_line --index 0 '[0,[[0,"科目编码",1],[1,"科目名称",1],[2,"合计",1],[3,"上年结转",1],[4,"本年收入",9]]]'
    assert_line --index 1 '[1,[[4,"一般公共预算拨款收入",1],[5,"政府性基金预算拨款收入",1],[6,"国有资本经营预算拨款收入",1],[7,"财政专户管理资金收入",1],[8,"事业收入",1],[9,"上级补助收入",1],[10,"附属单位上缴收入",1],[11,"事业单位经营收入",1],[12,"其他收入",1]]]'
}

@test "pdf: a label wrapped round its row, among codes wrapped round theirs, is the row's label (社会保障和就业支 / 208 row / 出)" {
    run pdf_rows "$ROOT/data/holdout12/hengchuan-shangwu-2024.pdf" 1
    assert_line --index 11 '[11,[[0,"208",1],[1,"社会保障和就业支出",1],[2,"707.58",1],[3,"0.00",1],[4,"707.58",1],[5,"0.00",1],[6,"0.00",1],[7,"0.00",1],[8,"0.00",1],[9,"0.00",1],[10,"0.00",1],[11,"0.00",1],[12,"0.00",1]]]'
    assert_line --index 12 --partial '[12,[[0,"20805",1],[1,"行政事业单位养老支出",1],[2,"707.58",1]'
}

@test "pdf: a total's label centred over the code and name columns does not widen either (人员经费合计 under 科目编 / 码 set right)" {
    run pdf_rows "$ROOT/data/holdout12/yanting-liangchu-2023.pdf" 5
    assert_line --index 1 '[1,[[0,"科目编码",1],[1,"科目名称",1],[2,"金额",1],[3,"科目编码",1],[4,"科目名称",1],[5,"金额",1]]]'
    assert_line --index 29 '[29,[[1,"人员经费合计",1],[2,"3,154.22",1],[4,"公用经费合计",1],[5,"736.54",1]]]'
    run pdf_rows "$ROOT/data/holdout9/lanchuan-wenlv-2022.pdf" 5
    assert_line --index 1 '[1,[[0,"科目编码",1],[1,"科目名称",1],[2,"决算数",1],[3,"科目编码",1],[4,"科目名称",1],[5,"决算数",1],[6,"科目编码",1],[7,"科目名称",1],[8,"决算数",1]]]'
}

@test "pdf: heads set right as their figures are (收入 over 项目 | 金额; 科目名称 a space before 本年收入合计)" {
    run pdf_rows "$ROOT/data/holdout12/yanting-liangchu-2023.pdf" 0
    assert_line --index 0 '[0,[[0,"收入",2],[2,"支出",2]]]'
    assert_line --index 1 '[1,[[0,"项目",1],[1,"金额",1],[2,"项目",1],[3,"金额",1]]]'
    run pdf_rows "$ROOT/data/holdout12/yanting-liangchu-2023.pdf" 1
    assert_line --index 0 --partial '[0,[[0,"科目编码",3],[3,"科目名称",1],[4,"本年收入合计",1],[5,"财政拨款收入",1]'
}

@test "pdf: a cell of an even number of lines centred on its row, none on the row's line, is that row's (二、政府 / 性基金预 / [2 682,490.49] / 算财政拨 / 款)" {
    run pdf_rows "$ROOT/data/holdout12/liyang-tushuguan-2023.pdf" 3
    assert_line --index 4 '[4,[[0,"二、政府性基金预算财政拨款",1],[1,"2",1],[2,"682,490.49",1],[3,"八、社会保障和就业支出",1],[4,"40",1],[5,"1,858,826.78",1],[6,"1,858,826.78",1],[7,"0.00",1],[8,"0.00",1]]]'
    run pdf_rows "$ROOT/data/holdout12/yanting-liangchu-2024.pdf" 3
    assert_line --index 6 '[6,[[0,"三、国有资本经营预算财政拨款",1],[1,"3",1],[2,"0",1],[3,"十九、住房保障支出",1],[4,"51",1],[5,"140.82",1],[6,"140.82",1],[7,"0",1],[8,"0",1]]]'
}

@test "pdf: a head centred over two bands is no cell of the lower band: a group set right over that band stops before it (项目 | 行次 beside 决算数 over 合计 | …)" {
    run pdf_rows "$ROOT/data/holdout13/cangyu-linye-2023.pdf" 3
    assert_line --index 0 '[0,[[0,"收入",3],[3,"支出",6]]]'
    assert_line --index 1 '[1,[[0,"项目",1],[1,"行次",1],[2,"决算数",1],[3,"项目",1],[4,"行次",1],[5,"决算数",4]]]'
    assert_line --index 2 '[2,[[5,"合计",1],[6,"一般公共预算财政拨款",1],[7,"政府性基金预算财政拨款",1],[8,"国有资本经营预算财政拨款",1]]]'
}

@test "pdf: a head centred between a group's top and the header's foot is the group's sibling, not under it (行 / 次 beside 决算数; 因公出国（境）费 beside 公务用车购置及运行维护费)" {
    run pdf_rows "$ROOT/data/holdout13/mingao-fuliyuan-2022.pdf" 3
    assert_line --index 1 '[1,[[0,"项目",1],[1,"行次",1],[2,"决算数",1],[3,"项目",1],[4,"行次",1],[5,"决算数",4]]]'
    run pdf_rows "$ROOT/data/holdout11/tongshu-shenji-2023.pdf" 3
    assert_line --index 1 '[1,[[0,"项目",1],[1,"行次",1],[2,"决算数",1],[3,"项目",1],[4,"行次",1],[5,"决算数",4]]]'
    run pdf_rows "$ROOT/data/holdout9/lanchuan-wenlv-2022.pdf" 8
    assert_line --index 1 '[1,[[0,"合计",1],[1,"因公出国（境）费",1],[2,"公务用车购置及运行维护费",3],[5,"公务接待费",1],[6,"合计",1],[7,"因公出国（境）费",1],[8,"公务用车购置及运行维护费",3],[11,"公务接待费",1]]]'
}

@test "pdf: a heading centred in a wide cell heads the figures after it though a side head above sits over them (合计 under 支　出)" {
    run pdf_rows "$ROOT/data/holdout13/cangyu-linye-2025.pdf" 3
    assert_line --index 1 '[1,[[0,"项目",1],[1,"预算数",1],[2,"项目",1],[3,"合计",1],[4,"一般公共预算",1],[5,"政府性基金预算",1],[6,"国有资本经营预算",1]]]'
    assert_line --index 2 '[2,[[0,"本年收入",1],[1,"10,845.03",1],[2,"社会保障和就业支出",1],[3,"517.28",1],[4,"517.28",1],[5,"0.00",1],[6,"0.00",1]]]'
}

@test "pdf: heads set right without rules: a group as wide as its last head (基本支出 over 人员经费 | 公用经费), and a head ending before a column of text set left (项 beside the names) is the column before's" {
    run pdf_rows "$ROOT/data/holdout12/yanting-liangchu-2025.pdf" 4
    assert_line --index 0 '[0,[[0,"科目编码",3],[3,"科目名称",1],[4,"合计",1],[5,"基本支出",2],[7,"项目支出",1]]]'
    assert_line --index 1 '[1,[[0,"类",1],[1,"款",1],[2,"项",1],[5,"人员经费",1],[6,"公用经费",1]]]'
}

@test "pdf: the tail of a row cut by a page break, with no header repeated, joins the row (年初财政 / 拨款结转 | break | 和结余)" {
    run pdf_rows "$ROOT/data/holdout12/liyang-tushuguan-2023.pdf" 3
    assert_line --index 9 '[9,[[0,"年初财政拨款结转和结余",1],[1,"28",1],[2,"772,513.44",1],[3,"年末财政拨款结转和结余",1],[4,"60",1],[5,"692,089.01",1],[6,"200,728.54",1],[7,"491,360.47",1],[8,"0.00",1]]]'
    assert_line --index 10 '[10,[[0,"一般公共预算财政拨款",1],[1,"29",1],[2,"26,247.26",1]]]'
}

@test "pdf: a 款 code alone on its line, mid-group, joins the nearer row, not the label's wrapped line (国有土地使用权出让收 / 入安排的支出 | 08)" {
    run pdf_rows "$ROOT/data/holdout11/shinan-xiang-2023.pdf" 1
    assert_line --index 20 '[20,[[1,"08",1],[3,"国有土地使用权出让收入安排的支出",1],[4,"1,541,400.06",1],[5,"1,541,400.06",1],[6,"-",1],[7,"-",1],[8,"-",1],[9,"-",1],[10,"-",1]]]'
    assert_line --index 21 --partial '[21,[[2,"04",1],[3,"农村基础设施建设支出",1]'
}

@test "pdf: a label of two lines centred on its row is the row's though its code sits on the first line (03 政府办公厅（室）及相 / [figures] / 关机构事务)" {
    run pdf_rows "$ROOT/data/holdout11/shinan-xiang-2023.pdf" 1
    assert_line --index 4 '[4,[[1,"03",1],[3,"政府办公厅（室）及相关机构事务",1],[4,"14,002,366.52",1],[5,"13,821,684.34",1],[6,"-",1],[7,"-",1],[8,"-",1],[9,"-",1],[10,"180,682.18",1]]]'
}

@test "pdf: the 栏次 label makes no column of its own, and 科目编码 heads 类 | 款 | 项 wherever it is set" {
    run pdf_rows "$ROOT/data/holdout14/qingwu-zhen-2023.pdf" 1
    assert_line --index 0 '[0,[[0,"科目编码",3],[3,"科目名称",1],[4,"本年收入合计",1],[5,"财政拨款收入",1],[6,"上级补助收入",1],[7,"事业收入",1],[8,"经营收入",1],[9,"附属单位上缴收入",1],[10,"其他收入",1]]]'
    assert_line --index 1 '[1,[[0,"类",1],[1,"款",1],[2,"项",1]]]'
    run pdf_rows "$ROOT/data/holdout6/shiliang-minzheng-2025.pdf" 1
    assert_line --index 0 --partial '[0,[[0,"科目编码",3],[3,"科目名称",1]'
}

@test "pdf: a code alone at the top of a page the table runs on to keeps the table one (208 | 05 over 机关事业单位基本养老保险缴费支出)" {
    run bash -c "extract '$ROOT/data/holdout14/qingwu-zhen-2023.pdf' | jq -r 'select(.type==\"row\" and .page==5) | .table' | sort -u | head -1"
    assert_output "2"
    run pdf_rows "$ROOT/data/holdout14/qingwu-zhen-2023.pdf" 2
    assert_line --index 21 --partial '[21,[[0,"208",1],[1,"05",1],[2,"05",1],[3,"机关事业单位基本养老保险缴费支出",1],[4,"53.31",1]'
}

@test "pdf: a group heading two and a half lines over a line of heads set at the foot of a tall band is the table's (本年收入; 决算数), and a head on a line of wrapped cells' second lines heads no group (科目 / 编码)" {
    run pdf_rows "$ROOT/data/holdout14/fulan-zhongyiyuan-2025.pdf" 1
    assert_line --index 0 '[0,[[0,"科目编码",1],[1,"科目名称",1],[2,"合计",1],[3,"上年结转",1],[4,"本年收入",9]]]'
    run pdf_rows "$ROOT/tests/pdf/tight-table.pdf" 1
    assert_line --index 0 '[0,[[0,"项目",1],[1,"决算数",5]]]'
}

@test "pdf: a code wrapped at any digit round its row is the row's code (2080 / row / 505), not round a row with a code of its own (2101 / row / 102, then 221)" {
    run pdf_rows "$ROOT/data/holdout14/fulan-zhongyiyuan-2025.pdf" 1
    assert_line --index 6 --partial '[6,[[0,"2080505",1],[1,"机关事业单位基本养老保险缴费支出",1],[2,"236.29",1]'
    run pdf_rows "$ROOT/data/holdout14/fulan-zhongyiyuan-2025.pdf" 2
    assert_line --index 17 --partial '[17,[[0,"2101102",1],[1,"事业单位医疗",1]'
    assert_line --index 18 --partial '[18,[[0,"221",1],[1,"住房保障支出",1]'
}

@test "pdf: a head level with the second line of a wrapped head beside it is a wrapped head too, not a group (上级补助 / 收入 beside 附属单 / 位上缴 / 收入)" {
    run pdf_rows "$ROOT/data/holdout14/fulan-zhongyiyuan-2023.pdf" 1
    assert_line --index 0 '[0,[[0,"科目编码",1],[1,"科目名称",1],[2,"本年收入合计",1],[3,"财政拨款收入",1],[4,"上级补助收入",1],[5,"事业收入",1],[6,"经营收入",1],[7,"附属单位上缴收入",1],[8,"其他收入",1]]]'
}

@test "pdf: a heading of the code or name column heads no column of amounts (科目编码 over 类 款 项)" {
    run pdf_rows "$ROOT/data/holdout14/yuanxi-yizhong-2023.pdf" 1
    assert_line --index 0 --partial '[0,[[0,"科目编码类 款 项",1],[1,"科目名称",1],[2,"本年收入合计",1]'
}

@test "pdf: in a header set at the foot of its bands, a wrapped head ending on the foot line is in the band under a side head (支出 over … | 政府性基金预 / 算)" {
    run pdf_rows "$ROOT/data/holdout14/fulan-zhongyiyuan-2025.pdf" 3
    assert_line --index 0 '[0,[[0,"收入",2],[2,"支出",5]]]'
    assert_line --index 1 '[1,[[0,"项目",1],[1,"预算数",1],[2,"项目",1],[3,"合计",1],[4,"一般公共预算",1],[5,"政府性基金预算",1],[6,"国有资本经营预算",1]]]'
}

@test "pdf: two lines a line pitch apart that spell a stub heading or a lone value heading together are one cell, not a group (科目编 / 码, 科目 / 编码, 一般公共预算拨款 / 收入)" {
    run pdf_rows "$ROOT/data/holdout14/fulan-zhongyiyuan-2025.pdf" 5
    assert_line --index 1 '[1,[[0,"科目编码",1],[1,"科目名称",1],[2,"预算数",1],[3,"科目编码",1],[4,"科目名称",1],[5,"预算数",1],[6,"科目编码",1],[7,"科目名称",1],[8,"预算数",1]]]'
    run pdf_rows "$ROOT/data/holdout14/fulan-zhongyiyuan-2025.pdf" 2
    assert_line --index 0 '[0,[[0,"科目编码",1],[1,"科目名称",1],[2,"合计",1],[3,"基本支出",1],[4,"项目支出",1],[5,"上缴上级支出",1],[6,"事业单位经营支出",1],[7,"对附属单位补助支出",1]]]'
    run pdf_rows "$ROOT/data/holdout14/qingwu-zhen-2025.pdf" 1
    assert_line --index 1 --partial '[7,"一般公共预算拨款收入",1],[8,"政府性基金预算拨款收入",1],[9,"国有资本经营预算拨款收入",1],[10,"财政专户管理资金收入",1],[11,"事业收入",1],[12,"上级补助收入",1],[13,"附属单位上缴收入",1]'
}

@test "pdf: a group heading of amounts spans no stub column (本年收入 beside 科目名称, both set at the foot); the sides and the blocks of 基本支出 do" {
    run pdf_rows "$ROOT/data/holdout14/qingwu-zhen-2025.pdf" 1
    assert_line --index 0 '[0,[[0,"科目编码",4],[4,"科目名称",1],[5,"本年收入",11]]]'
    run pdf_rows "$ROOT/data/fixtures/caidian-2023-final.pdf" 5
    assert_line --index 0 '[0,[[0,"人员经费",3],[3,"公用经费",6]]]'
}

@test "pdf: a 三公 heading wrapped in two lines is one cell, not a group over the band beside it (因公出国 / （境）费)" {
    run pdf_rows "$ROOT/data/holdout5/qinghe-weijian-2024.pdf" 6
    assert_line --index 1 --partial '[1,[[0,"合计",1],[1,"因公出国（境）费",1],[2,"公务用车购置及运行费",3],[5,"公务接待费",1]'
    assert_line --index 2 --partial '[2,[[2,"小计",1],[3,"公务用车购置费",1],[4,"公务用车运行费",1]'
}

@test "pdf: 科目编码 set at the left edge of 类 heads 类 | 款 | 项, not the columns of amounts after them" {
    run pdf_rows "$ROOT/data/holdout15/shuxi-fayuan-2025.pdf" 2
    assert_line --index 0 --partial '[0,[[0,"科目编码",3],'
}

@test "pdf: text drawn over other text on its line is read run by run, not interleaved (a title running over 预算公开表6)" {
    run bash -c "extract '$ROOT/data/holdout15/yingchuan-jikong-2025.pdf' | jq -r 'select(.type==\"paragraph\" and .loc.page==6) | .text' | head -1"
    assert_output "2025年一般公共预算基本支出表 预算公开表6"
}

@test "pdf: a header line whose stub heading stands over no cell of the next line joins it by the heads it shares a column with (科目编码 | 政府性基 over 金预算拨 / 款收入)" {
    run pdf_rows "$ROOT/data/holdout15/yingchuan-jikong-2025.pdf" 1
    assert_line --index 0 --partial '[4,"一般公共预算拨款收入",1],[5,"政府性基金预算拨款收入",1],[6,"国有资本经营预算拨款收入",1],[7,"财政专户管理资金收入",1]'
    run pdf_rows "$ROOT/data/holdout7/yunxiu-zhen-2023.pdf" 4
    assert_line --index 2 '[2,[[1,"栏次",1],[2,"1",1],[3,"2",1],[4,"3",1]]]'
}

@test "pdf: two headings set right in adjacent columns of a one-row table are two cells, and a long amount group above them is in the table (合计 （境）费; 公务用车购置及运行费)" {
    run pdf_rows "$ROOT/data/holdout15/yingchuan-jikong-2025.pdf" 6
    assert_line --index 0 '[0,[[0,"合计",1],[1,"因公出国（境）费",1],[2,"公务用车购置及运行费",3],[5,"公务接待费",1]]]'
    assert_line --index 1 '[1,[[2,"小计",1],[3,"公务用车购置费",1],[4,"公务用车运行费",1]]]'
}

@test "pdf: a 三公 category never heads another (公务用车购置及运行维护费 centred over 小计 | 购置费 | 运行维护费, not over 因公出国 and 公务接待费 beside them)" {
    run pdf_rows "$ROOT/data/holdout14/yuanxi-yizhong-2023.pdf" 8
    assert_line --index 0 '[0,[[0,"项目",1],[1,"合计",1],[2,"因公出国（境）费",1],[3,"公务用车购置及运行维护费",3],[6,"公务接待费",1]]]'
    run pdf_rows "$ROOT/data/holdout14/fulan-zhongyiyuan-2025.pdf" 6
    assert_line --index 1 '[1,[[0,"合计",1],[1,"因公出国（境）费",1],[2,"公务用车购置及运行费",3],[5,"公务接待费",1],[6,"合计",1],[7,"因公出国（境）费",1],[8,"公务用车购置及运行费",3],[11,"公务接待费",1]]]'
}

@test "pdf: heads of narrow columns set left with thin padding, wrapped in lockstep, are cut at the typed spaces the lines share or where a line and the one under it spell a standard heading (政府性基金 国有资本经 财政专户管; 事业单位经 其他收入)" {
    run pdf_rows "$ROOT/data/holdout16/pingzhou-dangan-2024.pdf" 1
    assert_line --index 0 '[0,[[0,"科目编码",3],[3,"科目名称",1],[4,"合计",1],[5,"上年结转",1],[6,"一般公共预算拨款收入",1],[7,"政府性基金预算拨款收入",1],[8,"国有资本经营预算拨款收入",1],[9,"财政专户管理资金收入",1],[10,"事业收入",1],[11,"上级补助收入",1],[12,"附属单位上缴收入",1],[13,"事业单位经营收入",1],[14,"其他收入",1]]]'
}

@test "pdf: the wrapped line of a label centred in the stub stays in the stub, in a table whose heads are set left (2023年预算 / 数)" {
    run pdf_rows "$ROOT/data/holdout16/pingzhou-dangan-2024.pdf" 6
    assert_line --index 2 '[2,[[0,"2023年预算数",1],[1,"38,166.65",1],[2,"0.00",1],[3,"29,635.33",1],[4,"0.00",1],[5,"29,635.33",1],[6,"8,531.32",1]]]'
}

@test "pdf: a block heading set left over a wrapped head and a one-line head beside it, both at the band's top, heads the block (人员经费 over 科目 / 编码 | 科目名称 | 预算数)" {
    run pdf_rows "$ROOT/data/holdout16/pingzhou-dangan-2024.pdf" 5
    assert_line --index 0 '[0,[[0,"人员经费",3],[3,"公用经费",3]]]'
    assert_line --index 1 '[1,[[0,"科目编码",1],[1,"科目名称",1],[2,"预算数",1],[3,"科目编码",1],[4,"科目名称",1],[5,"预算数",1]]]'
}

@test "pdf: 年初结转和结 / 余 set left over the figures is one cell, not a group over 本年收入 beside it" {
    run pdf_rows "$ROOT/data/holdout16/xiping-zhujian-2024.pdf" 6
    assert_line --index 0 --partial '[4,"年初结转和结余",1],[5,"本年收入",1],[6,"本年支出",3],[9,"年末结转和结余",1]'
}

@test "pdf: the header repeated on the next page is known again though codes merged down their rows are drawn behind it, and those codes are dropped (208 by 类, 05 by 款)" {
    run pdf_rows "$ROOT/data/holdout16/qichuan-keji-2025.pdf" 1
    assert_line --index 21 '[21,[[0,"科目编码",3],[3,"科目名称",1],[4,"合计",1],[5,"上年结转",1],[6,"本年收入",9]]]'
    assert_line --index 22 --partial '[22,[[0,"类",1],[1,"款",1],[2,"项",1],[6,"一般公共预算拨款收入",1]'
}

@test "pdf: a group heading set left over heads as wide as the side heads above them is a group, not the last line of wrapped cells (预算数 over 合计 | 一般公共预算 | …, beside 项目 under 支出)" {
    run pdf_rows "$ROOT/data/holdout15/yingchuan-jikong-2024.pdf" 3
    assert_line --index 1 '[1,[[0,"项目",1],[1,"预算数",1],[2,"项目",1],[3,"预算数",4]]]'
    assert_line --index 2 '[2,[[3,"合计",1],[4,"一般公共预算",1],[5,"政府性基金预算",1],[6,"国有资本经营预算",1]]]'
}

@test "pdf: the header's last line, in none of the columns of an empty table's 合计 row under it, stays in the header (类 款 项 over 合计 — — —)" {
    run pdf_rows "$ROOT/data/holdout15/yingchuan-jikong-2024.pdf" 7
    assert_line --index 1 '[1,[[0,"类",1],[1,"款",1],[2,"项",1]]]'
    assert_line --index 2 --partial '"合计",1],'
}

@test "pdf: two heads filling adjacent cells with no more than a thin gap between are cut where the first and the text centred under it spell a standard heading (公务用车运 公务接待费 over 行维护费)" {
    run pdf_rows "$ROOT/data/holdout10/zhuqiao-jiedao-2025.pdf" 6
    assert_line --index 1 '[1,[[0,"合计",1],[1,"因公出国（境）费",1],[2,"公务用车购置及运行维护费",3],[5,"公务接待费",1],[6,"合计",1],[7,"因公出国（境）费",1],[8,"公务用车购置及运行维护费",3],[11,"公务接待费",1]]]'
    assert_line --index 2 '[2,[[2,"小计",1],[3,"公务用车购置费",1],[4,"公务用车运行维护费",1],[8,"小计",1],[9,"公务用车购置费",1],[10,"公务用车运行维护费",1]]]'
}

@test "pdf: an empty table without rules, 科目编码 over its header line and a blank 合计 row under it, is a table" {
    run pdf_rows "$ROOT/data/holdout14/qingwu-zhen-2025.pdf" 8
    assert_line --index 0 --partial '[5,"合计",1],[6,"基本支出",1],[7,"项目支出",1]]]'
    assert_line --index 2 '[2,[[2,"合计",1]]]'
}

@test "pdf: a group heading two pitches over a line of two groups is the table's first band (本年收入 over 财政拨款收入 | 单位资金 over their heads)" {
    run pdf_rows "$ROOT/data/holdout17/zhiling-fagai-2025.pdf" 1
    assert_line --index 0 '[0,[[0,"科目编码及名称",1],[1,"合计",1],[2,"上年结转",1],[3,"本年收入",9]]]'
    assert_line --index 1 '[1,[[3,"财政拨款收入",3],[6,"财政专户管理资金收入",1],[7,"单位资金",5]]]'
}

@test "pdf: a classification code glued to its name is cut where another line of the block starts its name (31002办公设备购置 under 310 资本性支出), so the block keeps its code column" {
    run pdf_rows "$ROOT/data/holdout18/rongxi-fulian-2024.pdf" 5
    assert_line --index 1 '[1,[[0,"科目编码",1],[1,"科目名称",1],[2,"决算数",1],[3,"科目编码",1],[4,"科目名称",1],[5,"决算数",1],[6,"科目编码",1],[7,"科目名称",1],[8,"决算数",1]]]'
    assert_line --index 3 --partial '[6,"31002",1],[7,"办公设备购置",1],[8,"5.69",1]]]'
}

@test "pdf: a year group over 三公 categories heads the whole block, 合计 before them and 公务接待费 after (2024年预算数 centred over six columns, its first head set left)" {
    run pdf_rows "$ROOT/data/holdout10/zhechuan-jiaotong-2024.pdf" 6
    assert_line --index 0 '[0,[[0,"2023年预算数",6],[6,"2024年预算数",6]]]'
    run pdf_rows "$ROOT/data/holdout11/longxi-tiyu-2025.pdf" 6
    assert_line --index 0 '[0,[[0,"2024年预算数",6],[6,"2025年预算数",6]]]'
}

@test "pdf: over one row of figures, heads set left in wide cells each join the figure set right after them, when no figure has a head of its own (合计 | 基本支出 | 项目支出 over 0.00 0.00 0.00)" {
    run pdf_rows "$ROOT/data/holdout14/fulan-zhongyiyuan-2022.pdf" 6
    assert_line --index 1 '[1,[[0,"类",1],[1,"款",1],[2,"项",1],[5,"合计",1],[6,"基本支出",1],[7,"项目支出",1]]]'
    assert_line --index 2 '[2,[[4,"合计",1],[5,"0.00",1],[6,"0.00",1],[7,"0.00",1]]]'
    # where one figure has its head, a lone head is a column of blank cells
    run pdf_rows "$ROOT/data/holdout7/songlan-ziran-2025.pdf" 6
    assert_line --index 1 '[1,[[2,"小计",1],[3,"公务用车购置费",1],[4,"公务用车运行费",1]]]'
    assert_line --index 2 '[2,[[0,"36.63",1],[2,"29.25",1],[3,"24.01",1],[4,"5.24",1],[5,"7.38",1]]]'
}

@test "pdf: a row of slashes is a row of nils under its heads (/ for 年初结转和结余 … of an empty table)" {
    run pdf_rows "$ROOT/data/holdout14/fulan-zhongyiyuan-2023.pdf" 6
    assert_line --index 0 '[0,[[0,"科目编码",1],[1,"科目名称",1],[2,"年初结转和结余",1],[3,"本年收入",1],[4,"本年支出",3],[7,"年末结转和结余",1]]]'
    assert_line --index 2 '[2,[[1,"合计",1],[2,"/",1],[3,"/",1],[4,"/",1],[5,"/",1],[6,"/",1],[7,"/",1]]]'
}

@test "pdf: a header repeated on the next page comes out in the first header's cells, though its renderer set a group off its span there (本年收入 over nine columns, Writer/Web)" {
    run pdf_rows "$ROOT/data/holdout17/zhiling-fagai-2025.pdf" 1
    assert_line --index 0 '[0,[[0,"科目编码及名称",1],[1,"合计",1],[2,"上年结转",1],[3,"本年收入",9]]]'
    assert_line --index 17 '[17,[[0,"科目编码及名称",1],[1,"合计",1],[2,"上年结转",1],[3,"本年收入",9]]]'
    assert_line --index 19 --partial '[9,"附属单位上缴收入",1],[10,"事业单位经营收入",1],[11,"其他收入",1]]]'
}

@test "pdf: the signature line under a table (单位负责人： 财务负责人： 制表人： 报送日期：…) and a sentence a line's pitch under its 栏次 row (本表为空表。) are no part of the table" {
    run pdf_rows "$ROOT/data/holdout21/zhuchuan-jianchayuan-2023.pdf" 6
    assert_line --index 0 '[0,[[0,"科目编码",1],[1,"科目名称",1],[2,"年初结转和结余",1],[3,"本年收入",1],[4,"本年支出",3],[7,"年末结转和结余",1]]]'
    assert_line --index 2 '[2,[[1,"栏次",1],[2,"1",1],[3,"2",1],[4,"3",1],[5,"4",1],[6,"5",1],[7,"6",1]]]'
    [ "${#lines[@]}" -eq 3 ]
    run bash -c "extract '$ROOT/data/holdout21/zhuchuan-jianchayuan-2023.pdf' | jq -r 'select(.type==\"paragraph\") | .text' | grep -c '^单位负责人：'"
    assert_output 9
    run pdf_rows "$ROOT/data/holdout11/longxi-tiyu-2024.pdf" 7
    assert_line --index 0 '[0,[[0,"科目编码",1],[1,"科目名称",1],[2,"本年支出",3]]]'
    refute_line --partial '故本表为空表'
}

@test "pdf: a line of the department beside a bare table number (梓湄县石楠乡人民政府 … 表2, 表5 … 泷溪市体育局), or the number alone, is a running head, no row of the table above it" {
    run bash -c "extract '$ROOT/data/holdout11/shinan-xiang-2024.pdf' | jq -c 'select(.type==\"row\" and .table==0) | [.row, .cells[0].text]' | tail -1"
    assert_output '[13,"收入总计"]'
    run bash -c "extract '$ROOT/data/holdout11/shinan-xiang-2024.pdf' | jq -r 'select(.type==\"paragraph\") | .text' | grep -c '^梓湄县石楠乡人民政府 表[0-9]'"
    assert_output 9
    run bash -c "extract '$ROOT/data/holdout11/longxi-tiyu-2024.pdf' | jq -r 'select(.type==\"paragraph\") | .text' | grep -c '^表[0-9]泷溪市体育局'"
    assert_output 9
    # or the number alone on its line
    run bash -c "extract '$ROOT/data/holdout7/yunxiu-zhen-2024.pdf' | jq -c 'select(.type==\"row\") | .cells[].text' | grep -c '^\"表[0-9]\"$'"
    assert_output 0
}

@test "pdf: a header of one band repeated on the next page comes out as the first one did, its wrapped heads joined (对附属单位补 / 助支出; 科目编 / 码)" {
    run pdf_rows "$ROOT/data/holdout17/zhiling-fagai-2023.pdf" 2
    assert_line --index 0 '[0,[[0,"科目编码",1],[1,"科目名称",1],[2,"本年支出合计",1],[3,"基本支出",1],[4,"项目支出",1],[5,"上缴上级支出",1],[6,"经营支出",1],[7,"对附属单位补助支出",1]]]'
    assert_line --index 27 '[27,[[0,"科目编码",1],[1,"科目名称",1],[2,"本年支出合计",1],[3,"基本支出",1],[4,"项目支出",1],[5,"上缴上级支出",1],[6,"经营支出",1],[7,"对附属单位补助支出",1]]]'
    assert_line --index 28 '[28,[[1,"栏次",1],[2,"1",1],[3,"2",1],[4,"3",1],[5,"4",1],[6,"5",1],[7,"6",1]]]'
    run pdf_rows "$ROOT/data/holdout15/yingchuan-jikong-2025.pdf" 5
    assert_line --index 37 '[37,[[0,"科目编码",1],[1,"科目名称",1],[2,"预算数",1]]]'
}

@test "pdf: a group centred over the heads under it, in the gap between two columns, makes no column of its own (支出 over 项目 | 合计 | 一般公共预算 | …)" {
    run pdf_rows "$ROOT/data/holdout9/chengpu-shuili-2024.pdf" 3
    assert_line --index 0 '[0,[[0,"收入",2],[2,"支出",5]]]'
    assert_line --index 1 '[1,[[0,"项目",1],[1,"预算数",1],[2,"项目",1],[3,"合计",1],[4,"一般公共预算",1],[5,"政府性基金预算",1],[6,"国有资本经营预算",1]]]'
}

@test "pdf: a 公文 page number (— 5 —, drawn as one chunk or two) is left out even when the table above reaches down to it" {
    run bash -c "extract '$ROOT/data/holdout20/yunxi-binyiguan-2025.pdf' | jq -r 'select(.type==\"row\" or .type==\"paragraph\") | (.text // (.cells | map(.text) | join(\"|\")))' | grep -c '^—'"
    assert_output 0
    run bash -c "extract '$ROOT/data/holdout20/yunxi-binyiguan-2025.pdf' | jq -c 'select(.type==\"row\" and .table==2) | [.row, .cells[0].text]' | tail -1"
    assert_output '[18,"221"]'
}

@test "pdf: a whole 元 amount ruled against the next cell's numbered label (0八、社会保障和就业支出) is cut where other figures end" {
    run pdf_rows "$ROOT/data/holdout20/zhichuan-renda-2025.pdf" 0
    assert_line --index 3 '[3,[[0,"二、政府性基金预算拨款收入",1],[1,"0",1],[2,"八、社会保障和就业支出",1],[3,"1,260,895",1]]]'
}

@test "pdf: two heads a cell's padding apart, thinner than a typed space, are cut where each ends on its column's figures (本年收入合计 财政拨款收入, Calc); a letter-spaced title is not" {
    run pdf_rows "$ROOT/data/holdout22/chunxi-zhengxie-2023.pdf" 1
    assert_line --index 0 '[0,[[0,"科目编码",1],[1,"科目名称",1],[2,"本年收入合计",1],[3,"财政拨款收入",1],[4,"上级补助收入",1],[5,"事业收入",1]]]'
    run bash -c "extract '$ROOT/data/holdout8/tanxi-tuiyi-2024.pdf' | jq -r 'select(.type==\"paragraph\") | .text' | grep -c '^部门支出总表$'"
    assert_output 1
}

@test "pdf: a label wrapped over three lines in a row too low for it, drawn past the row's edges into the rows beside, is that row's one cell" {
    run pdf_rows "$ROOT/data/holdout24/yuansang-jiaoyi-2024.pdf" 1
    assert_line --index 6 --partial '[6,[[0,"2010350",1],[1,"事业运行",1],[2,"288.71",1]'
    assert_line --index 7 --partial '[7,[[0,"2010399",1],[1,"其他政府办公厅（室）及相关机构事务支出",1],[2,"27.06",1]'
    assert_line --index 8 --partial '[8,[[0,"208",1],[1,"社会保障和就业支出",1],[2,"60.10",1]'
}

@test "pdf: a budget system's print stamp under a table (打印时间：…) is a caption, not a row" {
    extract "$ROOT/data/holdout24/huaipu-qingshaonian-2024.pdf" > "$TMP/out"
    run jq -r 'select(.type=="row") | .cells[].text | select(test("打印时间"))' "$TMP/out"
    assert_output ""
    run jq -r 'select(.type=="paragraph") | .text | select(startswith("打印时间："))' "$TMP/out"
    assert_line --index 0 "打印时间：2024-01-26 10:42:08"
}

@test "pdf: a whole amount in General format glued to the next cell's label (0结余分配), on the figures' edge and where the glued labels start, is cut; a year before 年 in justified text is not" {
    run pdf_rows "$ROOT/data/holdout25/shaoyang-laoganbu-2023.pdf" 0
    assert_output --partial '[[0,"使用非财政拨款结余",1],[1,"28",1],[2,"0",1],[3,"结余分配",1],[4,"59",1],[5,"0",1]]'
    extract "$ROOT/data/holdout22/liaoan-hongshizihui-2023.pdf" > "$TMP/out"
    run jq -r 'select(.type=="paragraph") | .text | select(startswith("2023年度本年支出合计"))' "$TMP/out"
    assert_output --partial "658.83万元"
}

@test "pdf: a watermark set diagonally across the page (仅供公开查阅) is left out: its ideographs come in boxes much wider than tall" {
    extract "$ROOT/data/holdout30/mixi-dizhenju-2024.pdf" > "$TMP/out"
    run grep -c '查阅\|仅供' "$TMP/out"
    assert_output 0
    run jq -c 'select(.type=="row" and .table==5) | [.cells[].text] | select(.[0]=="30302")' "$TMP/out"
    assert_output '["30302","退休费","49.96","30226","劳务费","3.80"]'
}

@test "pdf: a heading right-aligned over the cells under it, as they are, spans them (收入 | 支出 over 项目 | 预算数; 科目编码 over 类 | 款 | 项)" {
    run pdf_rows "$ROOT/data/holdout12/yanting-liangchu-2025.pdf" 0
    assert_line --index 0 '[0,[[0,"收入",2],[2,"支出",2]]]'
    assert_line --index 1 '[1,[[0,"项目",1],[1,"预算数",1],[2,"项目",1],[3,"预算数",1]]]'
    run pdf_rows "$ROOT/data/holdout11/tongshu-shenji-2024.pdf" 1
    assert_line --index 17 --partial '[17,[[0,"科目编码",3],[3,"科目名称",1]'
    assert_line --index 18 '[18,[[0,"类",1],[1,"款",1],[2,"项",1]]]'
}

@test "bad: damaged and text-less PDFs are error records, the others go on" {
    run bad_between "$BAD/damaged.pdf" "$BAD/no-text-layer.pdf"
    assert_output "$(printf 'rc=1\n2\npdf_damaged\npdf_no_text')"
}

@test "--max-pages: a longer PDF is a limit error" {
    run --separate-stderr extract --max-pages=1 "$FIXTURES/caidian-2023-final.pdf" "$T/small.txt"
    assert_failure 1
    echo "$output" > "$TMP/out"
    run jq -r 'select(.type=="error") | .code' "$TMP/out"
    assert_output limit
    run jq -r 'select(.type=="row") | .cells[1].text' "$TMP/out"
    assert_output 442.86
}

# --- OFD (GB/T 33190) --------------------------------------------------------

# An OFD package of one document whose pages hold the given text objects.
# usage: make_ofd OUT 'page 1 objects' ['page 2 objects' ...]; OFD_ROOT,
# OFD_PAGE_LOC (BaseLoc, %d the page) and OFD_DOCUMENT_EXTRA (XML put into
# CommonData) change the package.
make_ofd() {
    python3 - "$@" <<'PY'
import os, sys, zipfile
out, pages = sys.argv[1], sys.argv[2:]
ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
root = os.environ.get("OFD_ROOT", "Doc_0/Document.xml")
parts = {"OFD.xml": '<ofd:OFD %s Version="1.0"><ofd:DocBody><ofd:DocRoot>%s</ofd:DocRoot>'
                    '</ofd:DocBody></ofd:OFD>' % (ns, root) if root else
                    '<ofd:OFD %s Version="1.0"><ofd:DocBody/></ofd:OFD>' % ns}
loc = os.environ.get("OFD_PAGE_LOC", "Pages/Page_%d/Content.xml")
listed = "".join('<ofd:Page ID="%d" BaseLoc="%s"/>' % (10 + i, loc % i) for i in range(len(pages)))
parts["Doc_0/Document.xml"] = ('<ofd:Document %s><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>'
                               '0 0 210 297</ofd:PhysicalBox></ofd:PageArea>%s</ofd:CommonData>'
                               '<ofd:Pages>%s</ofd:Pages></ofd:Document>'
                               % (ns, os.environ.get("OFD_DOCUMENT_EXTRA", ""), listed))
for i, objs in enumerate(pages):
    if objs != "MISSING":
        parts["Doc_0/Pages/Page_%d/Content.xml" % i] = (
            '<ofd:Page %s><ofd:Content><ofd:Layer ID="1">%s</ofd:Layer></ofd:Content></ofd:Page>'
            % (ns, objs))
with zipfile.ZipFile(out, "w") as z:
    for name, data in parts.items():
        z.writestr(name, data)
PY
}

# A text object of one TextCode: x y (mm, its baseline) text [DeltaX] [extra attributes].
text_obj() {
    local dx=${4:+ DeltaX=\"$4\"}
    printf '<ofd:TextObject ID="1" Boundary="0 0 210 297" Size="4" %s><ofd:TextCode X="%s" Y="%s"%s>%s</ofd:TextCode></ofd:TextObject>' \
        "${5:-}" "$1" "$2" "$dx" "$3"
}

@test "ofd: the seed 003 OFD gives the PDF's facts, figure for figure" {
    facts() {
        extract "$1" | normalize-traditional-chinese | tabulate |
            jq -r 'select(.type=="fact" and .kind=="table") | [.table,.item,.code,.side,.header_path,.value,.unit] | @tsv' | sort
    }
    facts "$FIXTURES/caidian-2023-final.pdf" > "$TMP/pdf"
    facts "$FIXTURES/caidian-2023-final.ofd" > "$TMP/ofd"
    run wc -l < "$TMP/pdf"
    assert_output 562
    diff "$TMP/pdf" "$TMP/ofd"
    # drawn through CTM at half scale, the page number in a template page
    facts "$FIXTURES/caidian-2023-final-ctm.ofd" > "$TMP/ctm"
    diff "$TMP/pdf" "$TMP/ctm"
}

@test "ofd: a document record of format ofd, rows and paragraphs with their pages" {
    extract "$FIXTURES/caidian-2023-final.ofd" > "$TMP/out"
    trailers_ok "$TMP/out"
    run jq -r 'select(.type=="document") | .format' "$TMP/out"
    assert_output ofd
    run jq -r 'select(.type=="row" and .cells[0].text=="本年收入合计") | [.loc.page, .cells[2].text] | @tsv' "$TMP/out"
    assert_output "$(printf '2\t442.86\n5\t442.86')"
    run jq -r 'select(.type=="paragraph") | .text' "$TMP/out"
    assert_line "武汉市蔡甸区医疗保障局（本级）"
}

@test "ofd: DeltaX steps (g N v), X/Y carried from the last TextCode, DeltaY steps down" {
    make_ofd "$TMP/a.ofd" "$(text_obj 20 30 项目合计 'g 3 4')$(text_obj 80 30 12.50 '2 2 1 2')$(text_obj 20 40 基本支出)$(text_obj 80 40 7.25)" \
        '<ofd:TextObject ID="2" Boundary="0 0 210 297" Size="4"><ofd:TextCode X="20" Y="30">人员</ofd:TextCode><ofd:TextCode>经费</ofd:TextCode><ofd:TextCode X="20" Y="50" DeltaY="g 2 10">甲乙丙</ofd:TextCode></ofd:TextObject>'"$(text_obj 80 30 1.00)$(text_obj 80 50 2.00)$(text_obj 80 60 3.00)$(text_obj 80 70 4.00)"
    run --separate-stderr extract "$TMP/a.ofd"
    assert_success
    echo "$output" > "$TMP/out"
    run jq -c 'select(.type=="row") | [.page, (.cells | map(.text))]' "$TMP/out"
    assert_output "$(printf '%s\n' '[1,["项目合计","12.50"]]' '[1,["基本支出","7.25"]]' '[2,["人员经费","1.00"]]' \
        '[2,["甲","2.00"]]' '[2,["乙","3.00"]]' '[2,["丙","4.00"]]')"
}

@test "ofd: a page's BaseLoc relative to Document.xml, absolute, or from the root without the slash" {
    for loc in 'Pages/Page_%d/Content.xml' '/Doc_0/Pages/Page_%d/Content.xml' 'Doc_0/Pages/Page_%d/Content.xml'; do
        OFD_PAGE_LOC=$loc make_ofd "$TMP/a.ofd" "$(text_obj 20 30 找得到)"
        run --separate-stderr extract "$TMP/a.ofd"
        assert_success
        assert_output --partial "找得到"
    done
}

@test "ofd: text off the page (outside its PhysicalBox) or set at a slant (a watermark) is not read" {
    make_ofd "$TMP/a.ofd" "$(text_obj 20 30 看得见)$(text_obj 250 30 页面外)$(text_obj 20 60 斜的 'g 2 12' 'CTM="0.7071 -0.7071 0.7071 0.7071 0 0"')$(text_obj 20 90 竖的 '' 'CTM="0 1 -1 0 100 0"')"
    run extract "$TMP/a.ofd"
    assert_success
    assert_output --partial "看得见"
    refute_output --partial "页面外"
    refute_output --partial "斜"
    # a right angle is no slant: text turned sideways is still read
    assert_output --partial "竖"
}

@test "bad: an OFD without a document root, or with a missing page, is an error record, the rest goes on" {
    OFD_ROOT= make_ofd "$TMP/noroot.ofd" "$(text_obj 20 30 文字)"
    OFD_ROOT=Doc_9/Document.xml make_ofd "$TMP/lost.ofd" "$(text_obj 20 30 文字)"
    make_ofd "$TMP/page.ofd" "$(text_obj 20 30 第一页)" MISSING "$(text_obj 20 30 第三页)"
    make_ofd "$TMP/blank.ofd" ""
    run --separate-stderr extract "$TMP/noroot.ofd" "$TMP/lost.ofd" "$TMP/page.ofd" "$TMP/blank.ofd" "$T/small.txt"
    assert_failure 1
    echo "$output" > "$TMP/out"
    trailers_ok "$TMP/out"
    run jq -r 'select(.type=="error") | .code + ": " + .message' "$TMP/out"
    assert_line "ofd_damaged: OFD.xml names no document (DocBody/DocRoot)"
    assert_line "ofd_damaged: Doc_9/Document.xml: the document root OFD.xml names is missing"
    assert_line "ofd_damaged: page 2: Doc_0/Pages/Page_1/Content.xml is missing"
    assert_line --partial "ofd_no_text: "
    run jq -r 'select(.type=="paragraph") | [.loc.page, .text] | @tsv' "$TMP/out"
    assert_line "$(printf '1\t第一页')"
    assert_line "$(printf '3\t第三页')"
    [ "$(jq -s '[.[] | select(.type=="document")] | length' "$TMP/out")" -eq 5 ]
}

@test "bad: an OFD page with an entity or malformed XML is refused, --max-pages holds" {
    make_ofd "$TMP/ent.ofd" '&#x41;</ofd:Layer><!-- -->'
    python3 - "$TMP/dtd.ofd" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("OFD.xml", '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><OFD><DocBody><DocRoot>&e;</DocRoot></DocBody></OFD>')
PY
    make_ofd "$TMP/three.ofd" "$(text_obj 20 30 一)" "$(text_obj 20 30 二)" "$(text_obj 20 30 三)"
    run --separate-stderr extract "$TMP/ent.ofd" "$TMP/dtd.ofd"
    assert_failure 1
    run jq -r 'select(.type=="error") | .code' <<< "$output"
    assert_output "$(printf 'xml\nxml')"
    refute_output --partial "root:"
    run --separate-stderr extract --max-pages=2 "$TMP/three.ofd"
    assert_failure 1
    run jq -r 'select(.type=="error") | .code' <<< "$output"
    assert_output limit
}

# --- legacy .doc/.xls (through legacy.c) ----------------------------------

@test "legacy: .doc and .xls (both read directly) keep their own format, bytes and hash" {
    extract "$ROOT/tests/legacy/budget-table.doc" "$ROOT/tests/legacy/budget-sheet.xls" > "$TMP/out"
    trailers_ok "$TMP/out"
    run jq -r 'select(.type=="document") | [.format, .bytes, .sha256] | @tsv' "$TMP/out"
    assert_output "$(printf 'doc\t%s\t%s\nxls\t%s\t%s' \
        "$(stat -c %s "$ROOT/tests/legacy/budget-table.doc")" "$(sha256sum < "$ROOT/tests/legacy/budget-table.doc" | cut -d' ' -f1)" \
        "$(stat -c %s "$ROOT/tests/legacy/budget-sheet.xls")" "$(sha256sum < "$ROOT/tests/legacy/budget-sheet.xls" | cut -d' ' -f1)")"
    run jq -c 'select(.type=="row" and .sheet=="Sheet1" and .row==1) | [.cells[].text]' "$TMP/out"
    assert_output '["一般公共预算财政拨款收入","442.86"]'
}

@test "legacy: OpenDocument .ods and .odt are converted the same way and keep their own format" {
    extract "$ROOT/tests/legacy/budget-sheet.ods" "$ROOT/tests/legacy/budget-table.odt" > "$TMP/out"
    trailers_ok "$TMP/out"
    run jq -r 'select(.type=="document") | .format' "$TMP/out"
    assert_output "$(printf 'ods\nodt')"
    run jq -c 'select(.type=="row" and .sheet=="Sheet1" and .row==1) | [.cells[].text]' "$TMP/out"
    assert_output '["一般公共预算财政拨款收入","442.86"]'
    run jq -c 'select(.type=="row" and .sheet==null and .row==1) | [.cells[].text]' "$TMP/out"
    assert_output '["一、一般公共预算财政拨款收入","1","442.86","3190.37"]'
}

@test "mht: each html part of a MIME web archive is read as a page into one document (quoted-printable GB2312, base64 UTF-8); the tab strip and images are not" {
    extract "$ROOT/tests/mht/workbook.mht" > "$TMP/out"
    trailers_ok "$TMP/out"
    run jq -r 'select(.type=="document") | .format' "$TMP/out"
    assert_output mht
    run jq -c 'select(.type=="row") | [.table, .row, [.cells[].text]]' "$TMP/out"
    assert_output "$(printf '%s\n' '[0,0,["项目","金额"]]' '[0,1,["一般公共预算财政拨款收入","442.86"]]' '[1,0,["项目","决算数"]]' '[1,1,["合计","17.50"]]')"
}

@test "mht: a message cut short keeps the parts it has; one without parts is an error record" {
    head -c 700 "$ROOT/tests/mht/workbook.mht" > "$TMP/cut.mht"
    run extract "$TMP/cut.mht"
    run bash -c "extract '$TMP/cut.mht' | jq -c 'select(.type==\"row\") | [.cells[].text]' | head -1"
    assert_output '["项目","金额"]'
    printf 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="x"\r\n\r\nnothing here\r\n' > "$TMP/empty.mht"
    run --separate-stderr extract "$TMP/empty.mht"
    assert_failure 1
    run jq -r 'select(.type=="error") | .code' <<< "$output"
    assert_output mht_damaged
}

@test "legacy: no converter on PATH is an error that names the package; a Word 97 .doc and an Excel 97 .xls need none" {
    run --separate-stderr env PATH="$BIN" extract "$ROOT/tests/legacy/budget-sheet.ods" "$ROOT/tests/legacy/budget-table.doc" "$ROOT/tests/legacy/budget-sheet.xls" "$T/small.txt"
    assert_failure 1
    echo "$output" > "$TMP/out"
    run jq -r 'select(.type=="error") | [.code, .message] | @tsv' "$TMP/out"
    assert_output --partial "converter_missing"
    assert_output --partial "libreoffice"
    run jq -r 'select(.type=="row" and .row==1) | [.cells[].text] | @tsv' "$TMP/out"
    assert_output "$(printf '一、一般公共预算财政拨款收入\t1\t442.86\t3190.37\n一般公共预算财政拨款收入\t442.86')"
}

@test "xls: an Excel 97 .xls is read directly: merged ranges as spans, hidden rows, columns and sheets marked, numbers as their format shows them, a formula's cached text, shared strings continued over records" {
    run --separate-stderr env PATH="$BIN" extract "$ROOT/tests/legacy/merged-hidden.xls"
    assert_success
    echo "$output" > "$TMP/out"
    trailers_ok "$TMP/out"
    run jq -c 'select(.type=="row" and .row < 7) | [.sheet, .row, .hidden, .ref, (.cells | map([.col, .text, .colspan, .rowspan, .hidden]))]' "$TMP/out"
    assert_output "$(printf '%s\n' \
        '["公开05表",0,null,"A1:D1",[[0,"2024年度支出决算表",4,1,null]]]' \
        '["公开05表",1,null,"A2:C2",[[0,"项目",1,2,null],[1,"决算数",2,1,null]]]' \
        '["公开05表",2,null,"B3:D3",[[1,"基本支出",1,1,null],[2,"项目支出",1,1,null],[3,"上年数",1,1,true]]]' \
        '["公开05表",3,null,"A4:D4",[[0,"合计",1,1,null],[1,"1,234.50",1,1,null],[2,"20.00",1,1,null],[3,"9.87",1,1,true]]]' \
        '["公开05表",4,null,"A5:D5",[[0,"行政运行",1,1,null],[1,"1,000.25",1,1,null],[2,"0.00",1,1,null],[3,"1.00",1,1,true]]]' \
        '["公开05表",5,true,"A6:D6",[[0,"一般行政管理事务",1,1,null],[1,"234.25",1,1,null],[2,"20.00",1,1,null],[3,"8.87",1,1,true]]]' \
        '["公开05表",6,null,"A7:C7",[[0,"执行率",1,1,null],[1,"98.76%",1,1,null],[2,"说明",1,1,null]]]' \
        '["隐藏",0,true,"A1:B1",[[0,"隐藏表",1,1,null],[1,"1.00",1,1,null]]]')"
    # 300 long strings: the shared-string table runs over several CONTINUE records
    run jq -r 'select(.type=="row" and .sheet=="公开05表" and .row >= 7) | .cells[0].text | select(endswith("用于跨越记录边界的测试"))' "$TMP/out"
    [ "${#lines[@]}" -eq 300 ]
    assert_line --index 299 "第307行：一般公共预算财政拨款收入和政府性基金预算财政拨款收入的长说明文字，用于跨越记录边界的测试"
}

@test "xls: a workbook whose BOF is gone is an xls_damaged error; one with a FILEPASS record goes to the converter" {
    # the globals' BOF record is at 1536 in this file, its CODEPAGE record at 1688
    cp "$ROOT/tests/legacy/merged-hidden.xls" "$TMP/nobof.xls"
    printf '\x00\x00' | dd of="$TMP/nobof.xls" bs=1 seek=1536 conv=notrunc 2>/dev/null
    cp "$ROOT/tests/legacy/merged-hidden.xls" "$TMP/filepass.xls"
    printf '\x2f\x00' | dd of="$TMP/filepass.xls" bs=1 seek=1688 conv=notrunc 2>/dev/null
    run --separate-stderr env PATH="$BIN" extract "$TMP/nobof.xls" "$TMP/filepass.xls" "$ROOT/tests/legacy/budget-sheet.xls"
    assert_failure 1
    echo "$output" > "$TMP/out"
    trailers_ok "$TMP/out"
    run jq -r 'select(.type=="error") | [(.source | split("/") | last), .code] | @tsv' "$TMP/out"
    assert_output "$(printf 'nobof.xls\txls_damaged\nfilepass.xls\tconverter_missing')"
    run jq -r 'select(.type=="row" and .row==1) | .cells[1].text' "$TMP/out"
    assert_output 442.86
}

@test "doc: a Word 97 .doc is read directly: heading levels, field results without their codes, cells on the grid of all edges with spans (edges a few twips apart one line), a table at the very end" {
    run --separate-stderr env PATH="$BIN" extract "$ROOT/tests/legacy/merged-end.doc"
    assert_success
    echo "$output" > "$TMP/out"
    trailers_ok "$TMP/out"
    run jq -c 'select(.type=="paragraph") | [.text, .level]' "$TMP/out"
    assert_output "$(printf '%s\n' '["2024年度支出决算表",1]' '["部门：示例县档案局　详见公开网站。",0]' '["注：本表金额单位为万元。",0]')"
    run jq -c 'select(.type=="row") | [.table, .row, (.cells | map([.col, .text, .colspan, .rowspan]))]' "$TMP/out"
    assert_output "$(printf '%s\n' \
        '[0,0,[[0,"项目",1,2],[1,"决算数",2,1]]]' \
        '[0,1,[[1,"基本支出",1,1],[2,"项目支出",1,1]]]' \
        '[0,2,[[0,"合计",1,1],[1,"101.50",1,1],[2,"20.00",1,1]]]' \
        '[0,3,[[0,"行政运行",1,1],[1,"101.50",1,1],[2,"-",1,1]]]' \
        '[1,0,[[0,"项目",1,1],[1,"预算数",1,1],[2,"决算数",1,1]]]' \
        '[1,1,[[0,"合计",1,1],[1,"3.00",1,1],[2,"2.50",1,1]]]')"
    run jq -c 'select(.type=="row" and .table==1 and .row==1) | .loc' "$TMP/out"
    # the row's first paragraph mark, counting those of cells
    assert_output '{"para":23,"cp":147}'
    # an edge 10 twips off its column line (a table edited by hand) is on it:
    # the first row's middle edge, 601 in its table definition at 8328, made 611
    cp "$ROOT/tests/legacy/merged-end.doc" "$TMP/drift.doc"
    printf '\x63\x02' | dd of="$TMP/drift.doc" bs=1 seek=8328 conv=notrunc 2>/dev/null
    run bash -c "extract '$TMP/drift.doc' | jq -c 'select(.type==\"row\" and .table==0 and .row < 2) | [.cells[] | [.col, .colspan]]'"
    assert_output "$(printf '%s\n' '[[0,1],[1,2]]' '[[1,1],[2,1]]')"
}

@test "doc: a table set left of the margin (negative edges) keeps its columns; page header and footer lines come after the body with their part" {
    run --separate-stderr extract "$ROOT/tests/legacy/header-footer.doc"
    assert_success
    echo "$output" > "$TMP/out"
    trailers_ok "$TMP/out"
    run jq -c 'select(.type=="row") | [.cells[] | [.col, .text]]' "$TMP/out"
    assert_output "$(printf '%s\n' '[[0,"项目"],[1,"金额"]]' '[[0,"合计"],[1,"12.50"]]')"
    run jq -c 'select(.type=="paragraph") | [.text, .loc.part]' "$TMP/out"
    assert_output "$(printf '%s\n' '["2024年度收入决算表",null]' '["说明。",null]' '["部门：沔阳县测绘局","header"]' '["第 1 页","footer"]')"
    # tabulate takes the department from the header, not as a paragraph of the text
    run bash -c "extract '$ROOT/tests/legacy/header-footer.doc' | tabulate | jq -r 'select(.kind==\"meta\") | .entity'"
    assert_output 沔阳县测绘局
}

@test "doc: a table nested in a cell (itap 2) is a table of its own after the row that holds it, with its parent, as in docx" {
    run --separate-stderr extract "$ROOT/tests/legacy/nested-table.doc"
    assert_success
    echo "$output" > "$TMP/out"
    trailers_ok "$TMP/out"
    run jq -c 'select(.type=="row") | [.table, .row, .parent, [.cells[] | [.col, .text]]]' "$TMP/out"
    assert_output "$(printf '%s\n' \
        '[0,0,null,[[0,"2024年度支出决算表"]]]' \
        '[0,1,null,[[0,""]]]' \
        '[1,0,{"table":0,"row":1,"col":0},[[0,"项目"],[1,"金额"]]]' \
        '[1,1,{"table":0,"row":1,"col":0},[[0,"合计"],[1,"12.50"]]]' \
        '[1,2,{"table":0,"row":1,"col":0},[[0,"行政运行"],[1,"12.50"]]]')"
}

@test "doc: an encrypted .doc and one whose piece table points nowhere are error records; the batch goes on" {
    # the FIB is the first sector of WordDocument, at 5120 in this file: flags at 0x0A, fcClx at 0x1A2
    cp "$ROOT/tests/legacy/merged-end.doc" "$TMP/enc.doc"
    printf '\x13' | dd of="$TMP/enc.doc" bs=1 seek=$((5120 + 0x0B)) conv=notrunc 2>/dev/null
    cp "$ROOT/tests/legacy/merged-end.doc" "$TMP/noclx.doc"
    printf '\xff\xff\xff\x7f' | dd of="$TMP/noclx.doc" bs=1 seek=$((5120 + 0x1A2)) conv=notrunc 2>/dev/null
    run --separate-stderr extract "$TMP/enc.doc" "$TMP/noclx.doc" "$ROOT/tests/legacy/budget-table.doc"
    assert_failure 1
    echo "$output" > "$TMP/out"
    trailers_ok "$TMP/out"
    run jq -r 'select(.type=="error") | [(.source | split("/") | last), .code] | @tsv' "$TMP/out"
    assert_output "$(printf 'enc.doc\tdoc_encrypted\nnoclx.doc\tdoc_damaged')"
    run jq -r 'select(.type=="row" and .row==1) | .cells[2].text' "$TMP/out"
    assert_output 442.86
}

@test "bad: an OLE2 file that is neither .doc nor .xls" {
    printf '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1garbage' > "$TMP/fake.doc"
    run bad_between "$TMP/fake.doc"
    assert_output "$(printf 'rc=1\n2\nunknown_format')"
}
