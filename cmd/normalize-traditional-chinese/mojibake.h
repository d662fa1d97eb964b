/* Spans decoded with the wrong charset. Seed 001's pages were Traditional
 * text serialized as GBK in which one lead byte became '?': the byte
 * pairing shifts until an ASCII trail byte resyncs it (醫?;鹦袨榈木唧w事務
 * is 醫保基金行為的具體事務). Re-encoding the span with GB18030 and trying
 * the 126 possible lead bytes (and a lost trail byte for a second '?')
 * recovers all but the lost byte, which a character-bigram model of the
 * Simplified seeds (data/normalize/bigrams.tsv) chooses. */
#ifndef NT_MOJIBAKE_H
#define NT_MOJIBAKE_H

#include "normalize.h"
#include "sbuf.h"
#include "t2s.h"

typedef struct repairer repairer;

repairer *repairer_new(const t2s_table *t2s);
void repairer_free(repairer *r);

/* Appends in[0..len) with its garbled spans repaired to out. Fills
 * *spans and *nspans (owned by r, valid until the next call) and returns the
 * number of characters repaired, or (size_t)-1 when out of memory. */
size_t repair_text(repairer *r, const char *in, size_t len, size_t max_spans, sbuf *out,
                   const nt_garbled **spans, size_t *nspans);

/* 1 when repair_text would repair something in in[0..len); keeps the
 * spans of the last repair_text call. */
/* 1 when the last repair_text call left '?'s untried (max_spans). */
int repair_limited(const repairer *r);

int repair_would_change(repairer *r, const char *in, size_t len, size_t max_spans);

#endif
