/* A growable byte buffer for building rewritten text. A failed allocation
 * sets `failed` and makes later appends no-ops, so callers check once. */
#ifndef NT_SBUF_H
#define NT_SBUF_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    char *data;
    size_t len, cap;
    int failed;
} sbuf;

void sb_free(sbuf *b);
static inline void sb_clear(sbuf *b) { b->len = 0; b->failed = 0; }
int sb_reserve(sbuf *b, size_t extra);
void sb_put(sbuf *b, const char *p, size_t n);
void sb_putc(sbuf *b, char c);
void sb_put_cp(sbuf *b, uint32_t cp);
/* Swaps two buffers: the output of one pass becomes the input of the next. */
void sb_swap(sbuf *a, sbuf *b);

#endif
