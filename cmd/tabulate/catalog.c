#include "catalog.h"

#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define A(...) (const char *const[]){__VA_ARGS__, NULL}

static const table_kind KINDS[] = {
    {"FA01", "公开01表", "收入支出决算总表", NULL,
     A("收入支出决算总表", "部门收支决算总表", "收支决算总表", "部门收入支出决算总表",
       "收入支出决算表")},
    {"FA02", "公开02表", "收入决算表", NULL, A("收入决算表", "部门收入决算表", "收入决算总表")},
    {"FA03", "公开03表", "支出决算表", NULL, A("支出决算表", "部门支出决算表", "支出决算总表")},
    {"FA04", "公开04表", "财政拨款收入支出决算总表", NULL,
     A("财政拨款收入支出决算总表", "财政拨款收支决算总表", "财政拨款收入支出决算表")},
    {"FA04D", NULL, "财政拨款支出决算明细表", NULL, A("财政拨款支出决算明细表")},
    {"FA05", "公开05表", "一般公共预算财政拨款支出决算表", NULL,
     A("一般公共预算财政拨款支出决算表", "一般公共预算支出决算表",
       "一般公共预算财政拨款收入支出决算表")},
    {"FA05D", NULL, "一般公共预算财政拨款支出决算明细表", NULL,
     A("一般公共预算财政拨款支出决算明细表")},
    {"FA06", "公开06表", "一般公共预算财政拨款基本支出决算表", NULL,
     A("一般公共预算财政拨款基本支出决算表", "一般公共预算财政拨款基本支出决算明细表",
       "基本支出决算表", "基本支出决算明细表")},
    {"FA06P", NULL, "一般公共预算财政拨款项目支出决算表", NULL,
     A("一般公共预算财政拨款项目支出决算表", "项目支出决算表")},
    {"FA07", "公开07表", "政府性基金预算财政拨款收入支出决算表", "政府性基金",
     A("政府性基金预算财政拨款收入支出决算表", "政府性基金预算财政拨款支出决算表")},
    {"FA08", "公开08表", "国有资本经营预算财政拨款支出决算表", "国有资本经营",
     A("国有资本经营预算财政拨款支出决算表")},
    {"FA08I", NULL, "国有资本经营预算财政拨款收入支出决算表", "国有资本经营",
     A("国有资本经营预算财政拨款收入支出决算表")},
    {"FA09", "公开09表", "财政拨款“三公”经费支出决算表", "三公",
     A("财政拨款三公经费支出决算表", "一般公共预算财政拨款三公经费支出决算表", "三公经费支出决算表")},
    {"BU01", NULL, "收支预算总表", NULL,
     A("收支预算总表", "部门收支总表", "部门财务收支预算总表", "收支总表", "部门收支预算总表",
       "收支总体情况表")},
    {"BU02", NULL, "收入预算表", NULL,
     A("收入预算表", "部门收入总表", "部门收入预算总表", "收入总体情况表")},
    {"BU03", NULL, "支出预算表", NULL,
     A("支出预算表", "部门支出总表", "部门支出预算总表", "支出总体情况表")},
    {"BU04", NULL, "财政拨款收支预算总表", NULL,
     A("财政拨款收支预算总表", "财政拨款收支总表", "部门财政拨款收支预算总表",
       "财政拨款收支总体情况表")},
    {"BU05", NULL, "一般公共预算支出表", NULL,
     A("一般公共预算支出表", "一般公共预算支出功能分类预算表", "一般公共预算财政拨款支出表",
       "一般公共预算支出情况表", "一般预算支出表", "一般公共预算支出明细表",
       "一般公共预算本级财力安排支出情况表")},
    {"BU06", NULL, "一般公共预算基本支出表", NULL,
     A("一般公共预算基本支出表", "一般公共预算基本支出部门预算经济分类预算表",
       "一般公共预算基本支出情况表", "一般预算基本支出表", "部门基本支出预算表",
       "基本支出预算表", "一般公共预算基本支出明细表")},
    {"BU07", NULL, "一般公共预算“三公”经费支出表", "三公",
     A("一般公共预算三公经费支出表", "财政拨款三公经费支出表")},
    {"BU08", NULL, "政府性基金预算支出表", "政府性基金",
     A("政府性基金预算支出表", "政府性基金预算支出功能分类预算表", "政府性基金预算支出情况表")},
    {"BU09", NULL, "国有资本经营预算支出表", "国有资本经营",
     A("国有资本经营预算支出表", "国有资本经营预算支出功能分类预算表", "国有资本经营预算支出情况表")},
};

#define NKINDS (sizeof KINDS / sizeof KINDS[0])

static const table_kind *kind_by_id(const char *id)
{
    for (size_t i = 0; i < NKINDS; i++)
        if (strcmp(KINDS[i].id, id) == 0)
            return &KINDS[i];
    return NULL;
}

/* s without the words 部门 and 预算, into out (size bytes): titles put
 * them anywhere (部门预算收入总表, 收入预算总表, 部门收入总表). */
static void drop_filler(const char *s, char *out, size_t size)
{
    static const char *const filler[] = {"部门", "预算"};
    size_t n = 0;
    while (*s && n + 1 < size) {
        size_t skip = 0;
        /* (both words start with the byte 0xE9: compared only there) */
        for (size_t f = 0; f < 2 && !skip && *s == filler[f][0]; f++)
            if (strncmp(s, filler[f], strlen(filler[f])) == 0)
                skip = strlen(filler[f]);
        if (skip) {
            s += skip;
            continue;
        }
        out[n++] = *s++;
    }
    out[n] = '\0';
}

static int word_before(const char *s, const char *p, const char *w);

/* Whether key names a table of the notes, not one of the standard set: one
 * numbered under a section (表1-1, 表 7-2), or one that compares (收支总体
 * 情况对比, “三公”经费支出决算对比) and so restates the standard tables. A
 * number after 公开表 is a form's (四川's budget set: 公开表1-1 …). */
static int notes_table(const char *key)
{
    if (strstr(key, "对比") || strstr(key, "比较"))
        return 1;
    for (const char *p = strstr(key, "表"); p; p = strstr(p + 1, "表")) {
        if (word_before(key, p, "公开"))
            continue;
        const char *d = p + strlen("表");
        size_t n = 0;
        while (d[n] >= '0' && d[n] <= '9')
            n++;
        if (n && (d[n] == '-' || strncmp(d + n, "－", strlen("－")) == 0)) {
            const char *e = d + n + (d[n] == '-' ? 1 : strlen("－"));
            if (*e >= '0' && *e <= '9')
                return 1;
        }
    }
    return 0;
}

static const table_kind *bare_title(const char *key);

/* Whether one of k's aliases holds word. */
static int kind_names(const table_kind *k, const char *word)
{
    for (const char *const *a = k->aliases; *a; a++)
        if (strstr(*a, word))
            return 1;
    return 0;
}

/* Drops 公开 right before 表 in key, in place: 西藏 titles its 决算 tables
 * …决算公开表 (收入支出决算公开表 is the 收入支出决算表). */
static void drop_public_word(char *key)
{
    static const char WORD[] = "公开表";
    const size_t cut = strlen("公开");
    for (char *p = strstr(key, WORD); p; p = strstr(p, WORD))
        memmove(p, p + cut, strlen(p + cut) + 1);
}

const table_kind *catalog_match(const char *title)
{
    char *key = tx_key(title);
    if (notes_table(key)) {
        free(key);
        return NULL;
    }
    drop_public_word(key);
    const table_kind *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < NKINDS; i++)
        for (const char *const *a = KINDS[i].aliases; *a; a++) {
            size_t l = strlen(*a);
            if (l > best_len && strstr(key, *a)) {
                best = &KINDS[i];
                best_len = l;
            }
        }
    {
        /* the words in another order: compared without 部门 and 预算 (a
         * 决算 title keeps its 决算, so no budget alias takes it); a longer
         * match so wins over a shorter exact one (财政拨款“三公”经费支出预算表
         * is no 支出预算表) */
        char k[512], a2[128];
        drop_filler(key, k, sizeof k);
        for (size_t i = 0; i < NKINDS; i++)
            for (const char *const *a = KINDS[i].aliases; *a; a++) {
                drop_filler(*a, a2, sizeof a2);
                size_t l = strlen(a2);
                if (l > best_len && strstr(k, a2)) {
                    best = &KINDS[i];
                    best_len = l;
                }
            }
    }
    /* a title that lost its first character right after the year (2024年度
     * 出决算表, 2024年度般公共预算财政拨款支出决算表: a typist's slip copied
     * from table to table): an alias without its first character, at least
     * four left, there, longer than what matched whole (政拨款收入支出决算总表
     * is no 收入支出决算总表) */
    for (size_t i = 0; i < NKINDS; i++)
        for (const char *const *a = KINDS[i].aliases; *a; a++) {
            const char *rest = *a + (((unsigned char)**a & 0xE0) == 0xE0 ? 3 : 1);
            size_t l = strlen(rest);
            const char *at = tx_cplen(rest, l) >= 4 ? strstr(key, rest) : NULL;
            if (at && l > best_len && (word_before(key, at, "年度") || word_before(key, at, "年"))) {
                best = &KINDS[i];
                best_len = l;
            }
        }
    /* a title of projects (项目支出预算表, 项目支出绩效自评表) lists them:
     * no standard table that its end spells (支出预算表), unless the one
     * named for 项目支出 */
    if (best && strstr(key, "项目支出") && !kind_names(best, "项目支出"))
        best = NULL;
    /* a title naming the 三公 funds is the 三公 table, whatever else it
     * counts with them (“三公”经费及会议费、培训费支出决算表 in 陕西,
     * 三公经费和机关运行经费预算表 in 上海): not the 支出决算表 its end spells */
    if (strstr(key, "三公经费") && !catalog_is_sangong(best))
        best = kind_by_id(strstr(key, "决算") ? "FA09" : "BU07");
    if (!best)
        best = bare_title(key);
    free(key);
    return best;
}

/* Whether the bytes of s right before p spell w. */
static int word_before(const char *s, const char *p, const char *w)
{
    size_t n = strlen(w);
    return p - s >= (long)n && strncmp(p - n, w, n) == 0;
}

/* Budget tables some provinces title by their fund alone, without 表
 * (湖南: 朦江县演艺中心2025年三公经费, …年政府性基金, …年国有资本经营预算):
 * the kind when key ends in one right after its year, else NULL. */
static const table_kind *bare_title(const char *key)
{
    static const struct {
        const char *name, *id;
    } BARE[] = {{"三公经费", "BU07"}, {"政府性基金", "BU08"}, {"政府性基金预算", "BU08"},
                {"国有资本经营预算", "BU09"}};
    size_t n = strlen(key);
    for (size_t i = 0; i < sizeof BARE / sizeof BARE[0]; i++) {
        size_t l = strlen(BARE[i].name);
        const char *at = key + n - l;
        if (n > l && strcmp(at, BARE[i].name) == 0 &&
            (word_before(key, at, "年") || word_before(key, at, "年度")))
            return kind_by_id(BARE[i].id);
    }
    return NULL;
}

char *catalog_form_in(const char *text)
{
    char *key = tx_key(text);
    char *p = strstr(key, "公开");
    char *out = NULL;
    /* 预算公开01表 numbers a budget's tables: not the 决算 公开01表 */
    if (p && word_before(key, p, "预算"))
        p = NULL;
    if (p) {
        char *d = p + strlen("公开");
        int n = 0, v = 0;
        while (d[n] >= '0' && d[n] <= '9' && n < 3) {
            v = v * 10 + (d[n] - '0');
            n++;
        }
        if (n && strncmp(d + n, "表", strlen("表")) == 0) {
            char buf[32];
            snprintf(buf, sizeof buf, "公开%02d表", v);
            out = tx_dup(buf);
        }
    }
    free(key);
    return out;
}

int catalog_is_sangong(const table_kind *k)
{
    return k && k->keyword && strcmp(k->keyword, "三公") == 0;
}

const table_kind *catalog_by_id(const char *id) { return kind_by_id(id); }

const table_kind *catalog_by_form(const char *form)
{
    char *f = catalog_form_in(form);
    const table_kind *k = NULL;
    if (f)
        for (size_t i = 0; i < NKINDS && !k; i++)
            if (KINDS[i].form && strcmp(KINDS[i].form, f) == 0)
                k = &KINDS[i];
    free(f);
    return k;
}

int catalog_is_title(const char *text)
{
    char *key = tx_key(text);
    drop_public_word(key);
    /* the unit set on the title's line (…收支预算总表　单位：万元): the
     * title is what comes before it */
    char *unit = strstr(key, "单位:");
    if (unit) {
        char *end = unit;
        if (word_before(key, end, "金额"))
            end -= strlen("金额");
        if (word_before(key, end, "表"))
            *end = '\0';
    }
    size_t n = tx_cplen(key, strlen(key));
    /* the department's full name may come first (中共…纪律检查委员会…（本级）
     * 2023年度…决算表): a title is short, but not that short */
    /* a line naming the department (部门：X　预算01表　单位：万元) is said of a
     * table, never its title */
    static const char *const LABEL[] = {"部门:", "部门名称:", "编制部门:", "编制单位:", "单位名称:",
                                        "填报单位:", NULL};
    int label = 0;
    for (int i = 0; LABEL[i] && !label; i++)
        label = strncmp(key, LABEL[i], strlen(LABEL[i])) == 0;
    int ok = !label && n >= 3 && n <= 90 && (strstr(key, "表") || bare_title(key)) &&
             strncmp(key, "注", strlen("注")) != 0 &&
             !strstr(key, "。") && !strstr(key, "=") && !strstr(key, "单位:") &&
             !strstr(key, "......");
    /* a bare form line (公开01表, 预算公开01表, 附表3) is not a title */
    if (ok) {
        char *f = catalog_form_in(key);
        if (f && strlen(f) + 2 >= strlen(key))
            ok = 0;
        free(f);
        if (strstr(key, "公开") && n <= 9 && tx_ends(key, "表"))
            ok = 0;
    }
    free(key);
    return ok;
}

/* Bytes of a year prefix at s: 2023年度 2023年 (digits ASCII after keying). */
static size_t year_len(const char *s)
{
    int d = 0;
    while (s[d] >= '0' && s[d] <= '9')
        d++;
    if (d != 4)
        return 0;
    if (strncmp(s + d, "年度", strlen("年度")) == 0)
        return (size_t)d + strlen("年度");
    if (strncmp(s + d, "年", strlen("年")) == 0)
        return (size_t)d + strlen("年");
    return 0;
}

/* Bytes of a form number at s (预算10表, 公开11表, 预算公开03表), or 0. */
static size_t form_number_len(const char *s)
{
    static const char *const by[] = {"预算公开", "部门预算", "公开", "预算", "决算", NULL};
    for (int i = 0; by[i]; i++) {
        size_t n = strlen(by[i]), d = n;
        if (strncmp(s, by[i], n) != 0)
            continue;
        while (s[d] >= '0' && s[d] <= '9')
            d++;
        if (d > n && strncmp(s + d, "表", strlen("表")) == 0)
            return d + strlen("表");
    }
    return 0;
}

char *catalog_caption(const char *title)
{
    char *key = tx_key(title);
    sbuf b = {0};
    for (char *p = key; *p;) {
        size_t y = year_len(p);
        if (y) {
            p += y;
            continue;
        }
        /* （表一） (表2) 表2-1 附表3 */
        if (*p == '(' && strncmp(p + 1, "表", strlen("表")) == 0) {
            char *e = strchr(p, ')');
            if (e && e - p < 20) {
                p = e + 1;
                continue;
            }
        }
        /* a form number before the name: 预算10表, 公开11表 */
        size_t form = p == key ? form_number_len(p) : 0;
        if (form) {
            p += form;
            continue;
        }
        int attach = strncmp(p, "附表", strlen("附表")) == 0;
        if (attach || (strncmp(p, "表", strlen("表")) == 0 && p == key)) {
            char *q = p + (attach ? strlen("附表") : strlen("表"));
            char *r = q;
            while ((*r >= '0' && *r <= '9') || *r == '-' || *r == '.')
                r++;
            if (r > q) {
                p = r;
                continue;
            }
        }
        sb_putc(&b, *p);
        p++;
    }
    free(key);
    char *cap = sb_take(&b);
    /* 绩效自评表（2023年度） loses its year: drop the empty brackets left */
    for (char *e; (e = strstr(cap, "()"));)
        memmove(e, e + 2, strlen(e + 2) + 1);
    /* numbering such as 一、 at the start */
    const char *s = tx_skip_numbering(cap);
    char *out = tx_dup(s);
    free(cap);
    return out;
}
