#include "codes.h"

#include "codelist.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* Old and variant names of a 类 (domain.md §3.4, §6.2). */
static const code_entry ALIASES[] = {
    {"210", "医疗卫生与计划生育支出", "医疗卫生和计划生育"}, {"210", "医疗卫生支出", "医疗卫生"},
    {"207", "文化体育与传媒支出", "文化体育和传媒"}, {"220", "国土海洋气象等支出", "国土海洋气象等"},
    {"215", "资源勘探信息等支出", "资源勘探信息等"}, {"2101102", "事业单位医疗保险", "事业单位医疗保险"},
    {"2080505", "机关事业单位基本养老保险缴费", "机关事业单位基本养老保险缴费"},
};

/* The form names are compared in: folded, no spaces, 与 as 和, no trailing 支出. */
static char *name_key(const char *s, size_t n)
{
    char *t = tx_ndup(s, n);
    char *k = tx_key(t);
    free(t);
    sbuf b = {0};
    for (char *p = k; *p;) {
        if (strncmp(p, "与", strlen("与")) == 0) {
            sb_puts(&b, "和");
            p += strlen("与");
            continue;
        }
        sb_putc(&b, *p++);
    }
    free(k);
    char *r = sb_take(&b);
    size_t l = strlen(r);
    if (tx_ends(r, "支出") && l > strlen("支出"))
        r[l - strlen("支出")] = '\0';
    return r;
}

static const char *lookup(const char *name, size_t n, const char *parent, size_t digits)
{
    char *key = name_key(name, n);
    const char *found = NULL;
    for (int pass = 0; pass < 2 && !found; pass++) {
        int count = pass ? (int)(sizeof ALIASES / sizeof ALIASES[0]) : CODELIST_N;
        const code_entry *list = pass ? ALIASES : CODELIST;
        for (int i = 0; i < count && !found; i++) {
            const char *c = list[i].code;
            if (strlen(c) != digits || (parent && strncmp(c, parent, strlen(parent)) != 0))
                continue;
            if (strcmp(list[i].key, key) == 0)
                found = c;
        }
    }
    free(key);
    return found;
}

const char *codes_class_named(const char *name)
{
    return lookup(name, strlen(name), NULL, 3);
}

const char *codes_kuan_named(const char *name, const char *cls)
{
    char parent[4];
    if (!cls || strlen(cls) < 3)
        return NULL;
    memcpy(parent, cls, 3);
    parent[3] = '\0';
    return lookup(name, strlen(name), parent, 5);
}

int codes_is_classification(const char *text)
{
    char *k = tx_key(text);
    int yes = strstr(k, "(类)") || strstr(k, "(款)") || strstr(k, "(项)");
    for (char *p = k; !yes && (p = strchr(p, '(')); p++) {
        int d = 0;
        while (p[1 + d] >= '0' && p[1 + d] <= '9')
            d++;
        if (d == 3 && (p[4] == ')' || strncmp(p + 4, "类)", strlen("类)")) == 0))
            yes = 1;
    }
    free(k);
    return yes;
}

/* （210）（15）（01） or （221类）（02款）（03项） */
static char *from_segments(const char *k)
{
    sbuf b = {0};
    int n = 0;
    for (const char *p = k; (p = strchr(p, '(')); p++) {
        int d = 0;
        while (p[1 + d] >= '0' && p[1 + d] <= '9')
            d++;
        const char *e = p + 1 + d;
        if (strncmp(e, "类", strlen("类")) == 0 || strncmp(e, "款", strlen("款")) == 0 ||
            strncmp(e, "项", strlen("项")) == 0)
            e += strlen("类");
        if (*e != ')' || !d)
            continue;
        if ((n == 0 && d != 3) || (n > 0 && d != 2))
            break;
        sb_put(&b, p + 1, (size_t)d);
        n++;
        if (n == 3)
            break;
    }
    char *code = sb_take(&b);
    if (n == 0) {
        free(code);
        return NULL;
    }
    return code;
}

/* names followed by （类）（款）（项） */
static char *from_markers(const char *k)
{
    static const char *const MARK[] = {"(类)", "(款)", "(项)"};
    const char *p = k;
    const char *lei = NULL, *kuan = NULL;
    sbuf out = {0};
    int level = 0;
    while (level < 3) {
        const char *m = strstr(p, MARK[level]);
        if (!m)
            break;
        size_t n = (size_t)(m - p);
        if (level < 2) {
            const char *c = lookup(p, n, level ? lei : NULL, level ? 5 : 3);
            if (!c) {
                free(out.s);
                return NULL;
            }
            if (level == 0)
                lei = c;
            else
                kuan = c;
        } else {
            /* several 项 joined by 、 */
            const char *q = p;
            while (q < m) {
                const char *sep = strstr(q, "、");
                const char *e = sep && sep < m ? sep : m;
                const char *c = lookup(q, (size_t)(e - q), kuan, 7);
                if (!c) {
                    free(out.s);
                    return NULL;
                }
                if (out.len)
                    sb_putc(&out, '+');
                sb_puts(&out, c);
                q = e == m ? m : e + strlen("、");
            }
        }
        p = m + strlen(MARK[level]);
        level++;
    }
    if (level == 0)
        return NULL;
    if (level == 3)
        return sb_take(&out);
    free(out.s);
    return tx_dup(level == 1 ? lei : kuan);
}

char *codes_resolve(const char *text)
{
    char *k = tx_key(text);
    char *code = from_segments(k);
    if (!code)
        code = from_markers(k);
    if (!code) {
        const char *c = lookup(k, strlen(k), NULL, 3);
        if (c)
            code = tx_dup(c);
    }
    free(k);
    return code;
}

int codes_known_class(const char *code)
{
    if (strlen(code) < 3)
        return 0;
    /* the 类 of 部门预算支出经济分类 and of 政府预算支出经济分类: a unit's
     * number (318 杉坪县财政局) is none of them */
    static const char *const ECONOMIC[] = {"301", "302", "303", "307", "309", "310", "311", "312",
                                           "313", "399", "501", "502", "503", "504", "505", "506",
                                           "507", "508", "509", "510", "511", "512", "513", "514",
                                           "599", NULL};
    for (int i = 0; ECONOMIC[i]; i++)
        if (strncmp(ECONOMIC[i], code, 3) == 0)
            return 1;
    for (int i = 0; i < CODELIST_N; i++)
        if (strlen(CODELIST[i].code) == 3 && strncmp(CODELIST[i].code, code, 3) == 0)
            return 1;
    return 0;
}

char *codes_unhyphen(const char *text)
{
    char out[8];
    int n = 0, group = 0, groups = 0;
    for (const char *p = text; *p;) {
        uint32_t c;
        int l = tx_cp(p, &c);
        p += l;
        if (c >= '0' && c <= '9') {
            if (n >= 7)
                return NULL;
            out[n++] = (char)c;
            group++;
        } else if ((c == '-' || c == 0xFF0D || c == 0x2010 || c == 0x2011) && group) {
            /* the 类 is three digits, every level under it two */
            if (group != (groups ? 2 : 3))
                return NULL;
            groups++;
            group = 0;
        } else {
            return NULL;
        }
    }
    if (!groups || group != 2 || (n != 5 && n != 7))
        return NULL;
    out[n] = '\0';
    return codes_known_class(out) ? tx_dup(out) : NULL;
}
