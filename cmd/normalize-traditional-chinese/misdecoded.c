#include "repairer.h"

#include "fold.h"
#include "u8.h"
#include "utf8.h"

#include <string.h>

/* UTF-8 text that was decoded as GBK: every two bytes of the UTF-8 became
 * one GBK character, mostly ones no report uses (医保基金 -> 鍖讳繚鍩洪噾).
 * A run of such characters is encoded back to GB18030; where the bytes
 * are valid UTF-8 and read far better, the run is replaced. */
#define MAX_RUN 48

static size_t misdecoded_run(repairer *r, const char *in, size_t len, size_t at, size_t end,
                             uint32_t prev, uint32_t next, uint32_t after_fffd, sbuf *out,
                             size_t *repaired)
{
    /* no --max-repairs here: a run costs at most MAX_RUN conversions and
     * 64 scores, linear in the text, and a whole paragraph can be garbled */
    uint32_t cps[MAX_RUN];
    size_t offs[MAX_RUN + 1], n = 0;
    unsigned char bytes[MAX_RUN * 2];
    for (size_t i = at; i < end && n < MAX_RUN;) {
        size_t nx;
        uint32_t cp = rp_cp_at(in, len, i, &nx);
        unsigned char g[4];
        char u[4];
        int ul = utf8_encode(cp, u);
        char *ip = u, *op = (char *)g;
        size_t il = (size_t)ul, ol = 4;
        iconv(r->to_gb, NULL, NULL, NULL, NULL);
        if (iconv(r->to_gb, &ip, &il, &op, &ol) == (size_t)-1 || 4 - ol != 2)
            break;
        /* the bytes must go on as 3-byte UTF-8 (a lead E1-EF, then two
         * continuation bytes): stop at the first that cannot */
        size_t j = 2 * n;
        int fits = 1;
        for (int b = 0; b < 2; b++, j++)
            fits &= j % 3 == 0 ? g[b] >= 0xE1 && g[b] <= 0xEF : g[b] >= 0x80 && g[b] <= 0xBF;
        if (!fits)
            break;
        bytes[2 * n] = g[0];
        bytes[2 * n + 1] = g[1];
        offs[n] = i;
        cps[n++] = cp;
        i = nx;
    }
    offs[n] = n ? offs[n - 1] + (size_t)utf8_encode(cps[n - 1], (char[4]){0}) : at;
    /* the longest stretch from the start whose bytes are whole UTF-8 Han
     * characters, cut at a character boundary of both readings */
    size_t best = 0, k = 0, nd = 0;
    uint32_t dec[MAX_RUN * 2];
    while (k < 2 * n) {
        uint32_t cp;
        int l = utf8_decode(bytes + k, 2 * n - k, &cp);
        if (l != 3 || !(nt_is_han(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF)))
            break;
        dec[nd++] = cp;
        k += 3;
        if (k % 2 == 0)
            best = k;
    }
    /* The run may end in the first two bytes of a character whose third
     * byte the GBK decoder could not pair and made U+FFFD (表 -> 琛�):
     * that byte is a hole, chosen by the model among 0x80-0xBF. */
    size_t nchars = best / 2, ndec = best / 3, used_extra = 0;
    uint32_t hole = 0;
    int hole_sure = 1;
    if (best == k && ndec >= 1 && 2 * n - k == 2 && next == 0xFFFD && offs[n] == end && bytes[k] >= 0xE1 && bytes[k] <= 0xEF &&
        bytes[k + 1] >= 0x80 && bytes[k + 1] <= 0xBF) {
        double top = -1e300, second = -1e300;
        uint32_t left = ndec ? rp_simplified(r, dec[ndec - 1]) : (prev ? rp_simplified(r, prev) : 0);
        for (unsigned z = 0x80; z <= 0xBF; z++) {
            unsigned char c3[3] = {bytes[k], bytes[k + 1], (unsigned char)z};
            uint32_t cp;
            if (utf8_decode(c3, 3, &cp) != 3 || !nt_is_han(cp))
                continue;
            uint32_t sc = rp_simplified(r, cp);
            double sco = (left ? bigram_logp(&r->model, left, sc) : 0) +
                         (after_fffd ? bigram_logp(&r->model, sc, rp_simplified(r, after_fffd)) : 0);
            if (sco > top) {
                second = top;
                top = sco;
                hole = cp;
            } else if (sco > second) {
                second = sco;
            }
        }
        if (hole) {
            /* a neighbour that is itself garbage says nothing */
            hole_sure = top - second >= CONFIDENT_MARGIN && after_fffd && rp_is_seen(r, after_fffd) &&
                        left && rp_is_seen(r, ndec ? dec[ndec - 1] : prev);
            dec[ndec++] = hole;
            nchars = n;
            used_extra = 3;   /* the U+FFFD after the run */
        }
    }
    if ((ndec < 2 && !hole) || ndec == 0)
        return 0;
    /* scored between the same neighbours, both Simplified */
    uint32_t a[MAX_RUN + 2], b[MAX_RUN + 2];
    size_t na = 0, nb = 0;
    if (prev)
        a[na++] = b[nb++] = rp_simplified(r, prev);
    for (size_t i = 0; i < ndec; i++)
        a[na++] = rp_simplified(r, dec[i]);
    for (size_t i = 0; i < nchars; i++)
        b[nb++] = rp_simplified(r, cps[i]);
    uint32_t nxt = nchars < n ? cps[nchars] : hole ? after_fffd : next;
    if (hole)
        b[nb++] = 0xFFFD;
    if (nxt) {
        a[na++] = rp_simplified(r, nxt);
        b[nb++] = rp_simplified(r, nxt);
    }
    /* a real reading is made of characters reports use */
    size_t unknown = 0;
    for (size_t i = 0; i < ndec; i++)
        unknown += !rp_is_seen(r, dec[i]);
    if (3 * unknown > ndec)
        return 0;
    double gain = bigram_score(&r->model, a, na) - bigram_score(&r->model, b, nb);
    if (gain < MIN_GAIN || gain < 1.5 * (double)nchars)
        return 0;
    sbuf *g = &r->tmp;
    sb_clear(g);
    for (size_t i = 0; i < ndec; i++)
        sb_put_cp(g, dec[i]);
    size_t span = offs[nchars] - at + used_extra;
    rp_keep_span(r, at, span, in + at, span, g->data, g->len, 1, hole_sure);
    for (size_t i = 0; i < ndec; i++)
        sb_put_cp(out, i + 1 == ndec && hole && !hole_sure ? 0xFFFD : dec[i]);
    *repaired += ndec;
    return span;
}

void rp_misdecoded_pass(repairer *r, const char *in, size_t len, sbuf *out, size_t *repaired)
{
    size_t start = 0, i = 0;
    uint32_t prev = 0;
    const unsigned char *u = (const unsigned char *)in;
    while (i < len) {
        if (u[i] < 0x80) {
            prev = u[i++];
            continue;
        }
        size_t l;
        uint32_t cp = u8_next(u + i, len - i, &l);
        size_t nx = i + l;
        if (rp_is_seen(r, cp)) {
            prev = cp;
            i = nx;
            continue;
        }
        /* a run of non-ASCII characters, most of them unknown */
        size_t end = i, nrun = 0, unseen = 0;
        while (end < len && nrun < MAX_RUN) {
            size_t e2;
            uint32_t c2 = rp_cp_at(in, len, end, &e2);
            if (c2 < 0x80 || c2 == 0xFFFD)
                break;
            unseen += !rp_is_seen(r, c2);
            nrun++;
            end = e2;
        }
        uint32_t next = 0, after_fffd = 0;
        if (end < len) {
            size_t e2, e3;
            next = rp_cp_at(in, len, end, &e2);
            if (next == 0xFFFD && e2 < len)
                after_fffd = rp_cp_at(in, len, e2, &e3);
        }
        size_t used = 0;
        if ((nrun >= 3 || (next == 0xFFFD && nrun >= 1)) && unseen * 2 >= nrun) {
            sb_put(out, in + start, i - start);
            used = misdecoded_run(r, in, len, i, end, prev, next, after_fffd, out, repaired);
            if (used) {
                start = i + used;
                i += used;
                prev = 0;
                continue;
            }
            start = i;
        }
        prev = cp;
        i = nx;
    }
    sb_put(out, in + start, len - start);
}

