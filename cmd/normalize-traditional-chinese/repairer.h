/* What the two repairs of mojibake.c and misdecoded.c share: the
 * repairer's state and its helpers. Private to this stage. */
#ifndef NT_REPAIRER_H
#define NT_REPAIRER_H

#include "bigram.h"
#include "mojibake.h"

#include <iconv.h>
#include <stdint.h>

/* A hole's best byte must beat the runner-up by this much (natural log of
 * the probability ratio) for the repair to be called certain. */
#define CONFIDENT_MARGIN 2.0
#define MAX_SPANS_KEPT 64
/* Natural log: the reading must be e^8 (about 3000) times likelier. */
#define MIN_GAIN 8.0

struct repairer {
    const t2s_table *t2s;
    bigram_model model;
    iconv_t to_gb, from_gb;
    nt_garbled spans[MAX_SPANS_KEPT];
    size_t nspans;
    sbuf strings;          /* the original/guess strings of spans */
    size_t offsets[MAX_SPANS_KEPT][2];
    sbuf tmp, tmp2;
    int dry;               /* only tell whether something would be repaired */
    uint8_t *seen;         /* bitmap: characters the model knows, or whose t2s form it knows */
    sbuf stage;            /* between the two repairs */
    int limited;           /* the last repair_text stopped at max_spans */
    int exact;             /* offsets handed to rp_keep_span are the input's */
};

int rp_is_seen(const repairer *r, uint32_t cp);
/* The Simplified form of one character, for scoring. */
uint32_t rp_simplified(repairer *r, uint32_t cp);
/* The code point at s[at] and where the next begins (U+FFFD if invalid). */
uint32_t rp_cp_at(const char *s, size_t len, size_t at, size_t *next);
/* The code point ending at s[at - 1], or 0. */
uint32_t rp_cp_before(const char *s, size_t at);
/* Lists a span in the result (no-op in a dry run or past MAX_SPANS_KEPT). */
void rp_keep_span(repairer *r, size_t at, size_t len, const char *orig, size_t olen,
                  const char *guess, size_t glen, int has_guess, int confident);
/* The UTF-8-read-as-GBK repair over in[0..len), appended to out. */
void rp_misdecoded_pass(repairer *r, const char *in, size_t len, sbuf *out, size_t *repaired);

#endif
