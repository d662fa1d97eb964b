#include "narrative.h"

#include "label.h"
#include "strmap.h"
#include "subject.h"

#include <stdio.h>
#include <string.h>

/* The narrative facts in document order, and helpers to look around one. */
typedef struct {
    checker *c;
    idlist nl;
} narr;

static const fact *nf(const narr *n, size_t i) { return &n->c->fi->facts[n->nl.ids[i]]; }

static int is(const fact *f, const char *measure) { return f->measure && strcmp(f->measure, measure) == 0; }

static int same_subject(const fact *a, const fact *b)
{
    char x[400], y[400];
    subject_norm(a->subject ? a->subject : "", x, sizeof x);
    subject_norm(b->subject ? b->subject : "", y, sizeof y);
    return strcmp(x, y) == 0;
}

/* The same sentence; a PDF line break may have split it over two
 * paragraph records, so neighbouring paragraphs count too. */
static int same_sentence(const fact *a, const fact *b)
{
    long d = a->paragraph - b->paragraph;
    return d >= -1 && d <= 1 && a->sentence && b->sentence && strcmp(a->sentence, b->sentence) == 0;
}

/* The nearest fact of a measure before i in the same paragraph, preferring
 * one about the same subject. */
static const fact *before(const narr *n, size_t i, const char *measure, int same_sentence_only)
{
    const fact *me = nf(n, i), *any = NULL;
    for (size_t k = i; k-- > 0;) {
        const fact *f = nf(n, k);
        if (f->paragraph != me->paragraph && !same_sentence(f, me))
            break;
        if (!is(f, measure) || !f->has_value || (same_sentence_only && !same_sentence(f, me)))
            continue;
        if (same_subject(f, me))
            return f;
        if (!any)
            any = f;
    }
    return any;
}

static void fmtd(decimal d, char *out, size_t size)
{
    if (dec_format(d, out, size) < 0)
        snprintf(out, size, "?");
}

static void subject_text(const fact *f, char *out, size_t size)
{
    snprintf(out, size, "情况说明「%s」", f->subject ? f->subject : "");
}

/* ---- amounts restated from the tables ---- */

/* Σ of the table figures of the codes "2101101+2101103" in 表5 1栏 (or
 * 表3 when 表5 is absent). n is set to how many were found. */
static int class_sum(const checker *c, const char *codes, term *t, int max, const char **tid)
{
    char buf[200];
    str_copy(buf, sizeof buf, codes);
    int n = 0;
    *tid = std_cell(c, "FA05", "I合计", "N1") ? "FA05" : "FA03";
    for (char *p = strtok(buf, "+"); p && n < max; p = strtok(NULL, "+")) {
        char row[40];
        snprintf(row, sizeof row, "C%s", p);
        const fact *f = std_cell(c, *tid, row, "N1");
        if (f) {
            t[n].f = f;
            t[n++].sign = 1;
        }
    }
    return n;
}

static void check_class_statement(checker *c, const fact *n)
{
    const char *rule = strlen(n->codes) == 3 ? "n08" : "n09";
    if (basis_is_budget(n))
        return;   /* the budget figure is printed only in the text */
    term t[16];
    const char *tid;
    int k = class_sum(c, n->codes, t, 16, &tid);
    char id[300], st[400];
    snprintf(id, sizeof id, "情况说明 %s 支出决算 ＝ %s %s 1栏", n->codes, tid[3] == '5' ? "表5" : "表3", n->codes);
    subject_text(n, st, sizeof st);
    if (!std_cell(c, tid, "I合计", "N1")) {
        chk_not_run(c, rule, id);
        return;
    }
    if (k == 0) {
        /* the table has no such row: fine when the text says 0 */
        if (dec_is_zero(n->value))
            return;
        char msg[600];
        snprintf(msg, sizeof msg, "%s %s 万元，但支出决算表中没有科目 %s", st, rec_value_text(n), n->codes);
        const fact *inv[1] = {n};
        chk_report(c, rule, V_WARN, msg, NULL, &n->value, NULL, id, inv, 1);
        return;
    }
    decimal sum = dec_from_int(0, 2), diff;
    decimal ops[17];
    ops[0] = n->value;
    for (int i = 0; i < k; i++) {
        decimal v = t[i].f->has_value ? t[i].f->value : dec_from_int(0, 2);
        ops[i + 1] = v;
        dec_add(sum, v, &sum);
    }
    verdict v = tol_sum(n->value, sum, k, tol_min_scale(ops, k + 1), &diff);
    const fact *inv[17];
    inv[0] = n;
    for (int i = 0; i < k; i++)
        inv[i + 1] = t[i].f;
    char e[40], a[40], d[40], msg[900];
    fmtd(sum, e, sizeof e);
    fmtd(n->printed, a, sizeof a);
    fmtd(diff, d, sizeof d);
    if (v == V_ERROR && strlen(n->codes) > 3) {
        /* a 项 statement that quotes the 款 or 类 total instead */
        for (size_t lvl = 5; lvl >= 3; lvl -= 2) {
            char row[16];
            snprintf(row, sizeof row, "C%.*s", (int)lvl, n->codes);
            const fact *up = std_cell(c, tid, row, "N1");
            decimal dd;
            if (up && up->has_value && tol_same(n->value, up->value, &dd) == V_PASS) {
                snprintf(msg, sizeof msg, "%s 支出决算 %s 万元，是%s级科目 %s %s 的合计；所列项级科目之和应为 %s 万元，相差 %s 万元",
                         st, a, lvl == 3 ? "类" : "款", row + 1, up->label, e, d);
                const fact *inv2[18];
                memcpy(inv2, inv, sizeof(inv[0]) * (size_t)(k + 1));
                inv2[k + 1] = up;
                chk_report(c, "nar.class-level", V_ERROR, msg, &sum, &n->value, &diff, id, inv2, k + 2);
                return;
            }
        }
    }
    snprintf(msg, sizeof msg, "%s 支出决算 %s 万元，应等于支出决算表中科目 %s 之和 %s 万元，相差 %s 万元", st, a, n->codes, e, d);
    chk_report(c, rule, v, msg, &sum, &n->value, &diff, id, inv, k + 1);
}

/* 50.73 元 in a classification statement where the text elsewhere says
 * 50.73 万元 for the same or the enclosing code: the unit is the slip. */
static int unit_slip_in_text(checker *c, const fact *n)
{
    if (!n->unit || strcmp(n->unit, "元") != 0 || !n->codes || dec_is_zero(n->printed))
        return 0;
    idlist nl = fi_kind(c->fi, "narrative");
    for (size_t i = 0; i < nl.n; i++) {
        const fact *o = &c->fi->facts[nl.ids[i]];
        if (o == n || !is(o, "amount") || !o->has_value || !o->codes || !o->unit || strcmp(o->unit, "万元") != 0 ||
            dec_cmp(o->printed, n->printed) != 0)
            continue;
        size_t a = strlen(o->codes), b = strlen(n->codes);
        if (strncmp(o->codes, n->codes, a < b ? a : b) != 0)
            continue;
        char st[400], msg[700], id[300];
        subject_text(n, st, sizeof st);
        snprintf(msg, sizeof msg, "%s 写作 %s 元，说明中「%s」为 %s 万元：单位应为万元", st, rec_value_text(n),
                 o->subject ? o->subject : "", rec_value_text(o));
        snprintf(id, sizeof id, "情况说明「%s」的单位 ＝ 万元", n->subject ? n->subject : "");
        const fact *inv[2] = {n, o};
        decimal diff;
        dec_sub(n->value, o->value, &diff);
        chk_report(c, "nar.unit", V_ERROR, msg, &o->value, &n->value, &diff, id, inv, 2);
        return 1;
    }
    return 0;
}

static void check_amount(checker *c, const fact *n)
{
    if (unit_slip_in_text(c, n))
        return;
    if (n->codes && label_is_code(n->codes) ? 1 : (n->codes && strchr(n->codes, '+'))) {
        check_class_statement(c, n);
        return;
    }
    subject_target t;
    if (!subject_target_of(c, n, &t))
        return;
    char id[300];
    snprintf(id, sizeof id, "情况说明「%s」＝ %s", n->subject, t.what);
    if (!t.cell) {
        if (c->stage && strcmp(c->stage, "决算") == 0)
            chk_not_run(c, t.rule, id);
        return;
    }
    /* 50.73 元 where the table says 50.73 万元: the unit is wrong, not the figure */
    if (n->unit && strcmp(n->unit, "元") == 0 && t.cell->has_value && dec_cmp(n->printed, t.cell->printed) == 0 &&
        !dec_is_zero(n->printed)) {
        char st[400], msg[700];
        subject_text(n, st, sizeof st);
        snprintf(msg, sizeof msg, "%s 写作 %s 元，表中为 %s 万元：单位应为万元", st, rec_value_text(n), rec_value_text(t.cell));
        const fact *inv[2] = {n, t.cell};
        decimal diff;
        dec_sub(n->value, t.cell->value, &diff);
        chk_report(c, "nar.unit", V_ERROR, msg, &t.cell->value, &n->value, &diff, id, inv, 2);
        return;
    }
    chk_same(c, t.rule, n, t.cell, id);
}

/* ---- shares ---- */

static const fact *narrative_amount(const narr *n, const char *const *subjects)
{
    for (size_t i = 0; i < n->nl.n; i++) {
        const fact *f = nf(n, i);
        if (!is(f, "amount") || !f->has_value || basis_is_budget(f))
            continue;
        char s[400];
        subject_norm(f->subject ? f->subject : "", s, sizeof s);
        for (int k = 0; subjects[k]; k++)
            if (strcmp(s, subjects[k]) == 0)
                return f;
    }
    return NULL;
}

/* The denominator of a share: what the text says it is (基数), else the
 * total the paragraph opens with, else by the kind of figure. */
static const fact *share_base(const narr *n, size_t i, const fact *num, const char **what)
{
    checker *c = n->c;
    const fact *me = nf(n, i);
    const char *b = me->base ? me->base : "";
    static const char *const income[] = {"收入合计", "本年收入合计", "本年收入", NULL};
    static const char *const spend[] = {"支出合计", "本年支出合计", "本年支出", NULL};
    static const char *const gpb[] = {"一般公共预算财政拨款支出", "一般公共预算支出", NULL};
    static const char *const sangong[] = {"三公经费财政拨款支出", "三公经费支出", "三公经费", "三公经费财政拨款",
                                          "三公经费财政拨款支出决算", NULL};
    static const char *const purchase[] = {"政府采购支出总额", NULL};
    const fact *f;
    if (strstr(b, "项目支出")) {
        *what = "一般公共预算财政拨款项目支出";
        return std_cell(c, "FA05", "I合计", "N3");
    }
    if (strstr(b, "政府采购")) {
        *what = "政府采购支出总额";
        return narrative_amount(n, purchase);
    }
    if (strstr(b, "收入")) {
        *what = "本年收入合计";
        return (f = std_cell(c, "FA01", "L27", "N1")) ? f : narrative_amount(n, income);
    }
    if (strstr(b, "支出")) {
        *what = "本年支出合计";
        return (f = std_cell(c, "FA01", "L58", "N2")) ? f : (f = std_cell(c, "FA03", "I合计", "N1")) ? f
                                                                                                   : narrative_amount(n, spend);
    }
    if (strstr(b, "三公")) {
        *what = "“三公”经费合计";
        return (f = std_cell(c, "FA09", NULL, "N7")) ? f : narrative_amount(n, sangong);
    }
    /* the paragraph's opening total: "X万元，其中：A万元，占a%" */
    for (size_t k = 0; k < i; k++) {
        f = nf(n, k);
        if (f->paragraph != me->paragraph || !is(f, "amount") || f == num || !f->has_value || basis_is_budget(f))
            continue;
        if (dec_cmp(f->value, num->value) < 0)
            continue;
        subject_target t;
        *what = f->subject ? f->subject : "段首合计";
        if (subject_target_of(c, f, &t) && t.cell && t.cell->has_value)
            return t.cell;
        return f;
    }
    /* a part of 三公 is a share of the 三公 total (domain.md §3.4) */
    const char *ns = num->subject ? num->subject : "";
    if (strstr(ns, "因公出国") || strstr(ns, "公务用车") || strstr(ns, "公务接待")) {
        *what = "“三公”经费合计";
        return (f = std_cell(c, "FA09", NULL, "N7")) ? f : narrative_amount(n, sangong);
    }
    if (num->codes && strlen(num->codes) == 3) {
        *what = "一般公共预算财政拨款支出合计";
        return (f = std_cell(c, "FA05", "I合计", "N1")) ? f : narrative_amount(n, gpb);
    }
    return NULL;
}

static void check_share(narr *n, size_t i)
{
    checker *c = n->c;
    const fact *me = nf(n, i);
    const fact *num = before(n, i, "amount", 0);
    char id[300];
    snprintf(id, sizeof id, "情况说明「%s」占比 ＝ 金额 ÷ 基数", me->subject ? me->subject : "");
    if (!num) {
        chk_not_run(c, "nar.share", id);
        return;
    }
    const char *what = "";
    const fact *den = share_base(n, i, num, &what);
    if (!den || !den->has_value) {
        chk_not_run(c, "nar.share", id);
        return;
    }
    snprintf(id, sizeof id, "情况说明「%s」占比 ＝ %s ÷ %s", me->subject ? me->subject : "", num->subject ? num->subject : "金额", what);
    int undecided;
    verdict v = tol_pct(num->value, den->value, me->printed, &undecided);
    if (undecided) {
        /* 0 of 0: only "0%" or nothing makes sense */
        v = dec_is_zero(num->value) && dec_is_zero(me->printed) ? V_PASS : V_WARN;
    }
    decimal hundred = dec_from_int(100, 0), scaled, expect = {0, me->printed.scale}, diff = {0, 0};
    if (!dec_is_zero(den->value) && !dec_mul(num->value, hundred, &scaled))
        dec_div(scaled, den->value, me->printed.scale, &expect);
    dec_sub(me->printed, expect, &diff);
    char st[400], p[40], e[40], a[40], b[40], msg[900];
    subject_text(me, st, sizeof st);
    fmtd(me->printed, p, sizeof p);
    fmtd(expect, e, sizeof e);
    fmtd(num->printed, a, sizeof a);
    fmtd(den->printed, b, sizeof b);
    snprintf(msg, sizeof msg, "%s 占比 %s%%，按 %s ÷ %s（%s）计算应为 %s%%%s", st, p, a, b, what, e,
             v == V_WARN ? "（截尾而非四舍五入）" : "");
    const fact *inv[3] = {me, num, den};
    chk_report(c, "nar.share", v, msg, &expect, &me->printed, &diff, id, inv, 3);
}

/* ---- year-on-year changes and rates ---- */

/* The current-year figure a change is measured from: the amount about the
 * same subject before it in the paragraph, else the amount the paragraph
 * opens with (较年初预算数增加… often has no subject of its own) that an
 * increase can come from. */
static const fact *current_amount(const narr *n, size_t i, const fact *change, int sign)
{
    const fact *me = nf(n, i);
    size_t start = i;
    while (start > 0 && nf(n, start - 1)->paragraph == me->paragraph)
        start--;
    for (size_t k = i; k-- > start;) {
        const fact *f = nf(n, k);
        if (is(f, "amount") && f->has_value && !basis_is_budget(f) &&
            ((me->subject && same_subject(f, me)) || (change->subject && same_subject(f, change))))
            return f;
    }
    for (size_t k = start; k < i; k++) {
        const fact *f = nf(n, k);
        if (is(f, "amount") && f->has_value && !basis_is_budget(f) && (sign < 0 || dec_cmp(f->value, change->value) >= 0))
            return f;
    }
    return NULL;
}

static int dir_sign(const fact *f)
{
    if (!f || !f->direction)
        return 0;
    if (strcmp(f->direction, "increase") == 0)
        return 1;
    if (strcmp(f->direction, "decrease") == 0)
        return -1;
    return 0;
}

static void check_rate(narr *n, size_t i)
{
    checker *c = n->c;
    const fact *r = nf(n, i);
    const fact *d = before(n, i, "change", 0);
    if (!d)
        return;   /* a bare rate: nothing printed to check it against */
    int sign = dir_sign(d) ? dir_sign(d) : dir_sign(r);
    const fact *cur = current_amount(n, i, d, sign);
    char id[300];
    snprintf(id, sizeof id, "情况说明「%s」增减率 ＝ 增减额 ÷ 上年数（上年数 ＝ 本年数 ∓ 增减额）", r->subject ? r->subject : "");
    if (!cur) {
        subject_target t;
        if (subject_target_of(c, r, &t) && t.cell && t.cell->has_value)
            cur = t.cell;
    }
    if (!cur || !sign) {
        chk_not_run(c, "nar.yoy", id);
        return;
    }
    decimal prior;
    if ((sign > 0 ? dec_sub(cur->value, d->value, &prior) : dec_add(cur->value, d->value, &prior)))
        return;
    char st[400], rp[40], e[40], dv[40], pv[40], cv[40], msg[1000];
    subject_text(r, st, sizeof st);
    fmtd(r->printed, rp, sizeof rp);
    fmtd(d->printed, dv, sizeof dv);
    fmtd(prior, pv, sizeof pv);
    fmtd(cur->printed, cv, sizeof cv);
    const fact *inv[3] = {r, d, cur};
    if (prior.units <= 0) {
        /* from nothing: 增长100% is the convention */
        verdict v = sign > 0 && dec_cmp(r->printed, dec_from_int(100, 0)) == 0 ? V_INFO : V_WARN;
        snprintf(msg, sizeof msg, "%s 上年数为 %s 万元（%s %s %s），增减率 %s%% 无从计算", st, pv, cv, sign > 0 ? "−" : "+", dv, rp);
        chk_report(c, "nar.yoy", v, msg, NULL, &r->printed, NULL, id, inv, 3);
        return;
    }
    int undecided;
    verdict v = tol_pct_n(d->value, 1, prior, 2, r->printed, &undecided);
    decimal hundred = dec_from_int(100, 0), scaled, expect = {0, r->printed.scale}, diff = {0, 0};
    if (!dec_mul(d->value, hundred, &scaled))
        dec_div(scaled, prior, r->printed.scale, &expect);
    dec_sub(r->printed, expect, &diff);
    fmtd(expect, e, sizeof e);
    const char *rule = "nar.yoy";
    if (v == V_ERROR && tol_pct(d->value, cur->value, r->printed, &undecided) == V_PASS) {
        rule = "nar.yoy-base";
        snprintf(msg, sizeof msg, "%s 增减率 %s%% 是按本年数 %s 万元计算的；应按上年数 %s 万元（%s %s %s）计算为 %s%%", st, rp, cv,
                 pv, cv, sign > 0 ? "−" : "+", dv, e);
    } else {
        snprintf(msg, sizeof msg, "%s 增减率 %s%%，按增减额 %s ÷ 上年数 %s（%s %s %s）计算应为 %s%%%s", st, rp, dv, pv, cv,
                 sign > 0 ? "−" : "+", dv, e, v == V_WARN ? "（截尾而非四舍五入）" : "");
    }
    chk_report(c, rule, v, msg, &expect, &r->printed, &diff, id, inv, 3);
}

/* ---- budget execution rates ---- */

typedef enum { ROLE_NEUTRAL, ROLE_BUDGET, ROLE_ACTUAL } amount_role;

/* Which figure of an execution statement an amount is: the basis when
 * tabulate read one, else the words of the subject (基本支出执行总额,
 * 调整后预算支出总额, 实际支付数). */
static amount_role role_of(const fact *f)
{
    const char *b = f->basis ? f->basis : "";
    if (strstr(b, "执行") || strstr(b, "决算"))
        return ROLE_ACTUAL;
    if (strstr(b, "预算"))
        return ROLE_BUDGET;
    const char *s = f->subject ? f->subject : "";
    if (strstr(s, "执行") || strstr(s, "支付") || strstr(s, "决算") || strstr(s, "实际"))
        return ROLE_ACTUAL;
    if (strstr(s, "预算"))
        return ROLE_BUDGET;
    return ROLE_NEUTRAL;
}

static void check_execution(narr *n, size_t i)
{
    checker *c = n->c;
    const fact *me = nf(n, i);
    const fact *budget = NULL, *actual = NULL;
    for (size_t k = i; k-- > 0;) {
        const fact *f = nf(n, k);
        if (f->paragraph != me->paragraph && !same_sentence(f, me))
            break;
        if (!is(f, "amount") || !f->has_value || !same_sentence(f, me))
            continue;
        amount_role r = role_of(f);
        if (r == ROLE_BUDGET && !budget)
            budget = f;
        else if (r == ROLE_ACTUAL && !actual && !budget)
            actual = f;   /* the outturn is printed after its budget */
    }
    char id[300];
    snprintf(id, sizeof id, "情况说明「%s」完成预算 ＝ 决算数 ÷ 预算数", me->subject ? me->subject : "");
    if (!budget || !actual)
        return;   /* the budget is not printed beside it: nothing to check */
    char st[400], p[40], e[40], a[40], b[40], msg[1000];
    subject_text(me, st, sizeof st);
    fmtd(me->printed, p, sizeof p);
    fmtd(actual->printed, a, sizeof a);
    fmtd(budget->printed, b, sizeof b);
    const fact *inv[3] = {me, actual, budget};
    if (dec_is_zero(budget->value)) {
        verdict v = dec_is_zero(me->printed) || dec_is_zero(actual->value) ? V_WARN : V_ERROR;
        snprintf(msg, sizeof msg, "%s 预算数为 0，完成预算 %s%% 无从计算", st, p);
        chk_report(c, "nar.exec-rate", v, msg, NULL, &me->printed, NULL, id, inv, 3);
        return;
    }
    int undecided;
    verdict v = tol_pct(actual->value, budget->value, me->printed, &undecided);
    decimal hundred = dec_from_int(100, 0), scaled, expect = {0, me->printed.scale}, diff = {0, 0};
    if (!dec_mul(actual->value, hundred, &scaled))
        dec_div(scaled, budget->value, me->printed.scale, &expect);
    dec_sub(me->printed, expect, &diff);
    fmtd(expect, e, sizeof e);
    int o = snprintf(msg, sizeof msg, "%s 完成预算 %s%%，按决算数 %s ÷ 预算数 %s 计算应为 %s%%%s", st, p, a, b, e,
                     v == V_WARN ? "（截尾而非四舍五入）" : "");
    if (v == V_ERROR) {
        /* is it the printed 决算数 that is wrong? try the table's */
        subject_target t;
        const fact *tab = NULL;
        term tt[16];
        const char *tid;
        if (actual->codes && class_sum(c, actual->codes, tt, 16, &tid) == 1)
            tab = tt[0].f;
        else if (!actual->codes && subject_target_of(c, actual, &t))
            tab = t.cell;
        if (tab && tab->has_value && tol_pct(tab->value, budget->value, me->printed, &undecided) == V_PASS && o > 0 &&
            (size_t)o < sizeof msg) {
            char tv[40];
            fmtd(tab->printed, tv, sizeof tv);
            snprintf(msg + o, sizeof msg - (size_t)o, "；按表中决算数 %s 万元计算则相符，说明中的决算数有误", tv);
        }
    }
    chk_report(c, "nar.exec-rate", v, msg, &expect, &me->printed, &diff, id, inv, 3);
}

/* ---- sums the narrative implies ---- */

typedef struct {
    const char *total[4];
    const char *parts[8];
    int min_parts;
    const char *text;
} implied_sum;

static const implied_sum SUMS[] = {
    {{"政府采购支出总额", NULL}, {"政府采购货物支出", "政府采购工程支出", "政府采购服务支出", NULL}, 2,
     "政府采购支出总额 ＝ 货物 ＋ 工程 ＋ 服务"},
    {{"一般公共预算财政拨款基本支出", "基本支出", NULL}, {"人员经费", "公用经费", "人员类项目经费", "运转类公用项目经费", NULL}, 2,
     "基本支出 ＝ 人员经费 ＋ 公用经费"},
    {{"预算收入", "收入预算", "本年收入预算", NULL},
     {"一般公共预算收入", "基金预算收入", "政府性基金预算收入", "财政专户核拨收入", "财政专户管理资金收入", "其他来源收入",
      "上年结转", "事业收入"}, 2, "预算收入 ＝ 各项来源之和"},
    {{"收入合计", "本年收入合计", NULL}, {"财政拨款收入", "一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "上级补助收入",
                                   "事业收入", "经营收入", "附属单位上缴收入", "其他收入"}, 2, "本年收入合计 ＝ 各项收入之和"},
    {{"支出合计", "本年支出合计", NULL}, {"基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出", NULL}, 2,
     "本年支出合计 ＝ 各项支出之和"},
    {{"三公经费财政拨款支出", "三公经费支出", "三公经费", NULL},
     {"因公出国（境）费", "因公出国（境）费支出", "公务用车购置及运行维护费", "公务用车购置及运行维护费支出", "公务用车购置及运行费",
      "公务接待费", "公务接待费支出", NULL}, 2, "“三公”经费 ＝ 因公出国（境）费 ＋ 公务用车购置及运行维护费 ＋ 公务接待费"},
};

static int in_list(const char *s, const char *const *list, int n)
{
    for (int k = 0; k < n && list[k]; k++)
        if (strcmp(s, list[k]) == 0)
            return 1;
    return 0;
}

static const char *section_of(const fact *f)
{
    return f->section ? f->section : f->heading ? f->heading : "";
}

static void check_sums(narr *n)
{
    for (size_t i = 0; i < n->nl.n; i++) {
        const fact *tot = nf(n, i);
        if (!is(tot, "amount") || !tot->has_value || basis_is_budget(tot) || tot->codes)
            continue;
        char s[400];
        subject_norm(tot->subject ? tot->subject : "", s, sizeof s);
        for (size_t g = 0; g < sizeof SUMS / sizeof SUMS[0]; g++) {
            if (!in_list(s, SUMS[g].total, 4))
                continue;
            /* the parts that follow it in the same section, each once */
            term t[8];
            int np = 0;
            char seen[8][64];
            for (size_t k = i + 1; k < n->nl.n && np < 8; k++) {
                const fact *f = nf(n, k);
                if (strcmp(section_of(f), section_of(tot)) != 0 || f->paragraph > tot->paragraph + 3)
                    break;
                char fs[400];
                subject_norm(f->subject ? f->subject : "", fs, sizeof fs);
                if (in_list(fs, SUMS[g].total, 4) && is(f, "amount"))
                    break;   /* the next statement of the same total */
                if (!is(f, "amount") || !f->has_value || basis_is_budget(f) || !in_list(fs, SUMS[g].parts, 8))
                    continue;
                int dup = 0;
                for (int q = 0; q < np; q++)
                    dup |= strcmp(seen[q], fs) == 0;
                if (dup)
                    continue;
                str_copy(seen[np], sizeof seen[np], fs);
                t[np].f = f;
                t[np++].sign = 1;
            }
            if (np >= SUMS[g].min_parts)
                chk_sum(n->c, "nar.sum", tot, t, np, SUMS[g].text);
            break;
        }
    }
}

/* "较2022年预算减少1961.47万元，其中：基本支出增加58.34万元…项目支出减少
 * 2019.81万元": the parts' changes, signed, add up to the total's. */
static void check_change_sums(narr *n)
{
    for (size_t i = 0; i < n->nl.n; i++) {
        const fact *tot = nf(n, i);
        if (!is(tot, "change") || !tot->has_value || !dir_sign(tot) || !tot->sentence)
            continue;
        const char *q = strstr(tot->sentence, "其中");
        if (!q)
            continue;
        term t[8];
        int np = 0;
        for (size_t k = i + 1; k < n->nl.n && np < 8; k++) {
            const fact *f = nf(n, k);
            /* the parts follow in the paragraph (； ends a sentence, not the list) */
            if (f->paragraph != tot->paragraph || is(f, "amount") || (is(f, "change") && same_subject(f, tot)))
                break;
            if (is(f, "change") && f->has_value && dir_sign(f))
                t[np].f = f, t[np++].sign = dir_sign(f) * dir_sign(tot);
        }
        if (np >= 2)
            chk_sum(n->c, "nar.sum", tot, t, np, "增减额 ＝ 其中各项增减额之和（增为正，减为负）");
    }
}

/* Counts are exact: "共有车辆1辆，其中：主要领导干部用车0辆、机要通信用车1辆…"
 * adds up with no rounding at all. */
static void count_report(checker *c, const char *rule, const fact *tot, decimal sum, const fact *const *inv, int ninv,
                         const char *what)
{
    decimal diff;
    dec_sub(tot->printed, sum, &diff);
    verdict v = dec_is_zero(diff) ? V_PASS : V_ERROR;
    char st[400], e[40], msg[800], id[300];
    subject_text(tot, st, sizeof st);
    fmtd(sum, e, sizeof e);
    snprintf(msg, sizeof msg, "%s %s %s，%s为 %s %s", st, rec_value_text(tot), tot->unit ? tot->unit : "", what, e,
             tot->unit ? tot->unit : "");
    snprintf(id, sizeof id, "情况说明「%s」%s", tot->subject ? tot->subject : "", what);
    chk_report(c, rule, v, msg, &sum, &tot->printed, &diff, id, inv, ninv);
}

static void check_count_sums(narr *n)
{
    for (size_t i = 0; i < n->nl.n; i++) {
        const fact *tot = nf(n, i);
        if (!is(tot, "count") || !tot->has_value || !tot->unit || !tot->sentence || !strstr(tot->sentence, "其中"))
            continue;
        /* vehicles, units, posts: lists of people go on with 另外… and nest */
        if (strcmp(tot->unit, "辆") && strcmp(tot->unit, "个") && strcmp(tot->unit, "名"))
            continue;
        /* the total is the sentence's first count; the parts follow it */
        if (i > 0 && is(nf(n, i - 1), "count") && same_sentence(nf(n, i - 1), tot))
            continue;
        const fact *inv[16];
        int ninv = 0;
        inv[ninv++] = tot;
        decimal sum = dec_from_int(0, 0);
        for (size_t k = i + 1; k < n->nl.n && ninv < 16; k++) {
            const fact *f = nf(n, k);
            if (!same_sentence(f, tot) || !is(f, "count"))
                break;
            if (!f->has_value || !f->unit || strcmp(f->unit, tot->unit) != 0)
                break;
            inv[ninv++] = f;
            dec_add(sum, f->printed, &sum);
        }
        if (ninv >= 3)
            count_report(n->c, "nar.count-sum", tot, sum, inv, ninv, "其中各项之和");
    }
}

/* N17: the vehicles the unit holds, stated in the 三公 and in the assets
 * section, are one number. */
static void check_vehicles(narr *n)
{
    const fact *first = NULL;
    for (size_t i = 0; i < n->nl.n; i++) {
        const fact *f = nf(n, i);
        if (!is(f, "count") || !f->has_value || !f->unit || strcmp(f->unit, "辆") != 0 || !f->subject)
            continue;
        char s[400];
        subject_norm(f->subject, s, sizeof s);
        if (strcmp(s, "车辆") && !strstr(s, "共有公务用车") && !strstr(s, "共有车辆") && !strstr(s, "公务用车保有量"))
            continue;
        if (!first) {
            first = f;
            continue;
        }
        const fact *inv[2] = {f, first};
        count_report(n->c, "n17", f, first->printed, inv, 2, "前文所说车辆数");
    }
}

/* ---- the same quantity stated twice in the text ---- */

static void check_restatements(narr *n)
{
    strmap *seen = strmap_new();
    if (!seen)
        return;
    for (size_t i = 0; i < n->nl.n; i++) {
        const fact *f = nf(n, i);
        if ((!is(f, "amount") && !is(f, "change")) || !f->has_value || f->codes)
            continue;
        subject_target t;
        if (is(f, "amount") && subject_target_of(n->c, f, &t))
            continue;   /* checked against its table figure instead */
        char s[400], key[900];
        subject_norm(f->subject ? f->subject : "", s, sizeof s);
        if (strlen(s) < 18 || !strncmp(s, "共计", 6) || !strncmp(s, "合计", 6) || !strncmp(s, "其中", 6))
            continue;   /* 资金, 共计支出: too generic to be one quantity */
        /* 绩效 and project sections describe one project after another:
         * the same words there are different quantities */
        if (!f->heading || strstr(f->heading, "绩效") || strstr(section_of(f), "绩效") || strstr(f->heading, "项目"))
            continue;
        str_join(key, sizeof key, '\x1f', 5, f->measure, s, f->basis ? f->basis : "", f->base_year ? f->base_year : "",
                 f->heading);
        idlist prev = strmap_get(seen, key);
        if (prev.n) {
            const fact *p = &n->c->fi->facts[prev.ids[0]];
            decimal diff;
            verdict v = tol_same(f->value, p->value, &diff);
            if (v == V_PASS && dec_cmp(f->printed, p->printed) != 0)
                v = V_WARN;   /* equal at the lower precision, printed differently */
            char id[500], msg[900], st[400];
            snprintf(id, sizeof id, "情况说明「%s」前后一致", f->subject);
            subject_text(f, st, sizeof st);
            snprintf(msg, sizeof msg, "%s 先写作 %s，后写作 %s", st, rec_value_text(p), rec_value_text(f));
            const fact *inv[2] = {f, p};
            chk_report(n->c, "nar.restate", v, msg, &p->value, &f->value, &diff, id, inv, 2);
        } else if (strmap_add(seen, key, n->nl.ids[i])) {
            break;
        }
    }
    strmap_free(seen);
}

void check_narrative(checker *c)
{
    narr n = {c, fi_kind(c->fi, "narrative")};
    for (size_t i = 0; i < n.nl.n; i++) {
        const fact *f = nf(&n, i);
        if (!f->measure || !f->has_value)
            continue;
        if (is(f, "amount"))
            check_amount(c, f);
        else if (is(f, "share"))
            check_share(&n, i);
        else if (is(f, "rate"))
            check_rate(&n, i);
        else if (is(f, "execution_rate"))
            check_execution(&n, i);
    }
    check_sums(&n);
    check_change_sums(&n);
    check_count_sums(&n);
    check_vehicles(&n);
    check_restatements(&n);
}
