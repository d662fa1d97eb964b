/* Fuzzes tabulate's narrative sentence parser: the text is cut into
 * sentences with sentence_next, and each one's figures are read with
 * sentence_figures. Invariants: the cutter always advances and never
 * passes the end; every figure has a measure, a value that is a decimal
 * (dec_parse), and an offset inside its sentence. */
#define _GNU_SOURCE
#include "decimal.h"
#include "fuzz_stream.h"
#include "sentence.h"
#include "utf8.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* records carry valid UTF-8 without NULs: nothing else reaches tabulate */
    if (!utf8_valid((const char *)data, size, &(size_t){0}) || memchr(data, 0, size))
        return 0;
    char *text = malloc(size + 1);
    FZ_CHECK(text);
    memcpy(text, data, size);
    text[size] = '\0';
    nctx ctx = {.year = "2023", .entity = "武汉市蔡甸区医疗保障局", .topic = "一般公共预算财政拨款支出"};
    size_t pos = 0;
    while (pos < size) {
        size_t n = sentence_next(text + pos);
        if (n == 0)
            break;
        FZ_CHECK(pos + n <= size);
        char *s = strndup(text + pos, n);
        FZ_CHECK(s);
        nfigure fig[32];
        int k = sentence_figures(s, &ctx, fig, 32);
        FZ_CHECK(k >= 0 && k <= 32);
        for (int i = 0; i < k; i++) {
            FZ_CHECK(fig[i].measure);
            FZ_CHECK(fig[i].offset < n);
            decimal d;
            FZ_CHECK(fig[i].value && dec_parse(fig[i].value, strlen(fig[i].value), &d) == DEC_OK);
            FZ_CHECK(memchr(fig[i].unit, '\0', sizeof fig[i].unit));
        }
        sentence_free(fig, k);
        free(s);
        pos += n;
    }
    free(text);
    return 0;
}
