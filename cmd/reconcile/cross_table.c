#include "cross_table.h"

#include "classes.h"

#include <stdio.h>
#include <string.h>

/* The figure at row and column of a standard table; column NULL takes the
 * row's first figure, row NULL the column's first (one-row tables). */
static const fact *cell(const checker *c, const char *tid, const char *row, const char *col)
{
    const char *tk = fi_std_table(c->fi, tid);
    if (!tk)
        return NULL;
    if (row && col)
        return fi_cell(c->fi, tk, row, col);
    idlist l = row ? fi_row(c->fi, tk, row) : fi_col(c->fi, tk, col);
    return l.n ? &c->fi->facts[l.ids[0]] : NULL;
}

static int both_tables(const checker *c, const char *a, const char *b)
{
    return fi_std_table(c->fi, a) && fi_std_table(c->fi, b);
}

/* A SAME check between two standard tables, skipped (not even not_run)
 * when the report has neither table. */
static void same(checker *c, const char *rule, const char *ta, const char *ra, const char *ca,
                 const char *tb, const char *rb, const char *cb, const char *identity)
{
    if (!fi_std_table(c->fi, ta) && !fi_std_table(c->fi, tb))
        return;
    chk_same(c, rule, cell(c, ta, ra, ca), cell(c, tb, rb, cb), identity);
}

/* The 类 row of 总表/表4 (printed by name only) whose name is the class of
 * code: old and variant names (社会保障与就业支出) match too. */
static const fact *named_by_code(const checker *c, const char *nk, const char *ncol, const char *code)
{
    idlist col = fi_col(c->fi, nk, ncol);
    for (size_t i = 0; i < col.n; i++) {
        const fact *f = &c->fi->facts[col.ids[i]];
        const char *k = class_code(f->label);
        if (k && strcmp(k, code) == 0)
            return f;
    }
    return NULL;
}

/* Rows of a functional-classification table matched by label in another
 * table: FA01/FA04 print 类 rows by name only, FA03/FA05 by code and name. */
static void class_rows(checker *c, const char *rule, const char *coded, const char *ccol,
                       const char *named, const char *ncol, int ge, const char *identity)
{
    const char *tk = fi_std_table(c->fi, coded), *nk = fi_std_table(c->fi, named);
    if (!tk || !nk)
        return;
    idlist col = fi_col(c->fi, tk, ccol);
    for (size_t i = 0; i < col.n; i++) {
        const fact *f = &c->fi->facts[col.ids[i]];
        if (!f->code || strlen(f->code) != 3 || !f->label[0])
            continue;
        char row[200];
        snprintf(row, sizeof row, "I%s", f->label);
        const fact *g = fi_cell(c->fi, nk, row, ncol);
        if (!g)
            g = named_by_code(c, nk, ncol, f->code);
        if (!g)
            continue;
        if (ge)
            chk_ge(c, rule, f, g, identity);
        else
            chk_same(c, rule, g, f, identity);
    }
}

/* The other way round: a 类 row of 总表 with a figure that the coded table
 * does not list at all (no row to compare with is itself a break). */
static void class_rows_missing(checker *c, const char *rule, const char *named, int from, int to, const char *ncol,
                               const char *coded, const char *identity)
{
    const char *nk = fi_std_table(c->fi, named), *tk = fi_std_table(c->fi, coded);
    if (!nk || !tk)
        return;
    for (int line = from; line <= to; line++) {
        char row[16];
        snprintf(row, sizeof row, "L%d", line);
        const fact *f = fi_cell(c->fi, nk, row, ncol);
        if (!f || !f->has_value || dec_is_zero(f->value) || !f->label[0])
            continue;
        char lab[200];
        snprintf(lab, sizeof lab, "I%s", f->label);
        idlist l = fi_row(c->fi, tk, lab);
        int listed = 0;
        for (size_t i = 0; i < l.n && !listed; i++)
            listed = c->fi->facts[l.ids[i]].code != NULL;
        const char *code = class_code(f->label);
        if (!listed && code) {
            char ck[16];
            snprintf(ck, sizeof ck, "C%s", code);
            listed = fi_row(c->fi, tk, ck).n > 0;
        }
        if (listed)
            continue;
        char fl[300], msg[700];
        fact_label(f, fl, sizeof fl);
        snprintf(msg, sizeof msg, "%s %s 万元，但%s中没有「%s」这一类级科目", fl, rec_value_text(f),
                 strcmp(coded, "FA03") == 0 ? "支出决算表（公开03表）" : "一般公共预算财政拨款支出决算表（公开05表）", f->label);
        const fact *inv[1] = {f};
        decimal zero = dec_from_int(0, f->value.scale);
        chk_report(c, rule, V_ERROR, msg, &zero, &f->value, &f->value, identity, inv, 1);
    }
}

/* Rows of two coded tables matched by code: total ≥ its 财政拨款 part. */
/* The fact index's row key of a coded row ("C2101101") or of the 合计 row
 * ("I合计"), the rows two tables of codes share; 0 for any other row. */
static int code_row_key(const fact *f, char *row, size_t size)
{
    if (f->code)
        snprintf(row, size, "C%s", f->code);
    else if (strcmp(f->label, "合计") == 0)
        snprintf(row, size, "I合计");
    else
        return 0;
    return 1;
}

static void coded_ge(checker *c, const char *rule, const char *big, const char *bcol,
                     const char *part, const char *pcol, const char *identity)
{
    const char *bk = fi_std_table(c->fi, big), *pk = fi_std_table(c->fi, part);
    if (!bk || !pk)
        return;
    idlist col = fi_col(c->fi, pk, pcol);
    for (size_t i = 0; i < col.n; i++) {
        const fact *p = &c->fi->facts[col.ids[i]];
        char row[200];
        if (!code_row_key(p, row, sizeof row))
            continue;
        const fact *b = fi_cell(c->fi, bk, row, bcol);
        if (b)
            chk_ge(c, rule, b, p, identity);
    }
}

/* 1 when the report says the table is empty, or prints no figure in it. */
static int table_empty(const checker *c, const char *tid)
{
    idlist e = fi_kind(c->fi, "empty_table");
    for (size_t i = 0; i < e.n; i++) {
        const char *t = c->fi->facts[e.ids[i]].table_id;
        if (t && strcmp(t, tid) == 0)
            return 1;
    }
    const char *tk = fi_std_table(c->fi, tid);
    if (!tk)
        return 0;
    idlist all = fi_table(c->fi, tk);
    for (size_t i = 0; i < all.n; i++) {
        const fact *f = &c->fi->facts[all.ids[i]];
        if (f->has_value && !dec_is_zero(f->value))
            return 0;
    }
    return 1;
}

/* X14: a basic-expenditure economic item usually equals the functional 项
 * that pays it (e.g. 30108 养老保险缴费 ≈ 2080505); often not exactly, for
 * good reasons, so only a hint (info). */
static void soft_pairs(checker *c)
{
    static const struct { const char *econ; const char *fn[3]; } pairs[] = {
        {"30108", {"2080505", NULL}}, {"30109", {"2080506", NULL}}, {"30110", {"2101101", "2101102", NULL}},
        {"30111", {"2101103", NULL}}, {"30113", {"2210201", NULL}}};
    if (!both_tables(c, "FA06", "FA05"))
        return;
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
        char row[16];
        snprintf(row, sizeof row, "C%s", pairs[k].econ);
        const fact *e = cell(c, "FA06", row, NULL);
        if (!e || !e->has_value)
            continue;
        term t[2];
        int n = 0;
        for (int j = 0; pairs[k].fn[j]; j++) {
            snprintf(row, sizeof row, "C%s", pairs[k].fn[j]);
            const fact *f = cell(c, "FA05", row, "N2");
            if (f)
                t[n].f = f, t[n++].sign = 1;
        }
        if (!n)
            continue;
        char id[160];
        snprintf(id, sizeof id, "基本支出决算表 %s ≈ 一般公共预算财政拨款支出决算表 %s%s 基本支出", pairs[k].econ,
                 pairs[k].fn[0], pairs[k].fn[1] ? "+…" : "");
        verdict v = chk_sum(c, "x14", e, t, n, id);
        (void)v;
    }
}

static int zero_or_nil(const fact *f) { return !f || !f->has_value || dec_is_zero(f->value); }

/* X11: a unit whose only money is 一般公共预算财政拨款 (总表 rows 2–8, 28, 29
 * and 60 all empty) prints the same 支出决算表 and 表5, row by row. */
static void only_general_budget(checker *c)
{
    if (!both_tables(c, "FA01", "FA03") || !fi_std_table(c->fi, "FA05"))
        return;
    static const char *const rows[] = {"L2", "L3", "L4", "L5", "L6", "L7", "L8", "L28", "L29"};
    for (size_t k = 0; k < sizeof rows / sizeof rows[0]; k++)
        if (!zero_or_nil(cell(c, "FA01", rows[k], "N1")))
            return;
    if (!zero_or_nil(cell(c, "FA01", "L60", "N2")))
        return;
    const char *t3 = fi_std_table(c->fi, "FA03"), *t5 = fi_std_table(c->fi, "FA05");
    for (int col = 1; col <= 3; col++) {
        char ck[16];
        snprintf(ck, sizeof ck, "N%d", col);
        idlist l = fi_col(c->fi, t5, ck);
        for (size_t i = 0; i < l.n; i++) {
            const fact *f5 = &c->fi->facts[l.ids[i]];
            char row[200];
            if (!code_row_key(f5, row, sizeof row))
                continue;
            const fact *f3 = fi_cell(c->fi, t3, row, ck);
            if (f3)
                chk_same(c, "x11", f5, f3, "只有一般公共预算财政拨款时，一般公共预算财政拨款支出决算表 ＝ 支出决算表（逐行 1–3栏）");
        }
    }
}

void check_cross_tables(checker *c)
{
    /* X01–X03: 总表 against 收入决算表 and 支出决算表 */
    same(c, "x01", "FA01", "L27", "N1", "FA02", "I合计", "N1", "收入支出决算总表 27行 ＝ 收入决算表 合计 1栏");
    if (both_tables(c, "FA01", "FA02")) {
        term t[3] = {{cell(c, "FA01", "L1", "N1"), 1}, {cell(c, "FA01", "L2", "N1"), 1}, {cell(c, "FA01", "L3", "N1"), 1}};
        const fact *p = cell(c, "FA02", "I合计", "N2");
        if (p && (t[0].f || t[1].f || t[2].f))
            chk_sum(c, "x02", p, t, 3, "收入决算表 合计 2栏（财政拨款收入）＝ 收入支出决算总表 (1＋2＋3)行");
        else
            chk_not_run(c, "x02", "收入决算表 合计 2栏 ＝ 收入支出决算总表 (1＋2＋3)行");
        static const char *const pairs[][2] = {{"L4", "N3"}, {"L5", "N4"}, {"L6", "N5"}, {"L7", "N6"}, {"L8", "N7"}};
        for (int k = 0; k < 5; k++) {
            char id[120];
            snprintf(id, sizeof id, "收入支出决算总表 %s行 ＝ 收入决算表 合计 %s栏", pairs[k][0] + 1, pairs[k][1] + 1);
            const fact *a = cell(c, "FA01", pairs[k][0], "N1"), *b = cell(c, "FA02", "I合计", pairs[k][1]);
            if (a || b)
                chk_same(c, "x02", a, b, id);
        }
    }
    same(c, "x03", "FA01", "L58", "N2", "FA03", "I合计", "N1", "收入支出决算总表 58行 ＝ 支出决算表 合计 1栏");
    class_rows(c, "x04", "FA03", "N1", "FA01", "N2", 0, "收入支出决算总表 支出功能分类类级 ＝ 支出决算表 类级 1栏");
    class_rows_missing(c, "x04", "FA01", 32, 57, "N2", "FA03", "收入支出决算总表 支出功能分类类级 ＝ 支出决算表 类级 1栏");
    /* X05: 财政拨款 income in both 总表 */
    for (int k = 1; k <= 3; k++) {
        char row[16], id[120];
        snprintf(row, sizeof row, "L%d", k);
        snprintf(id, sizeof id, "财政拨款收入支出决算总表 %d行 ＝ 收入支出决算总表 %d行", k, k);
        if (both_tables(c, "FA01", "FA04"))
            chk_same(c, "x05", cell(c, "FA04", row, "N1"), cell(c, "FA01", row, "N1"), id);
    }
    /* X06: 表4 一般公共预算 column against 表5 */
    same(c, "x06", "FA04", "L59", "N3", "FA05", "I合计", "N1", "财政拨款收入支出决算总表 59行3栏 ＝ 一般公共预算财政拨款支出决算表 合计 1栏");
    class_rows(c, "x06", "FA05", "N1", "FA04", "N3", 0, "财政拨款收入支出决算总表 类级 3栏 ＝ 一般公共预算财政拨款支出决算表 类级 1栏");
    class_rows_missing(c, "x06", "FA04", 33, 58, "N3", "FA05", "财政拨款收入支出决算总表 类级 3栏 ＝ 一般公共预算财政拨款支出决算表 类级 1栏");
    /* X07: 表5 基本支出 = 表6 人员经费 + 公用经费 */
    if (both_tables(c, "FA05", "FA06")) {
        term t[2] = {{cell(c, "FA06", "I人员经费合计", NULL), 1}, {cell(c, "FA06", "I公用经费合计", NULL), 1}};
        const fact *p = cell(c, "FA05", "I合计", "N2");
        if (p && t[0].f && t[1].f)
            chk_sum(c, "x07", p, t, 2, "一般公共预算财政拨款支出决算表 合计 2栏（基本支出）＝ 基本支出决算表 人员经费合计 ＋ 公用经费合计");
        else
            chk_not_run(c, "x07", "表5 基本支出 ＝ 表6 人员经费合计 ＋ 公用经费合计");
    }
    /* X08, X09: the other two budgets */
    same(c, "x08", "FA04", "L59", "N4", "FA07", "I合计", "N3", "财政拨款收入支出决算总表 59行4栏 ＝ 政府性基金预算财政拨款收入支出决算表 合计 3栏");
    same(c, "x08", "FA04", "L2", "N1", "FA07", "I合计", "N2", "财政拨款收入支出决算总表 2行 ＝ 政府性基金预算财政拨款收入支出决算表 合计 2栏");
    same(c, "x08", "FA04", "L30", "N1", "FA07", "I合计", "N1", "财政拨款收入支出决算总表 30行 ＝ 政府性基金预算财政拨款收入支出决算表 合计 1栏");
    same(c, "x09", "FA04", "L59", "N5", "FA08", "I合计", "N1", "财政拨款收入支出决算总表 59行5栏 ＝ 国有资本经营预算财政拨款支出决算表 合计 1栏");
    /* X10: a total over every source is at least its 财政拨款 part */
    class_rows(c, "x10", "FA03", "N1", "FA04", "N2", 1, "支出决算表 类级 1栏 ≥ 财政拨款收入支出决算总表 类级 2栏");
    coded_ge(c, "x10", "FA03", "N2", "FA05", "N2", "支出决算表 基本支出 ≥ 一般公共预算财政拨款支出决算表 基本支出");
    coded_ge(c, "x10", "FA03", "N3", "FA05", "N3", "支出决算表 项目支出 ≥ 一般公共预算财政拨款支出决算表 项目支出");
    /* X12: what is not 财政拨款 flows the same way on both sides:
     * 27 = 表4 27 − 29 + 表4 28 − 28 + 58 − 表4 59(2栏) + 60 − 表4 60 + 59 */
    if (both_tables(c, "FA01", "FA04")) {
        term t[9] = {{cell(c, "FA04", "L27", "N1"), 1}, {cell(c, "FA01", "L29", "N1"), -1},
                     {cell(c, "FA04", "L28", "N1"), 1}, {cell(c, "FA01", "L28", "N1"), -1},
                     {cell(c, "FA01", "L58", "N2"), 1}, {cell(c, "FA04", "L59", "N2"), -1},
                     {cell(c, "FA01", "L60", "N2"), 1}, {cell(c, "FA04", "L60", "N2"), -1},
                     {cell(c, "FA01", "L59", "N2"), 1}};
        const fact *p = cell(c, "FA01", "L27", "N1");
        if (p && t[0].f && t[4].f && t[5].f)
            chk_sum(c, "x12", p, t, 9, "总表 27行 ＝ 表4 27行 − 总表 29行 ＋ 表4 28行 − 总表 28行 ＋ 总表 58行 − 表4 59行2栏 ＋ 总表 60行 − 表4 60行 ＋ 总表 59行");
        else
            chk_not_run(c, "x12", "非财政拨款收支平衡");
    }
    only_general_budget(c);
    soft_pairs(c);
    /* X16: an empty 三公 table, yet 三公 spending in 基本支出 */
    if (fi_std_table(c->fi, "FA06") && (fi_std_table(c->fi, "FA09") || table_empty(c, "FA09")) && table_empty(c, "FA09")) {
        static const char *const codes[] = {"C30212", "C30217", "C30231", "C31013"};
        for (int k = 0; k < 4; k++) {
            const fact *f = cell(c, "FA06", codes[k], NULL);
            char id[120], msg[400], lab[300];
            snprintf(id, sizeof id, "“三公”经费表为空 ⇒ 基本支出决算表 %s ＝ 0", codes[k] + 1);
            if (!f || !f->has_value) {
                continue;
            }
            fact_label(f, lab, sizeof lab);
            verdict v = dec_is_zero(f->value) ? V_PASS : V_WARN;
            snprintf(msg, sizeof msg, "“三公”经费支出决算表为空（或说明无“三公”经费），但 %s 为 %s 万元", lab,
                     rec_value_text(f));
            const fact *inv[1] = {f};
            decimal zero = dec_from_int(0, 2);
            chk_report(c, "x16", v, msg, &zero, &f->value, &f->value, id, inv, 1);
        }
    }
    /* X13: the 三公 table covers at least the 三公 lines of 基本支出 */
    if (both_tables(c, "FA09", "FA06")) {
        static const char *const pairs[][3] = {{"N8", "C30212", "因公出国（境）费"}, {"N10", "C31013", "公务用车购置费"},
                                               {"N11", "C30231", "公务用车运行维护费"}, {"N12", "C30217", "公务接待费"}};
        for (int k = 0; k < 4; k++) {
            char id[160];
            snprintf(id, sizeof id, "“三公”经费表 %s栏 决算%s ≥ 基本支出决算表 %s", pairs[k][0] + 1, pairs[k][2], pairs[k][1] + 1);
            const fact *a = cell(c, "FA09", NULL, pairs[k][0]), *b = cell(c, "FA06", pairs[k][1], NULL);
            if (a && b)
                chk_ge(c, "x13", a, b, id);
        }
    }
}
