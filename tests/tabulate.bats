#!/usr/bin/env bats
# tabulate: tables, headers, alignment, formulas, meta, empty tables,
# narrative facts, pass-through, bad input, limits.

setup() {
    load test_helper
    T="$BATS_TEST_DIRNAME/tabulate"
    S003="$FIXTURES/caidian-2023-final.txt"     # seed 003 as-is
    S004="$FIXTURES/suining-2023-final.txt"     # seed 004 as-is
    S000="$SEEDS/000_4eb2c36d0e3e33ff.txt"
}

# The real stream: extract | normalize-traditional-chinese
stream() { extract "$1" | normalize-traditional-chinese; }

# A row record: row TABLE ROW 'cell' 'cell' … (cells at columns 0, 1, …)
row() {
    local t=$1 r=$2
    shift 2
    local cells="" i=0 c
    for c in "$@"; do
        [ -n "$cells" ] && cells="$cells,"
        cells="$cells{\"col\":$i,\"text\":$(printf '%s' "$c" | jq -Rs .),\"colspan\":1,\"rowspan\":1}"
        i=$((i + 1))
    done
    printf '{"type":"row","doc":"d","table":%d,"row":%d,"cells":[%s]}' "$t" "$r" "$cells"
}
para() { printf '{"type":"paragraph","doc":"d","text":%s,"level":0}' "$(printf '%s' "$1" | jq -Rs .)"; }
# A cell and a row of table 0 by hand, for spans: c COL 'text' COLSPAN ROWSPAN; r ROW "$(c …),$(c …)"
c() { printf '{"col":%d,"text":"%s","colspan":%d,"rowspan":%d}' "$1" "$2" "$3" "$4"; }
r() { printf '{"type":"row","doc":"d","table":0,"row":%d,"cells":[%s]}' "$1" "$2"; }
# The table facts tabulate makes of a stream, a line each: the fields the jq
# filter picks (an array) joined by spaces. usage: run table_facts "$doc" '[.item, .value]'
table_facts() { printf '%s\n' "$1" | tabulate | jq -r "select(.kind==\"table\") | $2 | join(\" \")"; }

@test "tabulate: --help and --version" {
    run tabulate --help
    assert_success
    assert_output --partial "Usage: tabulate"
    run tabulate --version
    assert_success
    assert_output "tabulate (yujuesuan) 0.1.0"
}

@test "tabulate: bad options exit 2" {
    run -2 tabulate --no-such-option
    run -2 --separate-stderr tabulate --max-columns 0
    assert_equal "$stderr" "$(printf "tabulate: invalid --max-columns '0'\nTry 'tabulate --help' for more information.")"
    run -2 tabulate --max-doc-records abc
}

@test "tabulate: seed 003 as text: every figure of its nine tables (golden)" {
    run bash -c "extract '$S003' | normalize-traditional-chinese | tabulate | '$T/project' | awk -F'\t' '\$2 ~ /^FA/ || \$1 == \"meta\"'"
    assert_success
    assert_output "$(cat "$T/seed003.tables.golden")"
}

@test "tabulate: seed 003: each printed figure becomes exactly one fact" {
    awk '/收入支出决算总表（表一）/{on=1} /^第三部分/{on=0} on && /^\t/' "$S003" |
        sed 's/^\t//; s/^ *//; s/ *$//' | grep -E '^-?[0-9]+\.[0-9]+$' | sort > "$BATS_TEST_TMPDIR/printed"
    stream "$S003" | tabulate |
        jq -r 'select(.type=="fact" and .kind=="table" and (.table_id // "" | startswith("FA")) and .value != null) | .value' |
        sort > "$BATS_TEST_TMPDIR/facts"
    run diff "$BATS_TEST_TMPDIR/printed" "$BATS_TEST_TMPDIR/facts"
    assert_success
    [ "$(wc -l < "$BATS_TEST_TMPDIR/facts")" -eq 269 ]
}

@test "tabulate: passes every record through unchanged and recounts the trailer" {
    stream "$S003" > "$BATS_TEST_TMPDIR/in"
    tabulate "$BATS_TEST_TMPDIR/in" > "$BATS_TEST_TMPDIR/out"
    run bash -c "grep -v '\"type\":\"fact\"' '$BATS_TEST_TMPDIR/out' | grep -v '\"type\":\"formula\"' | grep -v '\"type\":\"end\"'"
    assert_output "$(grep -v '"type":"end"' "$BATS_TEST_TMPDIR/in")"
    n=$(($(wc -l < "$BATS_TEST_TMPDIR/out") - 2))
    run jq -c 'select(.type=="end") | .records' "$BATS_TEST_TMPDIR/out"
    assert_output "$n"
}

@test "tabulate: unknown record types pass through byte for byte" {
    doc=$(make_doc d '{"type":"mystery","doc":"d","x":[1, 2],"y":"é"}' "$(para '本部门2023年度部门决算')")
    run bash -c "printf '%s\n' '$doc' | tabulate"
    assert_success
    assert_line --index 1 '{"type":"mystery","doc":"d","x":[1, 2],"y":"é"}'
}

@test "tabulate: nil, blank and zero stay distinct; rows shorter than the header align by label" {
    doc=$(make_doc d \
        "$(row 0 0 '2023年度支出决算表')" \
        "$(row 0 1 '部门：测试局' '金额单位：万元')" \
        "$(row 0 2 '项目' '本年支出合计' '基本支出' '项目支出')" \
        "$(row 0 3 '合计' '10.00' '-' '0.00')" \
        "$(row 0 4 '2101501' '行政运行' '1,382.64')")
    run bash -c "printf '%s\n' '$doc' | tabulate | '$T/project' | grep -v '^meta' | cut -f2,5,6,8,9,10"
    assert_success
    assert_output "$(printf '%s\n' \
        $'FA03\t合计\t-\t本年支出合计\t10.00\t万元' \
        $'FA03\t合计\t-\t基本支出\t-\t万元' \
        $'FA03\t合计\t-\t项目支出\t0.00\t万元' \
        $'FA03\t行政运行\t2101501\t本年支出合计\t1382.64\t万元' \
        $'FA03\t行政运行\t2101501\t基本支出\t-\t万元' \
        $'FA03\t行政运行\t2101501\t项目支出\t-\t万元')"
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"meta\") | .entity'"
    assert_output "测试局"
}

@test "tabulate: facts are valid JSON whatever the cells hold (quotes, backslashes, controls)" {
    row0='{"type":"row","doc":"d","table":0,"row":0,"cells":[{"col":0,"text":"支出决算表","colspan":1,"rowspan":1}]}'
    row1='{"type":"row","doc":"d","table":0,"row":1,"cells":[{"col":0,"text":"项目","colspan":1,"rowspan":1},{"col":1,"text":"本年支出合计","colspan":1,"rowspan":1}]}'
    row2='{"type":"row","doc":"d","table":0,"row":2,"cells":[{"col":0,"text":"a\"b\\c\u0001e/é","colspan":1,"rowspan":1},{"col":1,"text":"1.00","colspan":1,"rowspan":1}]}'
    doc=$(make_doc d "$row0" "$row1" "$row2")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -c 'select(.kind==\"table\") | .item'"
    assert_success
    assert_output '"a\"b\\c\u0001e/é"'
}

@test "tabulate: a code split over 类 | 款 | 项 cells is joined" {
    doc=$(make_doc d \
        "$(row 0 0 '一般公共预算财政拨款支出决算表')" \
        "$(row 0 1 '类' '款' '项' '科目名称' '合计')" \
        "$(row 0 2 '210' '' '' '卫生健康支出' '5.00')" \
        "$(row 0 3 '210' '15' '' '医疗保障管理事务' '5.00')" \
        "$(row 0 4 '210' '15' '01' '行政运行' '5.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.code, .item, .column, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' '210 卫生健康支出 合计 5.00' '21015 医疗保障管理事务 合计 5.00' '2101501 行政运行 合计 5.00')"
}

@test "tabulate: a 单位名称：… line above the header names the entity and is no header row" {
    doc=$(make_doc d \
        "$(row 0 0 '收入决算表')" \
        "$(row 0 1 '单位名称：石门县东关街道办事处' '' '' '单位：元')" \
        "$(row 0 2 '科目编码' '科目名称' '本年收入合计' '财政拨款收入')" \
        "$(row 0 3 '201' '一般公共服务支出' '9,809,441.39' '9,787,377.76')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.code, .item, .header_path, .value, .unit] | join(\" \")'"
    assert_output "$(printf '%s\n' '201 一般公共服务支出 本年收入合计 9809441.39 元' '201 一般公共服务支出 财政拨款收入 9787377.76 元')"
}

@test "tabulate: the department's name alone on its line between the title and the year and unit line is a meta line, and the unit under it is the table's" {
    doc=$(make_doc d \
        "$(row 0 0 '财政拨款“三公”经费支出决算表')" \
        "$(row 0 1 '萍洲县档案馆')" \
        "$(row 0 2 '2023年度' '单位：万元')" \
        "$(row 0 3 '项目' '预算数' '决算数')" \
        "$(row 0 4 '合计' '8.36' '7.95')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.item, .column, .value, .unit] | join(\" \")'"
    assert_output "$(printf '%s\n' '合计 预算数 8.36 万元' '合计 决算数 7.95 万元')"
}

@test "tabulate: a 款 row with no code takes its 款 from the first 项 under it, the class's merged code printed beside it (206 | 04 | 04)" {
    doc=$(make_doc d \
        "$(row 0 0 '科目编码' '' '' '科目名称' '合计')" \
        "$(row 0 1 '类' '款' '项')" \
        "$(row 0 2 '' '' '' '科学技术支出' '403.49')" \
        "$(row 0 3 '' '' '' '技术研究与开发' '239.50')" \
        "$(row 0 4 '206' '04' '04' '科技成果转化与扩散' '163.99')" \
        "$(row 0 5 '' '' '99' '其他技术研究与开发支出' '75.51')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.code, .item, .value] | join(\" \")'"
    assert_line --index 1 '20604 技术研究与开发 239.50'
    assert_line --index 2 '2060404 科技成果转化与扩散 163.99'
}

@test "tabulate: the blank 合计 row of an empty table under a header run together in one cell gives its nils" {
    doc=$(make_doc d \
        "$(para '国有资本经营预算支出表')" \
        "$(row 0 0 '科目编码类 款 项' '科目名称' '合计' '基本支出' '项目支出')" \
        "$(row 0 1 '' '合计')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.item, .column, (.value // \"nil\")] | join(\" \")'"
    assert_output "$(printf '%s\n' '合计 合计 nil' '合计 基本支出 nil' '合计 项目支出 nil')"
}

@test "tabulate: 类 款 set in one cell of an empty table's header is a stub heading, no row (a PDF's unruled 类    款   项)" {
    run bash -c "extract '$ROOT/data/holdout16/pingzhou-dangan-2024.pdf' | normalize-traditional-chinese | tabulate | jq -r 'select(.table_id==\"BU08\" or .table_id==\"BU09\") | [.table_id, .kind, (.item // \"-\")] | join(\" \")'"
    assert_output "$(printf '%s\n' 'BU08 empty_table -' 'BU09 empty_table -')"
}

@test "tabulate: a header repeated narrower on the next page, its group label off its place, is no row (收入 alone over 项目 | 行次 | 金额)" {
    doc=$(make_doc d \
        "$(para '收入支出决算总表')" \
        "$(r 0 "$(c 0 收入 3 1),$(c 3 支出 3 1)")" \
        "$(row 0 1 '项目' '行次' '金额' '项目' '行次' '金额')" \
        "$(row 0 2 '一、一般公共预算财政拨款收入' '1' '3,665.66' '一、一般公共服务支出' '32' '0.00')" \
        "$(row 0 3 '' '收入')" \
        "$(row 0 4 '项目' '行次' '金额' '项目' '行次' '金额')" \
        "$(row 0 5 '' '19' '' '十九、住房保障支出' '50' '67.68')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.item, .value] | join(\" \")'"
    refute_line '收入 '
    assert_line '住房保障支出 67.68'
}

@test "tabulate: a code printed with its name in one cell is split into code and item, under a 科目编码及名称 stub in each block (301 工资福利支出 | 302 商品和服务支出)" {
    run bash -c "extract '$ROOT/data/holdout17/liaochuan-renfang-2024.docx' | normalize-traditional-chinese | tabulate | jq -r 'select(.table_id==\"BU06\") | [.side, .code, .item, .value] | join(\" \")' | head -4"
    assert_output "$(printf '%s\n' '人员经费 301 工资福利支出 261.81' '公用经费 302 商品和服务支出 60.40' '人员经费 30101 基本工资 63.01' '公用经费 30201 办公费 2.90')"
}

@test "tabulate: a code run together with its name (2010405日常经济运行调节) under a 经济分类科目 or 功能分类科目 stub is split; a year or a number of no known 类 before a name is no code" {
    doc=$(make_doc d \
        "$(para '支出决算表')" \
        "$(row 0 0 '功能分类科目' '本年支出合计' '基本支出')" \
        "$(row 0 1 '2010405日常经济运行调节' '213.00' '0.00')" \
        "$(row 0 2 '2024年新增项目' '1.00' '1.00')" \
        "$(row 0 3 '110千伏线路改造' '2.00' '2.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [(.code // \"-\"), .item, .column, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' '2010405 日常经济运行调节 本年支出合计 213.00' '2010405 日常经济运行调节 基本支出 0.00' '- 2024年新增项目 本年支出合计 1.00' '- 2024年新增项目 基本支出 1.00' '- 110千伏线路改造 本年支出合计 2.00' '- 110千伏线路改造 基本支出 2.00')"
}

@test "tabulate: 收入 and 支出 alone on their rows over the blocks of a one-column 收入支出决算总表 name the side of the rows under them" {
    doc=$(make_doc d \
        "$(para '收入支出决算总表')" \
        "$(row 0 0 '项目' '行次' '决算数')" \
        "$(row 0 0 '栏次' '' '1')" \
        "$(row 0 1 '收入')" \
        "$(row 0 2 '一、一般公共预算财政拨款收入' '1' '769.75')" \
        "$(row 0 3 '总计' '31' '809.85')" \
        "$(row 0 4 '支出')" \
        "$(row 0 5 '三、国防支出' '34' '725.10')" \
        "$(row 0 6 '总计' '62' '809.85')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.side, .item, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' '收入 一般公共预算财政拨款收入 769.75' '收入 总计 809.85' '支出 国防支出 725.10' '支出 总计 809.85')"
}

@test "tabulate: a block starts where its heading starts when its codes stand in a column of their own before 科目编码及名称 (公用经费 over 30202 | 印刷费 | 16.30)" {
    run bash -c "extract '$ROOT/data/holdout17/zhiling-fagai-2025.pdf' | normalize-traditional-chinese | tabulate | jq -r 'select(.table_id==\"BU06\") | [.side, .code, .item, .header_path, .value] | join(\" \")' | sed -n '1,2p;5,6p'"
    assert_output "$(printf '%s\n' '人员经费 301 工资福利支出 人员经费/预算数 701.34' '公用经费 302 商品和服务支出 公用经费/预算数 225.63' '人员经费 30102 津贴补贴 人员经费/预算数 184.24' '公用经费 30202 印刷费 公用经费/预算数 16.30')"
}

@test "tabulate: codes printed as their level's segment in one column (204 / 02 / 01) are completed from the rows above; a 2-digit segment after a 项 is another 项, or a 款 when the class has a 款 of that name" {
    doc=$(make_doc d \
        "$(para '支出决算表')" \
        "$(row 0 0 '科目编码' '科目名称' '本年支出合计')" \
        "$(row 0 1 '204' '公共安全支出' '2,065.31')" \
        "$(row 0 2 '02' '公安' '2,065.31')" \
        "$(row 0 3 '01' '行政运行' '734.16')" \
        "$(row 0 4 '99' '其他公安支出' '1,331.15')" \
        "$(row 0 5 '208' '社会保障和就业支出' '197.54')" \
        "$(row 0 6 '05' '行政事业单位养老支出' '197.54')" \
        "$(row 0 7 '05' '机关事业单位基本养老保险缴费支出' '100.00')" \
        "$(row 0 8 '06' '机关事业单位职业年金缴费支出' '97.54')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.code, .item] | join(\" \")'"
    assert_output "$(printf '%s\n' '204 公共安全支出' '20402 公安' '2040201 行政运行' '2040299 其他公安支出' '208 社会保障和就业支出' '20805 行政事业单位养老支出' '2080505 机关事业单位基本养老保险缴费支出' '2080506 机关事业单位职业年金缴费支出')"
}

@test "tabulate: an economic code printed as its level's segment (301 / 01 / 02) has no 项: each 2-digit segment under 301 is a 款" {
    doc=$(make_doc d \
        "$(para '一般公共预算基本支出预算表')" \
        "$(row 0 0 '科目编码' '科目名称' '合计')" \
        "$(row 0 1 '301' '工资福利支出' '39.46')" \
        "$(row 0 2 '01' '基本工资' '13.62')" \
        "$(row 0 3 '02' '津贴补贴' '25.84')" \
        "$(row 0 4 '502' '机关商品和服务支出' '0.64')" \
        "$(row 0 5 '01' '办公经费' '0.64')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.code, .item] | join(\" \")'"
    assert_output "$(printf '%s\n' '301 工资福利支出' '30101 基本工资' '30102 津贴补贴' '502 机关商品和服务支出' '50201 办公经费')"
}

@test "tabulate: a unit printed in a heading (2024年预算数（万元）, 决算数(元)) is the column's unit, not part of the header path" {
    doc=$(make_doc d \
        "$(para '一般公共预算“三公”经费支出表')" \
        "$(r 0 "$(c 0 2024年预算数（万元） 2 1),$(c 2 2025年预算数（万元） 2 1)")" \
        "$(row 0 1 '合计' '公务接待费' '合计' '公务接待费')" \
        "$(row 0 2 '22.42' '4.19' '10.25' '2.83')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.header_path, .value, .unit] | join(\" \")'"
    assert_line '2024年预算数/合计 22.42 万元'
    assert_line '2025年预算数/公务接待费 2.83 万元'
}

@test "tabulate: a 栏次 row lettering the stub columns 甲 | 乙 closes the header and gives no row" {
    doc=$(make_doc d \
        "$(para '收入决算表')" \
        "$(row 0 0 '科目编码' '科目名称' '本年收入合计' '财政拨款收入')" \
        "$(row 0 1 '甲' '乙' '1' '2')" \
        "$(row 0 2 '' '合计' '2,367.62' '2,353.70')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.item, .column, .locator.col_no, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' '合计 本年收入合计 1 2367.62' '合计 财政拨款收入 2 2353.70')"
}

@test "tabulate: a title naming the 三公 funds with others (陕西 “三公”经费及会议费、培训费…决算表, 上海 三公经费和机关运行经费预算表) is the 三公 table, not the 支出决算表 its end spells" {
    doc=$(make_doc d \
        "$(para '中共棠浦县委党校2022年度一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表')" \
        "$(row 0 0 '项目' '预算数' '决算数')" \
        "$(row 0 1 '一、“三公”经费合计' '8.91' '7.84')" \
        "$(row 0 2 '二、会议费' '4.60' '4.37')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.table_id, .item, .column, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' 'FA09 “三公”经费合计 预算数 8.91' 'FA09 “三公”经费合计 决算数 7.84' 'FA09 会议费 预算数 4.60' 'FA09 会议费 决算数 4.37')"
    doc=$(make_doc d "$(para '棠浦县委党校2024年三公经费和机关运行经费预算表')" \
        "$(row 0 0 '项目' '合计' '机关运行经费')" "$(row 0 1 '2024年预算数' '9.00' '40.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | .table_id' | sort -u"
    assert_output "BU07"
}

@test "tabulate: an empty table's statement says none as 无, 没有, 未安排 or 不涉及, in a row of the table or in a paragraph under it" {
    doc=$(make_doc d \
        "$(para '2025年政府性基金预算支出表')" \
        "$(row 0 0 '科目编码' '科目名称' '合计' '基本支出' '项目支出')" \
        "$(row 0 1 '本单位2025年没有政府性基金预算拨款安排的支出。')" \
        "$(para '2025年国有资本经营预算支出表')" \
        "$(row 1 0 '科目编码' '科目名称' '合计' '基本支出' '项目支出')" \
        "$(para '本单位不涉及国有资本经营预算拨款安排的支出。')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\" or .kind==\"empty_table\") | [.kind, .table_id, .sentence // \"-\"] | join(\" \")'"
    assert_output "$(printf '%s\n' 'empty_table BU08 本单位2025年没有政府性基金预算拨款安排的支出。' 'empty_table BU09 本单位不涉及国有资本经营预算拨款安排的支出。')"
}

@test "tabulate: a table listed by 单位 (单位编码 | 单位名称): the unit numbers (318, 318001) are neither codes nor figures" {
    doc=$(make_doc d \
        "$(para '2024年杉坪县财政局收入预算表')" \
        "$(row 0 0 '单位编码' '单位名称' '合计' '上年结转')" \
        "$(row 0 1 '318' '杉坪县财政局' '10.00' '1.00')" \
        "$(row 0 2 '318001' '杉坪县财政局（本级）' '6.00' '0.50')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.item, .code // \"-\", .column, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' '杉坪县财政局 - 合计 10.00' '杉坪县财政局 - 上年结转 1.00' '杉坪县财政局（本级） - 合计 6.00' '杉坪县财政局（本级） - 上年结转 0.50')"
}

@test "tabulate: a figure in a row or column the workbook hides keeps its fact, marked hidden in its locator" {
    doc=$(make_doc d \
        "$(para '2023年度支出决算表')" \
        "$(row 0 0 '项目' '本年支出合计' '上年决算数')" \
        '{"type":"row","doc":"d","table":0,"row":1,"cells":[{"col":0,"text":"合计","colspan":1,"rowspan":1},{"col":1,"text":"10.00","colspan":1,"rowspan":1},{"col":2,"text":"9.00","colspan":1,"rowspan":1,"hidden":true}]}' \
        '{"type":"row","doc":"d","table":0,"row":2,"hidden":true,"cells":[{"col":0,"text":"其他","colspan":1,"rowspan":1},{"col":1,"text":"1.00","colspan":1,"rowspan":1}]}')
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.item, .column, .value, (.locator.hidden // false)] | map(tostring) | join(\" \")'"
    assert_output "$(printf '%s\n' '合计 本年支出合计 10.00 false' '合计 上年决算数 9.00 true' '其他 本年支出合计 1.00 true' '其他 上年决算数 null true')"
}

@test "tabulate: a code in brackets before its name ([2010301]行政运行, 【201】…, as 预算管理一体化 exports it) is split off" {
    doc=$(make_doc d \
        "$(para '2024年一般公共预算支出表')" \
        "$(row 0 0 '功能分类科目' '合计' '基本支出')" \
        "$(row 0 1 '[201]一般公共服务支出' '10.00' '8.00')" \
        "$(row 0 2 '【2010301】行政运行' '10.00' '8.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\" and .column==\"合计\") | [.code, .item] | join(\" \")'"
    assert_output "$(printf '%s\n' '201 一般公共服务支出' '2010301 行政运行')"
}

@test "tabulate: a 序号 column before the code is a stub column, its numbers neither codes nor figures" {
    doc=$(make_doc d \
        "$(para '2024年度收入决算表')" \
        "$(row 0 0 '序号' '科目编码' '科目名称' '本年收入合计' '财政拨款收入')" \
        "$(row 0 1 '' '' '合计' '12.00' '10.00')" \
        "$(row 0 2 '1' '201' '一般公共服务支出' '12.00' '10.00')" \
        "$(row 0 3 '2' '2010201' '行政运行' '12.00' '10.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\" and .column==\"本年收入合计\") | [.code // \"-\", .item, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' '- 合计 12.00' '201 一般公共服务支出 12.00' '2010201 行政运行 12.00')"
}

@test "tabulate: footnote marks that end a row label (其他收入①, 年末结转和结余※) are no part of the item" {
    doc=$(make_doc d \
        "$(para '2023年度收入支出决算总表')" \
        "$(row 0 0 '项目' '金额' '项目' '金额')" \
        "$(row 0 1 '八、其他收入①' '5.58' '年末结转和结余※' '153.81')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.item, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' '其他收入 5.58' '年末结转和结余 153.81')"
}

@test "tabulate: a table run on to the next page, its unit line cut off at the first page's edge, takes the unit printed where its title comes again" {
    doc=$(make_doc d \
        "$(para '莼溪县政协2023年度部门收入决算表')" \
        "$(para '编制单位：莼溪县政协')" \
        "$(row 0 0 '科目编码' '科目名称' '本年收入合计' '财政拨款收入')" \
        "$(row 0 1 '' '合计' '12.00' '10.00')" \
        "$(para '莼溪县政协2023年度部门收入决算表 莼溪县政协2023年度部门收入决算表')" \
        "$(para '编制单位：莼溪县政协 单位：万元')" \
        "$(row 1 0 '科目编码' '科目名称' '事业收入' '其他收入')" \
        "$(row 1 1 '' '合计' '0.00' '2.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.column, .value, .unit] | join(\" \")'"
    assert_output "$(printf '%s\n' '本年收入合计 12.00 万元' '财政拨款收入 10.00 万元' '事业收入 0.00 万元' '其他收入 2.00 万元')"
    # the title cut at the pages' edge names the same standard table
    doc=$(printf '%s\n' "$doc" | sed 's/莼溪县政协2023年度部门收入决算表 莼溪县政协2023年度部门收入决算表/溪县政协2023年度部门收入决算表 莼溪县政协2023年度部门收入决/')
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | .unit' | sort -u"
    assert_output "万元"
}

@test "tabulate: a group label alone over a stub heading (本年收入 over 科目名称, a merged cell the page cut) heads the value columns after the stub" {
    doc=$(make_doc d \
        "$(para '2025年部门收入预算总表')" \
        "$(r 0 "$(c 1 本年收入 1 1)")" \
        "$(r 1 "$(c 0 科目编码 1 1),$(c 1 科目名称 1 1),$(c 2 上级补助收入 1 1),$(c 3 其他收入 1 1)")" \
        "$(r 2 "$(c 1 合计 1 1),$(c 2 0.00 1 1),$(c 3 3.93 1 1)")")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.header_path, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' '本年收入/上级补助收入 0.00' '本年收入/其他收入 3.93')"
}

@test "tabulate: columns of counts (公务用车保有量（辆）, 接待人次（人）) carry their own unit, not the table's 万元" {
    doc=$(make_doc d \
        "$(para '2023年度财政拨款“三公”经费支出决算表')" \
        "$(para '单位：万元')" \
        "$(row 0 0 '合计' '公务接待费' '公务用车保有量（辆）' '国内公务接待人次（人）')" \
        "$(row 0 1 '3.50' '1.20' '2' '120')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.column, .value, .unit] | join(\" \")'"
    assert_output "$(printf '%s\n' '合计 3.50 万元' '公务接待费 1.20 万元' '公务用车保有量（辆） 2 辆' '国内公务接待人次（人） 120 人')"
}

@test "tabulate: a signature line or a system's print stamp in a sheet's row (打印时间：…) ends the table's body: no nil facts from it" {
    doc=$(make_doc d \
        "$(para '2024年部门收支预算总表')" \
        "$(para '单位：万元')" \
        "$(row 0 0 '项目' '预算数' '项目' '预算数')" \
        "$(row 0 1 '一般公共预算拨款收入' '10.00' '一般公共服务支出' '10.00')" \
        "$(row 0 2 '打印时间：2024-01-26 10:42:08')" \
        "$(row 0 3 '单位负责人：' '' '制表人：' '')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.item, (.value // \"nil\")] | join(\" \")'"
    assert_output "$(printf '%s\n' '一般公共预算拨款收入 10.00' '一般公共服务支出 10.00')"
}

@test "tabulate: codes printed with their levels joined by hyphens (207-01-09) are the codes 207, 20701, 2070109; a hyphenated number of no known 类 stays as printed" {
    doc=$(make_doc d \
        "$(para '2025年一般公共预算支出预算表')" \
        "$(para '单位：万元')" \
        "$(row 0 0 '科目编码' '科目名称' '合计')" \
        "$(row 0 1 '207' '文化旅游体育与传媒支出' '10.00')" \
        "$(row 0 2 '207-01' '文化和旅游' '10.00')" \
        "$(row 0 3 '207-01-09' '群众文化' '10.00')" \
        "$(row 0 4 '110-10' '其他' '1.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [(.code // \"-\"), .item, .value] | join(\" \")'"
    assert_line --index 0 '207 文化旅游体育与传媒支出 10.00'
    assert_line --index 1 '20701 文化和旅游 10.00'
    assert_line --index 2 '2070109 群众文化 10.00'
    refute_output --partial '11010'
}

@test "tabulate: the next table's number alone in its row (表3 under the last row of 表2, a workbook saved as one web-page grid) is no row of the table above" {
    doc=$(make_doc d \
        "$(row 0 0 '表2')" \
        "$(row 0 1 '2024年部门收入总表')" \
        "$(row 0 2 '科目编码' '科目名称' '合计')" \
        "$(row 0 3 '' '合计' '12.00')" \
        "$(row 0 4 '')" \
        "$(row 0 5 '表3')" \
        "$(row 0 6 '2024年“三公”经费支出预算表')" \
        "$(row 0 7 '合计' '因公出国（境）费' '公务接待费')" \
        "$(row 0 8 '1.21' '0.90' '0.31')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.table_id, (.item // \"-\"), .column, (.value // \"nil\")] | join(\" \")'"
    assert_output "$(printf '%s\n' 'BU02 合计 合计 12.00' 'BU07 - 合计 1.21' 'BU07 - 因公出国（境）费 0.90' 'BU07 - 公务接待费 0.31')"
}

@test "tabulate: a table run on to the next page without its header, under the page's running head (a paragraph printed on every page), keeps the header of the page before; a table of its own there does not" {
    doc=$(make_doc d \
        "$(para '澹溪县公证处2024年度部门决算')" \
        "$(para '2024年度收入决算表')" \
        "$(row 0 0 '科目编码' '科目名称' '本年收入合计' '财政拨款收入')" \
        "$(row 0 1 '204' '公共安全支出' '401.17' '386.43')" \
        "$(para '澹溪县公证处2024年度部门决算')" \
        "$(row 1 0 '221' '住房保障支出' '18.83' '18.83')" \
        "$(row 1 1 '22102' '住房改革支出' '18.83' '18.83')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.table_id, .code, .column, .value, .locator.table, .locator.row] | join(\" \")'"
    assert_output "$(printf '%s\n' 'FA02 204 本年收入合计 401.17 0 1' 'FA02 204 财政拨款收入 386.43 0 1' \
        'FA02 221 本年收入合计 18.83 1 0' 'FA02 221 财政拨款收入 18.83 1 0' 'FA02 22102 本年收入合计 18.83 1 1' 'FA02 22102 财政拨款收入 18.83 1 1')"
    # a paragraph printed once between them (a title) keeps them apart
    doc=$(printf '%s\n' "$doc" | sed '0,/"text":"澹溪县公证处2024年度部门决算"/! s/"text":"澹溪县公证处2024年度部门决算"/"text":"以下为续表"/')
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\" and .code==\"221\") | .table_id // \"null\"' | sort -u"
    refute_output FA02
}

@test "tabulate: 无 in a column of figures is a nil, as a dash is" {
    doc=$(make_doc d \
        "$(para '2024年度收入决算表')" \
        "$(row 0 0 '科目编码' '科目名称' '本年收入合计' '事业收入' '经营收入')" \
        "$(row 0 1 '' '合计' '12.00' '无' '-')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.column, (.value // \"nil\"), (.raw // \"\")] | join(\" \")'"
    assert_output "$(printf '%s\n' '本年收入合计 12.00 ' '事业收入 nil 无' '经营收入 nil -')"
}

@test "tabulate: 基本支出 printed as two tables stacked under one title (人员经费 over its header, then 公用经费 over the header again): each block's rows take its name as side" {
    doc=$(make_doc d \
        "$(para '2024年度一般公共预算财政拨款基本支出决算表')" \
        "$(row 0 0 '人员经费')" \
        "$(row 0 1 '科目编码' '科目名称' '决算数')" \
        "$(row 0 2 '301' '工资福利支出' '507.45')" \
        "$(row 0 3 '' '人员经费合计' '566.71')" \
        "$(row 0 4 '公用经费')" \
        "$(row 0 5 '科目编码' '科目名称' '决算数')" \
        "$(row 0 6 '302' '商品和服务支出' '116.26')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.table_id, .side, (.code // \"-\"), .header_path, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' 'FA06 人员经费 301 人员经费/决算数 507.45' 'FA06 人员经费 - 人员经费/决算数 566.71' 'FA06 公用经费 302 公用经费/决算数 116.26')"
}

@test "tabulate: a table cut in two with its header repeated and nothing between (a web page split at a page's length) is one table; an amount with its thousands set apart by spaces (2 183.46) is one figure" {
    doc=$(make_doc d \
        "$(para '2024年度一般公共预算财政拨款支出决算表')" \
        "$(row 0 0 '科目编码' '科目名称' '小计' '基本支出')" \
        "$(row 0 1 '210' '卫生健康支出' '2 183.46' '16.34')" \
        "$(row 1 0 '科目编码' '科目名称' '小计' '基本支出')" \
        "$(row 1 1 '213' '农林水支出' '1,006.68' '283.77')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.table_id, .code, .column, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' 'FA05 210 小计 2183.46' 'FA05 210 基本支出 16.34' 'FA05 213 小计 1006.68' 'FA05 213 基本支出 283.77')"
    # numbers a conversion ran together stay apart: 100 200 is no amount
    doc=$(printf '%s\n' "$doc" | sed 's/2 183.46/100 200/')
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\" and .code==\"210\" and .column==\"小计\") | .value'"
    refute_output 100200
}

@test "tabulate: a 部门：… line holding the table's number is no title, and the number is no part of the entity" {
    doc=$(make_doc d \
        "$(para '2025年榆岭区统计局收支预算总表')" \
        "$(para '部门：榆岭区统计局 预算01表 单位：万元')" \
        "$(row 0 0 '项目' '预算数' '项目' '预算数')" \
        "$(row 0 1 '一般公共预算拨款收入' '10641.59' '一般公共服务支出' '9817.90')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.table, .item, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' '收支预算总表 一般公共预算拨款收入 10641.59' '收支预算总表 一般公共服务支出 9817.90')"
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"meta\") | .entity'"
    assert_output "榆岭区统计局"
}

@test "tabulate: a spreadsheet's title alone in a cell (表1　2024年…局部门收支预算总表) names the entity, without its 表1" {
    doc=$(make_doc d \
        "$(row 0 0 '表1　2024年雁汀市医疗保障局部门收支预算总表')" \
        "$(row 0 1 '单位：万元')" \
        "$(row 0 2 '项目' '预算数' '项目' '预算数')" \
        "$(row 0 3 '一般公共预算拨款收入' '10.00' '卫生健康支出' '10.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"meta\") | [.entity, .year, .stage] | join(\" \")'"
    assert_output "雁汀市医疗保障局 2024 预算"
}

@test "tabulate: a workbook whose titles are only its sheets' names (表1 收入支出决算总表): the name is the table's title and gives the stage; a sheet named otherwise gives none" {
    sheet() { sed "s/\"row\":/\"sheet\":\"$1\",\"row\":/"; }
    doc=$(make_doc d \
        "$(row 0 0 '部门：濑屿县博物馆' '单位：万元' | sheet '表1 收入支出决算总表')" \
        "$(row 0 1 '项目' '金额' '项目' '金额' | sheet '表1 收入支出决算总表')" \
        "$(row 0 2 '一般公共预算财政拨款收入' '10.00' '文化旅游体育与传媒支出' '10.00' | sheet '表1 收入支出决算总表')" \
        "$(row 1 0 '项目' '金额' | sheet 'Sheet2')" \
        "$(row 1 1 '门票' '3.00' | sheet 'Sheet2')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"meta\" or .kind==\"table\") | [.kind, .stage, .table, .item, .value] | map(select(. != null)) | join(\" \")'"
    assert_output "$(printf '%s\n' 'meta 决算' 'table 决算 收入支出决算总表 一般公共预算财政拨款收入 10.00' \
        'table 决算 收入支出决算总表 文化旅游体育与传媒支出 10.00' 'table 决算 门票 3.00')"
}

@test "tabulate: 收入支出决算总表 printed one-sided (项目 | 行次 | 金额), 收入 across the row under the header and 支出 further down: each figure has its side, at the head of its path" {
    doc=$(make_doc d \
        "$(r 0 "$(c 0 '收入支出决算总表' 3 1)")" \
        "$(r 1 "$(c 0 '项目' 1 1),$(c 1 '行次' 1 1),$(c 2 '金额' 1 1)")" \
        "$(r 2 "$(c 0 '收入' 3 1)")" \
        "$(r 3 "$(c 0 '一、一般公共预算财政拨款收入' 1 1),$(c 1 '1' 1 1),$(c 2 '10.00' 1 1)")" \
        "$(r 4 "$(c 0 '总计' 1 1),$(c 1 '31' 1 1),$(c 2 '10.00' 1 1)")" \
        "$(r 5 "$(c 0 '支出' 3 1)")" \
        "$(r 6 "$(c 0 '一、一般公共服务支出' 1 1),$(c 1 '32' 1 1),$(c 2 '10.00' 1 1)")" \
        "$(r 7 "$(c 0 '总计' 1 1),$(c 1 '62' 1 1),$(c 2 '10.00' 1 1)")")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.item, .side, .column, .header_path, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' '一般公共预算财政拨款收入 收入 金额 收入/金额 10.00' '总计 收入 金额 收入/金额 10.00' \
        '一般公共服务支出 支出 金额 支出/金额 10.00' '总计 支出 金额 支出/金额 10.00')"
}

@test "tabulate: a table of the notes (表7-1 “三公”经费支出决算对比, 收支情况比较) is no standard table: its own caption, no table id" {
    doc=$(make_doc d \
        "$(para '表7-1 “三公”经费支出决算对比')" \
        "$(row 0 0 '项目' '本年决算' '上年决算' '增减')" \
        "$(row 0 1 '公务接待费' '3.33' '6.14' '-2.81')" \
        "$(para '2023年度收支情况比较表')" \
        "$(row 1 0 '项目' '本年' '上年')" \
        "$(row 1 1 '收入总计' '10.00' '8.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.table_id // \"-\", .table, .item, .value] | join(\" \")' | sort -u"
    assert_output "$(printf '%s\n' '- 三公经费支出决算对比 公务接待费 -2.81' '- 三公经费支出决算对比 公务接待费 3.33' \
        '- 三公经费支出决算对比 公务接待费 6.14' '- 收支情况比较表 收入总计 10.00' '- 收支情况比较表 收入总计 8.00')"
}

@test "tabulate: a label a typist carried on to the next table row (一般公共预算财政 / 拨款收入, no 行次, no figure) joins the row above, in a file's own table; not a PDF's" {
    doc=$(make_doc d \
        "$(r 0 "$(c 0 '收入支出决算总表' 3 1)")" \
        "$(r 1 "$(c 0 '项目' 1 1),$(c 1 '行次' 1 1),$(c 2 '金额' 1 1)")" \
        "$(r 2 "$(c 0 '一、一般公共预算财政' 1 1),$(c 1 '1' 1 1),$(c 2 '10.00' 1 1)")" \
        "$(r 3 "$(c 0 '拨款收入' 1 1),$(c 1 '' 1 1),$(c 2 '' 1 1)")" \
        "$(r 4 "$(c 0 '二、上级补助收入' 1 1),$(c 1 '2' 1 1),$(c 2 '5.00' 1 1)")")
    q='select(.kind=="table") | [.item, (.value // "nil")] | join(" ")'
    run bash -c "printf '%s\n' '$doc' | sed 's/\"format\":\"txt\"/\"format\":\"docx\"/' | tabulate | jq -r '$q'"
    assert_output "$(printf '%s\n' '一般公共预算财政拨款收入 10.00' '上级补助收入 5.00')"
    # a PDF's layout joins wrapped lines itself: a line left apart stays a row
    run bash -c "printf '%s\n' '$doc' | sed 's/\"format\":\"txt\"/\"format\":\"pdf\"/' | tabulate | jq -r '$q'"
    assert_line --index 1 '拨款收入 nil'
}

@test "tabulate: a list of projects (项目支出预算表) is no 支出预算表, though its title ends so; 一般公共预算财政拨款项目支出决算表 is the Sichuan FA06P" {
    doc=$(make_doc d \
        "$(para '预算10表 项目支出预算表')" \
        "$(row 0 0 '项目名称' '项目类型' '金额')" \
        "$(row 0 1 '村庄规划编制' '特定目标类' '2.07')" \
        "$(para '一般公共预算财政拨款项目支出决算表')" \
        "$(row 1 0 '科目编码' '科目名称' '合计')" \
        "$(row 1 1 '2010301' '行政运行' '3.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.table_id // \"-\", .table, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' '- 项目支出预算表 2.07' 'FA06P 一般公共预算财政拨款项目支出决算表 3.00')"
}

@test "tabulate: a hidden column of words (a system's row ids R0001) is no stub: the printed labels are the items; a hidden column of figures keeps its heading" {
    hide() { sed -E 's/("text":"(ID|R0001|上年数|180\.00)","colspan":1,"rowspan":1)/\1,"hidden":true/g'; }
    doc=$(make_doc d \
        "$(r 0 "$(c 1 '收入预算表' 4 1)")" \
        "$(row 0 1 'ID' '科目编码' '科目名称' '合计' '上年数' | hide)" \
        "$(row 0 2 'R0001' '208' '社会保障和就业支出' '194.47' '180.00' | hide)")
    run bash -c "printf '%s\n' '$doc' | sed 's/\"format\":\"txt\"/\"format\":\"xlsx\"/' | tabulate | jq -r 'select(.kind==\"table\") | [.item, .code, .column, .value, (.locator.hidden // false)] | map(tostring) | join(\" \")'"
    assert_output "$(printf '%s\n' '社会保障和就业支出 208 合计 194.47 false' '社会保障和就业支出 208 上年数 180.00 true')"
}

@test "tabulate: a table's head rows alone in one table and its body in the next right after it (split under its head, pasted in two) are one table" {
    doc=$(make_doc d \
        "$(para '财政拨款“三公”经费支出决算表')" \
        "$(row 0 0 '预算数' '' '决算数' '')" \
        "$(row 0 1 '合计' '公务接待费' '合计' '公务接待费')" \
        "$(row 0 2 '1' '2' '3' '4')" \
        "$(row 1 0 '5.80' '3.92' '5.53' '3.78')" \
        "$(para '注：本表无')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.table_id, .header_path, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' 'FA09 预算数/合计 5.80' 'FA09 预算数/公务接待费 3.92' 'FA09 决算数/合计 5.53' 'FA09 决算数/公务接待费 3.78')"
}

@test "tabulate: a table continued under a 续表 line, its header retyped or not, is one table" {
    for mark in '续表' '（续表）' '续表1'; do
        # the header retyped under the mark
        doc=$(make_doc d \
            "$(para '支出决算表')" \
            "$(row 0 0 '科目编码' '科目名称' '本年支出合计')" \
            "$(row 0 1 '210' '卫生健康支出' '4.57')" \
            "$(para "$mark")" \
            "$(row 1 0 '科目编码' '科目名称' '本年支出合计')" \
            "$(row 1 1 '221' '住房保障支出' '12.34')")
        run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.table_id, .code, .value] | join(\" \")'"
        assert_output "$(printf '%s\n' 'FA03 210 4.57' 'FA03 221 12.34')"
        # or the rows alone
        doc=$(make_doc d \
            "$(para '支出决算表')" \
            "$(row 0 0 '科目编码' '科目名称' '本年支出合计')" \
            "$(row 0 1 '210' '卫生健康支出' '4.57')" \
            "$(para "$mark")" \
            "$(row 1 0 '2210201' '住房公积金' '12.34')")
        run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.table_id, .code, .value] | join(\" \")'"
        assert_output "$(printf '%s\n' 'FA03 210 4.57' 'FA03 2210201 12.34')"
    done
}

@test "tabulate: tables nested side by side in a layout table (收入 left, 支出 right) take the title above the layout table" {
    nest() { sed "s/\"row\":/\"parent\":{\"table\":0,\"row\":0,\"col\":$1},\"row\":/"; }
    doc=$(make_doc d \
        "$(para '2025年收支总表')" \
        "$(row 0 0 '' '')" \
        "$(row 1 0 '收入' | nest 0)" \
        "$(row 1 1 '项目' '预算数' | nest 0)" \
        "$(row 1 2 '一、一般公共预算拨款收入' '281.96' | nest 0)" \
        "$(row 2 0 '支出' | nest 1)" \
        "$(row 2 1 '项目' '预算数' | nest 1)" \
        "$(row 2 2 '四、公共安全支出' '286.58' | nest 1)")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.table_id, .item, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' 'BU01 一般公共预算拨款收入 281.96' 'BU01 公共安全支出 286.58')"
}

@test "tabulate: an amount printed with its unit in the cell (1,234.56万元, as a format shows it) is a figure in that unit; a target such as 1万元 stays text" {
    doc=$(make_doc d \
        "$(para '一般公共预算财政拨款支出决算表')" \
        "$(row 0 0 '科目编码' '科目名称' '合计')" \
        "$(row 0 1 '2080501' '行政单位离退休' '1,234.56万元')" \
        "$(row 0 2 '2080502' '事业单位离退休' '0.00万元')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.code, .value, .unit] | join(\" \")'"
    assert_output "$(printf '%s\n' '2080501 1234.56 万元' '2080502 0.00 万元')"
}

@test "tabulate: leader dots run from a label to its cell's edge (一般公共预算财政拨款收入……, 行政运行.......) are no part of the item" {
    doc=$(make_doc d \
        "$(para '一般公共预算财政拨款支出决算表')" \
        "$(row 0 0 '科目编码' '科目名称' '合计')" \
        "$(row 0 1 '201' '一般公共服务支出……………' '3.00')" \
        "$(row 0 2 '2010301' '行政运行.......' '3.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.code, .item] | join(\" \")'"
    assert_output "$(printf '%s\n' '201 一般公共服务支出' '2010301 行政运行')"
}

@test "tabulate: titles set under their tables (Word's caption below: 表1 收入支出决算总表 after the table) name the table above them, not the next" {
    doc=$(make_doc d \
        "$(para '第三部分 部门决算表')" \
        "$(row 0 0 '项目' '金额')" \
        "$(row 0 1 '一般公共预算财政拨款收入' '10.00')" \
        "$(para '表1 收入支出决算总表')" \
        "$(para '单位：万元')" \
        "$(row 1 0 '科目编码' '科目名称' '本年收入合计')" \
        "$(row 1 1 '208' '社会保障和就业支出' '10.00')" \
        "$(para '表2 收入决算表')" \
        "$(para '单位：万元')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.table_id, .value, .unit] | join(\" \")'"
    assert_output "$(printf '%s\n' 'FA01 10.00 万元' 'FA02 10.00 万元')"
}

@test "tabulate: a 收支总表 printing its 支出 side once per view (支出类别 | 部门预算经济分类 | 功能分类) reads each view as a block of that side, the view in the header path" {
    doc=$(make_doc d \
        "$(para '2024年收支预算总表')" \
        "$(row 0 0 '收入' '' '支出' '' '' '' '' '')" \
        "$(row 0 1 '项目' '预算数' '支出类别' '预算数' '部门预算经济分类' '预算数' '功能分类' '预算数')" \
        "$(row 0 2 '一、一般公共预算拨款收入' '345.50' '一、基本支出' '233.36' '一、工资福利支出' '152.12' '社会保障和就业支出' '329.84')" \
        "$(row 0 3 '本年收入合计' '345.50' '本年支出合计' '345.50' '本年支出合计' '345.50' '本年支出合计' '345.50')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.item, .side, .header_path, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' \
        '一般公共预算拨款收入 收入 收入/预算数 345.50' \
        '基本支出 支出 支出/支出类别/预算数 233.36' \
        '工资福利支出 支出 支出/部门预算经济分类/预算数 152.12' \
        '社会保障和就业支出 支出 支出/功能分类/预算数 329.84' \
        '本年收入合计 收入 收入/预算数 345.50' \
        '本年支出合计 支出 支出/支出类别/预算数 345.50' \
        '本年支出合计 支出 支出/部门预算经济分类/预算数 345.50' \
        '本年支出合计 支出 支出/功能分类/预算数 345.50')"
}

@test "tabulate: a third side headed 项目（按支出性质和经济分类） is a block of its own; its rows headed 按经济分类： are headings, neither facts nor a label carried on" {
    doc=$(make_doc d \
        "$(para '2023年度收入支出决算表')" \
        "$(r 0 "$(c 0 收入 3 1),$(c 3 支出 6 1)")" \
        "$(row 0 1 '项目' '行次' '金额' '项目（按功能分类）' '行次' '金额' '项目（按支出性质和经济分类）' '行次' '金额')" \
        "$(row 0 2 '一、一般公共预算财政拨款收入' '1' '399.63' '八、社会保障和就业支出' '39' '391.27' '按支出性质：' '' '')" \
        "$(row 0 3 '二、政府性基金预算财政拨款收入' '2' '0.00' '九、卫生健康支出' '40' '8.14' '一、基本支出' '63' '231.31')" \
        "$(row 0 4 '三、其他收入' '3' '0.92' '' '' '' '五、对附属单位补助支出' '69' '0.00')" \
        "$(row 0 5 '' '' '' '' '' '' '按经济分类：' '' '')" \
        "$(row 0 6 '' '' '' '' '' '' '一、工资福利支出' '70' '159.44')" | sed 's/"format":"txt"/"format":"docx"/')
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\" and .locator.col >= 6) | [.item, .side, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' '基本支出 支出 231.31' '对附属单位补助支出 支出 0.00' '工资福利支出 支出 159.44')"
}

@test "tabulate: a stub heading whose two lines a PDF ran together (政府预算支出经济分类科目科目名称) is the stub, not a column of nils" {
    doc=$(make_doc d \
        "$(para '一般公共预算基本支出预算表')" \
        "$(row 0 0 '科目编码' '政府预算支出经济分类科目科目名称' '合计' '人员经费' '公用经费')" \
        "$(row 0 1 '' '合计' '322.14' '271.09' '51.05')" \
        "$(row 0 2 '501' '机关工资福利支出' '208.61' '208.61' '')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.code, .item, .column, .value] | map(. // \"-\") | join(\" \")'"
    assert_output "$(printf '%s\n' '- 合计 合计 322.14' '- 合计 人员经费 271.09' '- 合计 公用经费 51.05' '501 机关工资福利支出 合计 208.61' '501 机关工资福利支出 人员经费 208.61' '501 机关工资福利支出 公用经费 -')"
}

@test "tabulate: a stub heading of two stub words joined by a slash (科目名称/单位名称) is the stub, not a column of nils; a unit's code row is no classification" {
    doc=$(make_doc d \
        "$(para '部门支出预算表')" \
        "$(row 0 0 '科目编码' '科目名称/单位名称' '合计' '基本支出' '项目支出')" \
        "$(row 0 1 '' '合计' '12.00' '10.00' '2.00')" \
        "$(row 0 2 '409011001' '嵊阳县林长制办公室' '12.00' '10.00' '2.00')" \
        "$(row 0 3 '213' '农林水支出' '12.00' '10.00' '2.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\" and .column==\"合计\") | [.code, .item, .column, .value] | map(. // \"-\") | join(\" \")'"
    assert_output "$(printf '%s\n' '- 合计 合计 12.00' '- 嵊阳县林长制办公室 合计 12.00' '213 农林水支出 合计 12.00')"
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | .column' | sort -u"
    assert_output "$(printf '%s\n' 合计 基本支出 项目支出)"
}

@test "tabulate: a code printed in brackets after the name in one cell (水体（2110302）, 基本工资(30101)) is the row's code; a year or a short number in brackets is not" {
    doc=$(make_doc d \
        "$(para '一般公共预算支出预算表')" \
        "$(row 0 0 '项目' '合计')" \
        "$(row 0 1 '节能环保支出（211）' '243.71')" \
        "$(row 0 2 '水体（2110302）' '243.71')" \
        "$(row 0 3 '基本工资(30101)' '12.00')" \
        "$(row 0 4 '其他支出（99）' '1.00')" \
        "$(row 0 5 '项目经费（2024）' '2.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.code, .item] | map(. // \"-\") | join(\" \")'"
    assert_output "$(printf '%s\n' '211 节能环保支出' '2110302 水体' '30101 基本工资' '- 其他支出（99）' '- 项目经费（2024）')"
}

@test "tabulate: pinyin glosses a reading aid set after ideographs (预(yù)算) do not hide a title or a label from the catalogue; the text keeps them" {
    doc=$(make_doc d \
        "$(para '2023年度一般公共预(yù)算财政拨款支出决算表')" \
        "$(row 0 0 '科目编码' '科目名称' '合计' '基本支出' '项目支出')" \
        "$(row 0 1 '208' '社会保障和就业(yè)支出' '14.40' '14.40' '0.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.table_id, .code, .item, .column] | join(\" \")'"
    assert_output "$(printf '%s\n' 'FA05 208 社会保障和就业(yè)支出 合计' 'FA05 208 社会保障和就业(yè)支出 基本支出' 'FA05 208 社会保障和就业(yè)支出 项目支出')"
    # a head that is the standard one but for its glosses is kept as printed,
    # not replaced by the standard layout's by 栏次
    doc=$(make_doc d \
        "$(para '2023年度财政拨款“三公”经费支出决算表')" \
        "$(r 0 "$(c 0 '预(yù)算数' 6 1),$(c 6 '决算数' 6 1)")" \
        "$(r 1 "$(c 0 合计 1 2),$(c 1 因公出国（境）费 1 2),$(c 2 公务用车购置及运行维护费 3 1),$(c 5 公务接待费 1 2),$(c 6 合计 1 2),$(c 7 因公出国（境）费 1 2),$(c 8 公务用车购置及运行维护费 3 1),$(c 11 公务接待费 1 2)")" \
        "$(r 2 "$(c 2 小计 1 1),$(c 3 公务用车购置费 1 1),$(c 4 公务用车运行维护费 1 1),$(c 8 小计 1 1),$(c 9 公务用车购置费 1 1),$(c 10 公务用车运行维护费 1 1)")" \
        "$(row 0 3 1 2 3 4 5 6 7 8 9 10 11 12)" \
        "$(row 0 4 3.39 0.00 1.14 0.00 1.14 2.25 3.16 0.00 0.97 0.00 0.97 2.19)" | sed 's/"format":"txt"/"format":"docx"/')
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | .header_path' | head -2"
    assert_output "$(printf '%s\n' '预(yù)算数/合计' '预(yù)算数/因公出国（境）费')"
}

@test "tabulate: a figure in a currency format (¥636.51, ￥0.00) is the figure, its raw text kept" {
    doc=$(make_doc d \
        "$(para '一般公共预算支出表')" \
        "$(row 0 0 '科目编码' '科目名称' '合计')" \
        "$(row 0 1 '201' '一般公共服务支出' '¥636.51')" \
        "$(row 0 2 '208' '社会保障和就业支出' '￥0.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.code, .value, .raw] | join(\" \")'"
    assert_output "$(printf '%s\n' '201 636.51 ¥636.51' '208 0.00 ￥0.00')"
}

@test "tabulate: the code in a column after the name's (科目名称 | 科目编码) is the row's code; a stub printed twice with no figure heading between (部门 and 政府 classifications side by side) is one block, the first pair the row's" {
    doc=$(make_doc d \
        "$(para '一般公共预算支出表')" \
        "$(row 0 0 '科目名称' '科目编码' '合计')" \
        "$(row 0 1 '一般公共服务支出' '201' '410.22')" \
        "$(row 0 2 '行政运行' '2013101' '410.22')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.code, .item, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' '201 一般公共服务支出 410.22' '2013101 行政运行 410.22')"
    doc=$(make_doc d \
        "$(para '一般公共预算基本支出表')" \
        "$(row 0 0 '科目编码' '部门预算支出经济分类科目名称' '科目编码' '政府预算支出经济分类科目名称' '合计' '人员经费' '公用经费')" \
        "$(row 0 1 '301' '工资福利支出' '501' '机关工资福利支出' '107.24' '107.24' '')" \
        "$(row 0 2 '30101' '基本工资' '50101' '工资奖金津补贴' '34.95' '34.95' '')" | sed 's/"format":"txt"/"format":"docx"/')
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\" and .column==\"合计\") | [.code, .item, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' '301 工资福利支出 107.24' '30101 基本工资 34.95')"
}

@test "tabulate: budget tables titled as the 财政部 template names them (部门收支总体情况表 … 一般公共预算基本支出情况表) are the standard ones" {
    for t in '2025年部门收支总体情况表 BU01' '2025年部门收入总体情况表 BU02' '2025年部门支出总体情况表 BU03' \
             '2025年财政拨款收支总体情况表 BU04' '2025年一般公共预算支出情况表 BU05' '2025年一般公共预算基本支出情况表 BU06' \
             '2025年政府性基金预算支出情况表 BU08'; do
        doc=$(make_doc d "$(para "${t% *}")" "$(row 0 0 '项目' '合计')" "$(row 0 1 '合计' '1.00')")
        run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | .table_id'"
        assert_output "${t#* }"
    done
}

@test "tabulate: a table titled as the functional one whose rows carry economic codes (…支出决算表（二）) is the basic-expenditure table" {
    doc=$(make_doc d \
        "$(para '2024年度一般公共预算财政拨款支出决算表（二）')" \
        "$(row 0 0 '科目编码' '科目名称' '决算数')" \
        "$(row 0 1 '301' '工资福利支出' '328.54')" \
        "$(row 0 2 '30101' '基本工资' '68.09')" \
        "$(row 0 3 '302' '商品和服务支出' '89.41')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | .table_id' | sort -u"
    assert_output FA06
}

@test "tabulate: a title that lost its first character right after the year (2024年度政拨款收入支出决算总表) is the table whose name it cuts, not a shorter one it still holds" {
    doc=$(make_doc d "$(para '某单位2024年度政拨款收入支出决算总表')" "$(row 0 0 '项目' '金额')" "$(row 0 1 '合计' '1.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | .table_id'"
    assert_output FA04
    doc=$(make_doc d "$(para '某单位2024年度般公共预算财政拨款支出决算表')" "$(row 0 0 '项目' '金额')" "$(row 0 1 '合计' '1.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | .table_id'"
    assert_output FA05
}

@test "tabulate: a figure cell reading 单位不需填列 (the template's note that the unit reports none) is a nil" {
    doc=$(make_doc d \
        "$(para '一般公共预算“三公”经费支出表')" \
        "$(row 0 0 '合计' '因公出国（境）费' '公务接待费')" \
        "$(row 0 1 '2.25' '单位不需填列' '2.25')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -c 'select(.kind==\"table\") | [.column, .value, .raw]'"
    assert_output "$(printf '%s\n' '["合计","2.25",null]' '["因公出国（境）费",null,"单位不需填列"]' '["公务接待费","2.25",null]')"
}

@test "tabulate: in a table printing 行次 before the item (1 | 一、…), a side's empty rows beside the other's are no nils" {
    doc=$(make_doc d \
        "$(para '收入支出决算总表')" \
        "$(row 0 0 '行次' '项目' '金额' '行次' '项目' '金额')" \
        "$(row 0 1 '1' '一、一般公共预算财政拨款收入' '369.47' '38' '七、文化旅游体育与传媒支出' '337.00')" \
        "$(row 0 2 '5' '五、事业收入' '0.00' '' '' '')" \
        "$(row 0 3 '27' '本年收入合计' '369.47' '58' '本年支出合计' '337.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.item, .value] | map(. // \"-\") | join(\" \")'"
    assert_output "$(printf '%s\n' '一般公共预算财政拨款收入 369.47' '文化旅游体育与传媒支出 337.00' '事业收入 0.00' '本年收入合计 369.47' '本年支出合计 337.00')"
}

@test "tabulate: a 栏次 row whose stub cells print ** (not 栏次) is the 栏次 row, not a row of figures" {
    doc=$(make_doc d \
        "$(para '收入决算表')" \
        "$(row 0 0 '科目编码' '科目名称' '本年收入合计' '财政拨款收入')" \
        "$(row 0 1 '**' '**' '1' '2')" \
        "$(row 0 2 '' '合计' '325.15' '311.61')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.item, .column, .value, .locator.col_no] | join(\" \")'"
    assert_output "$(printf '%s\n' '合计 本年收入合计 325.15 1' '合计 财政拨款收入 311.61 2')"
}

@test "tabulate: a Word row whose cells each hold a whole column, a line per printed row, is those rows; a label wrapped beside one figure stays one row" {
    nl=$'\n'
    doc=$(make_doc d \
        "$(para '一般公共预算财政拨款支出决算表')" \
        "$(row 0 0 '科目编码' '科目名称' '合计' '基本支出' '项目支出')" \
        "$(row 0 1 '' '合计' '30.00' '20.00' '10.00')" \
        "$(row 0 2 "207${nl}20703${nl}2070307" "文化旅游体育与传媒支出${nl}　体育${nl}　　体育场馆" \
            "30.00${nl}30.00${nl}30.00" "20.00${nl}20.00${nl}20.00" "10.00${nl}${nl}10.00")")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\" and .code) | [.code, .item, .column, .value // \"nil\", .locator.row, .locator.line] | join(\" \")'"
    assert_line --index 0 '207 文化旅游体育与传媒支出 合计 30.00 2 1'
    assert_line --index 5 '20703 体育 项目支出 nil 2 2'
    assert_line --index 8 '2070307 体育场馆 项目支出 10.00 2 3'
    assert_equal "${#lines[@]}" 9
    doc=$(make_doc d \
        "$(para '收入支出决算总表')" \
        "$(row 0 0 '项目' '金额')" \
        "$(row 0 1 "一般公共预算${nl}财政拨款收入" "${nl}290.41")")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.item, .value, .locator.line // \"-\"] | join(\" \")'"
    assert_output '一般公共预算财政拨款收入 290.41 -'
}

@test "tabulate: 湖南 budget titles by fund alone (…2025年三公经费, …年政府性基金, …年国有资本经营预算) and 一般预算支出表 / 一般预算基本支出表 name their tables; a heading 三公经费 without its year does not" {
    for pair in '某中心2025年一般预算支出表 BU05' '某中心2025年一般预算基本支出表 BU06' '某中心2025年三公经费 BU07' \
                '某中心2025年政府性基金 BU08' '某中心2025年国有资本经营预算 BU09'; do
        doc=$(make_doc d "$(para "${pair% *}")" "$(row 0 0 '项目' '金额')" "$(row 0 1 '合计' '1.00')")
        run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | .table_id'"
        assert_output "${pair#* }"
    done
    doc=$(make_doc d "$(para '（三）三公经费')" "$(row 0 0 '项目' '金额')" "$(row 0 1 '合计' '1.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | .table_id // \"none\"'"
    assert_output none
}

@test "tabulate: 西藏 titles …决算公开表 are the standard tables (二、收入决算公开表 is FA02); a cover form's 电话号码 and 邮政编码 are no amounts" {
    doc=$(make_doc d "$(para '二、收入决算公开表')" "$(row 0 0 '项目' '本年收入合计')" "$(row 0 1 '合计' '662.26')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | .table_id'"
    assert_output FA02
    doc=$(make_doc d "$(para '封面')" "$(row 0 0 '项目' '内容')" "$(row 0 1 '电话号码（区号）' '746')" \
        "$(row 0 2 '邮政编码' '425802')" "$(row 0 3 '人数' '12')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.item, .value] | join(\" \")'"
    assert_output '人数 12'
}

@test "tabulate: a sentence setting the unit of every table after it (本部分公开表金额单位均为万元) is the unit of tables without a unit line; a table's own unit line still wins" {
    doc=$(make_doc d "$(para '（说明：本部分公开表金额单位均为万元）')" "$(para '收入决算表')" \
        "$(row 0 0 '项目' '本年收入合计')" "$(row 0 1 '合计' '662.26')" \
        "$(para '支出决算表')" "$(para '单位：元')" "$(row 1 0 '项目' '本年支出合计')" "$(row 1 1 '合计' '5.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.table_id, .unit] | join(\" \")'"
    assert_output "$(printf '%s\n' 'FA02 万元' 'FA03 元')"
}

@test "tabulate: figures printed without the zero before the point (#,###.00: .00, .35) are 0.00 and 0.35" {
    doc=$(make_doc d "$(para '收入决算表')" "$(row 0 0 '项目' '本年收入合计' '财政拨款收入' '事业收入')" \
        "$(row 0 1 '合计' '1,200.35' '1,200.00' '.35')" "$(row 0 2 '其他收入' '.00' '.00' '.00')")
    run table_facts "$doc" '[.item, .column, .value]'
    assert_line '合计 事业收入 0.35'
    assert_line '其他收入 本年收入合计 0.00'
    [ "${#lines[@]}" -eq 6 ]
}

@test "tabulate: a code printed as a number with thousands separators (2,013,101 | 行政运行) is the code; the same digits among the figures stay an amount" {
    doc=$(make_doc d "$(para '支出决算表')" "$(para '单位：元')" "$(row 0 0 '科目编码' '科目名称' '本年支出合计' '基本支出' '项目支出')" \
        "$(row 0 1 '201' '一般公共服务支出' '30,101' '30,101' '')" "$(row 0 2 '20,131' '党委办公厅（室）及相关机构事务' '30,101' '30,101' '')" \
        "$(row 0 3 '2,013,101' '行政运行' '30,101' '30,101' '')")
    run table_facts "$doc" 'select(.column=="基本支出") | [.code, .item, .value]'
    assert_output "$(printf '%s\n' '201 一般公共服务支出 30101' '20131 党委办公厅（室）及相关机构事务 30101' '2013101 行政运行 30101')"
}

@test "tabulate: 云南's 部门基本支出预算表 is BU06 (not the 支出预算表 BU03); a cross (×) in a cell that cannot hold a figure is a nil" {
    doc=$(make_doc d "$(para '表7')" "$(para '碚溪县福利彩票发行中心2025年部门基本支出预算表')" "$(para '单位：万元')" \
        "$(row 0 0 '经济科目编码' '经济科目名称' '合计' '人员经费' '公用经费')" \
        "$(row 0 1 '301' '工资福利支出' '160.85' '160.85' '×')" "$(row 0 2 '302' '商品和服务支出' '46.78' '╳' '46.78')")
    run table_facts "$doc" '[.table_id, .code, .column, .value // "nil"]'
    assert_line 'BU06 301 公用经费 nil'
    assert_line 'BU06 302 人员经费 nil'
    assert_line 'BU06 302 公用经费 46.78'
    [ "${#lines[@]}" -eq 6 ]
}

@test "tabulate: a star (*) in a cell that cannot hold a figure is a nil, in a table we do not know no fact; a 三公 line labelled with the unit's own name (单位名称 stub) has no item" {
    doc=$(make_doc d "$(para '蔺丘县乡村振兴局2024年部门预算')" "$(para '部门基本支出预算表')" "$(para '单位：万元')" \
        "$(row 0 0 '经济科目编码' '经济科目名称' '合计' '人员经费' '公用经费')" "$(row 0 1 '301' '工资福利支出' '160.85' '160.85' '*')" \
        "$(para '封面')" "$(row 1 0 '单位代码' '*')" \
        "$(para '一般公共预算“三公”经费支出预算表')" "$(para '单位：万元')" \
        "$(row 2 0 '单位名称' '合计' '因公出国（境）费' '公务用车购置及运行费' '公务接待费')" "$(row 2 1 '蔺丘县乡村振兴局' '3.24' '0.00' '1.24' '2.00')")
    run table_facts "$doc" '[.table_id // "-", .item // "-", .column, .value // "nil"]'
    assert_line 'BU06 工资福利支出 公用经费 nil'
    refute_line --partial '单位代码'
    assert_line 'BU07 - 合计 3.24'
    assert_line 'BU07 - 公务接待费 2.00'
}

@test "tabulate: a 栏次 row printing each sum column's formula (1=2+3+4) numbers its columns and gives column formulas" {
    doc=$(make_doc d "$(para '支出决算表')" "$(para '单位：万元')" \
        "$(row 0 0 '科目编码' '科目名称' '本年支出合计' '基本支出' '项目支出' '上缴上级支出')" \
        "$(row 0 1 '' '栏次' '1=2+3+4' '2' '3' '4')" "$(row 0 2 '201' '一般公共服务支出' '30.00' '20.00' '10.00' '0.00')")
    run table_facts "$doc" '[.code, .column, .value, .locator.col_no]'
    assert_line '201 本年支出合计 30.00 1'
    assert_line '201 上缴上级支出 0.00 4'
    [ "${#lines[@]}" -eq 4 ]
    run sh -c "printf '%s\n' '$doc' | tabulate | jq -c 'select(.type==\"formula\") | [.axis, .lhs, [.rhs[].ref], .each]'"
    assert_output '["column","1",["2","3","4"],true]'
}

@test "tabulate: a standard table printed as two, one under the other (预算数 栏次 1–6, then 决算数 栏次 7–12), is one table: in one grid or in two with no text between" {
    half() { # half GRID FIRST-ROW GROUP FIRST-COLUMN-NUMBER FIGURES…
        local t=$1 r=$2 g=$3 n=$4
        shift 4
        row "$t" "$r" "$g"; echo
        row "$t" $((r + 1)) '合计' '因公出国（境）费' '公务用车购置及运行维护费' '' '' '公务接待费'; echo
        row "$t" $((r + 2)) '' '' '小计' '公务用车购置费' '公务用车运行维护费' ''; echo
        row "$t" $((r + 3)) "$n" $((n + 1)) $((n + 2)) $((n + 3)) $((n + 4)) $((n + 5)); echo
        row "$t" $((r + 4)) "$@"; echo
    }
    mapfile -t a < <(half 0 0 '预算数' 1 '1.41' '0.00' '0.54' '0.00' '0.54' '0.87')
    mapfile -t b < <(half 0 5 '决算数' 7 '1.27' '0.00' '0.46' '0.00' '0.46' '0.81')
    mapfile -t b1 < <(half 1 0 '决算数' 7 '1.27' '0.00' '0.46' '0.00' '0.46' '0.81')
    title="$(para '颛水县河长制工作办公室2024年度财政拨款“三公”经费支出决算表')"
    for second in one-grid own-grid; do
        if [ $second = one-grid ]; then
            doc=$(make_doc d "$title" "$(para '单位：万元')" "${a[@]}" "${b[@]}")
        else
            doc=$(make_doc d "$title" "$(para '单位：万元')" "${a[@]}" "${b1[@]}")
        fi
        run table_facts "$doc" '[.table_id, .header_path, .value, .unit, .locator.col_no]'
        assert_line 'FA09 预算数/合计 1.41 万元 1'
        assert_line 'FA09 决算数/合计 1.27 万元 7'
        assert_line 'FA09 决算数/公务接待费 0.81 万元 12'
        [ "${#lines[@]}" -eq 12 ]
    done
}

@test "tabulate: a 栏次 row numbering the stub columns too (科目编码 1 | 科目名称 2 | 合计 3) heads the figures from 3 on" {
    doc=$(make_doc d "$(para '支出预算表')" "$(para '单位：万元')" "$(row 0 0 '科目编码' '科目名称' '合计' '基本支出' '项目支出')" \
        "$(row 0 1 '1' '2' '3' '4' '5')" "$(row 0 2 '201' '一般公共服务支出' '30.00' '20.00' '10.00')")
    run table_facts "$doc" '[.code, .column, .value, .locator.col_no]'
    assert_output "$(printf '%s\n' '201 合计 30.00 3' '201 基本支出 20.00 4' '201 项目支出 10.00 5')"
}

@test "tabulate: a group printed in fuller words than the standard's (全年预算数 for 预算数) keeps its printed words in the header path" {
    doc=$(make_doc d "$(para '财政拨款“三公”经费支出决算表')" "$(para '单位：万元')" "$(row 0 0 '全年预算数' '' '' '' '' '' '决算数')" \
        "$(row 0 1 '合计' '因公出国（境）费' '公务用车购置及运行维护费' '' '' '公务接待费' '合计' '因公出国（境）费' '公务用车购置及运行维护费' '' '' '公务接待费')" \
        "$(row 0 2 '' '' '小计' '公务用车购置费' '公务用车运行维护费' '' '' '' '小计' '公务用车购置费' '公务用车运行维护费' '')" \
        "$(row 0 3 '1' '2' '3' '4' '5' '6' '7' '8' '9' '10' '11' '12')" \
        "$(row 0 4 '4.03' '0.00' '2.04' '0.00' '2.04' '1.99' '3.97' '0.00' '2.00' '0.00' '2.00' '1.97')")
    run table_facts "$doc" '[.table_id, .header_path, .value]'
    assert_line 'FA09 全年预算数/合计 4.03'
    assert_line 'FA09 决算数/公务接待费 1.97'
}

@test "tabulate: 陕西's 部门综合预算 titles (…一般公共预算支出明细表（按支出功能分类科目）, …基本支出明细表（按支出经济分类科目）) are the budget's 一般公共预算支出表 and 基本支出表" {
    doc=$(make_doc d \
        "$(para '表5')" \
        "$(para '2025年部门综合预算一般公共预算支出明细表（按支出功能分类科目）')" \
        "$(para '部门名称：铎山县特困人员供养服务中心 单位：万元')" \
        "$(row 0 0 '科目编码' '科目名称' '合计' '基本支出' '项目支出')" \
        "$(row 0 1 '2081005' '社会福利事业单位' '243.41' '203.41' '40.00')" \
        "$(para '表6')" \
        "$(para '2025年部门综合预算一般公共预算基本支出明细表（按支出经济分类科目）')" \
        "$(row 1 0 '科目编码' '科目名称' '合计' '人员经费' '公用经费')" \
        "$(row 1 1 '30101' '基本工资' '61.20' '61.20' '')")
    run table_facts "$doc" '[.table_id, .table, .code, .column, .value]'
    assert_line --index 0 'BU05 一般公共预算支出表 2081005 合计 243.41'
    assert_line --index 3 'BU06 一般公共预算基本支出表 30101 合计 61.20'
}

@test "tabulate: a 收支总表 whose 支出 side's stub says its side and view (项目 | 预算数 | 支出功能分类科目（按大类） | 预算数) is two-sided, each side's labels its items" {
    doc=$(make_doc d \
        "$(para '钤阳县社会组织管理局2025年收支预算总表')" \
        "$(row 0 0 '收入' '' '支出' '')" \
        "$(row 0 1 '项目' '预算数' '支出功能分类科目（按大类）' '预算数')" \
        "$(row 0 2 '一、一般公共预算拨款收入' '192.18' '八、社会保障和就业支出' '192.64')")
    run table_facts "$doc" '[.side, .item, .value]'
    assert_output "$(printf '%s\n' '收入 一般公共预算拨款收入 192.18' '支出 社会保障和就业支出 192.64')"
}

@test "tabulate: a note under a table giving its unit (注：本表金额单位为万元。), with no unit line above, is the table's unit; the next table's title ends the search" {
    doc=$(make_doc d \
        "$(para '褚山县健康教育所2024年收入预算表')" \
        "$(row 0 0 '科目编码' '科目名称' '合计')" \
        "$(row 0 1 '2100407' '健康教育' '88.10')" \
        "$(para '注：本表金额单位为万元。')" \
        "$(para '褚山县健康教育所2024年支出预算表')" \
        "$(row 1 0 '科目编码' '科目名称' '合计')" \
        "$(row 1 1 '2100407' '健康教育' '88.10')" \
        "$(para '表3')" \
        "$(para '注：本表金额单位为元。')")
    run table_facts "$doc" '[.table, .value, (.unit // "none")]'
    assert_output "$(printf '%s\n' '收入预算表 88.10 万元' '支出预算表 88.10 none')"
}

@test "tabulate: rows saying only that the table turns a page (（转下页） / （接上页）) are no rows of figures, and the rows after them are the table's" {
    doc=$(make_doc d \
        "$(para '诹阳县学生资助管理中心2023年度支出决算表')" \
        "$(row 0 0 '科目编码' '科目名称' '本年支出合计' '基本支出')" \
        "$(row 0 1 '2050101' '行政运行' '120.00' '120.00')" \
        "$(row 0 2 '（转下页）' '' '' '')" \
        "$(row 0 3 '（接上页）' '' '' '')" \
        "$(row 0 4 '2050201' '学前教育' '30.00' '')")
    run table_facts "$doc" '[.item, .column, (.value // "nil")]'
    assert_output "$(printf '%s\n' '行政运行 本年支出合计 120.00' '行政运行 基本支出 120.00' '学前教育 本年支出合计 30.00' '学前教育 基本支出 nil')"
}

@test "tabulate: a table cut in two by its columns, the second piece under a 续表 line with the stub again, is the same table: title, unit and each piece's columns" {
    doc=$(make_doc d \
        "$(para '鞘阳县工业和信息化局2025年部门收入预算总表')" \
        "$(para '单位名称：鞘阳县工业和信息化局 单位：万元')" \
        "$(row 0 0 '科目编码' '科目名称' '合计' '上年结转')" \
        "$(row 0 1 '2150501' '行政运行' '122.46' '0.00')" \
        "$(para '续表')" \
        "$(para '单位名称：鞘阳县工业和信息化局 单位：万元')" \
        "$(row 1 0 '科目编码' '科目名称' '事业收入' '其他收入')" \
        "$(row 1 1 '2150501' '行政运行' '0.00' '1.76')")
    run table_facts "$doc" '[.table_id, .code, .column, .value, .unit]'
    assert_output "$(printf '%s\n' 'BU02 2150501 合计 122.46 万元' 'BU02 2150501 上年结转 0.00 万元' 'BU02 2150501 事业收入 0.00 万元' 'BU02 2150501 其他收入 1.76 万元')"
}

@test "tabulate: 四川's budget form numbers after the title (…部门收入总表（公开表1-1）) are no table of the notes (表1-1)" {
    doc=$(make_doc d \
        "$(para '陀溪县社会保险事业管理中心2025年部门收入总表（公开表1-1）')" \
        "$(para '单位名称：陀溪县社会保险事业管理中心 单位：万元')" \
        "$(row 0 0 '科目编码' '科目名称' '合计')" \
        "$(row 0 1 '2080109' '社会保险经办机构' '88.10')" \
        "$(para '附表1-1 项目支出明细表')" \
        "$(row 1 0 '科目编码' '科目名称' '合计')" \
        "$(row 1 1 '2080109' '社会保险经办机构' '8.10')")
    run table_facts "$doc" '[(.table_id // "none"), .value]'
    assert_output "$(printf '%s\n' 'BU02 88.10' 'none 8.10')"
}

@test "tabulate: a table's unit line printed under it (单位：万元 after the rows, none above) is its unit" {
    doc=$(make_doc d \
        "$(para '公开01表')" \
        "$(para '欹阳县卫生健康局2023年度收入支出决算总表')" \
        "$(para '编制单位：欹阳县卫生健康局')" \
        "$(row 0 0 '项目' '行次' '金额')" \
        "$(row 0 1 '一、一般公共预算财政拨款收入' '1' '405.12')" \
        "$(para '单位：万元')" \
        "$(para '注：27行＝（1＋2＋3＋4＋5＋6＋7＋8）行。')")
    run table_facts "$doc" '[.value, (.unit // "none")]'
    assert_output '405.12 万元'
}

@test "tabulate: a 以下空白 row closing a form's body is no row of figures; 云南's …一般公共预算本级财力安排支出情况表 is the budget's 一般公共预算支出表" {
    doc=$(make_doc d \
        "$(para '弼山县防雷中心2024年部门一般公共预算本级财力安排支出情况表')" \
        "$(row 0 0 '科目编码' '科目名称' '合计')" \
        "$(row 0 1 '2200504' '气象事业机构' '88.10')" \
        "$(row 0 2 '以下空白' '' '')")
    run table_facts "$doc" '[.table_id, .item, .value]'
    assert_output 'BU05 气象事业机构 88.10'
}

@test "tabulate: a standard table printed in pieces under sub-titles of its own, the unit line over the first only, keeps the unit in every piece" {
    doc=$(make_doc d \
        "$(para '扉阳县文化市场综合行政执法大队2024年一般公共预算基本支出预算表')" \
        "$(para '单位名称：扉阳县文化市场综合行政执法大队 单位：万元')" \
        "$(row 0 0 '一般公共预算基本支出表-人员经费（工资福利支出）')" \
        "$(row 0 1 '科目编码' '科目名称' '预算数')" \
        "$(row 0 2 '30101' '基本工资' '61.20')" \
        "$(row 0 3 '一般公共预算基本支出表-公用经费（商品和服务支出）')" \
        "$(row 0 4 '科目编码' '科目名称' '预算数')" \
        "$(row 0 5 '30201' '办公费' '3.10')")
    run table_facts "$doc" '[.table_id, .code, .value, (.unit // "none")]'
    assert_output "$(printf '%s\n' 'BU06 30101 61.20 万元' 'BU06 30201 3.10 万元')"
}

@test "tabulate: a row labelled 其中：X is item X" {
    doc=$(make_doc d \
        "$(row 0 0 '财政拨款“三公”经费支出决算表')" \
        "$(row 0 1 '项目' '预算数' '决算数')" \
        "$(row 0 2 '公务用车购置及运行维护费' '30.00' '28.00')" \
        "$(row 0 3 '其中：公务用车购置费' '10.00' '9.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.item, .column, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' '公务用车购置及运行维护费 预算数 30.00' '公务用车购置及运行维护费 决算数 28.00' '公务用车购置费 预算数 10.00' '公务用车购置费 决算数 9.00')"
}

@test "tabulate: a spreadsheet's merged label over a block and the next one's stub names the figure under the next; a blank column between blocks has no nils" {
    extract "$ROOT/data/holdout3/dongguan-jiedao-2024.xlsx" | normalize-traditional-chinese | tabulate > "$TMP/facts"
    run jq -r 'select(.table_id=="FA06" and (.item|test("合计"))) | [.item, .header_path, .value] | join(" ")' "$TMP/facts"
    assert_output "$(printf '%s\n' '人员经费合计 人员经费/决算数 10132478.47' '公用经费合计 公用经费/决算数 1777001.88')"
    run jq -r 'select(.table_id=="FA01" and .locator.col==3) | .item' "$TMP/facts"
    assert_output ""
}

@test "tabulate: 类 and 款 cells merged down their groups, printed once mid-group: the 款 row by its name under its class, a 类 | | 项 row with the 款 above" {
    doc=$(make_doc d \
        "$(row 0 0 '收入决算表')" \
        "$(row 0 1 '类' '款' '项' '科目名称' '本年收入合计')" \
        "$(row 0 2 '' '' '' '卫生健康支出' '185.09')" \
        "$(row 0 3 '' '' '' '行政事业单位医疗' '185.09')" \
        "$(row 0 4 '210' '' '01' '行政单位医疗' '20.97')" \
        "$(row 0 5 '' '11' '' '' '')" \
        "$(row 0 6 '' '' '02' '事业单位医疗' '121.51')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.code, .item, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' '210 卫生健康支出 185.09' '21011 行政事业单位医疗 185.09' '2101101 行政单位医疗 20.97' '2101102 事业单位医疗 121.51')"
}

@test "tabulate: a 款 whose name the code list lacks takes the 款 segment printed mid-group below it" {
    doc=$(make_doc d \
        "$(row 0 0 '收入决算表')" \
        "$(row 0 1 '类' '款' '项' '科目名称' '本年收入合计')" \
        "$(row 0 2 '' '' '' '灾害防治及应急管理支出' '9.00')" \
        "$(row 0 3 '' '' '' '应急管理事务' '9.00')" \
        "$(row 0 4 '' '' '01' '行政运行' '4.00')" \
        "$(row 0 5 '' '01' '' '' '')" \
        "$(row 0 6 '' '' '02' '一般行政管理事务' '5.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.code, .item] | join(\" \")'"
    assert_output "$(printf '%s\n' '224 灾害防治及应急管理支出' '22401 应急管理事务' '2240101 行政运行' '2240102 一般行政管理事务')"
}

@test "tabulate: a 款 whose name the code list lacks takes the 款 segment printed beside its first 项 (a merged 款 cell over two 项 rows)" {
    doc=$(make_doc d \
        "$(row 0 0 '收入决算表')" \
        "$(row 0 1 '类' '款' '项' '科目名称' '本年收入合计')" \
        "$(row 0 2 '222' '' '' '粮油物资储备支出' '9.00')" \
        "$(row 0 3 '' '' '' '粮油储备' '9.00')" \
        "$(row 0 4 '' '04' '01' '储备粮油补贴' '4.00')" \
        "$(row 0 5 '' '' '03' '储备粮（油）库建设' '5.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.code, .item] | join(\" \")'"
    assert_output "$(printf '%s\n' '222 粮油物资储备支出' '22204 粮油储备' '2220401 储备粮油补贴' '2220403 储备粮（油）库建设')"
}

@test "tabulate: 类 | 款 | 科目编码项 (the heading over the three joined to one by a PDF's layout) still marks the code columns" {
    doc=$(make_doc d \
        "$(row 0 0 '一般公共预算支出表')" \
        "$(row 0 1 '类' '款' '科目编码项' '科目名称' '合计')" \
        "$(row 0 2 '' '' '' '一般公共服务支出' '7.00')" \
        "$(row 0 3 '201' '08' '01' '行政运行' '7.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\" and .column==\"合计\") | [.code, .item] | join(\" \")'"
    assert_output "$(printf '%s\n' '201 一般公共服务支出' '2010801 行政运行')"
}

@test "tabulate: on a grid, a header row of stub headings after a blank slot (款 | 项 under 科目编码 beside 类) takes no value column" {
    doc=$(make_doc d \
        "$(row 0 0 '收入预算表')" \
        "$(r 1 "$(c 0 类 1 1),$(c 1 科目编码 2 1),$(c 3 科目名称 1 1),$(c 4 合计 1 1),$(c 5 上年结转 1 1)")" \
        "$(r 2 "$(c 1 款 1 1),$(c 2 项 1 1)")" \
        "$(r 3 "$(c 3 合计 1 1),$(c 4 11.00 1 1),$(c 5 1.00 1 1)")")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.header_path, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' '合计 11.00' '上年结转 1.00')"
}

@test "tabulate: a grid holding two tables is split at the title row" {
    doc=$(make_doc d \
        "$(row 0 0 '2023年度收入决算表（表2）')" \
        "$(row 0 1 '项目' '本年收入合计' '财政拨款收入')" \
        "$(row 0 2 '合计' '5.00' '5.00')" \
        "$(row 0 3 '2023年度一般公共预算财政拨款支出决算表（表5）')" \
        "$(row 0 4 '项目' '本年支出')" \
        "$(row 0 5 '科目编码' '科目名称' '小计' '基本支出' '项目支出')" \
        "$(row 0 6 '合计' '7.00' '7.00' '')")
    run bash -c "printf '%s\n' '$doc' | tabulate | '$T/project' | grep -v '^meta' | cut -f2,3,5,8,9"
    assert_output "$(printf '%s\n' \
        $'FA02\t收入决算表\t合计\t本年收入合计\t5.00' \
        $'FA02\t收入决算表\t合计\t财政拨款收入\t5.00' \
        $'FA05\t一般公共预算财政拨款支出决算表\t合计\t本年支出/小计\t7.00' \
        $'FA05\t一般公共预算财政拨款支出决算表\t合计\t本年支出/基本支出\t7.00' \
        $'FA05\t一般公共预算财政拨款支出决算表\t合计\t本年支出/项目支出\t-')"
}

@test "tabulate: spans resolved by the reader (docx/html grids) give the same header paths" {
    doc=$(make_doc d \
        "{\"type\":\"row\",\"doc\":\"d\",\"table\":0,\"row\":0,\"cells\":[$(c 0 '财政拨款“三公”经费支出决算表' 4 1)]}" \
        "{\"type\":\"row\",\"doc\":\"d\",\"table\":0,\"row\":1,\"cells\":[$(c 0 '决算数' 4 1)]}" \
        "{\"type\":\"row\",\"doc\":\"d\",\"table\":0,\"row\":2,\"cells\":[$(c 0 '合计' 1 2),$(c 1 '公务用车购置及运行维护费' 3 1)]}" \
        "{\"type\":\"row\",\"doc\":\"d\",\"table\":0,\"row\":3,\"cells\":[$(c 1 '小计' 1 1),$(c 2 '公务用车购置费' 1 1),$(c 3 '公务用车运行维护费' 1 1)]}" \
        "{\"type\":\"row\",\"doc\":\"d\",\"table\":0,\"row\":4,\"cells\":[$(c 0 '4.00' 1 1),$(c 1 '1.00' 1 1),$(c 3 '1.00' 1 1)]}")
    run bash -c "printf '%s\n' '$doc' | tabulate | '$T/project' | grep -v '^meta' | cut -f2,8,9"
    assert_output "$(printf '%s\n' \
        $'FA09\t决算数/合计\t4.00' \
        $'FA09\t决算数/公务用车购置及运行维护费/小计\t1.00' \
        $'FA09\t决算数/公务用车购置及运行维护费/公务用车购置费\t-' \
        $'FA09\t决算数/公务用车购置及运行维护费/公务用车运行维护费\t1.00')"
}

@test "tabulate: a stub cell spanning both header rows does not shift the labels of the lower row" {
    # xlsx/docx: 科目编码 and 科目名称 written once, in the top row; the row
    # below holds only the labels under 本年支出
    doc=$(make_doc d \
        "$(r 0 "$(c 0 '一般公共预算财政拨款支出决算表' 5 1)")" \
        "$(r 1 "$(c 0 '科目编码' 1 2),$(c 1 '科目名称' 1 2),$(c 2 '本年支出' 3 1)")" \
        "$(r 2 "$(c 2 '合计' 1 1),$(c 3 '基本支出' 1 1),$(c 4 '项目支出' 1 1)")" \
        "$(r 3 "$(c 1 '合计' 1 1),$(c 2 '3.00' 1 1),$(c 3 '2.00' 1 1),$(c 4 '1.00' 1 1)")")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.column, .header_path, .value, .locator.col] | join(\" \")'"
    assert_output "$(printf '%s\n' '合计 本年支出/合计 3.00 2' '基本支出 本年支出/基本支出 2.00 3' '项目支出 本年支出/项目支出 1.00 4')"
}

@test "tabulate: a heading wrapped in two lines that a PDF took for a group over the cell under it is that cell's, by 栏次 (附属单位上缴 / 收入)" {
    doc=$(make_doc d \
        "$(r 0 "$(c 0 '收入决算表' 6 1)")" \
        "$(r 1 "$(c 0 '科目编码' 1 1),$(c 1 '科目名称' 1 1),$(c 2 '本年收入合计' 1 1),$(c 3 '附属单位上缴' 3 1)")" \
        "$(r 2 "$(c 3 '经营收入' 1 1),$(c 4 '收入' 1 1),$(c 5 '其他收入' 1 1)")" \
        "$(r 3 "$(c 1 '栏次' 1 1),$(c 2 '1' 1 1),$(c 3 '5' 1 1),$(c 4 '6' 1 1),$(c 5 '7' 1 1)")" \
        "$(r 4 "$(c 1 '合计' 1 1),$(c 2 '9.00' 1 1),$(c 3 '1.00' 1 1),$(c 4 '2.00' 1 1),$(c 5 '6.00' 1 1)")")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.header_path, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' '本年收入合计 9.00' '经营收入 1.00' '附属单位上缴收入 2.00' '其他收入 6.00')"
}

@test "tabulate: a small table of 表1 | 单位：万元 between a title and its table is the table's meta lines, not a table" {
    doc=$(make_doc d \
        "$(para '某局2025年部门收支总表')" \
        "$(row 0 0 '表1' '单位：万元')" \
        "$(row 1 0 '收入' '' '支出' '')" \
        "$(row 1 1 '项目' '预算数' '项目' '预算数')" \
        "$(row 1 2 '一般公共预算拨款收入' '10.00' '社会保障和就业支出' '10.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.table_id, .side, .value, .unit] | join(\" \")'"
    assert_output "$(printf '%s\n' 'BU01 收入 10.00 万元' 'BU01 支出 10.00 万元')"
}

@test "tabulate: the unit printed in the paragraph above a table, after 编制单位：<entity> on the same line" {
    doc=$(make_doc d \
        "$(para '2023年支出决算表')" "$(para $'编制单位：元谋县医疗保障局\t单位：万元')" \
        "$(row 0 0 '项目' '本年支出合计')" "$(row 0 1 '合计' '1.00')" \
        "$(para '2023年收入决算表')" "$(para '编制单位：元谋县医疗保障局')" \
        "$(row 1 0 '项目' '本年收入合计')" "$(row 1 1 '合计' '2.00')" \
        "$(para '金额单位：元')" \
        "$(row 2 0 '2023年财政拨款收入支出决算总表')" "$(row 2 1 '项目' '金额')" "$(row 2 2 '合计' '3.00')" \
        "$(para '2023年一般公共预算财政拨款支出决算表')" "$(para '单位：人民币万元')" \
        "$(row 3 0 '项目' '合计')" "$(row 3 1 '合计' '4.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.table_id, .value, .unit // \"-\"] | join(\" \")'"
    assert_output "$(printf '%s\n' 'FA03 1.00 万元' 'FA02 2.00 -' 'FA04 3.00 元' 'FA05 4.00 万元')"
}

@test "tabulate: a title names the table of its longest alias, whatever department and numbering precede it" {
    t=0 rows=()
    for title in '附表1：武汉市蔡甸区医疗保障局（本级）2023年度收入支出决算表' \
        '附表3：武汉市蔡甸区医疗保障局（本级）2023年度支出决算表' \
        '附表4：武汉市财政局（本级）2023年度财政拨款收入支出决算表' \
        '一般公共预算财政拨款收入支出决算表（表五）' \
        '附表7：2023年度政府性基金预算财政拨款收入支出决算表' \
        '附表6：中国共产党武汉市蔡甸区纪律检查委员会武汉市蔡甸区监察委员会机关（本级）2023年度一般公共预算财政拨款基本支出决算表'; do
        rows+=("$(para "$title")" "$(row $t 0 '项目' '金额')" "$(row $t 1 '合计' '1.00')")
        t=$((t + 1))
    done
    doc=$(make_doc d "${rows[@]}")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | .table_id + \" \" + .table'"
    assert_output "$(printf '%s\n' 'FA01 收入支出决算总表' 'FA03 支出决算表' 'FA04 财政拨款收入支出决算总表' \
        'FA05 一般公共预算财政拨款支出决算表' 'FA07 政府性基金预算财政拨款收入支出决算表' \
        'FA06 一般公共预算财政拨款基本支出决算表')"
}

@test "tabulate: an empty table without a 栏次 row: its 合计 row, or its one blank row, gives one nil per column" {
    # xlsx: empty cells carry nothing, so the 合计 row is just its label
    r() { printf '{"type":"row","doc":"d","table":%d,"row":%d,"cells":[%s]}' "$1" "$2" "$3"; }
    doc=$(make_doc d \
        "$(r 0 0 "$(c 0 '国有资本经营预算财政拨款支出决算表' 5 1)")" \
        "$(r 0 1 "$(c 0 '科目编码' 1 2),$(c 1 '科目名称' 1 2),$(c 2 '本年支出' 3 1)")" \
        "$(r 0 2 "$(c 2 '合计' 1 1),$(c 3 '基本支出' 1 1),$(c 4 '项目支出' 1 1)")" \
        "$(r 0 3 "$(c 1 '合计' 1 1)")" \
        "$(r 0 4 "$(c 0 '注：本部门无国有资本经营预算财政拨款支出，故本表为空表。' 5 1)")" \
        "$(r 1 0 "$(c 0 '财政拨款“三公”经费支出决算表' 3 1)")" \
        "$(r 1 1 "$(c 0 '合计' 1 2),$(c 1 '公务用车购置及运行费' 2 1)")" \
        "$(r 1 2 "$(c 1 '公务用车购置费' 1 1),$(c 2 '公务用车运行维护费' 1 1)")" \
        "$(r 1 3 '')" \
        "$(r 1 4 "$(c 0 '注：本部门无财政拨款“三公”经费支出，故本表为空表。' 3 1)")")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\" or .kind==\"empty_table\") | [.kind, .table_id, .item // \"-\", .header_path // \"-\", .value // \"-\", .locator.col // \"-\"] | join(\" \")'"
    assert_output "$(printf '%s\n' \
        'table FA08 合计 本年支出/合计 - 2' 'table FA08 合计 本年支出/基本支出 - 3' 'table FA08 合计 本年支出/项目支出 - 4' \
        'empty_table FA08 - - - -' \
        'table FA09 - 合计 - 0' 'table FA09 - 公务用车购置及运行费/公务用车购置费 - 1' \
        'table FA09 - 公务用车购置及运行费/公务用车运行维护费 - 2' \
        'empty_table FA09 - - - -')"
}

@test "tabulate: an empty table without spans (merged cells filled or blank): its 合计 row is data, the lower header row is not" {
    # the slots under 科目编码 | 科目名称 are blank in the lower header row
    doc=$(make_doc d \
        "$(row 0 0 '国有资本经营预算财政拨款支出决算表')" \
        "$(row 0 1 '科目编码' '科目名称' '本年支出' '本年支出' '本年支出')" \
        "$(row 0 2 '' '' '合计' '基本支出' '项目支出')" \
        "$(row 0 3 '' '合计' '' '' '')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.item, .header_path, .value // \"-\"] | join(\" \")'"
    assert_output "$(printf '%s\n' '合计 本年支出/合计 -' '合计 本年支出/基本支出 -' '合计 本年支出/项目支出 -')"
}

@test "tabulate: tables stacked on one sheet: a narrower table has only the columns of its own header" {
    # the grid is as wide as its widest table (5 columns); 收入决算表 uses 3,
    # and a stray dash right of its header is no column of it
    doc=$(make_doc d \
        "$(r 0 "$(c 0 '收入决算表（表二）' 3 1)")" \
        "$(r 1 "$(c 0 '项目' 1 1),$(c 1 '本年收入合计' 1 1),$(c 2 '财政拨款收入' 1 1)")" \
        "$(r 2 "$(c 0 '合计' 1 1),$(c 1 '5.00' 1 1),$(c 2 '5.00' 1 1),$(c 3 '-' 1 1)")" \
        "$(r 3 "$(c 0 '住房保障支出' 1 1),$(c 1 '1.00' 1 1)")" \
        "$(r 4 '')" \
        "$(r 5 "$(c 0 '支出决算表（表三）' 5 1)")" \
        "$(r 6 "$(c 0 '项目' 1 1),$(c 1 '本年支出合计' 1 1),$(c 2 '基本支出' 1 1),$(c 3 '项目支出' 1 1),$(c 4 '上缴上级支出' 1 1)")" \
        "$(r 7 "$(c 0 '合计' 1 1),$(c 1 '7.00' 1 1),$(c 2 '7.00' 1 1)")")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.table_id, .item, .column, .value // \"-\", .locator.col] | join(\" \")'"
    assert_output "$(printf '%s\n' \
        'FA02 合计 本年收入合计 5.00 1' 'FA02 合计 财政拨款收入 5.00 2' \
        'FA02 住房保障支出 本年收入合计 1.00 1' 'FA02 住房保障支出 财政拨款收入 - 2' \
        'FA03 合计 本年支出合计 7.00 1' 'FA03 合计 基本支出 7.00 2' 'FA03 合计 项目支出 - 3' 'FA03 合计 上缴上级支出 - 4')"
}

@test "tabulate: a budget (预算) report: two-sided 收支预算总表 and 支出预算表" {
    doc=$(make_doc d "$(para '永清县医疗保障局2024年部门预算')" \
        "$(row 0 0 '2024年部门收支预算总表')" \
        "$(row 0 1 '单位：万元')" \
        "$(row 0 2 '收入' '' '支出' '')" \
        "$(row 0 3 '项目' '预算数' '项目' '预算数')" \
        "$(row 0 4 '一、一般公共预算拨款收入' '100.00' '一、一般公共服务支出' '60.00')" \
        "$(row 0 5 '二、政府性基金预算拨款收入' '-' '二、卫生健康支出' '40.00')" \
        "$(row 0 6 '收入总计' '100.00' '支出总计' '100.00')" \
        "$(row 1 0 '2024年部门支出总表')" \
        "$(row 1 1 '科目编码' '科目名称' '合计' '基本支出' '项目支出')" \
        "$(row 1 2 '2101501' '行政运行' '50.00' '50.00' '')")
    run bash -c "printf '%s\n' '$doc' | tabulate | '$T/project' | cut -f1-10"
    assert_output "$(printf '%s\n' $'meta\t永清县医疗保障局\t2024\t预算' \
        $'table\tBU01\t收支预算总表\t-\t一般公共预算拨款收入\t-\t收入\t收入/预算数\t100.00\t万元' \
        $'table\tBU01\t收支预算总表\t-\t一般公共服务支出\t-\t支出\t支出/预算数\t60.00\t万元' \
        $'table\tBU01\t收支预算总表\t-\t政府性基金预算拨款收入\t-\t收入\t收入/预算数\t-\t万元' \
        $'table\tBU01\t收支预算总表\t-\t卫生健康支出\t-\t支出\t支出/预算数\t40.00\t万元' \
        $'table\tBU01\t收支预算总表\t-\t收入总计\t-\t收入\t收入/预算数\t100.00\t万元' \
        $'table\tBU01\t收支预算总表\t-\t支出总计\t-\t支出\t支出/预算数\t100.00\t万元' \
        $'table\tBU03\t支出预算表\t-\t行政运行\t2101501\t-\t合计\t50.00\t-' \
        $'table\tBU03\t支出预算表\t-\t行政运行\t2101501\t-\t基本支出\t50.00\t-' \
        $'table\tBU03\t支出预算表\t-\t行政运行\t2101501\t-\t项目支出\t-\t-')"
}

@test "tabulate: a layout not taken from the seeds (html: rowspans, 元, thousands separators, 三公 with figures)" {
    run bash -c "extract '$T/unseen-layout.html' | normalize-traditional-chinese | tabulate | '$T/project'"
    assert_success
    assert_output "$(cat "$T/unseen-layout.golden")"
    assert_line $'table\tFA09\t财政拨款“三公”经费支出决算表\t公开09表\t-\t-\t-\t决算数/公务用车购置及运行维护费/公务用车运行维护费\t2.60\t万元\t-\t-\t-'
    assert_line $'formula\tFA03\t1栏=2栏+3栏+4栏+5栏\tcolumn\t1\t+2+3+4+5\tfalse'
}

@test "tabulate: 公开02表 | 单位：元 set as a small table of its own between the title and the grid name the grid, and are no table themselves" {
    run bash -c "extract '$T/meta-table.html' | normalize-traditional-chinese | tabulate | '$T/project'"
    assert_success
    assert_output "$(printf '%s\n' $'meta\t某街道办事处\t2024\t决算' \
        $'table\tFA02\t收入决算表\t公开02表\t合计\t-\t-\t本年收入合计\t1234.00\t元\t-\t-\t-' \
        $'table\tFA02\t收入决算表\t公开02表\t合计\t-\t-\t财政拨款收入\t1234.00\t元\t-\t-\t-' \
        $'table\tFA02\t收入决算表\t公开02表\t行政运行\t2010301\t-\t本年收入合计\t1234.00\t元\t-\t-\t-' \
        $'table\tFA02\t收入决算表\t公开02表\t行政运行\t2010301\t-\t财政拨款收入\t-\t元\t-\t-\t-')"
}

@test "tabulate: 收入支出决算总表 stacked in one column (收入 block, then 支出 over the header again): each block its side, the marker row no data" {
    run bash -c "extract '$T/stacked-sides.html' | normalize-traditional-chinese | tabulate | '$T/project' | grep '^table' | cut -f5,7,8,9,11"
    assert_success
    assert_output "$(printf '%s\n' $'一般公共预算财政拨款收入\t收入\t收入/决算数\t100.00\t1' $'总计\t收入\t收入/决算数\t100.00\t31' \
        $'一般公共服务支出\t支出\t支出/决算数\t-\t32' $'总计\t支出\t支出/决算数\t100.00\t62')"
}

@test "tabulate: tables that are not standard keep their caption, also the next ones under the same title" {
    run bash -c "stream_of() { extract \"\$1\" | normalize-traditional-chinese; }; stream_of '$S000' | tabulate | jq -r 'select(.kind==\"table\") | .table' | sort | uniq -c"
    # (their amounts printed with a unit, 8.52万元 and 42.68元, among them)
    assert_output "    175 部门预算项目支出绩效自评表"
}

@test "tabulate: the Sichuan variant's tables are told apart by title" {
    doc=$(make_doc d \
        "$(row 0 0 '五、财政拨款支出决算明细表')" "$(row 0 1 '项目' '合计')" "$(row 0 2 '合计' '1.00')" \
        "$(row 1 0 '七、一般公共预算财政拨款支出决算明细表')" "$(row 1 1 '项目' '合计')" "$(row 1 2 '合计' '1.00')" \
        "$(row 2 0 '九、一般公共预算财政拨款项目支出决算表')" "$(row 2 1 '项目' '合计')" "$(row 2 2 '合计' '1.00')" \
        "$(row 3 0 '十一、国有资本经营预算财政拨款收入支出决算表')" "$(row 3 1 '项目' '合计')" "$(row 3 2 '合计' '1.00')" \
        "$(row 4 0 '十三、财政拨款"三公"经费支出决算表')" "$(row 4 1 '合计')" "$(row 4 2 '1.00')" \
        "$(row 5 0 '部门收支决算总表（表一）')" "$(row 5 1 '项目' '金额')" "$(row 5 2 '总计' '1.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.table_id, .table] | join(\" \")'"
    assert_output "$(printf '%s\n' 'FA04D 财政拨款支出决算明细表' 'FA05D 一般公共预算财政拨款支出决算明细表' \
        'FA06P 一般公共预算财政拨款项目支出决算表' 'FA08I 国有资本经营预算财政拨款收入支出决算表' \
        'FA09 财政拨款“三公”经费支出决算表' 'FA01 收入支出决算总表')"
}

@test "tabulate: formulas under the seed 003 tables (golden)" {
    run bash -c "extract '$S003' | normalize-traditional-chinese | tabulate | '$T/project' | grep '^formula'"
    assert_output "$(grep '^formula' "$T/seed003.tables.golden")"
    assert_line $'formula\tFA01\t58行=（32+33+…+57）行\trow\t58\t+32+33+34+35+36+37+38+39+40+41+42+43+44+45+46+47+48+49+50+51+52+53+54+55+56+57\tfalse'
    assert_line $'formula\tFA07\t6栏各行=（1+2-3）栏各行\tcolumn\t6\t+1+2-3\ttrue'
}

@test "tabulate: formulas printed as paragraphs after a table, ASCII forms" {
    doc=$(make_doc d \
        "$(row 0 0 '支出决算表')" \
        "$(row 0 1 '项目' '本年支出合计' '基本支出' '项目支出')" \
        "$(row 0 2 '合计' '3.00' '1.00' '2.00')" \
        "$(para '注：1栏各行=(2+3)栏各行; 9栏=(10+...+12)栏')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -c 'select(.type==\"formula\") | [.text,.lhs,[.rhs[].ref],.each,.locator]'"
    assert_output "$(printf '%s\n' '["1栏各行=(2+3)栏各行","1",["2","3"],true,{"paragraph":0}]' \
        '["9栏=(10+...+12)栏","9",["10","11","12"],false,{"paragraph":0}]')"
}

@test "tabulate: empty tables with their statements (seed 003 公开07-09表)" {
    run bash -c "extract '$S003' | normalize-traditional-chinese | tabulate | jq -r 'select(.kind==\"empty_table\") | [.table_id, .sentence] | join(\" \")'"
    assert_output "$(printf '%s\n' 'FA07 本部门当年无政府性基金预算财政拨款收入支出' \
        'FA08 武汉市蔡甸区医疗保障局（本级）2023年度无国有资本经营预算财政拨款收入。' \
        'FA09 武汉市蔡甸区医疗保障局（本级）2023年度无财政拨款“三公”经费支出。')"
}

@test "tabulate: entity, year and stage of seeds 000, 003, 004 and of 001 (Big5 html)" {
    for s in "$S000" "$S003" "$S004" "$FIXTURES/wulong-2021-final-big5.html"; do
        stream "$s" | tabulate | "$T/project" | grep '^meta'
    done > "$BATS_TEST_TMPDIR/meta"
    run cat "$BATS_TEST_TMPDIR/meta"
    assert_output "$(printf '%s\n' $'meta\t广元市昭化区医疗保障局\t2023\t决算' \
        $'meta\t武汉市蔡甸区医疗保障局（本级）\t2023\t决算' $'meta\t遂宁市医疗保障局\t2023\t决算' \
        $'meta\t重庆市武隆区医疗保障局\t2021\t决算')"
}

@test "tabulate: seed 003 as docx and as html: the same facts as the text (golden)" {
    for f in caidian-2023-final.docx caidian-2023-final-utf8.html; do
        run bash -c "extract '$FIXTURES/$f' | normalize-traditional-chinese | tabulate | '$T/project' | awk -F'\t' '\$2 ~ /^FA/ || \$1 == \"meta\"'"
        assert_success
        assert_output "$(cat "$T/seed003.tables.golden")"
    done
}

@test "tabulate: seed 003 as xlsx: the same table facts (no text, so no statements)" {
    run bash -c "extract '$FIXTURES/caidian-2023-final.xlsx' | normalize-traditional-chinese | tabulate | '$T/project' | awk -F'\t' '\$2 ~ /^FA/'"
    assert_success
    assert_output "$(awk -F'\t' 'BEGIN{OFS=FS} $2 ~ /^FA/ { if ($1 == "empty_table") $13 = "-"; print }' "$T/seed003.tables.golden")"
}

@test "tabulate: seed 003 as PDF: every figure right; the empty 三公 row a PDF cannot show is missing" {
    run bash -c "extract '$FIXTURES/caidian-2023-final.pdf' | normalize-traditional-chinese | tabulate | '$T/project' | awk -F'\t' '\$2 ~ /^FA/ || \$1 == \"meta\"'"
    assert_success
    assert_output "$(awk -F'\t' '!($1 == "table" && $2 == "FA09")' "$T/seed003.tables.golden")"
}

@test "tabulate: narrative of seeds 000, 003, 004 (golden)" {
    for s in 000 003 004; do
        case $s in 000) f=$S000 ;; 003) f=$S003 ;; 004) f=$S004 ;; esac
        run bash -c "extract '$f' | normalize-traditional-chinese | tabulate | '$T/project' | grep '^narrative'"
        assert_success
        assert_output "$(cat "$T/seed$s.narrative.golden")"
    done
}

@test "tabulate: narrative subjects, codes, bases and units" {
    stream "$S004" | tabulate > "$BATS_TEST_TMPDIR/004"
    q() { jq -r "select(.kind==\"narrative\") | $1" "$BATS_TEST_TMPDIR/004"; }
    run q 'select(.value=="306.11") | [.measure,.basis,.code,.unit] | join(" ")'
    assert_output "amount 支出决算 2101501 万元"
    run q 'select(.value=="50.73" and .unit=="元") | .code'
    assert_output "2210201"
    run q 'select(.value=="490.97") | [.measure,.subject,.direction,.base_year] | join(" ")'
    assert_output "change 收、支总计 increase 2022"
    run q 'select(.value=="82.06") | [.measure,.base] | join(" ")'
    assert_output "execution_rate 预算"
    stream "$S003" | tabulate > "$BATS_TEST_TMPDIR/003"
    run jq -r 'select(.kind=="narrative" and .value=="108.42") | [.measure,.code,.base] | join(" ")' "$BATS_TEST_TMPDIR/003"
    assert_output "execution_rate 2101101+2101103 年初预算"
    run jq -r 'select(.kind=="narrative" and .value=="2673.61" and .measure=="change") | .direction' "$BATS_TEST_TMPDIR/003"
    assert_output "$(printf 'unknown\ndecrease')"
    run jq -r 'select(.kind=="narrative" and .value=="54.9") | [.measure,.subject,.base,.section] | join(" ")' "$BATS_TEST_TMPDIR/003"
    assert_output "share 基本支出 本年支出 三、支出决算情况说明"
}

@test "tabulate: every amount and percentage of the 情况说明 of seeds 000, 003, 004 has a fact with a subject" {
    for s in 000 003 004; do
        case $s in
        000) f=$S000 a='^第二部分' b='^第三部分' ;;
        003) f=$S003 a='^第三部分' b='^第四部分' ;;
        004) f=$S004 a='^第二部分 2023 年度部门决算情况说明' b='^第三部分 名词解释' ;;
        esac
        awk -v a="$a" -v b="$b" '$0 ~ a {on++} $0 ~ b && on {on=0} on' "$f" | grep -v $'^\t' |
            sed 's/\[bookmark: [^]]*\]//g' > "$BATS_TEST_TMPDIR/region"
        stream "$f" | tabulate > "$BATS_TEST_TMPDIR/out"
        run "$T/narrative-recall" "$BATS_TEST_TMPDIR/region" "$BATS_TEST_TMPDIR/out"
        assert_success
        case $s in 000) assert_output "107/107" ;; 003) assert_output "72/72" ;; 004) assert_output "119/119" ;; esac
    done
}

@test "tabulate: every classification statement of the seeds resolves to a code" {
    for f in "$S000" "$S003" "$S004"; do stream "$f" | tabulate; done |
        jq -r 'select(.kind=="narrative" and .measure=="amount" and (.subject // "" | test("（类）|（款）|（项）|（[0-9]{3}）"))) | .code' > "$BATS_TEST_TMPDIR/codes"
    [ "$(wc -l < "$BATS_TEST_TMPDIR/codes")" -ge 28 ]
    run grep -c null "$BATS_TEST_TMPDIR/codes"
    assert_output "0"
}

@test "tabulate: a sentence cut over two paragraphs (PDF lines) is read as one" {
    doc=$(make_doc d "$(para '2.社会保障和就业支出（208）人力资源和社会保障管理事务（01）社会保险经办机构（09）：支出决算为 273.32 万元，完')" \
        "$(para '成预算 93.22%。')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"narrative\") | [.measure,.code,.value,.locator.paragraph,.locator.offset] | map(tostring) | join(\" \")'"
    assert_output "$(printf '%s\n' 'amount 2080109 273.32 0 52' 'execution_rate 2080109 93.22 1 4')"
}

@test "tabulate: rows of two tables interleaved, table indexes out of order" {
    doc=$(make_doc d \
        "$(row 5 0 '收入决算表')" "$(row 2 0 '支出决算表')" \
        "$(row 5 1 '项目' '本年收入合计')" "$(row 2 1 '项目' '本年支出合计')" \
        "$(row 5 2 '合计' '7.00')" "$(row 2 2 '合计' '8.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.table_id, .column, .value, .locator.table] | map(tostring) | join(\" \")'"
    assert_output "$(printf '%s\n' 'FA02 本年收入合计 7.00 5' 'FA03 本年支出合计 8.00 2')"
}

@test "tabulate: a truncated document gets no facts; exit 1" {
    run bash -c "printf '%s\n' '{\"type\":\"document\",\"contract\":\"yujuesuan/1\",\"doc\":\"d\",\"source\":\"x\",\"format\":\"txt\",\"encoding\":\"utf-8\",\"bytes\":1,\"sha256\":\"d\"}' '$(para '2023年度部门决算')' | tabulate"
    assert_failure 1
    refute_output --partial '"type":"fact"'
    assert_output --partial '"code":"truncated"'
}

@test "tabulate: bad records become error records and the batch goes on" {
    good=$(make_doc d "$(row 0 0 '支出决算表')" "$(row 0 1 '项目' '本年支出合计')" "$(row 0 2 '合计' '3.00')")
    bad=$(make_doc b '{"type":"row","doc":"b","table":"x"}')
    run --separate-stderr bash -c "{ printf '%s\n' '$bad'; echo 'not json'; printf '%s\n' '$good'; } | tabulate"
    assert_failure 1
    assert_output --partial '"code":"bad_row"'
    assert_output --partial '"value":"3.00"'
    [[ "$stderr" == *"tabulate: "* ]]
}

@test "tabulate: --max-doc-records passes a large document through without facts" {
    doc=$(make_doc d "$(para 'a')" "$(para 'b')" "$(para 'c')" "$(para '2023年度部门决算')")
    run bash -c "printf '%s\n' '$doc' | tabulate --max-doc-records 3"
    assert_failure 1
    assert_output --partial '"code":"too_large"'
    refute_output --partial '"type":"fact"'
    run bash -c "printf '%s\n' '$doc' | tabulate --max-doc-records 4"
    assert_success
    assert_output --partial '"kind":"meta"'
}

@test "tabulate: --max-columns ignores cells further right with an error" {
    doc=$(make_doc d "$(row 0 0 '支出决算表')" "$(row 0 1 '项目' '本年支出合计' '基本支出')" "$(row 0 2 '合计' '3.00' '1.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate --max-columns 2 2>/dev/null | jq -r 'select(.type==\"fact\" or .type==\"error\") | [.type, .code // .column // \"\"] | join(\" \")'"
    assert_output "$(printf '%s\n' 'error too_wide' 'fact ' 'fact 本年支出合计')"
}

@test "tabulate: --max-paragraph-figures caps the figures taken from one paragraph" {
    doc=$(make_doc d "$(para '收入1.00万元，支出2.00万元，结余3.00万元。')")
    run bash -c "printf '%s\n' '$doc' | tabulate --max-paragraph-figures 2 | jq -r 'select(.kind==\"narrative\") | .value'"
    assert_output "$(printf '1.00\n2.00')"
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"narrative\") | .value'"
    assert_output "$(printf '1.00\n2.00\n3.00')"
}

@test "tabulate: --max-sentence-chars cuts the sentence a narrative fact carries" {
    doc=$(make_doc d "$(para '本年收入合计1.00万元，其中财政拨款收入1.00万元。')")
    run bash -c "printf '%s\n' '$doc' | tabulate --max-sentence-chars 6 | jq -r 'select(.kind==\"narrative\") | .sentence' | sort -u"
    assert_output "本年收入合计…"
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"narrative\") | .sentence' | sort -u"
    assert_output "本年收入合计1.00万元，其中财政拨款收入1.00万元。"
    run -2 tabulate --max-sentence-chars 0
}

@test "tabulate: --max-line refuses a longer record with an error and goes on" {
    long=$(head -c 3000 /dev/zero | tr '\0' 'x')
    doc=$(make_doc d "$(para "$long")" "$(para '2023年度部门决算')")
    run bash -c "printf '%s\n' '$doc' | tabulate --max-line 1000"
    assert_failure 1
    assert_output --partial '"type":"error"'
    run bash -c "printf '%s\n' '$doc' | tabulate"
    assert_success
}

@test "tabulate: write error exits 3; closed pipe is quiet" {
    stream "$S003" > "$BATS_TEST_TMPDIR/in"
    run -3 --separate-stderr bash -c "tabulate '$BATS_TEST_TMPDIR/in' > /dev/full"
    [[ "$stderr" == *"write error"* ]]
    run bash -c "tabulate '$BATS_TEST_TMPDIR/in' | head -1"
    assert_success
}

# --- tables over pages (continuation.c) -------------------------------------

@test "tabulate: a header repeated in the body (a table over a page break) is not data" {
    doc=$(make_doc d "$(para '2023年度支出决算表')" "$(para '单位：万元')" \
        "$(row 0 0 '项目' '本年支出合计' '基本支出')" \
        "$(row 0 1 '栏次' '1' '2')" \
        "$(row 0 2 '合计' '442.86' '243.12')" \
        "$(row 0 3 '项目' '本年支出合计' '基本支出')" \
        "$(row 0 4 '栏次' '1' '2')" \
        "$(row 0 5 '卫生健康支出' '398.40' '198.66')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.table_id, .item, .column, .value] | @tsv'"
    assert_success
    assert_output "$(printf 'FA03\t合计\t本年支出合计\t442.86\nFA03\t合计\t基本支出\t243.12\nFA03\t卫生健康支出\t本年支出合计\t398.40\nFA03\t卫生健康支出\t基本支出\t198.66')"
}

@test "tabulate: PDF table over two pages under its repeated header band: one FA04, no header rows as data" {
    stream "$ROOT/tests/pdf/header-band.pdf" | tabulate > "$BATS_TEST_TMPDIR/out"
    run jq -r 'select(.kind=="table" and (.item=="栏次" or .item=="收入" or .item=="支出" or .item=="项目")) | .item' "$BATS_TEST_TMPDIR/out"
    assert_output ""
    run jq -r 'select(.kind=="table" and .value=="31.21") | [.table_id, .side, .item, .column] | @tsv' "$BATS_TEST_TMPDIR/out"
    assert_output "$(printf 'FA04\t支出\t外交支出\t一般公共预算财政拨款')"
    run jq -r 'select(.kind=="table" and .item=="一般公共服务支出" and .locator.row==4 and .column=="合计") | .value' "$BATS_TEST_TMPDIR/out"
    assert_output "null"
}

@test "tabulate: codes in 类 | 款 | 项 columns with the 类 printed once per group: the segments carried down" {
    # a 财政-system export: 208 on its own row, the rows under it print 款 | 项 only
    doc=$(make_doc d \
        "$(r 0 "$(c 0 '2024年度一般公共预算财政拨款支出决算表' 6 1)")" \
        "$(r 1 "$(c 0 '项目' 4 1),$(c 4 '本年支出' 2 1)")" \
        "$(r 2 "$(c 0 '类' 1 1),$(c 1 '款' 1 1),$(c 2 '项' 1 1),$(c 3 '科目名称' 1 1),$(c 4 '小计' 1 1),$(c 5 '基本支出' 1 1)")" \
        "$(r 3 "$(c 0 '合计' 4 1),$(c 4 '5.00' 1 1),$(c 5 '5.00' 1 1)")" \
        "$(r 4 "$(c 0 '208' 1 1),$(c 3 '社会保障和就业支出' 1 1),$(c 4 '3.00' 1 1),$(c 5 '3.00' 1 1)")" \
        "$(r 5 "$(c 1 '05' 1 1),$(c 3 '行政事业单位养老支出' 1 1),$(c 4 '3.00' 1 1),$(c 5 '3.00' 1 1)")" \
        "$(r 6 "$(c 1 '05' 1 1),$(c 2 '01' 1 1),$(c 3 '行政单位离退休' 1 1),$(c 4 '1.00' 1 1),$(c 5 '1.00' 1 1)")" \
        "$(r 7 "$(c 2 '05' 1 1),$(c 3 '机关事业单位基本养老保险缴费支出' 1 1),$(c 4 '2.00' 1 1),$(c 5 '2.00' 1 1)")" \
        "$(r 8 "$(c 0 '210' 1 1),$(c 3 '卫生健康支出' 1 1),$(c 4 '2.00' 1 1),$(c 5 '2.00' 1 1)")" \
        "$(r 9 "$(c 1 '11' 1 1),$(c 2 '01' 1 1),$(c 3 '行政单位医疗' 1 1),$(c 4 '2.00' 1 1),$(c 5 '2.00' 1 1)")")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\" and .column==\"小计\") | [.code // \"-\", .item, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' '- 合计 5.00' '208 社会保障和就业支出 3.00' '20805 行政事业单位养老支出 3.00' \
        '2080501 行政单位离退休 1.00' '2080505 机关事业单位基本养老保险缴费支出 2.00' '210 卫生健康支出 2.00' \
        '2101101 行政单位医疗 2.00')"
}

@test "tabulate: an empty table's statement printed as a row under its header is its sentence, not a data row" {
    doc=$(make_doc d \
        "$(r 0 "$(c 0 '2024年度国有资本经营预算财政拨款支出决算表' 5 1)")" \
        "$(r 1 "$(c 0 '科目编码' 1 2),$(c 1 '科目名称' 1 2),$(c 2 '本年支出' 3 1)")" \
        "$(r 2 "$(c 2 '合计' 1 1),$(c 3 '基本支出' 1 1),$(c 4 '项目支出' 1 1)")" \
        "$(r 3 "$(c 0 '栏次' 2 1),$(c 2 '1' 1 1),$(c 3 '2' 1 1),$(c 4 '3' 1 1)")" \
        "$(r 4 "$(c 0 '本单位2024年度无国有资本经营预算财政拨款支出，故本表为空表。' 5 1)")")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -c 'select(.kind==\"table\" or .kind==\"empty_table\") | [.kind, .table_id, .sentence, .locator.row]'"
    assert_output '["empty_table","FA08","本单位2024年度无国有资本经营预算财政拨款支出，故本表为空表。",4]'
}

@test "tabulate: a one-row header naming each side in its stub (收入项目 | 金额 | 支出项目 | 合计 …) gives two sides" {
    doc=$(make_doc d "$(para '表4　2024年度财政拨款收入支出决算总表')" "$(para '编制单位：某局　　单位：万元')" \
        "$(row 0 0 '收入项目' '金额' '支出项目' '合计' '一般公共预算财政拨款')" \
        "$(row 0 1 '一、一般公共预算财政拨款' '5.00' '一、一般公共服务支出' '0.00' '0.00')" \
        "$(row 0 2 '' '' '九、卫生健康支出' '4.00' '4.00')" \
        "$(row 0 3 '总计' '5.00' '总计' '5.00' '5.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.table_id, .side, .item, .header_path, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' \
        'FA04 收入 一般公共预算财政拨款 收入/金额 5.00' \
        'FA04 支出 一般公共服务支出 支出/合计 0.00' 'FA04 支出 一般公共服务支出 支出/一般公共预算财政拨款 0.00' \
        'FA04 支出 卫生健康支出 支出/合计 4.00' 'FA04 支出 卫生健康支出 支出/一般公共预算财政拨款 4.00' \
        'FA04 收入 总计 收入/金额 5.00' 'FA04 支出 总计 支出/合计 5.00' 'FA04 支出 总计 支出/一般公共预算财政拨款 5.00')"
}

@test "tabulate: a row as long as its header is read by position: a label further right than the stubs does not move its figures left" {
    # the second side's stub heading is not one tabulate knows, so the table is one block
    doc=$(make_doc d "$(para '2024年度收入支出决算总表')" \
        "$(row 0 0 '项目' '金额' '开支方向' '决算数')" \
        "$(row 0 1 '一、一般公共预算财政拨款收入' '5.00' '一、一般公共服务支出' '1.00')" \
        "$(row 0 2 '' '' '九、卫生健康支出' '4.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\" and .value != null) | [.item, .header_path, .value, .locator.col] | join(\" \")'"
    assert_output "$(printf '%s\n' '一般公共预算财政拨款收入 金额 5.00 1' '一般公共预算财政拨款收入 决算数 1.00 3' '卫生健康支出 决算数 4.00 3')"
}

@test "tabulate: a group label written only over the first of its columns (a merged cell in a text conversion) covers the columns labelled under it" {
    doc=$(make_doc d "$(para '2024年度政府性基金预算财政拨款收入支出决算表')" \
        "$(row 0 0 '科目编码' '科目名称' '年初结转和结余' '本年收入' '本年支出' '' '' '年末结转和结余')" \
        "$(row 0 1 '' '' '' '' '小计' '基本支出' '项目支出' '')" \
        "$(row 0 2 '' '合计' '1.00' '2.00' '3.00' '1.00' '2.00' '0.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.header_path, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' '年初结转和结余 1.00' '本年收入 2.00' '本年支出/小计 3.00' '本年支出/基本支出 1.00' \
        '本年支出/项目支出 2.00' '年末结转和结余 0.00')"
}

@test "tabulate: a header label cut by a wrapped cell (its start or end, three characters or more) is completed from the standard layout by 栏次" {
    doc=$(make_doc d "$(para '2024年度国有资本经营预算财政拨款支出决算表')" \
        "$(row 0 0 '科目编码' '科目名称' '合计' '基本' '目支出')" \
        "$(row 0 1 '栏次' '' '1' '2' '3')" \
        "$(row 0 2 '' '合计' '3.00' '1.00' '2.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.header_path, .value] | join(\" \")'"
    assert_output "$(printf '%s\n' '本年支出/合计 3.00' '基本 1.00' '本年支出/项目支出 2.00')"
}

@test "tabulate: without a 栏次 row, header labels run together are matched to the standard layout place by place, only with as many columns as the layout" {
    # FA05 as Calc's PDF prints it: the group 本年支出 run into 基本支出
    doc=$(make_doc d "$(para '2023年度一般公共预算财政拨款支出决算表')" \
        "$(row 0 0 '科目编码' '科目名称' '合计' '本年支出基本支出' '项目支出')" \
        "$(row 0 1 '' '合计' '3.00' '1.00' '2.00')" \
        "$(para '2023年度国有资本经营预算财政拨款支出决算表')" \
        "$(row 1 0 '科目编码' '科目名称' '合计' '本年支出基本支出' '项目支出' '其他')" \
        "$(row 1 1 '' '合计' '3.00' '1.00' '2.00' '0.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.table_id, .column, .header_path, .value, .locator.col_no // \"-\"] | join(\" \")'"
    assert_output "$(printf '%s\n' \
        'FA05 合计 合计 3.00 -' 'FA05 基本支出 本年支出/基本支出 1.00 -' 'FA05 项目支出 本年支出/项目支出 2.00 -' \
        'FA08 合计 合计 3.00 -' 'FA08 本年支出基本支出 本年支出基本支出 1.00 -' 'FA08 项目支出 项目支出 2.00 -' 'FA08 其他 其他 0.00 -')"
}

@test "tabulate: a two-sided table naming one side in its stub (收入项目 | 决算数 | 项目 | 合计): the other block is the other side" {
    doc=$(make_doc d "$(para '2023年度财政拨款收支决算总表')" \
        "$(row 0 0 '收入项目' '决算数' '项目' '合计')" \
        "$(row 0 1 '一、一般公共预算财政拨款' '5.00' '九、卫生健康支出' '5.00')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\") | [.side, .item, .header_path] | join(\" \")'"
    assert_output "$(printf '%s\n' '收入 一般公共预算财政拨款 收入/决算数' '支出 卫生健康支出 支出/合计')"
}

@test "tabulate: a table without row labels printed as its header alone (三公 in a PDF) has its one row of nils; a table with row labels printed so has none" {
    g='公务用车购置及运行维护费公务用车购 公务用车运置费 行维护费'   # one cell over 栏次 4-5 (10-11), both labels run together
    doc=$(make_doc d "$(para '2023年度财政拨款“三公”经费支出决算表')" \
        "$(row 0 0 '合计' '因公出国（境）费' '小计' "$g" "$g" '公务接待费' '合计' '因公出国（境）费' '小计' "$g" "$g" '公务接待费')" \
        "$(row 0 1 1 2 3 4 5 6 7 8 9 10 11 12)" \
        "$(para '注：本部门2023年度无财政拨款“三公”经费支出，故本表为空表。')" \
        "$(para '2023年度国有资本经营预算财政拨款支出决算表')" \
        "$(row 1 0 '科目编码' '科目名称' '合计' '基本支出' '项目支出')" \
        "$(para '本部门无国有资本经营预算财政拨款支出，故本表为空表。')")
    run bash -c "printf '%s\n' '$doc' | tabulate | jq -r 'select(.kind==\"table\" or .kind==\"empty_table\") | [.kind, .table_id, .column // \"-\", .value // \"-\", .locator.row // \"-\", .locator.col // \"-\"] | join(\" \")'"
    assert_output "$(printf '%s\n' 'table FA09 合计 - - -' 'table FA09 因公出国（境）费 - - -' 'table FA09 小计 - - -' \
        'table FA09 公务用车购置费 - - -' 'table FA09 公务用车运行维护费 - - -' 'table FA09 公务接待费 - - -' \
        'table FA09 合计 - - -' 'table FA09 因公出国（境）费 - - -' 'table FA09 小计 - - -' \
        'table FA09 公务用车购置费 - - -' 'table FA09 公务用车运行维护费 - - -' 'table FA09 公务接待费 - - -' \
        'empty_table FA09 - - - -' 'empty_table FA08 - - - -')"
}

@test "tabulate: PDFs of eight templates (LibreOffice from HTML, Calc, Writer, Writer/Web with merged 类 cells, left-set text, wrapped narrow heads) come out with every figure in its row and column" {
    # each corpus's key is written from the data the PDF was rendered from;
    # bench/accuracy.sh scores tabulate's facts against it
    run env YJS_BIN_DIR="$BIN" YJS_ACCURACY_DIR="$BATS_TEST_TMPDIR/acc" bash "$ROOT/bench/accuracy.sh" \
        "$ROOT/data/holdout4/liuxi-nongye-2023.pdf" "$ROOT/data/holdout3/xingang-gongan-2024.pdf" \
        "$ROOT/data/holdout5/qinghe-weijian-2023.pdf" "$ROOT/data/holdout5/luming-jiaoyu-2024.pdf" \
        "$ROOT/data/holdout5/hechuan-shengtai-2024.pdf" "$ROOT/data/holdout8/weitang-renshe-2024.pdf" \
        "$ROOT/data/holdout10/zhuqiao-jiedao-2024.pdf" "$ROOT/data/holdout10/heyu-yingji-2024.pdf"
    assert_success
    # per folder: key right missing misplaced wrong …
    run awk '$1 == "TOTAL" { print $3 == $2 && $5 == 0 ? "all" : $0 }' <<< "$output"
    assert_output "$(printf 'all\nall\nall\nall\nall')"
}
