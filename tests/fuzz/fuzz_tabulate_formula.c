/* Fuzzes tabulate's reading of the formulas printed under tables
 * (27行＝（1＋2＋…＋8）行): every formula found lies inside the text, has at
 * most FORMULA_MAX_TERMS terms, each with a sign of +1 or -1. */
#define _GNU_SOURCE
#include "formula.h"
#include "fuzz_stream.h"
#include "utf8.h"

#include <stdint.h>

typedef struct {
    size_t len;
    int calls;
} scan;

static int on_formula(void *ctx, const char *text, const formula *f)
{
    scan *sc = ctx;
    (void)text;
    sc->calls++;
    FZ_CHECK(f->start < f->end && f->end <= sc->len);
    FZ_CHECK(f->nterms >= 0 && f->nterms <= FORMULA_MAX_TERMS);
    for (int i = 0; i < f->nterms; i++)
        FZ_CHECK(f->sign[i] == 1 || f->sign[i] == -1);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!utf8_valid((const char *)data, size, &(size_t){0}) || memchr(data, 0, size))
        return 0;
    char *text = strndup((const char *)data, size);
    FZ_CHECK(text);
    scan sc = {size, 0};
    int n = formula_scan(text, on_formula, &sc);
    FZ_CHECK(n == sc.calls);
    free(text);
    return 0;
}
