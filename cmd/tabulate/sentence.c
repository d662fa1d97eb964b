#include "sentence.h"

#include "decimal.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t sentence_next(const char *text)
{
    size_t i = 0;
    while (text[i]) {
        uint32_t c;
        int l = tx_cp(text + i, &c);
        i += (size_t)l;
        if (c == 0x3002 || c == 0xFF1B || c == ';' || c == '\n' || c == 0xFF01 || c == 0xFF1F)
            break;
    }
    return i;
}

static const char *const UNITS[] = {
    "个百分点", "万人次", "台（套）", "台(套)", "万元", "亿元", "万人", "人次", "批次", "元", "%", "％",
    "辆", "人", "个", "台", "套", "次", "名", "家", "场", "份", "户", "册", "万", NULL};

static int is_digit_at(const char *s, int *len, int *d)
{
    uint32_t c;
    *len = tx_cp(s, &c);
    if (c >= '0' && c <= '9') {
        *d = (int)(c - '0');
        return 1;
    }
    if (c >= 0xFF10 && c <= 0xFF19) {
        *d = (int)(c - 0xFF10);
        return 1;
    }
    return 0;
}

static int is_space_at(const char *s, int *len)
{
    uint32_t c;
    *len = tx_cp(s, &c);
    return c == ' ' || c == 0x3000 || c == 0xA0 || c == '\t';
}

/* The number at s: digits, thousands commas, one point. Writes its ASCII
 * form and returns its byte length, 0 when none. */
static size_t number_at(const char *s, char *out, size_t size)
{
    size_t i = 0, o = 0;
    int l, d, seen_point = 0, digits = 0;
    while (s[i] && o + 2 < size) {
        if (is_digit_at(s + i, &l, &d)) {
            out[o++] = (char)('0' + d);
            i += (size_t)l;
            digits++;
            continue;
        }
        uint32_t c;
        int m = tx_cp(s + i, &c);
        if ((c == '.' || c == 0xFF0E) && !seen_point && digits) {
            int l2, d2;
            if (!is_digit_at(s + i + m, &l2, &d2))
                break;
            seen_point = 1;
            out[o++] = '.';
            i += (size_t)m;
            continue;
        }
        if (c == ',' && digits && !seen_point) {
            /* a thousands separator only before exactly three digits */
            int ok = 1, l3, d3;
            size_t j = i + 1;
            for (int k = 0; k < 3 && ok; k++) {
                ok = is_digit_at(s + j, &l3, &d3);
                j += (size_t)l3;
            }
            if (ok && !is_digit_at(s + j, &l3, &d3)) {
                i += 1;
                continue;
            }
        }
        break;
    }
    out[o] = '\0';
    return digits ? i : 0;
}

static int starts(const char *s, const char *p)
{
    return strncmp(s, p, strlen(p)) == 0;
}

/* --- labels ------------------------------------------------------------- */

static void set(char **dst, const char *v)
{
    free(*dst);
    *dst = v ? tx_dup(v) : NULL;
}

static void drop_prefix(char *s, size_t n)
{
    memmove(s, s + n, strlen(s + n) + 1);
}

static int strip_suffix(char *s, const char *suf)
{
    if (tx_ends(s, suf) && strlen(s) >= strlen(suf)) {
        s[strlen(s) - strlen(suf)] = '\0';
        return 1;
    }
    return 0;
}

static int strip_prefix(char *s, const char *pre)
{
    if (starts(s, pre)) {
        drop_prefix(s, strlen(pre));
        return 1;
    }
    return 0;
}

/* Removes a year phrase such as 2023年度 / 2023年 / 截至2023年12月31日 at the
 * front. */
static int strip_year(char *s)
{
    if (strip_prefix(s, "截至") || strip_prefix(s, "截止")) {
        char *e = strstr(s, "日");
        if (e)
            drop_prefix(s, (size_t)(e - s) + strlen("日"));
        return 1;
    }
    int d = 0;
    while (s[d] >= '0' && s[d] <= '9')
        d++;
    if (d != 4)
        return 0;
    const char *p = s + 4;
    while (*p == ' ')
        p++;
    if (starts(p, "年度"))
        p += strlen("年度");
    else if (starts(p, "年"))
        p += strlen("年");
    else
        return 0;
    drop_prefix(s, (size_t)(p - s));
    return 1;
}

/* 与2022年度相比 比2022年度 较2022年 较上年(度) 同比: the base year, removed
 * from the label wherever it is. */
static void take_base_year(char *s, const nctx *ctx, char **year, char **base)
{
    static const char *const LEAD[] = {"与", "比", "较", "同", NULL};
    for (int i = 0; LEAD[i]; i++) {
        char *p = s;
        while ((p = strstr(p, LEAD[i]))) {
            char *q = p + strlen(LEAD[i]);
            char *end = NULL;
            char y[16] = {0};
            if (starts(q, "上年")) {
                end = q + strlen("上年");
                if (ctx->year && strlen(ctx->year) == 4)
                    snprintf(y, sizeof y, "%04d", (atoi(ctx->year) - 1) % 10000);
                if (starts(end, "度"))
                    end += strlen("度");
            } else if (i == 3 && starts(q, "比")) {
                end = q + strlen("比");
                if (ctx->year && strlen(ctx->year) == 4)
                    snprintf(y, sizeof y, "%04d", (atoi(ctx->year) - 1) % 10000);
            } else {
                char *r = q;
                while (*r == ' ')
                    r++;
                int d = 0;
                while (r[d] >= '0' && r[d] <= '9')
                    d++;
                if (d == 4) {
                    memcpy(y, r, 4);
                    end = r + 4;
                    while (*end == ' ')
                        end++;
                    if (starts(end, "年度"))
                        end += strlen("年度");
                    else if (starts(end, "年"))
                        end += strlen("年");
                    else
                        end = NULL;
                }
            }
            if (!end) {
                p = q;
                continue;
            }
            int budget = 0, final = 0;
            if (starts(end, "决算数") || starts(end, "决算")) {
                end += starts(end, "决算数") ? strlen("决算数") : strlen("决算");
                final = 1;
            } else if (starts(end, "预算数") || starts(end, "预算")) {
                end += starts(end, "预算数") ? strlen("预算数") : strlen("预算");
                budget = 1;
            }
            if (starts(end, "相比"))
                end += strlen("相比");
            if (y[0])
                set(year, y);
            set(base, final ? "上年决算" : budget ? "上年预算" : "上年");
            drop_prefix(p, (size_t)(end - p));
        }
    }
    /* 较年初预算(数) */
    char *p = strstr(s, "较年初预算");
    if (p) {
        set(base, "年初预算");
        char *e = p + strlen("较年初预算");
        if (starts(e, "数"))
            e += strlen("数");
        drop_prefix(p, (size_t)(e - p));
    }
}

static const char *const UP[] = {"增加", "增长", "上升", "提高", "上涨", NULL};
static const char *const DOWN[] = {"减少", "下降", "降低", "下滑", NULL};

/* The direction word at the end of the label, removed. */
static const char *take_direction(char *s)
{
    strip_suffix(s, "了");
    if (strip_suffix(s, "增减少") || strip_suffix(s, "增减"))
        return "unknown";
    if (strip_suffix(s, "持平"))
        return "flat";
    for (int i = 0; UP[i]; i++)
        if (strip_suffix(s, UP[i]))
            return "increase";
    for (int i = 0; DOWN[i]; i++)
        if (strip_suffix(s, DOWN[i]))
            return "decrease";
    return NULL;
}

static void strip_verbs(char *s)
{
    static const char *const V[] = {"均为", "各为", "合计为", "共计安排", "安排", "共计", "达到", "总计为",
                                    "为", "达",
                                    "是", "共", "各", "约", "：", ":", " ", NULL};
    int changed = 1;
    while (changed) {
        changed = 0;
        for (int i = 0; V[i]; i++)
            if (strip_suffix(s, V[i]))
                changed = 1;
    }
}

static const char *take_basis(char *s)
{
    static const char *const Q[][2] = {
        {"年初预算数", "年初预算"}, {"年初预算", "年初预算"}, {"全年预算数", "全年预算"},
        {"全年预算", "全年预算"}, {"调整后预算", "调整后预算"}, {"支出决算数", "支出决算"},
        {"支出决算", "支出决算"}, {"决算数", "决算"}, {"决算", "决算"}, {"预算数", "预算"},
        {"预算", "预算"}, {"执行数", "执行数"}, {"执行金额", "执行数"}, {NULL, NULL}};
    for (int i = 0; Q[i][0]; i++)
        if (strip_suffix(s, Q[i][0]))
            return Q[i][1];
    return NULL;
}

static void strip_lead(char *s, const nctx *ctx)
{
    static const char *const P[] = {"其中：", "其中:", "其中，", "其中", "主要用于以下方面：", "主要包括：",
                                    "、", "，", ",", "：", ":", "；", " ", "　", "即", "另外", "同时",
                                    "分别是", "分别为", "共有", "共涉及", "主要变动原因是", "主要原因是", "原因是",
                                    "主要是", "包括", "以及", "和", "及", "我局", "我单位", "本单位",
                                    "本部门", NULL};
    int changed = 1;
    while (changed) {
        changed = 0;
        for (int i = 0; P[i]; i++)
            if (strip_prefix(s, P[i]))
                changed = 1;
        const char *n = tx_skip_numbering(s);
        if (n != s) {
            drop_prefix(s, (size_t)(n - s));
            changed = 1;
        }
        if (strip_year(s))
            changed = 1;
        if (strip_prefix(s, "，") || strip_prefix(s, ","))
            changed = 1;
        if (ctx->entity && ctx->entity[0] && strip_prefix(s, ctx->entity))
            changed = 1;
    }
}

/* Drops the spaces PDF conversions put around numbers and between words. */
static char *despace(const char *s, size_t n)
{
    sbuf b = {0};
    for (size_t i = 0; i < n;) {
        int l;
        if (is_space_at(s + i, &l)) {
            i += (size_t)l;
            continue;
        }
        uint32_t c;
        l = tx_cp(s + i, &c);
        sb_put(&b, s + i, (size_t)l);
        i += (size_t)l;
    }
    return sb_take(&b);
}

/* --- figures ------------------------------------------------------------ */

static size_t hard_separator_before(const char *s, size_t from, size_t to)
{
    size_t best = from;
    static const char *const SEP[] = {"，", ",", "：", ":", "；", ";", NULL};
    for (int i = 0; SEP[i]; i++) {
        const char *p = s + from;
        while ((p = strstr(p, SEP[i])) && (size_t)(p - s) < to) {
            size_t e = (size_t)(p - s) + strlen(SEP[i]);
            if (e > best && e <= to)
                best = e;
            p += strlen(SEP[i]);
        }
    }
    return best;
}

static int unit_at(const char *s, char *unit, size_t *len)
{
    for (int i = 0; UNITS[i]; i++)
        if (starts(s, UNITS[i])) {
            const char *after = s + strlen(UNITS[i]);
            if (strcmp(UNITS[i], "万") == 0) {
                /* 76.8万，: an amount; 2万余名, 43.67万人: not */
                uint32_t c;
                tx_cp(after, &c);
                if (*after && !(c == 0xFF0C || c == 0x3002 || c == 0x3001 || c == 0xFF1B || c == ','))
                    return 0;
                snprintf(unit, 24, "万元");
            } else if (strcmp(UNITS[i], "％") == 0) {
                snprintf(unit, 24, "%%");
            } else if (strcmp(UNITS[i], "台(套)") == 0) {
                snprintf(unit, 24, "台（套）");
            } else {
                snprintf(unit, 24, "%s", UNITS[i]);
            }
            if (starts(after, "以上") || starts(after, "以下") || starts(after, "(含)") ||
                starts(after, "（含）") || starts(after, "余") || starts(after, "左右"))
                return 0;
            *len = strlen(UNITS[i]);
            return 1;
        }
    return 0;
}

static int money(const char *unit)
{
    return strcmp(unit, "万元") == 0 || strcmp(unit, "元") == 0 || strcmp(unit, "亿元") == 0;
}

static int percent(const char *unit)
{
    return strcmp(unit, "%") == 0 || strcmp(unit, "个百分点") == 0;
}

int sentence_figures(const char *s, const nctx *ctx, nfigure *out, int max)
{
    int n = 0;
    size_t prev_end = 0;
    /* what the sentence is about when a figure's own words do not say: the
     * words before its first ：, if no figure comes before it */
    char *topic = NULL;
    const char *colon = strstr(s, "：");
    if (!colon)
        colon = strstr(s, ":");
    size_t i = 0, len = strlen(s);
    while (i < len && n < max) {
        int l, d;
        if (!is_digit_at(s + i, &l, &d)) {
            i += (size_t)l;
            continue;
        }
        /* a number inside a word or after 第/图/表 or ≥ is no figure */
        size_t start = i;
        if (start > 0) {
            size_t k = start - 1;
            while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
                k--;
            uint32_t c;
            tx_cp(s + k, &c);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                (c >= 0xFF10 && c <= 0xFF19) || c == 0x7B2C || c == 0x56FE ||
                c == 0x8868 || c == 0x2265 || c == 0x2264 || c == '<' || c == '>' || c == '=' ||
                c == 0xFF1C || c == 0xFF1E || c == '.' || c == '-' || c == '_') {
                char tmp[64];
                size_t m = number_at(s + i, tmp, sizeof tmp);
                i += m ? m : (size_t)l;
                continue;
            }
        }
        char num[64];
        size_t m = number_at(s + i, num, sizeof num);
        size_t j = i + m;
        while (s[j] && is_space_at(s + j, &l))
            j += (size_t)l;
        char unit[24];
        size_t ul;
        if (!unit_at(s + j, unit, &ul)) {
            i += m;
            continue;
        }
        size_t end = j + ul;
        decimal dv;
        char buf[40];
        if (dec_parse(num, strlen(num), &dv) != DEC_OK || dec_format(dv, buf, sizeof buf) <= 0) {
            i = end;   /* too long to be an amount */
            continue;
        }
        if (colon && (size_t)(colon - s) < start && !topic && n == 0) {
            char *t = despace(s, (size_t)(colon - s));
            strip_lead(t, ctx);
            if (t[0])
                topic = t;
            else
                free(t);
        }
        nfigure *f = &out[n];
        memset(f, 0, sizeof *f);
        f->offset = start;
        snprintf(f->unit, sizeof f->unit, "%s", unit);
        f->value = tx_dup(buf);
        /* the words that say what this figure is */
        size_t from = hard_separator_before(s, prev_end, start);
        char *label = despace(s + from, start - from);
        take_base_year(label, ctx, &f->base_year, &f->base);
        strip_lead(label, ctx);
        const char *dir = take_direction(label);
        strip_verbs(label);
        if (!dir) {
            dir = take_direction(label);
            strip_verbs(label);
        }
        char *share_of = NULL;
        char *done = strstr(label, "完成");
        char *zhan = starts(label, "占") ? label : NULL;
        if (percent(unit)) {
            if (zhan) {
                f->measure = "share";
                share_of = tx_dup(label + strlen("占"));
                strip_suffix(share_of, "的");
                strip_suffix(share_of, "比重");
                strip_suffix(share_of, "比例");
                if (strcmp(share_of, "比") == 0)
                    share_of[0] = '\0';   /* 占比: no denominator printed */
                label[0] = '\0';
            } else if (done || strstr(label, "执行率") || strstr(label, "执行进度")) {
                f->measure = "execution_rate";
                if (done) {
                    char *b = tx_dup(done + strlen("完成"));
                    strip_suffix(b, "的");
                    strip_suffix(b, "数");
                    if (!b[0] || strcmp(b, "预算") == 0)
                        set(&f->base, "预算");
                    else if (strcmp(b, "率") == 0)
                        set(&f->base, NULL);   /* 完成率: a rate, no base */
                    else
                        set(&f->base, b);
                    free(b);
                    *done = '\0';
                }
            } else {
                f->measure = "rate";
            }
        } else if (money(unit)) {
            f->measure = dir ? "change" : "amount";
        } else {
            f->measure = "count";
        }
        if (dir && (strcmp(f->measure, "change") == 0 || strcmp(f->measure, "rate") == 0))
            f->direction = dir;
        if (share_of) {
            set(&f->base, share_of[0] ? share_of : NULL);
            free(share_of);
        }
        const char *basis = take_basis(label);
        strip_verbs(label);
        if (basis)
            f->basis = tx_dup(basis);
        /* a generic word (项目, 资金) after a topic names the topic */
        static const char *const GENERIC[] = {"项目", "资金", "经费", "金额", "支出", NULL};
        for (int g = 0; GENERIC[g] && topic; g++)
            if (strcmp(label, GENERIC[g]) == 0)
                label[0] = '\0';
        /* inherit what the sentence or the paragraph is about */
        if (label[0]) {
            f->subject = label;
        } else {
            free(label);
            if (n > 0 && out[n - 1].subject)
                f->subject = tx_dup(out[n - 1].subject);
            else if (topic)
                f->subject = tx_dup(topic);
            else if (ctx->topic)
                f->subject = tx_dup(ctx->topic);
        }
        if ((strcmp(f->measure, "rate") == 0 || strcmp(f->measure, "change") == 0) &&
            !f->base_year) {
            /* 与2022年度相比，…减少: the base sits earlier in the sentence, within
             * a few clauses (a window keeps a huge sentence linear) */
            size_t w0 = start > 300 ? start - 300 : 0;
            while (w0 > 0 && ((unsigned char)s[w0] & 0xC0) == 0x80)
                w0--;
            char *prefix = tx_ndup(s + w0, start - w0);
            take_base_year(prefix, ctx, &f->base_year, &f->base);
            free(prefix);
        }
        if ((strcmp(f->measure, "rate") == 0 || strcmp(f->measure, "change") == 0) && n > 0 &&
            !f->base_year && out[n - 1].base_year) {
            set(&f->base_year, out[n - 1].base_year);
            if (!f->base && out[n - 1].base)
                set(&f->base, out[n - 1].base);
        }
        n++;
        prev_end = end;
        i = end;
    }
    free(topic);
    return n;
}

void sentence_free(nfigure *f, int n)
{
    for (int i = 0; i < n; i++) {
        free(f[i].subject);
        free(f[i].basis);
        free(f[i].value);
        free(f[i].base_year);
        free(f[i].base);
    }
}
