#include "sbuf.h"

#include "utf8.h"

#include <stdlib.h>
#include <string.h>

void sb_free(sbuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

int sb_reserve(sbuf *b, size_t extra)
{
    if (b->failed)
        return -1;
    if (b->cap - b->len > extra)  /* keeps room for a terminating NUL */
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->len <= extra) {
        if (cap > SIZE_MAX / 2) {
            b->failed = 1;
            return -1;
        }
        cap *= 2;
    }
    char *d = realloc(b->data, cap);
    if (!d) {
        b->failed = 1;
        return -1;
    }
    b->data = d;
    b->cap = cap;
    return 0;
}

void sb_put(sbuf *b, const char *p, size_t n)
{
    if (n == 0 || sb_reserve(b, n))
        return;
    memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void sb_putc(sbuf *b, char c) { sb_put(b, &c, 1); }

void sb_put_cp(sbuf *b, uint32_t cp)
{
    char u[4];
    int n = utf8_encode(cp, u);
    sb_put(b, u, (size_t)n);
}

void sb_swap(sbuf *a, sbuf *b)
{
    sbuf t = *a;
    *a = *b;
    *b = t;
}
