#include "fold.h"

#include "tables.h"
#include "u8.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

#define DELETED 0xFFFFFFFFu

int nt_is_han(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F) || cp == 0x3007;
}

/* Characters after which ASCII , ; : ! belong to Chinese prose. */
static int ends_chinese(uint32_t cp)
{
    return nt_is_han(cp) || cp == 0x201D || cp == 0x300B || cp == 0xFF09 || cp == 0x300D ||
           cp == 0x300F || cp == 0x3011;
}

/* Characters before which ASCII , ; : ! belong to Chinese prose. */
static int begins_chinese(uint32_t cp)
{
    return nt_is_han(cp) || cp == 0x201C || cp == 0x300A || cp == 0xFF08 || cp == 0x300C ||
           cp == 0x300E || cp == 0x3010;
}

static int is_digit(uint32_t cp) { return cp >= '0' && cp <= '9'; }

/* Full-width marks that carry their own spacing: a space next to one is
 * layout (第一部分， 第三部分). */
static int is_prose_mark(uint32_t cp)
{
    return cp == 0xFF0C || cp == 0x3002 || cp == 0x3001 || cp == 0xFF1B || cp == 0xFF1A ||
           cp == 0xFF01 || cp == 0xFF1F;
}
static int is_hspace(uint32_t cp) { return cp == ' ' || cp == '\t'; }

static int decode_pair(const char *s, uint32_t *cp)
{
    size_t n = strlen(s);
    int l = utf8_decode((const unsigned char *)s, n, cp);
    return l > 0 && (size_t)l == n;
}

static int by_from(const void *a, const void *b)
{
    const uint32_t *x = a, *y = b;
    return *x < *y ? -1 : *x > *y;
}

int fold_init(fold_table *f)
{
    memset(f, 0, sizeof *f);
    uint32_t (*pairs)[2] = calloc(nt_fold_len ? nt_fold_len : 1, sizeof *pairs);
    f->from = calloc(nt_fold_len ? nt_fold_len : 1, sizeof *f->from);
    f->to = calloc(nt_fold_len ? nt_fold_len : 1, sizeof *f->to);
    if (!pairs || !f->from || !f->to) {
        free(pairs);
        fold_free(f);
        return -1;
    }
    for (size_t i = 0; i < nt_fold_len; i++)
        if (decode_pair(nt_fold[i].key, &pairs[f->n][0]) && decode_pair(nt_fold[i].value, &pairs[f->n][1]))
            f->n++;
    qsort(pairs, f->n, sizeof *pairs, by_from);
    for (size_t i = 0; i < f->n; i++) {
        f->from[i] = pairs[i][0];
        f->to[i] = pairs[i][1];
    }
    free(pairs);
    return 0;
}

void fold_free(fold_table *f)
{
    free(f->from);
    free(f->to);
    free(f->cps);
    memset(f, 0, sizeof *f);
}

static uint32_t fold_cp(const fold_table *f, uint32_t cp)
{
    if (f->n == 0 || cp < f->from[0] || cp > f->from[f->n - 1])
        return cp;
    /* the table has nothing between the Kangxi radicals and the
     * compatibility ideographs, where all common Han characters are */
    if (cp > 0x2FDF && cp < 0xF900)
        return cp;
    size_t lo = 0, hi = f->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (f->from[mid] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < f->n && f->from[lo] == cp ? f->to[lo] : cp;
}

/* Spaces of every width become ' '; invisible characters and stray
 * control characters are deleted; line ends become '\n'. */
static uint32_t map_space(uint32_t cp)
{
    if (cp >= 0x20 && cp < 0x7F)
        return cp;
    if (cp > 0x3000 && cp < 0xFEFF)
        return cp;
    if (cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
        cp == 0x205F || cp == '\v' || cp == '\f')
        return ' ';
    if ((cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF || cp == 0xAD)
        return DELETED;
    if (cp == '\r')
        return '\n';
    if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F)
        return DELETED;
    return cp;
}

/* Removes DELETED slots; returns the new length. */
static size_t compact(uint32_t *c, size_t n)
{
    size_t w = 0;
    for (size_t r = 0; r < n; r++)
        if (c[r] != DELETED)
            c[w++] = c[r];
    return w;
}

/* A run of '?' that touches a line edge, a space or a digit stands for
 * lost spaces (NBSP has no GBK code); a single '?' after Chinese text at
 * the end of a clause is a question mark; any other '?' is kept. */
static size_t question_runs(uint32_t *c, size_t n)
{
    size_t changed = 0;
    for (size_t i = 0; i < n;) {
        if (c[i] != '?') {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && c[j] == '?')
            j++;
        uint32_t before = i ? c[i - 1] : '\n', after = j < n ? c[j] : '\n';
        int edge_b = before == '\n' || is_hspace(before);
        int edge_a = after == '\n' || is_hspace(after);
        if (j - i == 1 && ends_chinese(before) && (edge_a || after == 0x201D)) {
            c[i] = 0xFF1F;
            changed++;
        } else if (edge_b || edge_a || is_digit(before) || is_digit(after)) {
            for (size_t k = i; k < j; k++)
                c[k] = ' ';
            changed += j - i;
        }
        i = j;
    }
    return changed;
}

/* The ';' at i closes something shaped like an entity (&amp; &#12288;):
 * making it full-width would change what a later run decodes. */
static int ends_entity(const uint32_t *c, size_t i)
{
    if (c[i] != ';')
        return 0;
    for (size_t k = i; k > 0 && i - k < 12; k--) {
        uint32_t p = c[k - 1];
        if (p == '&')
            return k < i;
        /* &amp;lt; decodes to an entity in a later run */
        if (p == ';' && k >= 5 && c[k - 5] == '&' && c[k - 4] == 'a' && c[k - 3] == 'm' && c[k - 2] == 'p')
            return k < i;
        if (!((p >= 'a' && p <= 'z') || (p >= 'A' && p <= 'Z') || (p >= '0' && p <= '9') || p == '#'))
            return 0;
    }
    return 0;
}

static size_t punctuation(uint32_t *c, size_t n)
{
    size_t changed = 0;
    /* brackets first: the marks below look at them */
    for (size_t i = 0; i < n; i++) {
        uint32_t before = i ? c[i - 1] : 0, after = i + 1 < n ? c[i + 1] : 0;
        if (c[i] == '(' && (nt_is_han(after) || after == 0xFFFD)) {
            c[i] = 0xFF08;     /* (一) (本级): brackets of Chinese text */
            changed++;
        } else if (c[i] == ')' && (nt_is_han(before) || before == 0xFFFD)) {
            c[i] = 0xFF09;
            changed++;
        }
    }
    for (size_t i = 0; i < n; i++) {
        uint32_t before = i ? c[i - 1] : 0, after = i + 1 < n ? c[i + 1] : 0;
        if (c[i] == 0xFF0C && is_digit(before) && is_digit(after)) {
            c[i] = ',';   /* １，３８２．６４ : a thousands separator */
            changed++;
        } else if ((c[i] == ',' || c[i] == ';' || c[i] == ':' || c[i] == '!') && !ends_entity(c, i) &&
                   !(is_digit(before) && is_digit(after)) &&
                   (ends_chinese(before) || begins_chinese(after))) {
            c[i] = c[i] == ',' ? 0xFF0C : c[i] == ';' ? 0xFF1B : c[i] == ':' ? 0xFF1A : 0xFF01;
            changed++;
        }
    }
    return changed;
}

/* Runs of spaces and tabs become one (a tab if the run has one: tabs
 * separate cells in text taken from tables); none at the start or end of
 * the text or of a line; in a cell, none between two Han characters. */
static size_t collapse(uint32_t *c, size_t n, int cell, size_t *out_n)
{
    size_t w = 0, changed = 0;
    for (size_t r = 0; r < n;) {
        if (!is_hspace(c[r])) {
            c[w++] = c[r++];
            continue;
        }
        size_t j = r;
        int tab = 0;
        while (j < n && is_hspace(c[j]))
            tab |= c[j++] == '\t';
        int at_edge = w == 0 || c[w - 1] == '\n' || j == n || c[j] == '\n' ||
                      (!tab && (is_prose_mark(c[w - 1]) || is_prose_mark(c[j])));
        int han_gap = cell && !tab && w > 0 && j < n && nt_is_han(c[w - 1]) && nt_is_han(c[j]);
        if (at_edge || han_gap) {
            changed += j - r;
        } else {
            uint32_t keep = tab ? '\t' : ' ';
            changed += (j - r) - 1 + (c[r] != keep);
            c[w++] = keep;
        }
        r = j;
    }
    *out_n = w;
    return changed;
}

size_t fold_text(fold_table *f, const char *in, size_t len, int cell, sbuf *out)
{
    if (len + 1 > f->cap) {
        size_t cap = len + 1 > 256 ? len + 1 : 256;
        uint32_t *p = realloc(f->cps, cap * sizeof *p);
        if (!p)
            return (size_t)-1;
        f->cps = p;
        f->cap = cap;
    }
    uint32_t *c = f->cps;
    size_t n = 0, changed = 0;
    f->made_markup = 0;
    enum { SEEN_QUESTION = 1, SEEN_SPACE = 2, SEEN_MARK = 4 };
    unsigned seen = 0;
    const unsigned char *s = (const unsigned char *)in;
    for (size_t i = 0; i < len;) {
        size_t l;
        uint32_t cp = u8_next(s + i, len - i, &l);
        i += l;
        if (cp == '\r' && i < len && s[i] == '\n') {
            changed++;
            f->made_markup = 1;   /* a character gone */
            continue;
        }
        uint32_t m = map_space(fold_cp(f, cp));
        if (m != cp) {
            changed++;
            /* a new ASCII character (< from ＜, \n from \r) or one gone can make markup */
            f->made_markup |= m == DELETED || m < 0x80;
        }
        c[n++] = m;
        seen |= m == '?' ? SEEN_QUESTION : m == ' ' || m == '\t' ? SEEN_SPACE :
                m == ',' || m == ';' || m == ':' || m == '!' || m == '(' || m == ')' || m == 0xFF0C ? SEEN_MARK : 0;
    }
    n = compact(c, n);
    /* each step runs only if the text has what it looks at */
    if (seen & (SEEN_MARK | SEEN_QUESTION)) {
        /* brackets first: whether a '?' is a question mark depends on them */
        changed += punctuation(c, n);
        if (seen & SEEN_QUESTION) {
            size_t q = question_runs(c, n);
            changed += q;
            f->made_markup |= q != 0;   /* <s? -> : a '?' made a space */
            changed += punctuation(c, n);
        }
    }
    size_t collapsed = collapse(c, n, cell, &n);
    changed += collapsed;
    /* collapsing makes new neighbours (1， 2 -> 1，2): look again */
    if (collapsed && (seen & (SEEN_MARK | SEEN_QUESTION)))
        changed += punctuation(c, n);
    sb_reserve(out, n * 4);
    for (size_t i = 0; i < n; i++)
        sb_put_cp(out, c[i]);
    return out->failed ? (size_t)-1 : changed;
}

/* 1 when fold_text could change something in s: a control character, a
 * space or the ASCII marks it looks at, or the lead bytes of the
 * characters the table and the space rules map. Most cells and
 * paragraphs have none of these and are copied as they are. */
int fold_needed(const char *text, size_t len, int cell)
{
    (void)cell;
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        unsigned char prev = i > 0 ? s[i - 1] : 0, next = i + 1 < len ? s[i + 1] : 0;
        if (c < 0x80) {
            if (c == ' ') {
                /* one space between ASCII characters stays as it is */
                if (i == 0 || i + 1 == len || next == ' ' || next == '\t' || prev >= 0x80 || next >= 0x80)
                    return 1;
            } else if (c < ' ' || c == '?' || c == 0x7F) {
                return 1;
            } else if (c == ',' || c == ';' || c == ':' || c == '!' || c == '(' || c == ')') {
                /* these change only next to Chinese text */
                if (prev >= 0x80 || next >= 0x80)
                    return 1;
            }
            continue;
        }
        unsigned char c1 = next, c2 = i + 2 < len ? s[i + 2] : 0;
        if (c == 0xEF && c1 == 0xBC) {
            /* U+FF00-FF3F: the marks kept full-width need nothing, but for
             * ， between digits */
            uint32_t cp = 0xFF00 + (uint32_t)(c2 - 0x80);
            if (cp == 0xFF0C && prev >= '0' && prev <= '9' && i + 3 < len && s[i + 3] >= '0' && s[i + 3] <= '9')
                return 1;
            if (cp == 0xFF01 || cp == 0xFF08 || cp == 0xFF09 || cp == 0xFF0C || cp == 0xFF1A || cp == 0xFF1B ||
                cp == 0xFF1F) {
                i += 2;
                continue;
            }
            return 1;
        }
        switch (c) {
        case 0xC2: /* U+00A0 NBSP, U+00AD soft hyphen */
            if (c1 == 0xA0 || c1 == 0xAD)
                return 1;
            break;
        case 0xE2: /* U+2000-200D, 202F, 205F, 2060, 2212, radicals 2E80-2EFF, Kangxi 2F00-2FDF */
            if ((c1 == 0x80 && (c2 <= 0x8D || c2 == 0xAF)) || (c1 == 0x81 && (c2 == 0x9F || c2 == 0xA0)) ||
                (c1 == 0x88 && c2 == 0x92) || (c1 >= 0xBA && c1 <= 0xBF))
                return 1;
            break;
        case 0xE3: /* U+3000 */
            if (c1 == 0x80 && c2 == 0x80)
                return 1;
            break;
        case 0xEF: /* F900-FAFF, FE64/65, FEFF, FF00-FF7F */
            if ((c1 >= 0xA4 && c1 <= 0xAB) || (c1 == 0xB9 && (c2 == 0xA4 || c2 == 0xA5)) ||
                (c1 == 0xBB && c2 == 0xBF) || c1 == 0xBC || c1 == 0xBD)
                return 1;
            break;
        case 0xF0: /* U+2F800-2FA1F */
            if (c1 == 0xAF)
                return 1;
            break;
        default:
            break;
        }
    }
    return 0;
}
