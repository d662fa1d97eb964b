#include "other_table.h"

#include "label.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COLS 32
#define MAX_ROWS 400

typedef struct {
    char name[RC_KEY];      /* column key "H…" */
    char bare[100];         /* the name without （万元） (%) */
    int pct;                /* a percent column */
} column;

static void bare_name(const char *s, char *out, size_t size)
{
    static const char *const drop[] = {"(万元)", "（万元）", "(元)", "（元）", "(%)", "（%）", NULL};
    char tmp[RC_KEY];
    label_strip_spaces(s, tmp, sizeof tmp);
    for (int i = 0; drop[i]; i++) {
        char *p = strstr(tmp, drop[i]);
        if (p)
            memmove(p, p + strlen(drop[i]), strlen(p + strlen(drop[i])) + 1);
    }
    str_copy(out, size, tmp);
}

static int has(const char *s, const char *w) { return strstr(s, w) != NULL; }

/* Which column is the budget, the outturn, the rate, the opening budget
 * and the adjustment; -1 when there is none. */
typedef struct {
    int budget, actual, rate, initial, adjust;
} roles;

static roles find_roles(const column *cols, int n)
{
    roles r = {-1, -1, -1, -1, -1};
    for (int i = 0; i < n; i++) {
        const char *b = cols[i].bare;
        if ((has(b, "执行率") || has(b, "完成率")) && !has(b, "结余"))
            r.rate = r.rate < 0 ? i : r.rate;
        else if (cols[i].pct || has(b, "率"))
            continue;
        else if (has(b, "年初预算"))
            r.initial = r.initial < 0 ? i : r.initial;
        else if (has(b, "调整"))
            r.adjust = r.adjust < 0 ? i : r.adjust;
        else if (has(b, "执行") || has(b, "决算数") || has(b, "实际支出") || has(b, "执行数"))
            r.actual = r.actual < 0 ? i : r.actual;
        else if (has(b, "预算"))
            r.budget = r.budget < 0 ? i : r.budget;
    }
    /* without a full-year budget, the opening budget is the base */
    if (r.budget < 0)
        r.budget = r.initial;
    return r;
}

static const fact *at(const checker *c, const char *tkey, long row, const column *col)
{
    char rk[32];
    snprintf(rk, sizeof rk, "P%ld", row);
    return fi_cell(c->fi, tkey, rk, col->name);
}

static void check_rates(checker *c, const char *tkey, const long *rows, int nrows, const column *cols, roles r)
{
    if (r.rate < 0 || r.budget < 0 || r.actual < 0)
        return;
    for (int i = 0; i < nrows; i++) {
        const fact *b = at(c, tkey, rows[i], &cols[r.budget]), *a = at(c, tkey, rows[i], &cols[r.actual]),
                   *p = at(c, tkey, rows[i], &cols[r.rate]);
        if (!b || !a || !p || !b->has_value || !a->has_value || !p->has_value || dec_is_zero(b->value))
            continue;
        int undecided;
        verdict v = tol_pct(a->value, b->value, p->printed, &undecided);
        decimal hundred = dec_from_int(100, 0), scaled, expect = {0, p->printed.scale}, diff = {0, 0};
        if (!dec_mul(a->value, hundred, &scaled))
            dec_div(scaled, b->value, p->printed.scale, &expect);
        dec_sub(p->printed, expect, &diff);
        char lab[300], e[40], id[400], msg[1600];
        fact_label(p, lab, sizeof lab);
        dec_format(expect, e, sizeof e);
        snprintf(id, sizeof id, "%s ＝ %s ÷ %s", cols[r.rate].bare, cols[r.actual].bare, cols[r.budget].bare);
        snprintf(msg, sizeof msg, "%s %s%%，按 %s %s ÷ %s %s 计算应为 %s%%%s", lab, rec_value_text(p), cols[r.actual].bare,
                 rec_value_text(a), cols[r.budget].bare, rec_value_text(b), e, v == V_WARN ? "（截尾而非四舍五入）" : "");
        const fact *inv[3] = {p, a, b};
        chk_report(c, "tbl.exec-rate", v, msg, &expect, &p->printed, &diff, id, inv, 3);
    }
}

static void check_adjust(checker *c, const char *tkey, const long *rows, int nrows, const column *cols, roles r)
{
    if (r.initial < 0 || r.adjust < 0 || r.budget < 0 || r.budget == r.initial)
        return;
    char id[400];
    snprintf(id, sizeof id, "%s ＝ %s ＋ %s", cols[r.budget].bare, cols[r.initial].bare, cols[r.adjust].bare);
    for (int i = 0; i < nrows; i++) {
        const fact *b = at(c, tkey, rows[i], &cols[r.budget]);
        term t[2] = {{at(c, tkey, rows[i], &cols[r.initial]), 1}, {at(c, tkey, rows[i], &cols[r.adjust]), 1}};
        if (!b || (!t[0].f && !t[1].f) || (!b->has_value && !(t[0].f && t[0].f->has_value) && !(t[1].f && t[1].f->has_value)))
            continue;
        chk_sum(c, "tbl.adjust", b, t, 2, id);
    }
}

static int is_total(const fact *f)
{
    return f && !f->code && (strcmp(f->label, "合计") == 0 || strcmp(f->label, "总计") == 0);
}

/* 合计 against the rows above it, in each amount column; a row that is the
 * subtotal of the rows right after it (基本支出 = 人员经费 + 公用经费) is
 * counted once, not with its parts. */
static void check_total(checker *c, const char *tkey, const long *rows, int nrows, const column *cols, int ncols)
{
    int trow = -1;
    for (int i = 0; i < nrows && trow < 0; i++)
        for (int k = 0; k < ncols && trow < 0; k++)
            if (is_total(at(c, tkey, rows[i], &cols[k])))
                trow = i;
    if (trow <= 0)
        return;
    for (int k = 0; k < ncols; k++) {
        if (cols[k].pct)
            continue;
        const fact *tot = at(c, tkey, rows[trow], &cols[k]);
        if (!tot || !tot->has_value)
            continue;
        const fact *f[MAX_ROWS];
        int n = 0;
        for (int i = 0; i < trow && n < MAX_ROWS; i++) {
            const fact *x = at(c, tkey, rows[i], &cols[k]);
            if (x && x->has_value && !(x->unit && strcmp(x->unit, "%") == 0))
                f[n++] = x;
        }
        if (n < 2)
            continue;
        /* drop the parts of subtotals: x[i] = x[i+1] + … + x[i+m] exactly */
        char skip[MAX_ROWS] = {0};
        for (int i = 0; i < n; i++) {
            if (skip[i])
                continue;
            decimal s = dec_from_int(0, 0);
            for (int m = i + 1; m < n; m++) {
                if (dec_add(s, f[m]->value, &s))
                    break;
                decimal d;
                if (m > i + 1 && tol_sum(f[i]->value, s, m - i, f[i]->value.scale, &d) <= V_INFO) {
                    for (int q = i + 1; q <= m; q++)
                        skip[q] = 1;
                    break;
                }
            }
        }
        term t[MAX_ROWS];
        int nt = 0;
        for (int i = 0; i < n; i++)
            if (!skip[i])
                t[nt].f = f[i], t[nt++].sign = 1;
        if (nt > 64)
            continue;
        char id[400];
        snprintf(id, sizeof id, "%s「%s」＝ 上方各行之和", tot->label, cols[k].bare);
        chk_sum(c, "tbl.other-total", tot, t, nt, id);
    }
}

static void check_one(checker *c, const char *tkey)
{
    idlist all = fi_table(c->fi, tkey);
    column cols[MAX_COLS];
    int ncols = 0, nrows = 0;
    long rows[MAX_ROWS];
    for (size_t i = 0; i < all.n; i++) {
        const fact *f = &c->fi->facts[all.ids[i]];
        char ck[RC_KEY];
        snprintf(ck, sizeof ck, "H%s", f->column ? f->column : "");
        int k;
        for (k = 0; k < ncols && strcmp(cols[k].name, ck) != 0; k++)
            ;
        if (k == ncols && ncols < MAX_COLS) {
            str_copy(cols[k].name, sizeof cols[k].name, ck);
            bare_name(f->column ? f->column : "", cols[k].bare, sizeof cols[k].bare);
            cols[k].pct = 0;
            ncols++;
        }
        if (k < ncols && f->unit && strcmp(f->unit, "%") == 0)
            cols[k].pct = 1;
        long r = f->loc_row;
        if ((nrows == 0 || rows[nrows - 1] != r) && nrows < MAX_ROWS)
            rows[nrows++] = r;
    }
    roles ro = find_roles(cols, ncols);
    check_rates(c, tkey, rows, nrows, cols, ro);
    check_adjust(c, tkey, rows, nrows, cols, ro);
    check_total(c, tkey, rows, nrows, cols, ncols);
}

void check_other_tables(checker *c)
{
    idlist tables = fi_tables(c->fi);
    for (size_t i = 0; i < tables.n; i++) {
        const fact *f = &c->fi->facts[tables.ids[i]];
        if (f->table_id || !f->kind || strcmp(f->kind, "table") != 0)
            continue;
        check_one(c, f->tkey);
    }
}
