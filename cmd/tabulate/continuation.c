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

/* A cell holding an amount with decimals (442.86): no header row, 栏次
 * row included, has one, and nearly every body row does. Checked first
 * because this runs on every body row of every table. */
static int has_decimal_amount(const hrow *r)
{
    for (int i = 0; i < r->n; i++) {
        const char *dot = strchr(r->cells[i], '.');
        if (dot && dot > r->cells[i] && dot[-1] >= '0' && dot[-1] <= '9' && dot[1] >= '0' &&
            dot[1] <= '9')
            return 1;
    }
    return 0;
}

int cont_repeats_header(const hrow *rows, const hrow *spread, int from, int to, int r)
{
    if (from >= to || has_decimal_amount(&rows[r]))
        return 0;
    if (hdr_is_colno_row(&rows[r]))
        return 1;
    for (int h = from; h < to; h++)
        if (repeats_row(&rows[r], &rows[h]) || repeats_row(&rows[r], &spread[h]))
            return 1;
    return 0;
}
