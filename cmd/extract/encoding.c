#include "encoding.h"

#include "utf8.h"

#include <errno.h>
#include <stdlib.h>
#include <iconv.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

const char *enc_from_label(const char *label, size_t len)
{
    static const struct { const char *label, *enc; } map[] = {
        {"utf-8", "utf-8"}, {"utf8", "utf-8"},
        {"gb2312", "gb18030"}, {"gbk", "gb18030"}, {"gb18030", "gb18030"},
        {"x-gbk", "gb18030"}, {"cp936", "gb18030"}, {"gb_2312-80", "gb18030"},
        {"gb_2312", "gb18030"}, {"euc-cn", "gb18030"}, {"windows-936", "gb18030"},
        {"csgb2312", "gb18030"}, {"chinese", "gb18030"},
        {"big5", "big5"}, {"big5-hkscs", "big5"}, {"cp950", "big5"}, {"x-x-big5", "big5"},
        {"csbig5", "big5"},
        {"utf-16le", "utf-16le"}, {"utf-16be", "utf-16be"},
    };
    while (len && (*label == ' ' || *label == '"' || *label == '\'')) {
        label++;
        len--;
    }
    while (len && (label[len - 1] == ' ' || label[len - 1] == '"' || label[len - 1] == '\''))
        len--;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strlen(map[i].label) == len && strncasecmp(map[i].label, label, len) == 0)
            return map[i].enc;
    return NULL;
}

static const char *iconv_name(const char *enc)
{
    if (strcmp(enc, "gb18030") == 0)
        return "GB18030";
    if (strcmp(enc, "big5") == 0)
        return "CP950";
    if (strcmp(enc, "utf-16le") == 0)
        return "UTF-16LE";
    if (strcmp(enc, "utf-16be") == 0)
        return "UTF-16BE";
    return "UTF-8";
}

static int convert(const unsigned char *data, size_t len, const char *from, tbuf *out)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return -1;
    tb_clear(out);
    /* CJK to UTF-8 grows at most 3/2; UTF-16 at most 3/2 as well */
    size_t room = len + len / 2 + 16;
    if (out->cap < room + 1) {
        char *bigger = realloc(out->s, room + 1);
        if (!bigger) {
            iconv_close(cd);
            return -2;
        }
        out->s = bigger;
        out->cap = room + 1;
    }
    char *in = (char *)data;
    size_t inleft = len;
    char *o = out->s;
    size_t oleft = out->cap - 1;
    int rc = 0;
    while (inleft) {
        if (iconv(cd, &in, &inleft, &o, &oleft) == (size_t)-1) {
            if (errno == E2BIG) {
                size_t used = (size_t)(o - out->s);
                size_t cap = out->cap * 2;
                char *bigger = realloc(out->s, cap);
                if (!bigger) {
                    rc = -2;
                    break;
                }
                out->s = bigger;
                out->cap = cap;
                o = out->s + used;
                oleft = cap - 1 - used;
                continue;
            }
            rc = -1;  /* EILSEQ or EINVAL: not this encoding */
            break;
        }
    }
    out->len = (size_t)(o - out->s);
    out->s[out->len] = '\0';
    iconv_close(cd);
    return rc;
}

int enc_decode_strict(const unsigned char *data, size_t len, const char *enc, tbuf *out)
{
    if (strcmp(enc, "utf-8") == 0) {
        size_t bad;
        if (!utf8_valid((const char *)data, len, &bad))
            return -1;
        tb_clear(out);
        return tb_add(out, data, len) ? -2 : 0;
    }
    int rc = convert(data, len, iconv_name(enc), out);
    if (rc == -1 && strcmp(enc, "big5") == 0)
        rc = convert(data, len, "BIG5-HKSCS", out);
    return rc;
}

/* Characters frequent in Chinese government reports, Simplified and
 * Traditional: a wrong decoding of the same bytes turns them into rare ones. */
static const char COMMON[] =
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过"
    "子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制"
    "机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正"
    "心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党"
    "程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角"
    "期根论运农指几九区强放决西被干做必战先回则任取据处府研况收支预算财拨款项目经费保障医疗局单位合"
    "计科类基本出入金额元万费用公共服务卫生健康疗机关事单位结转余额决算说明一般政府性基本建设"
    "這國們來時說會對發動過為產種後現實兩體機當從業還應開樣與關間數長見計別處區強決題黨員門經費醫療"
    "單位財撥預執務衛結轉餘額說明總計項類類稅設備購費萬億專屬綜濟價資";

static int cmp_cp(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

enum { MAX_COMMON = sizeof COMMON };

static long common_score(const tbuf *t)
{
    /* the common characters as a sorted set, built per call (cheap next
     * to the decoding it judges) */
    uint32_t set[MAX_COMMON];
    size_t nset = 0;
    const unsigned char *c = (const unsigned char *)COMMON;
    for (size_t i = 0; i < sizeof COMMON - 1;) {
        int l = utf8_decode(c + i, sizeof COMMON - 1 - i, &set[nset]);
        if (!l)
            break;
        nset++;
        i += (size_t)l;
    }
    qsort(set, nset, sizeof set[0], cmp_cp);
    long score = 0;
    const unsigned char *s = (const unsigned char *)t->s;
    /* a sample is enough to tell two decodings apart */
    size_t n = t->len < 65536 ? t->len : 65536;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int l = utf8_decode(s + i, n - i, &cp);
        if (!l) {
            i++;
            continue;
        }
        if (cp >= 0x3400 && bsearch(&cp, set, nset, sizeof set[0], cmp_cp))
            score++;
        else if (cp >= 0xE000 && cp <= 0xF8FF)
            score -= 2;  /* private use: a sign of a wrong table */
        i += (size_t)l;
    }
    return score;
}

/* UTF-8 with the invalid bytes replaced (text_clean does the replacing). */
static int fallback_utf8(const unsigned char *data, size_t len, tbuf *out, enc_result *res)
{
    long bad = 0;
    tb_clear(out);
    const unsigned char *s = data;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int l = utf8_decode(s + i, len - i, &cp);
        if (!l) {
            if (tb_add(out, "\xEF\xBF\xBD", 3))
                return -1;
            bad++;
            i++;
            continue;
        }
        if (tb_add(out, s + i, (size_t)l))
            return -1;
        i += (size_t)l;
    }
    res->encoding = "utf-8";
    res->bad = bad;
    res->how = "fallback";
    return 0;
}

int enc_decode_text(const unsigned char *data, size_t len, const char *label,
                    tbuf *out, enc_result *res)
{
    memset(res, 0, sizeof *res);
    const char *bom = NULL;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        bom = "utf-8";
        res->skipped = 3;
    } else if (len >= 2 && memcmp(data, "\xFF\xFE", 2) == 0) {
        bom = "utf-16le";
        res->skipped = 2;
    } else if (len >= 2 && memcmp(data, "\xFE\xFF", 2) == 0) {
        bom = "utf-16be";
        res->skipped = 2;
    }
    data += res->skipped;
    len -= res->skipped;
    int rc;
    if (bom) {
        res->encoding = bom;
        res->how = "bom";
        rc = enc_decode_strict(data, len, bom, out);
        if (rc == -2)
            return -1;
        if (rc == 0)
            return 0;
        if (strcmp(bom, "utf-8") == 0)
            return fallback_utf8(data, len, out, res);
    }
    if (label) {
        rc = enc_decode_strict(data, len, label, out);
        if (rc == -2)
            return -1;
        if (rc == 0) {
            res->encoding = label;
            res->how = "label";
            return 0;
        }
    }
    rc = enc_decode_strict(data, len, "utf-8", out);
    if (rc == -2)
        return -1;
    if (rc == 0) {
        res->encoding = "utf-8";
        res->how = "detected";
        return 0;
    }
    tbuf big5 = {0};
    int gb = enc_decode_strict(data, len, "gb18030", out);
    int b5 = enc_decode_strict(data, len, "big5", &big5);
    if (gb == -2 || b5 == -2) {
        tb_free(&big5);
        return -1;
    }
    res->how = "detected";
    if (gb == 0 && (b5 != 0 || common_score(out) >= common_score(&big5))) {
        res->encoding = "gb18030";
        tb_free(&big5);
        return 0;
    }
    if (b5 == 0) {
        tb_free(out);
        *out = big5;
        res->encoding = "big5";
        return 0;
    }
    tb_free(&big5);
    return fallback_utf8(data, len, out, res);
}

static int utf8_cjk_shaped(const unsigned char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int l = utf8_decode(s + i, len - i, &cp);
        if (!l || l == 2)
            return 0;
        i += (size_t)l;
    }
    return 1;
}

const char *enc_guess_name(const unsigned char *s, size_t len)
{
    if (utf8_cjk_shaped(s, len))
        return "utf-8";
    tbuf t = {0};
    const char *enc = NULL;
    if (enc_decode_strict(s, len, "gb18030", &t) == 0)
        enc = "gb18030";
    else if (enc_decode_strict(s, len, "big5", &t) == 0)
        enc = "big5";
    tb_free(&t);
    return enc;
}
