/* The repairer, and its first repair: spans after a lost GBK lead byte
 * (the '?' kind of seed 001). The second, UTF-8 read as GBK, is in
 * misdecoded.c. */
#include "repairer.h"

#include "fold.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

/* How far after the '?' the shifted pairing may run before it resyncs. */
#define MAX_SPAN 24

int repair_limited(const repairer *r) { return r->limited; }

static void set_seen(repairer *r, uint32_t cp) { r->seen[cp >> 3] |= (uint8_t)(1u << (cp & 7)); }
int rp_is_seen(const repairer *r, uint32_t cp) { return (r->seen[cp >> 3] >> (cp & 7)) & 1; }

/* A character is seen when the model counted it or the Simplified form
 * t2s gives it: Traditional text is not garbage. */
static void mark_seen(repairer *r)
{
    for (size_t i = 0; i <= r->model.mask; i++)
        if (r->model.keys[i] && r->model.keys[i] - 1 < 0x110000)
            set_seen(r, (uint32_t)(r->model.keys[i] - 1));
    const dict *chars = &r->t2s->chars;
    for (size_t i = 0; i < chars->n; i++) {
        uint32_t v;
        const dict_entry *e = &chars->entries[i];
        if (utf8_decode((const unsigned char *)e->value, e->vlen, &v) && bigram_count1(&r->model, v))
            set_seen(r, e->first);
    }
}

repairer *repairer_new(const t2s_table *t2s)
{
    repairer *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->t2s = t2s;
    r->to_gb = iconv_open("GB18030", "UTF-8");
    r->from_gb = iconv_open("UTF-8", "GB18030");
    r->seen = calloc(0x110000 / 8, 1);
    if (!r->seen || r->to_gb == (iconv_t)-1 || r->from_gb == (iconv_t)-1 || bigram_init(&r->model)) {
        repairer_free(r);
        return NULL;
    }
    mark_seen(r);
    return r;
}

void repairer_free(repairer *r)
{
    if (!r)
        return;
    if (r->to_gb && r->to_gb != (iconv_t)-1)
        iconv_close(r->to_gb);
    if (r->from_gb && r->from_gb != (iconv_t)-1)
        iconv_close(r->from_gb);
    bigram_free(&r->model);
    free(r->seen);
    sb_free(&r->stage);
    sb_free(&r->strings);
    sb_free(&r->tmp);
    sb_free(&r->tmp2);
    free(r);
}

static int is_pua(uint32_t cp) { return cp >= 0xE000 && cp <= 0xF8FF; }

/* The GBK bytes of one character as the page had them: ASCII punctuation
 * inside a shifted span was full-width before a later fold (；-> ;). */
static int encode_gb(repairer *r, uint32_t cp, unsigned char out[4])
{
    if (cp >= 0x21 && cp <= 0x3F && !(cp >= '0' && cp <= '9')) {
        out[0] = 0xA3;
        out[1] = (unsigned char)(cp | 0x80);
        return 2;
    }
    char u[4];
    int ul = utf8_encode(cp, u);
    char *in = u, *o = (char *)out;
    size_t il = (size_t)ul, ol = 4;
    iconv(r->to_gb, NULL, NULL, NULL, NULL);
    if (iconv(r->to_gb, &in, &il, &o, &ol) == (size_t)-1)
        return 0;
    return (int)(4 - ol);
}

/* One double-byte GB18030 character, or 0 when the pair is not one (or is
 * a user-defined code, which a real page never meant). */
static uint32_t decode_pair(repairer *r, unsigned char lead, unsigned char trail)
{
    char in[2] = {(char)lead, (char)trail}, out[8];
    char *ip = in, *op = out;
    size_t il = 2, ol = sizeof out;
    iconv(r->from_gb, NULL, NULL, NULL, NULL);
    if (iconv(r->from_gb, &ip, &il, &op, &ol) == (size_t)-1 || il != 0)
        return 0;
    uint32_t cp;
    int l = utf8_decode((unsigned char *)out, sizeof out - ol, &cp);
    if (!l || (size_t)l != sizeof out - ol || is_pua(cp) || cp == 0xFFFD || cp < 0x80)
        return 0;
    return cp;
}

/* The Simplified form of one character, for scoring. */
uint32_t rp_simplified(repairer *r, uint32_t cp)
{
    char u[4];
    int n = utf8_encode(cp, u);
    sb_clear(&r->tmp2);
    t2s_convert(r->t2s, u, (size_t)n, &r->tmp2);
    uint32_t s;
    if (r->tmp2.len && utf8_decode((unsigned char *)r->tmp2.data, r->tmp2.len, &s))
        return s;
    return cp;
}

typedef struct {
    uint32_t best, second_best_cp;
    double best_score, second;
} hole_choice;

/* Tries every byte for a hole: lead (0x81-0xFE) paired with known trail
 * byte, or known lead paired with a trail (0x40-0xFE). Scores the
 * character between its neighbours (0: none). */
static hole_choice choose(repairer *r, int hole_is_lead, unsigned char known, uint32_t left, uint32_t right)
{
    hole_choice c = {0, 0, -1e300, -1e300};
    unsigned lo = hole_is_lead ? 0x81 : 0x40, hi = 0xFE;
    for (unsigned b = lo; b <= hi; b++) {
        if (b == 0x7F)
            continue;
        uint32_t cp = hole_is_lead ? decode_pair(r, (unsigned char)b, known) : decode_pair(r, known, (unsigned char)b);
        if (!cp)
            continue;
        uint32_t s = rp_simplified(r, cp);
        double score = (left ? bigram_logp(&r->model, left, s) : 0) + (right ? bigram_logp(&r->model, s, right) : 0);
        if (score > c.best_score) {
            c.second = c.best_score;
            c.second_best_cp = c.best;
            c.best_score = score;
            c.best = cp;
        } else if (score > c.second && cp != c.best) {
            c.second = score;
            c.second_best_cp = cp;
        }
    }
    return c;
}

uint32_t rp_cp_at(const char *s, size_t len, size_t at, size_t *next)
{
    uint32_t cp = 0;
    int l = utf8_decode((const unsigned char *)s + at, len - at, &cp);
    *next = at + (size_t)(l ? l : 1);
    return l ? cp : 0xFFFD;
}

uint32_t rp_cp_before(const char *s, size_t at)
{
    if (at == 0)
        return 0;
    size_t k = at - 1;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    uint32_t cp;
    return utf8_decode((const unsigned char *)s + k, at - k, &cp) ? cp : 0;
}

/* "/tag>" right after a '?' that ended a span: the '?' swallowed the '<'. */
static int closing_tag_follows(const char *s, size_t len, size_t at)
{
    if (at >= len || s[at] != '/')
        return 0;
    size_t k = at + 1;
    while (k < len && k < at + 12 && ((s[k] | 32) >= 'a' && (s[k] | 32) <= 'z'))
        k++;
    return k > at + 1 && k < len && s[k] == '>';
}

void rp_keep_span(repairer *r, size_t at, size_t len, const char *orig, size_t olen,
                      const char *guess, size_t glen, int has_guess, int confident)
{
    if (r->dry || r->nspans >= MAX_SPANS_KEPT)
        return;
    size_t i = r->nspans++;
    r->spans[i] = r->exact ? (nt_garbled){.at = at, .len = len, .at_known = 1, .confident = confident}
                           : (nt_garbled){.confident = confident};
    r->offsets[i][0] = r->strings.len;
    sb_put(&r->strings, orig, olen);
    sb_putc(&r->strings, '\0');
    r->offsets[i][1] = has_guess ? r->strings.len : (size_t)-1;
    if (has_guess) {
        sb_clear(&r->tmp2);
        t2s_convert(r->t2s, guess, glen, &r->tmp2);
        sb_put(&r->strings, r->tmp2.data ? r->tmp2.data : "", r->tmp2.len);
        sb_putc(&r->strings, '\0');
    }
}

/* log P(reading) - log P(text as it stands), Simplified, between prev and
 * after. */
static double reading_gain(repairer *r, const char *in, size_t q, size_t end, uint32_t prev,
                           const hole_choice *h, const uint32_t *mid, size_t nmid,
                           const hole_choice *t, uint32_t after)
{
    uint32_t a[MAX_SPAN + 4], b[MAX_SPAN + 4];
    size_t na = 0, nb = 0;
    a[na++] = b[nb++] = rp_simplified(r, prev);
    a[na++] = rp_simplified(r, h->best);
    for (size_t i = 0; i < nmid; i++)
        a[na++] = rp_simplified(r, mid[i]);
    if (t)
        a[na++] = rp_simplified(r, t->best);
    /* the '?' itself is left out: it would make any text look garbled */
    for (size_t i = q + 1; i < end && nb < MAX_SPAN + 2;) {
        size_t next;
        b[nb++] = rp_simplified(r, rp_cp_at(in, end, i, &next));
        i = next;
    }
    if (after) {
        a[na++] = rp_simplified(r, after);
        b[nb++] = rp_simplified(r, after);
    }
    return bigram_score(&r->model, a, na) - bigram_score(&r->model, b, nb);
}

/* Tries the span that starts with the '?' at q. Returns the bytes of input
 * consumed (from q) and appends the repair to out, or 0 when the span does
 * not have the shape of a shifted GBK span. */
static size_t try_span(repairer *r, const char *in, size_t len, size_t q, sbuf *out, size_t *repaired,
                       size_t *budget)
{
    /* the character before, as repaired so far: a span right after a
     * repaired one follows a real character, not garbage */
    uint32_t prev = out->len ? rp_cp_before(out->data, out->len) : rp_cp_before(in, q);
    if (!prev || prev == '\n' || prev == ' ' || prev == '?' || (prev < 0x80 && prev != '(' && prev != ';' && prev != ',' && prev != ':'))
        return 0;
    /* the bytes after the lost lead byte, up to the resync */
    unsigned char bytes[MAX_SPAN * 2 + 2];
    size_t nb = 0, at = q + 1, end = 0, nchars = 0;
    int trail_hole = 0, garbage = 0;
    while (at < len && nchars < MAX_SPAN) {
        size_t next;
        uint32_t cp = rp_cp_at(in, len, at, &next);
        if (cp == '?') {
            trail_hole = 1;
            end = next;
            break;
        }
        if (cp >= 0x40 && cp <= 0x7E) {       /* an ASCII trail byte: resynced */
            bytes[nb++] = (unsigned char)cp;
            end = next;
            break;
        }
        if (cp < 0x80 && !(cp >= 0x21 && cp <= 0x3F && !(cp >= '0' && cp <= '9')))
            return 0;                          /* space, digit, control: not a shifted span */
        unsigned char g[4];
        int gl = encode_gb(r, cp, g);
        if (gl != 2)
            return 0;
        garbage |= is_pua(cp) || bigram_count1(&r->model, rp_simplified(r, cp)) == 0;
        bytes[nb++] = g[0];
        bytes[nb++] = g[1];
        nchars++;
        at = next;
    }
    if (!end || nchars == 0)
        return 0;
    /* pairs: (hole, b0) (b1, b2) ... and, with a trail hole, (b_last, hole) */
    uint32_t mid[MAX_SPAN + 2];
    size_t nmid = 0;
    size_t k = 1;
    for (; k + 1 < nb; k += 2) {
        uint32_t cp = decode_pair(r, bytes[k], bytes[k + 1]);
        if (!cp)
            return 0;
        mid[nmid++] = cp;
    }
    int has_last_lead = trail_hole && k < nb;   /* one byte left over: lead of the trail hole */
    if (!trail_hole && k != nb)
        return 0;
    if (trail_hole && !has_last_lead)
        return 0;
    uint32_t after = 0;
    size_t after_at = end;
    int restore_lt = trail_hole && closing_tag_follows(in, len, end);
    if (restore_lt)
        after = '<';
    else if (end < len)
        after = rp_cp_at(in, len, end, &after_at);
    /* the byte search is the costly part: --max-repairs bounds it */
    if (*budget == 0) {
        r->limited = 1;
        return 0;
    }
    --*budget;
    uint32_t first_right = nmid ? rp_simplified(r, mid[0]) : 0;
    hole_choice h = choose(r, 1, bytes[0], rp_simplified(r, prev), first_right);
    if (!h.best)
        return 0;
    hole_choice t = {0, 0, 0, -1e300};
    if (has_last_lead) {
        uint32_t left = nmid ? rp_simplified(r, mid[nmid - 1]) : rp_simplified(r, h.best);
        t = choose(r, 0, bytes[nb - 1], left, after && after != '<' ? rp_simplified(r, after) : 0);
        if (!t.best)
            return 0;
    }
    /* Without a character no report uses, the reading must be much more
     * likely than the text as it stands (both between the same neighbours). */
    if (!garbage && reading_gain(r, in, q, end, prev, &h, mid, nmid, has_last_lead ? &t : NULL, after) < MIN_GAIN)
        return 0;
    int confident = h.best_score - h.second >= CONFIDENT_MARGIN &&
                    (!has_last_lead || t.best_score - t.second >= CONFIDENT_MARGIN);
    /* the guess, Traditional as the page had it (t2s runs later) */
    sbuf *g = &r->tmp;
    sb_clear(g);
    sb_put_cp(g, h.best);
    for (size_t i = 0; i < nmid; i++)
        sb_put_cp(g, mid[i]);
    if (has_last_lead)
        sb_put_cp(g, t.best);
    rp_keep_span(r, q, end - q, in + q, end - q, g->data, g->len, 1, confident);
    /* into the text: the certain characters, U+FFFD for an uncertain hole */
    sb_put_cp(out, h.best_score - h.second >= CONFIDENT_MARGIN ? h.best : 0xFFFD);
    for (size_t i = 0; i < nmid; i++)
        sb_put_cp(out, mid[i]);
    if (has_last_lead)
        sb_put_cp(out, t.best_score - t.second >= CONFIDENT_MARGIN ? t.best : 0xFFFD);
    if (restore_lt)
        sb_putc(out, '<');
    *repaired += 1 + nmid + (has_last_lead ? 1 : 0);
    return end - q;
}

size_t repair_text(repairer *r, const char *in, size_t len, size_t max_spans, sbuf *out,
                   const nt_garbled **spans, size_t *nspans)
{
    r->nspans = 0;
    r->exact = 1;
    sb_clear(&r->strings);
    size_t repaired = 0, start = 0;
    r->limited = 0;
    size_t budget = max_spans;
    sbuf *mid = &r->stage;
    sb_clear(mid);
    for (size_t i = 0; i < len; i++) {
        const char *q = memchr(in + i, '?', len - i);
        if (!q)
            break;
        i = (size_t)(q - in);
        sb_put(mid, in + start, i - start);
        size_t used = try_span(r, in, len, i, mid, &repaired, &budget);
        if (used) {
            i += used - 1;
            start = i + 1;
        } else {
            start = i;
        }
    }
    sb_put(mid, in + start, len - start);
    if (mid->failed)
        return (size_t)-1;
    /* a repaired run gives its neighbours a context: again until stable.
     * Offsets are the input's only while nothing before moved the text. */
    r->exact = repaired == 0;
    for (int round = 0; round < 3; round++) {
        size_t before = repaired;
        if (round > 0)
            r->exact = 0;
        sb_clear(out);
        rp_misdecoded_pass(r, mid->data ? mid->data : "", mid->len, out, &repaired);
        if (repaired == before || out->failed)
            break;
        sb_clear(mid);
        sb_put(mid, out->data, out->len);
    }
    r->exact = 1;   /* the scans below read the input itself */
    /* a user-defined (PUA) character left in text is garbage nobody can read */
    /* GBK's and GB18030's user-defined codes decode to U+E000-U+E864,
     * all with the lead byte EE in UTF-8 (U+E000-U+EFFF) */
    for (size_t i = 0; i + 2 < len; i++) {
        const char *p = memchr(in + i, 0xEE, len - i);
        if (!p || (size_t)(p - in) + 2 >= len)
            break;
        i = (size_t)(p - in);
        int inside = 0;
        for (size_t s = 0; s < r->nspans; s++)
            inside |= r->spans[s].at_known && i >= r->spans[s].at && i < r->spans[s].at + r->spans[s].len;
        if (!inside)
            rp_keep_span(r, i, 3, in + i, 3, NULL, 0, 0, 0);
        i += 2;
    }
    /* 锟斤拷 is U+FFFD U+FFFD read as GBK: the bytes are lost for good */
    static const char LOST[] = "锟斤拷";
    const size_t nlost = sizeof LOST - 1;
    for (size_t i = 1; i < len;) {
        /* look for its second byte (0x94), rarer in Chinese text than the lead */
        const char *p = memchr(in + i, LOST[1], len - i);
        if (!p)
            break;
        size_t at = (size_t)(p - in) - 1;
        if (at + nlost <= len && memcmp(in + at, LOST, nlost) == 0) {
            rp_keep_span(r, at, nlost, in + at, nlost, NULL, 0, 0, 0);
            i = at + nlost + 1;
        } else {
            i = (size_t)(p - in) + 1;
        }
    }
    if (r->strings.failed || r->tmp.failed || r->tmp2.failed)
        return (size_t)-1;
    for (size_t s = 0; s < r->nspans; s++) {
        r->spans[s].original = r->strings.data + r->offsets[s][0];
        r->spans[s].guess = r->offsets[s][1] == (size_t)-1 ? NULL : r->strings.data + r->offsets[s][1];
    }
    *spans = r->nspans ? r->spans : NULL;
    *nspans = r->nspans;
    return repaired;
}

int repair_would_change(repairer *r, const char *in, size_t len, size_t max_spans)
{
    sbuf out = {0};
    size_t repaired = 0, budget = max_spans, start = 0;
    int limited = r->limited;
    r->dry = 1;
    for (size_t i = 0; i < len && !repaired; i++) {
        const char *q = memchr(in + i, '?', len - i);
        if (!q)
            break;
        i = (size_t)(q - in);
        sb_put(&out, in + start, i - start);   /* try_span reads what precedes */
        start = i;
        try_span(r, in, len, i, &out, &repaired, &budget);
    }
    r->dry = 0;
    r->limited = limited;
    sb_free(&out);
    return repaired != 0;
}
