/* Fuzzes reconcile's parser of the table identities (27行＝（1＋2＋…＋8）行):
 * at most max identities, each with at most FORMULA_MAX_TERMS terms of
 * sign +1 or -1, and formula_text never overruns its buffer. */
#define _GNU_SOURCE
#include "formula.h"
#include "fuzz_stream.h"
#include "utf8.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!utf8_valid((const char *)data, size, &(size_t){0}) || memchr(data, 0, size))
        return 0;
    char *text = strndup((const char *)data, size);
    FZ_CHECK(text);
    formula f[8];
    int n = formula_parse(text, f, 8);
    FZ_CHECK(n >= 0 && n <= 8);
    for (int i = 0; i < n; i++) {
        FZ_CHECK(f[i].n >= 0 && f[i].n <= FORMULA_MAX_TERMS);
        for (int k = 0; k < f[i].n; k++)
            FZ_CHECK(f[i].sign[k] == 1 || f[i].sign[k] == -1);
        FZ_CHECK(formula_same(&f[i], &f[i]));
        char small[16], big[4096];
        formula_text(&f[i], small, sizeof small);
        FZ_CHECK(memchr(small, '\0', sizeof small));
        formula_text(&f[i], big, sizeof big);
        FZ_CHECK(memchr(big, '\0', sizeof big));
    }
    free(text);
    return 0;
}
