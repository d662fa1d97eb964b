#include "within_table.h"

#include "formula.h"
#include "label.h"
#include "record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The identities every copy of a standard table must satisfy, whether or
 * not the report prints them (most reports print them; some omit them). */
typedef struct {
    const char *table_id;
    const char *rule;
    const char *text;
} std_formula;

static const std_formula STD[] = {
    {"FA01", "fa01-1", "27行＝（1＋2＋3＋4＋5＋6＋7＋8）行"},
    {"FA01", "fa01-2", "31行＝（27＋28＋29）行"},
    {"FA01", "fa01-3", "58行＝（32＋33＋…＋57）行"},
    {"FA01", "fa01-4", "62行＝（58＋59＋60）行"},
    {"FA02", "fa02-1", "1栏各行＝（2＋3＋4＋5＋6＋7）栏各行"},
    {"FA03", "fa03-1", "1栏各行＝（2＋3＋4＋5＋6）栏各行"},
    {"FA04", "fa04-1", "27行＝（1＋2＋3）行"},
    {"FA04", "fa04-1", "28行＝（29＋30＋31）行"},
    {"FA04", "fa04-1", "32行＝（27＋28）行"},
    {"FA04", "fa04-2", "59行＝（33＋34＋…＋58）行"},
    {"FA04", "fa04-2", "64行＝（59＋60）行"},
    {"FA04", "fa04-3", "2栏各行＝（3＋4＋5）栏各行"},
    {"FA05", "fa05-1", "1栏各行＝（2＋3）栏各行"},
    {"FA07", "fa07-1", "6栏各行＝（1＋2－3）栏各行"},
    {"FA07", "fa07-1", "3栏各行＝（4＋5）栏各行"},
    {"FA08", "fa08-1", "1栏各行＝（2＋3）栏各行"},
    {"FA09", "fa09-1", "1栏＝（2＋3＋6）栏"},
    {"FA09", "fa09-1", "3栏＝（4＋5）栏"},
    {"FA09", "fa09-1", "7栏＝（8＋9＋12）栏"},
    {"FA09", "fa09-1", "9栏＝（10＋11）栏"},
    {NULL, NULL, NULL}};

#define MAX_FORMULAS 64

typedef struct {
    formula f;
    const char *rule;
    char text[200];
} identity;

static int has_value_or_fact(const fact *parent, const term *t, int n)
{
    if (parent && parent->has_value)
        return 1;
    for (int i = 0; i < n; i++)
        if (t[i].f && t[i].f->has_value)
            return 1;
    return 0;
}

/* Only the first fact at a cell counts: a stream that repeats a cell (a
 * merged cell read twice) must not add it twice nor check it twice. */
static int first_at_cell(const factindex *fi, const fact *f)
{
    char row[RC_KEY], col[RC_KEY];
    fi_rowkey(f, row, sizeof row);
    fi_colkey(f, col, sizeof col);
    return fi_cell(fi, f->tkey, row, col) == f;
}

/* One identity on every column of its lhs row (行) or every row of its lhs
 * column (栏). A row or column where nothing is printed is no check. */
static void run_identity(checker *c, const char *tkey, const identity *id)
{
    const factindex *fi = c->fi;
    int row_axis = id->f.axis == AXIS_ROW;
    char lhs[32];
    snprintf(lhs, sizeof lhs, "%c%d", row_axis ? 'L' : 'N', id->f.lhs);
    idlist parents = row_axis ? fi_row(fi, tkey, lhs) : fi_col(fi, tkey, lhs);
    if (parents.n == 0) {
        chk_not_run(c, id->rule, id->text);
        return;
    }
    int ran = 0;
    for (size_t i = 0; i < parents.n; i++) {
        const fact *p = &fi->facts[parents.ids[i]];
        if (!first_at_cell(fi, p))
            continue;
        char other[RC_KEY];
        if (row_axis)
            fi_colkey(p, other, sizeof other);
        else
            fi_rowkey(p, other, sizeof other);
        term t[FORMULA_MAX_TERMS];
        int found = 0;
        for (int k = 0; k < id->f.n; k++) {
            char ref[32];
            snprintf(ref, sizeof ref, "%c%d", row_axis ? 'L' : 'N', id->f.ref[k]);
            t[k].f = row_axis ? fi_cell(fi, tkey, ref, other) : fi_cell(fi, tkey, other, ref);
            t[k].sign = id->f.sign[k];
            found += t[k].f != NULL;
        }
        if (!found || !has_value_or_fact(p, t, id->f.n))
            continue;
        chk_sum(c, id->rule, p, t, id->f.n, id->text);
        ran++;
    }
    if (!ran && c->explain)
        fprintf(stderr, "%s: %.12s: %s: empty: %s\n", c->prog, c->doc, id->rule, id->text);
}

/* The identities of one table: its printed formulas, and the standard ones
 * not printed. A printed formula that states a standard identity takes its
 * rule id; one that does not is checked as printed. */
static int collect_identities(checker *c, const char *tkey, const fact *first, identity *out, int max)
{
    const factindex *fi = c->fi;
    int n = 0;
    for (size_t i = 0; i < fi->nformulas && n < max; i++) {
        const json_t *rec = fi->formulas[i];
        const json_t *lt = json_object_get(json_object_get(rec, "locator"), "table");
        char key[RC_KEY];
        if (json_is_integer(lt))
            snprintf(key, sizeof key, "#%lld", (long long)json_integer_value(lt));
        else
            snprintf(key, sizeof key, "%s", rec_str(rec, "table") ? rec_str(rec, "table") : "");
        if (strcmp(key, tkey) != 0)
            continue;
        const char *text = rec_str(rec, "text");
        formula fs[8];
        int nf = formula_parse(text, fs, 8);
        for (int k = 0; k < nf && n < max; k++) {
            out[n].f = fs[k];
            out[n].rule = "tbl.printed-formula";
            snprintf(out[n].text, sizeof out[n].text, "%s", text);
            n++;
        }
    }
    int printed = n;
    const char *tid = first->table_id;
    /* Per axis: printed formulas none of which is a standard one mean the
     * report uses another template year (行次 move between editions); the
     * printed ones govern then, the standard ones would check wrong rows. */
    int printed_axis[2] = {0, 0}, matched_axis[2] = {0, 0};
    for (int k = 0; k < printed; k++)
        printed_axis[out[k].f.axis]++;
    for (const std_formula *s = STD; tid && s->table_id; s++) {
        formula f;
        if (strcmp(s->table_id, tid) != 0 || formula_parse(s->text, &f, 1) != 1)
            continue;
        for (int k = 0; k < printed; k++)
            if (formula_same(&out[k].f, &f))
                matched_axis[f.axis]++;
    }
    for (const std_formula *s = STD; tid && s->table_id && n < max; s++) {
        if (strcmp(s->table_id, tid) != 0)
            continue;
        formula f;
        if (formula_parse(s->text, &f, 1) != 1)
            continue;
        int dup = 0;
        for (int k = 0; k < printed; k++)
            if (formula_same(&out[k].f, &f)) {
                out[k].rule = s->rule;
                dup = 1;
            }
        if (dup)
            continue;
        if (printed_axis[f.axis] && !matched_axis[f.axis]) {
            chk_not_run(c, s->rule, s->text);
            continue;
        }
        out[n].f = f;
        out[n].rule = s->rule;
        snprintf(out[n].text, sizeof out[n].text, "%s", s->text);
        n++;
    }
    return n;
}

static int is_total_label(const char *label)
{
    return strcmp(label, "合计") == 0 || strcmp(label, "总计") == 0;
}

/* 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类, per column, children found by code
 * prefix. Never all levels at once: each parent against its next level
 * down (a 类 printed without 款 rows against its 项 rows). */
static void check_hierarchy(checker *c, const char *tkey, const fact *first)
{
    const factindex *fi = c->fi;
    idlist all = fi_table(fi, tkey);
    strmap *kids = strmap_new();
    if (!kids)
        return;
    int economic = first->table_id && strncmp(first->table_id, "FA06", 4) == 0;
    for (size_t i = 0; i < all.n; i++) {
        const fact *f = &fi->facts[all.ids[i]];
        size_t len = f->code ? strlen(f->code) : 0;
        if ((len != 3 && len != 5 && len != 7) || !first_at_cell(fi, f))
            continue;
        char col[RC_KEY], key[RC_KEY + 32];
        fi_colkey(f, col, sizeof col);
        if (len == 3)
            snprintf(key, sizeof key, "3:\x1f%s", col);
        else if (len == 5)
            snprintf(key, sizeof key, "5:%.3s\x1f%s", f->code, col);
        else {
            snprintf(key, sizeof key, "7:%.5s\x1f%s", f->code, col);
            if (strmap_add(kids, key, (int)all.ids[i]))
                break;
            snprintf(key, sizeof key, "7:%.3s\x1f%s", f->code, col);
        }
        if (strmap_add(kids, key, (int)all.ids[i]))
            break;
    }
    for (size_t i = 0; i < all.n; i++) {
        const fact *p = &fi->facts[all.ids[i]];
        size_t len = p->code ? strlen(p->code) : 0;
        if (!first_at_cell(fi, p))
            continue;
        char col[RC_KEY], key[RC_KEY + 32];
        fi_colkey(p, col, sizeof col);
        const char *rule;
        idlist l = {NULL, 0};
        if (len == 5) {
            snprintf(key, sizeof key, "7:%s\x1f%s", p->code, col);
            l = strmap_get(kids, key);
            rule = economic ? "fa06-1" : "tbl.kuan-xiang";
        } else if (len == 3) {
            snprintf(key, sizeof key, "5:%s\x1f%s", p->code, col);
            l = strmap_get(kids, key);
            if (l.n == 0) {
                snprintf(key, sizeof key, "7:%s\x1f%s", p->code, col);
                l = strmap_get(kids, key);
            }
            rule = economic ? "fa06-1" : "tbl.class-kuan";
        } else if (len == 0 && is_total_label(p->label)) {
            snprintf(key, sizeof key, "3:\x1f%s", col);
            l = strmap_get(kids, key);
            rule = "tbl.class-total";
        } else {
            continue;
        }
        if (l.n == 0 || l.n > FORMULA_MAX_TERMS)
            continue;
        term t[FORMULA_MAX_TERMS];
        for (size_t k = 0; k < l.n; k++) {
            t[k].f = &fi->facts[l.ids[k]];
            t[k].sign = 1;
        }
        if (!has_value_or_fact(p, t, (int)l.n))
            continue;
        char text[300];
        snprintf(text, sizeof text, "%s = Σ %s", p->code ? p->code : p->label,
                 len == 0 ? "类" : len == 3 ? "下级科目" : "项");
        chk_sum(c, rule, p, t, (int)l.n, text);
    }
    strmap_free(kids);
}

/* 基本支出决算表: 人员经费合计 = 301 + 303; 公用经费合计 = 302 + 307 + 309 + 310 + 399. */
static void check_fa06_groups(checker *c, const char *tkey)
{
    static const struct {
        const char *total;
        const char *codes[6];
        const char *text;
    } groups[] = {
        {"人员经费合计", {"301", "303", NULL}, "人员经费合计 = 301 工资福利支出 + 303 对个人和家庭的补助"},
        {"公用经费合计", {"302", "307", "309", "310", "399", NULL},
         "公用经费合计 = 302 商品和服务支出 + 307 + 309 + 310 资本性支出 + 399"}};
    const factindex *fi = c->fi;
    for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
        char rk[RC_KEY];
        snprintf(rk, sizeof rk, "I%s", groups[g].total);
        idlist pl = fi_row(fi, tkey, rk);
        if (pl.n == 0) {
            chk_not_run(c, "fa06-2", groups[g].text);
            continue;
        }
        term t[6];
        int n = 0;
        for (int k = 0; groups[g].codes[k]; k++) {
            char ck[16];
            snprintf(ck, sizeof ck, "C%s", groups[g].codes[k]);
            idlist l = fi_row(fi, tkey, ck);
            if (l.n) {
                t[n].f = &fi->facts[l.ids[0]];
                t[n++].sign = 1;
            }
        }
        if (n == 0) {
            chk_not_run(c, "fa06-2", groups[g].text);
            continue;
        }
        chk_sum(c, "fa06-2", &fi->facts[pl.ids[0]], t, n, groups[g].text);
    }
}

/* The first figure of a row, in column col when given (栏次), else any. */
static const fact *row_figure(const factindex *fi, const char *tkey, const char *row, const char *col)
{
    const fact *f = col ? fi_cell(fi, tkey, row, col) : NULL;
    if (f)
        return f;
    idlist l = fi_row(fi, tkey, row);
    return l.n ? &fi->facts[l.ids[0]] : NULL;
}

/* The key of the first table with this standard id, or NULL. */
static const char *fi_table_key_by_id(const checker *c, const char *tid)
{
    idlist tables = fi_tables(c->fi);
    for (size_t i = 0; i < tables.n; i++) {
        const fact *f = &c->fi->facts[tables.ids[i]];
        if (f->table_id && strcmp(f->table_id, tid) == 0)
            return f->tkey;
    }
    return NULL;
}

/* A 决算 report without one of the standard tables: its identities could
 * not be checked, and the summary must say so. */
static void count_absent_tables(checker *c)
{
    for (const std_formula *s = STD; s->table_id; s++)
        if (!fi_table_key_by_id(c, s->table_id))
            chk_not_run(c, s->rule, s->text);
    static const std_formula OTHER[] = {
        {"FA01", "fa01-5", "31行（收入总计）＝62行（支出总计）"},
        {"FA04", "fa04-4", "32行1栏（收入总计）＝64行2栏（支出总计）"},
        {"FA06", "fa06-2", "人员经费合计 = 301 + 303"},
        {"FA06", "fa06-2", "公用经费合计 = 302 + 307 + 309 + 310 + 399"},
        {NULL, NULL, NULL}};
    for (const std_formula *s = OTHER; s->table_id; s++)
        if (!fi_table_key_by_id(c, s->table_id))
            chk_not_run(c, s->rule, s->text);
}

void check_within_tables(checker *c)
{
    const factindex *fi = c->fi;
    idlist tables = fi_tables(fi);
    if (c->stage && strcmp(c->stage, "决算") == 0)
        count_absent_tables(c);
    for (size_t i = 0; i < tables.n; i++) {
        const fact *first = &fi->facts[tables.ids[i]];
        if (!first->kind || strcmp(first->kind, "table") != 0)
            continue;
        const char *tkey = first->tkey;
        identity ids[MAX_FORMULAS];
        int n = collect_identities(c, tkey, first, ids, MAX_FORMULAS);
        for (int k = 0; k < n; k++)
            run_identity(c, tkey, &ids[k]);
        check_hierarchy(c, tkey, first);
        const char *tid = first->table_id ? first->table_id : "";
        if (strcmp(tid, "FA06") == 0)
            check_fa06_groups(c, tkey);
        if (strcmp(tid, "FA01") == 0)
            chk_same(c, "fa01-5", row_figure(fi, tkey, "L31", "N1"), row_figure(fi, tkey, "L62", "N2"),
                     "31行（收入总计）＝62行（支出总计）");
        if (strcmp(tid, "FA04") == 0)
            chk_same(c, "fa04-4", row_figure(fi, tkey, "L32", "N1"), row_figure(fi, tkey, "L64", "N2"),
                     "32行1栏（收入总计）＝64行2栏（支出总计）");
    }
}
