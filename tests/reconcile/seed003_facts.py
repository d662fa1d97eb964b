#!/usr/bin/env python3
"""Hand transcription of seed 003's nine 决算 tables and the figures of its
narrative into fact/formula records (docs/facts.md), so reconcile can be
tested on a real report independently of tabulate. Usage:
    seed003_facts.py SEED_003.txt > seed003.facts.jsonl
Only what docs/facts.md specifies is written; the layout knowledge below is
specific to this one report (公开01–09表 of the 2023 湖北 template)."""
import hashlib, json, re, sys

DOC = "seed003"
SRC = "003_5f83a665e745ca08.txt"
ENTITY = "武汉市蔡甸区医疗保障局（本级）"
COMMON = {"doc": DOC, "source": SRC, "entity": ENTITY, "year": "2023", "stage": "决算"}

def rows_of(lines):
    """Rows of the DOCX text: cells start with a TAB, a blank line ends a row,
    a line without TAB continues the previous cell."""
    rows, row = [], []
    for ln in lines:
        if ln.startswith("\t"):
            row.append(ln[1:])
        elif ln.strip() == "":
            if row:
                rows.append(row)
            row = []
        elif row:
            row[-1] += ln
        else:
            rows.append([None, ln])   # a paragraph
    if row:
        rows.append(row)
    return rows

TABLES = {
    "表一": ("FA01", "收入支出决算总表", "公开01表"),
    "表2": ("FA02", "收入决算表", "公开02表"),
    "表3": ("FA03", "支出决算表", "公开03表"),
    "表4": ("FA04", "财政拨款收入支出决算总表", "公开04表"),
    "表5": ("FA05", "一般公共预算财政拨款支出决算表", "公开05表"),
    "表6": ("FA06", "一般公共预算财政拨款基本支出决算表", "公开06表"),
    "表7": ("FA07", "政府性基金预算财政拨款收入支出决算表", "公开07表"),
    "表8": ("FA08", "国有资本经营预算财政拨款支出决算表", "公开08表"),
    "表9": ("FA09", "财政拨款“三公”经费支出决算表", "公开09表"),
}
COLS = {
    "FA02": ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"],
    "FA03": ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"],
    "FA05": ["小计", "基本支出", "项目支出"],
    "FA07": ["年初结转和结余", "本年收入", "小计", "基本支出", "项目支出", "年末结转和结余"],
    "FA08": ["合计", "基本支出", "项目支出"],
}
FA04_COLS = ["合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]

out = []

def value(cell):
    s = (cell or "").strip()
    return None if s in ("", "-", "—", "－") else s.replace(",", "")

def fact(tid, name, form, t, r, c, item, code, column, hp, v, line_no=None, col_no=None, side=None):
    loc = {"table": t, "row": r, "col": c}
    if line_no: loc["line_no"] = line_no
    if col_no: loc["col_no"] = col_no
    loc["part"] = 0
    f = {"type": "fact", **COMMON, "kind": "table", "table": name, "table_id": tid, "form": form,
         "item": item, "code": code, "side": side, "column": column, "header_path": hp,
         "value": value(v), "raw": (v or "").strip(), "unit": "万元", "locator": loc}
    out.append(f)

def clean(s):
    s = re.sub(r"\[bookmark: [^\]]*\]", "", s or "").strip()
    return re.sub(r"^[一二三四五六七八九十]+、", "", s)

def main():
    text = open(sys.argv[1], encoding="utf-8").read().split("\n")
    rows = rows_of(text)
    t = -1
    cur = None
    rowno = 0
    formulas = []
    for row in rows:
        if row[0] is None:
            continue
        joined = "".join(row)
        m = re.search(r"（(表一|表\d)）", joined)
        if m and len(row) == 1:
            t += 1
            cur = TABLES[m.group(1)]
            rowno = 0
            continue
        if cur is None:
            continue
        rowno += 1
        tid, name, form = cur
        if re.search(r"\d+(行|栏)(各行)?[＝=]", joined):
            for piece in re.split(r"[；;]", joined):
                piece = piece.strip().rstrip("。").strip()
                if re.search(r"\d+(行|栏)(各行)?[＝=]", piece):
                    formulas.append({"type": "formula", "doc": DOC, "table": name, "table_id": tid, "form": form,
                                     "locator": {"table": t, "part": 0, "row": rowno}, "text": piece})
            continue
        cells = row
        if tid == "FA01" and len(cells) == 6 and re.fullmatch(r"\d+", cells[1].strip() or "x"):
            for side, (lab, ln, v), col in (("收入", cells[0:3], "1"), ("支出", cells[3:6], "2")):
                if not clean(lab) and not value(v):
                    continue
                fact(tid, name, form, t, rowno, 2 if side == "收入" else 5, clean(lab), None, "金额",
                     side + "/金额", v, line_no=ln.strip(), col_no=col, side=side)
        elif tid == "FA04" and len(cells) == 9 and re.fullmatch(r"\d+", cells[1].strip() or "x"):
            lab, ln, v = cells[0:3]
            if clean(lab) or value(v):
                fact(tid, name, form, t, rowno, 2, clean(lab), None, "决算数", "收入/决算数", v,
                     line_no=ln.strip(), col_no="1", side="收入")
            lab, ln = cells[3], cells[4]
            if clean(lab) or any(value(x) for x in cells[5:9]):
                for k, v in enumerate(cells[5:9]):
                    fact(tid, name, form, t, rowno, 5 + k, clean(lab), None, FA04_COLS[k],
                         "支出/决算数/" + FA04_COLS[k], v, line_no=ln.strip(), col_no=str(k + 2), side="支出")
        elif tid in COLS:
            names = COLS[tid]
            k = len(names)
            if len(cells) == 3 + 1 + k and cells[3].strip() == "合计":
                code, item, vals = None, "合计", cells[4:]
            elif re.fullmatch(r"\d{3}|\d{5}|\d{7}", cells[0].strip()) and len(cells) == 2 + k:
                code, item, vals = cells[0].strip(), cells[1].strip(), cells[2:]
            else:
                continue
            for i, v in enumerate(vals):
                fact(tid, name, form, t, rowno, len(cells) - k + i, item, code, names[i], "本年/" + names[i], v,
                     col_no=str(i + 1))
        elif tid == "FA06":
            if len(cells) == 9 and re.fullmatch(r"\d{3,5}", cells[0].strip() or cells[3].strip() or "x"):
                for g in range(3):
                    code, item, v = cells[3 * g:3 * g + 3]
                    if code.strip():
                        fact(tid, name, form, t, rowno, 3 * g + 2, item.strip(), code.strip(), "决算数",
                             ("人员经费" if g == 0 else "公用经费") + "/决算数", v,
                             side="人员经费" if g == 0 else "公用经费")
            elif len(cells) == 4 and cells[0].strip() == "人员经费合计":
                fact(tid, name, form, t, rowno, 1, "人员经费合计", None, "决算数", "人员经费/决算数", cells[1], side="人员经费")
                fact(tid, name, form, t, rowno, 3, "公用经费合计", None, "决算数", "公用经费/决算数", cells[3], side="公用经费")
    return formulas

# (paragraph, measure, subject, value, unit, extra) of the narrative, as
# docs/facts.md describes them; sentence and heading filled below.
NARR = [
    (60, "一、收入支出决算总体情况说明", "2023年度收、支总计442.86万元。与2022年度相比，收、支总计各减少2747.51万元，减少86.12%", [
        ("amount", "收、支总计", "442.86", "万元", {}),
        ("change", "收、支总计", "2747.51", "万元", {"direction": "decrease", "base_year": "2022", "base": "上年"}),
        ("rate", "收、支总计", "86.12", "%", {"direction": "decrease", "base_year": "2022", "base": "上年"})]),
    (63, "二、收入决算情况说明", "2023年度收入合计442.86万元。其中：财政拨款收入 442.86万元，占本年收入100.00%", [
        ("amount", "收入合计", "442.86", "万元", {}),
        ("amount", "财政拨款收入", "442.86", "万元", {}),
        ("share", "财政拨款收入", "100.00", "%", {"base": "本年收入"})]),
    (66, "三、支出决算情况说明", "2023年度支出合计442.86万元。其中：基本支出243.12万元，占本年支出54.9%；项目支出199.74万元，占本年支出45.1%", [
        ("amount", "支出合计", "442.86", "万元", {}),
        ("amount", "基本支出", "243.12", "万元", {}),
        ("share", "基本支出", "54.9", "%", {"base": "本年支出"}),
        ("amount", "项目支出", "199.74", "万元", {}),
        ("share", "项目支出", "45.1", "%", {"base": "本年支出"})]),
    (70, "四、财政拨款收入支出决算总体情况说明", "2023年度财政拨款收、支总计442.86万元。与2022年度相比，财政拨款收、支各减少2673.6万元，减少85.79%", [
        ("amount", "财政拨款收、支总计", "442.86", "万元", {}),
        ("change", "财政拨款收、支", "2673.6", "万元", {"direction": "decrease", "base_year": "2022", "base": "上年"}),
        ("rate", "财政拨款收、支", "85.79", "%", {"direction": "decrease", "base_year": "2022", "base": "上年"})]),
    (71, "四、财政拨款收入支出决算总体情况说明", "2023年度财政拨款收入中，一般公共预算财政拨款收入442.86万元，比2022年度决算数增减少2673.61万元", [
        ("amount", "一般公共预算财政拨款收入", "442.86", "万元", {}),
        ("change", "一般公共预算财政拨款收入", "2673.61", "万元", {"direction": "unknown", "base_year": "2022", "base": "上年决算"})]),
    (74, "（一）一般公共预算财政拨款支出决算总体情况", "2023年度一般公共预算财政拨款支出442.86万元，占本年支出合计的100%。与2022年度相比，一般公共预算财政拨款支出减少2673.61万元，减少85.79%", [
        ("amount", "一般公共预算财政拨款支出", "442.86", "万元", {}),
        ("share", "一般公共预算财政拨款支出", "100", "%", {"base": "本年支出合计"}),
        ("change", "一般公共预算财政拨款支出", "2673.61", "万元", {"direction": "decrease", "base_year": "2022", "base": "上年"}),
        ("rate", "一般公共预算财政拨款支出", "85.79", "%", {"direction": "decrease", "base_year": "2022", "base": "上年"})]),
    (77, "（二）一般公共预算财政拨款支出决算结构情况", "1.社会保障和就业（类）支出22.28万元，占5%", [
        ("amount", "社会保障和就业（类）支出", "22.28", "万元", {"code": "208"}),
        ("share", "社会保障和就业（类）支出", "5", "%", {"code": "208"})]),
    (78, "（二）一般公共预算财政拨款支出决算结构情况", "2. 卫生健康（类）支出398.40万元，占90%", [
        ("amount", "卫生健康（类）支出", "398.40", "万元", {"code": "210"}),
        ("share", "卫生健康（类）支出", "90", "%", {"code": "210"})]),
    (79, "（二）一般公共预算财政拨款支出决算结构情况", "3.住房保障（类）支出22.18万元，占5%", [
        ("amount", "住房保障（类）支出", "22.18", "万元", {"code": "221"}),
        ("share", "住房保障（类）支出", "5", "%", {"code": "221"})]),
    (81, "（三）一般公共预算财政拨款支出决算具体情况", "2023年度一般公共预算财政拨款支出年初预算为401.75万元，支出决算为401.75万元，完成年初预算的110.23%", [
        ("amount", "一般公共预算财政拨款支出", "401.75", "万元", {"basis": "年初预算"}),
        ("amount", "一般公共预算财政拨款支出", "401.75", "万元", {"basis": "支出决算"}),
        ("execution_rate", "一般公共预算财政拨款支出", "110.23", "%", {"base": "年初预算"})]),
    (81, "（三）一般公共预算财政拨款支出决算具体情况", "其中：基本支出243.12万元，项目支出199.74万元", [
        ("amount", "基本支出", "243.12", "万元", {}),
        ("amount", "项目支出", "199.74", "万元", {})]),
    (82, "（三）一般公共预算财政拨款支出决算具体情况", "1. 一般公共服务支出（类）政府办公厅（室）及相关机构事务（款） 一般行政管理事务（项）。年初预算为0  万元，支出决算为0万元，完成年初预算的100%", [
        ("amount", "一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）", "0", "万元", {"basis": "年初预算", "code": "2010302"}),
        ("amount", "一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）", "0", "万元", {"basis": "支出决算", "code": "2010302"}),
        ("execution_rate", "一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）", "100", "%", {"base": "年初预算", "code": "2010302"})]),
    (83, "（三）一般公共预算财政拨款支出决算具体情况", "2. 社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。年初预算为12.12万元，支出决算为12.12万元，完成年初预算的100%", [
        ("amount", "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）", "12.12", "万元", {"basis": "年初预算", "code": "2080505"}),
        ("amount", "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）", "12.12", "万元", {"basis": "支出决算", "code": "2080505"}),
        ("execution_rate", "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）", "100", "%", {"base": "年初预算", "code": "2080505"})]),
    (84, "（三）一般公共预算财政拨款支出决算具体情况", "3. 卫生健康支出（类）行政事业单位医疗（款）行政单位医疗、公务员医疗补助（项）。年初预算为367.46万元，支出决算为398.40万元，完成年初预算的108.42%", [
        ("amount", "卫生健康支出（类）行政事业单位医疗（款）行政单位医疗、公务员医疗补助（项）", "367.46", "万元", {"basis": "年初预算", "code": "2101101+2101103"}),
        ("amount", "卫生健康支出（类）行政事业单位医疗（款）行政单位医疗、公务员医疗补助（项）", "398.40", "万元", {"basis": "支出决算", "code": "2101101+2101103"}),
        ("execution_rate", "卫生健康支出（类）行政事业单位医疗（款）行政单位医疗、公务员医疗补助（项）", "108.42", "%", {"base": "年初预算", "code": "2101101+2101103"})]),
    (85, "（三）一般公共预算财政拨款支出决算具体情况", "4. 住房保障支出（类）住房改革支出（款）住房公积金、提租补贴（项）。年初预算为22.17万元，支出决算为22.18万元，完成年初预算的100.04%", [
        ("amount", "住房保障支出（类）住房改革支出（款）住房公积金、提租补贴（项）", "22.17", "万元", {"basis": "年初预算", "code": "2210201+2210202"}),
        ("amount", "住房保障支出（类）住房改革支出（款）住房公积金、提租补贴（项）", "22.18", "万元", {"basis": "支出决算", "code": "2210201+2210202"}),
        ("execution_rate", "住房保障支出（类）住房改革支出（款）住房公积金、提租补贴（项）", "100.04", "%", {"base": "年初预算", "code": "2210201+2210202"})]),
    (87, "六、一般公共预算财政拨款基本支出决算情况说明", "2023年度一般公共预算财政拨款基本支出243.13万元，其中：", [
        ("amount", "一般公共预算财政拨款基本支出", "243.13", "万元", {})]),
    (88, "六、一般公共预算财政拨款基本支出决算情况说明", "人员经费235.26万元，主要包括：基本工资、津贴补贴、奖金、机关事业单位基本养老保险缴费、职工基本医疗保险缴费、公务员医疗补助缴费、住房公积金、其他工资福利支出。", [
        ("amount", "人员经费", "235.26", "万元", {})]),
    (89, "六、一般公共预算财政拨款基本支出决算情况说明", "公用经费7.87万元，主要包括：办公费、水费、电费、邮电费、劳务费、工会经费。", [
        ("amount", "公用经费", "7.87", "万元", {})]),
    (103, "十、机关运行经费支出情况", "2023年度武汉市蔡甸区医疗保障局（本级）机关运行经费支出7.87万元，比2022年度减少5.14万元，减少39.51%", [
        ("amount", "机关运行经费支出", "7.87", "万元", {}),
        ("change", "机关运行经费支出", "5.14", "万元", {"direction": "decrease", "base_year": "2022", "base": "上年"}),
        ("rate", "机关运行经费支出", "39.51", "%", {"direction": "decrease", "base_year": "2022", "base": "上年"})]),
    (105, "十一、政府采购支出情况", "2023年度武汉市蔡甸区医疗保障局（本级）政府采购支出总额117.1万元，其中：政府采购货物支出0万元、政府采购工程支出0万元、政府采购服务支出117.1万元。", [
        ("amount", "政府采购支出总额", "117.1", "万元", {}),
        ("amount", "政府采购货物支出", "0", "万元", {}),
        ("amount", "政府采购工程支出", "0", "万元", {}),
        ("amount", "政府采购服务支出", "117.1", "万元", {})]),
    (107, "十二、国有资产占用情况", "截至2023年12月31日，武汉市蔡甸区医疗保障局（本级）共有车辆0辆", [
        ("count", "车辆", "0", "辆", {})]),
    (110, "(一)预算绩效管理工作开展情况", "根据预算绩效管理要求，我部门（单位）组织对2023年度一般公共预算项目支出全面开展绩效自评，共涉及项目 3个，资金183.8万元，占一般公共预算项目支出总额的100%。", [
        ("count", "项目", "3", "个", {}),
        ("amount", "资金", "183.8", "万元", {}),
        ("share", "资金", "100", "%", {"base": "一般公共预算项目支出总额"})]),
]

EMPTY = [("FA07", "政府性基金预算财政拨款收入支出决算表", "公开07表", 6, 97, "本部门当年无政府性基金预算财政拨款收入支出"),
         ("FA08", "国有资本经营预算财政拨款支出决算表", "公开08表", 7, 99, "本部门当年无国有资本经营预算财政拨款支出。"),
         ("FA09", "财政拨款“三公”经费支出决算表", "公开09表", 8, 101, "本部门当年无三公”经费财政拨款支出")]

def narrative():
    res = []
    for para, heading, sentence, figs in NARR:
        for k, (measure, subject, v, unit, extra) in enumerate(figs):
            f = {"type": "fact", **COMMON, "kind": "narrative", "measure": measure, "subject": subject,
                 "basis": extra.get("basis"), "code": extra.get("code"), "value": v,
                 "direction": extra.get("direction"), "unit": unit, "base_year": extra.get("base_year"),
                 "base": extra.get("base"), "heading": heading, "section": heading, "sentence": sentence,
                 "locator": {"paragraph": para, "offset": sentence.find(v) if v in sentence else k}}
            res.append(f)
    return res

def document():
    raw = open(sys.argv[1], "rb").read()
    formulas = main()
    body = [{"type": "fact", **COMMON, "kind": "meta", "tables": 9, "paragraphs": 120}]
    body += out
    for tid, name, form, t, para, sent in EMPTY:
        body.append({"type": "fact", **COMMON, "kind": "empty_table", "table": name, "table_id": tid,
                     "form": form, "value": None, "sentence": sent, "locator": {"table": t, "paragraph": para}})
    body += formulas
    body += narrative()
    hdr = {"type": "document", "contract": "yujuesuan/1", "doc": DOC, "source": SRC, "format": "txt",
           "encoding": "utf-8", "bytes": len(raw), "sha256": hashlib.sha256(raw).hexdigest(),
           "entity": ENTITY, "year": "2023", "stage": "决算"}
    for r in [hdr] + body + [{"type": "end", "doc": DOC, "records": len(body)}]:
        print(json.dumps(r, ensure_ascii=False, separators=(",", ":")))

if __name__ == "__main__":
    document()
