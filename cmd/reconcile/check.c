#include "check.h"

#include "cli.h"
#include "record.h"

#include <stdio.h>
#include <string.h>

static rule_family family_of(const char *rule)
{
    const rc_rule *r = rule_find(rule);
    return r ? r->family : FAM_TABLE;
}

void fact_label(const fact *f, char *out, size_t size)
{
    if (f->kind && strcmp(f->kind, "narrative") == 0) {
        snprintf(out, size, "情况说明「%s」", f->subject ? f->subject : f->measure ? f->measure : "");
        return;
    }
    const char *t = f->form ? f->form : f->table ? f->table : f->tkey;
    char row[200];
    if (f->code && f->item)
        snprintf(row, sizeof row, "%s %s", f->code, f->label[0] ? f->label : f->item);
    else if (f->item)
        snprintf(row, sizeof row, "%s", f->label[0] ? f->label : f->item);
    else if (f->code)
        snprintf(row, sizeof row, "%s", f->code);
    else if (f->line_no[0])
        snprintf(row, sizeof row, "第%s行", f->line_no);
    else
        row[0] = 0;
    const char *col = f->column;
    if (col && f->col_no[0])
        snprintf(out, size, "%s %s「%s」（%s栏）", t, row, col, f->col_no);
    else if (col)
        snprintf(out, size, "%s %s「%s」", t, row, col);
    else if (f->line_no[0] && f->item)
        snprintf(out, size, "%s %s（%s行）", t, row, f->line_no);
    else
        snprintf(out, size, "%s %s", t, row);
}

static void fmt(decimal d, char *out, size_t size);

/* A term described relative to the figure it adds up to: same row → its
 * column, same column → its row, same table → both, else the full label. */
static void term_label(const fact *parent, const fact *t, char *out, size_t size)
{
    char prow[RC_KEY], trow[RC_KEY], pcol[RC_KEY], tcol[RC_KEY];
    fi_rowkey(parent, prow, sizeof prow);
    fi_rowkey(t, trow, sizeof trow);
    fi_colkey(parent, pcol, sizeof pcol);
    fi_colkey(t, tcol, sizeof tcol);
    const char *row = t->label[0] ? t->label : t->code ? t->code : "";
    char rowbuf[200];
    if (t->code && t->label[0])
        snprintf(rowbuf, sizeof rowbuf, "%s %s", t->code, t->label);
    else if (t->line_no[0] && !row[0])
        snprintf(rowbuf, sizeof rowbuf, "第%s行", t->line_no);
    else
        snprintf(rowbuf, sizeof rowbuf, "%s", row);
    if (strcmp(parent->tkey, t->tkey) != 0 || !parent->tkey[0])
        fact_label(t, out, size);
    else if (strcmp(prow, trow) == 0)
        snprintf(out, size, "%s", t->column ? t->column : rowbuf);
    else if (strcmp(pcol, tcol) == 0)
        snprintf(out, size, "%s", rowbuf);
    else
        snprintf(out, size, "%s「%s」", rowbuf, t->column ? t->column : "");
    char v[40];
    if (t->has_value)
        fmt(t->printed, v, sizeof v);
    else
        snprintf(v, sizeof v, "空");
    size_t o = strlen(out);
    snprintf(out + o, size - o, " %s", v);
}

static void fmt(decimal d, char *out, size_t size)
{
    if (dec_format(d, out, size) < 0)
        snprintf(out, size, "?");
}

const char *rec_value_text(const fact *f)
{
    return f->value_text ? f->value_text : "空";
}

void fact_amount(const fact *f, char *out, size_t size)
{
    if (!f->has_value) {
        snprintf(out, size, "空（-）");
        return;
    }
    char v[40];
    fmt(f->printed, v, sizeof v);
    snprintf(out, size, "%s %s", v, f->unit ? f->unit : "万元");
}

static void explain(checker *c, const char *rule, verdict v, const char *message)
{
    if (c->explain)
        fprintf(stderr, "%s: %.12s: %s: %s: %s\n", c->prog, c->doc ? c->doc : "-", rule,
                verdict_name(v), message);
}

void chk_not_run(checker *c, const char *rule, const char *why)
{
    c->by[family_of(rule)].not_run++;
    if (c->explain)
        fprintf(stderr, "%s: %.12s: %s: not_run: %s\n", c->prog, c->doc ? c->doc : "-", rule, why);
}

static json_t *dec_json(const decimal *d)
{
    if (!d)
        return json_null();
    char b[40];
    fmt(*d, b, sizeof b);
    return json_string(b);
}

void chk_report(checker *c, const char *rule, verdict v, const char *message,
                const decimal *expected, const decimal *actual, const decimal *diff,
                const char *identity, const fact *const *facts, int nfacts)
{
    const rc_rule *ru = rule_find(rule);
    /* a hint never outranks info: the identity usually, not always, holds */
    if (ru && strcmp(ru->kind, "HINT") == 0 && v > V_INFO)
        v = V_INFO;
    tally *t = &c->by[family_of(rule)];
    t->ran++;
    if (v == V_PASS || v == V_INFO)
        t->passed++;
    else
        t->failed++;
    explain(c, rule, v, message);
    if (v == V_PASS || c->write_error)
        return;
    c->severity[v]++;
    json_t *r = rec_new("finding", c->doc);
    rec_set_str(r, "source", c->source);
    rec_set_str(r, "entity", c->entity);
    rec_set_str(r, "year", c->year);
    rec_set_str(r, "rule", rule);
    rec_set_str(r, "severity", verdict_name(v));
    rec_set_str(r, "message", message);
    json_object_set_new(r, "expected", dec_json(expected));
    json_object_set_new(r, "actual", dec_json(actual));
    json_object_set_new(r, "difference", dec_json(diff));
    rec_set_str(r, "formula", identity);
    json_t *locs = json_array();
    for (int i = 0; i < nfacts; i++) {
        json_t *l = facts[i] ? fact_locator(facts[i]) : NULL;
        json_array_append_new(locs, l ? l : json_null());
    }
    json_object_set_new(r, "locators", locs);
    if (ds_emit(c->s, r))
        c->write_error = 1;
    json_decref(r);
}

/* A check that held, counted without building its message (the common
 * case: messages are for findings and --explain). 1 when done. */
static int quiet_pass(checker *c, const char *rule, verdict v)
{
    if (v != V_PASS || c->explain)
        return 0;
    tally *t = &c->by[family_of(rule)];
    t->ran++;
    t->passed++;
    return 1;
}

static const char *tail_note(verdict v)
{
    switch (v) {
    case V_INFO: return "，差额在四舍五入误差范围内";
    case V_WARN: return "，尾数相差1";
    default: return "";
    }
}

#define MAX_INVOLVED 80

verdict chk_sum(checker *c, const char *rule, const fact *parent, const term *t, int n, const char *identity)
{
    if (!parent) {
        chk_not_run(c, rule, identity);
        return V_PASS;
    }
    /* a nil is exactly nothing: it adds no rounding to the envelope */
    decimal sum = dec_from_int(0, 0), ops[MAX_INVOLVED];
    const fact *inv[MAX_INVOLVED];
    int nops = 0, ninv = 0, any = parent->has_value;
    inv[ninv++] = parent;
    if (parent->has_value)
        ops[nops++] = parent->value;
    for (int i = 0; i < n && ninv < MAX_INVOLVED; i++) {
        if (!t[i].f)
            continue;
        inv[ninv++] = t[i].f;
        if (!t[i].f->has_value)
            continue;
        any = 1;
        ops[nops++] = t[i].f->value;
        decimal term = t[i].sign < 0 ? dec_neg(t[i].f->value) : t[i].f->value;
        if (dec_add(sum, term, &sum)) {
            chk_report(c, rule, V_ERROR, "数值过大，无法核对", NULL, NULL, NULL, identity, inv, ninv);
            return V_ERROR;
        }
    }
    decimal actual = parent->has_value ? parent->value : dec_from_int(0, sum.scale);
    decimal diff = {0, 0};
    int children = nops - (parent->has_value ? 1 : 0);
    verdict v = any ? tol_sum(actual, sum, children, nops ? tol_min_scale(ops, nops) : 2, &diff) : V_PASS;
    if (quiet_pass(c, rule, v))
        return v;
    char lab[300], amt[64], exp[40], d[40], msg[1200];
    fact_label(parent, lab, sizeof lab);
    fact_amount(parent, amt, sizeof amt);
    fmt(sum, exp, sizeof exp);
    fmt(diff, d, sizeof d);
    const rc_rule *ru = rule_find(rule);
    int hint = ru && strcmp(ru->kind, "HINT") == 0;
    int o = snprintf(msg, sizeof msg, "%s %s，%s", lab, amt, hint ? "通常等于" : "应等于");
    if (ninv - 1 <= 6) {
        for (int i = 1; i < ninv && o < (int)sizeof msg; i++) {
            char l2[300];
            term_label(parent, inv[i], l2, sizeof l2);
            int neg = 0;
            for (int k = 0; k < n; k++)
                if (t[k].f == inv[i])
                    neg = t[k].sign < 0;
            o += snprintf(msg + o, sizeof msg - (size_t)o, "%s%s", i == 1 ? (neg ? " −" : " ") : neg ? " − " : " + ", l2);
        }
        if (o < (int)sizeof msg && ninv - 1 > 1)
            o += snprintf(msg + o, sizeof msg - (size_t)o, " = %s", exp);
    } else if (o < (int)sizeof msg) {
        o += snprintf(msg + o, sizeof msg - (size_t)o, " %d 项之和 %s", ninv - 1, exp);
    }
    if (o < (int)sizeof msg)
        snprintf(msg + o, sizeof msg - (size_t)o, " 万元，相差 %s 万元%s", d, tail_note(v));
    chk_report(c, rule, v, msg, &sum, &actual, &diff, identity, inv, ninv);
    return v;
}

verdict chk_same(checker *c, const char *rule, const fact *a, const fact *b, const char *identity)
{
    if (!a || !b) {
        chk_not_run(c, rule, identity);
        return V_PASS;
    }
    if (!a->has_value && !b->has_value) {
        if (c->explain)
            fprintf(stderr, "%s: %.12s: %s: empty: %s\n", c->prog, c->doc ? c->doc : "-", rule, identity);
        return V_PASS;
    }
    const fact *inv[2] = {a, b};
    decimal za = a->has_value ? a->value : dec_from_int(0, 2);
    decimal zb = b->has_value ? b->value : dec_from_int(0, 2);
    decimal diff = {0, 0};
    verdict v = tol_same(za, zb, &diff);
    if (quiet_pass(c, rule, v))
        return v;
    char la[300], lb[300], aa[64], ab[64], d[40], msg[1000];
    fact_label(a, la, sizeof la);
    fact_label(b, lb, sizeof lb);
    fact_amount(a, aa, sizeof aa);
    fact_amount(b, ab, sizeof ab);
    fmt(diff, d, sizeof d);
    const rc_rule *ru = rule_find(rule);
    snprintf(msg, sizeof msg, "%s %s，%s %s %s，相差 %s 万元%s", la, aa,
             ru && strcmp(ru->kind, "HINT") == 0 ? "通常等于" : "应等于", lb, ab, d, tail_note(v));
    chk_report(c, rule, v, msg, &zb, &za, &diff, identity, inv, 2);
    return v;
}

verdict chk_ge(checker *c, const char *rule, const fact *a, const fact *b, const char *identity)
{
    if (!a || !b) {
        chk_not_run(c, rule, identity);
        return V_PASS;
    }
    if (!a->has_value && !b->has_value) {
        if (c->explain)
            fprintf(stderr, "%s: %.12s: %s: empty: %s\n", c->prog, c->doc ? c->doc : "-", rule, identity);
        return V_PASS;
    }
    const fact *inv[2] = {a, b};
    decimal za = a->has_value ? a->value : dec_from_int(0, 2);
    decimal zb = b->has_value ? b->value : dec_from_int(0, 2);
    decimal diff;
    if (dec_sub(za, zb, &diff))
        diff = dec_from_int(0, 0);
    verdict v = dec_cmp(za, zb) >= 0 ? V_PASS : V_WARN;
    if (quiet_pass(c, rule, v))
        return v;
    char la[300], lb[300], aa[64], ab[64], d[40], msg[1000];
    fact_label(a, la, sizeof la);
    fact_label(b, lb, sizeof lb);
    fact_amount(a, aa, sizeof aa);
    fact_amount(b, ab, sizeof ab);
    fmt(diff, d, sizeof d);
    snprintf(msg, sizeof msg, "%s %s，不应小于 %s %s（相差 %s 万元）", la, aa, lb, ab, d);
    chk_report(c, rule, v, msg, &zb, &za, &diff, identity, inv, 2);
    return v;
}
