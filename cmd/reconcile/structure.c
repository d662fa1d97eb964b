#include "structure.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Placeholders a template leaves when nobody fills it in. */
static const char *const REMNANTS[] = {"XX", "××", "某某", "待填写", "此处填写", "（或与", "(或与", NULL};

/* "2022年度收、支总计…": a statement of the year's figures, opening a
 * paragraph (after any list numbering). Returns the year's position or NULL. */
static const char *opening_year(const char *text)
{
    const char *p = text;
    while (*p == ' ' || (*p >= '0' && *p <= '9' && (p[1] == '.' || p[1] == ')')) || *p == '.' || *p == ')')
        p++;
    for (int k = 0; k < 4; k++)
        if (p[k] < '0' || p[k] > '9')
            return NULL;
    if (strncmp(p + 4, "年度", 6) != 0 && strncmp(p + 4, " 年度", 7) != 0)
        return NULL;
    static const char *const what[] = {"收", "支", "本年", "财政拨款", "一般公共预算", "政府性基金", "国有资本", "“三公”",
                                       "\"三公\"", "三公", "机关运行", "政府采购", NULL};
    const char *q = p + 4 + (p[4] == ' ' ? 7 : 6);
    while (*q == ' ')
        q++;
    for (int i = 0; what[i]; i++)
        if (strncmp(q, what[i], strlen(what[i])) == 0)
            return p;
    return NULL;
}

int structure_wants(const char *text)
{
    if (opening_year(text))
        return 1;
    for (int i = 0; REMNANTS[i]; i++)
        if (strstr(text, REMNANTS[i]))
            return 1;
    return strstr(text, "项目名称") || (strstr(text, "年度") && (strstr(text, "决算") || strstr(text, "预算")));
}

static void para_finding(checker *c, const char *rule, verdict v, long p, const char *msg, const char *identity)
{
    char raw[64];
    int n = snprintf(raw, sizeof raw, "{\"locator\":{\"paragraph\":%ld}}", p);
    fact f;
    memset(&f, 0, sizeof f);
    f.raw = raw;
    f.rawlen = (size_t)n;
    const fact *inv[1] = {&f};
    chk_report(c, rule, v, msg, NULL, NULL, NULL, identity, inv, 1);
}

/* A short excerpt around position at in text, for the message. */
static void excerpt(const char *text, const char *at, char *out, size_t size)
{
    const char *s = at;
    for (int k = 0; k < 12 && s > text; k++) {
        s--;
        while (s > text && ((unsigned char)*s & 0xC0) == 0x80)
            s--;
    }
    size_t n = strlen(s);
    if (n > size - 1)
        n = size - 1;
    while (n > 0 && n < strlen(s) && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    if (n > 90) {
        n = 90;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(out, s, n);
    out[n] = 0;
}

static void check_remnants(checker *c)
{
    const json_t *ps = c->fi->paragraphs;
    int found = 0;
    for (size_t i = 0; i < json_array_size(ps); i++) {
        const json_t *p = json_array_get(ps, i);
        const char *text = json_string_value(json_object_get(p, "text"));
        long ord = (long)json_integer_value(json_object_get(p, "p"));
        const char *hit = NULL, *what = NULL;
        for (int k = 0; REMNANTS[k] && !hit; k++)
            if ((hit = strstr(text, REMNANTS[k])))
                what = REMNANTS[k];
        /* 项目名称 used as text, not as a label followed by its value */
        const char *pn = strstr(text, "项目名称");
        if (!hit && pn && pn[12] && strncmp(pn + 12, "：", 3) && pn[12] != ':' && strncmp(pn + 12, "（", 3))
            hit = pn, what = "项目名称";
        if (!hit)
            continue;
        char ex[128], msg[400];
        excerpt(text, hit, ex, sizeof ex);
        if (what[0] == '(' || strncmp(what, "（", 3) == 0)
            snprintf(msg, sizeof msg, "说明中留有模板的备选措辞，增减方向自相矛盾：「…%s…」", ex);
        else
            snprintf(msg, sizeof msg, "说明中留有模板占位文字「%s」：「…%s…」", what, ex);
        para_finding(c, what[0] == '(' || strncmp(what, "（", 3) == 0 ? "str.direction" : "str.template", V_WARN, ord, msg,
                     "no template placeholder left in the text");
        found++;
    }
    if (!found)
        chk_report(c, "str.template", V_PASS, "没有模板残留", NULL, NULL, NULL, "no template placeholder", NULL, 0);
}

/* A year that is not the report's, in "2022年度部门决算" and the like,
 * unless the sentence compares with it (与/比/较/上). */
static void check_years(checker *c)
{
    if (!c->year)
        return;
    const json_t *ps = c->fi->paragraphs;
    int found = 0;
    for (size_t i = 0; i < json_array_size(ps); i++) {
        const json_t *p = json_array_get(ps, i);
        const char *text = json_string_value(json_object_get(p, "text"));
        long ord = (long)json_integer_value(json_object_get(p, "p"));
        for (const char *s = text; (s = strstr(s, "年度")) != NULL; s += 6) {
            if (s - text < 4)
                continue;
            const char *y = s - 4;
            int digits = 1;
            for (int k = 0; k < 4; k++)
                digits &= y[k] >= '0' && y[k] <= '9';
            if (!digits || (y > text && y[-1] >= '0' && y[-1] <= '9'))
                continue;
            const char *after = s + 6;
            int report = !strncmp(after, "部门决算", 12) || !strncmp(after, "单位决算", 12) ||
                         !strncmp(after, "部门预算", 12) || !strncmp(after, "单位预算", 12);
            if (!report || strncmp(y, c->year, 4) == 0)
                continue;
            /* comparisons name another year on purpose */
            int compare = 0;
            /* look at the 9 bytes (3 characters) before the year, inside the text */
            size_t before = (size_t)(y - text) < 9 ? (size_t)(y - text) : 9;
            for (size_t b = 1; b <= before && !compare; b++) {
                const char *q = y - b;
                compare = !strncmp(q, "与", 3) || !strncmp(q, "比", 3) || !strncmp(q, "较", 3) || !strncmp(q, "上", 3);
            }
            if (compare)
                continue;
            char ex[128], msg[400], id[100];
            excerpt(text, y, ex, sizeof ex);
            snprintf(msg, sizeof msg, "本报告为%s年度，说明中却写作 %.4s 年度：「…%s…」", c->year, y, ex);
            snprintf(id, sizeof id, "report year = %s", c->year);
            para_finding(c, "str.year", V_WARN, ord, msg, id);
            found++;
        }
    }
    /* statements of the year's figures that name another year */
    for (size_t i = 0; i < json_array_size(ps); i++) {
        const json_t *p = json_array_get(ps, i);
        const char *text = json_string_value(json_object_get(p, "text"));
        const char *y = opening_year(text);
        if (!y || strncmp(y, c->year, 4) == 0)
            continue;
        char ex[128], msg[400], id[100];
        excerpt(text, y, ex, sizeof ex);
        snprintf(msg, sizeof msg, "本报告为%s年度，这段说明却写作 %.4s 年度的数字：「%s…」", c->year, y, ex);
        snprintf(id, sizeof id, "report year = %s", c->year);
        para_finding(c, "str.year", V_WARN, (long)json_integer_value(json_object_get(p, "p")), msg, id);
        found++;
    }
    if (!found)
        chk_report(c, "str.year", V_PASS, "年度一致", NULL, NULL, NULL, "report year consistent", NULL, 0);
}

/* 增减少: a change whose direction words contradict each other. */
static void check_directions(checker *c)
{
    idlist nl = fi_kind(c->fi, "narrative");
    for (size_t i = 0; i < nl.n; i++) {
        const fact *f = &c->fi->facts[nl.ids[i]];
        if (!f->direction || !f->measure || (strcmp(f->measure, "change") && strcmp(f->measure, "rate")))
            continue;
        verdict v = strcmp(f->direction, "unknown") == 0 ? V_WARN : V_PASS;
        char msg[600];
        snprintf(msg, sizeof msg, "情况说明「%s」%s %s 的增减方向用词%s：「%s」", f->subject ? f->subject : "",
                 rec_value_text(f), f->unit ? f->unit : "", v == V_PASS ? "明确" : "自相矛盾", f->sentence ? f->sentence : "");
        const fact *inv[1] = {f};
        chk_report(c, "str.direction", v, msg, NULL, v == V_PASS ? NULL : &f->printed, NULL, "one direction word per change", inv, 1);
    }
}

static const char *const STD_TABLES[][2] = {
    {"FA01", "收入支出决算总表（公开01表）"}, {"FA02", "收入决算表（公开02表）"}, {"FA03", "支出决算表（公开03表）"},
    {"FA04", "财政拨款收入支出决算总表（公开04表）"}, {"FA05", "一般公共预算财政拨款支出决算表（公开05表）"},
    {"FA06", "一般公共预算财政拨款基本支出决算表（公开06表）"}, {"FA07", "政府性基金预算财政拨款收入支出决算表（公开07表）"},
    {"FA08", "国有资本经营预算财政拨款支出决算表（公开08表）"}, {"FA09", "财政拨款“三公”经费支出决算表（公开09表）"}};

static int has_table(const checker *c, const char *tid, int *empty_statement)
{
    idlist tables = fi_tables(c->fi);
    int found = 0;
    for (size_t i = 0; i < tables.n; i++) {
        const fact *f = &c->fi->facts[tables.ids[i]];
        if (f->table_id && strcmp(f->table_id, tid) == 0)
            found = 1;
    }
    idlist e = fi_kind(c->fi, "empty_table");
    for (size_t i = 0; i < e.n; i++) {
        const fact *f = &c->fi->facts[e.ids[i]];
        if (f->table_id && strcmp(f->table_id, tid) == 0) {
            found = 1;
            if (empty_statement)
                *empty_statement = (int)e.ids[i] + 1;
        }
    }
    return found;
}

static void check_tables_present(checker *c)
{
    int any = 0;
    for (size_t k = 0; k < 9; k++)
        any |= has_table(c, STD_TABLES[k][0], NULL);
    if (!any) {
        chk_report(c, "str.missing-table", V_WARN, "决算报告中没有九张公开表中的任何一张（表格可能作为附件另行公开）", NULL, NULL,
                   NULL, "a 决算 report publishes the nine standard tables", NULL, 0);
        return;
    }
    for (size_t k = 0; k < 9; k++) {
        int stmt = 0;
        int present = has_table(c, STD_TABLES[k][0], &stmt);
        char msg[300];
        snprintf(msg, sizeof msg, "%s%s", present ? "有" : "缺少", STD_TABLES[k][1]);
        chk_report(c, "str.missing-table", present ? V_PASS : V_WARN, msg, NULL, NULL, NULL,
                   "a 决算 report publishes the nine standard tables", NULL, 0);
        if (!stmt)
            continue;
        /* the report says the table is empty: then it must print no figure */
        const fact *e = &c->fi->facts[stmt - 1];
        idlist tables = fi_tables(c->fi);
        for (size_t i = 0; i < tables.n; i++) {
            const fact *t0 = &c->fi->facts[tables.ids[i]];
            if (!t0->table_id || strcmp(t0->table_id, STD_TABLES[k][0]) || strcmp(t0->kind, "table"))
                continue;
            idlist all = fi_table(c->fi, t0->tkey);
            const fact *bad = NULL;
            for (size_t j = 0; j < all.n && !bad; j++)
                if (c->fi->facts[all.ids[j]].has_value && !dec_is_zero(c->fi->facts[all.ids[j]].value))
                    bad = &c->fi->facts[all.ids[j]];
            char m2[600];
            snprintf(m2, sizeof m2, "报告称%s为空（「%s」），表中%s %s", STD_TABLES[k][1], e->sentence ? e->sentence : "",
                     bad ? "却有数字" : "也没有数字", bad ? rec_value_text(bad) : "");
            const fact *inv[2] = {e, bad};
            chk_report(c, "str.empty-table", bad ? V_ERROR : V_PASS, m2, NULL, bad ? &bad->value : NULL, NULL,
                       "an empty table prints no figure", inv, bad ? 2 : 1);
        }
    }
}

void check_structure(checker *c, const char *stage)
{
    if (stage && strcmp(stage, "决算") == 0)
        check_tables_present(c);
    check_years(c);
    check_directions(c);
    check_remnants(c);
}
