#!/usr/bin/env bats
# normalize-traditional-chinese: conversion, clean-up, repair, record
# handling, limits and exit codes.

load test_helper

NT=normalize-traditional-chinese
HERE="$BATS_TEST_DIRNAME/normalize"

setup() {
    export LC_ALL=C.UTF-8
    T="$BATS_TEST_TMPDIR"
}

# Column N of a case table (comments dropped, \t \uXXXX escapes expanded).
column() {
    grep -v '^#' "$1" | cut -f"$2" | while IFS= read -r l; do printf '%b\n' "$l"; done
}

@test "--help and --version" {
    run "$NT" --help
    assert_success
    assert_output --partial "Usage: $NT"
    assert_output --partial "--max-text"
    run "$NT" --version
    assert_success
    assert_output "$NT (yujuesuan) 0.1.0"
}

@test "a bad option or limit is a usage error (2)" {
    run "$NT" --frobnicate </dev/null
    assert_failure 2
    assert_output --partial "Try '$NT --help'"
    run "$NT" --max-text 0 </dev/null
    assert_failure 2
    run "$NT" --max-repairs -3 </dev/null
    assert_failure 2
    run "$NT" --max-line abc </dev/null
    assert_failure 2
}

@test "budget vocabulary converts in context (word list)" {
    column "$HERE/words.tsv" 1 > "$T/in"
    column "$HERE/words.tsv" 2 > "$T/want"
    run "$NT" --plain "$T/in"
    assert_success
    diff -u "$T/want" <(printf '%s\n' "$output")
}

@test "full-width, spaces, markup and punctuation cases" {
    column "$HERE/fold.tsv" 1 > "$T/in"
    column "$HERE/fold.tsv" 2 > "$T/want"
    run "$NT" --plain "$T/in"
    assert_success
    diff -u "$T/want" <(printf '%s\n' "$output")
}

@test "--no-overrides gives plain OpenCC t2s (著力 and 帳戶 as OpenCC has them)" {
    run "$NT" --plain --no-overrides <<<"著力 帳戶 批覆"
    assert_success
    assert_output "著力 帐户 批覆"
    run "$NT" --plain <<<"著力 帳戶 批覆"
    assert_output "着力 账户 批复"
}

@test "Simplified reports pass --t2s-only byte for byte" {
    for f in "$FIXTURES/caidian-2023-final.txt" "$FIXTURES/suining-2023-final.txt"; do
        # --plain ends every line with \n, the last one too
        "$NT" --plain --t2s-only "$f" | cmp - <(sed -e '$a\' "$f")
    done
}

@test "paragraph text and row cells are rewritten with counts; nothing else changes" {
    make_doc d1 \
        '{"type":"paragraph","doc":"d1","text":"財政撥款結餘","level":0,"loc":{"line":3}}' \
        '{"type":"row","doc":"d1","table":0,"row":1,"cells":[{"col":0,"text":"合    計","colspan":1,"rowspan":1},{"col":1,"text":"１，３８２．６４","colspan":1,"rowspan":1}],"loc":{"line":4}}' \
        > "$T/in"
    run "$NT" "$T/in"
    assert_success
    assert_line --index 1 '{"type":"paragraph","doc":"d1","text":"财政拨款结余","level":0,"loc":{"line":3},"normalized":{"t2s":4,"folded":0,"repaired":0}}'
    assert_line --index 2 '{"type":"row","doc":"d1","table":0,"row":1,"cells":[{"col":0,"text":"合计","colspan":1,"rowspan":1},{"col":1,"text":"1,382.64","colspan":1,"rowspan":1}],"loc":{"line":4},"normalized":{"t2s":1,"folded":12,"repaired":0}}'
    assert_line --index 3 '{"type":"end","doc":"d1","records":2}'
}

@test "a rewritten record keeps keys with quotes and control characters as valid JSON (fuzz)" {
    make_doc d1 '{"type":"paragraph","doc":"d1","text":"預算","we\"ird\n":1,"level":0}' > "$T/in"
    run "$NT" "$T/in"
    assert_success
    assert_line --index 1 '{"type":"paragraph","doc":"d1","text":"预算","we\"ird\n":1,"level":0,"normalized":{"t2s":1,"folded":0,"repaired":0}}'
    echo "$output" | jq -e . > /dev/null
}

@test "other records pass through byte for byte, unchanged text too" {
    # odd spacing, escapes, a float and an unknown type must survive as written
    make_doc d2 \
        '{"type":"fact","doc":"d2", "value":"1382.64","x":1.10,"e":"\u8ca1"}' \
        '{"type":"mystery","doc":"d2","text":"財政"}' \
        '{"type":"paragraph","doc":"d2","text":"已经是简体 \u0041","level":0}' \
        '{"type":"error","doc":"d2","stage":"extract","code":"x","message":"財"}' \
        > "$T/in"
    printf '%s\n' '{"type":"loose","text":"臺灣"}' >> "$T/in"
    run "$NT" "$T/in"
    assert_success
    diff -u "$T/in" <(printf '%s\n' "$output")
}

@test "injected spam is marked, not dropped" {
    make_doc d3 '{"type":"paragraph","doc":"d3","text":"強姧伦久久久久久久","level":0}' \
        '{"type":"paragraph","doc":"d3","text":"彩票公益金用于成人教育","level":0}' > "$T/in"
    run "$NT" "$T/in"
    assert_success
    assert_line --index 1 --partial '"text":"强姧伦久久久久久久"'
    assert_line --index 1 --partial '"spam":true'
    refute_line --index 2 --partial 'spam'
}

@test "invalid UTF-8 in a text field is an error record; the batch goes on (exit 1)" {
    { make_doc d4 '{"type":"paragraph","doc":"d4","text":"好","level":0}'
      printf '{"type":"document","contract":"yujuesuan/1","doc":"d5","source":"b.txt","format":"txt","encoding":"utf-8","bytes":1,"sha256":"d5"}\n'
      printf '{"type":"paragraph","doc":"d5","text":"bad \xe4\xb8 here","level":0}\n'
      printf '{"type":"paragraph","doc":"d5","text":"\xc0\xaf overlong","level":0}\n'
      printf '{"type":"paragraph","doc":"d5","text":"臺","level":0}\n'
      printf '{"type":"end","doc":"d5","records":3}\n'; } > "$T/in"
    run "$NT" "$T/in"
    assert_failure 1
    assert_line --index 0 --partial '"doc":"d4"'
    assert_line --partial '"type":"error","doc":"d5"'
    assert_line --partial '"text":"台"'
    assert_line '{"type":"end","doc":"d5","records":3}'
    run "$NT" --plain <<<$'ok\n\xe4\xb8'
    assert_failure 1
    assert_output --partial "not valid UTF-8"
}

@test "--max-text: a longer text field is passed unchanged with an error" {
    make_doc d6 '{"type":"paragraph","doc":"d6","text":"臺灣臺灣","level":0}' \
        '{"type":"paragraph","doc":"d6","text":"臺","level":0}' > "$T/in"
    run "$NT" --max-text 6 "$T/in"
    assert_failure 1
    assert_line --partial '"code":"text_too_long"'
    assert_line --partial '"text":"臺灣臺灣"'
    assert_line --partial '"text":"台"'
}

@test "--max-line: a longer line is an error, the rest goes on" {
    make_doc d7 "{\"type\":\"paragraph\",\"doc\":\"d7\",\"text\":\"$(printf '臺%.0s' {1..100})\",\"level\":0}" \
        '{"type":"paragraph","doc":"d7","text":"臺","level":0}' > "$T/in"
    run "$NT" --max-line 200 "$T/in"
    assert_failure 1
    assert_line --partial '"code":"line_too_long"'
    assert_line --partial '"text":"台"'
}

@test "converting twice gives what converting once gave (seed 001 and the fixtures)" {
    "$HERE/txt2stream" "$HERE/seed001.txt" > "$T/s"
    for f in "$FIXTURES"/*.txt; do "$HERE/txt2stream" "$f"; done >> "$T/s"
    "$NT" "$T/s" > "$T/once"
    "$NT" "$T/once" > "$T/twice"
    cmp "$T/once" "$T/twice"
}

@test "writing to a full disk exits 3" {
    run bash -c "'$NT' --plain '$HERE/seed001.txt' >/dev/full"
    assert_failure 3
    "$HERE/txt2stream" "$HERE/seed001.txt" > "$T/s"
    run bash -c "'$NT' '$T/s' >/dev/full"
    assert_failure 3
    assert_output --partial "write error"
}

@test "a closed pipe ends the stage quietly" {
    "$HERE/txt2stream" "$HERE/seed001.txt" > "$T/s"
    for i in 1 2 3 4 5 6 7 8; do cat "$T/s"; done > "$T/big"
    run bash -c "'$NT' '$T/big' 2>'$T/err' | head -c 10 >/dev/null; echo \${PIPESTATUS[0]}"
    assert_output 141
    [ ! -s "$T/err" ]
}

@test "garbled spans are repaired (GBK lead byte lost, pairing shifted)" {
    column "$HERE/garbled.tsv" 1 > "$T/in"
    column "$HERE/garbled.tsv" 2 > "$T/want"
    run "$NT" --plain "$T/in"
    assert_success
    diff -u "$T/want" <(printf '%s\n' "$output")
}

@test "seed 001: six spans repaired, the uncertain one marked with U+FFFD and its guess" {
    "$HERE/txt2stream" "$HERE/seed001.txt" > "$T/s"
    run "$NT" "$T/s"
    assert_success
    assert_line --partial '"text":"4.组织实施医疗保障基金监督管理办法，承担处理欺诈骗取医保基金行为的具体事务性工作；"'
    assert_line --partial '"garbled":[{"at":78,"original":"?;'
    assert_line --partial '确保医保基金安全"'
    assert_line --partial '副部（�）级及以上领导用车0辆'
    assert_line --partial '"guess":"健）级及以上领","confident":false}]'
    [ "$(grep -c '"garbled"' <<<"$output")" -eq 7 ]
    [ "$(grep -c '"confident":true' <<<"$output")" -eq 6 ]
    [ "$(grep -o '医保基金' <<<"$output" | wc -l)" -ge 6 ]
    # nothing of the garbage is left in the text
    run jq -r 'select(.type=="paragraph") | .text' <<<"$output"
    refute_output --partial '鹦'
    refute_output --partial $'\uE2AE'
    refute_output --partial '/span>'
}

@test "garbage that cannot be read is marked, not passed as text" {
    make_doc g1 $'{"type":"paragraph","doc":"g1","text":"好\uE2AE好 锟斤拷","level":0}' \
        '{"type":"row","doc":"g1","table":0,"row":0,"cells":[{"col":2,"text":"財?䲟芸钍杖霙Q算表A"}]}' > "$T/in"
    run "$NT" "$T/in"
    assert_success
    assert_line --index 1 --partial '"garbled":[{"at":3,"original":"'
    assert_line --index 1 --partial '"guess":null,"confident":false},{"at":10,"original":"锟斤拷","guess":null,"confident":false}]'
    assert_line --index 2 '{"type":"row","doc":"g1","table":0,"row":0,"cells":[{"col":2,"text":"财政拨款收入决算表A"}],"normalized":{"t2s":3,"folded":0,"repaired":6},"garbled":[{"col":2,"at":3,"original":"?䲟芸钍杖霙Q","guess":"政拨款收入决","confident":true}]}'
}

@test "--no-repair and --max-repairs leave garbled spans alone" {
    printf '%s\n' '財?䲟芸钍杖霙Q算表A 財?䲟芸钍杖霙Q算表A' > "$T/in"
    run "$NT" --plain --no-repair "$T/in"
    assert_output '财?䲟芸钍杖霙Q算表A 财?䲟芸钍杖霙Q算表A'
    run "$NT" --plain --max-repairs 1 "$T/in"
    assert_output '财政拨款收入决算表A 财?䲟芸钍杖霙Q算表A'
    run "$NT" --plain "$T/in"
    assert_output '财政拨款收入决算表A 财政拨款收入决算表A'
}

@test "question marks that are not garbling stay" {
    run "$NT" --plain <<<$'是否?Yes\n中?文A\n收入?支出B\n为什么?'
    assert_success
    assert_output $'是否?Yes\n中?文A\n收入?支出B\n为什么？'
}

# The oracle: `opencc -c CONFIG` over FILE, fed in pieces split at line
# ends. The opencc command reads a file in blocks and converts each block
# alone, so a word across a block boundary (about every 2 MB) comes out
# split: that is its artefact, not a conversion rule.
opencc_oracle() {
    local cfg=$1 file=$2 dir
    dir=$(mktemp -d "$T/oracle.XXXX")
    split -C 400k -d -a 4 "$file" "$dir/p"
    for p in "$dir"/p*; do opencc -c "$cfg" -i "$p"; done
}

@test "t2s is byte-identical to opencc on the reports made Traditional and a generated corpus" {
    # the reports: seed 001 as it is, the Simplified ones through opencc s2t
    { cat "$HERE/seed001.txt"; echo
      for f in "$FIXTURES"/caidian-2023-final.txt "$FIXTURES"/suining-2023-final.txt; do
          opencc -c s2t.json -i "$f"; echo
      done; } > "$T/reports"
    "$HERE/make-corpus" "$T/corpus" "$T/budget.json" 100000
    cat "$T/reports" >> "$T/corpus"
    [ "$(wc -c < "$T/corpus")" -gt 3000000 ]
    # with the overrides: opencc with a config listing them first
    opencc_oracle "$T/budget.json" "$T/corpus" > "$T/want"
    "$NT" --plain --t2s-only "$T/corpus" > "$T/got"
    cmp "$T/want" "$T/got"
    # without: OpenCC's own t2s.json
    opencc_oracle t2s.json "$T/corpus" > "$T/want0"
    "$NT" --plain --t2s-only --no-overrides "$T/corpus" > "$T/got0"
    cmp "$T/want0" "$T/got0"
    # and the corpus really exercises the overrides
    ! cmp -s "$T/got" "$T/got0"
}

@test "no Traditional character is left in seed 001 (opencc t2s finds nothing to change)" {
    "$HERE/txt2stream" "$HERE/seed001.txt" | "$NT" | jq -r 'select(.type=="paragraph" or .type=="row") | .text // (.cells[].text)' > "$T/out"
    opencc -c t2s.json -i "$T/out" -o "$T/again"
    cmp "$T/out" "$T/again"
}

@test "Big5 and GBK pages of seed 001 after extract: same clean Simplified text, spans repaired" {
    for enc in big5 gbk; do
        extract "$FIXTURES/wulong-2021-final-$enc.html" > "$T/$enc.jsonl"
        run "$NT" "$T/$enc.jsonl"
        assert_success
        printf '%s\n' "$output" > "$T/$enc.out"
        jq -r 'select(.type=="paragraph" or .type=="row") | .text // ([.cells[].text] | join("\t"))' \
            "$T/$enc.out" > "$T/$enc.txt"
        # the oracle finds nothing Traditional left
        opencc -c t2s.json -i "$T/$enc.txt" -o "$T/$enc.again"
        cmp "$T/$enc.txt" "$T/$enc.again"
        [ "$(grep -c '"garbled"' "$T/$enc.out")" -eq 7 ]
        [ "$(grep -c '"confident":true' "$T/$enc.out")" -eq 6 ]
        # figures parse: no full-width digits, thousands separators kept
        ! grep -q '[０-９]' "$T/$enc.txt"
        grep -q '1,382.64' "$T/$enc.txt"
        ! grep -q '鹦\|/span>' "$T/$enc.txt"
    done
    cmp "$T/big5.txt" "$T/gbk.txt"
}

@test "every fixture after extract: twice gives what once gave, upstream errors pass" {
    # the hostile files of data/hostile make extract exit 1: their errors are the point
    run bash -c "extract '$FIXTURES' '$ROOT/data/hostile' > '$T/all.jsonl' 2>/dev/null"
    assert_failure 1
    "$NT" "$T/all.jsonl" > "$T/once"
    "$NT" "$T/once" > "$T/twice"
    cmp "$T/once" "$T/twice"
    [ "$(grep -c '"type":"error"' "$T/all.jsonl")" -eq "$(grep -c '"type":"error"' "$T/once")" ]
    [ "$(grep -c '"type":"document"' "$T/once")" -gt 10 ]
}

@test "hostile text: no crash, and twice gives what once gave, in paragraphs and cells" {
    "$HERE/make-hostile" 4000 1 > "$T/h.txt"
    { printf '{"type":"document","contract":"yujuesuan/1","doc":"h","source":"h","format":"txt","encoding":"utf-8","bytes":1,"sha256":"h"}\n'
      jq -R -c '{type: "paragraph", doc: "h", text: ., level: 0}' "$T/h.txt"
      jq -R -c '{type: "row", doc: "h", table: 0, row: 0, cells: [{col: 0, text: .}, {col: 1, text: ("合 " + .)}]}' "$T/h.txt"
      printf '{"type":"end","doc":"h","records":8000}\n'; } > "$T/h.jsonl"
    run "$NT" "$T/h.jsonl"
    assert_success
    printf '%s\n' "$output" > "$T/once"
    [ "$(grep -c '"normalized"' "$T/once")" -gt 7000 ]
    "$NT" "$T/once" > "$T/twice"
    cmp "$T/once" "$T/twice"
}

@test "memory stays under 16 MB, whatever the input length" {
    "$HERE/txt2stream" "$HERE/seed001.txt" > "$T/s"
    for i in $(seq 20); do cat "$T/s"; done > "$T/big"
    if ldd "$(command -v "$NT")" | grep -q libasan; then
        # ASan's shadow memory and quarantine are not ours to measure: under
        # make test SANITIZE=1 the big input must only pass clean; the plain
        # build (make test) holds the budget and the flatness
        run -0 "$NT" "$T/big"
        return
    fi
    /usr/bin/time -o "$T/rss" -f '%M' "$NT" "$T/big" > /dev/null
    [ "$(cat "$T/rss")" -lt 16384 ]
    /usr/bin/time -o "$T/rss1" -f '%M' "$NT" "$T/s" > /dev/null
    # twenty documents take no more than one (within 1 MiB)
    [ "$(cat "$T/rss")" -lt $(( $(cat "$T/rss1") + 1024 )) ]
}

@test "each step can be turned off" {
    printf '%s\n' '臺灣　１，２３４ <b>強姧伦久久久久久久</b>' > "$T/in"
    run "$NT" --plain "$T/in"
    assert_output '台湾 1,234 强姧伦久久久久久久'
    run "$NT" --plain --no-t2s "$T/in"
    assert_output '臺灣 1,234 強姧伦久久久久久久'
    run "$NT" --plain --no-clean "$T/in"
    assert_output '台湾　１，２３４ <b>强姧伦久久久久久久</b>'
    make_doc s '{"type":"paragraph","doc":"s","text":"強姧伦久久久久久久"}' > "$T/s"
    run "$NT" --no-spam "$T/s"
    refute_output --partial '"spam"'
    run "$NT" "$T/s"
    assert_output --partial '"spam":true'
}

@test "odd records: cells that are not objects, text that is not a string, no cells" {
    make_doc o '{"type":"row","doc":"o","table":0,"row":0,"cells":[1,"臺",{"col":2,"text":null},{"col":3},{"col":4,"text":"臺"}]}' \
        '{"type":"row","doc":"o","table":0,"row":1}' \
        '{"type":"paragraph","doc":"o","text":17}' \
        '{"type":"paragraph","doc":"o"}' > "$T/in"
    run "$NT" "$T/in"
    assert_success
    assert_line --index 1 '{"type":"row","doc":"o","table":0,"row":0,"cells":[1,"臺",{"col":2,"text":null},{"col":3},{"col":4,"text":"台"}],"normalized":{"t2s":1,"folded":0,"repaired":0}}'
    assert_line --index 2 '{"type":"row","doc":"o","table":0,"row":1}'
    assert_line --index 3 '{"type":"paragraph","doc":"o","text":17}'
    assert_line --index 4 '{"type":"paragraph","doc":"o"}'
}

@test "UTF-8 read as GBK is repaired and reported; Traditional and rare text is left alone" {
    make_doc u '{"type":"paragraph","doc":"u","text":"2023年鍖讳繚鍩洪噾支出"}' \
        '{"type":"paragraph","doc":"u","text":"鍾繇與鍖讳"}' > "$T/in"
    run "$NT" "$T/in"
    assert_success
    assert_line --index 1 '{"type":"paragraph","doc":"u","text":"2023年医保基金支出","normalized":{"t2s":0,"folded":0,"repaired":4},"garbled":[{"at":7,"original":"鍖讳繚鍩洪噾","guess":"医保基金","confident":true}]}'
    assert_line --index 2 --partial '"text":"钟繇与鍖讳"'
    refute_line --index 2 --partial 'garbled'
}

@test "a long garbled paragraph is repaired whole, in linear time" {
    # 20 000 x 医保基金财政拨款 in UTF-8 read as GBK: 960 KB in one field
    python3 -c "print('前' + ('医保基金财政拨款' * 20000).encode('utf-8').decode('gb18030', 'replace') + '后')" > "$T/in"
    run "$NT" --plain "$T/in"
    assert_success
    [ "$(grep -o '医保基金' <<<"$output" | wc -l)" -eq 20000 ]
    # random Han text gives the run search nothing to hold on to
    python3 -c "import random; r = random.Random(3); print(''.join(chr(r.randint(0x4E00, 0x9FA5)) for _ in range(300000)))" > "$T/rand"
    "$NT" --plain --no-t2s --no-clean "$T/rand" | cmp - "$T/rand"
}

@test "every key of OpenCC's t2s dictionaries converts twice as once" {
    for d in TSPhrases TSCharacters; do
        opencc_dict -i "/usr/share/opencc/$d.ocd2" -o "$T/$d.txt" -f ocd2 -t text
        cut -f1 "$T/$d.txt" > "$T/$d.keys"
        "$NT" --plain --t2s-only "$T/$d.keys" > "$T/$d.once"
        "$NT" --plain --t2s-only "$T/$d.once" > "$T/$d.twice"
        # not a vacuous check: most keys do change
        ! cmp -s "$T/$d.keys" "$T/$d.once"
        diff "$T/$d.once" "$T/$d.twice"
    done
}
