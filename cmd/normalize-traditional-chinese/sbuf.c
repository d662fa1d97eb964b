#include "sbuf.h"

#include <stdlib.h>
#include <string.h>

void sb_free(sbuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

int sb_grow(sbuf *b, size_t extra)
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

void sb_swap(sbuf *a, sbuf *b)
{
    sbuf t = *a;
    *a = *b;
    *b = t;
}
