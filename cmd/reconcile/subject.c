#include "subject.h"

#include "label.h"

#include <stdio.h>
#include <string.h>

void subject_norm(const char *s, char *out, size_t size)
{
    static const char *const drop[] = {"“", "”", "\"", "‘", "’", "「", "」", "（类）", "（款）", "（项）",
                                       "(类)", "(款)", "(项)", NULL};
    char tmp[512];
    label_norm(s, tmp, sizeof tmp);
    size_t o = 0;
    const char *p = tmp;
    /* list connectives tabulate may leave in front: 包括…, 和…, 及… */
    static const char *const lead[] = {"包括", "其中", "和", "及", "以及", NULL};
    for (int i = 0; lead[i]; i++)
        if (!strncmp(p, lead[i], strlen(lead[i])) && strlen(p) > strlen(lead[i]) + 6) {
            p += strlen(lead[i]);
            break;
        }
    for (; *p && o + 1 < size;) {
        int skipped = 0;
        for (int i = 0; drop[i]; i++) {
            size_t l = strlen(drop[i]);
            if (strncmp(p, drop[i], l) == 0) {
                p += l;
                skipped = 1;
                break;
            }
        }
        if (!skipped)
            out[o++] = *p++;
    }
    out[o] = 0;
}

const fact *std_cell(const checker *c, const char *tid, const char *row, const char *col)
{
    const char *tk = fi_std_table(c->fi, tid);
    if (!tk)
        return NULL;
    if (row && col)
        return fi_cell(c->fi, tk, row, col);
    idlist l = row ? fi_row(c->fi, tk, row) : fi_col(c->fi, tk, col);
    return l.n ? &c->fi->facts[l.ids[0]] : NULL;
}

int basis_is_budget(const fact *n)
{
    return n->basis && strstr(n->basis, "预算") != NULL;
}

typedef struct {
    const char *rule;
    const char *aliases[6];
    const char *tid, *row, *col;
    const char *what;
    int budget;            /* 1: a budget figure (basis …预算), 0: the outturn */
    int gpb;               /* 1: only in a 一般公共预算 section, -1: never, 0: any */
} mapping;

static const mapping MAP[] = {
    {"n01", {"收、支总计", "收支总计", "收入总计", "支出总计", NULL}, "FA01", "L31", "N1", "收入支出决算总表 总计", 0, 0},
    {"n03", {"收入合计", "本年收入合计", "本年收入", NULL}, "FA01", "L27", "N1", "收入支出决算总表 本年收入合计", 0, 0},
    {"n03", {"一般公共预算财政拨款收入", NULL}, "FA01", "L1", "N1", "收入支出决算总表 一般公共预算财政拨款收入", 0, 0},
    {"n03", {"财政拨款收入", NULL}, "FA02", "I合计", "N2", "收入决算表 合计 财政拨款收入", 0, 0},
    {"n03", {"政府性基金预算财政拨款收入", NULL}, "FA01", "L2", "N1", "收入支出决算总表 政府性基金预算财政拨款收入", 0, 0},
    {"n03", {"国有资本经营预算财政拨款收入", NULL}, "FA01", "L3", "N1", "收入支出决算总表 国有资本经营预算财政拨款收入", 0, 0},
    {"n03", {"上级补助收入", NULL}, "FA01", "L4", "N1", "收入支出决算总表 上级补助收入", 0, 0},
    {"n03", {"事业收入", NULL}, "FA01", "L5", "N1", "收入支出决算总表 事业收入", 0, 0},
    {"n03", {"经营收入", NULL}, "FA01", "L6", "N1", "收入支出决算总表 经营收入", 0, 0},
    {"n03", {"附属单位上缴收入", NULL}, "FA01", "L7", "N1", "收入支出决算总表 附属单位上缴收入", 0, 0},
    {"n03", {"其他收入", NULL}, "FA01", "L8", "N1", "收入支出决算总表 其他收入", 0, 0},
    {"n05", {"年初结转和结余", "使用年初结转和结余", NULL}, "FA01", "L29", "N1", "收入支出决算总表 年初结转和结余", 0, 0},
    {"n05", {"年末结转和结余", NULL}, "FA01", "L60", "N2", "收入支出决算总表 年末结转和结余", 0, 0},
    {"n04", {"支出合计", "本年支出合计", "本年支出", NULL}, "FA01", "L58", "N2", "收入支出决算总表 本年支出合计", 0, 0},
    {"n10", {"基本支出", NULL}, "FA05", "I合计", "N2", "一般公共预算财政拨款支出决算表 合计 基本支出", 0, 1},
    {"n10", {"项目支出", NULL}, "FA05", "I合计", "N3", "一般公共预算财政拨款支出决算表 合计 项目支出", 0, 1},
    {"n04", {"基本支出", NULL}, "FA03", "I合计", "N2", "支出决算表 合计 基本支出", 0, -1},
    {"n04", {"项目支出", NULL}, "FA03", "I合计", "N3", "支出决算表 合计 项目支出", 0, -1},
    {"n04", {"上缴上级支出", NULL}, "FA03", "I合计", "N4", "支出决算表 合计 上缴上级支出", 0, 0},
    {"n04", {"经营支出", NULL}, "FA03", "I合计", "N5", "支出决算表 合计 经营支出", 0, 0},
    {"n04", {"对附属单位补助支出", NULL}, "FA03", "I合计", "N6", "支出决算表 合计 对附属单位补助支出", 0, 0},
    {"n06", {"财政拨款收、支总计", "财政拨款收支总计", NULL}, "FA04", "L32", "N1", "财政拨款收入支出决算总表 总计", 0, 0},
    {"n07", {"一般公共预算财政拨款支出", "一般公共预算支出", "一般公共预算财政拨款支出决算", NULL}, "FA05", "I合计", "N1",
     "一般公共预算财政拨款支出决算表 合计", 0, 0},
    {"n10", {"一般公共预算财政拨款基本支出", NULL}, "FA05", "I合计", "N2", "一般公共预算财政拨款支出决算表 合计 基本支出", 0, 0},
    {"n10", {"人员经费", NULL}, "FA06", "I人员经费合计", NULL, "基本支出决算表 人员经费合计", 0, 0},
    {"n10", {"公用经费", NULL}, "FA06", "I公用经费合计", NULL, "基本支出决算表 公用经费合计", 0, 0},
    {"n11", {"三公经费财政拨款支出", "三公经费支出", "三公经费", "三公经费财政拨款", NULL}, "FA09", NULL, "N7", "“三公”经费表 决算数 合计", 0, 0},
    {"n11", {"三公经费财政拨款支出", "三公经费支出", "三公经费", "三公经费财政拨款", NULL}, "FA09", NULL, "N1", "“三公”经费表 预算数 合计", 1, 0},
    {"n12", {"因公出国（境）费", "因公出国（境）费支出", "因公出国（境）经费支出", "因公出国（境）费用", NULL}, "FA09", NULL, "N8",
     "“三公”经费表 决算数 因公出国（境）费", 0, 0},
    {"n12", {"公务用车购置及运行维护费", "公务用车购置及运行维护费支出", "公务用车购置及运行费", "公务用车购置及运行费支出", NULL},
     "FA09", NULL, "N9", "“三公”经费表 决算数 公务用车购置及运行维护费", 0, 0},
    {"n12", {"公务用车购置费", "公务用车购置支出", "公务用车购置费支出", NULL}, "FA09", NULL, "N10", "“三公”经费表 决算数 公务用车购置费", 0, 0},
    {"n12", {"公务用车运行维护费", "公务用车运行维护费支出", NULL}, "FA09", NULL, "N11", "“三公”经费表 决算数 公务用车运行维护费", 0, 0},
    {"n12", {"公务接待费", "公务接待费支出", NULL}, "FA09", NULL, "N12", "“三公”经费表 决算数 公务接待费", 0, 0},
    {"n13", {"政府性基金预算财政拨款支出", "政府性基金预算支出", NULL}, "FA07", "I合计", "N3", "政府性基金预算财政拨款收入支出决算表 合计 本年支出", 0, 0},
    {"n14", {"国有资本经营预算财政拨款支出", "国有资本经营预算支出", NULL}, "FA08", "I合计", "N1", "国有资本经营预算财政拨款支出决算表 合计", 0, 0},
    {"n15", {"机关运行经费", "机关运行经费支出", NULL}, "FA06", "I公用经费合计", NULL, "基本支出决算表 公用经费合计", 0, 0},
    {NULL, {NULL}, NULL, NULL, NULL, NULL, 0, 0}};

static int in_gpb_section(const fact *n)
{
    return (n->heading && strstr(n->heading, "一般公共预算")) || (n->section && strstr(n->section, "一般公共预算"));
}

int subject_target_of(const checker *c, const fact *n, subject_target *t)
{
    if (!n->subject)
        return 0;
    char s[400];
    subject_norm(n->subject, s, sizeof s);
    int budget = basis_is_budget(n), gpb = in_gpb_section(n);
    for (const mapping *m = MAP; m->rule; m++) {
        int hit = 0;
        for (int i = 0; m->aliases[i] && !hit; i++)
            hit = strcmp(s, m->aliases[i]) == 0;
        if (!hit || m->budget != budget || (m->gpb == 1 && !gpb) || (m->gpb == -1 && gpb))
            continue;
        t->rule = m->rule;
        t->what = m->what;
        t->table_id = m->tid;
        t->cell = std_cell(c, m->tid, m->row, m->col);
        /* a 类 row of 表4/表5 named in the text is found by code elsewhere */
        return 1;
    }
    return 0;
}
