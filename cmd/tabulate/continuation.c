#include "continuation.h"

#include "align.h"
#include "text.h"

#include <string.h>

/* Whether two cells read the same (spaces, widths and punctuation forms
 * aside: 收 入 is 收入). */
static int same_text(const char *a, const char *b)
{
    char ka[128], kb[128];
    if (tx_key_buf(a, ka, sizeof ka) < 0 || tx_key_buf(b, kb, sizeof kb) < 0)
        return 0;   /* longer than any header label */
    return strcmp(ka, kb) == 0;
}

/* Whether every filled slot of r reads as the same slot of h, and one of
 * them is a word (a header row, not a row of figures that happen to match
 * the 栏次 numbers). */
static int repeats_row(const hrow *r, const hrow *h)
{
    int words = 0;
    for (int i = 0; i < r->n; i++) {
        if (tx_is_blank(r->cells[i]))
            continue;
        if (i >= h->n || !same_text(r->cells[i], h->cells[i]))
            return 0;
        words += !align_is_figure(r->cells[i]);
    }
    return words > 0;
}

int cont_repeats_header(const hrow *rows, int from, int to, int r)
{
    if (from >= to)
        return 0;
    if (hdr_is_colno_row(&rows[r]))
        return 1;
    for (int h = from; h < to; h++)
        if (repeats_row(&rows[r], &rows[h]))
            return 1;
    return 0;
}
