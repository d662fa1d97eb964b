#include "budget_table.h"

#include "label.h"

#include <stdio.h>
#include <string.h>

#define MAX_TERMS 8

/* A column identity: lhs = Σ rhs, in every row, columns named (any alias,
 * spaces and （万元） ignored) within the same header group. */
typedef struct {
    const char *table_id;
    const char *rule;
    const char *lhs[4];
    const char *rhs[MAX_TERMS][4];
    const char *text;
} col_identity;

static const col_identity COLS[] = {
    {"BU03", "bu-3", {"合计", "总计", NULL},
     {{"基本支出", NULL}, {"项目支出", NULL}, {"上缴上级支出", NULL}, {"事业单位经营支出", "经营支出", NULL},
      {"对附属单位补助支出", NULL}, {NULL}},
     "支出预算表 合计 ＝ 基本支出 ＋ 项目支出 ＋ 上缴上级支出 ＋ 经营支出 ＋ 对附属单位补助支出"},
    {"BU05", "bu-3", {"合计", "总计", NULL}, {{"基本支出", NULL}, {"项目支出", NULL}, {NULL}},
     "一般公共预算支出表 合计 ＝ 基本支出 ＋ 项目支出"},
    {"BU05", "bu-4", {"基本支出", "小计", NULL}, {{"人员经费", NULL}, {"公用经费", NULL}, {NULL}},
     "一般公共预算支出表 基本支出 ＝ 人员经费 ＋ 公用经费"},
    {"BU06", "bu-4", {"合计", "总计", NULL}, {{"人员经费", NULL}, {"公用经费", NULL}, {NULL}},
     "一般公共预算基本支出表 合计 ＝ 人员经费 ＋ 公用经费"},
    {"BU08", "bu-3", {"合计", "总计", NULL}, {{"基本支出", NULL}, {"项目支出", NULL}, {NULL}},
     "政府性基金预算支出表 合计 ＝ 基本支出 ＋ 项目支出"},
    {"BU09", "bu-3", {"合计", "总计", NULL}, {{"基本支出", NULL}, {"项目支出", NULL}, {NULL}},
     "国有资本经营预算支出表 合计 ＝ 基本支出 ＋ 项目支出"},
    {"BU07", "bu-8", {"合计", NULL},
     {{"因公出国（境）费", "因公出国(境)费", NULL}, {"小计", "公务用车购置及运行费", "公务用车购置及运行维护费", NULL},
      {"公务接待费", NULL}, {NULL}},
     "“三公”经费 合计 ＝ 因公出国（境）费 ＋ 公务用车购置及运行费 ＋ 公务接待费"},
    {"BU07", "bu-8", {"小计", NULL}, {{"公务用车购置费", "购置费", NULL}, {"公务用车运行费", "公务用车运行维护费", "运行费", NULL}, {NULL}},
     "公务用车购置及运行费 小计 ＝ 购置费 ＋ 运行费"},
    {NULL, NULL, {NULL}, {{NULL}}, NULL}};

static int name_is(const char *col, const char *const *aliases)
{
    char a[RC_KEY];
    label_strip_spaces(col ? col : "", a, sizeof a);
    char *p = strstr(a, "（万元）");
    if (p)
        *p = 0;
    for (int i = 0; aliases[i]; i++)
        if (strcmp(a, aliases[i]) == 0)
            return 1;
    return 0;
}

/* header_path without its last label: the group a column belongs to
 * (预算数/… against 决算数/…, 上年/… against 本年/…). */
static void group_of(const fact *f, char *out, size_t size)
{
    str_copy(out, size, f->header_path ? f->header_path : "");
    char *slash = strrchr(out, '/');
    if (slash)
        *slash = 0;
    else
        out[0] = 0;
}

/* Is q the column named by aliases, seen from the group grp of the figure
 * it adds up to? Either a column of the same group (人员经费 beside 公用经费),
 * or the 小计 of a sub-group so named (基本支出/小计, 公务用车购置及运行费/小计). */
static int under(const char *grp, const fact *q, const char *const *aliases)
{
    const char *hp = q->header_path ? q->header_path : (q->column ? q->column : "");
    size_t gl = strlen(grp);
    if (gl) {
        if (strncmp(hp, grp, gl) != 0 || hp[gl] != '/')
            return 0;
        hp += gl + 1;
    }
    const char *slash = strchr(hp, '/');
    if (!slash)
        return name_is(hp, aliases) || (q->column && strcmp(hp, q->column) != 0 && name_is(q->column, aliases));
    char first[RC_KEY];
    str_copy(first, sizeof first, hp);
    first[slash - hp < (long)sizeof first ? slash - hp : (long)sizeof first - 1] = 0;
    if (strchr(slash + 1, '/'))
        return 0;
    return name_is(first, aliases) && (strcmp(slash + 1, "小计") == 0 || strcmp(slash + 1, "合计") == 0);
}

static void run_columns(checker *c, const col_identity *ci, const char *tkey)
{
    idlist all = fi_table(c->fi, tkey);
    for (size_t i = 0; i < all.n; i++) {
        const fact *p = &c->fi->facts[all.ids[i]];
        if (!name_is(p->column, ci->lhs))
            continue;
        char grp[RC_KEY], row[32];
        group_of(p, grp, sizeof grp);
        snprintf(row, sizeof row, "P%ld", p->loc_row);
        idlist r = fi_row(c->fi, tkey, row);
        term t[MAX_TERMS];
        int n = 0, found = 0;
        for (int k = 0; ci->rhs[k][0] && n < MAX_TERMS; k++) {
            t[n].f = NULL;
            t[n].sign = 1;
            for (size_t j = 0; j < r.n && !t[n].f; j++) {
                const fact *q = &c->fi->facts[r.ids[j]];
                if (q != p && under(grp, q, ci->rhs[k]))
                    t[n].f = q;
            }
            found += t[n].f != NULL;
            n++;
        }
        if (found < 2 && !(found == 1 && n == 1))
            continue;   /* not this layout: no check */
        chk_sum(c, ci->rule, p, t, n, ci->text);
    }
}

/* The first figure of the row with one of these labels. */
static const fact *row_named(const checker *c, const char *tkey, const char *const *labels)
{
    for (int i = 0; labels[i]; i++) {
        char rk[200];
        snprintf(rk, sizeof rk, "I%s", labels[i]);
        idlist l = fi_row(c->fi, tkey, rk);
        for (size_t k = 0; k < l.n; k++)
            if (c->fi->facts[l.ids[k]].has_value)
                return &c->fi->facts[l.ids[k]];
        if (l.n)
            return &c->fi->facts[l.ids[0]];
    }
    return NULL;
}

void check_budget_tables(checker *c)
{
    for (const col_identity *ci = COLS; ci->table_id; ci++) {
        const char *tk = fi_std_table(c->fi, ci->table_id);
        if (tk)
            run_columns(c, ci, tk);
    }
    static const char *const income_total[] = {"收入总计", "收入总计合计", NULL};
    static const char *const spend_total[] = {"支出总计", "支出总计合计", NULL};
    /* BU-1: 收入总计 = 支出总计 */
    const char *b1 = fi_std_table(c->fi, "BU01");
    if (b1) {
        const fact *in = row_named(c, b1, income_total), *out = row_named(c, b1, spend_total);
        if (!in || !out) {
            /* both sides of one row labelled 总计 */
            char rk[16] = "I总计";
            idlist l = fi_row(c->fi, b1, rk);
            if (l.n >= 2)
                in = &c->fi->facts[l.ids[0]], out = &c->fi->facts[l.ids[l.n - 1]];
        }
        if (in && out && in != out)
            chk_same(c, "bu-1", in, out, "收支预算总表 收入总计 ＝ 支出总计");
        else
            chk_not_run(c, "bu-1", "收支预算总表 收入总计 ＝ 支出总计");
    }
    /* BU-5: 一般公共预算支出表 基本支出 合计 = 基本支出表 合计 */
    const char *b5 = fi_std_table(c->fi, "BU05"), *b6 = fi_std_table(c->fi, "BU06");
    if (b5 && b6) {
        static const char *const total[] = {"合计", "总计", NULL};
        idlist r5 = fi_row(c->fi, b5, "I合计");
        if (!r5.n)
            r5 = fi_row(c->fi, b5, "I总计");
        const fact *basic = NULL;
        for (size_t k = 0; k < r5.n && !basic; k++)
            if (name_is(c->fi->facts[r5.ids[k]].column, (const char *const[]){"基本支出", "小计", NULL}))
                basic = &c->fi->facts[r5.ids[k]];
        const fact *t6 = NULL;
        idlist r6 = fi_row(c->fi, b6, "I合计");
        if (!r6.n)
            r6 = fi_row(c->fi, b6, "I总计");
        for (size_t k = 0; k < r6.n && !t6; k++)
            if (name_is(c->fi->facts[r6.ids[k]].column, total))
                t6 = &c->fi->facts[r6.ids[k]];
        if (basic && t6)
            chk_same(c, "bu-5", basic, t6, "一般公共预算支出表 合计 基本支出 ＝ 一般公共预算基本支出表 合计");
        else
            chk_not_run(c, "bu-5", "一般公共预算支出表 基本支出 ＝ 一般公共预算基本支出表 合计");
    }
}
