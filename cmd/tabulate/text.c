#include "text.h"

#include "utf8.h"

#include <stdlib.h>
#include <string.h>

void sb_put(sbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p)
            abort();
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void sb_puts(sbuf *b, const char *s) { sb_put(b, s, strlen(s)); }
void sb_putc(sbuf *b, char c)
{
    if (b->len + 2 <= b->cap) {
        b->s[b->len++] = c;
        b->s[b->len] = '\0';
        return;
    }
    sb_put(b, &c, 1);
}

char *sb_take(sbuf *b)
{
    char *s = b->s ? b->s : tx_dup("");
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

char *tx_dup(const char *s)
{
    return tx_ndup(s, strlen(s));
}

char *tx_ndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p)
        abort();
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

int tx_cp_rest(const char *s, uint32_t *cp)
{
    size_t n = strnlen(s, 4);
    int l = utf8_decode((const unsigned char *)s, n, cp);
    if (l == 0) {
        *cp = 0xFFFD;
        return 1;
    }
    return l;
}

static int is_space_cp(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0 || c == 0x3000 ||
           c == 0x2002 || c == 0x2003 || c == 0x2009 || c == 0x200B || c == 0xFEFF;
}

int tx_is_cjk(uint32_t c)
{
    return (c >= 0x3000 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x2FFFF);
}

size_t tx_cplen(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            k++;
    return k;
}

/* Length of a `[bookmark: …]`-style marker at s, or 0. */
static size_t marker_len(const char *s)
{
    if (*s != '[')
        return 0;
    static const char *const open[] = {"[bookmark:", "[image:", NULL};
    for (int i = 0; open[i]; i++) {
        size_t l = strlen(open[i]);
        if (strncmp(s, open[i], l) == 0) {
            const char *e = strchr(s + l, ']');
            if (e)
                return (size_t)(e - s) + 1;
        }
    }
    return 0;
}

/* Bytes of white space at s (0 when none). */
static int space_at(const char *s)
{
    uint32_t c;
    int l = tx_cp(s, &c);
    return *s && is_space_cp(c) ? l : 0;
}

char *tx_clean(const char *s)
{
    /* most cells: no marker, no line break; only the ends to trim */
    if (!strchr(s, '[') && !strchr(s, '\n') && !strchr(s, '\r')) {
        const char *a = s;
        int l;
        while ((l = space_at(a)))
            a += l;
        const char *e = a, *end = a;
        while (*e) {
            int sp = space_at(e);
            if (sp) {
                e += sp;
                continue;
            }
            uint32_t c;
            e += tx_cp(e, &c);
            end = e;
        }
        return tx_ndup(a, (size_t)(end - a));
    }
    sbuf b = {0};
    uint32_t prev = 0;   /* last code point written that is not white space */
    int pending_break = 0;
    for (const char *p = s; *p;) {
        size_t m = marker_len(p);
        if (m) {
            p += m;
            continue;
        }
        uint32_t c;
        int l = tx_cp(p, &c);
        if (c == '\n' || c == '\r') {
            pending_break = 1;
            p += l;
            continue;
        }
        if (pending_break) {
            /* a wrapped cell: CJK runs join directly, words get a space */
            if (b.len && !is_space_cp(c) && !tx_is_cjk(c) && !tx_is_cjk(prev))
                sb_putc(&b, ' ');
            pending_break = 0;
            if (is_space_cp(c)) {
                p += l;
                continue;
            }
        }
        if (!is_space_cp(c))
            prev = c;
        sb_put(&b, p, (size_t)l);
        p += l;
    }
    char *out = sb_take(&b);
    /* trim */
    char *start = out;
    for (;;) {
        uint32_t c;
        int l = tx_cp(start, &c);
        if (!*start || !is_space_cp(c))
            break;
        start += l;
    }
    size_t n = strlen(start);
    while (n) {
        size_t k = n - 1;
        while (k && ((unsigned char)start[k] & 0xC0) == 0x80)
            k--;
        uint32_t c;
        tx_cp(start + k, &c);
        if (!is_space_cp(c))
            break;
        n = k;
    }
    memmove(out, start, n);
    out[n] = '\0';
    return out;
}

/* Full-width ASCII to ASCII, U+3000 and no-break space to a space, U+2212
 * to '-'. */
static uint32_t fold_cp(uint32_t c)
{
    if (c >= 0xFF01 && c <= 0xFF5E)
        return c - 0xFF01 + 0x21;
    if (c == 0x3000 || c == 0xA0)
        return ' ';
    if (c == 0x2212)
        return '-';
    return c;
}

/* What a key leaves out of a folded code point: white space and quote marks. */
static int key_drops(uint32_t c)
{
    return is_space_cp(c) || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 ||
           c == '"' || c == '\'' || c == 0x300C || c == 0x300D || c == 0x300E || c == 0x300F;
}

/* Whether p starts with ( or （: the cheap test before pinyin_gloss. */
static int opens_bracket(const char *p)
{
    return *p == '(' || ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBC &&
                         (unsigned char)p[2] == 0x88);
}

/* A pinyin gloss a site's reading aid sets after an ideograph, 预(yù),
 * 经(jīng): brackets round one syllable of Latin letters with a tone mark.
 * Returns its length in bytes from p (at the opening bracket), or 0. */
static int pinyin_gloss(const char *p)
{
    uint32_t c;
    int l = tx_cp(p, &c), n = l, letters = 0, tone = 0;
    if (c != '(' && c != 0xFF08)
        return 0;
    for (;;) {
        l = tx_cp(p + n, &c);
        if (!c)
            return 0;
        n += l;
        if (c == ')' || c == 0xFF09)
            return letters && tone && letters <= 6 ? n : 0;
        if (c >= 'a' && c <= 'z') {
            letters++;
        } else if ((c >= 0xE0 && c <= 0xFC && c != 0xF7) || (c >= 0x101 && c <= 0x16B) ||
                   (c >= 0x1CE && c <= 0x1DC)) {
            letters++;     /* à á è é ì í ò ó ù ú ü, ā ē ī ō ū, ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ */
            tone++;
        } else {
            return 0;
        }
    }
}

/* The next code point of a key from *p, folded; with drop, pinyin glosses
 * and the characters a key drops skipped. 0 at the end. Inlined: it is
 * the inner loop of every key, a call per character cost 4 % of tabulate. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline uint32_t next_key_cp(const char **p, uint32_t *last, int drop)
{
    while (**p) {
        uint32_t c;
        int g;
        if (drop && opens_bracket(*p) && tx_is_cjk(*last) && (g = pinyin_gloss(*p)) > 0) {
            *p += g;
            continue;
        }
        *p += tx_cp(*p, &c);
        c = fold_cp(c);
        if (drop && key_drops(c))
            continue;
        *last = c;
        return c;
    }
    return 0;
}

static void fold_into(sbuf *b, const char *s, int drop_space)
{
    uint32_t last = 0, c;
    while ((c = next_key_cp(&s, &last, drop_space))) {
        if (c < 0x80) {
            sb_putc(b, (char)c);
            continue;
        }
        char enc[4];
        int n = utf8_encode(c, enc);
        if (n)
            sb_put(b, enc, (size_t)n);
    }
}

char *tx_fold(const char *s)
{
    sbuf b = {0};
    fold_into(&b, s, 0);
    return sb_take(&b);
}

int tx_key_buf(const char *s, char *buf, size_t size)
{
    size_t o = 0;
    uint32_t last = 0, c;
    while ((c = next_key_cp(&s, &last, 1))) {
        char enc[4];
        int n = c < 0x80 ? (enc[0] = (char)c, 1) : utf8_encode(c, enc);
        if (o + (size_t)n + 1 > size)
            return -1;
        memcpy(buf + o, enc, (size_t)n);
        o += (size_t)n;
    }
    buf[o] = '\0';
    return (int)o;
}

char *tx_key(const char *s)
{
    sbuf b = {0};
    fold_into(&b, s, 1);
    return sb_take(&b);
}

static int is_cn_numeral(uint32_t c)
{
    static const uint32_t n[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03,
                                 0x516B, 0x4E5D, 0x5341, 0x767E, 0x96F6, 0x3007, 0};
    for (int i = 0; n[i]; i++)
        if (c == n[i])
            return 1;
    return 0;
}

static const char *skip_spaces(const char *s)
{
    for (;;) {
        uint32_t c;
        int l = tx_cp(s, &c);
        if (!*s || !is_space_cp(c))
            return s;
        s += l;
    }
}

const char *tx_skip_numbering(const char *s0)
{
    const char *s = skip_spaces(s0);
    uint32_t c;
    int l = tx_cp(s, &c);
    /* (一) （一） (1) （1） */
    if (c == '(' || c == 0xFF08) {
        const char *p = s + l;
        int k = 0;
        for (;;) {
            uint32_t d;
            int m = tx_cp(p, &d);
            if (*p && (is_cn_numeral(d) || (d >= '0' && d <= '9') || (d >= 0xFF10 && d <= 0xFF19))) {
                p += m;
                k++;
                continue;
            }
            if (k && k <= 4 && (d == ')' || d == 0xFF09))
                return skip_spaces(p + m);
            return s;
        }
    }
    /* ⑴..⒇ ①..⑳ */
    if ((c >= 0x2474 && c <= 0x2487) || (c >= 0x2460 && c <= 0x2473))
        return skip_spaces(s + l);
    /* 一、 十三、 1. 1、 12． 第一 */
    const char *p = s;
    int k = 0, digits = 0;
    if (c == 0x7B2C) { /* 第 */
        p += l;
    }
    for (;;) {
        uint32_t d;
        int m = tx_cp(p, &d);
        if (*p && is_cn_numeral(d)) {
            p += m;
            k++;
            continue;
        }
        if (*p && ((d >= '0' && d <= '9') || (d >= 0xFF10 && d <= 0xFF19))) {
            p += m;
            k++;
            digits = 1;
            continue;
        }
        if (k && k <= 4 && (d == 0x3001 || (digits && (d == '.' || d == 0xFF0E)))) {
            /* "1.5万元" is a number, not an item: a digit after the point */
            if (d == '.' || d == 0xFF0E) {
                uint32_t e;
                tx_cp(p + m, &e);
                /* …unless a year follows: 1.2023年度综合性工作经费 */
                const char *y = p + m;
                int year = y[0] >= '0' && y[0] <= '9' && y[1] >= '0' && y[1] <= '9' &&
                           y[2] >= '0' && y[2] <= '9' && y[3] >= '0' && y[3] <= '9' &&
                           strncmp(y + 4, "年", strlen("年")) == 0;
                if (!year && ((e >= '0' && e <= '9') || (e >= 0xFF10 && e <= 0xFF19)))
                    return s;
            }
            return skip_spaces(p + m);
        }
        return s;
    }
}

int tx_is_blank(const char *s)
{
    return *skip_spaces(s) == '\0';
}

int tx_is_int(const char *s)
{
    /* digits only, spaces around but not inside ("3 4 5" is several) */
    int digits = 0, gap = 0;
    for (const char *p = s; *p;) {
        uint32_t c;
        int l = tx_cp(p, &c);
        p += l;
        if ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19)) {
            if (gap && digits)
                return 0;
            digits++;
        } else if (is_space_cp(c)) {
            gap = digits > 0;
        } else {
            return 0;
        }
    }
    return digits > 0;
}

int tx_ends(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && memcmp(s + a - b, suffix, b) == 0;
}
