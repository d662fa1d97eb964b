/* Traditional -> Simplified, byte-identical to `opencc -c t2s.json` with
 * the budget overrides listed first in its dictionary group: at each
 * position the longest override key wins, else the longest TSPhrases key,
 * else the TSCharacters entry, else the character is copied. (With a
 * one-stage chain, OpenCC's max-match segmentation followed by conversion
 * gives exactly this greedy match; tests/normalize.bats checks it.) */
#ifndef NT_T2S_H
#define NT_T2S_H

#include "dict.h"
#include "sbuf.h"

enum { T2S_IN_OVERRIDES = 1, T2S_IN_PHRASES = 2, T2S_IN_CHARS = 4 };

typedef struct {
    dict overrides, phrases, chars;
    uint8_t *starts;    /* per code point: T2S_IN_* of the dictionaries with a key starting there */
} t2s_table;

/* with_overrides 0 gives plain OpenCC t2s. 0, or -1 when out of memory. */
int t2s_init(t2s_table *t, int with_overrides);
void t2s_free(t2s_table *t);

/* Appends the conversion of in[0..len) (valid UTF-8) to out; returns how
 * many characters of the input were changed. */
size_t t2s_convert(const t2s_table *t, const char *in, size_t len, sbuf *out);

#endif
