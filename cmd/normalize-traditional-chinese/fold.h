/* Character clean-up after markup removal: the explicit fold table
 * (data/normalize/fold.tsv, not NFKC), spaces and invisible characters,
 * runs of '?' that stand for lost spaces, number punctuation, consistent
 * Chinese punctuation, and whitespace collapsing. */
#ifndef NT_FOLD_H
#define NT_FOLD_H

#include "sbuf.h"

#include <stdint.h>

typedef struct {
    uint32_t *from, *to;      /* sorted by from */
    size_t n;
    uint32_t *cps;            /* scratch: the text as code points */
    size_t cap;
    int made_markup;          /* the last fold_text may have made new markup */
} fold_table;

int fold_init(fold_table *f);
void fold_free(fold_table *f);

/* cell: the text is a table cell, where spaces between two Han characters
 * are layout (合    计) and are removed. Appends the result to out and
 * returns the number of characters changed, or (size_t)-1 when out of
 * memory. in must be valid UTF-8. */
size_t fold_text(fold_table *f, const char *in, size_t len, int cell, sbuf *out);

/* 0 when fold_text would certainly return its input unchanged. */
int fold_needed(const char *text, size_t len, int cell);

int nt_is_han(uint32_t cp);

#endif
