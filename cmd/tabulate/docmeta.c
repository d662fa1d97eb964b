#include "docmeta.h"

#include "text.h"

#include <stdlib.h>
#include <string.h>

static const char *const GENERIC[] = {"部门", "单位", "本部门", "本单位", "我部门", "本级", NULL};

static int generic(const char *s)
{
    for (int i = 0; GENERIC[i]; i++)
        if (strcmp(s, GENERIC[i]) == 0)
            return 1;
    return tx_cplen(s, strlen(s)) < 3;
}

static int is_numeral(uint32_t c)
{
    return (c >= '0' && c <= '9') || c == 0x4E00 || c == 0x4E8C || c == 0x4E09 || c == 0x56DB ||
           c == 0x4E94 || c == 0x516D || c == 0x4E03 || c == 0x516B || c == 0x4E5D ||
           c == 0x5341; /* 一 二 三 四 五 六 七 八 九 十 */
}

/* s without the table's number printed beside the name: 表5 or 附表3 in
 * front, 公开01表 or 预算01表 after it (表5榆岭区统计局, 澄浦县水利局公开01表,
 * 榆岭区统计局 预算01表); cut in place, white space trimmed. */
static void cut_form_marks(char *s)
{
    char *p = s;
    if (strncmp(p, "附表", strlen("附表")) == 0)
        p += strlen("附表");
    else if (strncmp(p, "表", strlen("表")) == 0)
        p += strlen("表");
    if (p != s) {
        uint32_t c;
        int l, n = 0;
        while (*p && (l = tx_cp(p, &c)) > 0 && is_numeral(c)) {
            p += l;
            n++;
        }
        if (n == 0)
            p = s; /* 表彰…: a word, not a number */
        memmove(s, p, strlen(p) + 1);
    }
    static const char *const MARK[] = {"公开", "预算", NULL};
    for (int i = 0; MARK[i]; i++)
        for (char *q = s; (q = strstr(q, MARK[i])); q += strlen(MARK[i])) {
            const char *d = q + strlen(MARK[i]);
            if (strncmp(d, "公开", strlen("公开")) == 0)
                d += strlen("公开");
            if (*d >= '0' && *d <= '9') {
                *q = '\0';
                break;
            }
        }
    char *c = tx_clean(s);
    memmove(s, c, strlen(c) + 1);
    free(c);
}

char *docmeta_dept_cell(const char *cell)
{
    static const char *const LEAD[] = {"编制单位", "单位名称", "部门名称", "部门", "单位", NULL};
    char *out = NULL;
    for (int i = 0; LEAD[i] && !out; i++) {
        const char *p = cell;
        while ((p = strstr(p, LEAD[i]))) {
            p += strlen(LEAD[i]);
            if (strncmp(p, "：", strlen("：")) == 0)
                p += strlen("：");
            else if (*p == ':')
                p++;
            else
                continue;
            /* the unit may share the cell: 部门：X    金额单位：万元 */
            const char *e = strstr(p, "金额单位");
            if (!e)
                e = strstr(p, "单位：");
            if (!e)
                e = strstr(p, "单位:");
            char *v = tx_ndup(p, e ? (size_t)(e - p) : strlen(p));
            char *c = tx_clean(v);
            free(v);
            cut_form_marks(c);
            if (!c[0] || strcmp(c, "万元") == 0 || strcmp(c, "元") == 0 || strcmp(c, "亿元") == 0 ||
                generic(c))
                free(c);
            else
                out = c;
            break;
        }
    }
    return out;
}

/* The 4-digit year of "2023年度" / "2023 年度" / "2023年" in s, or NULL. */
static char *year_in(const char *s, int need_du)
{
    for (const char *p = s; *p; p++) {
        if (!(p[0] == '2' && p[1] == '0' && p[2] >= '0' && p[2] <= '9' && p[3] >= '0' &&
              p[3] <= '9'))
            continue;
        if (p > s && p[-1] >= '0' && p[-1] <= '9')
            continue;
        const char *q = p + 4;
        while (*q == ' ')
            q++;
        int du = strncmp(q, "年度", strlen("年度")) == 0;
        int nian = strncmp(q, "年", strlen("年")) == 0;
        if (du || (!need_du && nian))
            return tx_ndup(p, 4);
    }
    return NULL;
}

/* s without white space; full-width forms kept as printed */
static char *squeeze(const char *s)
{
    sbuf b = {0};
    for (const char *p = s; *p;) {
        uint32_t c;
        int l = tx_cp(p, &c);
        if (!(c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0))
            sb_put(&b, p, (size_t)l);
        p += l;
    }
    return sb_take(&b);
}

static const char *const ORG_SUFFIX[] = {"医疗保障局", "委员会", "中心", "医院", "办公室", "办事处",
                                         "人民政府", "局", NULL};

static int is_place(uint32_t c)
{
    return c == 0x5E02 || c == 0x533A || c == 0x53BF || c == 0x7701 || c == 0x5DDE ||
           c == 0x65D7 || c == 0x9547 || c == 0x4E61; /* 市 区 县 省 州 旗 镇 乡 */
}

/* The first organisation name with a place in front: 广元市昭化区医疗保障局. */
static char *org_in(const char *text)
{
    for (int k = 0; ORG_SUFFIX[k]; k++) {
        const char *hit = text;
        while ((hit = strstr(hit, ORG_SUFFIX[k]))) {
            const char *end = hit + strlen(ORG_SUFFIX[k]);
            /* walk back over CJK name characters */
            const char *start = hit;
            int chars = 0;
            while (start > text && chars < 24) {
                const char *q = start - 1;
                while (q > text && ((unsigned char)*q & 0xC0) == 0x80)
                    q--;
                uint32_t c;
                tx_cp(q, &c);
                if (!tx_is_cjk(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ||
                    c == 0x5E74 /* 年 */ || c == 0x5EA6 /* 度 */)
                    break;
                start = q;
                chars++;
            }
            /* the name begins with a place: 2-4 characters then 市/区/县/省/州
             * (广元市…, 黑龙江省…), not with the place word (区卫生健康局) */
            int place = 0;
            const char *p = start;
            int idx = 0;
            while (p < hit && idx <= 4 && !place) {
                uint32_t c;
                int l = tx_cp(p, &c);
                if (is_place(c))
                    place = idx >= 2 ? 1 : -1;
                p += l;
                idx++;
            }
            place = place > 0;
            if (place) {
                sbuf b = {0};
                sb_put(&b, start, (size_t)(end - start));
                if (strncmp(end, "（本级）", strlen("（本级）")) == 0)
                    sb_puts(&b, "（本级）");
                return sb_take(&b);
            }
            hit = end;
        }
    }
    return NULL;
}

/* "第二部分 武汉市…（本级）2023年度部门决算表" → "武汉市…（本级）" */
static char *entity_from_title(const char *text)
{
    char *s = squeeze(text);
    char *p = s;
    if (strncmp(p, "第", strlen("第")) == 0) {
        char *q = strstr(p, "部分");
        if (q && q - p <= 12)
            p = q + strlen("部分");
    }
    static const char *const CUT[] = {"部门决算", "单位决算", "部门预算", "单位预算", "决算", "预算",
                                      "概况", "部门概况", NULL};
    size_t end = strlen(p);
    for (const char *q = p; *q; q++)
        if (q[0] == '2' && q[1] == '0' && q[2] >= '0' && q[2] <= '9' && q[3] >= '0' &&
            q[3] <= '9' && strncmp(q + 4, "年", strlen("年")) == 0) {
            if ((size_t)(q - p) < end)
                end = (size_t)(q - p);
            break;
        }
    for (int i = 0; CUT[i]; i++) {
        char *q = strstr(p, CUT[i]);
        if (q && (size_t)(q - p) < end)
            end = (size_t)(q - p);
    }
    char *e = tx_ndup(p, end);
    free(s);
    cut_form_marks(e);
    /* parenthesised text at the end that is not （本级） is not the name */
    char *c = tx_clean(e);
    free(e);
    /* 重庆市武隆区医疗保障局关于2021年度…: the name ends before 关于 */
    static const char *const TAIL[] = {"关于", "的", NULL};
    for (int i = 0; TAIL[i]; i++)
        if (tx_ends(c, TAIL[i]) && strlen(c) > strlen(TAIL[i]))
            c[strlen(c) - strlen(TAIL[i])] = '\0';
    /* a name with a place in it (广元市…, 遂宁市…), nothing else */
    char *org = org_in(c);
    int ok = org && !generic(c) && !strstr(c, "、") && !strstr(c, "，") && !strstr(c, "。");
    free(org);
    if (!ok) {
        free(c);
        return NULL;
    }
    return c;
}

static int title_like(const char *t)
{
    size_t n = tx_cplen(t, strlen(t));
    return n <= 40 && !strstr(t, "。") && !strstr(t, "，") && !strstr(t, "：") && !strstr(t, ":") &&
           strncmp(t, "（", strlen("（")) != 0 && t[0] != '(';
}

void docmeta_find(const char *const *paras, int np, const char *const *titles, int nt,
                  const char *const *dept, int nd, const char *source, docmeta *out)
{
    memset(out, 0, sizeof *out);
    for (int i = 0; i < nd && !out->entity; i++)
        out->entity = docmeta_dept_cell(dept[i]);
    int head = np < 40 ? np : 40;
    /* title lines: short, naming 决算 or 预算 */
    for (int i = 0; i < head + nt; i++) {
        const char *t = i < head ? paras[i] : titles[i - head];
        if (!title_like(t))
            continue;
        int ju = strstr(t, "决算") != NULL, yu = strstr(t, "预算") != NULL;
        if (!ju && !yu)
            continue;
        if (strstr(t, "....") || strstr(t, "……"))
            continue;   /* a table of contents line */
        if (!out->stage)
            out->stage = tx_dup(ju ? "决算" : "预算");
        /* 表1　2024年…: the number cut while the space still parts it from the year */
        char *bare = tx_dup(t);
        cut_form_marks(bare);
        if (!out->year) {
            char *f = squeeze(bare);
            out->year = year_in(f, 0);
            free(f);
        }
        if (!out->entity)
            out->entity = entity_from_title(bare);
        free(bare);
    }
    /* a first line that is only the name: 永清县医疗保障局 */
    for (int i = 0; i < head && i < 5 && !out->entity; i++) {
        char *o = org_in(paras[i]);
        if (o && strcmp(o, paras[i]) == 0)
            out->entity = o;
        else
            free(o);
    }
    for (int i = 0; i < np && !out->entity; i++)
        out->entity = org_in(paras[i]);
    for (int i = 0; i < nt && !out->entity; i++)
        out->entity = org_in(titles[i]);
    for (int i = 0; i < head && !out->year; i++) {
        char *f = squeeze(paras[i]);
        out->year = year_in(f, 1);
        free(f);
    }
    for (int i = 0; i < np && !out->year; i++) {
        char *f = squeeze(paras[i]);
        out->year = year_in(f, 0);
        free(f);
    }
    if (!out->stage) {
        int ju = 0, yu = 0;
        for (int i = 0; i < np; i++) {
            for (const char *p = paras[i]; (p = strstr(p, "决算")); p += 1)
                ju++;
            for (const char *p = paras[i]; (p = strstr(p, "预算")); p += 1)
                yu++;
        }
        if (ju || yu)
            out->stage = tx_dup(ju >= yu ? "决算" : "预算");
    }
    /* the file name, last */
    if (source) {
        const char *base = strrchr(source, '/');
        base = base ? base + 1 : source;
        const char *bang = strrchr(base, '!');
        base = bang ? bang + 1 : base;
        if (!out->stage) {
            if (strstr(base, "决算") || strstr(base, "final"))
                out->stage = tx_dup("决算");
            else if (strstr(base, "预算") || strstr(base, "budget"))
                out->stage = tx_dup("预算");
        }
        if (!out->year) {
            for (const char *p = base; *p && !out->year; p++)
                if (p[0] == '2' && p[1] == '0' && p[2] >= '0' && p[2] <= '9' && p[3] >= '0' &&
                    p[3] <= '9' && !(p[4] >= '0' && p[4] <= '9') &&
                    (p == base || !(p[-1] >= '0' && p[-1] <= '9')))
                    out->year = tx_ndup(p, 4);
        }
        if (!out->entity) {
            char *o = org_in(base);
            out->entity = o;
        }
    }
}

void docmeta_free(docmeta *m)
{
    free(m->entity);
    free(m->year);
    free(m->stage);
    memset(m, 0, sizeof *m);
}
